//! What the legend explains: the encodings the flows shown use, so that it follows the
//! filters (a category switched off leaves the legend with the map).

use crate::dataset::Dataset;
use crate::flow_codes::FlowCodes;
use crate::format::{amount, figure};
use crate::i18n::Lang;
use crate::model::ClaimStatus;
use crate::scale::WidthScale;

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
    /// The entries for the flows at `shown` (dataset indices); `codes` are the dataset's
    /// ([`FlowCodes::of`]).
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{dataset::Dataset, flow_codes::FlowCodes, legend::LegendEntries};
    /// let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
    /// let codes = FlowCodes::of(&d);
    /// assert_eq!(LegendEntries::of(&d, &codes, &[0, 1]).categories, vec![0, 1]);
    /// assert_eq!(LegendEntries::of(&d, &codes, &[1]).categories, vec![1]);
    /// ```
    pub fn of(dataset: &Dataset, codes: &FlowCodes, shown: &[usize]) -> LegendEntries {
        // One pass over the flows shown, counting numbers: this runs on every filter change,
        // with up to 100,000 flows.
        let mut category_used = vec![false; dataset.raw.categories.len()];
        let mut status_used = [false; ClaimStatus::ALL.len()];
        let (mut undisclosed, mut against) = (false, false);
        for &i in shown.iter().filter(|i| **i < dataset.raw.flows.len()) {
            if let Some(k) = codes.category(i) {
                category_used[k] = true;
            }
            if let Some(k) = codes.status(i) {
                status_used[k] = true;
            }
            undisclosed |= codes.undisclosed(i);
            against |= codes.against(i);
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

/// The width legend: reference amounts drawn at their widths. The scale is that of every
/// flow of the dataset (widths do not change with the filters).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WidthKey {
    /// Each reference line's stroke width and amount in words, thinnest first: in the
    /// scale's unit ("1 million rounds"), in the currency when all money is in one
    /// ("$500 million"), else without one ("500 million").
    pub samples: Vec<(f64, String)>,
    /// True when the scale measures money (amounts in different currencies compared as
    /// stated).
    pub money: bool,
    /// The units of figures drawn at the thinnest width, not to scale ("tonnes").
    pub off_scale: Vec<String>,
}

impl WidthKey {
    /// The width legend for `dataset` in `lang`.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{dataset::Dataset, i18n::Lang, legend::WidthKey};
    /// let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
    /// let key = WidthKey::of(&d, Lang::En);
    /// assert!(key.money);
    /// assert_eq!(key.samples.last().map(|(_, t)| t.as_str()), Some("$100 million"));
    /// ```
    pub fn of(dataset: &Dataset, lang: Lang) -> WidthKey {
        WidthKey::with_scale(dataset, &WidthScale::for_dataset(dataset), lang)
    }

    /// [`WidthKey::of`] with the dataset's width scale worked out already
    /// ([`WidthScale::for_dataset`]).
    pub fn with_scale(dataset: &Dataset, scale: &WidthScale, lang: Lang) -> WidthKey {
        let flows = &dataset.raw.flows;
        let mut currencies: Vec<&str> = Vec::new();
        for q in flows.iter().filter_map(|f| f.value.known()).filter(|q| q.is_money()) {
            if !currencies.contains(&q.measure()) {
                currencies.push(q.measure());
            }
        }
        let text = |v: f64| match (&scale.unit, currencies.as_slice()) {
            (Some(unit), _) => figure(v, unit, false, lang),
            (None, [one]) => figure(v, one, true, lang),
            (None, _) => amount(v, lang),
        };
        WidthKey {
            samples: scale.legend_values().into_iter().map(|v| (scale.width(v), text(v))).collect(),
            money: scale.unit.is_none(),
            off_scale: scale.off_scale_units(flows, lang),
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::FlowValue;

    fn dataset() -> Dataset {
        Dataset::from_json("t", include_str!("../tests/fixtures/two_flows.json")).unwrap()
    }

    #[test]
    fn follows_the_flows_shown() {
        let d = dataset();
        let all = LegendEntries::of(&d, &FlowCodes::of(&d), &[0, 1]);
        assert_eq!(all.statuses, vec![ClaimStatus::Documented, ClaimStatus::Alleged]);
        assert!(all.undisclosed);
        // Flow 1 is documented dual-use goods of a disclosed value.
        let one = LegendEntries::of(&d, &FlowCodes::of(&d), &[1]);
        assert_eq!(one.categories, vec![1]);
        assert_eq!(one.statuses, vec![ClaimStatus::Documented]);
        assert!(!one.undisclosed && !one.against);
        assert_eq!(LegendEntries::of(&d, &FlowCodes::of(&d), &[]), LegendEntries::default());
    }

    #[test]
    fn width_key_names_the_unit_or_the_one_currency() {
        let d = dataset();
        let key = WidthKey::of(&d, Lang::Ru);
        let widths: Vec<f64> = key.samples.iter().map(|(w, _)| *w).collect();
        assert!(widths.windows(2).all(|w| w[0] < w[1]), "{widths:?}");
        assert!(key.samples.iter().all(|(_, t)| t.ends_with("долл. США")), "{key:?}");
        let mut euros = d.raw.clone();
        euros.flows[1].value = FlowValue::Known(crate::model::Quantity::money(5e6, "EUR"));
        euros.flows[0].value = FlowValue::Known(crate::model::Quantity::money(9e6, "USD"));
        let mixed = WidthKey::of(&Dataset::check(euros), Lang::En);
        assert_eq!(mixed.samples.last().map(|(_, t)| t.as_str()), Some("5 million"));
        let mut rounds = d.raw.clone();
        let mut q = crate::model::Quantity::money(2e6, "");
        (q.currency, q.unit) = (None, Some("rounds".into()));
        rounds.flows[1].value = FlowValue::Known(q);
        let counted = WidthKey::of(&Dataset::check(rounds), Lang::En);
        assert!(!counted.money);
        assert_eq!(counted.samples.last().map(|(_, t)| t.as_str()), Some("2 million rounds"));
    }
}
