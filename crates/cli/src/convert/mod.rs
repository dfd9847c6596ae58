//! CSV sheets → the dataset's JSON (format 2), with the validator's problems given by sheet row.
//!
//! Columns (header names; `_<lang>` variants such as `name_ru` add translations):
//! - locations: `id`, `name`, `lon`, `lat`
//! - categories (optional; else each flow's category id is its own name): `id`, `name`
//! - sources (publications): `id`, `outlet`, `title` (optional), `date`, `url`, `kind`
//! - speakers (optional): `id`, `name`, `kind`, `stake`, `plural` (`yes`/`no`). Without a
//!   speakers sheet each source is also a speaker with its id (named by a `cites` column if
//!   the sheet has one, else by its outlet), as in format 1.
//! - flows: `id`, `from`, `to`, `via` (`;`-separated), `category`, `amount` (empty or
//!   `undisclosed` when not given), `currency` or `unit`, `basis`, parts as `part_amount`,
//!   `part_what`, `part_amount_2`, `part_what_2`, …, the larger figure as `of_amount`,
//!   `of_what`, then `start`, `end`, `actors_from`, `actors_via`, `actors_to`
//!   (`;`-separated), `description`, `status`, `note`, and citations as `source`, `speaker`,
//!   `stance`, `quote`, `source_2`, `speaker_2`, `stance_2`, `quote_2`, …

mod cells;
mod flow;
mod items;
mod position;
mod sheets;
#[cfg(test)]
mod tests;

pub use sheets::{Files, Texts};

use crate::sheet::{CellError, Row, Sheet};
use cells::localized;
use flow::flow;
use flowmap_core::dataset::Dataset;
use flowmap_core::model::{Category, Meta, RawDataset, Speaker, FORMAT_VERSION};
use items::{location, source, speaker, speaker_of_source};
use position::sheet_position;
use sheets::parse;

/// What `convert` produced.
#[derive(Debug, Default)]
pub struct Converted {
    /// The dataset, when every row could be read (the validator's problems are then
    /// reported but the data is kept whole).
    pub json: Option<String>,
    /// Every problem, in the sheets' terms.
    pub problems: Vec<String>,
    /// Things to know that are not problems.
    pub notes: Vec<String>,
}

