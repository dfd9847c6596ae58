//! The legend: what the colours and arrows mean.

use flowmap_core::dataset::Dataset;
use flowmap_core::palette::category_color;
use leptos::prelude::*;
use std::sync::Arc;

/// Category colours of the flows shown, in dataset order.
#[component]
pub fn Legend(
    /// The dataset whose categories are listed.
    dataset: Arc<Dataset>,
    /// Language of the labels.
    lang: String,
) -> impl IntoView {
    let used = |id: &str| dataset.raw.flows.iter().any(|f| f.category == id);
    let items = dataset
        .raw
        .categories
        .iter()
        .enumerate()
        .filter(|(_, c)| used(&c.id))
        .map(|(i, c)| {
            let color = category_color(i);
            view! {
                <li>
                    <svg class="swatch" width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
                        <path d="M1,6 L24,6" stroke=color stroke-width="3" />
                        <path d="M33,6 L24,1.5 L24,10.5 Z" fill=color />
                    </svg>
                    {c.name.get(&lang).to_string()}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="legend" aria-label="Legend">
            <ul>{items}</ul>
            <p class="legend-hint">"Arrows point to the destination; a route through another country bends at it."</p>
        </section>
    }
}
