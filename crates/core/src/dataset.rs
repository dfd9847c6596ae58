//! Reading a dataset: JSON → [`RawDataset`] ([`crate::read`], item by item) → checked
//! [`Dataset`].
//!
//! A document that cannot be read at all is a [`LoadError`]; an item that cannot be read,
//! or a flow that refers to something missing, is left out and reported as a [`Problem`],
//! so the rest still draws.

use crate::model::{
    Category, ClaimStatus, Flow, Location, RawDataset, Source, Speaker, FORMAT_VERSION,
};
use thiserror::Error;

pub use crate::validate::Problem;

/// Why a dataset could not be used at all.
#[derive(Debug, Error, PartialEq)]
pub enum LoadError {
    /// The text is not valid JSON.
    #[error("{file}, line {line}, column {column}: {message}")]
    Syntax {
        /// The file's name, as the reader knows it.
        file: String,
        /// The line of the problem, from 1.
        line: usize,
        /// The column of the problem, from 1.
        column: usize,
        /// What is wrong, in words.
        message: String,
    },
    /// The top level or `meta` does not have the dataset's shape (not an object, a list
    /// missing or not a list, a wrong field in `meta`).
    #[error("{file}, line {line}, column {column}, at {path}: {message}")]
    Shape {
        /// The file's name, as the reader knows it.
        file: String,
        /// The line of the problem, from 1.
        line: usize,
        /// The column of the problem, from 1.
        column: usize,
        /// Where in the document (`flows[3].value`).
        path: String,
        /// What is wrong, in words.
        message: String,
    },
    /// The document is over one of the [limits](crate::limits) read before parsing.
    #[error("{file}: {reason}")]
    Limit {
        /// The file's name, as the reader knows it.
        file: String,
        /// Which limit, and by how much.
        reason: crate::limits::Exceeded,
    },
    /// The file is not UTF-8 text (JSON is always UTF-8).
    #[error(
        "{file}, line {line}, column {column}: the file is not UTF-8 text; save it as UTF-8 (in a text editor: Save as… → Encoding: UTF-8)"
    )]
    Encoding {
        /// The file's name, as the reader knows it.
        file: String,
        /// The line of the first byte that is not UTF-8, from 1.
        line: usize,
        /// Its column (in bytes, as the other positions), from 1.
        column: usize,
    },
    /// The document says it is in a format version this build cannot read.
    #[error(
        "{file}: format version {found} is not supported (this map reads versions 1 to {expected})"
    )]
    Version {
        /// The file's name, as the reader knows it.
        file: String,
        /// The version the document says it is in.
        found: u32,
        /// The newest version this build reads.
        expected: u32,
    },
    /// A document that is not plain (in format version 1, or with an item that cannot be
    /// read), given to the plain reader ([`Dataset::from_bytes_plain`]);
    /// [`Dataset::from_bytes`] reads it.
    #[error("{file}: not a plain document (format version 1, or an item that cannot be read); read by Dataset::from_bytes")]
    NotPlain {
        /// The file's name, as the reader knows it.
        file: String,
    },
}

/// A reader of a document's text: [`crate::read::read`] or [`crate::read::read_plain`].
type ReadFn = fn(&str, &str) -> Result<crate::read::Read, LoadError>;

/// The text of a dataset file's bytes, refused as the map refuses it: over the size or the
/// text limit ([`crate::limits`]), or not UTF-8 (at the first byte that is not). The reader
/// and `flowmap-data migrate` start from it.
pub fn text_of<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    let limit = |reason| LoadError::Limit { file: file.into(), reason };
    crate::limits::check_size(bytes.len()).map_err(limit)?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        LoadError::Encoding {
            file: file.into(),
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column: before.len() - line_start + 1,
        }
    })?;
    crate::limits::check_document(text).map_err(limit)?;
    Ok(text)
}

/// A checked dataset: everything in it can be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The document, without the items that failed the checks.
    pub raw: RawDataset,
    /// What was left out or changed, and why.
    pub problems: Vec<Problem>,
    /// The format version the document was written in; older versions are migrated on
    /// read ([`crate::migrate`]).
    pub read_version: u32,
}

