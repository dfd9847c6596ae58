//! The SVG download of the bundled map stands alone: it holds the legend of what is shown
//! (and nothing the filters hide), the width scale, the filters in words, the notes, the
//! sources and the credit, in every language; and no text runs past its edges, on a wide
//! and on a phone-sized map.

use flowmap_core::atlas::Atlas;
use flowmap_core::dataset::Dataset;
use flowmap_core::export::{svg, text_width, Frame};
use flowmap_core::filter::{indices, Filter};
use flowmap_core::i18n::{tr, Lang, Msg};
use flowmap_core::layout::{countries, layout, plan, preferred_height, projection, MapView};
use flowmap_core::legend::{LegendEntries, WidthKey};
use flowmap_core::model::ClaimStatus;
use flowmap_core::zoom::Zoom;
use std::path::Path;

fn public(file: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    std::fs::read_to_string(root.join(file)).unwrap()
}

/// A text element of the SVG: where it starts, its size and weight, and its text.
struct Text {
    x: f64,
    size: f64,
    bold: bool,
    text: String,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[start..].split('"').next()?.to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// Every `<text>` of `doc`, in order. (All the export's texts start at their `x`.)
fn texts(doc: &str) -> Vec<Text> {
    doc.split("<text ")
        .skip(1)
        .map(|part| {
            let (tag, rest) = part.split_once('>').unwrap();
            let tag = &format!(" {tag}");
            assert_eq!(attribute(tag, "text-anchor"), None, "every text starts at its x");
            Text {
                x: attribute(tag, "x").unwrap().parse().unwrap(),
                size: attribute(tag, "font-size").unwrap().parse().unwrap(),
                bold: attribute(tag, "font-weight").is_some(),
                text: unescape(rest.split("</text>").next().unwrap()),
            }
        })
        .collect()
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The export of the bundled map `width` pixels wide through `filter`, in `lang`.
fn export(filter: &Filter, width: f64, lang: Lang) -> (Dataset, Vec<usize>, String, f64) {
    let d = Dataset::from_json("flows.json", &public("data/flows.json")).unwrap();
    let atlas = Atlas::from_json(&public("atlas.json")).unwrap();
    let shown = indices(&filter.shown(
        &d,
        &flowmap_core::flow_codes::FlowCodes::of(&d),
        &filter.passes(&d),
    ));
    let height = preferred_height(&d, &atlas, width);
    let view = MapView { width, height, zoom: Zoom::default(), lang };
    let map = layout(&d, &atlas, &plan(&d, &atlas, &shown), &view);
    let shapes = countries(&atlas, &projection(&d, &atlas, width, height, Zoom::default()));
    let frame = Frame::of(&d, &shown, filter, &atlas.credit, lang);
    let (doc, _) = svg(&shapes, &map, width, height, 1.0, &frame);
    (d, shown, doc, width)
}

fn filtered() -> Filter {
    Filter {
        hidden_categories: ["energy".into(), "other-trade".into()].into(),
        hidden_statuses: [ClaimStatus::Unverified].into(),
        from: Some("2022-01".parse().unwrap()),
        to: Some("2023-12".parse().unwrap()),
        ..Filter::default()
    }
}

#[test]
fn no_text_runs_past_the_edges_at_1280_and_375_pixels() {
    for width in [1280.0, 375.0] {
        for filter in [Filter::default(), filtered()] {
            for lang in Lang::ALL {
                let (_, _, doc, width) = export(&filter, width, lang);
                for t in texts(&doc) {
                    let right = t.x + text_width(t.text.trim_end(), t.size, t.bold);
                    assert!(
                        t.x >= 0.0 && right <= width,
                        "{width} px, {lang:?}: {:?} runs from {} to {right}",
                        t.text,
                        t.x
                    );
                }
            }
        }
    }
}

#[test]
fn the_legend_holds_what_is_shown_and_nothing_the_filters_hide() {
    let filter = filtered();
    for lang in Lang::ALL {
        let (d, shown, doc, _) = export(&filter, 1280.0, lang);
        let lines: Vec<String> = texts(&doc).into_iter().map(|t| t.text).collect();
        let all = words(&lines.join(" "));
        let used = LegendEntries::of(&d, &flowmap_core::flow_codes::FlowCodes::of(&d), &shown);
        for (k, c) in d.raw.categories.iter().enumerate() {
            let name = words(c.name.get(lang.tag()));
            assert_eq!(all.contains(&name), used.categories.contains(&k), "{lang:?}: {name}");
        }
        assert!(
            used.categories.len() < d.categories_in_use().count(),
            "the filter hides some goods"
        );
        for s in ClaimStatus::ALL {
            let entry = format!("{}: {}", s.label(lang), s.explanation(lang));
            assert_eq!(all.contains(&entry), used.statuses.contains(&s), "{lang:?}: {entry}");
        }
        let key = WidthKey::of(&d, lang);
        assert!(!key.samples.is_empty());
        for (_, sample) in &key.samples {
            assert!(lines.contains(sample), "{lang:?}: width sample {sample}");
        }
        // Dollars and euros: the hint that says amounts are compared as stated.
        assert!(all.contains(&words(&tr(lang, Msg::WidthHint))), "{lang:?}: width hint");
    }
}

#[test]
fn the_filters_notes_sources_and_credit_are_in_every_language() {
    for lang in Lang::ALL {
        let (d, _, doc, _) = export(&filtered(), 375.0, lang);
        let all = words(&texts(&doc).into_iter().map(|t| t.text).collect::<Vec<_>>().join(" "));
        let frame = Frame::of(&d, &[], &filtered(), "Natural Earth", lang);
        assert!(!frame.filters.is_empty());
        let meta = &d.raw.meta;
        for text in [
            meta.title.get(lang.tag()),
            meta.subtitle.as_ref().unwrap().get(lang.tag()),
            meta.notes.as_ref().unwrap().get(lang.tag()),
            &frame.sources,
        ] {
            assert!(all.contains(&words(text)), "{lang:?} lacks {text}");
        }
        let period = flowmap_core::date::Period {
            start: Some("2022-01".parse().unwrap()),
            end: Some("2023-12".parse().unwrap()),
        };
        assert!(all.contains(&words(&period.human(lang))), "{lang:?}: the period");
        assert!(
            all.contains(&words(&tr(lang, Msg::ExportFilters).replace(" {0}", ""))),
            "{lang:?}"
        );
        assert!(all.contains("Natural Earth"), "{lang:?}: the map's credit");
        assert!(all.contains(&words(meta.credit.as_ref().unwrap().get(lang.tag()))));
        // Nothing is said of the filters when none is on.
        let (_, _, plain, _) = export(&Filter::default(), 375.0, lang);
        let plain = words(&texts(&plain).into_iter().map(|t| t.text).collect::<Vec<_>>().join(" "));
        assert!(!plain.contains(&words(&tr(lang, Msg::ExportFilters).replace(" {0}", ""))));
    }
}

#[test]
fn dataset_text_is_escaped() {
    let mut d = Dataset::from_json("flows.json", &public("data/flows.json")).unwrap();
    d.raw.meta.title = "<script>alert(1)</script> & \"quoted\"".into();
    d.raw.categories[0].name = "<b>arms</b>".into();
    let all: Vec<usize> = (0..d.raw.flows.len()).collect();
    let frame = Frame::of(&d, &all, &Filter::default(), "NE", Lang::En);
    let empty = flowmap_core::layout::MapLayout::default();
    let (doc, _) = svg(&[], &empty, 800.0, 400.0, 1.0, &frame);
    assert!(!doc.contains("<script") && !doc.contains("<b>"));
    assert!(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"));
    assert!(doc.contains("&lt;b&gt;arms&lt;/b&gt;"));
}
