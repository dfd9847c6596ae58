//! The width scale: arc width by value, with reference values for the legend.

use crate::bundle::{bundles, Bundle};
use crate::dataset::Dataset;
use crate::i18n::Lang;
use crate::model::{Flow, FlowValue, Quantity};

/// Widths in pixels.
pub const MIN_WIDTH: f64 = 1.5;
/// Width of the largest value.
pub const MAX_WIDTH: f64 = 12.0;
/// Width of a flow whose value is not disclosed (drawn in its own style).
pub const UNDISCLOSED_WIDTH: f64 = 1.75;

/// Maps stated amounts to stroke widths by area (square root), so that a flow twice as
/// large looks twice as heavy. Amounts of money are compared as stated, without currency
/// conversion; a dataset without money is scaled by the unit most of its figures are in,
/// and figures in another unit get the thinnest line.
#[derive(Debug, Clone, PartialEq)]
pub struct WidthScale {
    /// The largest amount among the flows.
    pub max: f64,
    /// The unit the scale measures; `None` for money.
    pub unit: Option<String>,
}

impl WidthScale {
    /// The scale for these flows (one of each, no lines' sums).
    #[cfg(test)]
    fn for_flows<'a>(flows: impl IntoIterator<Item = &'a Flow>) -> WidthScale {
        WidthScale::for_figures(flows.into_iter().filter_map(|f| f.value.known()))
    }

    /// The scale of a dataset's lines ([`bundles`] of all its flows): a line that stands
    /// for many flows is drawn for their sum, so that sum is on the scale too. Widths do
    /// not change with the filters (but lines between clusters, which add up more, are drawn
    /// by a scale that reaches them: [`WidthScale::reaching`]). ([`DatasetScale::of`] gives it with what else the same
    /// grouping tells.)
    pub fn for_dataset(dataset: &Dataset) -> WidthScale {
        DatasetScale::of(dataset).scale
    }

    /// The scale for these figures.
    fn for_figures<'a>(figures: impl IntoIterator<Item = &'a Quantity>) -> WidthScale {
        // One pass: the largest amount of money, and the count and largest amount per unit.
        let mut money: Option<f64> = None;
        let mut units: Vec<(&str, usize, f64)> = Vec::new();
        for q in figures {
            if q.is_money() {
                money = Some(money.unwrap_or(0.0).max(q.amount));
            } else {
                match units.iter_mut().find(|(u, _, _)| *u == q.measure()) {
                    Some((_, n, max)) => (*n, *max) = (*n + 1, max.max(q.amount)),
                    None => units.push((q.measure(), 1, q.amount)),
                }
            }
        }
        match (money, units.iter().max_by_key(|(_, n, _)| *n)) {
            (None, Some((unit, _, max))) => WidthScale { max: *max, unit: Some(unit.to_string()) },
            (money, _) => WidthScale { max: money.unwrap_or(0.0), unit: None },
        }
    }

    /// The units of the figures among `flows` that this scale does not measure (drawn at the
    /// thinnest width), once each, in the reader's words ("rounds", "тонн").
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{dataset::Dataset, i18n::Lang, scale::WidthScale};
    /// let d = Dataset::from_json("t", include_str!("../tests/fixtures/two_flows.json")).unwrap();
    /// assert!(WidthScale::for_dataset(&d).off_scale_units(&d.raw.flows, Lang::En).is_empty());
    /// ```
    pub fn off_scale_units<'a>(
        &self,
        flows: impl IntoIterator<Item = &'a Flow>,
        lang: Lang,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for q in flows.into_iter().filter_map(|f| f.value.known()).filter(|q| !self.measures(q)) {
            let word = match crate::i18n::unit_forms(lang, q.measure()) {
                Some(forms) => crate::i18n::plural(lang, forms, 5),
                None => q.measure().to_string(),
            };
            if !out.contains(&word) {
                out.push(word);
            }
        }
        out
    }

    /// This scale widened to reach the largest of `figures` it measures (sums of lines
    /// between clusters, larger than any line of the dataset's places).
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::model::Quantity;
    /// use flowmap_core::scale::WidthScale;
    /// let s = WidthScale { unit: Some("flights".into()), max: 10.0 };
    /// let flights = Quantity { unit: Some("flights".into()), currency: None, ..Quantity::money(40.0, "USD") };
    /// assert_eq!(s.reaching([&flights]).max, 40.0);
    /// assert_eq!(s.reaching([&Quantity::money(90.0, "USD")]).max, 10.0, "not on this scale");
    /// ```
    pub fn reaching<'a>(&self, figures: impl IntoIterator<Item = &'a Quantity>) -> WidthScale {
        let on_scale = figures.into_iter().filter(|q| self.measures(q));
        let max = on_scale.fold(self.max, |m, q| m.max(q.amount));
        WidthScale { max, unit: self.unit.clone() }
    }

    /// True when the scale measures this figure (money, or the scale's unit).
    fn measures(&self, q: &Quantity) -> bool {
        match &self.unit {
            None => q.is_money(),
            Some(u) => q.unit.as_ref() == Some(u),
        }
    }

    /// Stroke width for an amount.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::scale::{WidthScale, MAX_WIDTH, MIN_WIDTH};
    /// let s = WidthScale { unit: None, max: 100.0 };
    /// assert_eq!(s.width(100.0), MAX_WIDTH);
    /// assert_eq!(s.width(0.0), MIN_WIDTH);
    /// assert!((s.width(25.0) - (MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * 0.5)).abs() < 1e-9);
    /// ```
    pub fn width(&self, amount: f64) -> f64 {
        if self.max <= 0.0 {
            return MIN_WIDTH;
        }
        MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (amount.max(0.0) / self.max).min(1.0).sqrt()
    }

    /// Stroke width for a flow; undisclosed values get [`UNDISCLOSED_WIDTH`].
    pub fn flow_width(&self, flow: &Flow) -> f64 {
        match &flow.value {
            FlowValue::Known(q) => self.figure_width(q),
            FlowValue::Undisclosed(_) => UNDISCLOSED_WIDTH,
        }
    }

    /// Stroke width for a figure: by its amount when the scale measures it, else the
    /// thinnest.
    pub fn figure_width(&self, q: &Quantity) -> f64 {
        if self.measures(q) {
            self.width(q.amount)
        } else {
            MIN_WIDTH
        }
    }

    /// Two or three round reference amounts (1, 2 or 5 × 10ⁿ) for the legend, largest last.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::scale::WidthScale;
    /// assert_eq!(WidthScale { unit: None, max: 1.2e9 }.legend_values(), vec![1e8, 5e8, 1e9]);
    /// assert!(WidthScale { unit: None, max: 0.0 }.legend_values().is_empty());
    /// ```
    pub fn legend_values(&self) -> Vec<f64> {
        if self.max <= 0.0 {
            return Vec::new();
        }
        let top = nice_floor(self.max);
        let mut values = vec![nice_floor(top / 10.0), nice_floor(top / 2.0), top];
        values.dedup();
        values.retain(|v| *v > 0.0);
        values
    }
}

