//! What flows into, out of and through a location, and what may be added up.
//!
//! Figures are added only when they are comparable: the same currency or unit, each a
//! whole total (not a minimum, an estimate or a part of another figure) and of the same
//! goods. Otherwise a place lists its figures instead of adding them, so the map never shows
//! a sum that no source gives across different bases.

use crate::dataset::Dataset;
use crate::format::{figure, quantity};
use crate::i18n::{tr, trf, Lang, Msg};
use crate::model::{Basis, Quantity};
use rustc_hash::FxHashMap as HashMap;

/// The flows on one side of a place (arriving or leaving), by index into the dataset.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Side {
    /// Indices of the flows.
    pub flows: Vec<usize>,
    /// Amounts of money stated, added as stated: a size for the marker only, never shown.
    pub money: f64,
}

impl Side {
    /// The stated figures of this side's flows, with the flow's category.
    fn figures<'a>(&self, dataset: &'a Dataset) -> Vec<(&'a Quantity, &'a str)> {
        self.flows
            .iter()
            .filter_map(|i| dataset.raw.flows.get(*i))
            .filter_map(|f| f.value.known().map(|q| (q, f.category.as_str())))
            .collect()
    }

    /// The sum of the stated figures when they are comparable; `None` otherwise or when
    /// there is none.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{dataset::Dataset, totals::Totals};
    /// let d = Dataset::from_json("t", include_str!("../tests/fixtures/two_flows.json")).unwrap();
    /// let t = &Totals::by_location(&d, &[0, 1])["SRB"];
    /// assert_eq!(t.outbound.sum(&d), Some((143.9e6, "USD".to_string())));
    /// ```
    pub fn sum(&self, dataset: &Dataset) -> Option<(f64, String)> {
        sum_of(&self.figures(dataset)).filter(|_| self.routes_apart(dataset))
    }

    /// True when no figure of this side could count another's again: figures of flows along
    /// one route add up only as a line of them does (each a stated total over a span of its
    /// own, [`crate::bundle::line_sum`]); a year's total beside one of its months, or two
    /// reports of one shipment, are not added.
    fn routes_apart(&self, dataset: &Dataset) -> bool {
        let flows = &dataset.raw.flows;
        let route = |i: usize| (flows[i].from.as_str(), flows[i].to.as_str(), &flows[i].via);
        let mut known: Vec<usize> =
            self.flows.iter().copied().filter(|&i| flows[i].value.known().is_some()).collect();
        crate::sort::sort_by(&mut known, |&a, &b| route(a).cmp(&route(b)));
        known
            .chunk_by(|&a, &b| route(a) == route(b))
            .all(|run| run.len() < 2 || crate::bundle::line_sum(dataset, run).is_some())
    }

    /// "$161.9 million", "at least $71.1 million" (one figure, as stated), "no stated
    /// value", or the figures listed when they cannot be added; when some flows give no
    /// figure, how many do ("… (flows with a figure: 2 of 12)").
    pub fn text(&self, dataset: &Dataset, lang: Lang) -> String {
        let figures = self.figures(dataset);
        // The first figures and how many more: a place of a large dataset has hundreds,
        // too many to hear in its name, and each is written only if it is listed.
        let list = |msg| {
            let most =
                if figures.len() > LISTED_FIGURES + 1 { LISTED_FIGURES } else { figures.len() };
            let mut list: Vec<String> =
                figures.iter().take(most).map(|(q, _)| quantity(q, lang)).collect();
            if most < figures.len() {
                list.push(trf(lang, Msg::AndMore, &[&(figures.len() - most).to_string()]));
            }
            trf(lang, msg, &[&list.join("; ")])
        };
        let text = match (figures.as_slice(), sum_of(&figures)) {
            ([], _) => tr(lang, Msg::NoStatedValue),
            ([(q, _)], _) => quantity(q, lang),
            (_, Some(_)) if !self.routes_apart(dataset) => list(Msg::FlowsOverlapListed),
            ([(first, _), ..], Some((total, measure))) => {
                figure(total, &measure, first.is_money(), lang)
            }
            (_, None) => list(Msg::FlowsListed),
        };
        if figures.is_empty() || figures.len() == self.flows.len() {
            return text;
        }
        let (some, all) = (figures.len().to_string(), self.flows.len().to_string());
        format!("{text} ({})", trf(lang, Msg::WithFigure, &[&some, &all]))
    }
}

/// How many figures a side lists when they cannot be added; the rest are counted.
const LISTED_FIGURES: usize = 8;

