//! Flows drawn on canvases, for datasets too large for several SVG elements per flow.
//!
//! A canvas per category shows the flows that pass the filters, stroked in batches of one
//! style ([`flowmap_core::batch`]) and painted a slice per frame, so that the page answers
//! the reader while thousands of curves are drawn. A category filter only shows or hides a
//! layer. The SVG keeps, as focusable elements for keyboards and screen readers, the largest
//! flows of each category (about 100 in all) and whatever is hovered, focused or pinned;
//! those are invisible until highlighted, when the layers dim behind them as the SVG map's
//! flows do. A category filter hides its SVG flows too, rather than replacing them.

use crate::dom;
use crate::load::Loaded;
use crate::state::{MapState, Target};
use flowmap_core::arc::ArcShape;
use flowmap_core::batch::batches;
use flowmap_core::dataset::Dataset;
use flowmap_core::layout::{FlowShape, MapLayout};
use flowmap_core::zoom::Zoom;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// About how many flows stay in the SVG as focusable elements: an even share per category of
/// the largest that pass the filters other than categories.
const DOM_FLOWS: usize = 100;
/// Work per frame, in legs of a plain line (a dashed leg costs [`DASHED`], a band [`BAND`]):
/// about 100 ms of software rasterising on a slow machine, far less with a GPU.
const BUDGET: usize = 3000;
const DASHED: usize = 4;
const BAND: usize = 2;

/// The canvas layers, one per category in use, to sit between the countries and the SVG
/// with the markers.
#[component]
pub fn FlowLayers(
    /// True while a flow or location is highlighted (or a flow pinned): the layers dim.
    dimmed: Signal<bool>,
    /// The layer of each flow, by dataset index ([`layer_of`]).
    layers: Arc<Vec<usize>>,
) -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let passes = state.passes;
    let categories: Vec<String> =
        data.dataset.categories_in_use().map(|(_, c)| c.id.clone()).collect();
    let canvases: Vec<NodeRef<leptos::html::Canvas>> =
        categories.iter().map(|_| NodeRef::new()).collect();
    let painter = Painter::default();
    let zoom = state.zoom;
    {
        let canvases = canvases.clone();
        let painter = painter.clone();
        Effect::new(move |_| {
            let Some(elements) = canvases.iter().map(|c| c.get()).collect::<Option<Vec<_>>>()
            else {
                return;
            };
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
                        l.as_ref().map(|l| (strokes(l, &layers, count, passes, opacity), view))
                    })
                })
            });
        });
    }
    // While a zoomed map is being painted, the layers show the last painting moved and scaled
    // to where its flows now are.
    let shift = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        painter.painted.track();
        let now = zoom.get();
        shift.set(
            painter
                .painted_zoom()
                .filter(|then| *then != now)
                .map(|then| now.relative_to(then).matrix()),
        );
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

/// One stroke of a layer: a style and the legs drawn with it.
struct Stroke {
    /// Which canvas.
    layer: usize,
    color: &'static str,
    width: f64,
    dash: Option<[f64; 4]>,
    /// `dash` as the canvas takes it, made once rather than for every slice painted.
    line_dash: js_sys::Array,
    /// A faint wide band under undisclosed values, without arrowheads.
    band: bool,
    /// How opaque its lines are: fainter on a crowded map, fainter still for a band.
    opacity: f64,
    legs: Vec<ArcShape>,
}

impl Stroke {
    fn new(
        layer: usize,
        color: &'static str,
        width: f64,
        dash: Option<[f64; 4]>,
        band: bool,
        opacity: f64,
        legs: Vec<ArcShape>,
    ) -> Stroke {
        let line_dash = dash.iter().flatten().map(|v| JsValue::from_f64(*v)).collect();
        let opacity = if band { 0.2 * opacity } else { opacity };
        Stroke { layer, color, width, dash, line_dash, band, opacity, legs }
    }

    fn cost_per_leg(&self) -> usize {
        if self.band {
            BAND
        } else if self.dash.is_some() {
            DASHED
        } else {
            1
        }
    }
}

