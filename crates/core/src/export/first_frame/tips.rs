//! What the first frame's tooltips say: for each flow the frame draws, the words of the app's
//! tooltip (src/components/tooltip.rs) for it, from the same functions, written into the page
//! as JSON for `public/first-frame.js`, which shows them (as text, never as HTML) until the
//! app takes the frame over.

use crate::bundle::{line_span, line_speakers, line_total};
use crate::dataset::Dataset;
use crate::describe::{route, statements};
use crate::format::flow_value;
use crate::i18n::{tr, Lang, Msg};
use crate::layout::MapLayout;
use serde_json::{json, Value};

/// One statement in a flow's tooltip: "Russia's SVR claims", "(reported by RKS News)", and
/// whether it is against the flow (the app marks those).
#[derive(Debug, Clone, PartialEq)]
pub struct TipSource {
    /// Who says what ([`crate::describe::Statement::head`]).
    pub head: String,
    /// Where it was reported, in brackets, or nothing.
    pub reported: Option<String>,
    /// True when the speaker denies or disputes the flow.
    pub against: bool,
}

/// The words of the app's tooltip for a flow as `layout` draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowTip {
    /// The route, or the clusters a line joins.
    pub route: String,
    /// What moves: the flow's description, or a line's category.
    pub what: String,
    /// The figure (and period), or what a line's flows add up to.
    pub value: String,
    /// The claim's status ("Alleged").
    pub status: String,
    /// Who says so, for one flow.
    pub sources: Vec<TipSource>,
    /// Whose statements a line of several flows rests on.
    pub speakers: Option<String>,
}

/// The tooltip of flow `index` as the app composes it for `layout`, in `lang`; `None` for an
/// index the dataset does not have.
///
/// # Examples
/// ```
/// use flowmap_core::{atlas::Atlas, dataset::Dataset, i18n::Lang, layout::*, zoom::Zoom};
/// use flowmap_core::export::flow_tip;
/// let d = Dataset::from_json("d", include_str!("../../../tests/fixtures/two_flows.json")).unwrap();
/// let atlas = Atlas { credit: String::new(), bbox: [0.0; 4], countries: vec![] };
/// let every = [0, 1];
/// let view = MapView { width: 800.0, height: 500.0, zoom: Zoom::IDENTITY, lang: Lang::En };
/// let l = layout(&d, &atlas, &plan(&d, &atlas, &every), &view);
/// let tip = flow_tip(&d, &l, 0, Lang::En).unwrap();
/// assert!(tip.route.contains(" → "));
/// ```
pub fn flow_tip(
    dataset: &Dataset,
    layout: &MapLayout,
    index: usize,
    lang: Lang,
) -> Option<FlowTip> {
    let flow = dataset.raw.flows.get(index)?;
    let line = layout.flow(index).filter(|s| !s.others.is_empty()).map(|s| {
        let members = s.members();
        let total = line_total(members.len(), s.sum.as_ref(), s.undisclosed, lang);
        let span = line_span(dataset, &members, lang);
        let total = if span.is_empty() { total } else { format!("{total} · {span}") };
        (total, line_speakers(dataset, &members, lang))
    });
    let period = flow.period.as_ref().map(|p| p.human(lang)).filter(|p| !p.is_empty());
    let value = match (&line, period) {
        (Some((total, _)), _) => total.clone(),
        (None, Some(p)) => format!("{} · {p}", flow_value(&flow.value, lang)),
        (None, None) => flow_value(&flow.value, lang),
    };
    let what = match &line {
        Some(_) => dataset
            .category(&flow.category)
            .map(|(_, c)| c.name.get(lang.tag()).to_string())
            .unwrap_or_default(),
        None => flow.description.get(lang.tag()).to_string(),
    };
    let said = if line.is_some() { Vec::new() } else { statements(dataset, flow) };
    let sources = said
        .into_iter()
        .map(|st| TipSource {
            head: st.head(lang),
            reported: st.reported(lang).map(|r| format!(" ({r})")),
            against: st.stance.is_against(),
        })
        .collect();
    Some(FlowTip {
        route: layout
            .between_words(index)
            .map_or_else(|| route(dataset, flow, lang), str::to_string),
        what,
        value,
        status: flow.status.label(lang),
        sources,
        speakers: line.map(|(_, names)| names),
    })
}

impl FlowTip {
    /// The tip as the page's script reads it: `[route, what, value, status, [[head,
    /// reported, against]…], speakers]` (reported and speakers `null` when absent, against
    /// 1 or 0).
    fn json(&self) -> Value {
        let sources: Vec<Value> =
            self.sources.iter().map(|s| json!([s.head, s.reported, u8::from(s.against)])).collect();
        json!([self.route, self.what, self.value, self.status, sources, self.speakers])
    }
}

