//! What was found where something else belongs, in words ("the text "71100000"", "a list
//! of 2"), read from the value's own text: the value is skipped over, not built, so a huge or
//! deeply nested one costs nothing.

use crate::json_path::{JsonPath, Segment};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// The text of the value at `path` of the JSON `text`.
pub(super) fn raw_at<'a>(text: &'a str, path: &JsonPath) -> Option<&'a str> {
    path.segments().iter().try_fold(text, |text, s| match s {
        Segment::Key(k) => {
            let members: super::document::Members = serde_json::from_str(text).ok()?;
            members.0.into_iter().rev().find(|(key, _)| key == k).map(|(_, v)| v.get())
        }
        Segment::Index(i) => {
            let items: Vec<&RawValue> = serde_json::from_str(text).ok()?;
            items.get(*i).map(|v| v.get())
        }
    })
}

/// What was found, in words, from the value's text.
pub(super) fn found(raw: Option<&str>) -> String {
    match raw.and_then(|raw| serde_json::from_str::<Described>(raw).ok()) {
        Some(Described(words)) => words,
        None => "something else".into(),
    }
}

/// A JSON value in words: "the text "x"", "the number 5", "a list of 2", "an object", "null";
/// "something else" when it cannot be read.
pub(super) fn describe(raw: &str) -> String {
    found(Some(raw))
}

/// A JSON value read only to be put in words (its contents are skipped, not kept).
struct Described(String);

impl<'de> Deserialize<'de> for Described {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Words;
        impl<'de> Visitor<'de> for Words {
            type Value = Described;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any value")
            }
            fn visit_unit<E>(self) -> Result<Described, E> {
                Ok(Described("null".into()))
            }
            fn visit_bool<E>(self, b: bool) -> Result<Described, E> {
                Ok(Described(b.to_string()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Described, E> {
                Ok(Described(format!("the number {n}")))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Described, E> {
                Ok(Described(format!("the number {n}")))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Described, E> {
                Ok(Described(format!("the number {}", crate::decimal::Shortest(n))))
            }
            fn visit_str<E>(self, s: &str) -> Result<Described, E> {
                Ok(Described(format!("the text {}", shortened(&format!("{s:?}")))))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Described, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Described(match n {
                    0 => "an empty list".into(),
                    n => format!("a list of {n}"),
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Described, A::Error> {
                let mut n = 0;
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Described(if n == 0 { "an empty object" } else { "an object" }.into()))
            }
        }
        d.deserialize_any(Words)
    }
}

/// A quoted text cut to a readable length.
fn shortened(quoted: &str) -> String {
    const MAX: usize = 60;
    if quoted.chars().count() <= MAX {
        quoted.to_string()
    } else {
        let cut: String = quoted.chars().take(MAX).collect();
        format!("{cut}…\"")
    }
}
