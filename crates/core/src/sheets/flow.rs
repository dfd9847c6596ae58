//! A flow from a row of the flows sheet: its figure (with parts and the figure it is part
//! of), period, texts and citations.

use super::cells::{choice, choice_with, date, localized, nth, number, BASES, STANCES, STATUSES};
use super::position::Groups;
use super::problem::SheetProblem;
use super::sheet::{Row, Sheet};
use crate::date::Period;
use crate::model::{Actors, Basis, Citation, Flow, FlowValue, Part, Quantity, Undisclosed};
use crate::text::Localized;

/// The columns that describe a stated figure, in the order of the sheet's documentation.
fn value_columns(sheet: &Sheet) -> Vec<String> {
    let mut cols: Vec<String> =
        ["currency", "unit", "basis", "of_amount", "of_what"].map(String::from).into();
    for k in 1.. {
        let (a, w) = (nth("part_amount", k), nth("part_what", k));
        if !sheet.has(&a) && !sheet.has(&w) {
            break;
        }
        cols.extend([a, w]);
    }
    cols
}

/// A part or whole figure from `amount_col` and `what_col`; `None` when both are empty.
fn part(
    row: &Row,
    sheet: &Sheet,
    amount_col: &str,
    what_col: &str,
) -> Result<Option<Part>, SheetProblem> {
    match (row.optional(amount_col), row.optional(what_col)) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(row.error(
            amount_col,
            format!("\"{what_col}\" says what a figure is; write its amount here"),
        )),
        (Some(_), _) => Ok(Some(Part {
            amount: number(row, amount_col)?,
            what: localized(row, sheet, what_col),
        })),
    }
}

/// The figure of a row: undisclosed (no cell that would describe a figure filled), or an
/// amount with its currency or unit, basis, parts and the figure it is part of; with the
/// column group of each part written.
fn value(row: &Row, sheet: &Sheet) -> Result<(FlowValue, Vec<usize>), SheetProblem> {
    let amount = row.get("amount");
    if amount.is_empty() || amount.eq_ignore_ascii_case("undisclosed") {
        if let Some(col) = value_columns(sheet).into_iter().find(|c| row.optional(c).is_some()) {
            return Err(row.error(
                &col,
                "the amount is undisclosed, so there is no figure for this cell to describe; write the amount, or empty this cell".into(),
            ));
        }
        return Ok((FlowValue::Undisclosed(Undisclosed::Undisclosed), Vec::new()));
    }
    let (mut parts, mut groups) = (Vec::new(), Vec::new());
    for k in 1.. {
        let (a, w) = (nth("part_amount", k), nth("part_what", k));
        if !sheet.has(&a) && !sheet.has(&w) {
            break;
        }
        if let Some(p) = part(row, sheet, &a, &w)? {
            parts.push(p);
            groups.push(k);
        }
    }
    let quantity = Quantity {
        amount: number(row, "amount")?,
        currency: row.optional("currency").map(str::to_ascii_uppercase),
        unit: row.optional("unit").map(String::from),
        basis: match row.optional("basis") {
            Some(_) => choice(row, "basis", BASES)?,
            None => Basis::Total,
        },
        parts,
        of: part(row, sheet, "of_amount", "of_what")?,
    };
    Ok((FlowValue::Known(quantity), groups))
}

/// The citations of a row: `source`, `speaker`, `stance`, `quote`, `series`, then the same
/// with `_2`, …
/// An empty speaker is the source itself when there is no speakers sheet. Empty groups are
/// skipped; the column group of each citation written comes with it.
fn citations(
    row: &Row,
    sheet: &Sheet,
    speakers_sheet: Option<&str>,
) -> Result<(Vec<Citation>, Vec<usize>), SheetProblem> {
    let (mut out, mut groups) = (Vec::new(), Vec::new());
    for k in 1.. {
        let [s, p, st, q, se] =
            ["source", "speaker", "stance", "quote", "series"].map(|c| nth(c, k));
        if ![&s, &p, &st, &q, &se].iter().any(|c| sheet.has(c)) {
            break;
        }
        let cells = [&s, &p, &st, &q, &se].map(|c| row.optional(c));
        if cells.iter().all(Option::is_none) {
            continue;
        }
        let Some(source) = cells[0] else {
            let filled =
                [&p, &st, &q, &se][cells[1..].iter().position(Option::is_some).unwrap_or(0)];
            return Err(row.error(&s, format!("a citation (\"{filled}\") needs the id of its publication here, a row of the sources sheet")));
        };
        let speaker = match (cells[1], speakers_sheet) {
            (Some(id), _) => id.to_string(),
            (None, None) => source.to_string(),
            (None, Some(file)) => {
                return Err(row.error(
                    &p,
                    format!("name the speaker of this quote: the id of a row of {file} (who says it, not the outlet reporting it)"),
                ))
            }
        };
        let hint = " (format 1's \"supports\" is now \"claims\", or finds, confirms, estimates, acknowledges where that is what the speaker does)";
        let stance =
            choice_with(row, &st, STANCES, if row.get(&st) == "supports" { hint } else { "" })?;
        out.push(Citation {
            source: source.into(),
            speaker,
            stance,
            quote: cells[3].unwrap_or("").into(),
            series: cells[4].map(String::from),
        });
        groups.push(k);
    }
    Ok((out, groups))
}

/// A row of the flows sheet, with the column groups its citations and parts came from;
/// `speakers_sheet` names the speakers sheet, if any.
pub(super) fn flow(
    row: &Row,
    sheet: &Sheet,
    speakers_sheet: Option<&str>,
) -> Result<(Flow, Groups), SheetProblem> {
    let (value, parts) = value(row, sheet)?;
    let (start, end) = (date(row, "start")?, date(row, "end")?);
    let status = choice(row, "status", STATUSES)?;
    let (citations, cited) = citations(row, sheet, speakers_sheet)?;
    let flow = Flow {
        id: row.get("id").into(),
        from: row.get("from").into(),
        to: row.get("to").into(),
        via: row.list("via"),
        category: row.get("category").into(),
        value,
        period: (start.is_some() || end.is_some()).then_some(Period { start, end }),
        actors: Actors {
            from: row.list("actors_from").into_iter().map(Localized::Plain).collect(),
            via: row.list("actors_via").into_iter().map(Localized::Plain).collect(),
            to: row.list("actors_to").into_iter().map(Localized::Plain).collect(),
        },
        description: localized(row, sheet, "description"),
        status,
        citations,
        note: row.optional("note").map(|_| localized(row, sheet, "note")),
    };
    Ok((flow, Groups { citations: cited, parts }))
}
