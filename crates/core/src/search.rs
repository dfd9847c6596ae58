//! Finding a place by name as the reader types: every language's name of each location
//! and its other names, matched without regard to case or diacritics, in Latin or Cyrillic.

use crate::dataset::Dataset;
use crate::i18n::Lang;
use crate::text::Localized;

/// How many places a search offers at most.
pub const MAX_HITS: usize = 8;

/// A place a search found.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The location's id.
    pub id: String,
    /// What the list shows: the name in the page's language, and the name typed after it
    /// when that is another ("Serbia (Сербия)").
    pub text: String,
}

/// Text as a search compares it: lower case, without diacritics ("Češka" → "ceska",
/// "Ёлка" → "елка"; "й" is kept apart from "и", as Russian and Ukrainian spell them).
/// Letters other than Latin and Cyrillic are compared as they are.
///
/// # Examples
/// ```
/// use flowmap_core::search::fold;
/// assert_eq!(fold("Češka"), fold("CESKA"));
/// assert_eq!(fold("ĐAKOVICA"), "dakovica");
/// assert_eq!(fold("Ёлка Її"), "елка іі");
/// ```
pub fn fold(text: &str) -> String {
    text.chars()
        // Combining marks, as a decomposed "č" (c + ˇ) carries them.
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| plain(lower(c)))
        .collect()
}

/// A Latin or Cyrillic capital in lower case (without the standard library's tables for
/// every script, which the map does not need).
fn lower(c: char) -> char {
    let u = c as u32;
    let by = match u {
        // A–Z, À–Þ (but ×), А–Я.
        0x41..=0x5a | 0xc0..=0xde | 0x410..=0x42f if u != 0xd7 => 32,
        // Ѐ–Џ: Ё, Ђ, Є, І, Ї, Ј, Љ, Њ, Ћ, Џ.
        0x400..=0x40f => 80,
        // Latin Extended-A and Ґ…: capital and small letters in pairs.
        0x100..=0x137 | 0x14a..=0x177 | 0x490..=0x4bf if u.is_multiple_of(2) => 1,
        0x139..=0x148 | 0x179..=0x17e if !u.is_multiple_of(2) => 1,
        0x178 => return 'ÿ',
        _ => 0,
    };
    char::from_u32(u + by).unwrap_or(c)
}

/// A lower-case letter without its diacritic.
fn plain(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ú' | 'ù' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ё' => 'е',
        'ї' => 'і',
        'ґ' => 'г',
        c => c,
    }
}

/// How well a name matches the folded `query`: at its start (0), at the start of one of
/// its words (1), inside a word (2); `None` when it does not contain the query.
fn rank(name: &str, query: &[char]) -> Option<u8> {
    let name: Vec<char> = fold(name).chars().collect();
    let last = name.len().checked_sub(query.len())?;
    (0..=last)
        .filter(|&at| name[at..].starts_with(query))
        .map(|at| match at {
            0 => 0,
            _ if name[at - 1].is_whitespace() || name[at - 1].is_ascii_punctuation() => 1,
            _ => 2,
        })
        .min()
}

/// Every name a text gives, with its language tag (`None` for text in no language).
fn names(text: &Localized) -> Vec<(Option<&str>, &str)> {
    match text {
        Localized::Plain(s) => vec![(None, s.as_str())],
        Localized::ByLanguage(m) => m.iter().map(|(l, s)| (Some(l.as_str()), s.as_str())).collect(),
    }
}

