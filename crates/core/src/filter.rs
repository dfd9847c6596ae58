//! Which flows are shown: by category, claim status, source, speaker and time.

use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::flow_codes::FlowCodes;
use crate::model::{ClaimStatus, Flow};
use std::collections::BTreeSet;

/// The reader's filters; the default shows everything.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// Category ids switched off.
    pub hidden_categories: BTreeSet<String>,
    /// Claim statuses switched off.
    pub hidden_statuses: BTreeSet<ClaimStatus>,
    /// Only flows citing this source (publication), when set.
    pub source: Option<String>,
    /// Only flows about which this speaker says something (claims, confirms, denies …), when set.
    pub speaker: Option<String>,
    /// Only flows whose period reaches this date or later.
    pub from: Option<PartialDate>,
    /// Only flows whose period starts by this date.
    pub to: Option<PartialDate>,
}

impl Filter {
    /// True when nothing is filtered out.
    pub fn is_default(&self) -> bool {
        *self == Filter::default()
    }

    /// How many kinds of filter leave something out (what the folded filters' button on a
    /// phone says): the goods, the claim statuses, the publication, the speaker and the time
    /// range count one each.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::filter::Filter;
    /// let mut f = Filter::default();
    /// assert_eq!(f.kinds_on(), 0);
    /// f.hidden_categories.insert("arms".into());
    /// f.hidden_categories.insert("gas".into());
    /// f.source = Some("rks".into());
    /// assert_eq!(f.kinds_on(), 2);
    /// ```
    pub fn kinds_on(&self) -> usize {
        [
            !self.hidden_categories.is_empty(),
            !self.hidden_statuses.is_empty(),
            self.source.is_some(),
            self.speaker.is_some(),
            self.from.is_some() || self.to.is_some(),
        ]
        .into_iter()
        .filter(|on| *on)
        .count()
    }

    /// Whether each flow (by dataset index) passes every filter but the categories: what a
    /// large map draws before showing or hiding whole categories. A flow without a period
    /// passes any time range: the reporting does not date it, so hiding it would say more
    /// than the sources do.
    pub fn passes(&self, dataset: &Dataset) -> Vec<bool> {
        dataset.raw.flows.iter().map(|f| self.passes_flow(f)).collect()
    }

    /// Whether each flow is shown, given what [`Filter::passes`] gave: those that pass, less
    /// the categories switched off. `codes` are the dataset's ([`FlowCodes::of`]).
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{dataset::Dataset, filter::{indices, Filter}, flow_codes::FlowCodes};
    /// let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
    /// let codes = FlowCodes::of(&d);
    /// let mut f = Filter::default();
    /// assert_eq!(indices(&f.shown(&d, &codes, &f.passes(&d))), vec![0, 1]);
    /// f.hidden_categories.insert("arms".into());
    /// assert_eq!(indices(&f.shown(&d, &codes, &f.passes(&d))), vec![1]);
    /// ```
    pub fn shown(&self, dataset: &Dataset, codes: &FlowCodes, passes: &[bool]) -> Vec<bool> {
        debug_assert_eq!(passes.len(), dataset.raw.flows.len(), "passes is of another dataset");
        if self.hidden_categories.is_empty() {
            return passes.to_vec();
        }
        // By the categories' positions: one look-up per category, not per flow.
        let hidden: Vec<bool> =
            dataset.raw.categories.iter().map(|c| self.hidden_categories.contains(&c.id)).collect();
        let flows = &dataset.raw.flows;
        (0..flows.len())
            .zip(passes)
            .map(|(i, p)| {
                *p && !match codes.category(i) {
                    Some(k) => hidden[k],
                    // A category the dataset does not list: by its id.
                    None => self.hidden_categories.contains(&flows[i].category),
                }
            })
            .collect()
    }

    fn passes_flow(&self, flow: &Flow) -> bool {
        if self.hidden_statuses.contains(&flow.status) {
            return false;
        }
        if let Some(s) = &self.source {
            if !flow.citations.iter().any(|c| &c.source == s) {
                return false;
            }
        }
        if let Some(s) = &self.speaker {
            if !flow.citations.iter().any(|c| &c.speaker == s) {
                return false;
            }
        }
        let Some(period) = &flow.period else {
            return true;
        };
        if let (Some(from), Some(end)) = (&self.from, &period.end) {
            if end.latest() < from.earliest() {
                return false;
            }
        }
        if let (Some(to), Some(start)) = (&self.to, &period.start) {
            if start.earliest() > to.latest() {
                return false;
            }
        }
        true
    }
}

/// The positions of the `true` flags, in order: the dataset indices of the flows shown.
pub fn indices(flags: &[bool]) -> Vec<usize> {
    flags.iter().enumerate().filter(|(_, on)| **on).map(|(i, _)| i).collect()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn each_kind_of_filter_counts_once() {
        let mut f = Filter::default();
        f.hidden_statuses.insert(ClaimStatus::Alleged);
        f.speaker = Some("svr".into());
        assert_eq!(f.kinds_on(), 2);
        f.from = "2024-01".parse().ok();
        assert_eq!(f.kinds_on(), 3);
        f.to = "2024-06".parse().ok();
        assert_eq!(f.kinds_on(), 3);
    }

    fn dataset() -> Dataset {
        Dataset::from_json("t", include_str!("../tests/fixtures/two_flows.json")).unwrap()
    }

    impl Filter {
        fn visible(&self, d: &Dataset) -> Vec<usize> {
            indices(&self.shown(d, &FlowCodes::of(d), &self.passes(d)))
        }
    }

    #[test]
    fn categories_apart_from_the_other_filters() {
        let d = dataset();
        let mut f = Filter { hidden_categories: ["arms".into()].into(), ..Filter::default() };
        assert_eq!(f.passes(&d), [true, true]);
        assert_eq!(f.shown(&d, &FlowCodes::of(&d), &f.passes(&d)), [false, true]);
        f.hidden_statuses.insert(ClaimStatus::Alleged);
        assert_eq!(f.passes(&d), [false, true]);
        f.hidden_categories.clear();
        assert_eq!(f.shown(&d, &FlowCodes::of(&d), &f.passes(&d)), [false, true]);
    }

    #[test]
    fn status_and_source_filters() {
        let d = dataset();
        let mut f = Filter { hidden_statuses: [ClaimStatus::Alleged].into(), ..Filter::default() };
        assert_eq!(f.visible(&d), vec![1]);
        f.hidden_statuses.clear();
        f.source = Some("records".into());
        assert_eq!(f.visible(&d), vec![1]);
        f.source = None;
        f.speaker = Some("svr".into());
        assert_eq!(f.visible(&d), vec![0], "a v1 source's body is its speaker, with the same id");
    }

    #[test]
    fn time_range_overlaps_periods_and_keeps_undated_flows() {
        let d = dataset();
        // Flow 1 runs 2022-03 to 2023-07; flow 0 has no period.
        let range = |a: &str, b: &str| Filter {
            from: Some(a.parse().unwrap()),
            to: Some(b.parse().unwrap()),
            ..Filter::default()
        };
        assert_eq!(range("2023-07", "2024").visible(&d), vec![0, 1]);
        assert_eq!(range("2023-08", "2024").visible(&d), vec![0]);
        assert_eq!(range("2020", "2022-02").visible(&d), vec![0]);
        assert_eq!(range("2022", "2022").visible(&d), vec![0, 1]);
    }
}
