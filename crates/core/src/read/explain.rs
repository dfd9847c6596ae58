//! Why an item could not be read, in an editor's words: serde_json's error turned into what
//! was expected where and what was found, without the program's own names (no struct, enum
//! or variant, no backticks).

use super::found::{found, raw_at};
use crate::json_path::{JsonPath, Segment};
use crate::model::{Basis, ClaimStatus, SourceKind, SpeakerKind, Stance};
use serde::de::DeserializeOwned;

/// An item that could not be read: where in it, and why.
pub struct Explained {
    /// The path of the value concerned, from the item.
    pub path: JsonPath,
    /// What is wrong, in words.
    pub message: String,
    /// The line and column in the item's text (as serde_json counts them) to report.
    pub line: usize,
    /// See `line`.
    pub column: usize,
}

/// What is being read, for the words: the item's kind ("flow") and the format version.
#[derive(Clone, Copy)]
pub(super) struct Reading {
    /// The kind of item, singular ("flow", "location", "meta").
    pub kind: &'static str,
    /// The format version of the document.
    pub version: u32,
}

/// Why the item `text` (JSON that parses) could not be read as its kind.
pub(super) fn item(text: &str, e: &serde_json::Error, reading: Reading) -> Explained {
    let m = without_position(e);
    let whole = m.starts_with("missing field") || m.starts_with("invalid length");
    let (mut path, mut whole_value) =
        in_lists(crate::json_path::path_at(text, e.line(), e.column(), whole));
    let quoted = backticked(&m);
    let mut m = m;
    if m.starts_with("unknown variant")
        && key_of(&path).is_some_and(|k| words_of(k, reading).is_none())
    {
        // A word given as an object ({"alleged": 1}): its key was read as the word.
        let parent = JsonPath::from(&path.segments()[..path.segments().len() - 1]);
        if key_of(&parent).is_some_and(|k| words_of(k, reading).is_some()) {
            path = parent;
            whole_value = true;
            m = "expected value".into();
        }
    }
    let found = || found(raw_at(text, &path));
    let field = field(&path, reading.kind);
    let expected_words =
        |expected: &str| match whole_value.then(|| shape_of(&path, reading)).flatten() {
            Some(shape) => shape,
            None => expected_words(expected, &path, reading),
        };
    let message = if m.starts_with("missing field") {
        let what = object_name(path.segments(), reading.kind);
        let name = quoted.first().cloned().unwrap_or_default();
        match words_of(&name, reading) {
            Some(words) => format!("{what} needs \"{name}\", {}; it is missing", one_of(&words)),
            None => format!("{what} needs \"{name}\"; it is missing"),
        }
    } else if m.starts_with("unknown field") {
        let owner = &path.segments()[..path.segments().len().saturating_sub(1)];
        let what = object_name(owner, reading.kind);
        let name = quoted.first().cloned().unwrap_or_default();
        match &quoted[1..] {
            [] => format!("{what} has no field \"{name}\"; it has no fields"),
            known => {
                format!("{what} has no field \"{name}\"; its fields are {}", listed(known, "and"))
            }
        }
    } else if m.starts_with("unknown variant") {
        let name = quoted.first().cloned().unwrap_or_default();
        format!("{field} must be {}; found \"{name}\"", one_of(&quoted[1..]))
    } else if m.starts_with("duplicate field") {
        let name = quoted.first().cloned().unwrap_or_default();
        let what =
            object_name(&path.segments()[..path.segments().len().saturating_sub(1)], reading.kind);
        format!("\"{name}\" is given twice in {what}; write it once")
    } else if let Some(rest) = m.strip_prefix("invalid length ") {
        let expected = rest.split_once(", expected ").map_or("", |(_, e)| e);
        format!("{field} must be {}; found {}", expected_words(expected), found())
    } else if m.starts_with("invalid type: ") || m.starts_with("invalid value: ") {
        let expected = m.rfind(", expected ").map_or("", |i| &m[i + ", expected ".len()..]);
        format!("{field} must be {}; found {}", expected_words(expected), found())
    } else if m == "number out of range" {
        format!("{field} holds a number too large to read; write an ordinary number")
    } else if m == "expected value" {
        // An enum's value given as something other than text.
        format!("{field} must be {}; found {}", expected_words(""), found())
    } else {
        // A check's own words (a date that does not exist).
        m.replace('`', "\"")
    };
    // About the whole item: where it starts.
    let (line, column) = if path.is_root() { (1, 1) } else { (e.line(), e.column()) };
    Explained { path, message, line, column }
}

