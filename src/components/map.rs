//! The map: countries, flow arcs, location markers, zoom and pan, and the tooltip.

use super::flow_arc::FlowArc;
use super::flow_canvas::{dom_flows, FlowLayers};
use super::picking::Picking;
use super::roving::{self, Roving};
use super::skip::SkipMap;
use super::stage::{once, Stage};
use super::tooltip::Tooltip;
use super::zoom::{use_zoom_gestures, ZoomButtons, ZOOM_STEP};
use crate::dom;
use crate::load::Loaded;
use crate::state::{Hover, MapState};
use flowmap_core::dataset::Dataset;
use flowmap_core::decimal::Shortest;
use flowmap_core::describe::location_name;
use flowmap_core::i18n::{count, tr, trf, Lang, Msg, Noun};
use flowmap_core::labels::Side;
use flowmap_core::layout::{preferred_height, MapLayout};
use flowmap_core::phone::frame_height;
use flowmap_core::pick::MIN_TARGET;
use flowmap_core::roving::Stop;
use flowmap_core::totals::Totals;
use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;

/// The last of the map's parts, each mounted in a task of its own ([`Stage`]): 0, the frame
/// (with the tooltip, the zoom buttons, and the graphic's header, detail panel and flow
/// chooser); 1, the countries; then the flows in [`FLOW_PARTS`] shares, and the places in
/// two halves. (Traced under a 4× CPU slowdown, the flows cost most of the mount, the first
/// share most: it also compiles their code.)
pub const PARTS: u8 = FLOWS_FROM + FLOW_PARTS + 1;

/// The part that adds the first share of the flows.
const FLOWS_FROM: u8 = 2;

/// How many parts the flows are mounted in.
const FLOW_PARTS: u8 = 6;

