//! Flows drawn on a canvas, for datasets too large for several SVG elements per flow.
//!
//! A canvas per category shows the flows that pass the filters, stroked in batches of one style
//! ([`flowmap_core::batch`]). The pointer finds flows through a spatial index
//! ([`flowmap_core::pick`]) instead of the browser's hit testing. The SVG keeps, as
//! focusable elements for keyboards and screen readers, the 100 largest flows and whatever is
//! hovered, focused or pinned; those are invisible until highlighted, when the canvas dims
//! behind them as the SVG map's flows do.

use crate::load::Loaded;
use crate::state::{pointer_in_frame, Hover, MapState, Target};
use flowmap_core::arc::ArcShape;
use flowmap_core::batch::batches;
use flowmap_core::layout::FlowShape;
use flowmap_core::pick::FlowPicker;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// How many of the largest flows shown stay in the SVG as focusable elements.
const DOM_FLOWS: usize = 100;

/// The canvas layers, one per category, to sit between the countries and the SVG with the
/// markers. A category filter shows or hides a layer; other filters redraw the layers.
#[component]
pub fn FlowLayers(
    /// True while a flow or location is highlighted (or a flow pinned): the layers dim.
    dimmed: Signal<bool>,
    /// Ids, routes and categories of the dataset's flows.
    keys: Arc<Vec<FlowKey>>,
) -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    // The filters other than categories: what a layer's drawing depends on.
    let dataset = data.dataset.clone();
    let others = Memo::new(move |_| {
        state.view.with(|v| {
            let mut f = v.filter.clone();
            f.hidden_categories.clear();
            f
        })
    });
    let passes = Memo::new(move |_| others.with(|f| dataset.raw.flows.iter().map(|fl| f.shows(fl)).collect::<Vec<bool>>()));
    let layers = data
        .dataset
        .categories_in_use()
        .map(|(k, category)| {
            let canvas = NodeRef::<leptos::html::Canvas>::new();
            let keys = keys.clone();
            Effect::new(move |_| {
                let Some(canvas) = canvas.get() else { return };
                let size = state.size.get();
                passes.with(|passes| {
                    state.layout.with(|l| {
                        let Some(l) = l else { return };
                        let mine: Vec<&FlowShape> =
                            l.flows.iter().filter(|f| keys[f.index].category == k && passes[f.index]).collect();
                        draw(&canvas, &mine, size);
                    })
                });
            });
            let id = category.id.clone();
            let hidden = move || state.view.with(|v| v.filter.hidden_categories.contains(&id));
            view! { <canvas node_ref=canvas class:hidden=hidden></canvas> }
        })
        .collect_view();
    view! {
        <div class="flow-layers" class:dimmed=move || dimmed.get() aria-hidden="true">
            {layers}
        </div>
    }
}

/// Draws `flows` at `(width, height)` CSS pixels, sharp on high-density screens.
fn draw(canvas: &web_sys::HtmlCanvasElement, flows: &[&FlowShape], (width, height): (f64, f64)) {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (w, h) = ((width * ratio).round() as u32, (height * ratio).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{width}px"));
    let _ = style.set_property("height", &format!("{height}px"));
    let Ok(Some(ctx)) = canvas.get_context("2d") else { return };
    let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() else { return };
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, width, height);
    let quads = |ctx: &web_sys::CanvasRenderingContext2d, legs: &mut dyn Iterator<Item = &ArcShape>| {
        ctx.begin_path();
        for leg in legs {
            ctx.move_to(leg.start.x, leg.start.y);
            ctx.quadratic_curve_to(leg.control.x, leg.control.y, leg.base.x, leg.base.y);
        }
    };

    // Undisclosed values first: a faint wide band under the line, as on the SVG map.
    ctx.set_global_alpha(0.2);
    ctx.set_line_width(9.0);
    ctx.set_line_cap("round");
    let _ = ctx.set_line_dash(&js_sys::Array::new());
    for color in flowmap_core::palette::CATEGORY_COLORS {
        let mut bands = flows.iter().filter(|f| f.undisclosed && f.color == color).flat_map(|f| &f.legs).peekable();
        if bands.peek().is_some() {
            quads(&ctx, &mut bands);
            ctx.set_stroke_style_str(color);
            ctx.stroke();
        }
    }
    ctx.set_global_alpha(1.0);
    ctx.set_line_cap("butt");

    for batch in batches(flows) {
        ctx.set_stroke_style_str(batch.color);
        ctx.set_fill_style_str(batch.color);
        ctx.set_line_width(batch.width);
        let dash = js_sys::Array::new();
        for v in batch.dash.iter().flatten() {
            dash.push(&JsValue::from_f64(*v));
        }
        let _ = ctx.set_line_dash(&dash);
        quads(&ctx, &mut batch.flows.iter().flat_map(|i| &flows[*i].legs));
        ctx.stroke();
        ctx.begin_path();
        for leg in batch.flows.iter().flat_map(|i| &flows[*i].legs) {
            ctx.move_to(leg.tip.x, leg.tip.y);
            ctx.line_to(leg.corners[0].x, leg.corners[0].y);
            ctx.line_to(leg.corners[1].x, leg.corners[1].y);
            ctx.close_path();
        }
        ctx.fill();
    }
}

