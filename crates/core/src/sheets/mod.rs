//! CSV sheets → a dataset (format 2), with the validator's problems given by sheet, row and
//! column; for the command-line tool and the browser's editor alike: the files come in as
//! bytes with their names ([`Sheets`]), read in UTF-8, UTF-16 or Windows-1252, the cells
//! separated by commas, semicolons or tabs.
//!
//! Columns (header names; `_<lang>` variants such as `name_ru` add translations):
//! - locations: `id`, `name`, `lon`, `lat`, `kind`, `other_names` (separated by `;`)
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
//!   `stance`, `quote`, `series` (the table of a `dataset` source, which then needs no
//!   quote), `source_2`, `speaker_2`, `stance_2`, `quote_2`, `series_2`, …

mod cells;
mod decode;
mod excerpt;
mod flow;
mod input;
mod items;
mod meta;
mod position;
mod problem;
mod sheet;
#[cfg(test)]
mod tests;

pub use excerpt::{excerpt, Excerpt};
pub use input::{SheetFile, Sheets};
pub use problem::SheetProblem;

use crate::dataset::Dataset;
use crate::model::{Category, Flow, RawDataset, Source, Speaker, FORMAT_VERSION};
use cells::localized;
use flow::flow;
use input::parse;
use items::{location, source, speaker, speaker_of_source};
use position::{Groups, Origin, Origins};
use sheet::Row;

/// What [`convert`] made of the sheets.
#[derive(Debug, Default)]
pub struct Converted {
    /// The dataset, when every row could be read (the validator's problems are then
    /// reported but the data is kept whole).
    pub dataset: Option<RawDataset>,
    /// The rows that could be read, when some could not (no `dataset` then): what a
    /// preview can draw while the problems are fixed.
    pub readable: Option<RawDataset>,
    /// Every problem, in the sheets' terms.
    pub problems: Vec<SheetProblem>,
    /// What was read but deserves a look (a file read as Windows-1252).
    pub warnings: Vec<SheetProblem>,
    /// Things to know that are not problems.
    pub notes: Vec<String>,
}