/// The interactive map, sized by its container and re-projected when that changes.
///
/// Mounted a part per task ([`PARTS`]), the first with the map, the others in the next
/// tasks; the frame is marked `drawing` until the last is in (`public/boot.js` keeps the
/// page's first frame until then, so that no half-drawn map shows).
#[component]
pub fn FlowMap(
    /// How far the map is mounted (parts 0 to [`PARTS`]).
    parts: Stage,
) -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let frame = NodeRef::<leptos::html::Div>::new();
    let svg = NodeRef::<leptos::svg::Svg>::new();

    let resize = {
        let data = data.clone();
        move |w: f64| fit_width(&data, state, w)
    };
    let measure = {
        let resize = resize.clone();
        move || {
            if let Some(el) = frame.get_untracked() {
                let w = el.get_bounding_client_rect().width().round();
                if w > 0.0 && w != state.size.get_untracked().0 {
                    resize(w);
                }
            }
        }
    };
    // First from the page's column, whose layout is done while the map is being made: the
    // first frame then shows the map, with no layout forced to measure it. Then measured
    // once mounted, unless that gave the width, and whenever the frame's width changes: a
    // window resize, and also what no resize event tells of (a scrollbar that comes with the
    // content added after the map, a host page that narrows its column).
    let estimated = dom::column_width().filter(|w| *w > 0.0);
    if let Some(w) = estimated {
        resize(w);
    }
    Effect::new(move |_| {
        let Some(el) = frame.get() else { return };
        if estimated.is_none() {
            measure();
        }
        dom::observe_resize(&el, measure.clone());
    });
    let gestures = use_zoom_gestures(svg, state);
    let (g1, g2, g3, g4, g5, g6) = (
        gestures.clone(),
        gestures.clone(),
        gestures.clone(),
        gestures.clone(),
        gestures.clone(),
        gestures,
    );

    let laid_out = state.layout;
    set_timeout(move || parts.start(), std::time::Duration::ZERO);
    let (with_countries, with_places) = (parts.from(1), parts.from(PARTS - 1));
    let whole = parts.from(PARTS);
    // The first-draw mark in the first frame that shows the whole laid-out map: on a canvas
    // map, with every flow painted; such a map also marks the first frame with its countries
    // and places, the flows being painted.
    let on_canvas = state.on_canvas;
    let shown = move || parts.whole() && laid_out.with(Option::is_some);
    once(
        move || shown() && (!on_canvas || state.painted.get()),
        || dom::on_next_frame(|| dom::mark("flowmap:map-drawn")),
    );
    if on_canvas {
        once(shown, || dom::on_next_frame(|| dom::mark("flowmap:map-shown")));
    }

    let dataset = data.dataset.clone();
    let lang = data.lang;
    // Outlines change with the size and zoom only; a filter changes which are shaded.
    let involved = Memo::new(move |_| {
        laid_out.with(|l| {
            l.as_ref()
                .map(|l| l.markers.iter().map(|m| m.id.clone()).collect::<HashSet<String>>())
                .unwrap_or_default()
        })
    });
    let countries = move || {
        if !with_countries.get() {
            return None;
        }
        state.countries.with(|c| {
            c.as_ref().map(|c| {
                c.iter()
                    .map(|c| {
                        let id = c.id.clone();
                        let involved = move || involved.with(|ids| ids.contains(&id));
                        view! { <path class="country" class:involved=involved d=c.d.clone() data-id=c.id.clone() /> }
                    })
                    .collect_view()
            })
        })
    };

    let flows = data.dataset.raw.flows.len();
    // Many flows go on canvas layers; the SVG keeps the largest and the highlighted ones.
    let layers = on_canvas.then(|| Arc::new(flowmap_core::batch::layer_of(&data.dataset)));
    // The laid-out lines' flows: on SVG, one element per line (a line that stands for several
    // flows is drawn once); on canvas, what the drawn count walks (at 10,000 flows walking the
    // laid-out flows took milliseconds of the filter's frame).
    let laid_indices = Memo::new(move |_| {
        laid_out
            .with(|l| l.as_ref().map(|l| l.flows.iter().map(|f| f.index).collect::<Vec<_>>()))
            .unwrap_or_default()
    });
    let in_dom = layers.clone().map_or(laid_indices, |k| dom_flows(state, data.dataset.clone(), k));
    // The map is one Tab stop: one flow or marker takes Tab, the arrow keys move inside.
    let roving = Roving::new(state, in_dom);
    provide_context(roving);
    // In two halves, each drawn again when the map is laid out again.
    let markers = move |half: usize, shown: Memo<bool>| {
        let dataset = dataset.clone();
        move || {
            laid_out.with(|l| {
                let l = l.as_ref().filter(|_| shown.get())?;
                let at = l.markers.len().div_ceil(2);
                let range = if half == 0 { 0..at } else { at..l.markers.len() };
                Some(draw_markers(l, range, &dataset, lang, state, roving))
            })
        }
    };
    let markers = (markers(0, with_places), markers(1, whole));
    let picking = on_canvas.then(|| Picking::new(state, data.dataset.clone()));
    let (p_move, p_leave, p_click) = (picking.clone(), picking.clone(), picking);
    // Dimmed while something is highlighted: a hovered or focused flow or place, or a pinned
    // flow the filters show (one they hide has nothing to stand out).
    let focusing = Signal::derive(move || {
        state.target.with(Option::is_some)
            || state.pinned.get().is_some_and(|i| state.shown.with(|s| s[i]))
    });
    let drawn = move || {
        laid_indices.with(|l| {
            if on_canvas {
                state.shown.with(|shown| l.iter().filter(|&&i| shown[i]).count())
            } else {
                l.len()
            }
        })
    };
    let (width, height) = (
        move || Shortest(state.size.get().0).to_string(),
        move || Shortest(state.size.get().1).to_string(),
    );
    view! {
        <SkipMap />
        <div
            class="map-frame"
            node_ref=frame
            // Set through the CSSOM (not a style attribute), which a strict CSP allows.
            style:height=move || format!("{}px", Shortest(state.size.get().1))
            // One finger scrolls the page until the map is zoomed; two fingers zoom it.
            style:touch-action=move || if state.zoom.with(|z| z.k > 1.0) { "none" } else { "pan-x pan-y" }
            on:keydown=move |ev| on_map_key(&ev, state)
            class:drawing=move || !parts.whole()
            // What the benchmark (bench/) counts to see that a filter has been drawn.
            data-flows-drawn=drawn
        >
            <svg class="map-base" width=width height=height aria-hidden="true">
                <g class="countries" transform=move || state.shift()>{countries}</g>
            </svg>
            {layers.map(|layers| view! { <FlowLayers dimmed=focusing layers whole /> })}
            <svg
                class="map"
                node_ref=svg
                role="group"
                aria-label=trf(lang, Msg::MapLabel, &[&count(lang, flows, Noun::Flow)])
                width=width
                height=height
                viewBox=move || format!("0 0 {} {}", Shortest(state.size.get().0), Shortest(state.size.get().1))
                on:mousemove=move |ev| if let Some(p) = &p_move { p.on_move(&ev) }
                on:mouseleave=move |_| if let Some(p) = &p_leave { p.on_leave() }
                on:click=move |ev| if let Some(p) = &p_click { p.on_click(&ev) }
                on:click:capture=move |ev| g1.click_capture(&ev)
                on:wheel=move |ev| g2.wheel(&ev)
                on:pointerdown=move |ev| g3.pointer_down(&ev)
                on:pointermove=move |ev| g4.pointer_move(&ev)
                on:pointerup=move |ev| g5.pointer_up(&ev)
                on:pointercancel=move |ev| g6.pointer_up(&ev)
            >
                // Moved and scaled with the zoom until it rests and the map is laid out again.
                <g class="view" transform=move || state.shift()>
                    <g class="flows" class:on-canvas=on_canvas class:focusing=move || focusing.get()>
                        <For each=move || mounted(in_dom, parts) key=|i| *i let:index>
                            <FlowArc index laid_out />
                        </For>
                    </g>
                    <g class="markers">{markers.0}{markers.1}</g>
                    <super::story::StoryNotes />
                </g>
            </svg>
            <p class="zoom-hint" aria-hidden="true">{tr(lang, Msg::ZoomHint)}</p>
            <Tooltip />
        </div>
        // Beside the frame, not in it: on a phone they go below the map, off its labels. The
        // map's keys (+ − 0) work on them too.
        <div class="zoom-keys" on:keydown=move |ev| on_map_key(&ev, state)>
            <ZoomButtons />
        </div>
    }
}

