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
    ByLanguage(Languages),
}

/// Texts by language tag, in the order of their tags, each tag once: a list rather than a
/// map, as most hold one or two (a map's first node has room for eleven: at 100,000 flows
/// whose descriptions are given by language, 25 MB of a browser's WebAssembly memory).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Languages(Vec<(String, String)>);

impl Languages {
    /// The text in the language `tag`.
    pub fn get(&self, tag: &str) -> Option<&String> {
        let at = self.0.binary_search_by(|(t, _)| t.as_str().cmp(tag)).ok()?;
        Some(&self.0[at].1)
    }

    /// The tags and their texts, in the order of the tags.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(t, s)| (t, s))
    }

    /// The texts, in the order of their tags.
    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(_, s)| s)
    }
}

impl From<BTreeMap<String, String>> for Languages {
    fn from(map: BTreeMap<String, String>) -> Languages {
        Languages(map.into_iter().collect())
    }
}

impl FromIterator<(String, String)> for Languages {
    /// A later text of a tag replaces an earlier one, as in a map.
    fn from_iter<I: IntoIterator<Item = (String, String)>>(texts: I) -> Languages {
        texts.into_iter().collect::<BTreeMap<_, _>>().into()
    }
}

impl Serialize for Languages {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
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
                by.map(|by: BTreeMap<String, String>| Localized::ByLanguage(by.into()))
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

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn texts_by_language_read_and_write_as_a_map_in_the_order_of_their_tags() {
        let text = r#"{"sr-Latn": "Srbija", "en": "Serbia", "ru": "Сербия", "en": "Serbia!"}"#;
        let t: Localized = serde_json::from_str(text).unwrap();
        let Localized::ByLanguage(by) = &t else { panic!("{t:?}") };
        // The last of a repeated tag, as a map keeps it.
        assert_eq!(by.get("en").map(String::as_str), Some("Serbia!"));
        assert_eq!(by.get("sr-Latn").map(String::as_str), Some("Srbija"));
        assert_eq!(by.get("uk"), None);
        assert_eq!(t.get("uk"), "Serbia!");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"en":"Serbia!","ru":"Сербия","sr-Latn":"Srbija"}"#
        );
        let again: Localized = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(again, t);
        let listed: Languages = [("ru", "б"), ("en", "a"), ("ru", "в")]
            .map(|(t, s)| (t.to_string(), s.to_string()))
            .into_iter()
            .collect();
        assert_eq!(listed.values().collect::<Vec<_>>(), ["a", "в"]);
    }
}
