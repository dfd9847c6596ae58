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

/// The width of the page's column (`main.flowmap` less its padding), which the map frame
/// fills; `None` before the page has one.
pub fn column_width() -> Option<f64> {
    let window = web_sys::window()?;
    let main = window.document()?.query_selector("main.flowmap").ok()??;
    let style = window.get_computed_style(&main).ok()??;
    let padding = |side: &str| {
        style
            .get_property_value(side)
            .ok()
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
    };
    Some(
        (main.get_bounding_client_rect().width()
            - padding("padding-left")?
            - padding("padding-right")?)
        .round(),
    )
}
