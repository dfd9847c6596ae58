//! Each flow's category, claim status and stops as numbers, worked out once per dataset: what
//! the summary and the legend count on every filter change, without looking up or hashing a
//! string per flow (10,000 flows: 1.3 ms of string hashing for the summary alone).

use crate::dataset::Dataset;
use crate::describe::spoken_against;
use crate::model::{ClaimStatus, FlowValue};
use crate::places::PlaceKind;
use std::collections::HashMap;

/// The numbers of a dataset's flows. Places are numbered by their position in the dataset's
/// locations; a stop with no location of that id (a dataset not yet checked) gets a number
/// after them, one per distinct id.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowCodes {
    /// Per flow: the position of its category, if the dataset has it.
    category: Vec<Option<usize>>,
    /// Per flow: the position of its claim status in [`ClaimStatus::ALL`].
    status: Vec<usize>,
    /// Per flow: whether its value is undisclosed, and whether someone cited denies or
    /// disputes it.
    undisclosed: Vec<bool>,
    against: Vec<bool>,
    /// Every flow's stops, in route order, one after the other; flow `i`'s are
    /// `stops[starts[i]..starts[i + 1]]`.
    stops: Vec<u32>,
    starts: Vec<usize>,
    /// What kind of place each number is.
    kinds: Vec<PlaceKind>,
}

impl FlowCodes {
    /// The numbers of `dataset`'s flows.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{dataset::Dataset, flow_codes::FlowCodes};
    /// let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
    /// let codes = FlowCodes::of(&d);
    /// assert_eq!(codes.category(1), Some(1));
    /// assert_eq!(codes.stops(0).len(), d.route(&d.raw.flows[0]).len());
    /// ```
    pub fn of(dataset: &Dataset) -> FlowCodes {
        let raw = &dataset.raw;
        // (usize, not u32: the same map type as the dataset's other look-ups, one copy of its code.)
        let mut place: HashMap<&str, usize> = HashMap::with_capacity(raw.locations.len());
        let mut kinds = Vec::with_capacity(raw.locations.len());
        for l in &raw.locations {
            // The first location of an id is the one lookups by id find.
            if !place.contains_key(l.id.as_str()) {
                place.insert(l.id.as_str(), kinds.len());
                kinds.push(PlaceKind::of(l));
            }
        }
        let category: HashMap<&str, usize> =
            raw.categories.iter().enumerate().rev().map(|(i, c)| (c.id.as_str(), i)).collect();
        let n = raw.flows.len();
        let mut codes = FlowCodes {
            category: Vec::with_capacity(n),
            status: Vec::with_capacity(n),
            undisclosed: Vec::with_capacity(n),
            against: Vec::with_capacity(n),
            stops: Vec::with_capacity(n * 2),
            starts: Vec::with_capacity(n + 1),
            kinds: Vec::new(),
        };
        codes.starts.push(0);
        for f in &raw.flows {
            codes.category.push(category.get(f.category.as_str()).copied());
            codes.status.push(ClaimStatus::ALL.iter().position(|s| *s == f.status).unwrap_or(0));
            codes.undisclosed.push(matches!(f.value, FlowValue::Undisclosed(_)));
            codes.against.push(spoken_against(f));
            for id in dataset.stops(f) {
                let next = kinds.len();
                let k = *place.entry(id).or_insert_with(|| {
                    kinds.push(PlaceKind::Place);
                    next
                });
                codes.stops.push(k as u32);
            }
            codes.starts.push(codes.stops.len());
        }
        codes.kinds = kinds;
        codes
    }

    /// The position of flow `i`'s category in the dataset's categories.
    pub fn category(&self, i: usize) -> Option<usize> {
        self.category.get(i).copied().flatten()
    }

    /// The position of flow `i`'s claim status in [`ClaimStatus::ALL`].
    pub fn status(&self, i: usize) -> Option<usize> {
        self.status.get(i).copied()
    }

    /// Whether flow `i`'s value is undisclosed.
    pub fn undisclosed(&self, i: usize) -> bool {
        self.undisclosed.get(i).copied().unwrap_or(false)
    }

    /// Whether someone cited denies or disputes flow `i`.
    pub fn against(&self, i: usize) -> bool {
        self.against.get(i).copied().unwrap_or(false)
    }

    /// The numbers of flow `i`'s stops, origin first.
    pub fn stops(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.stops[a..b],
            _ => &[],
        }
    }

    /// The kind of each numbered place: every location of the dataset (one per id), then
    /// each stop id no location has.
    pub fn places(&self) -> &[PlaceKind] {
        &self.kinds
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn dataset() -> Dataset {
        Dataset::from_json("t", include_str!("../tests/fixtures/two_flows.json")).unwrap()
    }

    #[test]
    fn numbers_match_the_ids() {
        let d = dataset();
        let codes = FlowCodes::of(&d);
        assert_eq!(codes.category.len(), d.raw.flows.len());
        for (i, f) in d.raw.flows.iter().enumerate() {
            assert_eq!(codes.category(i), d.category(&f.category).map(|(k, _)| k));
            assert_eq!(codes.status(i).map(|k| ClaimStatus::ALL[k]), Some(f.status));
            let ids: Vec<&str> =
                codes.stops(i).iter().map(|&k| d.raw.locations[k as usize].id.as_str()).collect();
            assert_eq!(ids, d.route(f));
        }
        assert_eq!(codes.stops(d.raw.flows.len()), &[] as &[u32]);
    }

    #[test]
    fn unknown_places_get_numbers_of_their_own() {
        let mut raw = dataset().raw;
        raw.flows[0].to = "NOWHERE".into();
        raw.flows[1].from = "NOWHERE".into();
        let d = Dataset { raw, problems: Vec::new(), read_version: 2 };
        let codes = FlowCodes::of(&d);
        let known = d.raw.locations.len() as u32;
        assert_eq!(codes.stops(0).last(), Some(&known));
        assert_eq!(codes.stops(1).first(), Some(&known));
        assert_eq!(codes.places().len(), d.raw.locations.len() + 1);
        assert_eq!(codes.places().last(), Some(&PlaceKind::Place));
    }
}
