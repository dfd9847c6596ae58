//! What the first frame's tooltips say: for each flow the frame draws, the words of the app's
//! tooltip for it ([`flow_tip`]), written into the page
//! as JSON for `public/first-frame.js`, which shows them (as text, never as HTML) until the
//! app takes the frame over.

use crate::dataset::Dataset;
use crate::i18n::{tr, Lang, Msg};
use crate::layout::{flow_tip, FlowTip, MapLayout};
use serde_json::{json, Value};

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
    use crate::describe::{route, statements};
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
