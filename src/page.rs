//! The page: its query string, animation frames, and the mark the benchmark reads.

/// The page's query string (`?data=…&lang=ru`), or "" when there is none.
pub fn search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The value of `name` in the page's query string.
pub fn param(name: &str) -> Option<String> {
    flowmap_core::query::param(&search(), name)
}

/// Runs `f` at the start of the next animation frame.
pub fn on_next_frame(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(f.unchecked_ref());
    }
}

/// Runs `f` in a task of its own once the next frame is painted: for work the reader does
/// not see, which should not delay that frame.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    on_next_frame(move || leptos::prelude::set_timeout(f, std::time::Duration::ZERO));
}

/// `performance.mark("flowmap:map-drawn")`: the first frame with the map drawn, what the
/// benchmark (bench/) measures first paint by.
pub fn mark_map_drawn() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("flowmap:map-drawn");
    }
}
