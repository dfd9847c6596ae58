//! Lines that stand for many flows: flows along the same route, of the same goods, claim and
//! unit are drawn as one line with their sum, instead of a fan of curves (80,000 flights
//! between a dozen airports would be a moiré). Only figures that can be added up are summed:
//! totals in one currency or unit. Flows that cannot be (an estimate beside a part of
//! another figure) keep their own lines unless there are so many that a fan is unreadable;
//! then the line counts them and says that their values are not added up.

use crate::dataset::Dataset;
use crate::i18n::{count, trf, Lang, Msg, Noun};
use crate::model::{Basis, Flow, Quantity};

/// Flows along one route whose figures add up are drawn as one line from this many.
pub const SUMMED_FROM: usize = 2;
/// Flows along one route whose figures do not add up are drawn as one line from this many
/// (fewer keep their own, fanned lines).
pub const COUNTED_FROM: usize = 8;

/// One line of the map: a flow, or several drawn together.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    /// Dataset indices of the flows, in dataset order; the first one stands for the line.
    pub members: Vec<usize>,
    /// The sum of their figures, when there are several and they add up (boxed: most lines
    /// are of one flow).
    pub sum: Option<Box<Quantity>>,
}

impl Bundle {
    /// True when the line stands for more than one flow.
    pub fn is_several(&self) -> bool {
        self.members.len() > 1
    }
}

/// True when `a` and `b` would be drawn as one line: the same route, goods and claim,
/// both or neither spoken against by someone cited, and the same currency or unit (or both
/// undisclosed).
fn same_line(dataset: &Dataset, a: &Flow, b: &Flow) -> bool {
    a.category == b.category
        && a.status == b.status
        && crate::describe::spoken_against(a) == crate::describe::spoken_against(b)
        && a.value.known().map(Quantity::measure) == b.value.known().map(Quantity::measure)
        && dataset.stops(a).eq(dataset.stops(b))
}

/// A hash of what [`same_line`] compares, so that grouping allocates nothing per flow.
fn line_hash(dataset: &Dataset, flow: &Flow) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for stop in dataset.stops(flow) {
        stop.hash(&mut h);
    }
    flow.category.hash(&mut h);
    flow.status.hash(&mut h);
    crate::describe::spoken_against(flow).hash(&mut h);
    flow.value.known().map(Quantity::measure).hash(&mut h);
    h.finish()
}

/// A day as year, month and day, for comparing spans.
type Day = (i32, u8, u8);

/// A figure that can be added to others of its measure: a whole, stated amount over a
/// stated span.
fn addable(flow: &Flow) -> Option<(&Quantity, Day, Day)> {
    let q = flow.value.known().filter(|q| q.basis == Basis::Total && q.of.is_none())?;
    let period = flow.period.as_ref()?;
    Some((q, period.start?.earliest(), period.end?.latest()))
}

/// How flows that share a line are drawn: as one line, with their sum when they add up
/// (`Some(sum)`), or each on its own (`None`). Figures add up when each is a stated total
/// over a stated span and no two spans overlap: a year's total beside one of its months,
/// or two reports of one shipment, would be counted twice.
fn one_line(dataset: &Dataset, members: &[usize]) -> Option<Option<Quantity>> {
    let mut figures: Vec<_> =
        members.iter().filter_map(|&i| addable(&dataset.raw.flows[i])).collect();
    crate::sort::sort_by(&mut figures, |a, b| a.1.cmp(&b.1));
    let apart = figures.windows(2).all(|w| w[0].2 < w[1].1);
    if apart && figures.len() == members.len() && members.len() >= SUMMED_FROM {
        let q = figures[0].0;
        Some(Some(Quantity {
            amount: figures.iter().map(|f| f.0.amount).sum(),
            currency: q.currency.clone(),
            unit: q.unit.clone(),
            basis: Basis::Total,
            parts: Vec::new(),
            of: None,
        }))
    } else {
        (members.len() >= COUNTED_FROM).then_some(None)
    }
}

/// The sum of the figures of flows drawn as one line (dataset indices, of one currency or
/// unit), when they add up as [`bundles`] adds them; `None` when they do not.
pub fn line_sum(dataset: &Dataset, members: &[usize]) -> Option<Quantity> {
    one_line(dataset, members).flatten()
}

