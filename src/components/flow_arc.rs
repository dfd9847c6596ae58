//! One flow on the map: its legs, their arrowheads, and its interactions.

use super::chooser::Chooser;
use super::roving::Roving;
use crate::load::Loaded;
use crate::state::{pointer_in_frame, Hover, MapState, Target};
use flowmap_core::decimal::{Fixed, Shortest};
use flowmap_core::describe::accessible_name;
use flowmap_core::layout::{MapLayout, AGAINST_MARK, AGAINST_MARK_RADIUS};
use flowmap_core::pick::MIN_TARGET;
use flowmap_core::roving::Stop;
use leptos::prelude::*;

/// The arcs of flow `index`; hovering, focusing or selecting any leg highlights the route.
#[component]
pub fn FlowArc(
    /// Index of the flow in the dataset.
    index: usize,
    /// The current layout.
    laid_out: Memo<Option<MapLayout>>,
) -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let roving = expect_context::<Roving>();
    let chooser = expect_context::<Chooser>();
    let flow = data.dataset.raw.flows[index].clone();
    let shape = Memo::new(move |_| laid_out.with(|l| l.as_ref()?.flow(index).cloned()));
    let route: Vec<String> = data.dataset.route(&flow).into_iter().map(String::from).collect();
    let id = flow.id.clone();
    // Pinned: this flow, or one of the others its line stands for.
    let selected = Memo::new(move |_| {
        state.pinned.get().is_some_and(|p| {
            laid_out
                .with(|l| l.as_ref().and_then(|l| l.line_of(p)).is_some_and(|f| f.index == index))
        })
    });
    // Highlighted: hovered or focused (or on the hovered location's routes), else pinned.
    // The others are dimmed by one class on the map (`focusing`), not one per flow, so that a
    // hover changes a few elements rather than every flow.
    let active = Memo::new(move |_| {
        state.target.with(|t| match t {
            Some(Target::Flow(i)) => *i == index,
            Some(Target::Location(id)) => {
                route.contains(id)
                    || laid_out.with(|l| {
                        l.as_ref().is_some_and(|l| {
                            l.cluster(id).is_some() && route.iter().any(|s| l.marker_of(s) == id)
                        })
                    })
            }
            None => selected.get(),
        })
    });

    // Where the tooltip goes when the flow is focused: the middle of its last leg, where the
    // reader sees it.
    let anchor = move || {
        shape
            .with_untracked(|s| {
                s.as_ref()
                    .and_then(|s| s.legs.last())
                    .map(|l| state.to_frame(l.middle.x, l.middle.y))
            })
            .unwrap_or_default()
    };
    let hover_at = move |x: f64, y: f64| state.hover.set(Some(Hover::Flow { index, x, y }));
    let toggle = {
        let dataset = data.dataset.clone();
        move || state.toggle_line(&dataset, index)
    };
    let toggle_key = toggle.clone();

    // A line that stands for several flows is named for all of them.
    let label = {
        let (dataset, lang) = (data.dataset.clone(), data.lang);
        let own = accessible_name(&dataset, &flow, lang);
        move || {
            shape.with(|s| match s {
                Some(s) if !s.others.is_empty() => laid_out.with(|l| match l {
                    Some(l) => l.line_name(&dataset, s, lang),
                    None => own.clone(),
                }),
                _ => own.clone(),
            })
        }
    };
    let on_canvas = state.on_canvas;
    view! {
        <g
            class="flow"
            class:active=move || active.get()
            class:selected=move || selected.get()
            // On a canvas map the SVG keeps a flow while its category is switched off.
            class:filtered=move || on_canvas && !state.shown.with(|s| s[index])
            data-flow-id=id
            // One flow or marker of the map takes Tab ([`Roving`]).
            tabindex=roving.tabindex(Stop::Flow(index))
            role="button"
            aria-pressed=move || if selected.get() { "true" } else { "false" }
            aria-label=label
            on:mouseenter=move |ev| if let Some((x, y)) = pointer_in_frame(&ev) { hover_at(x, y) }
            on:mousemove=move |ev| if let Some((x, y)) = pointer_in_frame(&ev) { hover_at(x, y) }
            on:mouseleave=move |_| state.hover.set(None)
            on:focus=move |_| {
                roving.focused(Stop::Flow(index));
                let (x, y) = anchor();
                hover_at(x, y)
            }
            on:blur=move |_| state.hover.set(None)
            // A finger on crowded lines is offered the flows under it instead.
            on:click=move |ev| if !chooser.offer(&ev, |x, y| chooser.near_on_svg(x, y)) { toggle() }
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    toggle_key();
                }
            }
        >
            {move || shape.get().map(|f| {
                // A mouse is precise: 5 px either side of the line (at least 14 px), so that a
                // line under another's hit path can still be pointed at. A finger gets at
                // least 24 px (`.hit.thin` under a coarse pointer in public/style.css).
                let hit_width = (f.width + 10.0).max(14.0);
                let hit_class = if hit_width < MIN_TARGET { "hit thin" } else { "hit" };
                let dash = f.dasharray();
                let legs = f.legs.iter().map(|leg| {
                    let line = leg.line();
                    view! {
                        // On a canvas map the pointer finds flows by index, not by this path.
                        {(!on_canvas).then(|| view! { <path class=hit_class d=line.clone() stroke-width=Shortest(hit_width).to_string() /> })}
                        {f.undisclosed.then(|| view! { <path class="band" d=line.clone() stroke=f.color /> })}
                        <path class="line" d=line.clone() stroke=f.color stroke-width=Shortest(f.width).to_string() stroke-dasharray=dash.clone() />
                        <path class="arrow" d=leg.arrow() fill=f.color />
                    }
                }).collect_view();
                // Denied or disputed by someone cited: a cross on the first leg (and in the legend).
                let mark = f.mark_at().map(|at| view! {
                    <g class="against-mark" transform=format!("translate({},{})", Fixed(at.x, 1), Fixed(at.y, 1))>
                        <circle r=Shortest(AGAINST_MARK_RADIUS).to_string() />
                        <path d=AGAINST_MARK />
                    </g>
                });
                view! { {legs}{mark} }
            })}
        </g>
    }
}
