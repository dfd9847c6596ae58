//! Where a validator's problem is in the sheets: the JSON path of the dataset written,
//! turned into the sheet, row and column it came from.

use super::cells::nth;
use super::problem::SheetProblem;
use super::sheet::{Row, Sheet};
use crate::json_path::Segment;
use crate::{JsonPath, Problem};

/// The sheet's column group (1 for `source`, 2 for `source_2`, …) of each citation and part
/// of a flow, by position in the document: empty groups are not written, so `citations[0]`
/// may come from `source_2`.
#[derive(Debug, Default)]
pub(super) struct Groups {
    /// The group of each citation.
    pub citations: Vec<usize>,
    /// The group of each part of the figure.
    pub parts: Vec<usize>,
}

/// The sheet one list of the dataset was read from, and the row of each item.
#[derive(Debug)]
pub(super) struct Origin<'a> {
    sheet: &'a Sheet,
    rows: Vec<usize>,
}

impl<'a> Origin<'a> {
    /// Reads every row of `sheet` with `read`; the rows that cannot be read add their error
    /// to `errors` and give no item.
    pub(super) fn read<T>(
        sheet: &'a Sheet,
        read: impl Fn(&Row) -> Result<T, SheetProblem>,
        errors: &mut Vec<SheetProblem>,
    ) -> (Origin<'a>, Vec<T>) {
        let (mut rows, mut items) = (Vec::new(), Vec::new());
        for r in sheet.rows() {
            match read(&r) {
                Ok(t) => {
                    rows.push(r.number);
                    items.push(t);
                }
                Err(e) => errors.push(e),
            }
        }
        (Origin { sheet, rows }, items)
    }
}

/// Where every item of the dataset written came from.
#[derive(Debug)]
pub(super) struct Origins<'a> {
    /// The locations sheet.
    pub locations: Origin<'a>,
    /// The sources sheet.
    pub sources: Origin<'a>,
    /// The speakers sheet; without one, speaker `i` is made from source `i`.
    pub speakers: Option<Origin<'a>>,
    /// The categories sheet; without one, categories are made from the flows' and are in no
    /// sheet.
    pub categories: Option<Origin<'a>>,
    /// The flows sheet.
    pub flows: Origin<'a>,
    /// The column groups of each flow's citations and parts.
    pub groups: Vec<Groups>,
    /// The meta file's name, if one was given.
    pub meta: Option<&'a str>,
}

impl Origins<'_> {
    /// The problem in the sheets' terms: its file, row and column when it is about an item
    /// of a sheet, its file and path within when it is about the meta file, else as the
    /// validator gives it.
    pub(super) fn describe(&self, p: &Problem) -> SheetProblem {
        if let (Some(file), [Segment::Key(meta), rest @ ..]) = (self.meta, p.path.segments()) {
            if meta == "meta" && !rest.is_empty() {
                let at = Some(JsonPath::from(rest));
                return SheetProblem { at, ..SheetProblem::in_file(file, p.message.clone()) };
            }
        }
        match self.cell(&p.path) {
            Some((sheet, row, column)) => {
                SheetProblem::in_row(&sheet.file, row, column.as_deref(), p.message.clone())
            }
            None => SheetProblem {
                file: None,
                row: None,
                column: None,
                at: Some(p.path.clone()),
                message: p.message.clone(),
            },
        }
    }

    /// The sheet, row and column (when the path names a field) of the value at `path`.
    fn cell(&self, path: &JsonPath) -> Option<(&Sheet, usize, Option<String>)> {
        let [Segment::Key(list), Segment::Index(i), field @ ..] = path.segments() else {
            return None;
        };
        let (origin, column) = match list.as_str() {
            "locations" => (&self.locations, column(field)),
            "sources" => (&self.sources, column(field)),
            "speakers" => match &self.speakers {
                Some(o) => (o, column(field)),
                // A speaker made from a source: its name is the source's cites or outlet.
                None => {
                    let name = if self.sources.sheet.has("cites") { "cites" } else { "outlet" };
                    let column = column(field).map(|c| if c == "name" { name.into() } else { c });
                    (&self.sources, column)
                }
            },
            "categories" => (self.categories.as_ref()?, column(field)),
            "flows" => (&self.flows, flow_column(field, self.groups.get(*i)?)),
            _ => return None,
        };
        Some((origin.sheet, *origin.rows.get(*i)?, column))
    }
}

/// The last segment of `rest` when it is a key.
fn last_key(rest: &[Segment]) -> Option<&str> {
    match rest.last() {
        Some(Segment::Key(k)) => Some(k),
        _ => None,
    }
}

/// The first key of `field`, as the column of an item's field (`point` is in `lon` and `lat`).
fn column(field: &[Segment]) -> Option<String> {
    match field.first()? {
        Segment::Key(k) if k == "point" => Some("lon".into()),
        Segment::Key(k) => Some(k.clone()),
        Segment::Index(_) => None,
    }
}

/// The column of a flow's `field` (`citations[1].speaker` → `speaker_2` when that citation is
/// the sheet's second group), through the groups its citations and parts came from.
fn flow_column(field: &[Segment], groups: &Groups) -> Option<String> {
    use Segment::{Index, Key};
    let column = match field {
        [Key(c)] if c == "citations" => "source".to_string(),
        [Key(c), Index(j), rest @ ..] if c == "citations" => {
            let cells = ["source", "speaker", "stance", "quote", "series"];
            let column = last_key(rest).filter(|c| cells.contains(c)).unwrap_or("source");
            nth(column, *groups.citations.get(*j)?)
        }
        [Key(v)] if v == "value" => "currency".to_string(),
        [Key(v), Key(o), rest @ ..] if v == "value" && o == "of" => {
            if last_key(rest) == Some("what") { "of_what" } else { "of_amount" }.to_string()
        }
        [Key(v), Key(p), Index(j), rest @ ..] if v == "value" && p == "parts" => {
            let column = if last_key(rest) == Some("what") { "part_what" } else { "part_amount" };
            nth(column, *groups.parts.get(*j)?)
        }
        [Key(v), Key(k), ..] if v == "value" => k.clone(),
        [Key(p), ..] if p == "period" => "end".to_string(),
        _ => column(field)?,
    };
    Some(column)
}