/// Each flow's layer, by dataset index: the position of its category among those in use
/// (one canvas each).
pub fn layer_of(dataset: &Dataset) -> Arc<Vec<usize>> {
    let in_use: Vec<&str> = dataset.categories_in_use().map(|(_, c)| c.id.as_str()).collect();
    Arc::new(
        dataset
            .raw
            .flows
            .iter()
            .map(|f| in_use.iter().position(|c| *c == f.category).unwrap_or(usize::MAX))
            .collect(),
    )
}

/// The strokes of every layer: per layer, the bands of undisclosed values, then the lines
/// and arrowheads widest first; all `opacity` opaque.
fn strokes(
    l: &MapLayout,
    layer_of: &[usize],
    layers: usize,
    passes: &[bool],
    opacity: f64,
) -> Vec<Stroke> {
    let mut per_layer: Vec<Vec<&FlowShape>> = vec![Vec::new(); layers];
    for f in l.flows.iter().filter(|f| passes[f.index]) {
        if let Some(mine) = per_layer.get_mut(layer_of[f.index]) {
            mine.push(f);
        }
    }
    let mut out = Vec::new();
    for (layer, mine) in per_layer.into_iter().enumerate() {
        let bands: Vec<ArcShape> =
            mine.iter().filter(|f| f.undisclosed).flat_map(|f| f.legs.iter().copied()).collect();
        if let (false, Some(f)) = (bands.is_empty(), mine.first()) {
            out.push(Stroke::new(layer, f.color, 9.0, None, true, opacity, bands));
        }
        for b in batches(&mine) {
            let legs = b.flows.iter().flat_map(|i| mine[*i].legs.iter().copied()).collect();
            out.push(Stroke::new(layer, b.color, b.width, b.dash, false, opacity, legs));
        }
    }
    out
}

/// A map's size and zoom.
type View = ((f64, f64), Zoom);

/// Paints strokes a slice per animation frame; a new start abandons the old painting.
/// After a zoom (same size, new geometry) it paints off screen and swaps the pictures when
/// done, so that the map never shows half a painting of a zoom step.
#[derive(Clone)]
struct Painter {
    job: Rc<RefCell<Job>>,
    /// Bumped when the layers show a new painting.
    painted: Trigger,
}

impl Default for Painter {
    fn default() -> Self {
        Painter { job: Rc::default(), painted: Trigger::new() }
    }
}

#[derive(Default)]
struct Job {
    /// Bumped by every start: a frame of an older painting stops.
    generation: u64,
    /// The layers on the page.
    canvases: Vec<web_sys::HtmlCanvasElement>,
    /// Off-screen layers for painting a zoom step, made on the first zoom.
    buffers: Vec<web_sys::HtmlCanvasElement>,
    /// The 2D contexts of what is painting (the layers or the buffers), by layer.
    contexts: Vec<Option<web_sys::CanvasRenderingContext2d>>,
    /// True while painting into `buffers`.
    buffered: bool,
    /// Size and zoom of what is painting, and of what the layers show.
    painting: Option<View>,
    shown: Option<View>,
    strokes: Vec<Stroke>,
    /// The next stroke and leg to draw.
    at: (usize, usize),
    /// True once a painting has finished (the first one sets the benchmark's mark).
    finished_once: bool,
}

impl Painter {
    /// Paints `strokes` for a map of this size and zoom over the next frames: on the layers
    /// (cleared first), or off screen when only the zoom changed since what they show.
    fn start(&self, canvases: Vec<web_sys::HtmlCanvasElement>, strokes: Vec<Stroke>, view: View) {
        set_busy(&canvases, true);
        let generation = {
            let mut job = self.job.borrow_mut();
            let buffered = job.shown.is_some_and(|(size, zoom)| size == view.0 && zoom != view.1);
            if buffered && job.buffers.len() != canvases.len() {
                let document = web_sys::window().and_then(|w| w.document());
                job.buffers = canvases
                    .iter()
                    .filter_map(|_| {
                        document.as_ref()?.create_element("canvas").ok()?.dyn_into().ok()
                    })
                    .collect();
            }
            if !buffered {
                // The layers are cleared and painted again: they show no complete picture.
                job.shown = None;
            }
            let targets = if buffered { &job.buffers } else { &canvases };
            for canvas in targets {
                prepare(canvas, view.0);
            }
            job.contexts = targets.iter().map(context).collect();
            job.generation += 1;
            job.canvases = canvases;
            job.buffered = buffered;
            job.painting = Some(view);
            job.strokes = strokes;
            job.at = (0, 0);
            job.generation
        };
        self.painted.notify();
        self.next_frame(generation);
    }

