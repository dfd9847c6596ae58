//! Zoom and pan: ctrl/⌘ + wheel (and trackpad pinch), drag, two-finger pinch, keys and
//! buttons. A plain wheel scrolls the article, as readers expect, with a hint.

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::i18n::{tr, Msg};
use flowmap_core::zoom::Zoom;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// The map's top left corner on the page.
fn origin(svg: &web_sys::Element) -> (f64, f64) {
    let r = svg.get_bounding_client_rect();
    (r.left(), r.top())
}

/// `ev`'s position relative to a map whose top left corner is at `origin`.
fn local((left, top): (f64, f64), ev: &web_sys::MouseEvent) -> (f64, f64) {
    (ev.client_x() as f64 - left, ev.client_y() as f64 - top)
}

/// Attaches the wheel and pointer listeners to the map's SVG once it is mounted.
pub fn use_zoom_gestures(svg: NodeRef<leptos::svg::Svg>, state: MapState) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(el) = svg.get() else { return false };
        let el: web_sys::Element = el.into();
        attach(&el, state);
        true
    });
}

fn listen(
    el: &web_sys::Element,
    name: &str,
    passive: bool,
    f: impl FnMut(web_sys::Event) + 'static,
) {
    listen_with(el, name, passive, false, f);
}

fn listen_with(
    el: &web_sys::Element,
    name: &str,
    passive: bool,
    capture: bool,
    f: impl FnMut(web_sys::Event) + 'static,
) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_passive(passive);
    opts.set_capture(capture);
    let _ = el.add_event_listener_with_callback_and_add_event_listener_options(
        name,
        cb.as_ref().unchecked_ref(),
        &opts,
    );
    // The map lives as long as the page.
    cb.forget();
}

fn attach(el: &web_sys::Element, state: MapState) {
    let update = move |f: &dyn Fn(Zoom, f64, f64) -> Zoom| {
        let (w, h) = state.size.get_untracked();
        state.view.update(|v| v.zoom = f(v.zoom, w, h));
    };

    let svg = el.clone();
    listen(el, "wheel", false, move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::WheelEvent>() else {
            return;
        };
        if !(ev.ctrl_key() || ev.meta_key()) {
            show_hint(&svg);
            return;
        }
        ev.prevent_default();
        let (x, y) = local(origin(&svg), ev);
        let factor = (-ev.delta_y() * if ev.delta_mode() == 1 { 0.05 } else { 0.002 }).exp();
        update(&|z, w, h| z.zoom_at(factor, x, y, w, h));
    });

    let gesture = Rc::new(RefCell::new(Gesture::default()));
    let (svg, g) = (el.clone(), gesture.clone());
    listen(el, "pointerdown", true, move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else {
            return;
        };
        // Drags start on the background; flows and markers keep their clicks.
        let on_item = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("g.flow, g.marker").ok().flatten())
            .is_some();
        let mut g = g.borrow_mut();
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
    });
    let (svg, g) = (el.clone(), gesture.clone());
    listen(el, "pointermove", true, move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else {
            return;
        };
        let mut g = g.borrow_mut();
        let Some(i) = g.pointers.iter().position(|q| q.0 == ev.pointer_id()) else {
            return;
        };
        let (x, y) = local(g.origin, ev);
        if !g.dragging {
            let (_, x0, y0) = g.pointers[i];
            if (x - x0).hypot(y - y0) < DRAG_THRESHOLD && g.pointers.len() < 2 {
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
                update(&|z, w, h| z.panned(dx, dy, w, h));
            }
            ([a0, a1, ..], [b0, b1, ..]) => {
                let dist = |p: &(i32, f64, f64), q: &(i32, f64, f64)| {
                    (p.1 - q.1).hypot(p.2 - q.2).max(1.0)
                };
                let factor = dist(b0, b1) / dist(a0, a1);
                let (mx, my) = ((b0.1 + b1.1) / 2.0, (b0.2 + b1.2) / 2.0);
                let (dx, dy) = (mx - (a0.1 + a1.1) / 2.0, my - (a0.2 + a1.2) / 2.0);
                update(&|z, w, h| z.zoom_at(factor, mx, my, w, h).panned(dx, dy, w, h));
            }
            _ => {}
        }
    });
    for name in ["pointerup", "pointercancel"] {
        let g = gesture.clone();
        listen(el, name, true, move |ev| {
            if let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() {
                let mut g = g.borrow_mut();
                g.pointers.retain(|q| q.0 != ev.pointer_id());
                if g.pointers.is_empty() {
                    // Only a mouse or pen let go after a drag clicks next; a touch drag or a
                    // cancelled one does not.
                    g.swallow_click =
                        g.dragging && ev.type_() == "pointerup" && ev.pointer_type() != "touch";
                    g.dragging = false;
                }
            }
        });
    }
    // Caught on the way down, before the map's own click handlers see it.
    listen_with(el, "click", false, true, move |ev| {
        if std::mem::take(&mut gesture.borrow_mut().swallow_click) {
            ev.stop_propagation();
        }
    });
}

/// Shows "Hold Ctrl to zoom" for a moment when the wheel is used without it.
fn show_hint(svg: &web_sys::Element) {
    let Some(frame) = svg.closest(".map-frame").ok().flatten() else {
        return;
    };
    let _ = frame.class_list().add_1("hint-zoom");
    let frame2 = frame.clone();
    let cb = Closure::once_into_js(move || {
        let _ = frame2.class_list().remove_1("hint-zoom");
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 1200);
    }
}

/// The +, − and reset buttons.
#[component]
pub fn ZoomButtons() -> impl IntoView {
    let state = expect_context::<MapState>();
    let lang = expect_context::<Loaded>().lang;
    let zoom_by = move |f: f64| {
        let (w, h) = state.size.get_untracked();
        state.view.update(|v| v.zoom = v.zoom.zoom_at(f, w / 2.0, h / 2.0, w, h));
    };
    let zoomed = move || state.view.with(|v| !v.zoom.is_identity());
    view! {
        <div class="zoom-buttons">
            <button type="button" aria-label=tr(lang, Msg::ZoomIn) title=format!("{} (+)", tr(lang, Msg::ZoomIn)) on:click=move |_| zoom_by(1.5)>"+"</button>
            <button type="button" aria-label=tr(lang, Msg::ZoomOut) title=format!("{} (−)", tr(lang, Msg::ZoomOut)) on:click=move |_| zoom_by(1.0 / 1.5)>"−"</button>
            <button
                type="button"
                aria-label=tr(lang, Msg::ResetZoom)
                title=format!("{} (0)", tr(lang, Msg::ResetZoom))
                disabled=move || !zoomed()
                on:click=move |_| state.view.update(|v| v.zoom = Zoom::IDENTITY)
            >
                "⟲"
            </button>
        </div>
    }
}
