//! Reading one cell: text with its translations, a choice from a list, a date, a number,
//! yes or no. Each error names the row and column.

use super::problem::SheetProblem;
use super::sheet::{Row, Sheet};
use crate::date::PartialDate;
use crate::text::Localized;
use std::collections::BTreeMap;

/// The lists one can choose from, as the messages give them.
pub(super) const SOURCE_KINDS: &str =
    "customs-records, official-statement, intelligence-claim, news-estimate, news-report, analysis, dataset";
pub(super) const SPEAKER_KINDS: &str =
    "records, official-data, government, intelligence, news-outlet, analyst, company, other";
pub(super) const PLACE_KINDS: &str = "country, city, port, airport, border-crossing, place";
pub(super) const STANCES: &str =
    "claims, finds, confirms, estimates, acknowledges, denies, disputes";
pub(super) const STATUSES: &str = "documented, reported, alleged, denied, unverified";
pub(super) const BASES: &str = "total, minimum, estimate, part";

/// The column of the `k`th repeat of a column group: `source`, `source_2`, `source_3`, …
pub(super) fn nth(column: &str, k: usize) -> String {
    if k == 1 {
        column.to_string()
    } else {
        format!("{column}_{k}")
    }
}

/// Text in `column` with its `column_<lang>` translations. A suffix that starts with a digit
/// is a repeat (`part_what_2`), not a language.
pub(super) fn localized(row: &Row, sheet: &Sheet, column: &str) -> Localized {
    let prefix = format!("{column}_");
    let mut by_lang: BTreeMap<String, String> = sheet
        .columns_with_prefix(&prefix)
        .filter(|c| !c[prefix.len()..].starts_with(|ch: char| ch.is_ascii_digit()))
        .filter_map(|c| row.optional(c).map(|v| (c[prefix.len()..].to_string(), v.to_string())))
        .collect();
    if by_lang.is_empty() {
        return Localized::Plain(row.get(column).to_string());
    }
    if let Some(en) = row.optional(column) {
        by_lang.insert("en".into(), en.to_string());
    }
    Localized::ByLanguage(by_lang.into())
}

/// Parses a kebab-case enum cell through its serde names; `hint` is added to the message.
pub(super) fn choice_with<T: serde::de::DeserializeOwned>(
    row: &Row,
    column: &str,
    allowed: &str,
    hint: &str,
) -> Result<T, SheetProblem> {
    let v = row.get(column);
    if v.is_empty() {
        return Err(row.error(column, format!("this cell is empty; write one of: {allowed}")));
    }
    serde_json::from_value(serde_json::Value::String(v.into()))
        .map_err(|_| row.error(column, format!("\"{v}\" is not one of: {allowed}{hint}")))
}

/// [`choice_with`] without a hint.
pub(super) fn choice<T: serde::de::DeserializeOwned>(
    row: &Row,
    column: &str,
    allowed: &str,
) -> Result<T, SheetProblem> {
    choice_with(row, column, allowed, "")
}

/// A partial date (`2022`, `2022-03`, `2022-03-14`), or `None` for an empty cell.
pub(super) fn date(row: &Row, column: &str) -> Result<Option<PartialDate>, SheetProblem> {
    row.optional(column)
        .map(|v| v.parse().map_err(|e: crate::date::DateError| row.error(column, e.to_string())))
        .transpose()
}

/// "71100000", "71,100,000" or "71100000.5"; thousands separators must be regular.
pub(super) fn number(row: &Row, column: &str) -> Result<f64, SheetProblem> {
    let v = row.get(column);
    let bad =
        || row.error(column, format!("\"{v}\" is not a number (write 71100000 or 71,100,000)"));
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let regular = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !regular {
        return Err(bad());
    }
    let plain =
        if frac.is_empty() { groups.concat() } else { format!("{}.{frac}", groups.concat()) };
    // Rust reads "NaN", "inf" and "1e400" (as infinity) as numbers; a sheet's figure is
    // finite, or JSON could not hold it.
    match plain.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(n),
        Ok(_) if plain.bytes().any(|b| b.is_ascii_digit()) => {
            Err(row.error(column, format!("\"{v}\" is too large a number")))
        }
        _ => Err(bad()),
    }
}

/// `yes`/`no` (also `true`/`false`, `1`/`0`, `y`/`n`); empty is no.
pub(super) fn yes_no(row: &Row, column: &str) -> Result<bool, SheetProblem> {
    match row.get(column).to_ascii_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" => Ok(true),
        v => Err(row.error(column, format!("\"{v}\" is not yes or no"))),
    }
}
