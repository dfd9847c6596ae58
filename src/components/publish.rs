//! Publishing tools under the map: downloads of the view and the data, and the embed code.

use crate::download::{save_png, save_text, ExportError, Failed};
use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::export::{csv, json, svg, xml_escape, Frame};
use flowmap_core::i18n::{tr, trf, Msg};
use flowmap_core::query::embed_url;
use leptos::prelude::*;

/// The SVG of the current view with its frame; `None` before the map has a size.
fn current_svg(data: &Loaded, state: MapState) -> Option<(String, f64, f64)> {
    let (width, height) = state.size.get_untracked();
    let mut layout = state.layout.get_untracked()?;
    let countries = state.countries.get_untracked()?;
    // As translucent as the canvas draws them.
    let opacity = state.line_opacity.get_untracked();
    // The canvas map's layout has every flow: keep those shown.
    state.shown.with_untracked(|shown| layout.flows.retain(|f| shown[f.index]));
    let mut frame = state.view.with_untracked(|v| {
        state.visible.with_untracked(|shown| {
            Frame::of(&data.dataset, shown, &v.filter, &data.atlas.credit, data.lang)
        })
    });
    if let Some(scale) = &layout.cluster_scale {
        frame = frame.drawn_by(&data.dataset, scale, data.lang);
    }
    frame.overlay = untrack(|| super::story::overlay(data, state)).unwrap_or_default();
    let (doc, total) = svg(&countries, &layout, width, height, opacity, &frame);
    Some((doc, width, total))
}

/// A file made from the view: its name and whether the browser took it.
pub type Exported = (String, Result<(), ExportError>);

/// Hears what became of a file: its name and whether the browser took it.
pub type Report = std::rc::Rc<dyn Fn(&str, Result<(), ExportError>)>;

/// Makes and saves the export `kind` (`svg`, `png-1x`, `png-2x`, `csv`, `json`) of what is
/// shown; `later` hears of a PNG step that fails after this returns. `None` before the map
/// has a size.
pub fn export(kind: &str, data: &Loaded, state: MapState, later: Report) -> Option<Exported> {
    let dataset = &data.dataset;
    let lang = data.lang;
    Some(match kind {
        "csv" => {
            let text = state.visible.with_untracked(|v| csv(dataset, v, lang));
            ("flows.csv".to_string(), save_text("flows.csv", "text/csv", &text))
        }
        "json" => {
            let text = state.visible.with_untracked(|v| json(dataset, v));
            ("flows.json".to_string(), save_text("flows.json", "application/json", &text))
        }
        picture => {
            let (doc, w, h) = current_svg(data, state)?;
            // `png-1x`, `png-2x`: saved as flowmap-1x.png, flowmap-2x.png.
            match picture.strip_prefix("png-").and_then(|s| s.strip_suffix('x')) {
                Some(scale) => {
                    let name = format!("flowmap-{scale}x.png");
                    let later_name = name.clone();
                    let later: Failed = std::rc::Rc::new(move |e| later(&later_name, Err(e)));
                    let scale = if scale == "1" { 1.0 } else { 2.0 };
                    let saved = save_png(&name, &doc, w, h, scale, later);
                    (name, saved)
                }
                None => {
                    ("flowmap.svg".to_string(), save_text("flowmap.svg", "image/svg+xml", &doc))
                }
            }
        }
    })
}

/// Buttons for SVG, PNG (at 1× and 2×, from the same SVG), CSV and JSON of what is shown.
#[component]
pub fn Downloads() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let lang = data.lang;
    // The last export the browser refused, if any: said under the buttons, detailed in the console.
    let failed = RwSignal::new(false);
    let report = move |name: &str, result: Result<(), ExportError>| {
        failed.set(result.is_err());
        if let Err(e) = result {
            leptos::logging::error!("flowmap: {name} was not saved: {e}");
        }
    };
    // One listener for every button, which it tells apart by `data-export` (a closure per
    // button costs the download more).
    let save = move |ev: leptos::ev::MouseEvent| {
        let Some(kind) =
            crate::dom::closest(&ev, "[data-export]").and_then(|b| b.get_attribute("data-export"))
        else {
            return;
        };
        // The export's code is in a chunk of its own (src/lazy.rs), fetched when the menu opens.
        let later: Report = std::rc::Rc::new(report);
        let data = data.clone();
        leptos::task::spawn_local(async move {
            match crate::lazy::save(kind, data, state, later).await {
                Ok(Some((name, result))) => report(&name, result),
                Ok(None) => {}
                Err(crate::lazy::ChunkFailed) => {
                    failed.set(true);
                    leptos::logging::error!("flowmap: the export's code could not be loaded");
                }
            }
        });
    };
    view! {
        <details class="downloads" name="toolbar-menu" on:toggle=|_| crate::lazy::prefetch_export()>
            <summary>{tr(lang, Msg::Download)}</summary>
            <div class="menu" on:click=save>
                <button type="button" data-export="svg">{tr(lang, Msg::MapSvg)}</button>
                <button type="button" data-export="png-1x">{trf(lang, Msg::MapPng, &["1×"])}</button>
                <button type="button" data-export="png-2x">{trf(lang, Msg::MapPng, &["2×"])}</button>
                <button type="button" data-export="csv">{tr(lang, Msg::DataCsv)}</button>
                <button type="button" data-export="json">{tr(lang, Msg::DataJson)}</button>
                {move || failed.get().then(|| view! { <p class="export-error" role="alert">{tr(lang, Msg::ExportFailed)}</p> })}
            </div>
        </details>
    }
}

/// The iframe snippet for this map, with the host script that sizes it.
#[component]
pub fn EmbedCode() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let lang = data.lang;
    // Attribute values: `&`, `<`, `>` and `"` escaped, so that no title or address can end
    // the attribute or be read as a character reference by the host page.
    let title =
        xml_escape(&trf(lang, Msg::FrameTitle, &[data.dataset.raw.meta.title.get(lang.tag())]));
    let state = expect_context::<MapState>();
    let search = crate::dom::search();
    let base = crate::dom::address();
    let folder = base.rsplit_once('/').map_or(base.clone(), |(f, _)| format!("{f}/"));
    let script = xml_escape(&format!("{folder}embed.js"));
    // The frame shows this page's dataset, language, theme and current view.
    let snippet = Memo::new(move |_| {
        let src = xml_escape(&embed_url(&folder, &search, &state.view.with(|v| v.to_hash())));
        format!(
            "<iframe src=\"{src}\" title=\"{title}\" data-flowmap width=\"100%\" height=\"700\" \
             style=\"border:0\" loading=\"lazy\"></iframe>\n<script src=\"{script}\" async></script>"
        )
    });
    let copied = RwSignal::new(false);
    view! {
        <details class="embed" name="toolbar-menu">
            <summary>{tr(lang, Msg::Embed)}</summary>
            <div class="menu">
                <label for="embed-code">{tr(lang, Msg::EmbedHelp)}</label>
                <textarea id="embed-code" readonly rows="4" prop:value=snippet></textarea>
                <button type="button" data-action="copy-embed" on:click=move |_| {
                    crate::dom::copy_text(&snippet.get_untracked(), move |ok| copied.set(ok));
                }>{move || tr(lang, if copied.get() { Msg::Copied } else { Msg::CopyCode })}</button>
            </div>
        </details>
    }
}
