//! The data table view: one row per flow shown, sortable by any column.

use crate::dataset::Dataset;
use crate::i18n::{tr, Lang, Msg};
use crate::model::{ClaimStatus, Flow, FlowValue, Quantity};
use crate::timeline::month_of;
use std::cmp::Ordering;

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Origin → intermediaries → destination.
    Route,
    /// Category, in legend order.
    Category,
    /// Stated amount; undisclosed values last.
    Value,
    /// Start of the period; undated flows last.
    Period,
    /// Claim status, from documented to unverified.
    Status,
}

/// Every column, in display order.
pub const COLUMNS: [Column; 5] =
    [Column::Route, Column::Category, Column::Value, Column::Period, Column::Status];

impl Column {
    /// Header text in `lang`.
    pub fn title(self, lang: Lang) -> String {
        tr(
            lang,
            match self {
                Column::Route => Msg::Route,
                Column::Category => Msg::Goods,
                Column::Value => Msg::Value,
                Column::Period => Msg::Period,
                Column::Status => Msg::Claim,
            },
        )
    }
}

fn compare(dataset: &Dataset, a: &Flow, b: &Flow, column: Column, lang: Lang) -> Ordering {
    let last_if_none = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match column {
        Column::Route => {
            crate::describe::route(dataset, a, lang).cmp(&crate::describe::route(dataset, b, lang))
        }
        Column::Category => dataset
            .category(&a.category)
            .map(|c| c.0)
            .cmp(&dataset.category(&b.category).map(|c| c.0)),
        // Money by amount (currencies compared as stated), then each other unit apart:
        // rounds are not compared with dollars.
        Column::Value => match (a.value.known(), b.value.known()) {
            (Some(x), Some(y)) => {
                let group = |q: &Quantity| {
                    if q.is_money() {
                        None
                    } else {
                        Some(q.measure().to_string())
                    }
                };
                group(x).cmp(&group(y)).then(x.amount.total_cmp(&y.amount))
            }
            (x, y) => last_if_none(x.map(|q| q.amount), y.map(|q| q.amount)),
        },
        Column::Period => {
            let p = |f: &Flow| {
                f.period
                    .as_ref()
                    .and_then(|p| p.start.as_ref().or(p.end.as_ref()))
                    .map(|d| month_of(d, true) as f64)
            };
            last_if_none(p(a), p(b))
        }
        Column::Status => {
            let rank = |f: &Flow| ClaimStatus::ALL.iter().position(|s| *s == f.status);
            rank(a).cmp(&rank(b))
        }
    }
}

/// The flow indices in table order: by `column`, ascending or not, ties by dataset order.
/// Undisclosed values and undated flows stay last either way.
///
/// # Examples
/// ```
/// use flowmap_core::{dataset::Dataset, i18n::Lang, table::{sorted, Column}};
/// let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
/// assert_eq!(sorted(&d, &[0, 1], Column::Value, false, Lang::En), vec![1, 0]);
/// assert_eq!(sorted(&d, &[0, 1], Column::Status, true, Lang::En), vec![1, 0]);
/// ```
pub fn sorted(
    dataset: &Dataset,
    visible: &[usize],
    column: Column,
    ascending: bool,
    lang: Lang,
) -> Vec<usize> {
    let mut rows = visible.to_vec();
    let flows = &dataset.raw.flows;
    rows.sort_unstable_by(|&i, &j| {
        let (a, b) = (&flows[i], &flows[j]);
        let missing = |f: &Flow| match column {
            Column::Value => matches!(f.value, FlowValue::Undisclosed(_)),
            Column::Period => {
                f.period.as_ref().is_none_or(|p| p.start.is_none() && p.end.is_none())
            }
            _ => false,
        };
        match (missing(a), missing(b)) {
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => {
                let o = compare(dataset, a, b, column, lang);
                (if ascending { o } else { o.reverse() }).then(i.cmp(&j))
            }
        }
    });
    rows
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn undisclosed_values_stay_last_in_both_directions() {
        let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
        assert_eq!(sorted(&d, &[0, 1], Column::Value, true, Lang::En), vec![1, 0]);
        assert_eq!(sorted(&d, &[0, 1], Column::Period, false, Lang::En), vec![1, 0]);
        // "Serbia → Czechia → Ukraine" sorts before "Serbia → Russia".
        assert_eq!(sorted(&d, &[0, 1], Column::Route, true, Lang::En), vec![0, 1]);
        assert_eq!(sorted(&d, &[0, 1], Column::Route, false, Lang::En), vec![1, 0]);
    }
}
