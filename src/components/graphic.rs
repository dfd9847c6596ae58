//! The graphic as a document: title, filters, map with its detail panel, legend, notes,
//! sources and credits.

use super::filters::Filters;
use super::legend::Legend;
use super::map::FlowMap;
use super::panel::DetailPanel;
use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::describe::credit_sources;
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
    view! {
        <article class="graphic" aria-labelledby="graphic-title">
            <header>
                <h1 id="graphic-title">{title}</h1>
                {subtitle.map(|s| view! { <p class="subtitle">{s}</p> })}
            </header>
            <div class="map-wrap">
                <FlowMap />
                <DetailPanel />
            </div>
            <Filters />
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
