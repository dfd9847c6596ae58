//! Flows drawn on canvases, for datasets too large for several SVG elements per flow.
//!
//! A canvas per category shows the flows that pass the filters, stroked in batches of one
//! style ([`flowmap_core::batch`]) and painted a slice per frame ([`Painter`]), so that the
//! page answers the reader while thousands of curves are drawn. A category filter only shows
//! or hides a layer. The SVG keeps, as focusable elements for keyboards and screen readers,
//! the largest flows of each category ([`flowmap_core::focusable`]) and whatever is hovered,
//! focused or pinned; those are invisible until highlighted, when the layers dim behind them
//! as the SVG map's flows do. A category filter hides its SVG flows too, rather than
//! replacing them.

use super::canvas_painter::Painter;
use crate::load::Loaded;
use crate::state::{MapState, Target};
use flowmap_core::batch::strokes;
use flowmap_core::dataset::Dataset;
use flowmap_core::focusable::{self, DOM_FLOWS};
use leptos::prelude::*;
use std::sync::Arc;

/// The canvas layers, one per category in use, to sit between the countries and the SVG
/// with the markers.
#[component]
pub fn FlowLayers(
    /// True while a flow or location is highlighted (or a flow pinned): the layers dim.
    dimmed: Signal<bool>,
    /// The layer of each flow, by dataset index ([`flowmap_core::batch::layer_of`]).
    layers: Arc<Vec<usize>>,
    /// True once the rest of the map is mounted: the painting waits for it, so that the
    /// countries and places come first.
    whole: Memo<bool>,
) -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let passes = state.passes;
    let categories: Vec<String> =
        data.dataset.categories_in_use().map(|(_, c)| c.id.clone()).collect();
    let canvases: Vec<NodeRef<leptos::html::Canvas>> =
        categories.iter().map(|_| NodeRef::new()).collect();
    let painter = Painter::new(state.painted, state.layout);
    let zoom = state.zoom;
    {
        let canvases = canvases.clone();
        let painter = painter.clone();
        Effect::new(move |_| {
            let Some(elements) = canvases.iter().map(|c| c.get()).collect::<Option<Vec<_>>>()
            else {
                return;
            };
            if !whole.get() {
                return;
            }
            // Repaint when any of these change.
            state.size.track();
            passes.track();
            state.layout.track();
            state.line_opacity.track();
            let (layers, count) = (layers.clone(), canvases.len());
            painter.request(elements, move || {
                let view = (state.size.get_untracked(), state.laid_out_zoom());
                passes.with_untracked(|passes| {
                    state.layout.with_untracked(|l| {
                        let opacity = state.line_opacity.get_untracked();
                        l.as_ref()
                            .map(|l| (strokes(&l.flows, &layers, count, passes, opacity), view))
                    })
                })
            });
        });
    }
    // While a zoomed map is being painted, the layers show the last painting moved and scaled
    // to where its flows now are.
    let painted = send_wrapper::SendWrapper::new(painter);
    let shift = Memo::new(move |_| {
        painted.painted.track();
        let now = zoom.get();
        painted
            .painted_zoom()
            .filter(|then| *then != now)
            .map(|then| now.relative_to(then).matrix())
    });
    let layers = categories
        .into_iter()
        .zip(canvases)
        .map(|(id, canvas)| {
            let hidden = move || state.categories.with(|c| c.hidden_categories.contains(&id));
            view! { <canvas node_ref=canvas class:hidden=hidden></canvas> }
        })
        .collect_view();
    view! {
        <div
            class="flow-layers"
            class:dimmed=move || dimmed.get()
            style:transform=move || shift.get()
            aria-hidden="true"
        >
            {layers}
        </div>
    }
}

/// The flows to keep in the SVG: the largest of each category that pass the other filters
/// ([`focusable::largest`]), and the highlighted ones, in dataset order.
pub fn dom_flows(
    state: MapState,
    dataset: Arc<Dataset>,
    layer_of: Arc<Vec<usize>>,
) -> Memo<Vec<usize>> {
    let categories = dataset.categories_in_use().count();
    let largest = Memo::new(move |_| {
        state.layout.with(|l| {
            let Some(l) = l else { return Vec::new() };
            let passes = state.passes.read();
            focusable::largest(&l.flows, &passes, &layer_of, categories, DOM_FLOWS)
        })
    });
    Memo::new(move |_| {
        let largest = largest.get();
        state.layout.with(|l| {
            let Some(l) = l else { return largest };
            let mut highlighted = Vec::new();
            match state.target.get() {
                Some(Target::Flow(i)) => highlighted.push(i),
                Some(Target::Location(id)) => {
                    let shown = state.shown.read();
                    // A cluster's flows: those through any of its places.
                    let on_route = |i: usize| {
                        dataset
                            .stops(&dataset.raw.flows[i])
                            .any(|s| s == id || l.marker_of(s) == id)
                    };
                    highlighted.extend(
                        l.flows.iter().map(|f| f.index).filter(|i| shown[*i] && on_route(*i)),
                    );
                }
                None => {}
            }
            highlighted.extend(state.pinned.get().and_then(|i| l.line_of(i)).map(|f| f.index));
            focusable::with_highlighted(largest, highlighted)
        })
    })
}
