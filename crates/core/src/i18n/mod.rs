//! Interface languages: which one a reader gets ([`Lang::choose`]) and every piece of
//! interface text in each ([`tr`], [`trf`]). A message without a translation falls back to
//! English, never to its key.

mod catalogue;
#[cfg(feature = "sheets")]
pub mod editor;
mod serbian;

pub use catalogue::{unit_forms, Msg, KNOWN_UNITS};
pub use serbian::{to_cyrillic, LATIN_TOKENS};

/// A language the interface is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
    /// Serbian in Latin script.
    SrLatn,
    /// Serbian in Cyrillic script.
    SrCyrl,
}

impl Lang {
    /// Every interface language.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Ru, Lang::Uk, Lang::SrLatn, Lang::SrCyrl];

    /// The BCP 47 tag: `en`, `ru`, `uk`, `sr-Latn`, `sr-Cyrl`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::SrLatn => "sr-Latn",
            Lang::SrCyrl => "sr-Cyrl",
        }
    }

    /// The language's name in itself, for a language menu.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Uk => "Українська",
            Lang::SrLatn => "Srpski (latinica)",
            Lang::SrCyrl => "Српски (ћирилица)",
        }
    }

    /// The interface language for a tag such as `ru-RU`, `sr-Latn-RS` or `sr`; `None` when
    /// the map has no interface in that language. Plain `sr` is Cyrillic, Serbia's official
    /// script.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::i18n::Lang;
    /// assert_eq!(Lang::parse("sr-latn-RS"), Some(Lang::SrLatn));
    /// assert_eq!(Lang::parse("de"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            "uk" => Some(Lang::Uk),
            "sr" | "sh" => {
                Some(if parts.any(|p| p == "latn") { Lang::SrLatn } else { Lang::SrCyrl })
            }
            _ => None,
        }
    }

    /// The reader's language: `?lang=` if the map speaks it, else the dataset's default,
    /// else the first of the browser's languages it speaks, else English.
    pub fn choose(
        requested: Option<&str>,
        dataset_default: Option<&str>,
        browser: &[String],
    ) -> Lang {
        requested
            .and_then(Lang::parse)
            .or_else(|| dataset_default.and_then(Lang::parse))
            .or_else(|| browser.iter().find_map(|t| Lang::parse(t)))
            .unwrap_or_default()
    }

    /// True for languages that write numbers as `1 600,5` or `1.600,5` rather than `1,600.5`.
    pub fn decimal_comma(self) -> bool {
        self != Lang::En
    }
}

/// The catalogue's own text of `msg` for `lang` (Serbian Cyrillic: the Latin text, still to
/// be transliterated); `None` when it has no translation.
fn own(lang: Lang, msg: Msg) -> Option<&'static str> {
    match lang {
        Lang::En => Some(catalogue::english(msg)),
        Lang::Ru => catalogue::russian(msg),
        Lang::Uk => catalogue::ukrainian(msg),
        Lang::SrLatn | Lang::SrCyrl => catalogue::serbian_latin(msg),
    }
}

/// The interface text `msg` in `lang`, or in English when it has no translation.
pub fn tr(lang: Lang, msg: Msg) -> String {
    match own(lang, msg) {
        Some(text) if lang == Lang::SrCyrl => serbian::to_cyrillic(text),
        Some(text) => text.to_string(),
        None => catalogue::english(msg).to_string(),
    }
}

/// [`tr`] with `{0}`, `{1}`, … replaced by `args`.
///
/// # Examples
/// ```
/// use flowmap_core::i18n::{trf, Lang, Msg};
/// assert_eq!(trf(Lang::Ru, Msg::Showing, &["7", "23"]), "Показано потоков: 7 из 23");
/// ```
pub fn trf(lang: Lang, msg: Msg, args: &[&str]) -> String {
    let mut text = tr(lang, msg);
    for (i, arg) in args.iter().enumerate() {
        text = text.replace(&format!("{{{i}}}"), arg);
    }
    text
}

/// A count with its noun: "1 flow", "22 flows"; "22 потока", "5 потоков".
pub fn count(lang: Lang, n: usize, noun: Noun) -> String {
    let n = n as u64;
    format!(
        "{} {}",
        crate::format::grouped(n, lang),
        plural(lang, catalogue::noun_forms(lang, noun), n)
    )
}

