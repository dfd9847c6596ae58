//! Zoom and pan: ctrl/⌘ + wheel (and trackpad pinch), drag, two-finger pinch, keys and
//! buttons. A plain wheel scrolls the article, as readers expect, with a hint.

use crate::dom;
use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::i18n::{tr, Msg};
use js_sys::Math;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Pointers down on the map (id, x, y), and whether they have started to drag. A drag
/// begins only after the pointer moves a few pixels, so taps still reach flows; the click
/// that ends a drag does not (it would pin whatever flow the pointer stopped on).
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f64, f64)>,
    dragging: bool,
    swallow_click: bool,
    /// Where the map is on the page, taken when the first pointer goes down: a drag
    /// does not move it, and reading it on every move would force a layout each time.
    origin: (f64, f64),
}

/// Movement, in pixels, after which a press becomes a drag.
const DRAG_THRESHOLD: f64 = 4.0;

/// How long "Hold Ctrl to zoom" stays after a plain wheel.
const HINT_SHOWN: std::time::Duration = std::time::Duration::from_millis(1200);

/// The map's top left corner on the page.
fn origin(svg: &web_sys::Element) -> (f64, f64) {
    let r = svg.get_bounding_client_rect();
    (r.left(), r.top())
}

/// `ev`'s position relative to a map whose top left corner is at `origin`.
fn local((left, top): (f64, f64), ev: &web_sys::MouseEvent) -> (f64, f64) {
    (ev.client_x() as f64 - left, ev.client_y() as f64 - top)
}

/// How much one step of the +/− buttons and keys zooms.
pub const ZOOM_STEP: f64 = 1.5;

/// The map's wheel and pointer handlers, for the SVG's `on:` attributes.
#[derive(Clone)]
pub struct ZoomGestures {
    svg: NodeRef<leptos::svg::Svg>,
    state: MapState,
    gesture: Rc<RefCell<Gesture>>,
}

/// The zoom and pan gestures of the map drawn in `svg`.
pub fn use_zoom_gestures(svg: NodeRef<leptos::svg::Svg>, state: MapState) -> ZoomGestures {
    ZoomGestures { svg, state, gesture: Rc::default() }
}

impl ZoomGestures {
    fn element(&self) -> Option<web_sys::Element> {
        self.svg.get_untracked().map(Into::into)
    }

    /// ctrl/⌘ + wheel (and a trackpad's pinch) zooms about the pointer; a plain wheel
    /// scrolls the page and shows how to zoom.
    pub fn wheel(&self, ev: &web_sys::WheelEvent) {
        let Some(svg) = self.element() else { return };
        if !(ev.ctrl_key() || ev.meta_key()) {
            show_hint(&svg);
            return;
        }
        ev.prevent_default();
        let (x, y) = local(origin(&svg), ev);
        let factor = Math::exp(-ev.delta_y() * if ev.delta_mode() == 1 { 0.05 } else { 0.002 });
        self.state.update_zoom(|z, w, h| z.zoom_at(factor, x, y, w, h));
    }

    /// A pointer went down: perhaps the start of a drag or a pinch.
    pub fn pointer_down(&self, ev: &web_sys::PointerEvent) {
        let Some(svg) = self.element() else { return };
        // Drags start on the background; flows and markers keep their clicks.
        let on_item = dom::closest(ev, "g.flow, g.marker").is_some();
        let mut g = self.gesture.borrow_mut();
        // A press that starts no drag clicks as usual, whatever an earlier drag left.
        g.swallow_click = false;
        if on_item && ev.pointer_type() == "mouse" {
            return;
        }
        if g.pointers.is_empty() {
            g.origin = origin(&svg);
        }
        let (x, y) = local(g.origin, ev);
        g.pointers.push((ev.pointer_id(), x, y));
    }