/// What grouping all of a dataset's flows into lines ([`bundles`]) tells, worked out once per
/// dataset rather than for every plan, the legend and the map's set-up again.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetScale {
    /// The width scale of the dataset's lines ([`WidthScale::for_dataset`]).
    pub scale: WidthScale,
    /// The flows (dataset indices) of each line that stands for several flows.
    pub several: Vec<Vec<usize>>,
}

impl DatasetScale {
    /// The scale and lines of `dataset`, from one grouping of its flows.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{dataset::Dataset, scale::DatasetScale};
    /// let d = Dataset::from_json("t", include_str!("../tests/fixtures/two_flows.json")).unwrap();
    /// let s = DatasetScale::of(&d);
    /// assert!(!s.has_lines());
    /// assert_eq!(s.scale.unit, None);
    /// ```
    pub fn of(dataset: &Dataset) -> DatasetScale {
        let all: Vec<usize> = (0..dataset.raw.flows.len()).collect();
        let lines = bundles(dataset, &all);
        let mut figures: Vec<&Quantity> = Vec::with_capacity(lines.len());
        for line in &lines {
            match &line.sum {
                Some(sum) => figures.push(sum),
                None => figures.extend(
                    line.members.iter().filter_map(|&i| dataset.raw.flows[i].value.known()),
                ),
            }
        }
        let scale = WidthScale::for_figures(figures);
        let several = lines.into_iter().filter(Bundle::is_several).map(|l| l.members).collect();
        DatasetScale { scale, several }
    }