/// The form of a counted word for `n`, from its one, few and many forms, in the script of
/// `lang`.
///
/// # Examples
/// ```
/// use flowmap_core::i18n::{plural, Lang};
/// assert_eq!(plural(Lang::Ru, ["патрон", "патрона", "патронов"], 22), "патрона");
/// assert_eq!(plural(Lang::SrCyrl, ["metak", "metka", "metaka"], 5), "метака");
/// ```
pub fn plural(lang: Lang, forms: [&str; 3], n: u64) -> String {
    let form = match lang {
        Lang::En => usize::from(n != 1),
        // East and South Slavic plurals: one (1, 21), few (2–4, 22–24), many (the rest).
        _ if n % 10 == 1 && n % 100 != 11 => 0,
        _ if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) => 1,
        _ => 2,
    };
    let word = forms[form];
    if lang == Lang::SrCyrl {
        serbian::to_cyrillic(word)
    } else {
        word.to_string()
    }
}

/// Nouns that are counted in interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// A flow of goods.
    Flow,
    /// A country.
    Country,
    /// A city or town.
    City,
    /// A port.
    Port,
    /// An airport.
    Airport,
    /// A border crossing.
    BorderCrossing,
    /// A place of any kind, or of several kinds.
    Place,
    /// A problem found in the data.
    Problem,
    /// A check the editor should make.
    Check,
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn every_message_is_translated_in_every_language() {
        for lang in Lang::ALL {
            let missing: Vec<_> = Msg::ALL.iter().filter(|m| own(lang, **m).is_none()).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }

    #[test]
    fn translations_keep_their_placeholders() {
        for msg in Msg::ALL {
            let english = tr(Lang::En, msg);
            for lang in Lang::ALL {
                let text = tr(lang, msg);
                for i in 0..4 {
                    let p = format!("{{{i}}}");
                    assert_eq!(english.contains(&p), text.contains(&p), "{lang:?} {msg:?}: {text}");
                }
            }
        }
    }

    #[test]
    fn choice_follows_query_then_dataset_then_browser() {
        let browser = vec!["de-DE".to_string(), "uk-UA".to_string()];
        assert_eq!(Lang::choose(Some("ru"), Some("en"), &browser), Lang::Ru);
        assert_eq!(Lang::choose(Some("xx"), Some("sr-Latn"), &browser), Lang::SrLatn);
        assert_eq!(Lang::choose(None, None, &browser), Lang::Uk);
        assert_eq!(Lang::choose(None, Some("fr"), &[]), Lang::En);
        assert_eq!(Lang::parse("sr"), Some(Lang::SrCyrl));
        assert_eq!(Lang::parse("sr_Latn"), Some(Lang::SrLatn));
    }

    #[test]
    fn counts_take_the_right_plural() {
        assert_eq!(count(Lang::En, 1, Noun::Flow), "1 flow");
        assert_eq!(count(Lang::En, 22, Noun::Flow), "22 flows");
        assert_eq!(count(Lang::Ru, 21, Noun::Flow), "21 поток");
        assert_eq!(count(Lang::Ru, 22, Noun::Flow), "22 потока");
        assert_eq!(count(Lang::Ru, 12, Noun::Flow), "12 потоков");
        assert_eq!(count(Lang::Uk, 15, Noun::Country), "15 країн");
        assert_eq!(count(Lang::SrLatn, 3, Noun::Country), "3 zemlje");
        assert_eq!(count(Lang::SrCyrl, 5, Noun::Country), "5 земаља");
    }

    #[test]
    fn every_known_unit_has_words_in_every_language() {
        for unit in KNOWN_UNITS {
            for lang in Lang::ALL {
                assert!(unit_forms(lang, unit).is_some(), "{unit} in {lang:?}");
            }
        }
        assert_eq!(unit_forms(Lang::En, "crates"), None);
    }

    #[test]
    fn cyrillic_serbian_is_transliterated_but_keeps_acronyms() {
        assert_eq!(tr(Lang::SrCyrl, Msg::MapSvg), "Мапа као SVG");
        assert_eq!(tr(Lang::SrLatn, Msg::MapSvg), "Mapa kao SVG");
    }
}