/// The places whose names contain `query`, best first, at most [`MAX_HITS`]: a name that
/// starts with it before one that only contains it, and then a name in the page's language
/// `lang` before a name in another; ties keep the dataset's order. Every language's name
/// counts, and a location's `other_names`.
///
/// # Examples
/// ```
/// use flowmap_core::{dataset::Dataset, i18n::Lang, search::search};
/// let d = Dataset::from_json("d", include_str!("../../../public/data/flows.json")).unwrap();
/// let found = |q| search(&d, q, Lang::En).into_iter().map(|h| h.text).collect::<Vec<_>>();
/// assert_eq!(found("Србија"), ["Serbia (Србија)"]);
/// assert_eq!(found("serb"), ["Serbia"]);
/// assert!(found(" ").is_empty());
/// ```
pub fn search(dataset: &Dataset, query: &str, lang: Lang) -> Vec<Hit> {
    let query: Vec<char> = fold(query.trim()).chars().collect();
    if query.is_empty() {
        return Vec::new();
    }
    // (rank, other language, position, the matching name when it is not the shown one)
    let mut found = Vec::new();
    for (i, l) in dataset.raw.locations.iter().enumerate() {
        let shown = l.name.get(lang.tag());
        let mut all = names(&l.name);
        all.extend(l.other_names.iter().map(|n| (None, n.as_str())));
        let best = all
            .into_iter()
            .filter_map(|(tag, name)| {
                let r = rank(name, &query)?;
                let own = name == shown || tag == Some(lang.tag());
                Some((r, !own, name))
            })
            .min_by_key(|(r, other, _)| (*r, *other));
        if let Some((r, other, name)) = best {
            found.push((r, other, i, (name != shown).then_some(name)));
        }
    }
    crate::sort::sort_by(&mut found, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    found
        .into_iter()
        .take(MAX_HITS)
        .map(|(_, _, i, typed)| {
            let l = &dataset.raw.locations[i];
            let shown = l.name.get(lang.tag());
            let text = match typed {
                Some(t) => format!("{shown} ({t})"),
                None => shown.to_string(),
            };
            Hit { id: l.id.clone(), text }
        })
        .collect()
}

/// The places a chosen place's flows reach, the place first: what the map zooms to. Only
/// the flows in `shown` (dataset indices) count.
///
/// # Examples
/// ```
/// use flowmap_core::{dataset::Dataset, search::reached};
/// let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
/// assert_eq!(reached(&d, "SRB", &[0, 1]), ["SRB", "CZE", "UKR", "RUS"]);
/// assert_eq!(reached(&d, "SRB", &[]), ["SRB"]);
/// ```
pub fn reached<'a>(dataset: &'a Dataset, id: &'a str, shown: &[usize]) -> Vec<&'a str> {
    let mut out = vec![id];
    // Each place once, in the order reached: a hub's thousands of flows stay linear.
    let mut seen: rustc_hash::FxHashSet<&str> = std::iter::once(id).collect();
    for f in shown.iter().filter_map(|i| dataset.raw.flows.get(*i)) {
        if dataset.stops(f).any(|s| s == id) {
            out.extend(dataset.stops(f).filter(|s| seen.insert(s)));
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    fn bundled() -> Dataset {
        Dataset::from_json("flows.json", include_str!("../../../public/data/flows.json")).unwrap()
    }

    fn ids(d: &Dataset, q: &str, lang: Lang) -> Vec<String> {
        search(d, q, lang).into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn serbia_in_every_script_and_language() {
        let d = bundled();
        for q in ["Srbija", "Србија", "serb", "Сербия", "СЕРБІЯ", "srbija "] {
            for lang in Lang::ALL {
                assert_eq!(
                    ids(&d, q, lang).first().map(String::as_str),
                    Some("SRB"),
                    "{q} {lang:?}"
                );
            }
        }
    }

    #[test]
    fn capitals_fold_like_the_standard_library_in_latin_and_cyrillic() {
        let ranges = [0x41..0x5b, 0xc0..0x17f, 0x400..0x460, 0x490..0x4c0];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let std: String = c.to_lowercase().collect();
            // İ (dotted capital I) lowers to two characters; ĸ and ŉ have no capital.
            if std.chars().count() == 1 && !matches!(c, 'İ' | 'ı') {
                assert_eq!(lower(c).to_string(), std, "{c} U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn diacritics_and_case_are_folded_both_ways() {
        let d = bundled();
        assert_eq!(ids(&d, "ceska", Lang::SrLatn), ["CZE"]);
        assert_eq!(ids(&d, "ČEŠ", Lang::En), ["CZE"]);
        // A decomposed "č": c followed by a combining caron.
        assert_eq!(ids(&d, "c\u{30c}eska", Lang::En), ["CZE"]);
    }

    #[test]
    fn a_prefix_comes_before_a_word_start_before_the_inside_of_a_word() {
        let rank = |name, q: &str| rank(name, &q.chars().collect::<Vec<_>>());
        assert_eq!(rank("Serbia", "ser"), Some(0));
        assert_eq!(rank("North Macedonia", "mac"), Some(1));
        assert_eq!(rank("Bosnia-Herzegovina", "her"), Some(1));
        assert_eq!(rank("Kyrgyzstan", "stan"), Some(2));
        assert_eq!(rank("Kyrgyzstan", "stani"), None);
        assert_eq!(rank("Chad", "chads"), None);
        let d = bundled();
        // "ru": Russia starts with it; other names only contain it.
        let hits = ids(&d, "ru", Lang::En);
        assert_eq!(hits.first().map(String::as_str), Some("RUS"));
    }

    #[test]
    fn the_page_language_comes_first_and_the_typed_name_is_shown() {
        let d = bundled();
        // Kyrgyzstan is "Киргизия" (ru), "Киргизстан" (uk), "Киргистан" (sr-Cyrl).
        let hits = search(&d, "кир", Lang::Uk);
        assert_eq!(hits.first().map(|h| h.text.as_str()), Some("Киргизстан"));
        let hits = search(&d, "кир", Lang::En);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("KGZ"));
        assert!(hits[0].text.starts_with("Kyrgyzstan ("), "{:?}", hits[0]);
    }

    #[test]
    fn other_names_are_found_and_results_are_limited() {
        let mut raw = bundled().raw;
        raw.locations[0].other_names = vec!["Republic of Serbia".into()];
        let d = Dataset::check(raw);
        assert_eq!(ids(&d, "republic", Lang::Ru), ["SRB"]);
        assert_eq!(search(&d, "republic", Lang::En)[0].text, "Serbia (Republic of Serbia)");
        // Every name with an "a" in it: more places than a list shows.
        assert!(d.raw.locations.len() > MAX_HITS);
        assert_eq!(search(&d, "a", Lang::En).len(), MAX_HITS);
    }
}