/// The lines that draw `flows` (dataset indices, in dataset order), in the order of their
/// first flows.
///
/// # Examples
/// ```
/// use flowmap_core::{bundle::bundles, Dataset};
/// let flow = |id: &str, n: u32| format!(r#"{{"id": "{id}", "from": "BEG", "to": "LHR", "category": "p",
///     "value": {{"amount": {n}, "unit": "flights"}}, "period": {{"start": "2024-0{n}", "end": "2024-0{n}"}},
///     "description": "d", "status": "documented",
///     "citations": [{{"source": "s", "speaker": "s", "stance": "finds", "series": "T1"}}]}}"#);
/// let text = format!(r#"{{"version": 2, "meta": {{"title": "T"}},
///   "locations": [{{"id": "BEG", "name": "Belgrade", "point": [20.3, 44.8]}},
///                 {{"id": "LHR", "name": "London", "point": [-0.45, 51.5]}}],
///   "categories": [{{"id": "p", "name": "Passengers"}}],
///   "sources": [{{"id": "s", "outlet": "Stat", "url": "https://example.org", "kind": "dataset"}}],
///   "speakers": [{{"id": "s", "name": "Stat", "kind": "official-data"}}],
///   "flows": [{}, {}]}}"#, flow("a", 3), flow("b", 4));
/// let d = Dataset::from_json("f.json", &text).unwrap();
/// let lines = bundles(&d, &[0, 1]);
/// assert_eq!(lines.len(), 1);
/// assert_eq!(lines[0].members, [0, 1]);
/// assert_eq!(lines[0].sum.as_ref().map(|q| q.amount), Some(7.0));
/// ```
pub fn bundles(dataset: &Dataset, flows: &[usize]) -> Vec<Bundle> {
    // Groups by hash; flows whose hashes collide but differ start a group of their own
    // (`next` chains the groups of one hash). Most groups hold one flow: only groups of
    // several get a list, so that 100,000 flows do not make 100,000 small lists.
    let mut first_of: rustc_hash::FxHashMap<u64, usize> = Default::default();
    let (mut first, mut next, mut size) = (Vec::new(), Vec::new(), Vec::<usize>::new());
    let mut group_of: Vec<usize> = Vec::with_capacity(flows.len());
    for &i in flows {
        let Some(flow) = dataset.raw.flows.get(i) else {
            group_of.push(usize::MAX);
            continue;
        };
        let fresh = first.len();
        let mut k = *first_of.entry(line_hash(dataset, flow)).or_insert(fresh);
        while k != fresh && !same_line(dataset, &dataset.raw.flows[first[k]], flow) {
            if next[k] == usize::MAX {
                next[k] = fresh;
            }
            k = next[k];
        }
        if k == fresh {
            first.push(i);
            next.push(usize::MAX);
            size.push(0);
        }
        size[k] += 1;
        group_of.push(k);
    }
    let mut several: Vec<Vec<usize>> = Vec::new();
    let mut slot_of = vec![usize::MAX; first.len()];
    for (&i, &k) in flows.iter().zip(&group_of).filter(|(_, k)| **k != usize::MAX) {
        if size[k] > 1 {
            if slot_of[k] == usize::MAX {
                slot_of[k] = several.len();
                several.push(Vec::with_capacity(size[k]));
            }
            several[slot_of[k]].push(i);
        }
    }
    let mut drawn: Vec<Option<Option<Quantity>>> =
        several.iter().map(|members| one_line(dataset, members)).collect();
    // In the order of the flows, each line where its first flow is.
    let mut out = Vec::with_capacity(first.len());
    for (&i, &k) in flows.iter().zip(&group_of).filter(|(_, k)| **k != usize::MAX) {
        let slot = slot_of[k];
        match drawn.get_mut(slot) {
            Some(Some(sum)) if first[k] == i => {
                out.push(Bundle {
                    members: std::mem::take(&mut several[slot]),
                    sum: sum.take().map(Box::new),
                });
            }
            Some(Some(_)) => {}
            _ => out.push(Bundle { members: vec![i], sum: None }),
        }
    }
    out
}

/// What a line of several flows adds up to: "12 flows, 3,400 flights in all"; when their
/// figures do not add up, or are `undisclosed`, it says so.
pub fn line_total(flows: usize, sum: Option<&Quantity>, undisclosed: bool, lang: Lang) -> String {
    let n = count(lang, flows, Noun::Flow);
    match sum {
        Some(q) => trf(lang, Msg::LineSum, &[&n, &crate::format::quantity(q, lang)]),
        None if undisclosed => trf(lang, Msg::LineUndisclosed, &[&n]),
        None => trf(lang, Msg::LineNotAdded, &[&n]),
    }
}