impl Dataset {
    /// [`Dataset::from_json`] for a file's bytes, as downloaded or read from disk: what the
    /// page and `flowmap-data validate` both call, so they report the same problems. A file
    /// that is not UTF-8 is refused at the first byte that is not.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::dataset::Dataset;
    /// let err = Dataset::from_bytes("flows.json", b"{\n  \"title\": \"Caf\xe9\"}").unwrap_err();
    /// assert!(err.to_string().starts_with("flows.json, line 2, column 16: the file is not UTF-8 text"));
    /// ```
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Dataset, LoadError> {
        Dataset::read(file, text_of(file, bytes)?, crate::read::read)
    }

    /// [`Dataset::from_bytes`] for a plain document (in the current format, every item
    /// readable); any other is refused with [`LoadError::NotPlain`]
    /// ([`crate::read::read_plain`]), for [`Dataset::from_bytes`] to read.
    pub fn from_bytes_plain(file: &str, bytes: &[u8]) -> Result<Dataset, LoadError> {
        Dataset::read(file, text_of(file, bytes)?, crate::read::read_plain)
    }

    /// Parses and checks a dataset; `file` names it in messages.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::dataset::Dataset;
    /// let err = Dataset::from_json("flows.json", "{\n  \"version\": 1,\n  oops").unwrap_err();
    /// assert!(err.to_string().starts_with("flows.json, line 3, column 3"));
    /// ```
    pub fn from_json(file: &str, text: &str) -> Result<Dataset, LoadError> {
        crate::limits::check_document(text)
            .map_err(|reason| LoadError::Limit { file: file.into(), reason })?;
        Dataset::read(file, text, crate::read::read)
    }

    /// Reads (with `read`) and checks a text within the limits.
    fn read(file: &str, text: &str, read: ReadFn) -> Result<Dataset, LoadError> {
        let read = read(file, text)?;
        let (raw, checked) = crate::validate::check_read(read.raw, read.origin);
        let mut problems = read.problems;
        problems.extend(checked);
        Ok(Dataset { raw, problems, read_version: read.version })
    }

    /// Keeps what passes [`validate::check`](crate::validate::check); lists the rest as problems.
    pub fn check(raw: RawDataset) -> Dataset {
        let (raw, problems) = crate::validate::check(raw);
        Dataset { raw, problems, read_version: FORMAT_VERSION }
    }

    /// True when nothing had to be left out or changed.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }

    /// The location with this id.
    pub fn location(&self, id: &str) -> Option<&Location> {
        self.raw.locations.iter().find(|l| l.id == id)
    }

