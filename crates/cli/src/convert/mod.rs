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

use crate::sheet::Row;
use cells::localized;
use flow::flow;
use flowmap_core::dataset::Dataset;
use flowmap_core::model::{Category, Flow, Meta, RawDataset, Source, Speaker, FORMAT_VERSION};
use items::{location, source, speaker, speaker_of_source};
use position::{Groups, Origin, Origins};
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

    // Each list remembers the rows its items came from, so the validator's paths can be
    // translated.
    let (location_rows, locs) = Origin::read(&locations, |r| location(r, &locations), &mut errors);
    let (source_rows, srcs) =
        Origin::read(&sources, |r| source(r).map(|s| (speaker_of_source(r, &s), s)), &mut errors);
    let (srcs_speakers, srcs): (Vec<Speaker>, Vec<Source>) = srcs.into_iter().unzip();
    let (speaker_rows, spks) = match &speakers {
        Some(sheet) => {
            let (rows, spks) = Origin::read(sheet, |r| speaker(r, sheet), &mut errors);
            (Some(rows), spks)
        }
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
            (None, srcs_speakers)
        }
    };
    let (flow_rows, fls) = Origin::read(&flows, |r| flow(r, &flows, speakers_file), &mut errors);
    let (fls, groups): (Vec<Flow>, Vec<Groups>) = fls.into_iter().unzip();
    let (category_rows, cats) = match &categories {
        Some(sheet) => {
            let category = |r: &Row| {
                Ok(Category { id: r.get("id").into(), name: localized(r, sheet, "name") })
            };
            let (rows, cats) = Origin::read(sheet, category, &mut errors);
            (Some(rows), cats)
        }
        None => {
            let mut seen = std::collections::HashSet::new();
            let cats = fls
                .iter()
                .map(|f| f.category.as_str())
                .filter(|id| seen.insert(*id))
                .map(|id| Category { id: id.into(), name: id.into() })
                .collect();
            (None, cats)
        }
    };
    if !errors.is_empty() {
        return Converted { json: None, problems: errors, notes };
    }
    let raw = RawDataset {
        schema: Some("flows.schema.json".into()),
        version: FORMAT_VERSION,
        meta,
        locations: locs,
        categories: cats,
        sources: srcs,
        speakers: spks,
        flows: fls,
        events: Vec::new(),
    };
    let json = crate::json::to_pretty(&raw);
    let origins = Origins {
        locations: location_rows,
        sources: source_rows,
        speakers: speaker_rows,
        categories: category_rows,
        flows: flow_rows,
        groups,
        meta: texts.meta.as_ref().map(|(f, _)| f.as_str()),
    };
    let problems = Dataset::check(raw).problems.iter().map(|p| origins.describe(p)).collect();
    Converted { json: Some(json), problems, notes }
}
