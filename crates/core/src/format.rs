//! Formatting values for readers in their language: "$71.1 million", "71,1 млн долл. США".

use crate::decimal::Fixed;
use crate::i18n::{tr, trf, Lang, Msg};
use crate::model::{Basis, FlowValue, Quantity};

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
///
/// # Examples
/// ```
/// use flowmap_core::{format::grouped, i18n::Lang};
/// assert_eq!(grouped(80_000, Lang::En), "80,000");
/// assert_eq!(grouped(999, Lang::Ru), "999");
/// ```
pub fn grouped(n: u64, lang: Lang) -> String {
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
    let s = Fixed(scaled, 2).to_string();
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let s = if lang.decimal_comma() { s.replace('.', ",") } else { s.to_string() };
    // A no-break space keeps "71,1 млн" together where numbers are written the Slavic way.
    let space = if lang == Lang::En { ' ' } else { '\u{a0}' };
    format!("{s}{space}{unit}")
}

/// A figure in its currency or unit, without its basis: "$71.1 million", "71,1 млн долл.
/// США", "3.1 million tonnes", "1,600 rounds"; a unit the catalogue lacks is written as
/// given.
///
/// # Examples
/// ```
/// use flowmap_core::{format::figure, i18n::Lang};
/// assert_eq!(figure(143.9e6, "USD", true, Lang::En), "$143.9 million");
/// assert_eq!(figure(3.1e6, "tonnes", false, Lang::Ru), "3,1\u{a0}млн тонн");
/// assert_eq!(figure(22.0, "rounds", false, Lang::Uk), "22 набої");
/// ```
pub fn figure(value: f64, measure: &str, is_money: bool, lang: Lang) -> String {
    let fraction = !is_money && value.abs() < 1e6 && value.fract() != 0.0;
    let number = if fraction {
        // "2.5 tonnes", "2,5 тонны": a count below a million keeps its decimals.
        let s = Fixed(value, 2).to_string();
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if lang.decimal_comma() {
            s.replace('.', ",")
        } else {
            s.to_string()
        }
    } else {
        amount(value, lang)
    };
    if is_money {
        return match currency(lang, measure) {
            Some((sym, true)) => format!("{sym}{number}"),
            Some((word, false)) => format!("{number} {word}"),
            None => format!("{number} {measure}"),
        };
    }
    let word = match crate::i18n::unit_forms(lang, measure) {
        // After "million" a noun takes its plural (many: the genitive in Slavic languages).
        Some(forms) if value.abs() >= 1e6 => crate::i18n::plural(lang, forms, 5),
        // A fraction takes the plural in English and the genitive singular (the "few" form)
        // in Slavic languages: "2,5 тонны".
        Some(forms) if fraction => crate::i18n::plural(lang, forms, 2),
        Some(forms) => crate::i18n::plural(lang, forms, value.round() as u64),
        None => measure.to_string(),
    };
    format!("{number} {word}")
}

/// A stated figure with its basis: "at least $71.1 million", "about €800 million",
/// "$90 million, part of $346 million (Ukraine's ammunition imports in July 2023)",
/// "$143.9 million, of which $54.3 million high-priority items".
///
/// # Examples
/// ```
/// use flowmap_core::{format::quantity, i18n::Lang, model::{Basis, Part, Quantity}};
/// let mut q = Quantity::money(71.1e6, "USD");
/// q.basis = Basis::Minimum;
/// assert_eq!(quantity(&q, Lang::En), "at least $71.1 million");
/// let mut k = Quantity::money(143.9e6, "USD");
/// k.parts.push(Part { amount: 54.3e6, what: "high-priority items".into() });
/// assert_eq!(quantity(&k, Lang::En), "$143.9 million, of which $54.3 million high-priority items");
/// ```
pub fn quantity(q: &Quantity, lang: Lang) -> String {
    let fig = |v: f64| figure(v, q.measure(), q.is_money(), lang);
    let stated = fig(q.amount);
    let mut out = match q.basis {
        Basis::Minimum => trf(lang, Msg::AtLeast, &[&stated]),
        Basis::Estimate => trf(lang, Msg::About, &[&stated]),
        Basis::Total | Basis::Part => stated,
    };
    if let Some(whole) = &q.of {
        let of = format!("{} ({})", fig(whole.amount), whole.what.get(lang.tag()));
        out = format!("{out}, {}", trf(lang, Msg::PartOf, &[&of]));
    }
    for part in &q.parts {
        let p = format!("{} {}", fig(part.amount), part.what.get(lang.tag()));
        out = format!("{out}, {}", trf(lang, Msg::OfWhich, &[&p]));
    }
    out
}

/// A flow's value in words; "value not disclosed" when the reporting gives none.
pub fn flow_value(v: &FlowValue, lang: Lang) -> String {
    match v {
        FlowValue::Known(q) => quantity(q, lang),
        FlowValue::Undisclosed(_) => tr(lang, Msg::ValueNotDisclosed),
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn money(q: &Quantity, lang: Lang) -> String {
        quantity(q, lang)
    }

    fn m(amount: f64, currency: &str) -> Quantity {
        Quantity::money(amount, currency)
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

    #[test]
    fn quantities_that_are_not_money_take_their_unit() {
        let nb = |s: String| s.replace('\u{a0}', " ");
        let mut rounds = Quantity {
            currency: None,
            unit: Some("rounds".into()),
            basis: Basis::Estimate,
            ..m(1e6, "")
        };
        assert_eq!(quantity(&rounds, Lang::En), "about 1 million rounds");
        assert_eq!(nb(quantity(&rounds, Lang::Ru)), "около 1 млн патронов");
        assert_eq!(nb(quantity(&rounds, Lang::SrLatn)), "oko 1 mil. metaka");
        rounds.amount = 21.0;
        rounds.basis = Basis::Total;
        assert_eq!(quantity(&rounds, Lang::Ru), "21 патрон");
        assert_eq!(quantity(&rounds, Lang::En), "21 rounds");
        let tonnes = Quantity { currency: None, unit: Some("tonnes".into()), ..m(2.5, "") };
        assert_eq!(quantity(&tonnes, Lang::En), "2.5 tonnes");
        assert_eq!(quantity(&tonnes, Lang::Ru), "2,5 тонны");
        assert_eq!(quantity(&tonnes, Lang::SrLatn), "2,5 tone");
        let crates = Quantity { currency: None, unit: Some("crates".into()), ..m(1.0, "") };
        assert_eq!(quantity(&crates, Lang::Uk), "1 crates");
    }

    #[test]
    fn parts_and_wholes_are_named() {
        let mut q = m(90e6, "USD");
        q.basis = Basis::Part;
        q.of = Some(crate::model::Part { amount: 346e6, what: "all imports".into() });
        assert_eq!(quantity(&q, Lang::En), "$90 million, part of $346 million (all imports)");
    }
}
