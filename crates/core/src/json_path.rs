//! JSON paths (`flows[3].via[0]`): [`JsonPath`], where a [`Problem`](crate::Problem) is,
//! built from its steps; and [`path_at`], the path of the value at a line and column of a
//! JSON text (what a shape error names), found by scanning the text up to where the parser
//! stopped.

use std::fmt;

/// One step of a [`JsonPath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// The member of an object with this key (`flows`).
    Key(String),
    /// The element of an array at this position, from 0 (`[3]`).
    Index(usize),
}

/// Where a value is in a JSON document: keys and array positions from the top level, printed
/// as `flows[3].via[0]` (the top level itself prints as `.`).
///
/// # Examples
/// ```
/// use flowmap_core::json_path::{JsonPath, Segment};
/// let flow = JsonPath::root().key("flows").index(3);
/// let via = flow.key("via").index(0);
/// assert_eq!(via.to_string(), "flows[3].via[0]");
/// assert_eq!(via, "flows[3].via[0]");
/// assert_eq!(via.segments()[1], Segment::Index(3));
/// assert_eq!(JsonPath::root().to_string(), ".");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct JsonPath(Vec<Segment>);

impl JsonPath {
    /// The top level of the document.
    #[must_use]
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    /// This path, then the member `key`.
    #[must_use]
    pub fn key(&self, key: impl Into<String>) -> JsonPath {
        self.then(Segment::Key(key.into()))
    }

    /// This path, then the element at `index`.
    #[must_use]
    pub fn index(&self, index: usize) -> JsonPath {
        self.then(Segment::Index(index))
    }

    /// This path, then the steps of `rest`: `flows[3]` joined with `value.amount`.
    #[must_use]
    pub fn join(&self, rest: &JsonPath) -> JsonPath {
        let mut segments = self.0.clone();
        segments.extend(rest.0.iter().cloned());
        JsonPath(segments)
    }

    /// This path, then `segment`.
    fn then(&self, segment: Segment) -> JsonPath {
        let mut segments = self.0.clone();
        segments.push(segment);
        JsonPath(segments)
    }

    /// The steps from the top level, in order.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// True for the top level of the document.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<&[Segment]> for JsonPath {
    fn from(segments: &[Segment]) -> JsonPath {
        JsonPath(segments.to_vec())
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_root() {
            return f.write_str(".");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Compares the printed path: `path == "flows[0].id"`.
impl PartialEq<str> for JsonPath {
    fn eq(&self, other: &str) -> bool {
        let mut rest = Unprinted(other);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

/// What is left of a text as a path is printed against it; printing fails at the first
/// difference.
struct Unprinted<'a>(&'a str);

impl fmt::Write for Unprinted<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 = self.0.strip_prefix(s).ok_or(fmt::Error)?;
        Ok(())
    }
}

/// Compares the printed path: `path == "flows[0].id"`.
impl PartialEq<&str> for JsonPath {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

/// One open object or array.
enum Frame {
    /// An object and the key of the member being read (`None` before a key).
    Object(Option<String>),
    /// An array and the position of the element being read.
    Array(usize),
}

/// The path of the value the parser was reading when it stopped at `line` and `column`
/// (1-based, as serde_json reports them, the column being that of the last character
/// read); the root for the top level. When it stopped on a closing bracket, the error is
/// about what the bracket closes, except when the bracket follows an object or array
/// that just ended and the error is not about the `whole` container (a missing field, a
/// wrong length): serde_json reports errors in some values one character late.
///
/// # Examples
/// ```
/// use flowmap_core::json_path::path_at;
/// let text = "{\"flows\": [{\"id\": 1},\n {\"id\": \"b\", \"status\": \"rumoured\"}]}";
/// assert_eq!(path_at(text, 2, 33, false), "flows[1].status");
/// assert_eq!(path_at(text, 2, 34, true), "flows[1]");
/// let late = "{\"name\": {\"en\": 5}}";
/// assert_eq!(path_at(late, 1, 19, false), "name");
/// assert_eq!(path_at(text, 1, 1, false), ".");
/// ```
pub fn path_at(text: &str, line: usize, column: usize, whole: bool) -> JsonPath {
    let line_start: usize =
        text.split('\n').take(line.saturating_sub(1)).map(|l| l.len() + 1).sum();
    let end = (line_start + column.saturating_sub(1)).min(text.len());
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = Some(text.get(start..i.min(text.len())).unwrap_or_default().to_string());
                }
            }
            _ => {}
        }
        i += 1;
    }
    // Stopped on a closing bracket: the path of what it closes, or of the value before it.
    if matches!(bytes.get(end), Some(b'}' | b']')) && i == end {
        let after_value = text[..end].trim_end().ends_with(['}', ']']);
        if whole || !after_value {
            stack.pop();
        }
    }
    let segments = stack.into_iter().filter_map(|frame| match frame {
        Frame::Object(key) => key.map(Segment::Key),
        Frame::Array(n) => Some(Segment::Index(n)),
    });
    JsonPath(segments.collect())
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn keys_with_escapes_and_nested_arrays() {
        let text = r#"{"a\"b": [[1, 2], [3, {"c": x}]]}"#;
        let at = text.find('x').unwrap() + 1;
        assert_eq!(path_at(text, 1, at, false), "a\\\"b[1][1].c");
    }

    #[test]
    fn a_closing_bracket_names_its_container() {
        let text = "{\"m\": {\"t\": 1}}";
        assert_eq!(path_at(text, 1, 14, true), "m");
        assert_eq!(path_at(text, 1, 15, true), ".");
        assert_eq!(path_at(text, 1, 15, false), "m");
    }

    #[test]
    fn paths_print_as_written_in_messages() {
        let flow = JsonPath::root().key("flows").index(2);
        let part = flow.key("value").key("parts").index(1).key("amount");
        assert_eq!(part.to_string(), "flows[2].value.parts[1].amount");
        assert_eq!(JsonPath::root().key("meta").key("language"), "meta.language");
        assert_eq!(JsonPath::from(&part.segments()[1..]).to_string(), "[2].value.parts[1].amount");
        assert_eq!(
            flow.join(&JsonPath::root().key("value").key("amount")),
            "flows[2].value.amount"
        );
        assert!(JsonPath::root().is_root() && !flow.is_root());
        assert!(
            flow != "flows[2]." && flow != "flows[2" && flow != "flows" && JsonPath::root() == "."
        );
    }
}
