//! The meta file (title, notes, credit, language, focus, image): JSON, its problems told in words.

use super::input::{text, SheetFile};
use super::problem::SheetProblem;
use super::Converted;
use crate::model::Meta;

/// The meta of a dataset without a meta file.
pub(super) fn untitled() -> Meta {
    Meta {
        title: "Untitled flow map".into(),
        subtitle: None,
        notes: None,
        credit: None,
        language: None,
        focus: Vec::new(),
        image: None,
    }
}

/// The meta in `file`; its problem goes to `out`, in the words the map uses for a
/// dataset's meta.
pub(super) fn meta(file: &SheetFile, out: &mut Converted) -> Option<Meta> {
    let text = text(file, out)?;
    serde_json::from_str(&text)
        .map_err(|e| {
            let (message, at, line, column) = if e.is_eof() {
                (
                    "the file ends before the JSON is complete".to_string(),
                    None,
                    e.line(),
                    e.column(),
                )
            } else if e.is_syntax() {
                let s = e.to_string();
                let s = s.rfind(" at line ").map_or(s.as_str(), |i| &s[..i]).replace('`', "\"");
                (format!("this is not valid JSON ({s})"), None, e.line(), e.column())
            } else {
                let why = crate::read::explain_meta(&text, &e);
                let at = (!why.path.is_root()).then_some(why.path);
                (why.message, at, why.line, why.column)
            };
            let message = format!("{message} (line {line}, column {column})");
            out.problems.push(SheetProblem { at, ..SheetProblem::in_file(&file.name, message) });
        })
        .ok()
}

#[cfg(test)]
mod test {
    use super::*;

    fn problem(json: &str) -> String {
        let mut out = Converted::default();
        assert!(meta(&SheetFile::new("meta.json", json), &mut out).is_none());
        out.problems[0].to_string()
    }

    /// In the words the map uses for a dataset's meta (crate::read).
    #[test]
    fn meta_problems_are_told_in_words() {
        let cases = [
            (
                r#"{"title": "T", "focus": "SRB"}"#,
                r#"meta.json, at focus: focus must be a list, [ … ]; found the text "SRB" (line 1, column 29)"#,
            ),
            (
                r#"{"title": "T", "colour": 1}"#,
                r#"meta.json, at colour: meta has no field "colour"; its fields are "title", "subtitle", "notes", "credit", "language", "focus" and "image" (line 1, column 23)"#,
            ),
            (
                r#"{"subtitle": "S"}"#,
                r#"meta.json: meta needs "title"; it is missing (line 1, column 1)"#,
            ),
            (
                r#"{"title": {"en": 5}}"#,
                "meta.json, at title.en: en must be text; found the number 5 (line 1, column 18)",
            ),
            (
                "5",
                "meta.json: meta must be an object, { … }; found the number 5 (line 1, column 1)",
            ),
            (
                "{\"title\": ",
                "meta.json: the file ends before the JSON is complete (line 1, column 10)",
            ),
            (
                "{title}",
                "meta.json: this is not valid JSON (key must be a string) (line 1, column 2)",
            ),
        ];
        for (json, want) in cases {
            assert_eq!(problem(json), want);
        }
    }
}