/// The flows of `in_dom` mounted by the map's `parts` so far: a share more per part from
/// [`FLOWS_FROM`] ([`FLOW_PARTS`] shares).
fn mounted(in_dom: Memo<Vec<usize>>, parts: Stage) -> Vec<usize> {
    let shares = usize::from(parts.part().saturating_sub(FLOWS_FROM - 1).min(FLOW_PARTS));
    in_dom.with(|d| d[..(d.len() * shares).div_ceil(usize::from(FLOW_PARTS))].to_vec())
}

/// Sizes the map for a frame `w` px wide: the height follows the data's shape; on a phone,
/// a portrait frame of most of the screen's height. The same size again changes nothing, so
/// that what was laid out for it is kept.
fn fit_width(data: &Loaded, state: MapState, w: f64) {
    let natural = preferred_height(&data.dataset, &data.atlas, w);
    let size = (w, frame_height(natural, super::phone::viewport()));
    if state.size.get_untracked() != size {
        state.set_size(size.0, size.1);
    }
}

/// Sizes the map for the page's column and lays it out, before it is mounted (in a task of
/// its own, [`crate::prepare`]): the map then mounts with its layout made, as the size
/// [`FlowMap`] measures is the same. False when the page has no column yet.
pub fn lay_out_early(data: &Loaded, state: MapState) -> bool {
    let Some(w) = dom::column_width().filter(|w| *w > 0.0) else {
        return false;
    };
    fit_width(data, state, w);
    state.layout.with_untracked(|_| ());
    true
}

