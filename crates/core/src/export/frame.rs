//! What a downloaded picture says around the map, so that it stands alone: title, the
//! filters on, the legend of what is shown, notes, sources and credits; in the reader's
//! language, from the same data as the page.

use super::filters::filters_in_words;
use crate::dataset::Dataset;
use crate::describe::{credit_line, credit_sources};
use crate::filter::Filter;
use crate::flow_codes::FlowCodes;
use crate::i18n::{tr, trf, Lang, Msg};
use crate::legend::{LegendEntries, WidthKey};
use crate::palette::{category_color, dasharray};
use crate::scale::WidthScale;

/// The sample drawn before a legend entry's text.
#[derive(Debug, Clone, PartialEq)]
pub enum Swatch {
    /// A category's colour: a line with an arrowhead.
    Color(&'static str),
    /// A claim status's line pattern (`None`: solid).
    Dash(Option<String>),
    /// The mark of denied or disputed flows.
    Against,
    /// A reference line of this width.
    Width(f64),
    /// The faint band of a flow whose value is not disclosed.
    Undisclosed,
}

/// One part of the legend: a heading, its entries and notes under them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LegendSection {
    /// "Goods", "How solid the claim is", "Value".
    pub heading: String,
    /// Each entry's sample and text.
    pub entries: Vec<(Swatch, String)>,
    /// Explanations under the entries.
    pub hints: Vec<String>,
}

/// Texts and legend printed around the map in an SVG export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// Headline.
    pub title: String,
    /// Line under it.
    pub subtitle: String,
    /// The filters on, in words; empty when none is.
    pub filters: String,
    /// The legend's parts; a part without entries is left out.
    pub legend: Vec<LegendSection>,
    /// The dataset's notes.
    pub notes: String,
    /// "Source: …" line, with its label in the reader's language.
    pub sources: String,
    /// Credit line, including the map data's.
    pub credit: String,
    /// A story step's rings and callouts, drawn over the map ([`crate::annotate`]).
    pub overlay: crate::annotate::Overlay,
}

impl Frame {
    /// The frame of a map showing the flows at `shown` (dataset indices) through `filter`,
    /// with the map data credited as `map_credit`, in `lang`. The legend lists only what the
    /// flows shown use, as the page's does.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{dataset::Dataset, export::Frame, filter::Filter, i18n::Lang};
    /// let d = Dataset::from_json("d", include_str!("../../tests/fixtures/two_flows.json")).unwrap();
    /// let frame = Frame::of(&d, &[1], &Filter::default(), "Natural Earth", Lang::En);
    /// assert_eq!(frame.title, "Two flows");
    /// assert_eq!(frame.legend[0].entries.len(), 1, "only the goods shown");
    /// assert!(frame.credit.ends_with("Map: Natural Earth"));
    /// ```
    pub fn of(
        dataset: &Dataset,
        shown: &[usize],
        filter: &Filter,
        map_credit: &str,
        lang: Lang,
    ) -> Frame {
        let meta = &dataset.raw.meta;
        let text = |t: Option<&crate::text::Localized>| {
            t.map(|t| t.get(lang.tag()).to_string()).unwrap_or_default()
        };
        let used = LegendEntries::of(dataset, &FlowCodes::of(dataset), shown);
        let goods = LegendSection {
            heading: tr(lang, Msg::Goods),
            entries: used
                .categories
                .iter()
                .map(|&i| {
                    let name = dataset.raw.categories[i].name.get(lang.tag()).to_string();
                    (Swatch::Color(category_color(i)), name)
                })
                .collect(),
            hints: Vec::new(),
        };
        let mut claims = LegendSection {
            heading: tr(lang, Msg::HowSolidLong),
            entries: used
                .statuses
                .iter()
                .map(|&s| {
                    (
                        Swatch::Dash(dasharray(s, 2.5)),
                        format!("{}: {}", s.label(lang), s.explanation(lang)),
                    )
                })
                .collect(),
            hints: Vec::new(),
        };
        if used.against {
            claims.entries.push((Swatch::Against, tr(lang, Msg::SpokenAgainst)));
        }
        let key = WidthKey::of(dataset, lang);
        let mut value = LegendSection {
            heading: tr(lang, Msg::Value),
            entries: key.samples.into_iter().map(|(w, t)| (Swatch::Width(w), t)).collect(),
            hints: Vec::new(),
        };
        if used.undisclosed {
            value.entries.push((Swatch::Undisclosed, tr(lang, Msg::NotDisclosed)));
        }
        if key.money && !value.entries.is_empty() {
            value.hints.push(tr(lang, Msg::WidthHint));
        }
        if !key.off_scale.is_empty() {
            value.hints.push(trf(lang, Msg::OffScaleHint, &[&key.off_scale.join(", ")]));
        }
        Frame {
            title: meta.title.get(lang.tag()).to_string(),
            subtitle: text(meta.subtitle.as_ref()),
            filters: filters_in_words(dataset, filter, shown, lang),
            legend: [goods, claims, value].into_iter().filter(|s| !s.entries.is_empty()).collect(),
            notes: text(meta.notes.as_ref()),
            sources: format!("{} {}", tr(lang, Msg::SourceLabel), credit_sources(dataset, lang)),
            credit: credit_line(dataset, map_credit, lang),
            overlay: Default::default(),
        }
    }
}

