//! The meta file (title, notes, credit, language, focus): JSON, its problems told in words.

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
    }
}

/// The meta in `file`; its problem goes to `out`.
pub(super) fn meta(file: &SheetFile, out: &mut Converted) -> Option<Meta> {
    let text = text(file, out)?;
    serde_json::from_str(&text)
        .map_err(|e| {
            let (line, column) = (e.line(), e.column());
            let whole = e.to_string().starts_with("missing field");
            let path = crate::json_path::path_at(&text, line, column, whole);
            let message = format!("{} (line {line}, column {column})", in_words(&e));
            let at = (!path.is_root() && !e.is_syntax() && !e.is_eof()).then_some(path);
            out.problems.push(SheetProblem { at, ..SheetProblem::in_file(&file.name, message) });
        })
        .ok()
}

/// serde_json's message about the meta, in an editor's words: no type names, no backticks,
/// no position (given apart).
fn in_words(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let s = s.rfind(" at line ").map_or(s.as_str(), |i| &s[..i]);
    if e.is_eof() {
        return "the file ends before the JSON is complete".into();
    }
    if s.contains("untagged enum Localized") {
        return "write a text, or texts by language such as {\"en\": \"Arms\", \"ru\": \"Оружие\"}"
            .into();
    }
    let s = s
        .replace("unknown field", "there is no field")
        .replace("missing field", "this needs the field")
        .replace("invalid type: ", "")
        .replace(", expected one of", "; the fields are")
        .replace(", expected", " where there should be")
        .replace("a sequence", "a list [\"…\", …]")
        .replace("struct Meta", "an object {\"title\": …}")
        .replace("map", "object")
        .replace('`', "\"");
    if e.is_syntax() {
        format!("this is not valid JSON ({s})")
    } else {
        s
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn problem(json: &str) -> String {
        let mut out = Converted::default();
        assert!(meta(&SheetFile::new("meta.json", json), &mut out).is_none());
        out.problems[0].to_string()
    }

    #[test]
    fn meta_problems_are_told_in_words() {
        assert_eq!(problem(r#"{"title": "T", "focus": "SRB"}"#), "meta.json, at focus: string \"SRB\" where there should be a list [\"…\", …] (line 1, column 29)");
        assert_eq!(
            problem(r#"{"title": "T", "colour": 1}"#),
            "meta.json, at colour: there is no field \"colour\"; the fields are \"title\", \"subtitle\", \"notes\", \"credit\", \"language\", \"focus\" (line 1, column 23)"
        );
        assert_eq!(
            problem(r#"{"subtitle": "S"}"#),
            "meta.json: this needs the field \"title\" (line 1, column 17)"
        );
        // The words of a text's mistake are the model's (text.rs); the place is the field's.
        assert!(problem(r#"{"title": {"en": 5}}"#).starts_with("meta.json, at title: "));
        assert_eq!(problem("5"), "meta.json: integer \"5\" where there should be an object {\"title\": …} (line 1, column 1)");
        assert!(problem("{\"title\": ")
            .starts_with("meta.json: the file ends before the JSON is complete"));
        assert!(problem("{title}")
            .starts_with("meta.json: this is not valid JSON (key must be a string"));
    }
}
