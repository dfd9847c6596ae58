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
    /// The sum of their figures, when there are several and they add up.
    pub sum: Option<Quantity>,
}

impl Bundle {
    /// True when the line stands for more than one flow.
    pub fn is_several(&self) -> bool {
        self.members.len() > 1
    }
}

/// What flows must share to be drawn as one line: route, goods, claim, whether someone
/// cited speaks against them, and the currency or unit (none for an undisclosed value).
fn key(dataset: &Dataset, flow: &Flow) -> String {
    let mut key = String::new();
    for stop in dataset.stops(flow) {
        key.push_str(stop);
        key.push('\u{1f}');
    }
    let against = if crate::describe::spoken_against(flow) { "against" } else { "" };
    let measure = flow.value.known().map_or("", Quantity::measure);
    for part in [flow.category.as_str(), flow.status.key(), against, measure] {
        key.push('\u{1e}');
        key.push_str(part);
    }
    key
}

/// A figure that can be added to others of its measure: a whole, stated amount.
fn addable(flow: &Flow) -> Option<&Quantity> {
    flow.value.known().filter(|q| q.basis == Basis::Total && q.of.is_none())
}

/// How flows that share a [`key`] are drawn: as one line, with their sum when they add up
/// (`Some(sum)`), or each on its own (`None`).
fn one_line(dataset: &Dataset, members: &[usize]) -> Option<Option<Quantity>> {
    let figures: Vec<&Quantity> =
        members.iter().filter_map(|&i| addable(&dataset.raw.flows[i])).collect();
    if figures.len() == members.len() && members.len() >= SUMMED_FROM {
        let q = figures[0];
        Some(Some(Quantity {
            amount: figures.iter().map(|q| q.amount).sum(),
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

/// The lines that draw `flows` (dataset indices, in dataset order), in the order of their
/// first flows.
///
/// # Examples
/// ```
/// use flowmap_core::{bundle::bundles, Dataset};
/// let flow = |id: &str, n: u32| format!(r#"{{"id": "{id}", "from": "BEG", "to": "LHR", "category": "p",
///     "value": {{"amount": {n}, "unit": "flights"}}, "description": "d", "status": "documented",
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
    // The same map type as elsewhere in the core (one copy of its code in the wasm).
    let mut line_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: Vec<usize> = Vec::with_capacity(flows.len());
    for &i in flows {
        let Some(flow) = dataset.raw.flows.get(i) else {
            group_of.push(usize::MAX);
            continue;
        };
        let k = *line_of.entry(key(dataset, flow)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[k].push(i);
        group_of.push(k);
    }
    let mut drawn: Vec<Option<Option<Quantity>>> =
        groups.iter().map(|members| one_line(dataset, members)).collect();
    // In the order of the flows, each line where its first flow is.
    let mut out = Vec::with_capacity(groups.len());
    for (&i, &k) in flows.iter().zip(&group_of).filter(|(_, k)| **k != usize::MAX) {
        match &mut drawn[k] {
            Some(sum) if groups[k].first() == Some(&i) => {
                out.push(Bundle { members: std::mem::take(&mut groups[k]), sum: sum.take() });
            }
            Some(_) => {}
            None => out.push(Bundle { members: vec![i], sum: None }),
        }
    }
    out
}

/// True when some line of the dataset stands for several flows.
pub fn has_lines(dataset: &Dataset) -> bool {
    let all: Vec<usize> = (0..dataset.raw.flows.len()).collect();
    bundles(dataset, &all).iter().any(Bundle::is_several)
}

/// What a line of several flows adds up to: "12 flows, 3,400 flights in all", or, when
/// their figures do not add up, "9 flows; figures not added up: …".
pub fn line_total(flows: usize, sum: Option<&Quantity>, lang: Lang) -> String {
    let n = count(lang, flows, Noun::Flow);
    match sum {
        Some(q) => trf(lang, Msg::LineSum, &[&n, &crate::format::quantity(q, lang)]),
        None => trf(lang, Msg::LineNotAdded, &[&n]),
    }
}

/// A sentence naming a line of several flows for screen readers: "Belgrade to London: 12
/// flows, 3,400 flights in all; documented".
pub fn line_name(
    dataset: &Dataset,
    first: &Flow,
    flows: usize,
    sum: Option<&Quantity>,
    lang: Lang,
) -> String {
    format!(
        "{}: {}; {}",
        crate::describe::route_words(dataset, first, lang),
        line_total(flows, sum, lang),
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

    /// Flows from BEG to LHR (or `to`) with these values, of one category and claim.
    fn dataset(values: &[(&str, &str)]) -> Dataset {
        let flows: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, (to, value))| {
                format!(
                    r#"{{"id": "f{i}", "from": "BEG", "to": "{to}", "category": "p", "value": {value},
                    "description": "d", "status": "documented",
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
    fn a_line_says_what_it_adds_up_to_and_who_says_so() {
        let d = dataset(&[
            ("LHR", r#"{"amount": 3000, "unit": "flights"}"#),
            ("LHR", r#"{"amount": 400, "unit": "flights"}"#),
        ]);
        let lines = bundles(&d, &[0, 1]);
        let sum = lines[0].sum.as_ref();
        assert_eq!(line_total(2, sum, Lang::En), "2 flows, 3,400 flights in all");
        assert_eq!(line_total(5, sum, Lang::Ru), "5 потоков, всего 3\u{a0}400 рейсов");
        assert!(line_total(9, None, Lang::En).starts_with("9 flows; figures not added up"));
        assert_eq!(
            line_name(&d, &d.raw.flows[0], 2, sum, Lang::En),
            "B to L: 2 flows, 3,400 flights in all; documented"
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
