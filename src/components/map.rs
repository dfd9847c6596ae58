//! The map: countries, flow arcs with arrowheads, location markers, and the tooltip.

use super::tooltip::{Hover, Tooltip};
use crate::load::Loaded;
use flowmap_core::describe::{accessible_name, location_name};
use flowmap_core::layout::{layout, preferred_height, MapLayout};
use leptos::prelude::*;

/// The interactive map, sized by its container and re-projected when that changes.
#[component]
pub fn FlowMap(
    /// The loaded dataset and geometry.
    data: Loaded,
    /// Language of names and labels.
    lang: String,
) -> impl IntoView {
    let frame = NodeRef::<leptos::html::Div>::new();
    let (size, set_size) = signal((0.0f64, 0.0f64));
    let (dataset, atlas) = (data.dataset.clone(), data.atlas.clone());
    // The width comes from the page; the height follows the data's shape.
    let measure = move || {
        if let Some(el) = frame.get_untracked() {
            let w = el.get_bounding_client_rect().width().round();
            if w != size.get_untracked().0 {
                set_size.set((w, preferred_height(&dataset, &atlas, w)));
            }
        }
    };
    let on_resize = measure.clone();
    Effect::new(move |_| {
        if frame.get().is_some() {
            measure();
        }
    });
    // The map lives as long as the page, so the listener is never removed.
    let _resize = window_event_listener(leptos::ev::resize, move |_| on_resize());

    let (dataset, atlas) = (data.dataset.clone(), data.atlas.clone());
    let laid_out = Memo::new(move |_| {
        let (w, h) = size.get();
        (w > 0.0 && h > 0.0).then(|| layout(&dataset, &atlas, w, h))
    });
    let (hover, set_hover) = signal(None::<Hover>);

    // Pointer position relative to the frame.
    let local = move |ev: &web_sys::MouseEvent| {
        frame.get_untracked().map(|el| {
            let r = el.get_bounding_client_rect();
            (ev.client_x() as f64 - r.left(), ev.client_y() as f64 - r.top())
        })
    };

    let dataset = data.dataset.clone();
    let draw = move |l: MapLayout| {
        let countries = l
            .countries
            .into_iter()
            .map(|c| {
                let class = if c.involved { "country involved" } else { "country" };
                view! { <path class=class d=c.d data-id=c.id /> }
            })
            .collect_view();
        let flows = l
            .flows
            .into_iter()
            .map(|f| {
                let flow = &dataset.raw.flows[f.index];
                let index = f.index;
                let anchor = f.legs.last().map(|leg| (leg.middle.x, leg.middle.y)).unwrap_or_default();
                let legs = f
                    .legs
                    .into_iter()
                    .map(|leg| {
                        view! {
                            <path class="hit" d=leg.line.clone() />
                            <path class="line" d=leg.line stroke=f.color />
                            <path class="arrow" d=leg.arrow fill=f.color />
                        }
                    })
                    .collect_view();
                view! {
                    <g
                        class="flow"
                        class:dimmed=move || hover.get().is_some_and(|h| h.flow != index)
                        class:active=move || hover.get().is_some_and(|h| h.flow == index)
                        data-flow-id=flow.id.clone()
                        tabindex="0"
                        role="img"
                        aria-label=accessible_name(&dataset, flow, &lang)
                        on:mouseenter=move |ev| {
                            if let Some((x, y)) = local(&ev) { set_hover.set(Some(Hover { flow: index, x, y })) }
                        }
                        on:mousemove=move |ev| {
                            if let Some((x, y)) = local(&ev) { set_hover.set(Some(Hover { flow: index, x, y })) }
                        }
                        on:mouseleave=move |_| set_hover.set(None)
                        on:focus=move |_| set_hover.set(Some(Hover { flow: index, x: anchor.0, y: anchor.1 }))
                        on:blur=move |_| set_hover.set(None)
                    >
                        {legs}
                    </g>
                }
            })
            .collect_view();
        let markers = l
            .markers
            .into_iter()
            .map(|m| {
                let mut name = location_name(&dataset, &m.id, &lang).to_string();
                if m.off_map {
                    name.push_str(" (off map)");
                }
                let (dx, anchor) = if m.label_left { (-6.0, "end") } else { (6.0, "start") };
                view! {
                    <g class="marker" class:off-map=m.off_map data-id=m.id>
                        <circle cx=m.at.x cy=m.at.y r="3.5" />
                        <text x=m.at.x + dx y=m.at.y - 6.0 text-anchor=anchor>{name}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <g class="countries" aria-hidden="true">{countries}</g>
            <g class="flows">{flows}</g>
            <g class="markers" aria-hidden="true">{markers}</g>
        }
    };

    let count = data.dataset.raw.flows.len();
    view! {
        <div
            class="map-frame"
            node_ref=frame
            style=move || format!("height:{}px", size.get().1)
        >
            <svg
                class="map"
                role="group"
                aria-label=format!("Map of {count} flows; use Tab to move between them")
                width=move || size.get().0
                height=move || size.get().1
                viewBox=move || format!("0 0 {} {}", size.get().0, size.get().1)
            >
                {move || laid_out.get().map(draw.clone())}
            </svg>
            <Tooltip hover size dataset=data.dataset.clone() lang=data.dataset.raw.meta.language.clone() />
        </div>
    }
}
