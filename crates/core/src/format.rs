//! Formatting values for readers in their language: "$71.1 million", "71,1 млн долл. США".

use crate::i18n::{tr, trf, Lang, Msg};
use crate::model::{FlowValue, Money, Qualifier};

/// How `lang` writes a currency: as a symbol before the number (`true`) or a word after it.
fn currency(lang: Lang, code: &str) -> Option<(&'static str, bool)> {
    Some(match (lang, code) {
        (Lang::En, "USD") => ("$", true),
        (Lang::En, "EUR") => ("€", true),
        (Lang::En, "GBP") => ("£", true),
        (Lang::Ru, "USD") => ("долл. США", false),
        (Lang::Ru, "EUR") => ("евро", false),
        (Lang::Ru, "GBP") => ("ф. ст.", false),
        (Lang::Uk, "USD") => ("дол. США", false),
        (Lang::Uk, "EUR") => ("євро", false),
        (Lang::Uk, "GBP") => ("ф. ст.", false),
        (Lang::SrLatn, "USD") => ("dolara", false),
        (Lang::SrLatn, "EUR") => ("evra", false),
        (Lang::SrCyrl, "USD") => ("долара", false),
        (Lang::SrCyrl, "EUR") => ("евра", false),
        _ => return None,
    })
}

/// Words for a million and a billion.
fn scale_words(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("million", "billion"),
        Lang::Ru | Lang::Uk => ("млн", "млрд"),
        Lang::SrLatn => ("mil.", "mlrd."),
        Lang::SrCyrl => ("мил.", "млрд."),
    }
}

/// The thousands separator: "1,600", "1 600" (no-break space), "1.600".
fn group_separator(lang: Lang) -> char {
    match lang {
        Lang::En => ',',
        Lang::Ru | Lang::Uk => '\u{a0}',
        Lang::SrLatn | Lang::SrCyrl => '.',
    }
}

/// Groups thousands: 1600 → "1,600".
fn grouped(n: u64, lang: Lang) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(group_separator(lang));
        }
        out.push(ch);
    }
    out
}

/// An amount in words without currency: "71.1 million", "1.34 billion", "1,600";
/// "71,1 млн" in Russian.
///
/// # Examples
/// ```
/// use flowmap_core::{format::amount, i18n::Lang};
/// assert_eq!(amount(5e8, Lang::En), "500 million");
/// assert_eq!(amount(1.34e9, Lang::SrLatn), "1,34\u{a0}mlrd.");
/// ```
pub fn amount(value: f64, lang: Lang) -> String {
    let a = value.abs();
    let (million, billion) = scale_words(lang);
    let (scaled, unit) = if a >= 1e9 {
        (value / 1e9, billion)
    } else if a >= 1e6 {
        (value / 1e6, million)
    } else {
        return grouped(value.round() as u64, lang);
    };
    let s = format!("{scaled:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let s = if lang.decimal_comma() { s.replace('.', ",") } else { s.to_string() };
    // A no-break space keeps "71,1 млн" together where numbers are written the Slavic way.
    let space = if lang == Lang::En { ' ' } else { '\u{a0}' };
    format!("{s}{space}{unit}")
}

/// "$71.1 million", "at least €800 million", "$1,600"; "71,1 млн долл. США".
///
/// # Examples
/// ```
/// use flowmap_core::{format::money, i18n::Lang, model::{Money, Qualifier}};
/// let m = Money { amount: 71.1e6, currency: "USD".into(), qualifier: Some(Qualifier::AtLeast) };
/// assert_eq!(money(&m, Lang::En), "at least $71.1 million");
/// ```
pub fn money(m: &Money, lang: Lang) -> String {
    let number = amount(m.amount, lang);
    let stated = match currency(lang, &m.currency) {
        Some((sym, true)) => format!("{sym}{number}"),
        Some((word, false)) => format!("{number} {word}"),
        None => format!("{number} {}", m.currency),
    };
    match m.qualifier {
        Some(Qualifier::AtLeast) => trf(lang, Msg::AtLeast, &[&stated]),
        Some(Qualifier::About) => trf(lang, Msg::About, &[&stated]),
        None => stated,
    }
}

/// A flow's value in words; "value not disclosed" when the reporting gives none.
pub fn flow_value(v: &FlowValue, lang: Lang) -> String {
    match v {
        FlowValue::Known(m) => money(m, lang),
        FlowValue::Undisclosed(_) => tr(lang, Msg::ValueNotDisclosed),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn m(amount: f64, currency: &str) -> Money {
        Money { amount, currency: currency.into(), qualifier: None }
    }

    #[test]
    fn scales_and_symbols() {
        assert_eq!(money(&m(143.9e6, "USD"), Lang::En), "$143.9 million");
        assert_eq!(money(&m(1.34e9, "EUR"), Lang::En), "€1.34 billion");
        assert_eq!(money(&m(1600.0, "USD"), Lang::En), "$1,600");
        assert_eq!(money(&m(18e6, "USD"), Lang::En), "$18 million");
        assert_eq!(money(&m(5e6, "RSD"), Lang::En), "5 million RSD");
    }

    #[test]
    fn each_locale_writes_numbers_its_own_way() {
        let nb = |s: &str| s.replace('\u{a0}', " ");
        assert_eq!(nb(&money(&m(71.1e6, "USD"), Lang::Ru)), "71,1 млн долл. США");
        assert_eq!(nb(&money(&m(1600.0, "USD"), Lang::Uk)), "1 600 дол. США");
        assert_eq!(money(&m(1600.0, "EUR"), Lang::SrLatn), "1.600 evra");
        assert_eq!(nb(&money(&m(800e6, "EUR"), Lang::SrCyrl)), "800 мил. евра");
        assert_eq!(nb(&money(&m(5e6, "RSD"), Lang::Ru)), "5 млн RSD");
    }
}
