//! What the legend explains: the encodings the flows shown use, so that it follows the
//! filters (a category switched off leaves the legend with the map).

use crate::dataset::Dataset;
use crate::describe::spoken_against;
use crate::model::{ClaimStatus, FlowValue};

/// The legend's entries for a set of flows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LegendEntries {
    /// Positions of the categories the flows belong to (which pick their colours), in the
    /// dataset's order.
    pub categories: Vec<usize>,
    /// The claim statuses the flows have, from documented to unverified.
    pub statuses: Vec<ClaimStatus>,
    /// Whether some flow's value is undisclosed.
    pub undisclosed: bool,
    /// Whether someone cited denies or disputes some flow.
    pub against: bool,
}

impl LegendEntries {
    /// The entries for the flows at `shown` (dataset indices).
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{dataset::Dataset, legend::LegendEntries};
    /// let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
    /// assert_eq!(LegendEntries::of(&d, &[0, 1]).categories, vec![0, 1]);
    /// assert_eq!(LegendEntries::of(&d, &[1]).categories, vec![1]);
    /// ```
    pub fn of(dataset: &Dataset, shown: &[usize]) -> LegendEntries {
        // One pass over the flows shown: this runs on every filter change, with up to
        // 100,000 flows (checking each category against every flow was categories × flows).
        let position: std::collections::HashMap<&str, usize> =
            dataset.raw.categories.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let mut category_used = vec![false; dataset.raw.categories.len()];
        let mut status_used = [false; ClaimStatus::ALL.len()];
        let (mut undisclosed, mut against) = (false, false);
        for f in shown.iter().filter_map(|&i| dataset.raw.flows.get(i)) {
            if let Some(&k) = position.get(f.category.as_str()) {
                category_used[k] = true;
            }
            if let Some(k) = ClaimStatus::ALL.iter().position(|s| *s == f.status) {
                status_used[k] = true;
            }
            undisclosed |= matches!(f.value, FlowValue::Undisclosed(_));
            against = against || spoken_against(f);
        }
        LegendEntries {
            categories: (0..category_used.len()).filter(|&k| category_used[k]).collect(),
            statuses: ClaimStatus::ALL
                .into_iter()
                .zip(status_used)
                .filter(|(_, u)| *u)
                .map(|(s, _)| s)
                .collect(),
            undisclosed,
            against,
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn dataset() -> Dataset {
        Dataset::from_json("t", include_str!("../tests/fixtures/two_flows.json")).unwrap()
    }

    #[test]
    fn follows_the_flows_shown() {
        let d = dataset();
        let all = LegendEntries::of(&d, &[0, 1]);
        assert_eq!(all.statuses, vec![ClaimStatus::Documented, ClaimStatus::Alleged]);
        assert!(all.undisclosed);
        // Flow 1 is documented dual-use goods of a disclosed value.
        let one = LegendEntries::of(&d, &[1]);
        assert_eq!(one.categories, vec![1]);
        assert_eq!(one.statuses, vec![ClaimStatus::Documented]);
        assert!(!one.undisclosed && !one.against);
        assert_eq!(LegendEntries::of(&d, &[]), LegendEntries::default());
    }
}
