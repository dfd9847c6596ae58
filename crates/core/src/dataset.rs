//! Reading a dataset: JSON → [`RawDataset`] → checked [`Dataset`].
//!
//! A document that cannot be read at all is a [`LoadError`]; a flow that refers to
//! something missing is left out and reported as a [`Problem`], so the rest still draws.

use crate::model::{Category, Flow, Location, RawDataset, Source, FORMAT_VERSION};
use std::collections::HashSet;
use thiserror::Error;

/// Why a dataset could not be used at all.
#[derive(Debug, Error, PartialEq)]
pub enum LoadError {
    /// The text is not valid JSON, or does not have the dataset's shape.
    #[error("{file}, line {line}, column {column}: {message}")]
    Syntax { file: String, line: usize, column: usize, message: String },
    /// The document says it is in a format version this build cannot read.
    #[error("{file}: format version {found} is not supported (this map reads version {expected})")]
    Version { file: String, found: u32, expected: u32 },
}

/// Something wrong in one place of an otherwise usable dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value, e.g. `flows[3].via[0]`.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
}

/// A dataset whose flows all refer to existing locations, categories and sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The document, holding only the flows that passed the checks.
    pub raw: RawDataset,
    /// What was left out, and why.
    pub problems: Vec<Problem>,
}

impl Dataset {
    /// Parses and checks a dataset; `file` names it in messages.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::dataset::Dataset;
    /// let err = Dataset::from_json("flows.json", "{\n  \"version\": 1,\n  oops").unwrap_err();
    /// assert!(err.to_string().starts_with("flows.json, line 3, column 3"));
    /// ```
    pub fn from_json(file: &str, text: &str) -> Result<Dataset, LoadError> {
        // Read the version first, so that a future format gets a message about the version
        // rather than about its fields.
        #[derive(serde::Deserialize)]
        struct Versioned {
            version: Option<u32>,
        }
        let syntax = |e: serde_json::Error| LoadError::Syntax {
            file: file.to_string(),
            line: e.line(),
            column: e.column(),
            message: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
        };
        let v: Versioned = serde_json::from_str(text).map_err(syntax)?;
        if let Some(found) = v.version.filter(|v| *v != FORMAT_VERSION) {
            return Err(LoadError::Version { file: file.into(), found, expected: FORMAT_VERSION });
        }
        let raw: RawDataset = serde_json::from_str(text).map_err(syntax)?;
        Ok(Dataset::check(raw))
    }

    /// Keeps the flows whose references resolve; lists the others as problems.
    pub fn check(mut raw: RawDataset) -> Dataset {
        let locations: HashSet<&str> = raw.locations.iter().map(|l| l.id.as_str()).collect();
        let categories: HashSet<&str> = raw.categories.iter().map(|c| c.id.as_str()).collect();
        let sources: HashSet<&str> = raw.sources.iter().map(|s| s.id.as_str()).collect();
        let mut problems = Vec::new();
        let mut keep = Vec::with_capacity(raw.flows.len());
        for (i, flow) in raw.flows.iter().enumerate() {
            let before = problems.len();
            let mut need = |ok: bool, field: String, what: &str, id: &str| {
                if !ok {
                    problems.push(Problem {
                        path: format!("flows[{i}].{field}"),
                        message: format!("flow \"{}\" refers to {what} \"{id}\", which is not defined", flow.id),
                    });
                }
            };
            need(locations.contains(flow.from.as_str()), "from".into(), "location", &flow.from);
            need(locations.contains(flow.to.as_str()), "to".into(), "location", &flow.to);
            for (j, v) in flow.via.iter().enumerate() {
                need(locations.contains(v.as_str()), format!("via[{j}]"), "location", v);
            }
            need(categories.contains(flow.category.as_str()), "category".into(), "category", &flow.category);
            for (j, c) in flow.citations.iter().enumerate() {
                need(sources.contains(c.source.as_str()), format!("citations[{j}].source"), "source", &c.source);
            }
            if flow.citations.is_empty() {
                problems.push(Problem {
                    path: format!("flows[{i}].citations"),
                    message: format!("flow \"{}\" has no citation; every flow needs a source", flow.id),
                });
            }
            keep.push(problems.len() == before);
        }
        let mut k = keep.into_iter();
        raw.flows.retain(|_| k.next().unwrap_or(false));
        Dataset { raw, problems }
    }

    /// The location with this id.
    pub fn location(&self, id: &str) -> Option<&Location> {
        self.raw.locations.iter().find(|l| l.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.raw.sources.iter().find(|s| s.id == id)
    }

    /// The category with this id and its position in the legend.
    pub fn category(&self, id: &str) -> Option<(usize, &Category)> {
        self.raw.categories.iter().enumerate().find(|(_, c)| c.id == id)
    }

    /// Location ids of a flow's route, origin first.
    pub fn route<'a>(&self, flow: &'a Flow) -> Vec<&'a str> {
        std::iter::once(flow.from.as_str())
            .chain(flow.via.iter().map(String::as_str))
            .chain(std::iter::once(flow.to.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod test {
    use super::*;

    const GOOD: &str = r#"{
      "version": 1,
      "meta": {"title": "T"},
      "locations": [{"id": "SRB", "name": "Serbia"}, {"id": "UKR", "name": "Ukraine"}],
      "categories": [{"id": "arms", "name": "Arms"}],
      "sources": [{"id": "s1", "outlet": "O", "title": "T", "kind": "news-report"}],
      "flows": [
        {"id": "a", "from": "SRB", "to": "UKR", "category": "arms", "value": "undisclosed",
         "description": "d", "status": "alleged", "citations": [{"source": "s1", "quote": "q"}]},
        {"id": "b", "from": "SRB", "to": "XXX", "via": ["YYY"], "category": "arms", "value": "undisclosed",
         "description": "d", "status": "alleged", "citations": [{"source": "s9", "quote": "q"}]}
      ]
    }"#;

    #[test]
    fn bad_flows_are_skipped_with_paths() {
        let d = Dataset::from_json("t.json", GOOD).unwrap();
        assert_eq!(d.raw.flows.len(), 1);
        let paths: Vec<_> = d.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["flows[1].to", "flows[1].via[0]", "flows[1].citations[0].source"]);
        assert!(d.problems[0].message.contains("\"XXX\""));
    }

    #[test]
    fn future_version_is_named() {
        let text = GOOD.replace("\"version\": 1", "\"version\": 7");
        let err = Dataset::from_json("t.json", &text).unwrap_err();
        assert_eq!(err.to_string(), "t.json: format version 7 is not supported (this map reads version 1)");
    }

    #[test]
    fn shape_errors_give_line_and_column() {
        let text = GOOD.replace("\"status\": \"alleged\", \"citations\": [{\"source\": \"s1\"", "\"status\": \"rumoured\", \"citations\": [{\"source\": \"s1\"");
        let err = Dataset::from_json("t.json", &text).unwrap_err();
        let LoadError::Syntax { line, message, .. } = err else { panic!("{err:?}") };
        assert_eq!(line, 9);
        assert!(message.contains("rumoured"), "{message}");
    }
}