    /// The source (publication) with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.raw.sources.iter().find(|s| s.id == id)
    }

    /// The speaker with this id.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.raw.speakers.iter().find(|s| s.id == id)
    }

    /// The category with this id and its position in the legend.
    pub fn category(&self, id: &str) -> Option<(usize, &Category)> {
        self.raw.categories.iter().enumerate().find(|(_, c)| c.id == id)
    }

    /// The categories some flow belongs to, with their position (which picks their colour):
    /// what the legend, the filters and the SVG export list.
    pub fn categories_in_use(&self) -> impl Iterator<Item = (usize, &Category)> {
        // One pass over the flows (not one per category: 50 × 100,000 at start-up).
        let position: std::collections::HashMap<&str, usize> =
            self.raw.categories.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let mut used = vec![false; self.raw.categories.len()];
        for f in &self.raw.flows {
            if let Some(&k) = position.get(f.category.as_str()) {
                used[k] = true;
            }
        }
        self.raw.categories.iter().enumerate().filter(move |(k, _)| used[*k])
    }

    /// The claim statuses some flow has, from documented to unverified.
    pub fn statuses_in_use(&self) -> impl Iterator<Item = ClaimStatus> + '_ {
        ClaimStatus::ALL.into_iter().filter(|s| self.raw.flows.iter().any(|f| f.status == *s))
    }

    /// Location ids of a flow's route, origin first.
    pub fn route<'a>(&self, flow: &'a Flow) -> Vec<&'a str> {
        self.stops(flow).collect()
    }

    /// The location ids along a flow's route, in order, without collecting them.
    pub fn stops<'a>(&self, flow: &'a Flow) -> impl Iterator<Item = &'a str> {
        std::iter::once(flow.from.as_str())
            .chain(flow.via.iter().map(String::as_str))
            .chain(std::iter::once(flow.to.as_str()))
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
        let paths: Vec<_> = d.problems.iter().map(|p| p.path.to_string()).collect();
        // A version 1 source is also its citations' speaker, so both are missing.
        assert_eq!(
            paths,
            [
                "flows[1].to",
                "flows[1].via[0]",
                "flows[1].citations[0].source",
                "flows[1].citations[0].speaker"
            ]
        );
        assert!(d.problems[0].message.contains("\"XXX\""));
    }

    #[test]
    fn future_version_is_named() {
        let text = GOOD.replace("\"version\": 1", "\"version\": 7");
        let err = Dataset::from_json("t.json", &text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.json: format version 7 is not supported (this map reads versions 1 to 2)"
        );
    }

    #[test]
    fn a_mistyped_flow_is_left_out_with_its_line_and_column() {
        let text = GOOD.replace(
            "\"status\": \"alleged\", \"citations\": [{\"source\": \"s1\"",
            "\"status\": \"rumoured\", \"citations\": [{\"source\": \"s1\"",
        );
        let d = Dataset::from_json("t.json", &text).unwrap();
        let p = &d.problems[0];
        assert_eq!(p.path, "flows[0].status");
        assert_eq!(
            p.message,
            "status must be one of \"documented\", \"reported\", \"alleged\", \"denied\" or \"unverified\"; found \"rumoured\" (line 9, column 49; flow \"a\" not shown)"
        );
        // The other flow is still checked, at its own path.
        assert_eq!(d.problems[1].path, "flows[1].to");
    }

    /// Paths of values that cannot be read: an item's leave it out, the top level's and
    /// meta's refuse the document (`Err`), an unknown top-level member is ignored.
    #[test]
    fn reading_errors_name_the_value_by_path() {
        const SHAPES: &str = r#"{
      "version": 1,
      "meta": {"title": "T"},
      "locations": [{"id": "SRB", "name": "Serbia"}, {"id": "UKR", "name": "Ukraine", "point": [1, 2]}],
      "categories": [{"id": "arms", "name": "Arms"}],
      "sources": [{"id": "s1", "outlet": "O", "title": "T", "kind": "news-report"}],
      "flows": [
        {"id": "a", "from": "SRB", "to": "UKR", "category": "arms", "value": "undisclosed",
         "description": "d", "status": "alleged", "citations": [{"source": "s1", "quote": "q"}]},
        {"id": "b", "from": "SRB", "to": "UKR", "category": "arms", "value": {"amount": 5, "currency": "USD"},
         "description": "d", "status": "alleged", "citations": [{"source": "s1", "quote": "q"}]}
      ]
    }"#;
        let cases = [
            ("\"amount\": 5", "\"amount\": \"five\"", "flows[1].value.amount", true),
            ("{\"id\": \"b\", \"from\": \"SRB\", ", "{\"id\": \"b\", ", "flows[1]", true),
            ("\"point\": [1, 2]", "\"point\": [1, \"x\"]", "locations[1].point[1]", true),
            ("\"kind\": \"news-report\"", "\"kind\": 4", "sources[0].kind", true),
            (
                "\"quote\": \"q\"}]},",
                "\"quote\": \"q\", \"page\": {\"n\": [1]}}]},",
                "flows[0].citations[0].page",
                true,
            ),
            ("\"name\": \"Serbia\"", "\"name\": {\"en\": 5}", "locations[0].name.en", true),
            ("\"version\": 1,", "\"version\": 1, \"extra\": true,", "extra", true),
            ("\"title\": \"T\"}", "\"title\": \"T\", \"colour\": 3}", "meta.colour", false),
            ("\"flows\": [", "\"flows\": 3, \"x\": [", "flows", false),
        ];
        for (from, to, want, read) in cases {
            assert!(SHAPES.contains(from), "{from}");
            let text = SHAPES.replacen(from, to, 1);
            match Dataset::from_json("t.json", &text) {
                Ok(d) if read => assert_eq!(d.problems[0].path, want, "{to}"),
                Err(LoadError::Shape { path, .. }) if !read => assert_eq!(path, want, "{to}"),
                other => panic!("{to}: {other:?}"),
            }
        }
    }
}
