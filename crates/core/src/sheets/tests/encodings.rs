//! Sheets as spreadsheets save them: UTF-16 separated by tabs, Windows-1252, and bytes that
//! cannot be read; each problem at the spreadsheet's row.

use super::{convert, row, texts, HEADER};
use crate::sheets::SheetFile;

/// `text` in UTF-16, little- or big-endian, with its byte-order mark, as Excel's "Unicode
/// Text" saves it.
fn utf16(text: &str, little: bool) -> Vec<u8> {
    let units = std::iter::once(0xfeff).chain(text.encode_utf16());
    units.flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
}

/// `text` in Windows-1252, as Excel's plain "CSV" saves it on Windows.
pub(super) fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "{text}");
    bytes.into_owned()
}

#[test]
fn utf16_tab_separated_sheets_are_read_with_their_rows() {
    let text = format!(
        "{HEADER}{}{}",
        row(&[("description", "Kits,\nand more")]),
        row(&[("id", "f2"), ("to", "XXX"), ("description", "Côte d’Ivoire")])
    )
    .replace(',', "\t")
    .replace('\n', "\r\n");
    for little in [true, false] {
        let mut t = texts("");
        t.flows = SheetFile::new("flows.csv", utf16(&text, little));
        let c = convert(&t);
        assert_eq!(c.problems, ["flows.csv, row 3, column \"to\": flow \"f2\" refers to location \"XXX\", which is not defined (flow not shown)"]);
        assert_eq!(c.warnings, Vec::<String>::new());
        assert_eq!(c.dataset.unwrap().flows[1].description.get("en"), "Côte d’Ivoire");
    }
}

#[test]
fn windows_1252_sheets_are_read_with_a_warning_and_their_rows() {
    let mut t = texts(&format!(
        "{HEADER}{}{}",
        row(&[("description", "Kits,\nand more")]),
        row(&[("id", "f2"), ("to", "XXX"), ("description", "Kits for Côte d’Ivoire, €5")])
    ));
    t.flows.bytes = windows_1252(&String::from_utf8(t.flows.bytes).unwrap());
    t.locations.bytes = windows_1252(
        "id;name;lon;lat\r\nSRB;Serbia;20.46;44.82\r\nUKR;Ukraine;30.52;50.45\r\nCIV;Côte d’Ivoire;-5.3;6.8\r\n",
    );
    let c = convert(&t);
    assert_eq!(c.problems, ["flows.csv, row 3, column \"to\": flow \"f2\" refers to location \"XXX\", which is not defined (flow not shown)"]);
    assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
    assert!(
        c.warnings[0]
            .starts_with("locations.csv: this file is not UTF-8, so it was read as Windows-1252"),
        "{:?}",
        c.warnings
    );
    assert!(c.warnings[1].starts_with("flows.csv: this file is not UTF-8"), "{:?}", c.warnings);
    let d = c.dataset.unwrap();
    assert_eq!(d.locations[2].name.get("en"), "Côte d’Ivoire");
    assert_eq!(d.flows[1].description.get("en"), "Kits for Côte d’Ivoire, €5");
}

#[test]
fn a_sheet_that_cannot_be_decoded_is_refused_at_its_row() {
    let mut t = texts("");
    let mut flows = format!("{HEADER}{}", row(&[("description", "Kits,\nand more")])).into_bytes();
    flows.extend(b"f2,SRB,\x81\n");
    t.flows.bytes = flows;
    let c = convert(&t);
    assert!(c.dataset.is_none());
    assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
    assert!(
        c.problems[0].starts_with("flows.csv, row 3: this file is neither UTF-8 nor Windows-1252"),
        "{:?}",
        c.problems
    );
}
