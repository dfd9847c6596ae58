//! Paints the strokes of the canvas layers ([`flowmap_core::batch::strokes`]) a slice per
//! animation frame ([`flowmap_core::frames`]), so that the page answers the reader while
//! thousands of curves are drawn; after a zoom step, off screen, then all at once.

use crate::dom;
use flowmap_core::batch::{LegAt, Stroke};
use flowmap_core::dots;
use flowmap_core::frames::{self, Progress};
use flowmap_core::layout::{FlowShape, MapLayout};
use flowmap_core::path_sink::{Coord, PathSink};
use flowmap_core::zoom::Zoom;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// A map's size and zoom.
pub type View = ((f64, f64), Zoom);

/// Paints strokes a slice per animation frame; a new start abandons the old painting.
/// After a zoom (same size, new geometry) it paints off screen and swaps the pictures when
/// done, so that the map never shows half a painting of a zoom step.
#[derive(Clone)]
pub struct Painter {
    job: Rc<RefCell<Job>>,
    /// Bumped when the layers show a new painting.
    pub painted: Trigger,
    /// Set once the layers show their first whole painting.
    whole: RwSignal<bool>,
    /// The laid-out map whose flows the strokes' legs are in.
    layout: Memo<Option<MapLayout>>,
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
    /// Each stroke's dashes as the canvas takes them, made once rather than for every slice.
    dashes: Vec<js_sys::Array>,
    /// The next stroke and leg to draw.
    at: Progress,
}

impl Painter {
    /// A painter for a map's layers, of strokes whose legs are in `layout`'s flows (any
    /// change to it asks for a new painting before the next frame); it sets `whole` once they
    /// show a whole painting.
    pub fn new(whole: RwSignal<bool>, layout: Memo<Option<MapLayout>>) -> Self {
        Painter { job: Rc::default(), painted: Trigger::new(), whole, layout }
    }

    /// Paints `strokes` for a map of this size and zoom over the next frames: on the layers
    /// (cleared first), or off screen when only the zoom changed since what they show.
    fn start(&self, canvases: Vec<web_sys::HtmlCanvasElement>, strokes: Vec<Stroke>, view: View) {
        set_busy(&canvases, true);
        let generation = {
            let mut job = self.job.borrow_mut();
            let buffered = job.shown.is_some_and(|(size, zoom)| size == view.0 && zoom != view.1);
            if buffered && job.buffers.len() != canvases.len() {
                let document = dom::document();
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
            job.dashes = strokes
                .iter()
                .map(|s| s.dash.iter().flatten().map(|v| JsValue::from_f64(*v)).collect())
                .collect();
            job.strokes = strokes;
            job.at = Progress::default();
            job.generation
        };
        self.painted.notify();
        self.next_frame(generation);
    }

    /// Paints what `build` gives (the strokes and the size and zoom they are for): at once
    /// the first time; after that in a task of its own, after the one asking (which has just
    /// laid the map out: at 100,000 flows the two would make one long task), with the painting
    /// under way stopped now rather than when the new one starts.
    pub fn request(
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
    pub fn painted_zoom(&self) -> Option<Zoom> {
        self.job.borrow().shown.map(|(_, zoom)| zoom)
    }

    fn next_frame(&self, generation: u64) {
        let painter = self.clone();
        dom::on_next_frame(move || painter.paint(generation));
    }

    /// Draws a frame's slice of [`frames::BUDGET`] work, then asks for another frame if there
    /// is more.
    fn paint(&self, generation: u64) {
        let more = {
            let mut job = self.job.borrow_mut();
            if job.generation != generation {
                return;
            }
            let frame = frames::plan(&job.strokes, job.at, frames::BUDGET);
            self.layout.with_untracked(|l| {
                let flows = l.as_ref().map_or(&[][..], |l| &l.flows);
                for slice in frame.slices {
                    let stroke = &job.strokes[slice.stroke];
                    if let Some(Some(ctx)) = job.contexts.get(stroke.layer) {
                        let legs = &stroke.legs[slice.legs];
                        draw(ctx, stroke, &job.dashes[slice.stroke], legs, flows);
                    }
                }
            });
            job.at = frame.next;
            let more = !job.at.done(&job.strokes);
            if !more {
                if job.buffered {
                    for (canvas, buffer) in job.canvases.iter().zip(&job.buffers) {
                        show(canvas, buffer);
                    }
                }
                job.shown = job.painting.take();
                set_busy(&job.canvases, false);
            }
            more
        };
        if more {
            self.next_frame(generation);
        } else {
            if !self.whole.get_untracked() {
                self.whole.set(true);
            }
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
    let ratio = dom::pixel_ratio();
    let (w, h) = ((width * ratio).round() as u32, (height * ratio).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{}px", flowmap_core::decimal::Shortest(width)));
    let _ = style.set_property("height", &format!("{}px", flowmap_core::decimal::Shortest(height)));
    if let Some(ctx) = context(canvas) {
        let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, width, height);
    }
}

fn context(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// A canvas 2D context as a [`PathSink`]: traced paths become its current path.
struct Pen<'a>(&'a web_sys::CanvasRenderingContext2d);

impl PathSink for Pen<'_> {
    fn move_to(&mut self, p: Coord<f64>) {
        self.0.move_to(p.x, p.y);
    }

    fn quadratic_curve_to(&mut self, control: Coord<f64>, to: Coord<f64>) {
        self.0.quadratic_curve_to(control.x, control.y, to.x, to.y);
    }

    fn line_to(&mut self, p: Coord<f64>) {
        self.0.line_to(p.x, p.y);
    }

    fn close_path(&mut self) {
        self.0.close_path();
    }
}

/// Draws `legs` (of `flows`) in `stroke`'s style (`dash` being its dashes as the canvas takes
/// them): one path for the lines (or a square per dot of a dotted line, [`dots`]), one for the
/// arrowheads.
fn draw(
    ctx: &web_sys::CanvasRenderingContext2d,
    stroke: &Stroke,
    dash: &js_sys::Array,
    legs: &[LegAt],
    flows: &[FlowShape],
) {
    let legs = || legs.iter().filter_map(|at| at.of(flows));
    ctx.set_global_alpha(stroke.opacity);
    ctx.set_fill_style_str(stroke.color);
    if let (Some(side), Some(pattern)) = (dots::speck(stroke), stroke.dash) {
        let half = side / 2.0;
        for leg in legs() {
            dots::centres(leg, pattern, |c| ctx.fill_rect(c.x - half, c.y - half, side, side));
        }
    } else {
        ctx.set_line_cap(if stroke.band { "round" } else { "butt" });
        ctx.set_stroke_style_str(stroke.color);
        ctx.set_line_width(stroke.width);
        let _ = ctx.set_line_dash(dash);
        let mut pen = Pen(ctx);
        ctx.begin_path();
        for leg in legs() {
            leg.trace_line(&mut pen);
        }
        ctx.stroke();
    }
    if stroke.band {
        return;
    }
    let mut pen = Pen(ctx);
    ctx.begin_path();
    for leg in legs() {
        leg.trace_arrow(&mut pen);
    }
    ctx.fill();
}
