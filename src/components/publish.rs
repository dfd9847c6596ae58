//! Publishing tools under the map: downloads of the view and the data, and the embed code.

use crate::download::{save_png, save_text};
use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::describe::{credit_sources, location_name};
use flowmap_core::export::{csv, json, svg, Frame};
use flowmap_core::filter::STATUSES;
use flowmap_core::palette::{category_color, dasharray};
use leptos::prelude::*;

/// The SVG of the current view with its frame; `None` before the map has a size.
fn current_svg(data: &Loaded, state: MapState) -> Option<(String, f64, f64)> {
    let dataset = &data.dataset;
    let lang = &dataset.raw.meta.language;
    let (width, height) = state.size.get_untracked();
    let layout = state.layout.get_untracked()?;
    let meta = &dataset.raw.meta;
    let frame = Frame {
        title: meta.title.get(lang).to_string(),
        subtitle: meta.subtitle.as_ref().map(|s| s.get(lang).to_string()).unwrap_or_default(),
        categories: dataset
            .raw
            .categories
            .iter()
            .enumerate()
            .filter(|(_, c)| dataset.raw.flows.iter().any(|f| f.category == c.id))
            .map(|(i, c)| (category_color(i).to_string(), c.name.get(lang).to_string()))
            .collect(),
        statuses: STATUSES
            .iter()
            .filter(|s| dataset.raw.flows.iter().any(|f| f.status == **s))
            .map(|s| (dasharray(*s, 2.5).unwrap_or_default(), s.label().to_string()))
            .collect(),
        sources: credit_sources(dataset),
        credit: format!(
            "{}Map: {}",
            meta.credit.as_ref().map(|c| format!("{}. ", c.get(lang))).unwrap_or_default(),
            data.atlas.credit
        ),
    };
    let names: Vec<(String, String)> =
        layout.markers.iter().map(|m| (m.id.clone(), location_name(dataset, &m.id, lang).to_string())).collect();
    let doc = svg(&layout, &names, width, height, &frame);
    // The document's own size, read back from its root element.
    let total = doc
        .split("height=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|h| h.parse::<f64>().ok())
        .unwrap_or(height);
    Some((doc, width, total))
}

/// Buttons for SVG, PNG (2×), CSV and JSON of what is shown.
#[component]
pub fn Downloads() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let (d1, d2, d3, d4) = (data.clone(), data.clone(), data.clone(), data);
    view! {
        <details class="downloads">
            <summary>"Download"</summary>
            <div class="menu">
                <button type="button" on:click=move |_| {
                    if let Some((doc, _, _)) = current_svg(&d1, state) { save_text("flowmap.svg", "image/svg+xml", &doc) }
                }>"Map as SVG"</button>
                <button type="button" on:click=move |_| {
                    if let Some((doc, w, h)) = current_svg(&d2, state) { save_png("flowmap.png", &doc, w, h, 2.0) }
                }>"Map as PNG (2×)"</button>
                <button type="button" on:click=move |_| {
                    let text = state.visible.with_untracked(|v| csv(&d3.dataset, v, &d3.dataset.raw.meta.language));
                    save_text("flows.csv", "text/csv", &text)
                }>"Data shown (CSV)"</button>
                <button type="button" on:click=move |_| {
                    let text = state.visible.with_untracked(|v| json(&d4.dataset, v));
                    save_text("flows.json", "application/json", &text)
                }>"Data shown (JSON)"</button>
            </div>
        </details>
    }
}

/// The iframe snippet for this map, with the host script that sizes it.
#[component]
pub fn EmbedCode() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let title = data.dataset.raw.meta.title.get(&data.dataset.raw.meta.language).replace('"', "&quot;");
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .map(|l| format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default()))
        .unwrap_or_default();
    let folder = base.rsplit_once('/').map_or(base.clone(), |(f, _)| format!("{f}/"));
    let snippet = format!(
        "<iframe src=\"{folder}?embed=1\" title=\"Map: {title}\" data-flowmap width=\"100%\" height=\"700\" \
         style=\"border:0\" loading=\"lazy\"></iframe>\n<script src=\"{folder}embed.js\" async></script>"
    );
    let copied = RwSignal::new(false);
    let text = snippet.clone();
    view! {
        <details class="embed">
            <summary>"Embed"</summary>
            <div class="menu">
                <label for="embed-code">"Paste this into the article (the script sizes the frame to the map):"</label>
                <textarea id="embed-code" readonly rows="4">{snippet}</textarea>
                <button type="button" on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.navigator().clipboard().write_text(&text);
                        copied.set(true);
                    }
                }>{move || if copied.get() { "Copied" } else { "Copy code" }}</button>
            </div>
        </details>
    }
}