    /// A pointer moved: pans with one pointer, zooms and pans with two.
    pub fn pointer_move(&self, ev: &web_sys::PointerEvent) {
        let Some(svg) = self.element() else { return };
        let mut g = self.gesture.borrow_mut();
        let Some(i) = g.pointers.iter().position(|q| q.0 == ev.pointer_id()) else {
            return;
        };
        let (x, y) = local(g.origin, ev);
        if !g.dragging {
            let (_, x0, y0) = g.pointers[i];
            if Math::hypot(x - x0, y - y0) < DRAG_THRESHOLD && g.pointers.len() < 2 {
                return;
            }
            g.dragging = true;
            for q in &g.pointers {
                let _ = svg.set_pointer_capture(q.0);
            }
        }
        let before = g.pointers.clone();
        g.pointers[i] = (ev.pointer_id(), x, y);
        match (&before[..], &g.pointers[..]) {
            ([a], [b]) => {
                let (dx, dy) = (b.1 - a.1, b.2 - a.2);
                self.state.update_zoom(|z, w, h| z.panned(dx, dy, w, h));
            }
            ([a0, a1, ..], [b0, b1, ..]) => {
                let dist = |p: &(i32, f64, f64), q: &(i32, f64, f64)| {
                    Math::hypot(p.1 - q.1, p.2 - q.2).max(1.0)
                };
                let factor = dist(b0, b1) / dist(a0, a1);
                let (mx, my) = ((b0.1 + b1.1) / 2.0, (b0.2 + b1.2) / 2.0);
                let (dx, dy) = (mx - (a0.1 + a1.1) / 2.0, my - (a0.2 + a1.2) / 2.0);
                self.state
                    .update_zoom(|z, w, h| z.zoom_at(factor, mx, my, w, h).panned(dx, dy, w, h));
            }
            _ => {}
        }
    }

    /// A pointer went up or was cancelled.
    pub fn pointer_up(&self, ev: &web_sys::PointerEvent) {
        let mut g = self.gesture.borrow_mut();
        g.pointers.retain(|q| q.0 != ev.pointer_id());
        if g.pointers.is_empty() {
            // Only a mouse or pen let go after a drag clicks next; a touch drag or a
            // cancelled one does not.
            g.swallow_click =
                g.dragging && ev.type_() == "pointerup" && ev.pointer_type() != "touch";
            g.dragging = false;
        }
    }

    /// A click on its way down, before the map's own click handlers see it: the click that
    /// ends a drag pins nothing.
    pub fn click_capture(&self, ev: &web_sys::MouseEvent) {
        if std::mem::take(&mut self.gesture.borrow_mut().swallow_click) {
            ev.stop_propagation();
        }
    }
}

/// Shows "Hold Ctrl to zoom" for a moment when the wheel is used without it.
fn show_hint(svg: &web_sys::Element) {
    let Some(frame) = dom::closest_to(svg, ".map-frame") else {
        return;
    };
    let _ = frame.class_list().add_1("hint-zoom");
    let frame = send_wrapper::SendWrapper::new(frame);
    set_timeout(
        move || {
            let _ = frame.class_list().remove_1("hint-zoom");
        },
        HINT_SHOWN,
    );
}

/// The +, − and reset buttons.
#[component]
pub fn ZoomButtons() -> impl IntoView {
    let state = expect_context::<MapState>();
    let lang = expect_context::<Loaded>().lang;
    let zoomed = move || state.view.with(|v| !v.zoom.is_identity());
    view! {
        <div class="zoom-buttons">
            <button type="button" aria-label=tr(lang, Msg::ZoomIn) title=format!("{} (+)", tr(lang, Msg::ZoomIn)) on:click=move |_| state.zoom_by(ZOOM_STEP)>"+"</button>
            <button type="button" aria-label=tr(lang, Msg::ZoomOut) title=format!("{} (−)", tr(lang, Msg::ZoomOut)) on:click=move |_| state.zoom_by(1.0 / ZOOM_STEP)>"−"</button>
            <button
                type="button"
                aria-label=tr(lang, Msg::ResetZoom)
                title=format!("{} (0)", tr(lang, Msg::ResetZoom))
                disabled=move || !zoomed()
                on:click=move |_| state.reset_zoom()
            >
                "⟲"
            </button>
        </div>
    }
}
