//! The title, notes and settings typed in the editor, over what the data says.

use crate::model::Meta;
use crate::text::Localized;
use serde::{Deserialize, Serialize};

/// What the editor typed; an empty field keeps the data's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The headline.
    pub title: String,
    /// The line under it.
    pub subtitle: String,
    /// The notes under the map.
    pub notes: String,
    /// Who made the graphic.
    pub credit: String,
    /// The map's language tag (`en`, `sr-Latn`, …).
    pub language: String,
    /// Location ids the map is fitted to, separated by commas, semicolons or spaces.
    pub focus: String,
}

impl Settings {
    /// Writes the fields that are not empty into `meta`; a text replaces the data's in
    /// every language.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::editor::Settings;
    /// use flowmap_core::model::Meta;
    /// use flowmap_core::text::Localized;
    /// let mut meta = Meta { title: Localized::Plain("Old".into()), subtitle: None, notes: None,
    ///     credit: None, language: None, focus: vec![], image: None };
    /// let s = Settings { title: " New ".into(), focus: "SRB, RUS;UKR".into(), ..Settings::default() };
    /// s.apply(&mut meta);
    /// assert_eq!(meta.title, Localized::Plain("New".into()));
    /// assert_eq!(meta.focus, ["SRB", "RUS", "UKR"]);
    /// ```
    pub fn apply(&self, meta: &mut Meta) {
        let text = |s: &str| (!s.trim().is_empty()).then(|| Localized::Plain(s.trim().into()));
        if let Some(title) = text(&self.title) {
            meta.title = title;
        }
        for (field, typed) in [
            (&mut meta.subtitle, &self.subtitle),
            (&mut meta.notes, &self.notes),
            (&mut meta.credit, &self.credit),
        ] {
            if let Some(t) = text(typed) {
                *field = Some(t);
            }
        }
        if !self.language.trim().is_empty() {
            meta.language = Some(self.language.trim().into());
        }
        let focus: Vec<String> = self
            .focus
            .split([',', ';', ' '])
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(String::from)
            .collect();
        if !focus.is_empty() {
            meta.focus = focus;
        }
    }
}
