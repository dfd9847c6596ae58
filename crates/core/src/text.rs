//! Text that may be given in several languages.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A string, or strings keyed by language tag (`en`, `ru`, `sr-Latn`, …).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Localized {
    /// The same text in every language.
    Plain(String),
    /// Text per language tag.
    ByLanguage(BTreeMap<String, String>),
}

/// Read by hand rather than as an untagged enum, so that a mistake inside the languages is
/// reported where it is (`name.en`), in words an editor knows.
impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> serde::de::Visitor<'de> for Text {
            type Value = Localized;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text, or text per language ({\"en\": …, \"ru\": …})")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Localized, E> {
                Ok(Localized::Plain(s.to_string()))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                map: M,
            ) -> Result<Localized, M::Error> {
                let by = BTreeMap::deserialize(serde::de::value::MapAccessDeserializer::new(map));
                by.map(Localized::ByLanguage)
            }
        }
        d.deserialize_any(Text)
    }
}

impl Localized {
    /// The text for `lang`, else English, else any language given.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::text::Localized;
    /// let t: Localized = serde_json::from_str(r#"{"en": "Serbia", "ru": "Сербия"}"#).unwrap();
    /// assert_eq!(t.get("ru"), "Сербия");
    /// assert_eq!(t.get("uk"), "Serbia");
    /// ```
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Localized::Plain(s) => s,
            Localized::ByLanguage(m) => m
                .get(lang)
                .or_else(|| m.get("en"))
                .or_else(|| m.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// True when no language has any non-blank text.
    pub fn is_blank(&self) -> bool {
        match self {
            Localized::Plain(s) => s.trim().is_empty(),
            Localized::ByLanguage(m) => m.values().all(|s| s.trim().is_empty()),
        }
    }
}

impl From<&str> for Localized {
    fn from(s: &str) -> Self {
        Localized::Plain(s.to_string())
    }
}
