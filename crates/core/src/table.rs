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

/// Two flows by a column other than the route (which [`sorted`] compares by name).
fn compare(dataset: &Dataset, a: &Flow, b: &Flow, column: Column) -> Ordering {
    let last_if_none = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match column {
        Column::Route => Ordering::Equal,
        Column::Category => dataset
            .category(&a.category)
            .map(|c| c.0)
            .cmp(&dataset.category(&b.category).map(|c| c.0)),
        // Money by amount (currencies compared as stated), then each other unit apart:
        // rounds are not compared with dollars.
        Column::Value => match (a.value.known(), b.value.known()) {
            (Some(x), Some(y)) => {
                fn group(q: &Quantity) -> Option<&str> {
                    (!q.is_money()).then(|| q.measure())
                }
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
/// Routes are spelled out once per row, not once per comparison: sorting 100,000 rows
/// builds 100,000 route names, not millions.
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
    let flows = &dataset.raw.flows;
    let missing = |f: &Flow| match column {
        Column::Value => matches!(f.value, FlowValue::Undisclosed(_)),
        Column::Period => f.period.as_ref().is_none_or(|p| p.start.is_none() && p.end.is_none()),
        _ => false,
    };
    // (position in `visible`, flow index); routes, when sorting by them, in the same order.
    let routes: Vec<String> = match column {
        Column::Route => {
            visible.iter().map(|&i| crate::describe::route(dataset, &flows[i], lang)).collect()
        }
        _ => Vec::new(),
    };
    let mut rows: Vec<(usize, usize)> = visible.iter().copied().enumerate().collect();
    rows.sort_unstable_by(|&(p, i), &(q, j)| {
        let (a, b) = (&flows[i], &flows[j]);
        match (missing(a), missing(b)) {
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => {
                let o = match column {
                    Column::Route => routes[p].cmp(&routes[q]),
                    _ => compare(dataset, a, b, column),
                };
                (if ascending { o } else { o.reverse() }).then(i.cmp(&j))
            }
        }
    });
    rows.into_iter().map(|(_, i)| i).collect()
}

/// How many rows the table shows at once: enough to scan, few enough that 100,000 flows
/// open at once.
pub const ROWS_PER_PAGE: usize = 100;

/// One page of the table's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// The page shown, from 0 (clamped to the last page).
    pub index: usize,
    /// How many pages there are (at least 1, even with no rows).
    pub count: usize,
    /// How many rows there are in all.
    pub total: usize,
    /// Rows per page.
    pub size: usize,
}

impl Page {
    /// Page `index` of `total` rows, `size` a page; an index past the end shows the last
    /// page (the filters may have removed rows since it was chosen).
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::table::Page;
    /// let p = Page::of(250, 7, 100);
    /// assert_eq!((p.index, p.count, p.rows()), (2, 3, 200..250));
    /// assert_eq!(Page::of(0, 0, 100).rows(), 0..0);
    /// ```
    pub fn of(total: usize, index: usize, size: usize) -> Page {
        let size = size.max(1);
        let count = total.div_ceil(size).max(1);
        Page { index: index.min(count - 1), count, total, size }
    }

    /// The positions of this page's rows in the sorted order.
    pub fn rows(&self) -> std::ops::Range<usize> {
        let start = (self.index * self.size).min(self.total);
        start..(start + self.size).min(self.total)
    }

    /// True when there is a page before this one.
    pub fn has_previous(&self) -> bool {
        self.index > 0
    }

    /// True when there is a page after this one.
    pub fn has_next(&self) -> bool {
        self.index + 1 < self.count
    }

    /// "Rows 101–200 of 80,000", in `lang`; `None` when every row fits on one page.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{i18n::Lang, table::Page};
    /// assert_eq!(Page::of(80_000, 1, 100).label(Lang::En).unwrap(), "Rows 101–200 of 80,000");
    /// assert_eq!(Page::of(80, 0, 100).label(Lang::En), None);
    /// ```
    pub fn label(&self, lang: Lang) -> Option<String> {
        (self.count > 1).then(|| {
            let r = self.rows();
            let n = |x: usize| crate::format::grouped(x as u64, lang);
            crate::i18n::trf(lang, Msg::TableRows, &[&n(r.start + 1), &n(r.end), &n(self.total)])
        })
    }
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
