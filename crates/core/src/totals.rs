//! What flows into, out of and through a location.

use crate::dataset::Dataset;
use crate::format::money;
use crate::i18n::{tr, Lang, Msg};
use crate::model::{FlowValue, Money};
use std::collections::BTreeMap;

/// Sums by currency (amounts are never converted) and counts of flows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    /// Stated amounts arriving, by currency.
    pub inbound: BTreeMap<String, f64>,
    /// Stated amounts leaving, by currency.
    pub outbound: BTreeMap<String, f64>,
    /// Flows ending here.
    pub flows_in: usize,
    /// Flows starting here.
    pub flows_out: usize,
    /// Flows passing through.
    pub flows_through: usize,
}

impl Totals {
    /// Totals of the flows at `visible` indices for location `id`.
    pub fn of(dataset: &Dataset, visible: &[usize], id: &str) -> Totals {
        let mut t = Totals::default();
        for f in visible.iter().filter_map(|i| dataset.raw.flows.get(*i)) {
            let add = |side: &mut BTreeMap<String, f64>| {
                if let FlowValue::Known(m) = &f.value {
                    *side.entry(m.currency.clone()).or_default() += m.amount;
                }
            };
            if f.to == id {
                t.flows_in += 1;
                add(&mut t.inbound);
            }
            if f.from == id {
                t.flows_out += 1;
                add(&mut t.outbound);
            }
            if f.via.iter().any(|v| v == id) {
                t.flows_through += 1;
            }
        }
        t
    }

    /// All stated amounts in and out, added as stated: a size for the marker only.
    pub fn magnitude(&self) -> f64 {
        self.inbound.values().chain(self.outbound.values()).sum()
    }

    /// "$71.1 million + €1.2 billion", or "no stated value".
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{i18n::Lang, totals::Totals};
    /// let mut t = Totals::default();
    /// assert_eq!(Totals::sum_text(&t.inbound, Lang::En), "no stated value");
    /// t.inbound.insert("USD".into(), 18e6);
    /// t.inbound.insert("EUR".into(), 1.2e9);
    /// assert_eq!(Totals::sum_text(&t.inbound, Lang::En), "€1.2 billion + $18 million");
    /// ```
    pub fn sum_text(sums: &BTreeMap<String, f64>, lang: Lang) -> String {
        if sums.is_empty() {
            return tr(lang, Msg::NoStatedValue);
        }
        sums.iter()
            .map(|(c, a)| money(&Money { amount: *a, currency: c.clone(), qualifier: None }, lang))
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn counts_each_role() {
        let d = Dataset::from_json("t", include_str!("../tests/fixtures/two_flows.json")).unwrap();
        let srb = Totals::of(&d, &[0, 1], "SRB");
        assert_eq!((srb.flows_out, srb.flows_in, srb.flows_through), (2, 0, 0));
        assert_eq!(Totals::sum_text(&srb.outbound, Lang::En), "$143.9 million");
        let cze = Totals::of(&d, &[0, 1], "CZE");
        assert_eq!(cze.flows_through, 1);
        assert_eq!(Totals::of(&d, &[0], "RUS"), Totals::default());
    }
}