/// Converts the sheets.
pub fn convert(texts: &Texts) -> Converted {
    let mut errors: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let speakers_file = texts.speakers.as_ref().map(|(f, _)| f.as_str());
    let speakers =
        texts.speakers.as_ref().and_then(|s| parse(s, &["id", "name", "kind"], &[], &mut errors));
    let locations = parse(&texts.locations, &["id", "name"], &[], &mut errors);
    let cites = speakers_file.map(|file| {
        ("cites", format!(
            "this column is from format 1; with a speakers sheet ({file}), name the speaker of each quote in the flows sheet's \"speaker\" columns and leave this column out"
        ))
    });
    let sources = parse(&texts.sources, &["id", "outlet", "kind"], cites.as_slice(), &mut errors);
    let mut flow_columns =
        vec!["id", "from", "to", "category", "description", "status", "source", "stance", "quote"];
    if speakers_file.is_some() {
        flow_columns.push("speaker");
    }
    let qualifier = (
        "qualifier",
        "this column is from format 1; write a \"basis\" column instead (at-least is now minimum, about is estimate)".to_string(),
    );
    let flows = parse(&texts.flows, &flow_columns, &[qualifier], &mut errors);
    let categories =
        texts.categories.as_ref().and_then(|c| parse(c, &["id", "name"], &[], &mut errors));
    let meta: Meta = match &texts.meta {
        Some((file, text)) => match serde_json::from_str(text) {
            Ok(m) => m,
            Err(e) => {
                errors.push(format!("{file}: {e}"));
                return Converted { json: None, problems: errors, notes };
            }
        },
        None => Meta {
            title: "Untitled flow map".into(),
            subtitle: None,
            notes: None,
            credit: None,
            language: None,
            focus: Vec::new(),
        },
    };
    let (Some(locations), Some(sources), Some(flows)) = (locations, sources, flows) else {
        return Converted { json: None, problems: errors, notes };
    };
    if texts.speakers.is_some() && speakers.is_none() {
        return Converted { json: None, problems: errors, notes };
    }

    // Each item remembers its spreadsheet row, so the validator's paths can be translated.
    fn collect<T>(
        sheet: &Sheet,
        read: impl Fn(&Row) -> Result<T, CellError>,
        errors: &mut Vec<String>,
    ) -> Vec<(usize, T)> {
        sheet
            .rows()
            .filter_map(|r| {
                read(&r).map(|t| (r.number, t)).map_err(|e| errors.push(e.to_string())).ok()
            })
            .collect()
    }
    let locs = collect(&locations, |r| location(r, &locations), &mut errors);
    let srcs = collect(&sources, |r| source(r).map(|s| (speaker_of_source(r, &s), s)), &mut errors);
    let spks: Vec<(usize, Speaker)> = match &speakers {
        Some(sheet) => collect(sheet, |r| speaker(r, sheet), &mut errors),
        None => {
            notes.push(format!(
                "no speakers sheet (--speakers): each publication in {} is also the speaker of the quotes it is cited for, \
                 named by its \"cites\" cell or else its outlet; to quote several speakers from one article (an accusation \
                 and its denial), or to give a speaker's stake, add a speakers sheet",
                sources.file
            ));
            // A speaker column suggests the speakers sheet was forgotten.
            let named = flows.rows().any(|r| {
                flows.columns_with_prefix("speaker").any(|c| {
                    (c == "speaker" || c["speaker".len()..].starts_with('_'))
                        && r.optional(c).is_some()
                })
            });
            if named {
                notes.push(format!(
                    "{} names speakers, but without --speakers they can only be ids of rows of {}",
                    flows.file, sources.file
                ));
            }
            srcs.iter().map(|(n, (sp, _))| (*n, sp.clone())).collect()
        }
    };
    let fls = collect(&flows, |r| flow(r, &flows, speakers_file), &mut errors);
    let cats: Vec<(usize, Category)> = match &categories {
        Some(sheet) => collect(
            sheet,
            |r| Ok(Category { id: r.get("id").into(), name: localized(r, sheet, "name") }),
            &mut errors,
        ),
        None => {
            let mut seen = std::collections::HashSet::new();
            fls.iter()
                .map(|(_, f)| f.category.as_str())
                .filter(|id| seen.insert(*id))
                .map(|id| (0, Category { id: id.into(), name: id.into() }))
                .collect()
        }
    };
    if !errors.is_empty() {
        return Converted { json: None, problems: errors, notes };
    }
    let raw = RawDataset {
        schema: Some("flows.schema.json".into()),
        version: FORMAT_VERSION,
        meta,
        locations: locs.iter().map(|(_, l)| l.clone()).collect(),
        categories: cats.iter().map(|(_, c)| c.clone()).collect(),
        sources: srcs.iter().map(|(_, (_, s))| s.clone()).collect(),
        speakers: spks.iter().map(|(_, s)| s.clone()).collect(),
        flows: fls.iter().map(|(_, f)| f.clone()).collect(),
        events: Vec::new(),
    };
    let json = crate::json::to_pretty(&raw);
    // The sheet, spreadsheet row and column of item `i` of `list`, field `field`.
    let cell = |list: &str, i: usize, field: &str| -> Option<(String, usize, String)> {
        let (sheet, n) = match list {
            "locations" => (&locations, locs.get(i)?.0),
            "sources" => (&sources, srcs.get(i)?.0),
            "speakers" => match &speakers {
                Some(s) => (s, spks.get(i)?.0),
                // A speaker made from a source: its name is the source's cites or outlet.
                None => {
                    let col = if field == "name" {
                        if sources.has("cites") {
                            "cites"
                        } else {
                            "outlet"
                        }
                    } else {
                        field
                    };
                    return Some((sources.file.clone(), spks.get(i)?.0, col.into()));
                }
            },
            "flows" => (&flows, fls.get(i)?.0),
            "categories" => (categories.as_ref()?, cats.get(i)?.0),
            _ => return None,
        };
        Some((sheet.file.clone(), n, field.into()))
    };
    let meta_file = texts.meta.as_ref().map(|(f, _)| f.as_str());
    let problems = Dataset::check(raw)
        .problems
        .into_iter()
        .map(|p| {
            let path = p.path.to_string();
            if let (Some(file), Some(rest)) = (meta_file, path.strip_prefix("meta.")) {
                return format!("{file}, at {rest}: {}", p.message);
            }
            match sheet_position(&path).and_then(|(list, i, field)| cell(list, i, &field)) {
                Some((file, row, column)) if row > 0 => {
                    format!("{file}, row {row}, column \"{column}\": {}", p.message)
                }
                _ => p.to_string(),
            }
        })
        .collect();
    Converted { json: Some(json), problems, notes }
}