/// Collects the tips of the frame's pictures, each different tip once.
#[derive(Debug, Default)]
pub struct Tips(Vec<Value>);

impl Tips {
    /// The number of the tip of flow `index` as `layout` draws it (added if new).
    pub fn add(
        &mut self,
        dataset: &Dataset,
        layout: &MapLayout,
        index: usize,
        lang: Lang,
    ) -> Option<usize> {
        let tip = flow_tip(dataset, layout, index, lang)?.json();
        Some(self.0.iter().position(|t| *t == tip).unwrap_or_else(|| {
            self.0.push(tip);
            self.0.len() - 1
        }))
    }

    /// The block the page's script reads: the words every tooltip shares (claim, who says
    /// what, the hint) and the tips, as JSON in a `<script type="application/json">`, with
    /// every `<` escaped so that no dataset text can end the block.
    pub fn script(&self, lang: Lang) -> String {
        let shared = json!([
            tr(lang, Msg::ClaimColon),
            tr(lang, Msg::WhoSaysWhat),
            tr(lang, Msg::ClickHint)
        ]);
        let body = json!([shared, self.0]).to_string().replace('<', "\\u003c");
        format!("<script type=\"application/json\" id=\"ff-tips\">{body}</script>")
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::atlas::Atlas;
    use crate::export::first_frame;
    use crate::layout::{layout, plan, preferred_height, MapView};
    use crate::zoom::Zoom;

    fn bundled() -> (Dataset, Atlas) {
        let d =
            Dataset::from_json("flows.json", include_str!("../../../../../public/data/flows.json"))
                .unwrap();
        let atlas = Atlas::from_json(include_str!("../../../../../public/atlas.json")).unwrap();
        (d, atlas)
    }

    /// The tips block of a frame, read back as the page's script reads it.
    fn written(html: &str) -> Value {
        let start = html.find("id=\"ff-tips\">").unwrap() + "id=\"ff-tips\">".len();
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end]).unwrap()
    }

    #[test]
    fn each_drawn_flow_of_the_bundled_view_says_what_the_app_says_for_it() {
        let (d, atlas) = bundled();
        for lang in [Lang::En, Lang::Ru] {
            let html = first_frame(&d, &atlas, lang);
            let page = written(&html);
            let every: Vec<usize> = (0..d.raw.flows.len()).collect();
            let width = super::super::WIDE_WIDTH;
            let view = MapView {
                width,
                height: preferred_height(&d, &atlas, width),
                zoom: Zoom::IDENTITY,
                lang,
            };
            let l = layout(&d, &atlas, &plan(&d, &atlas, &every), &view);
            assert_eq!(page[0][1], tr(lang, Msg::WhoSaysWhat));
            // The wide picture's flows, in drawing order, with the number of their tip.
            let wide = &html[..html.find("ff-narrow").unwrap()];
            let numbers: Vec<usize> = wide
                .split("<g class=\"flow\" data-tip=\"")
                .skip(1)
                .map(|t| t[..t.find('"').unwrap()].parse().unwrap())
                .collect();
            assert_eq!(numbers.len(), l.flows.len());
            for (shape, n) in l.flows.iter().zip(numbers) {
                let tip = &page[1][n];
                let flow = &d.raw.flows[shape.index];
                // The app's words: its route, what, figure, claim and who says so.
                let app = flow_tip(&d, &l, shape.index, lang).unwrap();
                assert_eq!(*tip, app.json());
                if shape.others.is_empty() && l.between_words(shape.index).is_none() {
                    assert_eq!(tip[0], route(&d, flow, lang));
                    let heads: Vec<String> =
                        statements(&d, flow).iter().map(|s| s.head(lang)).collect();
                    let written: Vec<&str> =
                        tip[4].as_array().unwrap().iter().map(|s| s[0].as_str().unwrap()).collect();
                    assert!(!heads.is_empty(), "{}", tip[0]);
                    assert_eq!(written, heads);
                }
            }
        }
    }

    #[test]
    fn dataset_text_cannot_end_the_block() {
        let json = include_str!("../../../tests/fixtures/two_flows.json").replacen(
            "\"name\": \"Serbia\"",
            "\"name\": \"</script><b>Serbia\"",
            1,
        );
        let d = Dataset::from_json("t", &json).unwrap();
        let atlas = Atlas { credit: String::new(), bbox: [0.0; 4], countries: vec![] };
        let html = first_frame(&d, &atlas, Lang::En);
        let block = &html[html.find("id=\"ff-tips\"").unwrap()..];
        assert_eq!(block.matches("</script>").count(), 1);
        assert!(!block.contains("<b>"));
    }
}
