//! The document's top level: one JSON object whose members are kept as raw text, so that each
//! list can then be read item by item.

use super::found::describe;
use super::position::{offset_in, Position};
use crate::dataset::LoadError;
use crate::json_path::JsonPath;
use crate::validate::Problem;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// An object's members, in the order written, as raw text.
pub(super) struct Members<'a>(pub Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Members<'de>, M::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(Object)
    }
}

/// A parsed top level: the text, its members, and the file's name for messages.
pub(super) struct Document<'a> {
    /// The file's name, as the reader knows it.
    pub file: &'a str,
    /// The text, without a byte-order mark.
    pub text: &'a str,
    members: Vec<(String, &'a RawValue)>,
    /// Where each line starts, made once when a position is first asked for: thousands of
    /// items left out must not each count the lines before them.
    lines: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> Document<'a> {
    /// Parses the top level of `text`; problems (a member given twice) go to `problems`.
    pub fn parse(
        file: &'a str,
        text: &'a str,
        problems: &mut Vec<Problem>,
    ) -> Result<Document<'a>, LoadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let members = match serde_json::from_str::<Members>(text) {
            Ok(m) => m.0,
            Err(e) if e.is_data() => {
                let found = describe(text);
                let at = Position::of(text, text.len() - text.trim_start().len());
                return Err(LoadError::Shape {
                    file: file.into(),
                    line: at.line,
                    column: at.column,
                    path: "the top level".into(),
                    message: format!(
                        "a dataset is one JSON object, {{\"version\": 2, \"meta\": …, \"flows\": […], …}}; found {found}"
                    ),
                });
            }
            Err(e) => {
                return Err(LoadError::Syntax {
                    file: file.into(),
                    line: e.line(),
                    column: e.column(),
                    message: super::syntax::explain(text, &e),
                })
            }
        };
        let mut kept: Vec<(String, &RawValue)> = Vec::new();
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        // A member given twice: the last counts, as in other JSON readers (found through a
        // map: a top level of a million keys must not compare each with all the others).
        for (key, value) in members {
            if let Some(&i) = seen.get(&key) {
                let first = std::mem::replace(&mut kept[i].1, value);
                let at = Position::of(text, offset_in(text, first.get()));
                problems.push(Problem {
                    path: JsonPath::root().key(key.as_str()),
                    message: format!(
                        "\"{key}\" is given twice at the top level; the first one (line {}) is ignored",
                        at.line
                    ),
                    warning: false,
                });
                continue;
            }
            seen.insert(key.clone(), kept.len());
            kept.push((key, value));
        }
        Ok(Document { file, text, members: kept, lines: std::cell::OnceCell::new() })
    }

    /// The member `key`'s raw text.
    pub fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }

    /// The members' keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(k, _)| k.as_str())
    }

    /// Where `value`, part of the text, starts.
    pub fn position(&self, value: &str) -> Position {
        let lines = self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    self.text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1),
                )
                .collect()
        });
        let offset = offset_in(self.text, value);
        // The last line that starts at or before the offset.
        let line = lines.partition_point(|&start| start <= offset);
        Position { line, column: offset - lines[line - 1] + 1 }
    }

    /// A whole-document shape error about the value at `path`, which starts at `at`.
    pub fn shape(&self, path: JsonPath, at: Position, message: String) -> LoadError {
        LoadError::Shape {
            file: self.file.into(),
            line: at.line,
            column: at.column,
            path: if path.is_root() { "the top level".into() } else { path.to_string() },
            message,
        }
    }
}
