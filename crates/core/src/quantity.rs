//! Checks of a stated figure: an amount of money or of something counted, its parts and
//! the figure it is part of.

use crate::decimal::Shortest;
use crate::json_path::JsonPath;
use crate::model::{Basis, Quantity};
use crate::validate::Problem;
use crate::validate::{ABSURD_AMOUNT, CURRENCIES};

fn report(problems: &mut Vec<Problem>, path: JsonPath, message: String) {
    problems.push(Problem { path, message, warning: false });
}

/// Why `amount` cannot be a figure, if it cannot.
fn bad_amount(amount: f64) -> Option<String> {
    if !amount.is_finite() || amount < 0.0 {
        Some(format!("amount {}; expected a positive number", Shortest(amount)))
    } else if amount > ABSURD_AMOUNT {
        Some(format!(
            "amount {}, more than ten trillion; check the number of zeros",
            crate::math::exponential(amount)
        ))
    } else {
        None
    }
}

/// Reports what is wrong with the figure `q` at `path` (e.g. `flows[2].value`) of `name`.
///
/// # Examples
/// ```
/// use flowmap_core::{model::Quantity, quantity::check, JsonPath};
/// let mut problems = Vec::new();
/// let mut q = Quantity::money(143.9e6, "USD");
/// q.unit = Some("tonnes".into());
/// check(&mut problems, &JsonPath::root().key("flows").index(0).key("value"), "flow \"a\"", &q);
/// assert_eq!(problems[0].path, "flows[0].value");
/// assert!(problems[0].message.contains("either a currency or a unit"));
/// ```
pub fn check(problems: &mut Vec<Problem>, path: &JsonPath, name: &str, q: &Quantity) {
    if let Some(why) = bad_amount(q.amount) {
        report(problems, path.key("amount"), format!("{name} has {why}"));
    }
    match (&q.currency, &q.unit) {
        (Some(_), Some(_)) => report(
            problems,
            path.clone(),
            format!("{name} gives both a currency and a unit; give either a currency or a unit (money in a currency, anything else in a unit such as tonnes)"),
        ),
        (None, None) => report(
            problems,
            path.clone(),
            format!("{name} gives an amount without a currency or a unit; add \"currency\" (such as USD) for money or \"unit\" (such as tonnes) for anything else"),
        ),
        (Some(c), None) if !CURRENCIES.contains(&c.as_str()) => report(
            problems,
            path.key("currency"),
            format!("{name} has currency \"{c}\"; expected an ISO 4217 code such as USD, EUR or RSD"),
        ),
        (None, Some(u)) if u.trim().is_empty() => {
            report(problems, path.key("unit"), format!("{name} has an empty unit; write what is counted, such as tonnes or rounds"));
        }
        (None, Some(u)) if crate::i18n::unit_forms(crate::i18n::Lang::En, u).is_none() => problems.push(Problem {
            path: path.key("unit"),
            message: format!(
                "{name} counts in \"{u}\", a unit the map has no words for; it is shown as written in every language (the map knows {})",
                crate::i18n::KNOWN_UNITS.join(", ")
            ),
            warning: true,
        }),
        _ => {}
    }
    for (j, part) in q.parts.iter().enumerate() {
        let at = path.key("parts").index(j);
        if let Some(why) = bad_amount(part.amount) {
            report(problems, at.key("amount"), format!("{name} has a part with {why}"));
        } else if part.amount > q.amount {
            report(
                problems,
                at.key("amount"),
                format!("{name} has a part ({}) larger than its value ({}); a part is included in the value", Shortest(part.amount), Shortest(q.amount)),
            );
        }
        if part.what.is_blank() {
            report(
                problems,
                at.key("what"),
                format!("{name} has a part without saying what it is"),
            );
        }
    }
    match (&q.of, q.basis) {
        (Some(whole), _) => {
            let at = path.key("of");
            if let Some(why) = bad_amount(whole.amount) {
                report(problems, at.key("amount"), format!("{name} is part of a figure with {why}"));
            } else if whole.amount < q.amount {
                report(
                    problems,
                    at.key("amount"),
                    format!("{name} is part of a figure ({}) smaller than itself ({})", Shortest(whole.amount), Shortest(q.amount)),
                );
            }
            if whole.what.is_blank() {
                report(problems, at.key("what"), format!("{name} is part of a figure without saying what it is"));
            }
            if q.basis != Basis::Part {
                report(problems, path.key("basis"), format!("{name} says what it is part of (\"of\"), so its basis is \"part\""));
            }
        }
        (None, Basis::Part) => report(
            problems,
            path.key("of"),
            format!("{name} has basis \"part\" but does not say what it is part of; add \"of\" with the larger figure"),
        ),
        _ => {}
    }
}