    /// True when some line of the dataset stands for several flows.
    pub fn has_lines(&self) -> bool {
        !self.several.is_empty()
    }

    /// True when `shown` (by dataset index) shows some flows of a line of several and hides
    /// others: that line then adds up fewer flows than with every flow shown.
    pub fn splits(&self, shown: &[bool]) -> bool {
        let at = |i: usize| shown.get(i).copied().unwrap_or(false);
        self.several.iter().any(|m| m.iter().any(|&i| at(i) != at(m[0])))
    }
}

/// The largest 1, 2 or 5 × 10ⁿ not above `v`.
fn nice_floor(v: f64) -> f64 {
    let p = crate::math::pow(10.0, crate::math::log10(v).floor());
    [5.0, 2.0, 1.0].into_iter().map(|m| m * p).find(|n| *n <= v * (1.0 + 1e-9)).unwrap_or(p)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn nice_numbers() {
        assert_eq!(nice_floor(143.9e6), 100e6);
        assert_eq!(nice_floor(800e6), 500e6);
        assert_eq!(nice_floor(2.0), 2.0);
        assert_eq!(WidthScale { unit: None, max: 143.9e6 }.legend_values(), vec![1e7, 5e7, 1e8]);
    }

    #[test]
    fn money_sets_the_scale_else_the_commonest_unit() {
        let flow = |value: serde_json::Value| -> Flow {
            serde_json::from_value(
                serde_json::json!({"id": "f", "from": "A", "to": "B", "category": "c",
                "value": value, "description": "d", "status": "reported", "citations": []}),
            )
            .unwrap()
        };
        let rounds = |a: f64| flow(serde_json::json!({"amount": a, "unit": "rounds"}));
        let tonnes = flow(serde_json::json!({"amount": 9e9, "unit": "tonnes"}));
        let usd = flow(serde_json::json!({"amount": 5e6, "currency": "USD"}));
        let all = [rounds(1e6), rounds(3e6), tonnes.clone(), usd.clone()];
        assert_eq!(WidthScale::for_flows(&all), WidthScale { max: 5e6, unit: None });
        let scale = WidthScale::for_flows(&all[..3]);
        assert_eq!(scale, WidthScale { max: 3e6, unit: Some("rounds".into()) });
        assert_eq!(scale.flow_width(&tonnes), MIN_WIDTH, "another unit is not to scale");
        assert_eq!(scale.flow_width(&all[1]), MAX_WIDTH);
    }

    #[test]
    fn a_line_is_split_when_some_of_its_flows_are_shown_and_others_not() {
        let s =
            DatasetScale { scale: WidthScale { max: 1.0, unit: None }, several: vec![vec![0, 2]] };
        assert!(s.has_lines());
        assert!(!s.splits(&[true, false, true]) && !s.splits(&[false, true, false]));
        assert!(s.splits(&[true, true, false]) && s.splits(&[false, false, true]));
    }

    #[test]
    fn wider_means_more() {
        let s = WidthScale { unit: None, max: 1e9 };
        assert!(s.width(1e8) < s.width(5e8) && s.width(5e8) < s.width(1e9));
        assert!(UNDISCLOSED_WIDTH < s.width(1e7) + 1.0);
    }
}
