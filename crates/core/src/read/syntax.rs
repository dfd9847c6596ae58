//! Why a text is not JSON, in words: serde_json's syntax errors, and an empty file or a web
//! page named as such.

use super::explain::without_position;

/// Why the text is not JSON, in words.
pub(super) fn explain(text: &str, e: &serde_json::Error) -> String {
    let m = without_position(e);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return "the file is empty; a dataset is one JSON object, { … }".into();
    }
    if trimmed.starts_with('<') {
        return "this is a web page (HTML), not JSON: perhaps an error page from the server; a dataset is one JSON object, { … }".into();
    }
    let words = match m.as_str() {
        "EOF while parsing a list" => "a list, [ … ], is not closed",
        "EOF while parsing an object" => "an object, { … }, is not closed",
        "EOF while parsing a string" => "a text in quotes is not closed",
        "EOF while parsing a value" => "a value is missing",
        "expected `:`" => "expected a colon (:) after the key",
        "expected `,` or `]`" => "expected a comma (,) or the end of the list (])",
        "expected `,` or `}`" => "expected a comma (,) or the end of the object (})",
        "expected ident" => "expected true, false or null",
        "expected value" => {
            "expected a value: text in double quotes, a number, true, false, null, a list or an object"
        }
        "expected `\"`" => "expected a key in double quotes",
        "invalid escape" => "a backslash in a text starts no known escape (\\n, \\\", \\\\, \\u…)",
        "invalid number" => "a number is written wrongly (numbers look like 12, -3.5 or 1e6)",
        "number out of range" => "a number is too large to read",
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => "a \\u escape in a text names no character",
        "key must be a string" => "a key must be text in double quotes",
        "trailing comma" => "a comma is followed by no value (remove the last comma)",
        "trailing characters" => {
            "there is more after the end of the JSON; a dataset is one object, { … }"
        }
        "recursion limit exceeded" => {
            "lists and objects are nested more than 128 deep; a dataset needs only a few levels"
        }
        m if m.starts_with("control character") => {
            "a text holds a line break or another control character; write a line break as \\n"
        }
        _ => return m.replace('`', "\""),
    };
    if e.is_eof() {
        format!("the file ends before the JSON is complete ({words})")
    } else {
        words.to_string()
    }
}