/// The span a line's flows cover, from the earliest start to the latest end ("Jan 2024 –
/// May 2024"); empty when some flow gives no span.
pub fn line_span(dataset: &Dataset, members: &[usize], lang: Lang) -> String {
    let mut span: Option<crate::date::Period> = None;
    for f in members.iter().filter_map(|&i| dataset.raw.flows.get(i)) {
        let Some((Some(a), Some(b))) = f.period.as_ref().map(|p| (p.start, p.end)) else {
            return String::new();
        };
        let s = span.get_or_insert(crate::date::Period { start: Some(a), end: Some(b) });
        if s.start.is_some_and(|s| a.earliest() < s.earliest()) {
            s.start = Some(a);
        }
        if s.end.is_some_and(|e| b.latest() > e.latest()) {
            s.end = Some(b);
        }
    }
    span.map(|p| p.human(lang)).unwrap_or_default()
}

/// A sentence naming a line of several flows for screen readers: "Belgrade to London:
/// passenger flights; 12 flows, 3,400 flights in all; documented".
pub fn line_name(dataset: &Dataset, first: &Flow, total: &str, lang: Lang) -> String {
    let goods = dataset.category(&first.category).map(|(_, c)| c.name.get(lang.tag()));
    format!(
        "{}: {}; {total}; {}",
        crate::describe::route_words(dataset, first, lang),
        crate::describe::lower_first(goods.unwrap_or_default()),
        first.status.label(lang)
    )
}

/// Whose statements the flows of a line rest on: each speaker once, the first three named
/// and the rest counted ("Statistics office, Customs records").
pub fn line_speakers(dataset: &Dataset, members: &[usize], lang: Lang) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for c in members.iter().filter_map(|&i| dataset.raw.flows.get(i)).flat_map(|f| &f.citations) {
        if !ids.contains(&c.speaker.as_str()) {
            ids.push(&c.speaker);
        }
    }
    let names = ids
        .into_iter()
        .filter_map(|id| dataset.speaker(id))
        .map(|s| s.name.get(lang.tag()).to_string())
        .collect();
    crate::describe::first_and_more(names, 3, lang).join(", ")
}

#[cfg(test)]
mod test {
    use super::*;

    /// Flows from BEG to `to` with these values, of one category and claim, each over a
    /// month of its own (flow i in month i + 1 of 2024).
    fn dataset(values: &[(&str, &str)]) -> Dataset {
        with_periods(
            &values.iter().enumerate().map(|(i, (to, v))| (*to, *v, month(i))).collect::<Vec<_>>(),
        )
    }

    fn month(i: usize) -> String {
        format!(
            r#"{{"start": "{0}", "end": "{0}"}}"#,
            format!("{}-{:02}", 2024 + i / 12, i % 12 + 1)
        )
    }

