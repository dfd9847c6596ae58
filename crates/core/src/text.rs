//! Text that may be given in several languages.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A string, or strings keyed by language tag (`en`, `ru`, `sr-Latn`, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Localized {
    /// The same text in every language.
    Plain(String),
    /// Text per language tag.
    ByLanguage(BTreeMap<String, String>),
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
