//! The graphic as a document: title, filters, map with its detail panel, legend, notes,
//! sources and credits.

use super::filters::Filters;
use super::legend::Legend;
use super::map::FlowMap;
use super::panel::DetailPanel;
use super::publish::{Downloads, EmbedCode};
use super::table::FlowTable;
use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::describe::{credit_sources, summary};
use leptos::prelude::*;

/// Title, map, legend and credit lines of one dataset.
#[component]
pub fn Graphic(
    /// The loaded dataset and geometry.
    data: Loaded,
) -> impl IntoView {
    let state = MapState::new(&data);
    provide_context(data.clone());
    provide_context(state);
    let lang = data.dataset.raw.meta.language.clone();
    let meta = &data.dataset.raw.meta;
    let title = meta.title.get(&lang).to_string();
    let subtitle = meta.subtitle.as_ref().map(|s| s.get(&lang).to_string());
    let notes = meta.notes.as_ref().map(|s| s.get(&lang).to_string());
    let credit = meta.credit.as_ref().map(|s| s.get(&lang).to_string());
    let sources = credit_sources(&data.dataset);
    let map_credit = data.atlas.credit.clone();
    let skipped = data.dataset.problems.clone();
    let dataset = data.dataset.clone();
    let summary_lang = lang.clone();
    let summary_text = move || state.visible.with(|v| summary(&dataset, v, &summary_lang));
    let table = state.table;
    // Embedded in an article: the graphic only, without the tools.
    let tools = !crate::embed::is_embed();
    view! {
        <article class="graphic" class:embedded=!tools aria-labelledby="graphic-title">
            <header>
                <h1 id="graphic-title">{title}</h1>
                {subtitle.map(|s| view! { <p class="subtitle">{s}</p> })}
                <p class="summary">{summary_text}</p>
            </header>
            <div class="map-wrap" class:hidden=move || table.get() class:panel-left=move || state.panel_left.get()>
                <FlowMap />
                <DetailPanel />
            </div>
            {move || table.get().then(|| view! { <FlowTable /> })}
            <Show when=move || tools>
            <div class="toolbar">
                <div class="view-switch" role="group" aria-label="Show as">
                    <button type="button" aria-pressed=move || (!table.get()).to_string() on:click=move |_| table.set(false)>"Map"</button>
                    <button type="button" aria-pressed=move || table.get().to_string() on:click=move |_| table.set(true)>"Table"</button>
                </div>
                <details class="keys">
                    <summary>"Keyboard"</summary>
                    <ul>
                        <li><kbd>"Tab"</kbd>" reaches the map, then the controls"</li>
                        <li><kbd>"←"</kbd>" "<kbd>"→"</kbd>" move between flows (or places)"</li>
                        <li><kbd>"Enter"</kbd>" or "<kbd>"Space"</kbd>" opens a flow's details"</li>
                        <li><kbd>"Esc"</kbd>" closes them"</li>
                        <li><kbd>"+"</kbd>" "<kbd>"−"</kbd>" zoom, "<kbd>"0"</kbd>" resets"</li>
                    </ul>
                </details>
                <div class="publish">
                    <Downloads />
                    <EmbedCode />
                </div>
            </div>
            <Filters />
            </Show>
            <Legend />
            <footer>
                {notes.map(|n| view! { <p class="notes">{n}</p> })}
                <p class="sources">
                    <span class="label">"Source: "</span>
                    {sources}
                </p>
                <p class="credit">
                    {credit.map(|c| format!("{c}. "))}
                    "Map: "
                    {map_credit}
                </p>
                {(!skipped.is_empty()).then(|| view! {
                    <section class="problems" aria-labelledby="problems-title">
                        <h2 id="problems-title">{format!("{} problems in the data; what they affect is not shown", skipped.len())}</h2>
                        <ul>
                            {skipped.into_iter().map(|p| view! { <li><code>{p.path}</code>": "{p.message}</li> }).collect_view()}
                        </ul>
                    </section>
                })}
            </footer>
        </article>
    }
}