impl Frame {
    /// The frame with the width key of `scale`: the scale the lines are drawn by when
    /// clusters are ([`crate::layout::MapLayout::cluster_scale`]).
    pub fn drawn_by(mut self, dataset: &Dataset, scale: &WidthScale, lang: Lang) -> Frame {
        let is_width = |(s, _): &(Swatch, String)| matches!(s, Swatch::Width(_));
        let samples = WidthKey::with_scale(dataset, scale, lang).samples;
        for section in &mut self.legend {
            if section.entries.iter().any(is_width) {
                section.entries.retain(|e| !is_width(e));
                let widths = samples.iter().map(|(w, t)| (Swatch::Width(*w), t.clone()));
                section.entries.splice(0..0, widths);
            }
        }
        self
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::ClaimStatus;

    fn dataset() -> Dataset {
        Dataset::from_json("t", include_str!("../../tests/fixtures/two_flows.json")).unwrap()
    }

    #[test]
    fn the_legend_follows_the_filters() {
        let d = dataset();
        let all = Frame::of(&d, &[0, 1], &Filter::default(), "NE", Lang::En);
        assert_eq!(all.filters, "");
        assert_eq!(all.legend.len(), 3);
        let names: Vec<&str> = all.legend[0].entries.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(names, ["Arms", "Dual-use goods"]);
        assert!(all.legend[2].entries.iter().any(|(s, _)| *s == Swatch::Undisclosed));
        let f = Filter { hidden_statuses: [ClaimStatus::Alleged].into(), ..Filter::default() };
        let one = Frame::of(&d, &[1], &f, "NE", Lang::En);
        let names: Vec<&str> = one.legend[0].entries.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(names, ["Dual-use goods"]);
        assert_eq!(one.legend[1].entries.len(), 1);
        assert!(one.legend[1].entries[0].1.starts_with("documented: "));
        assert!(!one.legend[2].entries.iter().any(|(s, _)| *s == Swatch::Undisclosed));
        assert_eq!(one.filters, "Filters on — claims: documented");
    }

    #[test]
    fn drawn_by_another_scale_the_width_key_follows_it() {
        let d = dataset();
        let frame = Frame::of(&d, &[0, 1], &Filter::default(), "NE", Lang::En);
        let before = frame.legend[2].entries.clone();
        let scale = WidthScale { max: WidthScale::for_dataset(&d).max * 100.0, unit: None };
        let after = frame.drawn_by(&d, &scale, Lang::En).legend[2].entries.clone();
        assert_ne!(before, after, "other amounts at the same widths");
        let widths = |e: &[(Swatch, String)]| {
            e.iter().filter(|(s, _)| matches!(s, Swatch::Width(_))).count()
        };
        assert_eq!(widths(&after), scale.legend_values().len());
        assert!(after.iter().any(|(s, _)| *s == Swatch::Undisclosed), "the rest is kept");
    }
}