/// The sum of `figures` (with their categories) when they are comparable.
fn sum_of(figures: &[(&Quantity, &str)]) -> Option<(f64, String)> {
    let (first, category) = figures.first()?;
    let comparable = figures.iter().all(|(q, c)| {
        q.measure() == first.measure() && q.basis == Basis::Total && q.of.is_none() && c == category
    });
    comparable.then(|| (figures.iter().map(|(q, _)| q.amount).sum(), first.measure().to_string()))
}

/// Flows in, out and through one place.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    /// Flows arriving.
    pub inbound: Side,
    /// Flows leaving.
    pub outbound: Side,
    /// Flows passing through.
    pub flows_through: usize,
}

impl Totals {
    /// Totals of the flows at `visible` indices for every location they use, in one pass
    /// over the flows.
    pub fn by_location<'a>(dataset: &'a Dataset, visible: &[usize]) -> HashMap<&'a str, Totals> {
        let mut all: HashMap<&str, Totals> = HashMap::default();
        for (i, f) in visible.iter().filter_map(|i| dataset.raw.flows.get(*i).map(|f| (*i, f))) {
            let money = f.value.known().filter(|q| q.is_money()).map_or(0.0, |q| q.amount);
            let add = |side: &mut Side| {
                side.flows.push(i);
                side.money += money;
            };
            add(&mut all.entry(f.to.as_str()).or_default().inbound);
            add(&mut all.entry(f.from.as_str()).or_default().outbound);
            for v in &f.via {
                all.entry(v.as_str()).or_default().flows_through += 1;
            }
        }
        all
    }

    /// Flows ending here.
    pub fn flows_in(&self) -> usize {
        self.inbound.flows.len()
    }

    /// Flows starting here.
    pub fn flows_out(&self) -> usize {
        self.outbound.flows.len()
    }

    /// All amounts of money in and out, added as stated: a size for the marker only.
    pub fn magnitude(&self) -> f64 {
        self.inbound.money + self.outbound.money
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use serde_json::json;

    #[test]
    fn counts_each_role() {
        let d = Dataset::from_json("t", include_str!("../tests/fixtures/two_flows.json")).unwrap();
        let all = Totals::by_location(&d, &[0, 1]);
        let srb = &all["SRB"];
        assert_eq!((srb.flows_out(), srb.flows_in(), srb.flows_through), (2, 0, 0));
        assert_eq!(srb.outbound.text(&d, Lang::En), "$143.9 million (flows with a figure: 1 of 2)");
        assert_eq!(all["CZE"].flows_through, 1);
        assert!(!Totals::by_location(&d, &[0]).contains_key("RUS"));
    }

    /// Three flows out of SRB with `values`; the text of SRB's outbound side.
    fn out_text(values: serde_json::Value, categories: [&str; 3]) -> String {
        let flows: Vec<_> = values
            .as_array()
            .unwrap()
            .iter()
            .zip(categories)
            .enumerate()
            .map(|(i, (v, c))| {
                json!({"id": format!("f{i}"), "from": "SRB", "to": (["RUS", "UKR", "BGR"][i]), "category": c, "value": v,
                "description": "d", "status": "reported",
                "citations": [{"source": "s", "speaker": "s", "stance": "claims", "quote": "q"}]})
            })
            .collect();
        let doc = json!({"version": 2, "meta": {"title": "T"},
            "locations": [{"id": "SRB", "name": "Serbia"}, {"id": "RUS", "name": "Russia"},
                {"id": "UKR", "name": "Ukraine"}, {"id": "BGR", "name": "Bulgaria"}],
            "categories": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "sources": [{"id": "s", "outlet": "O", "kind": "news-report"}],
            "speakers": [{"id": "s", "name": "O", "kind": "news-outlet"}],
            "flows": flows});
        let d = Dataset::from_json("t", &doc.to_string()).unwrap();
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        Totals::by_location(&d, &[0, 1, 2])["SRB"].outbound.text(&d, Lang::En)
    }

    #[test]
    fn a_long_list_of_figures_names_the_first_and_counts_the_rest() {
        // Twelve flows out of SRB, each in a category of its own: not added up.
        let flows: Vec<_> = (0..12)
            .map(|i| {
                json!({"id": format!("f{i}"), "from": "SRB", "to": "RUS", "category": format!("c{i}"),
                "value": {"amount": (i + 1) as f64 * 1e6, "currency": "USD"},
                "description": "d", "status": "reported",
                "citations": [{"source": "s", "speaker": "s", "stance": "claims", "quote": "q"}]})
            })
            .collect();
        let categories: Vec<_> =
            (0..12).map(|i| json!({"id": format!("c{i}"), "name": format!("C{i}")})).collect();
        let doc = json!({"version": 2, "meta": {"title": "T"},
            "locations": [{"id": "SRB", "name": "Serbia"}, {"id": "RUS", "name": "Russia"}],
            "categories": categories,
            "sources": [{"id": "s", "outlet": "O", "kind": "news-report"}],
            "speakers": [{"id": "s", "name": "O", "kind": "news-outlet"}],
            "flows": flows});
        let d = Dataset::from_json("t", &doc.to_string()).unwrap();
        let all: Vec<usize> = (0..12).collect();
        let text = Totals::by_location(&d, &all)["SRB"].outbound.text(&d, Lang::En);
        assert!(
            text.starts_with("not added up (different kinds of figures): $1 million; $2 million;"),
            "{text}"
        );
        assert!(text.ends_with("; $8 million; and 4 more"), "{text}");
        // One more than the list holds is listed whole.
        let nine: Vec<usize> = (0..9).collect();
        let text = Totals::by_location(&d, &nine)["SRB"].outbound.text(&d, Lang::En);
        assert!(text.ends_with("; $9 million"), "{text}");
    }

    #[test]
    fn only_comparable_figures_are_added() {
        let usd = |a: f64| json!({"amount": a, "currency": "USD"});
        assert_eq!(
            out_text(json!([usd(143.9e6), usd(18e6), "undisclosed"]), ["a"; 3]),
            "$161.9 million (flows with a figure: 2 of 3)"
        );
        // A company's total beside an all-company minimum: listed, not added.
        let min = json!({"amount": 71.1e6, "currency": "USD", "basis": "minimum"});
        assert_eq!(
            out_text(json!([min, usd(143.9e6), usd(18e6)]), ["a"; 3]),
            "not added up (different kinds of figures): at least $71.1 million; $143.9 million; $18 million"
        );
        // Different currencies, units or goods are not added either.
        let eur = json!({"amount": 2e6, "currency": "EUR"});
        assert!(
            out_text(json!([usd(1e6), eur, "undisclosed"]), ["a"; 3]).starts_with("not added up")
        );
        let t = json!({"amount": 5.0, "unit": "tonnes"});
        assert!(out_text(json!([usd(1e6), t, "undisclosed"]), ["a"; 3]).starts_with("not added up"));
        assert!(out_text(json!([usd(1e6), usd(2e6), "undisclosed"]), ["a", "b", "a"])
            .starts_with("not added up"));
        assert_eq!(
            out_text(json!(["undisclosed", "undisclosed", "undisclosed"]), ["a"; 3]),
            "no stated value"
        );
    }

    #[test]
    fn figures_along_one_route_are_added_only_over_periods_apart() {
        let flow = |id: &str, to: &str, start: &str, end: &str| {
            json!({"id": id, "from": "SRB", "to": to, "category": "a",
                "value": {"amount": 10e6, "currency": "USD"}, "period": {"start": start, "end": end},
                "description": "d", "status": "reported",
                "citations": [{"source": "s", "speaker": "s", "stance": "claims", "quote": "q"}]})
        };
        let text = |flows: Vec<serde_json::Value>| {
            let doc = json!({"version": 2, "meta": {"title": "T"},
                "locations": [{"id": "SRB", "name": "Serbia"}, {"id": "RUS", "name": "Russia"},
                    {"id": "UKR", "name": "Ukraine"}],
                "categories": [{"id": "a", "name": "A"}],
                "sources": [{"id": "s", "outlet": "O", "kind": "news-report"}],
                "speakers": [{"id": "s", "name": "O", "kind": "news-outlet"}],
                "flows": flows});
            let d = Dataset::from_json("t", &doc.to_string()).unwrap();
            assert!(d.problems.is_empty(), "{:?}", d.problems);
            let all: Vec<usize> = (0..d.raw.flows.len()).collect();
            let side = &Totals::by_location(&d, &all)["SRB"].outbound;
            (side.text(&d, Lang::En), side.sum(&d))
        };
        // A year's total and one of its months on one route would count the month twice.
        let (listed, sum) = text(vec![
            flow("y", "RUS", "2023-01", "2023-12"),
            flow("m", "RUS", "2023-07", "2023-07"),
        ]);
        assert_eq!(listed, "not added up (on one route, periods overlap or are not given): $10 million; $10 million");
        assert_eq!(sum, None);
        // Months apart on one route, or one period on two routes, add up.
        let apart = text(vec![
            flow("a", "RUS", "2023-01", "2023-06"),
            flow("b", "RUS", "2023-07", "2023-12"),
        ]);
        assert_eq!(apart.0, "$20 million");
        let routes = text(vec![
            flow("r", "RUS", "2023-01", "2023-12"),
            flow("u", "UKR", "2023-01", "2023-12"),
        ]);
        assert_eq!(routes.1, Some((20e6, "USD".to_string())));
    }
}