/// The lists of the format: a position may follow only these keys.
const LISTS: [&str; 8] = ["via", "citations", "parts", "point", "sources", "focus", "from", "to"];

/// `path` cut before a position that follows no list (serde reads an object, or text per
/// language, from a list by position, and reports the first element); true when cut, the
/// error being about the whole value at the cut path.
fn in_lists(path: JsonPath) -> (JsonPath, bool) {
    let s = path.segments();
    let cut = (0..s.len()).find(|&i| {
        matches!(s[i], Segment::Index(_))
            && !matches!(i.checked_sub(1).map(|j| &s[j]), Some(Segment::Key(k)) if LISTS.contains(&k.as_str()))
    });
    match cut {
        Some(i) => (JsonPath::from(&s[..i]), true),
        None => (path, false),
    }
}

/// The last key of `path`.
fn key_of(path: &JsonPath) -> Option<&str> {
    path.segments().iter().rev().find_map(|s| match s {
        Segment::Key(k) => Some(k.as_str()),
        Segment::Index(_) => None,
    })
}

/// What the format holds at `path`, in words, where the format alone says it (for a value
/// given as a list where something else belongs).
fn shape_of(path: &JsonPath, reading: Reading) -> Option<String> {
    const TEXTS: &str = "text, or text per language ({\"en\": …, \"ru\": …})";
    let s = path.segments();
    let (last, before) = match s {
        [] if reading.kind == "meta" => {
            return Some("an object with the graphic's title, {\"title\": …}".into())
        }
        [] => return Some("an object, { … }".into()),
        [.., before, last] => (last, Some(before)),
        [last] => (last, None),
    };
    fn key(s: Option<&Segment>) -> Option<&str> {
        match s {
            Some(Segment::Key(k)) => Some(k.as_str()),
            _ => None,
        }
    }
    let in_actors = s.len() >= 3 && key(s.get(s.len() - 3)) == Some("actors");
    Some(match (last, key(before)) {
        (Segment::Index(_), Some("citations")) => {
            expected_words("a map", &JsonPath::root().key("citations"), reading)
        }
        (Segment::Index(_), Some("parts")) => {
            expected_words("a map", &JsonPath::root().key("parts"), reading)
        }
        (Segment::Index(_), Some("point")) => "a number".into(),
        (Segment::Index(_), Some(_)) if in_actors => TEXTS.into(),
        (Segment::Index(_), _) => "text (an id)".into(),
        (Segment::Key(k), _) => match k.as_str() {
            "name" | "outlet" | "description" | "label" | "note" | "stake" | "subtitle"
            | "notes" | "credit" | "what" => TEXTS.into(),
            "title" if reading.kind == "meta" => TEXTS.into(),
            "value" => "a figure, {\"amount\": …, \"currency\": …}, or \"undisclosed\"".into(),
            k => {
                return words_of(k, reading).map(|w| one_of(&w)).or_else(|| {
                    matches!(k, "period" | "actors" | "of")
                        .then(|| expected_words("a map", path, reading))
                })
            }
        },
    })
}

/// The field a path ends at, with the positions after it: `via[1]`, `status`; for the item
/// itself, "each flow".
fn field(path: &JsonPath, kind: &str) -> String {
    let s = path.segments();
    match s.iter().rposition(|s| matches!(s, Segment::Key(_))) {
        Some(i) => JsonPath::from(&s[i..]).to_string(),
        None if kind == "meta" => "meta".into(),
        None => format!("each {kind}"),
    }
}

