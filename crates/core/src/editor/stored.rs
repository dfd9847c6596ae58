//! How a file's bytes are kept in the browser's storage: as its text when it is UTF-8 (most
//! sheets and every dataset JSON), else as base64 — about the file's own size or a third
//! more, where a list of numbers took 3.6 times it. Work kept by an earlier version, with
//! the bytes as a list of numbers, still reads.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use std::fmt;

/// Writes `bytes` as a string when they are UTF-8, else as `{"base64": "…"}`.
pub fn serialize<S: Serializer>(bytes: &[u8], out: S) -> Result<S::Ok, S::Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => out.serialize_str(text),
        Err(_) => {
            let mut map = out.serialize_map(Some(1))?;
            map.serialize_entry("base64", &STANDARD.encode(bytes))?;
            map.end()
        }
    }
}

/// Reads what [`serialize`] wrote, or a list of byte values.
pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Vec<u8>, D::Error> {
    input.deserialize_any(Bytes)
}

struct Bytes;

impl<'de> Visitor<'de> for Bytes {
    type Value = Vec<u8>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a file's text, its base64, or its bytes")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Vec<u8>, E> {
        Ok(text.as_bytes().to_vec())
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Vec<u8>, A::Error> {
        let mut bytes = None;
        while let Some((key, value)) = map.next_entry::<String, String>()? {
            if key == "base64" {
                bytes = Some(STANDARD.decode(value).map_err(de::Error::custom)?);
            }
        }
        bytes.ok_or_else(|| de::Error::missing_field("base64"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
        let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(b) = seq.next_element()? {
            bytes.push(b);
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use crate::editor::{Role, Work, WorkFile};

    fn work(bytes: &[u8]) -> Work {
        let file = WorkFile { name: "flows.csv".into(), role: Role::Flows, bytes: bytes.to_vec() };
        Work { files: vec![file], ..Work::default() }
    }

    #[test]
    fn utf8_is_kept_as_its_text() {
        let w = work("id,from\nf1,Србија\n".as_bytes());
        let text = serde_json::to_string(&w).unwrap();
        assert!(text.contains(r#""bytes":"id,from\nf1,Србија\n""#), "{text}");
        assert_eq!(serde_json::from_str::<Work>(&text).unwrap(), w);
    }

    #[test]
    fn other_encodings_are_kept_as_base64() {
        // "Köln" in Windows-1252: not UTF-8.
        let w = work(b"id,to\nf1,K\xf6ln\n");
        let text = serde_json::to_string(&w).unwrap();
        assert!(text.contains(r#""bytes":{"base64":"#), "{text}");
        assert_eq!(serde_json::from_str::<Work>(&text).unwrap(), w);
        let big = work(&[0xff; 3000]);
        let kept = serde_json::to_string(&big).unwrap().len();
        assert!(kept < 3000 * 4 / 3 + 200, "base64 is about 4/3 of the bytes: {kept}");
    }

    #[test]
    fn work_kept_by_an_earlier_version_still_reads() {
        let old = r#"{"files":[{"name":"flows.csv","role":"flows","bytes":[105,100,10]}]}"#;
        assert_eq!(serde_json::from_str::<Work>(old).unwrap(), work(b"id\n"));
    }
}