/// The flows to keep in the SVG: the largest shown, and the highlighted ones, in dataset
/// order.
pub fn dom_flows(state: MapState, flows: Arc<Vec<FlowKey>>) -> Memo<Vec<usize>> {
    let largest = Memo::new(move |_| {
        state.layout.with(|l| {
            let Some(l) = l else { return Vec::new() };
            let shown = state.shown.read();
            let mut by_width: Vec<(f64, usize)> =
                l.flows.iter().filter(|f| shown[f.index]).map(|f| (f.width, f.index)).collect();
            by_width.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            by_width.into_iter().take(DOM_FLOWS).map(|(_, i)| i).collect::<Vec<_>>()
        })
    });
    let selected = Memo::new(move |_| state.view.with(|v| v.selected.clone()));
    Memo::new(move |_| {
        let mut keep = largest.get();
        state.layout.with(|l| {
            let Some(l) = l else { return };
            match state.target.get() {
                Some(Target::Flow(i)) => keep.push(i),
                Some(Target::Location(id)) => {
                    let shown = state.shown.read();
                    keep.extend(l.flows.iter().map(|f| f.index).filter(|i| shown[*i] && flows[*i].route.contains(&id)))
                }
                None => {}
            }
            if let Some(sel) = selected.get() {
                keep.extend(l.flows.iter().map(|f| f.index).find(|i| flows[*i].id == sel));
            }
        });
        keep.sort_unstable();
        keep.dedup();
        keep
    })
}

/// Pointer handling for the canvas: hover and click find the flow through a spatial index,
/// built when the pointer first moves over a new layout.
#[derive(Clone)]
pub struct Picking {
    picker: StoredValue<Option<Rc<FlowPicker>>, LocalStorage>,
    state: MapState,
    flows: Arc<Vec<FlowKey>>,
}

/// A flow's id, route and category, by dataset index: what layers, highlighting and
/// pinning look up.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowKey {
    /// The flow's id.
    pub id: String,
    /// Location ids, origin first.
    pub route: Vec<String>,
    /// Position of its category in the dataset.
    pub category: usize,
}

/// The ids and routes of a dataset's flows.
pub fn flow_keys(dataset: &flowmap_core::dataset::Dataset) -> Arc<Vec<FlowKey>> {
    Arc::new(
        dataset
            .raw
            .flows
            .iter()
            .map(|f| FlowKey {
                id: f.id.clone(),
                route: dataset.route(f).into_iter().map(String::from).collect(),
                category: dataset.category(&f.category).map_or(usize::MAX, |(k, _)| k),
            })
            .collect(),
    )
}

impl Picking {
    /// Picking over `state`'s layout. The index is rebuilt whenever the layout changes, in a
    /// task of its own after the map is drawn, so that the first hover finds it ready.
    pub fn new(state: MapState, flows: Arc<Vec<FlowKey>>) -> Picking {
        let picker = StoredValue::new_local(None);
        let picking = Picking { picker, state, flows };
        let later = picking.clone();
        Effect::new(move |_| {
            state.layout.track();
            picker.set_value(None);
            let later = later.clone();
            set_timeout(move || later.build(), std::time::Duration::ZERO);
        });
        picking
    }

    fn build(&self) {
        if self.picker.with_value(Option::is_some) {
            return;
        }
        let built = self.state.layout.with_untracked(|l| {
            let (w, h) = self.state.size.get_untracked();
            l.as_ref().map(|l| Rc::new(FlowPicker::new(&l.flows, w, h)))
        });
        self.picker.set_value(built);
    }

    fn pick(&self, x: f64, y: f64) -> Option<usize> {
        self.build();
        let shown = self.state.shown.read_untracked();
        self.picker.with_value(|p| p.as_ref().and_then(|p| p.pick(x, y, |i| shown[i])))
    }

    /// Pointer moved over the map: hover the flow under it, or leave the hovered flow.
    pub fn on_move(&self, ev: &web_sys::MouseEvent) {
        if on_marker(ev) {
            return;
        }
        let Some((x, y)) = pointer_in_frame(ev) else { return };
        match self.pick(x, y) {
            Some(index) => self.state.hover.set(Some(Hover::Flow { index, x, y })),
            None if matches!(self.state.hover.get_untracked(), Some(Hover::Flow { .. })) => self.state.hover.set(None),
            None => {}
        }
    }

    /// Pointer left the map.
    pub fn on_leave(&self) {
        if matches!(self.state.hover.get_untracked(), Some(Hover::Flow { .. })) {
            self.state.hover.set(None);
        }
    }

    /// Click on the map: pin the flow under the pointer, or unpin when it is pinned.
    pub fn on_click(&self, ev: &web_sys::MouseEvent) {
        if on_marker(ev) || in_flow_element(ev) {
            return;
        }
        let Some((x, y)) = pointer_in_frame(ev) else { return };
        let Some(index) = self.pick(x, y) else { return };
        let id = self.flows.get(index).map(|f| f.id.clone());
        let pinned = self.state.view.with_untracked(|v| v.selected.is_some() && v.selected == id);
        self.state.select(if pinned { None } else { id });
    }
}

fn closest(ev: &web_sys::MouseEvent, selector: &str) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

fn on_marker(ev: &web_sys::MouseEvent) -> bool {
    closest(ev, "g.marker")
}

/// Clicks on a flow's own element (keyboard or assistive technology) are handled there.
fn in_flow_element(ev: &web_sys::MouseEvent) -> bool {
    closest(ev, "g.flow")
}
