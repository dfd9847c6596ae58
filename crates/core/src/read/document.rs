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
        // A member given twice: the last counts, as in other JSON readers.
        for (key, value) in members {
            if let Some(i) = kept.iter().position(|(k, _)| *k == key) {
                let (_, first) = kept.remove(i);
                let at = Position::of(text, offset_in(text, first.get()));
                problems.push(Problem {
                    path: JsonPath::root().key(key.as_str()),
                    message: format!(
                        "\"{key}\" is given twice at the top level; the first one (line {}) is ignored",
                        at.line
                    ),
                    warning: false,
                });
            }
            kept.push((key, value));
        }
        Ok(Document { file, text, members: kept })
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
        Position::of(self.text, offset_in(self.text, value))
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
