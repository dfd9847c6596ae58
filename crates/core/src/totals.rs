//! What flows into, out of and through a location.

use crate::dataset::Dataset;
use crate::format::money;
use crate::i18n::{tr, Lang, Msg};
use crate::model::{FlowValue, Money};
use rustc_hash::FxHashMap as HashMap;
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
    /// Totals of the flows at `visible` indices for every location they use, in one pass
    /// over the flows.
    pub fn by_location<'a>(dataset: &'a Dataset, visible: &[usize]) -> HashMap<&'a str, Totals> {
        let mut all: HashMap<&str, Totals> = HashMap::default();
        for f in visible.iter().filter_map(|i| dataset.raw.flows.get(*i)) {
            let add = |side: &mut BTreeMap<String, f64>| {
                if let FlowValue::Known(m) = &f.value {
                    match side.get_mut(&m.currency) {
                        Some(sum) => *sum += m.amount,
                        None => {
                            side.insert(m.currency.clone(), m.amount);
                        }
                    }
                }
            };
            let to = all.entry(f.to.as_str()).or_default();
            to.flows_in += 1;
            add(&mut to.inbound);
            let from = all.entry(f.from.as_str()).or_default();
            from.flows_out += 1;
            add(&mut from.outbound);
            for v in &f.via {
                all.entry(v.as_str()).or_default().flows_through += 1;
            }
        }
        all
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
        let all = Totals::by_location(&d, &[0, 1]);
        let srb = &all["SRB"];
        assert_eq!((srb.flows_out, srb.flows_in, srb.flows_through), (2, 0, 0));
        assert_eq!(Totals::sum_text(&srb.outbound, Lang::En), "$143.9 million");
        assert_eq!(all["CZE"].flows_through, 1);
        assert!(!Totals::by_location(&d, &[0]).contains_key("RUS"));
    }
}
