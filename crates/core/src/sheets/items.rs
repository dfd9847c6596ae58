//! The items of the locations, sources and speakers sheets, one per row.

use super::cells::{
    choice, date, localized, number, yes_no, PLACE_KINDS, SOURCE_KINDS, SPEAKER_KINDS,
};
use super::problem::SheetProblem;
use super::sheet::{Row, Sheet};
use crate::model::{Location, Source, Speaker};
use crate::text::Localized;

/// A row of the locations sheet: `lon` and `lat` both given, or neither.
pub(super) fn location(row: &Row, sheet: &Sheet) -> Result<Location, SheetProblem> {
    let point = match (row.optional("lon"), row.optional("lat")) {
        (None, None) => None,
        (Some(_), Some(_)) => Some([number(row, "lon")?, number(row, "lat")?]),
        _ => {
            return Err(row.error(
                if row.optional("lon").is_none() { "lon" } else { "lat" },
                "give both lon and lat, or neither".into(),
            ))
        }
    };
    let kind = row.optional("kind").map(|_| choice(row, "kind", PLACE_KINDS)).transpose()?;
    Ok(Location {
        id: row.get("id").into(),
        name: localized(row, sheet, "name"),
        point,
        kind,
        // Names separated by ";" (a name may hold a comma).
        other_names: row.optional("other_names").map_or_else(Vec::new, |names| {
            names.split(';').map(str::trim).filter(|n| !n.is_empty()).map(String::from).collect()
        }),
    })
}

/// A row of the sources sheet (a publication).
pub(super) fn source(row: &Row) -> Result<Source, SheetProblem> {
    Ok(Source {
        id: row.get("id").into(),
        outlet: row.get("outlet").into(),
        title: row.optional("title").map(String::from),
        date: date(row, "date")?,
        url: row.optional("url").map(String::from),
        kind: choice(row, "kind", SOURCE_KINDS)?,
    })
}

/// A row of the speakers sheet.
pub(super) fn speaker(row: &Row, sheet: &Sheet) -> Result<Speaker, SheetProblem> {
    Ok(Speaker {
        id: row.get("id").into(),
        name: localized(row, sheet, "name"),
        kind: choice(row, "kind", SPEAKER_KINDS)?,
        stake: row.optional("stake").map(|_| localized(row, sheet, "stake")),
        plural: yes_no(row, "plural")?,
    })
}

/// The speaker a source is when no speakers sheet is given: as format 1 read it, the body
/// in its `cites` cell (else its outlet), of the kind its publication implies.
pub(super) fn speaker_of_source(row: &Row, s: &Source) -> Speaker {
    let kind = crate::migrate::speaker_kind(s.kind);
    let name = row.optional("cites").unwrap_or(s.outlet.get("en"));
    Speaker {
        id: s.id.clone(),
        name: Localized::Plain(name.into()),
        kind,
        stake: None,
        plural: false,
    }
}