    /// Flows from BEG to `to` with these values and periods.
    fn with_periods(values: &[(&str, &str, String)]) -> Dataset {
        let flows: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, (to, value, period))| {
                format!(
                    r#"{{"id": "f{i}", "from": "BEG", "to": "{to}", "category": "p", "value": {value},
                    "period": {period}, "description": "d", "status": "documented",
                    "citations": [{{"source": "s", "speaker": "s", "stance": "finds", "series": "T"}}]}}"#
                )
            })
            .collect();
        let text = format!(
            r#"{{"version": 2, "meta": {{"title": "T"}},
              "locations": [{{"id": "BEG", "name": "B", "point": [20.3, 44.8]}},
                            {{"id": "LHR", "name": "L", "point": [-0.45, 51.5]}},
                            {{"id": "CDG", "name": "C", "point": [2.5, 49.0]}}],
              "categories": [{{"id": "p", "name": "P"}}],
              "sources": [{{"id": "s", "outlet": "S", "url": "https://example.org", "kind": "dataset"}}],
              "speakers": [{{"id": "s", "name": "S", "kind": "official-data"}}],
              "flows": [{}]}}"#,
            flows.join(",")
        );
        let d = Dataset::from_json("t.json", &text).unwrap();
        assert!(d.is_valid(), "{:?}", d.problems);
        d
    }

    fn members(lines: &[Bundle]) -> Vec<Vec<usize>> {
        lines.iter().map(|l| l.members.clone()).collect()
    }

    #[test]
    fn totals_of_one_unit_along_one_route_are_one_line_with_their_sum() {
        let d = dataset(&[
            ("LHR", r#"{"amount": 3, "unit": "flights"}"#),
            ("CDG", r#"{"amount": 5, "unit": "flights"}"#),
            ("LHR", r#"{"amount": 4, "unit": "flights"}"#),
            ("LHR", r#"{"amount": 9, "unit": "tonnes"}"#),
        ]);
        let lines = bundles(&d, &[0, 1, 2, 3]);
        assert_eq!(members(&lines), [vec![0, 2], vec![1], vec![3]]);
        assert_eq!(lines[0].sum.as_ref().map(|q| (q.amount, q.measure())), Some((7.0, "flights")));
        assert_eq!(lines[1].sum, None, "a flow of its own is drawn for its own value");
        // Only the flows asked for: a filter that leaves one makes it a line of its own.
        assert_eq!(members(&bundles(&d, &[2, 3])), [vec![2], vec![3]]);
    }

    #[test]
    fn figures_that_do_not_add_up_keep_their_lines_until_they_crowd() {
        let few = dataset(&[
            ("LHR", r#"{"amount": 3, "unit": "flights", "basis": "minimum"}"#),
            ("LHR", r#"{"amount": 4, "unit": "flights"}"#),
            ("LHR", r#""undisclosed""#),
        ]);
        assert_eq!(members(&bundles(&few, &[0, 1, 2])), [vec![0], vec![1], vec![2]]);
        let many: Vec<(&str, &str)> = (0..COUNTED_FROM)
            .map(|i| {
                (
                    "LHR",
                    if i % 2 == 0 {
                        r#"{"amount": 3, "unit": "flights", "basis": "estimate"}"#
                    } else {
                        r#"{"amount": 3, "unit": "flights"}"#
                    },
                )
            })
            .collect();
        let d = dataset(&many);
        let all: Vec<usize> = (0..COUNTED_FROM).collect();
        let lines = bundles(&d, &all);
        assert_eq!(members(&lines), [all]);
        assert_eq!(lines[0].sum, None, "an estimate and a total are not added up");
    }

    #[test]
    fn figures_over_overlapping_or_unstated_periods_are_not_added_up() {
        let q = r#"{"amount": 3, "unit": "flights"}"#;
        let year = r#"{"start": "2024-01", "end": "2024-12"}"#.to_string();
        // A year's total beside one of its months would count that month twice.
        let d = with_periods(&[("LHR", q, year.clone()), ("LHR", q, month(2))]);
        assert_eq!(members(&bundles(&d, &[0, 1])), [vec![0], vec![1]]);
        let d = with_periods(&[("LHR", q, year), ("LHR", q, r#"{"start": "2025-01"}"#.into())]);
        assert_eq!(members(&bundles(&d, &[0, 1])), [vec![0], vec![1]], "an open end is no span");
        // Adjacent months add up, in any order.
        let d = with_periods(&[("LHR", q, month(3)), ("LHR", q, month(1)), ("LHR", q, month(2))]);
        let lines = bundles(&d, &[0, 1, 2]);
        assert_eq!(lines[0].sum.as_ref().map(|q| q.amount), Some(9.0));
        assert_eq!(line_span(&d, &lines[0].members, Lang::En), "Feb 2024 – Apr 2024");
    }

    #[test]
    fn a_line_says_what_it_adds_up_to_and_who_says_so() {
        let d = dataset(&[
            ("LHR", r#"{"amount": 3000, "unit": "flights"}"#),
            ("LHR", r#"{"amount": 400, "unit": "flights"}"#),
        ]);
        let lines = bundles(&d, &[0, 1]);
        let sum = lines[0].sum.as_deref();
        assert_eq!(line_total(2, sum, false, Lang::En), "2 flows, 3,400 flights in all");
        assert_eq!(line_total(5, sum, false, Lang::Ru), "5 потоков, всего 3\u{a0}400 рейсов");
        assert!(line_total(9, None, false, Lang::En).starts_with("9 flows; not added up: some"));
        assert_eq!(line_total(9, None, true, Lang::En), "9 flows; values not disclosed");
        assert_eq!(
            line_name(&d, &d.raw.flows[0], &line_total(2, sum, false, Lang::En), Lang::En),
            "B to L: p; 2 flows, 3,400 flights in all; documented"
        );
        assert_eq!(line_speakers(&d, &lines[0].members, Lang::En), "S");
    }

    #[test]
    fn the_bundled_story_keeps_a_line_per_flow() {
        // Serbia's dual-use exports to Russia: an "at least" figure and two parts of others,
        // which must not be added up into a total the reporting does not give.
        let text = include_str!("../../../public/data/flows.json");
        let d = Dataset::from_json("flows.json", text).unwrap();
        let all: Vec<usize> = (0..d.raw.flows.len()).collect();
        assert!(bundles(&d, &all).iter().all(|l| !l.is_several()));
    }
}
