//! Formatting values for readers (English; other locales come with the i18n work).

use crate::model::{FlowValue, Money, Qualifier};

fn symbol(currency: &str) -> Option<&'static str> {
    match currency {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        _ => None,
    }
}

/// Groups thousands: 1600 → "1,600".
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// An amount in words without currency: "71.1 million", "1.34 billion", "1,600".
///
/// # Examples
/// ```
/// assert_eq!(flowmap_core::format::amount(5e8), "500 million");
/// ```
pub fn amount(value: f64) -> String {
    let a = value.abs();
    let (scaled, unit) = if a >= 1e9 {
        (value / 1e9, " billion")
    } else if a >= 1e6 {
        (value / 1e6, " million")
    } else {
        return grouped(value.round() as u64);
    };
    let s = format!("{scaled:.2}");
    format!("{}{unit}", s.trim_end_matches('0').trim_end_matches('.'))
}

/// "$71.1 million", "at least €800 million", "$1,600".
///
/// # Examples
/// ```
/// use flowmap_core::{format::money, model::{Money, Qualifier}};
/// let m = Money { amount: 71.1e6, currency: "USD".into(), qualifier: Some(Qualifier::AtLeast) };
/// assert_eq!(money(&m), "at least $71.1 million");
/// ```
pub fn money(m: &Money) -> String {
    let number = amount(m.amount);
    let stated = match symbol(&m.currency) {
        Some(sym) => format!("{sym}{number}"),
        None => format!("{number} {}", m.currency),
    };
    match m.qualifier {
        Some(Qualifier::AtLeast) => format!("at least {stated}"),
        Some(Qualifier::About) => format!("about {stated}"),
        None => stated,
    }
}

/// A flow's value in words; "value not disclosed" when the reporting gives none.
pub fn flow_value(v: &FlowValue) -> String {
    match v {
        FlowValue::Known(m) => money(m),
        FlowValue::Undisclosed(_) => "value not disclosed".into(),
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
        assert_eq!(money(&m(143.9e6, "USD")), "$143.9 million");
        assert_eq!(money(&m(1.34e9, "EUR")), "€1.34 billion");
        assert_eq!(money(&m(1600.0, "USD")), "$1,600");
        assert_eq!(money(&m(18e6, "USD")), "$18 million");
        assert_eq!(money(&m(5e6, "RSD")), "5 million RSD");
    }
}