    /// Paints what `build` gives (the strokes and the size and zoom they are for): at once
    /// the first time; after that in a task of its own, after the one asking (which has just
    /// laid the map out: at 100,000 flows the two would make one long task), with the painting
    /// under way stopped now rather than when the new one starts.
    fn request(
        &self,
        canvases: Vec<web_sys::HtmlCanvasElement>,
        build: impl FnOnce() -> Option<(Vec<Stroke>, View)> + 'static,
    ) {
        let asked = {
            let mut job = self.job.borrow_mut();
            if job.generation == 0 {
                None
            } else {
                job.generation += 1;
                Some(job.generation)
            }
        };
        let Some(asked) = asked else {
            if let Some((strokes, view)) = build() {
                self.start(canvases, strokes, view);
            }
            return;
        };
        set_busy(&canvases, true);
        let painter = self.clone();
        set_timeout(
            move || {
                // Unless a later request came meanwhile.
                if painter.job.borrow().generation == asked {
                    if let Some((strokes, view)) = build() {
                        painter.start(canvases, strokes, view);
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// The zoom of the picture the layers show, once one is complete.
    fn painted_zoom(&self) -> Option<Zoom> {
        self.job.borrow().shown.map(|(_, zoom)| zoom)
    }

    fn next_frame(&self, generation: u64) {
        let painter = self.clone();
        dom::on_next_frame(move || painter.paint(generation));
    }

    /// Draws up to [`BUDGET`] of work, then asks for another frame if there is more.
    fn paint(&self, generation: u64) {
        let more = {
            let mut job = self.job.borrow_mut();
            if job.generation != generation {
                return;
            }
            let mut budget = BUDGET;
            while budget > 0 && job.at.0 < job.strokes.len() {
                let (i, from) = job.at;
                let stroke = &job.strokes[i];
                let n = (budget / stroke.cost_per_leg()).max(1).min(stroke.legs.len() - from);
                if let Some(Some(ctx)) = job.contexts.get(stroke.layer) {
                    draw(ctx, stroke, &stroke.legs[from..from + n]);
                }
                budget = budget.saturating_sub(n * stroke.cost_per_leg());
                job.at = if from + n == stroke.legs.len() { (i + 1, 0) } else { (i, from + n) };
            }
            let more = job.at.0 < job.strokes.len();
            if !more {
                if job.buffered {
                    for (canvas, buffer) in job.canvases.iter().zip(&job.buffers) {
                        show(canvas, buffer);
                    }
                }
                job.shown = job.painting.take();
                set_busy(&job.canvases, false);
            }
            if !more && !job.finished_once {
                job.finished_once = true;
                dom::mark_map_drawn();
            }
            more
        };
        if more {
            self.next_frame(generation);
        } else {
            self.painted.notify();
        }
    }
}

/// Copies a finished off-screen painting onto its layer.
fn show(canvas: &web_sys::HtmlCanvasElement, buffer: &web_sys::HtmlCanvasElement) {
    if canvas.width() != buffer.width() || canvas.height() != buffer.height() {
        canvas.set_width(buffer.width());
        canvas.set_height(buffer.height());
    }
    if let Some(ctx) = context(canvas) {
        let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        ctx.set_global_alpha(1.0);
        ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
        let _ = ctx.draw_image_with_html_canvas_element(buffer, 0.0, 0.0);
    }
}

/// Marks the layers `aria-busy` while they are being painted (tests wait for the end).
fn set_busy(canvases: &[web_sys::HtmlCanvasElement], busy: bool) {
    if let Some(layers) = canvases.first().and_then(|c| c.parent_element()) {
        let _ = if busy {
            layers.set_attribute("aria-busy", "true")
        } else {
            layers.remove_attribute("aria-busy")
        };
    }
}

/// Sizes a canvas for `(width, height)` CSS pixels, sharp on high-density screens, and
/// clears it.
fn prepare(canvas: &web_sys::HtmlCanvasElement, (width, height): (f64, f64)) {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (w, h) = ((width * ratio).round() as u32, (height * ratio).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{width}px"));
    let _ = style.set_property("height", &format!("{height}px"));
    if let Some(ctx) = context(canvas) {
        let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, width, height);
    }
}

fn context(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Draws `legs` in `stroke`'s style: one path for the lines, one for the arrowheads.
fn draw(ctx: &web_sys::CanvasRenderingContext2d, stroke: &Stroke, legs: &[ArcShape]) {
    ctx.set_global_alpha(stroke.opacity);
    ctx.set_line_cap(if stroke.band { "round" } else { "butt" });
    ctx.set_stroke_style_str(stroke.color);
    ctx.set_line_width(stroke.width);
    let _ = ctx.set_line_dash(&stroke.line_dash);
    ctx.begin_path();
    for leg in legs {
        ctx.move_to(leg.start.x, leg.start.y);
        ctx.quadratic_curve_to(leg.control.x, leg.control.y, leg.base.x, leg.base.y);
    }
    ctx.stroke();
    if stroke.band {
        return;
    }
    ctx.set_fill_style_str(stroke.color);
    ctx.begin_path();
    for leg in legs {
        ctx.move_to(leg.tip.x, leg.tip.y);
        ctx.line_to(leg.corners[0].x, leg.corners[0].y);
        ctx.line_to(leg.corners[1].x, leg.corners[1].y);
        ctx.close_path();
    }
    ctx.fill();
}

/// The flows to keep in the SVG: the largest of each category that pass the other filters
/// (so that a category filter only hides some, rather than replacing them), and the
/// highlighted ones, in dataset order.
pub fn dom_flows(
    state: MapState,
    dataset: Arc<Dataset>,
    layer_of: Arc<Vec<usize>>,
) -> Memo<Vec<usize>> {
    let categories = dataset.categories_in_use().count();
    let each = DOM_FLOWS.div_ceil(categories.max(1));
    let largest = Memo::new(move |_| {
        state.layout.with(|l| {
            let Some(l) = l else { return Vec::new() };
            let passes = state.passes.read();
            let mut per_layer: Vec<Vec<(bool, f64, usize)>> = vec![Vec::new(); categories];
            for f in l.flows.iter().filter(|f| passes[f.index]) {
                if let Some(mine) = per_layer.get_mut(layer_of[f.index]) {
                    mine.push((f.disputed, f.width, f.index));
                }
            }
            // `each` of every layer: flows someone cited denies or disputes first (the SVG
            // draws their mark; the canvas does not), then the widest, then in dataset order;
            // without sorting all of them.
            let wider = |a: &(bool, f64, usize), b: &(bool, f64, usize)| {
                b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2))
            };
            let mut keep = Vec::with_capacity(DOM_FLOWS + categories);
            for mut mine in per_layer {
                if mine.len() > each {
                    mine.select_nth_unstable_by(each, wider);
                    mine.truncate(each);
                }
                mine.sort_unstable_by(wider);
                keep.extend(mine.into_iter().map(|f| f.2));
            }
            keep
        })
    });
    Memo::new(move |_| {
        let mut keep = largest.get();
        state.layout.with(|l| {
            let Some(l) = l else { return };
            match state.target.get() {
                Some(Target::Flow(i)) => keep.push(i),
                Some(Target::Location(id)) => {
                    let shown = state.shown.read();
                    let on_route = |i: usize| dataset.stops(&dataset.raw.flows[i]).any(|s| s == id);
                    keep.extend(
                        l.flows.iter().map(|f| f.index).filter(|i| shown[*i] && on_route(*i)),
                    )
                }
                None => {}
            }
            keep.extend(state.pinned.get().filter(|i| l.flow(*i).is_some()));
        });
        keep.sort_unstable();
        keep.dedup();
        keep
    })
}
