//! Messages in the editor's words: sheet, row, column, never a type of the program.

use super::encodings::windows_1252;
use super::{convert, converted, row, texts, HEADER};
use crate::sheets::SheetFile;

#[test]
fn messages_are_in_the_editors_words() {
    let mut all = Vec::new();
    for cells in [
        &[("amount", "12.5.3"), ("currency", "EUR")][..],
        &[("start", "2022-13")],
        &[("status", "rumoured")],
        &[("stance", "supports")],
        &[("speaker", "")],
        &[("speaker_2", "belgrade")],
        &[("amount", "5"), ("currency", "EUR"), ("basis", "about")],
        &[("part_what", "x")],
        &[("to", "XXX"), ("amount", "5"), ("currency", "DOGE"), ("unit", "t")],
    ] {
        all.extend(converted(&[row(cells)]).problems);
    }
    all.extend(convert(&texts("id,from\nf1,SRB\n")).problems);
    for meta in [
        r#"{"title": 5, "focus": "SRB"}"#,
        r#"{"subtitle": "S"}"#,
        r#"{"title": "T", "colour": "red"}"#,
        r#"{"title": "T", "focus": [1]}"#,
        r#"{"title": {"en": 1}}"#,
        "[]",
        "{",
    ] {
        let mut t = texts(&format!("{HEADER}{}", row(&[])));
        t.meta = Some(SheetFile::new("meta.json", meta));
        all.extend(convert(&t).problems);
    }
    let mut t = texts("");
    t.flows.bytes = b"id,from\n\x81".to_vec();
    t.locations.bytes = windows_1252("id,name\nCIV,Côte d’Ivoire\n");
    let c = convert(&t);
    all.extend(c.problems.into_iter().chain(c.warnings));
    assert!(all.len() > 20, "{all:#?}");
    for m in &all {
        for word in ["struct", "enum", "variant", "`", "Option", "Some(", "None", "Localized"] {
            assert!(!m.contains(word), "{word:?} in {m}");
        }
    }
}