/// The object at `segments` of an item of `kind`, with its article: "a flow", "a citation".
fn object_name(segments: &[Segment], kind: &str) -> String {
    let key = segments.iter().rev().find_map(|s| match s {
        Segment::Key(k) => Some(k.as_str()),
        Segment::Index(_) => None,
    });
    match key {
        None if kind == "meta" => "meta".into(),
        None if kind.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {kind}"),
        None => format!("a {kind}"),
        Some("citations") => "a citation".into(),
        Some("value") => "a figure".into(),
        Some("parts" | "of") => "a part of a figure".into(),
        Some("period") => "a period".into(),
        Some("actors") => "\"actors\"".into(),
        Some(other) => format!("\"{other}\""),
    }
}

/// What serde_json's `expected` means for the value at `path`, in words.
fn expected_words(expected: &str, path: &JsonPath, reading: Reading) -> String {
    let key = key_of(path);
    if let Some(words) = key.and_then(|k| words_of(k, reading)) {
        return one_of(&words);
    }
    match expected {
        "a string" => "text".into(),
        "f32" | "f64" => "a number".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "a whole number".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list, [ … ]".into(),
        "an array of length 2" if key == Some("point") => {
            "a list of two numbers, [longitude, latitude]".into()
        }
        e if e.starts_with("an array of length ") => {
            format!("a list of {}", &e["an array of length ".len()..])
        }
        e if e.starts_with("struct ") || e == "a map" || e.is_empty() => match key {
            Some("period") => "an object, {\"start\": …, \"end\": …}".into(),
            Some("actors") => "an object, {\"from\": [ … ], \"via\": [ … ], \"to\": [ … ]}".into(),
            Some("parts" | "of") => "an object, {\"amount\": …, \"what\": …}".into(),
            Some("citations") if reading.version >= 2 => {
                "an object, {\"source\": …, \"speaker\": …, \"stance\": …, \"quote\": …}".into()
            }
            _ => "an object, { … }".into(),
        },
        e => e.replace('`', "\""),
    }
}

/// The words a field of fixed words (a claim status, a kind) may hold.
fn words_of(key: &str, reading: Reading) -> Option<Vec<String>> {
    let v1 = reading.version == 1;
    Some(match key {
        "status" => variants::<ClaimStatus>(),
        "stance" if v1 => variants::<crate::migrate::StanceV1>(),
        "stance" => variants::<Stance>(),
        "kind" if reading.kind == "speaker" => variants::<SpeakerKind>(),
        "kind" => variants::<SourceKind>(),
        "basis" => variants::<Basis>(),
        "qualifier" if v1 => variants::<crate::migrate::QualifierV1>(),
        _ => return None,
    })
}

/// The words an enum of plain words is written with, as serde lists them when it meets an
/// unknown one.
fn variants<T: DeserializeOwned>() -> Vec<String> {
    match serde_json::from_str::<T>("\"\"") {
        Err(e) => backticked(&e.to_string()).split_off(1),
        Ok(_) => Vec::new(),
    }
}

/// "one of "a", "b" or "c"", "\"a\"".
fn one_of(words: &[String]) -> String {
    match words {
        [one] => format!("\"{one}\""),
        _ => format!("one of {}", listed(words, "or")),
    }
}

/// Quoted words, the last joined by `last`: "\"a\", \"b\" or \"c\"".
fn listed(words: &[String], last: &str) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    match quoted.split_last() {
        Some((end, rest)) if !rest.is_empty() => format!("{} {last} {end}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// The texts between backticks in serde's message, in order.
fn backticked(message: &str) -> Vec<String> {
    message.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// serde_json's message without its " at line L column C" tail (reported apart).
pub(super) fn without_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) if e.line() > 0 => s[..i].to_string(),
        _ => s,
    }
}