/// Markers and labels of the places `range` of `l`; hovering, focusing or pressing one (a button: a click, Enter or
/// Space) highlights its flows and shows its totals.
fn draw_markers(
    l: &MapLayout,
    range: std::ops::Range<usize>,
    dataset: &Arc<Dataset>,
    lang: Lang,
    state: MapState,
    roving: Roving,
) -> impl IntoView {
    l.markers[range]
        .iter()
        .map(|m| {
            let name = location_name(dataset, &m.id, lang).to_string();
            // Off the map the label shows an arrow; screen readers hear it in words.
            let name = if m.off_map { trf(lang, Msg::OffMap, &[&name]) } else { name };
            let label = m.text.clone();
            let id_for_label = m.id.clone();
            let dataset_for_label = dataset.clone();
            let id_for_filter = m.id.clone();
            // Nearby places drawn as one: named for what it holds ([`Cluster`]).
            let cluster = l.cluster(&m.id).map(|c| c.label(dataset, lang));
            let is_cluster = cluster.is_some();
            // Reactive: a canvas map lays out every flow once, so its markers stay while the
            // filters change; a place none of the flows shown reaches is hidden, as on the SVG
            // map (whose layout leaves it out).
            let filtered = move || {
                state.on_canvas
                    && !is_cluster
                    && state.totals.with(|all| !all.contains_key(&id_for_filter))
            };
            let aria = move || {
                if let Some(label) = &cluster {
                    return label.clone();
                }
                state.totals.with(|all| {
                    let none = Totals::default();
                    // Read in place: a side holds the indices of its flows, too many to copy.
                    let totals = all.get(&id_for_label).unwrap_or(&none);
                    trf(
                        lang,
                        Msg::MarkerLabel,
                        &[
                            &name,
                            &count(lang, totals.flows_out(), Noun::Flow),
                            &totals.outbound.text(&dataset_for_label, lang),
                            &count(lang, totals.flows_in(), Noun::Flow),
                            &totals.inbound.text(&dataset_for_label, lang),
                            &count(lang, totals.flows_through, Noun::Flow),
                        ],
                    )
                })
            };
            let anchor = match m.label.side {
                Side::Right => "start",
                Side::Left => "end",
                Side::Above | Side::Below => "middle",
            };
            let (id, at) = (m.id.clone(), m.at);
            let hover = move || {
                let (x, y) = state.to_frame(at.x, at.y);
                Hover::Location { id: id.clone(), x, y }
            };
            let (h1, h2, h3, h4) = (hover.clone(), hover.clone(), hover.clone(), hover);
            let stop = Stop::Place(m.id.clone());
            let (at_x, at_y) = (Shortest(m.at.x).to_string(), Shortest(m.at.y).to_string());
            view! {
                <g
                    // A label with no room shows while its marker is hovered or focused.
                    class=if m.label.shown { "marker" } else { "marker tucked" }
                    class:off-map=m.off_map
                    class:cluster=is_cluster
                    class:filtered=filtered
                    data-id=m.id.clone()
                    tabindex=roving.tabindex(stop.clone())
                    role="button"
                    aria-label=aria
                    on:mouseenter=move |_| state.hover.set(Some(h1()))
                    on:mouseleave=move |_| state.hover.set(None)
                    on:focus=move |_| {
                        roving.focused(stop.clone());
                        state.hover.set(Some(h2()))
                    }
                    on:blur=move |_| state.hover.set(None)
                    on:click=move |_| state.hover.set(Some(h3()))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            state.hover.set(Some(h4()));
                        }
                    }
                >
                    // An invisible target at least 24 px across under the dot.
                    <circle class="hit" cx=at_x.clone() cy=at_y.clone() r=Shortest(m.radius.max(MIN_TARGET / 2.0)).to_string() />
                    <circle cx=at_x cy=at_y r=Shortest(m.radius).to_string() />
                    <text x=Shortest(m.label.at.x).to_string() y=Shortest(m.label.at.y).to_string() text-anchor=anchor>{label}</text>
                </g>
            }
        })
        .collect_view()
}

/// Keys inside the map: arrows, Home and End move between its flows and places
/// ([`roving`]), + − 0 zoom.
fn on_map_key(ev: &web_sys::KeyboardEvent, state: MapState) {
    match ev.key().as_str() {
        "+" | "=" => state.zoom_by(ZOOM_STEP),
        "-" | "_" => state.zoom_by(1.0 / ZOOM_STEP),
        "0" => state.reset_zoom(),
        _ if roving::move_focus(ev) => {}
        _ => return,
    }
    ev.prevent_default();
}
