//! The tooltip shown for the flow under the pointer or keyboard focus.

use flowmap_core::dataset::Dataset;
use flowmap_core::describe::{route, source_line, sources_with_stance};
use flowmap_core::model::Stance;
use flowmap_core::format::flow_value;
use leptos::prelude::*;
use std::sync::Arc;

/// Which flow is hovered or focused, and where (pixels from the map's top left).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hover {
    /// Index into the dataset's flows.
    pub flow: usize,
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

/// Tooltip width in pixels; keep in step with `.tooltip` in the style sheet.
const WIDTH: f64 = 280.0;

/// Route, what moves, value, claim status and sources of the hovered flow.
#[component]
pub fn Tooltip(
    /// The flow to describe, if any.
    hover: ReadSignal<Option<Hover>>,
    /// Size of the map, to keep the tooltip inside it.
    size: ReadSignal<(f64, f64)>,
    /// The dataset the flow belongs to.
    dataset: Arc<Dataset>,
    /// Language of the text.
    lang: String,
) -> impl IntoView {
    move || {
        let h = hover.get()?;
        let flow = dataset.raw.flows.get(h.flow)?;
        let (w, height) = size.get();
        let width = WIDTH.min(w - 16.0);
        let left = (h.x + 14.0).min(w - width - 8.0).max(8.0);
        let (vertical, top) = if h.y > height * 0.55 { ("bottom", height - h.y + 14.0) } else { ("top", h.y + 14.0) };
        let style = format!("left:{left:.0}px;{vertical}:{top:.0}px;width:{width:.0}px");
        let period = flow.period.as_ref().map(|p| p.human()).filter(|p| !p.is_empty());
        let value = match period {
            Some(p) => format!("{} · {p}", flow_value(&flow.value)),
            None => flow_value(&flow.value),
        };
        let list = |stance| {
            sources_with_stance(&dataset, flow, Some(stance))
                .into_iter()
                .map(|s| view! { <li>{source_line(s)}</li> })
                .collect_view()
        };
        let (sources, disputed) = (list(Stance::Supports), list(Stance::Disputes));
        let has_disputes = flow.citations.iter().any(|c| c.stance == Stance::Disputes);
        Some(view! {
            <div class="tooltip" role="tooltip" style=style>
                <p class="route">{route(&dataset, flow, &lang)}</p>
                <p class="what">{flow.description.get(&lang).to_string()}</p>
                <p class="value">{value}</p>
                <p class="status">"Claim: " <strong>{flow.status.label()}</strong></p>
                <p class="sources-head">"Sources"</p>
                <ul class="sources">{sources}</ul>
                {has_disputes.then(|| view! {
                    <p class="sources-head">"Denied or disputed, as reported by"</p>
                    <ul class="sources">{disputed}</ul>
                })}
            </div>
        })
    }
}
