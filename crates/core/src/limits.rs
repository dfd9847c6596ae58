//! What the map accepts: the largest document, the most flows, places and citations, the
//! longest text. A document over the size or text limit is refused before it is parsed; items
//! past a count limit are not read, with a problem that says how many.
//!
//! The figures are what the benchmark shows the map handles (100,000 flows in a ~70 MB
//! document); they protect the reader's tab from a file that would exhaust its memory.

use crate::json_path::{path_at, JsonPath};
use crate::validate::Problem;

/// The largest dataset file the map reads, in bytes (100 MB).
pub const MAX_DOCUMENT_BYTES: usize = 100 * 1_000_000;
/// The most flows a map shows; later ones are left out.
pub const MAX_FLOWS: usize = 100_000;
/// The most places (locations) a map shows; later ones are left out.
pub const MAX_PLACES: usize = 10_000;
/// The most sources, speakers, categories or events of each kind; later ones are left out.
pub const MAX_OTHER_ITEMS: usize = 10_000;
/// The most citations one flow may have; a flow with more is left out.
pub const MAX_CITATIONS: usize = 1_000;
/// The longest text (any JSON string) in characters; a document with a longer one is refused.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// Why a document is refused before it is read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Exceeded {
    /// The file is larger than [`MAX_DOCUMENT_BYTES`].
    #[error(
        "the file is {} MB; the map reads datasets of up to {} MB — split the data into several maps",
        megabytes(*bytes),
        megabytes(MAX_DOCUMENT_BYTES)
    )]
    Document {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// A string is longer than [`MAX_TEXT_CHARS`].
    #[error(
        "line {line}, column {column}, at {path}: a text of {chars} characters; the map accepts texts of up to {MAX_TEXT_CHARS} characters"
    )]
    Text {
        /// The line where the text starts, from 1.
        line: usize,
        /// The column where the text starts, from 1.
        column: usize,
        /// Where in the document.
        path: JsonPath,
        /// Its length in characters (an escape such as `\"` or `\u0436` counts as one).
        chars: usize,
    },
}

/// Megabytes, rounded up to one decimal: 143.2.
fn megabytes(bytes: usize) -> String {
    let tenths = bytes.div_ceil(100_000);
    format!("{}.{}", tenths / 10, tenths % 10).trim_end_matches(".0").to_string()
}

/// Refuses a file of `bytes` bytes over the size limit; the page calls it with the download's
/// announced size, before reading it.
///
/// # Examples
/// ```
/// use flowmap_core::limits::{check_size, MAX_DOCUMENT_BYTES};
/// assert!(check_size(MAX_DOCUMENT_BYTES).is_ok());
/// let err = check_size(143_200_000).unwrap_err();
/// assert!(err.to_string().starts_with("the file is 143.2 MB; the map reads datasets of up to 100 MB"));
/// ```
pub fn check_size(bytes: usize) -> Result<(), Exceeded> {
    if bytes > MAX_DOCUMENT_BYTES {
        Err(Exceeded::Document { bytes })
    } else {
        Ok(())
    }
}

/// Refuses a document over the size limit, or with a string over the text limit; one pass
/// over the bytes, before any parsing.
///
/// # Examples
/// ```
/// use flowmap_core::limits::{check_document, MAX_TEXT_CHARS};
/// assert!(check_document(r#"{"title": "Arms \"and\" oil"}"#).is_ok());
/// let long = format!("{{\"flows\": [{{\"id\": \"{}\"}}]}}", "x".repeat(MAX_TEXT_CHARS + 1));
/// let err = check_document(&long).unwrap_err().to_string();
/// assert!(err.starts_with("line 1, column 19, at flows[0].id: a text of 100001 characters"), "{err}");
/// ```
pub fn check_document(text: &str) -> Result<(), Exceeded> {
    check_size(text.len())?;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i;
        let mut chars = 0;
        i += 1;
        while i < bytes.len() && bytes[i] != b'"' {
            // An escape (`\"`) is one character; so is each UTF-8 sequence: its continuation
            // bytes (0b10xx_xxxx), which are never a quote or a backslash, do not count.
            if bytes[i] == b'\\' {
                // `\uXXXX` is one character (the second half of a surrogate pair none).
                let unicode = bytes.get(i + 1) == Some(&b'u');
                let low_surrogate = unicode
                    && bytes.get(i + 2).is_some_and(|b| b.eq_ignore_ascii_case(&b'd'))
                    && bytes.get(i + 3).is_some_and(|b| b"cdefCDEF".contains(b));
                i += if unicode { 6 } else { 2 };
                chars += usize::from(!low_surrogate);
            } else {
                chars += usize::from(bytes[i] & 0xC0 != 0x80);
                i += 1;
            }
        }
        if chars > MAX_TEXT_CHARS {
            let line = text[..start].matches('\n').count() + 1;
            let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
            let column = text[line_start..start].chars().count() + 1;
            let path = path_at(text, line, start - line_start + 1, false);
            return Err(Exceeded::Text { line, column, path, chars });
        }
        i += 1;
    }
    Ok(())
}

/// How many items of the list `key` (`flows`, `locations`, …) the map reads.
pub fn limit_of(key: &str) -> usize {
    match key {
        "flows" => MAX_FLOWS,
        "locations" => MAX_PLACES,
        _ => MAX_OTHER_ITEMS,
    }
}

/// The problem of a list `key` of `len` items that is longer than the map reads: one for all
/// the items left out, at the first of them.
///
/// # Examples
/// ```
/// use flowmap_core::limits::past_limit;
/// assert!(past_limit("flows", 100_000).is_none());
/// let p = past_limit("flows", 100_003).unwrap();
/// assert_eq!(p.to_string(), "flows[100000]: the map shows at most 100000 flows; the 3 after that are left out");
/// ```
pub fn past_limit(key: &str, len: usize) -> Option<Problem> {
    let limit = limit_of(key);
    let noun = if key == "locations" { "places" } else { key };
    (len > limit).then(|| Problem {
        path: JsonPath::root().key(key).index(limit),
        message: format!(
            "the map shows at most {limit} {noun}; the {} after that are left out",
            len - limit
        ),
        warning: false,
    })
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn escapes_and_multibyte_letters_count_as_one_character() {
        let at_limit = |s: &str| format!("[\"{}\"]", s.repeat(MAX_TEXT_CHARS));
        assert!(check_document(&at_limit("ж")).is_ok());
        assert!(check_document(&at_limit("\\\"")).is_ok());
        // Python's json.dump writes non-ASCII letters as \uXXXX (and emoji as two of them).
        assert!(check_document(&at_limit("\\u0436")).is_ok());
        assert!(check_document(&at_limit("\\ud83d\\ude00")).is_ok());
        assert!(check_document(&format!("[\"{}x\"]", "\\u0436".repeat(MAX_TEXT_CHARS))).is_err());
        let over = format!("[1, \"{}ж\"]", "ж".repeat(MAX_TEXT_CHARS));
        let Err(Exceeded::Text { column, chars, path, .. }) = check_document(&over) else {
            panic!("over the limit")
        };
        assert_eq!((column, chars, path.to_string()), (5, MAX_TEXT_CHARS + 1, "[1]".into()));
    }

    #[test]
    fn an_unterminated_string_is_left_to_the_parser() {
        assert!(check_document("{\"a\": \"open").is_ok());
        assert!(check_document("\"\\").is_ok());
    }
}
