//! Checks of a parsed dataset. Every problem names its JSON path and says what was
//! expected; what cannot be shown is left out, so the rest of the dataset still draws.
//!
//! Like `geo`'s `Validation`, one pass collects every problem ([`check`]), and
//! [`Dataset::is_valid`](crate::dataset::Dataset::is_valid) asks whether there were any.
//! Each kind of item has its own check (`items.rs`, `flow.rs`, `story.rs`); one helper
//! (`Checker::keep_valid`) leaves out the items that fail and remembers their ids, so
//! references to them say so.

mod flow;
mod items;
mod story;

use crate::json_path::JsonPath;
use crate::model::RawDataset;
use crate::read::Origin;
use crate::text::Localized;
use std::collections::HashSet;

/// Amounts above this (ten trillion) are taken for a typing mistake.
pub const ABSURD_AMOUNT: f64 = 1e13;

/// ISO 4217 codes accepted in values: the region's currencies and the usual reference ones.
pub const CURRENCIES: [&str; 24] = [
    "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "RUB", "UAH", "RSD", "BAM", "MKD", "ALL", "BGN",
    "RON", "HUF", "CZK", "PLN", "TRY", "ILS", "KZT", "KGS", "AMD", "BYN", "INR",
];

/// Something wrong in one place of an otherwise usable dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value, e.g. `flows[3].via[0]`.
    pub path: JsonPath,
    /// What is wrong, what was expected, and what was left out.
    pub message: String,
    /// True for a check the editor should make while the item is shown as written (a claim
    /// status stronger than its citations allow); false when something was left out or changed.
    pub warning: bool,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// True for an `http://` or `https://` link: the only kind a page may make clickable.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.trim().len() > "https://".len()
}

/// Collects the problems of one dataset, and the ids of the items left out.
struct Checker {
    problems: Vec<Problem>,
    /// Ids of items left out (and of no kept item), so that references to them say so.
    dropped: HashSet<String>,
    /// Where each item was in the document, for the paths.
    origin: Origin,
}

impl Checker {
    /// The path in the document of item `i` of `list`.
    fn at(&self, list: &'static str, i: usize) -> JsonPath {
        self.origin.path(list, i)
    }

    fn report(&mut self, path: JsonPath, message: String) {
        self.problems.push(Problem { path, message, warning: false });
    }

    /// A problem that leaves the item shown.
    fn warn(&mut self, path: JsonPath, message: String) {
        self.problems.push(Problem { path, message, warning: true });
    }

    /// Reports an id (at `item.id`) that is empty or used twice; true when the item is
    /// usable.
    fn unique_id(
        &mut self,
        seen: &mut HashSet<String>,
        item: &JsonPath,
        kind: &str,
        id: &str,
    ) -> bool {
        if id.trim().is_empty() {
            self.report(item.key("id"), format!("this {kind} has an empty id; it is left out"));
            false
        } else if !seen.insert(id.to_string()) {
            self.report(
                item.key("id"),
                format!("the {kind} id \"{id}\" is used twice; the second one is left out"),
            );
            false
        } else {
            true
        }
    }

    /// Reports empty text; true when there is some.
    fn not_blank(&mut self, path: JsonPath, what: &str, text: &Localized) -> bool {
        let ok = !text.is_blank();
        if !ok {
            self.report(path, format!("{what} is empty; write the text shown to readers"));
        }
        ok
    }

    /// Why a referenced id cannot be found.
    fn missing(&self, id: &str) -> &'static str {
        if self.dropped.contains(id) {
            "which was left out (see above)"
        } else {
            "which is not defined"
        }
    }

    /// Keeps the items `check(index, item)` finds usable, in order, in place (100,000 flows
    /// are not moved into a second list); `left(item)` sees each of the others first.
    fn keep<T>(
        &mut self,
        items: &mut Vec<T>,
        mut check: impl FnMut(&mut Self, usize, &mut T) -> bool,
        mut left: impl FnMut(&T),
    ) {
        let mut i = 0;
        items.retain_mut(|t| {
            i += 1;
            let ok = check(self, i - 1, t);
            if !ok {
                left(t);
            }
            ok
        });
    }

    /// [`Checker::keep`] for items with ids: `check` gets the ids seen so far (for
    /// [`Checker::unique_id`]); the ids (by `id`) of the items left out that no kept item
    /// shares are remembered.
    fn keep_valid<T>(
        &mut self,
        items: &mut Vec<T>,
        id: impl Fn(&T) -> &String,
        mut check: impl FnMut(&mut Self, &mut HashSet<String>, usize, &mut T) -> bool,
    ) {
        let mut seen = HashSet::new();
        let mut gone: Vec<String> = Vec::new();
        self.keep(items, |c, i, t| check(c, &mut seen, i, t), |t| gone.push(id(t).clone()));
        if gone.is_empty() {
            return;
        }
        let kept: HashSet<&String> = items.iter().map(&id).collect();
        gone.retain(|i| !kept.contains(i));
        self.dropped.extend(gone);
    }
}

/// The ids of `items`.
fn ids<'a, T: 'a>(
    items: impl IntoIterator<Item = &'a T>,
    id: impl Fn(&T) -> &String,
) -> HashSet<String> {
    items.into_iter().map(|t| id(t).clone()).collect()
}

/// Runs every check; returns the dataset without the items that failed, and the problems.
pub fn check(raw: RawDataset) -> (RawDataset, Vec<Problem>) {
    check_read(raw, Origin::default())
}

/// [`check`] for a dataset [read](crate::read) from a document: paths are those of the
/// document, and references to items left out while reading say so.
pub fn check_read(mut raw: RawDataset, origin: Origin) -> (RawDataset, Vec<Problem>) {
    let dropped = origin.left_out.clone();
    let mut c = Checker { problems: Vec::new(), dropped, origin };

    c.keep_valid(&mut raw.locations, |l| &l.id, Checker::location);
    c.keep_valid(&mut raw.categories, |k| &k.id, Checker::category);
    c.keep_valid(&mut raw.sources, |s| &s.id, Checker::source);
    c.keep_valid(&mut raw.speakers, |s| &s.id, Checker::speaker);

    let locations = ids(&raw.locations, |l| &l.id);
    c.meta(&mut raw.meta, &locations);
    let known = flow::Known {
        locations,
        categories: ids(&raw.categories, |k| &k.id),
        sources: ids(&raw.sources, |s| &s.id),
        speakers: ids(&raw.speakers, |s| &s.id),
    };

    let (sources, speakers) = (&raw.sources, &raw.speakers);
    c.keep_valid(
        &mut raw.flows,
        |f| &f.id,
        |c, seen, i, f| c.flow(seen, &known, sources, speakers, i, f),
    );
    c.keep(&mut raw.events, |c, i, e| c.event(&known, i, e), |_| {});
    // (A story's steps pin flows; most datasets have none to check.)
    let flows = if raw.story.is_empty() { HashSet::new() } else { ids(&raw.flows, |f| &f.id) };
    c.keep(&mut raw.story, |c, i, s| c.step(&known, &flows, i, s), |_| {});

    (raw, c.problems)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn web_links_are_http_or_https_only() {
        assert!(is_web_link("https://example.org/a") && is_web_link(" HTTP://example.org"));
        assert!(
            !is_web_link("javascript:alert(1)")
                && !is_web_link("https://")
                && !is_web_link("data:text/html,x")
        );
    }
}