/// Converts the sheets: every problem and warning in `Converted`, and the dataset when
/// every row could be read.
pub fn convert(sheets: &Sheets) -> Converted {
    let mut out = Converted::default();
    let speakers_file = sheets.speakers.as_ref().map(|f| f.name.as_str());
    let speakers =
        sheets.speakers.as_ref().and_then(|s| parse(s, &["id", "name", "kind"], &[], &mut out));
    let locations = parse(&sheets.locations, &["id", "name"], &[], &mut out);
    let cites = speakers_file.map(|file| {
        ("cites", format!(
            "this column is from format 1; with a speakers sheet ({file}), name the speaker of each quote in the flows sheet's \"speaker\" columns and leave this column out"
        ))
    });
    let sources = parse(&sheets.sources, &["id", "outlet", "kind"], cites.as_slice(), &mut out);
    let mut flow_columns =
        vec!["id", "from", "to", "category", "description", "status", "source", "stance", "quote"];
    if speakers_file.is_some() {
        flow_columns.push("speaker");
    }
    let qualifier = (
        "qualifier",
        "this column is from format 1; write a \"basis\" column instead (at-least is now minimum, about is estimate)".to_string(),
    );
    let flows = parse(&sheets.flows, &flow_columns, &[qualifier], &mut out);
    let categories =
        sheets.categories.as_ref().and_then(|c| parse(c, &["id", "name"], &[], &mut out));
    let meta = match &sheets.meta {
        Some(file) => meta::meta(file, &mut out),
        None => Some(meta::untitled()),
    };
    let (Some(locations), Some(sources), Some(flows)) = (locations, sources, flows) else {
        return out;
    };
    if sheets.speakers.is_some() && speakers.is_none() {
        return out;
    }

    // Each list remembers the rows its items came from, so the validator's paths can be
    // translated.
    let (location_rows, locs) =
        Origin::read(&locations, |r| location(r, &locations), &mut out.problems);
    let (source_rows, srcs) = Origin::read(
        &sources,
        |r| source(r).map(|s| (speaker_of_source(r, &s), s)),
        &mut out.problems,
    );
    let (srcs_speakers, srcs): (Vec<Speaker>, Vec<Source>) = srcs.into_iter().unzip();
    let (speaker_rows, spks) = match &speakers {
        Some(sheet) => {
            let (rows, spks) = Origin::read(sheet, |r| speaker(r, sheet), &mut out.problems);
            (Some(rows), spks)
        }
        None => {
            out.notes.push(format!(
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
                out.notes.push(format!(
                    "{} names speakers, but without --speakers they can only be ids of rows of {}",
                    flows.file, sources.file
                ));
            }
            (None, srcs_speakers)
        }
    };
    let (flow_rows, fls) =
        Origin::read(&flows, |r| flow(r, &flows, speakers_file), &mut out.problems);
    let (fls, groups): (Vec<Flow>, Vec<Groups>) = fls.into_iter().unzip();
    let (category_rows, cats) = match &categories {
        Some(sheet) => {
            let category = |r: &Row| {
                Ok(Category { id: r.get("id").into(), name: localized(r, sheet, "name") })
            };
            let (rows, cats) = Origin::read(sheet, category, &mut out.problems);
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
    // The rows are read even when the meta file cannot be, so that every problem is listed.
    let Some(meta) = meta else {
        return out;
    };
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
        story: Vec::new(),
    };
    if !out.problems.is_empty() {
        out.readable = Some(raw);
        return out;
    }
    let origins = Origins {
        locations: location_rows,
        sources: source_rows,
        speakers: speaker_rows,
        categories: category_rows,
        flows: flow_rows,
        groups,
        meta: sheets.meta.as_ref().map(|f| f.name.as_str()),
    };
    out.problems.extend(Dataset::check(raw.clone()).problems.iter().map(|p| origins.describe(p)));
    out.problems.extend(past_limits(&raw, sheets));
    out.dataset = Some(raw);
    out
}

/// What the map would leave out or refuse of the converted dataset, as its reader does
/// ([`crate::limits`]): lists longer than it reads, a text of the meta file over the text
/// limit (the sheets' cells are checked as they are read).
fn past_limits(raw: &RawDataset, sheets: &Sheets) -> Vec<SheetProblem> {
    let file = |f: Option<&SheetFile>, or: &SheetFile| f.unwrap_or(or).name.clone();
    let lists = [
        ("flows", raw.flows.len(), sheets.flows.name.clone()),
        ("locations", raw.locations.len(), sheets.locations.name.clone()),
        ("sources", raw.sources.len(), sheets.sources.name.clone()),
        ("speakers", raw.speakers.len(), file(sheets.speakers.as_ref(), &sheets.sources)),
        ("categories", raw.categories.len(), file(sheets.categories.as_ref(), &sheets.flows)),
    ];
    let mut out: Vec<SheetProblem> = lists
        .into_iter()
        .filter_map(|(key, len, name)| {
            crate::limits::past_limit(key, len).map(|p| SheetProblem::in_file(&name, p.message))
        })
        .collect();
    if let (Some(meta), Ok(text)) = (&sheets.meta, serde_json::to_string(&raw.meta)) {
        if let Err(e) = crate::limits::check_document(&text) {
            let at = match &e {
                crate::limits::Exceeded::Text { path, .. } => format!("at {path}: "),
                crate::limits::Exceeded::Document { .. } => String::new(),
            };
            out.push(SheetProblem::in_file(&meta.name, format!("{at}{}", without_position(&e))));
        }
    }
    out
}

/// The limit's message without the line and column of the meta as written here (which are
/// not the file's).
fn without_position(e: &crate::limits::Exceeded) -> String {
    match e {
        crate::limits::Exceeded::Text { chars, .. } => format!(
            "a text of {chars} characters; the map accepts texts of up to {}",
            crate::limits::MAX_TEXT_CHARS
        ),
        other => other.to_string(),
    }
}
