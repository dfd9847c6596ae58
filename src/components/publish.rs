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
    let frame = state.view.with_untracked(|v| {
        state.visible.with_untracked(|shown| {
            Frame::of(&data.dataset, shown, &v.filter, &data.atlas.credit, data.lang)
        })
    });
    let (doc, total) = svg(&countries, &layout, width, height, opacity, &frame);
    Some((doc, width, total))
}

/// Buttons for SVG, PNG (at 1× and 2×, from the same SVG), CSV and JSON of what is shown.
#[component]
pub fn Downloads() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let lang = data.lang;
    let (d1, d2, d3, d4) = (data.clone(), data.clone(), data.clone(), data);
    let d2 = std::rc::Rc::new(d2);
    // The last export the browser refused, if any: said under the buttons, detailed in the console.
    let failed = RwSignal::new(false);
    let report = move |name: &str, result: Result<(), ExportError>| {
        failed.set(result.is_err());
        if let Err(e) = result {
            leptos::logging::error!("flowmap: {name} was not saved: {e}");
        }
    };
    // A PNG at `scale` times the map's size, called `flowmap-1x.png` or `flowmap-2x.png`.
    let png = move |scale: u8| {
        let name = format!("flowmap-{scale}x.png");
        let (later_name, data) = (name.clone(), d2.clone());
        let later: Failed = std::rc::Rc::new(move |e| report(&later_name, Err(e)));
        view! {
            <button type="button" data-export=format!("png-{scale}x") on:click=move |_| {
                if let Some((doc, w, h)) = current_svg(&data, state) { report(&name, save_png(&name, &doc, w, h, f64::from(scale), later.clone())) }
            }>{trf(lang, Msg::MapPng, &[&format!("{scale}×")])}</button>
        }
    };
    view! {
        <details class="downloads" name="toolbar-menu">
            <summary>{tr(lang, Msg::Download)}</summary>
            <div class="menu">
                <button type="button" data-export="svg" on:click=move |_| {
                    if let Some((doc, _, _)) = current_svg(&d1, state) { report("flowmap.svg", save_text("flowmap.svg", "image/svg+xml", &doc)) }
                }>{tr(lang, Msg::MapSvg)}</button>
                {png(1)}
                {png(2)}
                <button type="button" data-export="csv" on:click=move |_| {
                    let text = state.visible.with_untracked(|v| csv(&d3.dataset, v, d3.lang));
                    report("flows.csv", save_text("flows.csv", "text/csv", &text))
                }>{tr(lang, Msg::DataCsv)}</button>
                <button type="button" data-export="json" on:click=move |_| {
                    let text = state.visible.with_untracked(|v| json(&d4.dataset, v));
                    report("flows.json", save_text("flows.json", "application/json", &text))
                }>{tr(lang, Msg::DataJson)}</button>
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
