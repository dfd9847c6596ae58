//! What the page asks of the browser to read on a phone: the viewport's size, whether it is
//! a phone's ([`flowmap_core::phone`]), and moving focus to an element found by selector.

use crate::dom;
use flowmap_core::phone::PHONE_WIDTH;
use wasm_bindgen::JsCast;

/// The viewport's width and height in CSS px; `None` when embedded (the frame's height
/// follows the map there, so the map cannot follow the frame's).
pub fn viewport() -> Option<(f64, f64)> {
    if crate::embed::is_embed() {
        return None;
    }
    let w = dom::window()?;
    Some((w.inner_width().ok()?.as_f64()?, w.inner_height().ok()?.as_f64()?))
}

/// True when the page has its phone layout (the viewport narrower than [`PHONE_WIDTH`]),
/// embedded or not.
pub fn is_phone() -> bool {
    dom::window().and_then(|w| w.inner_width().ok()?.as_f64()).is_some_and(|w| w < PHONE_WIDTH)
}

/// Focuses `el`, an HTML or SVG element.
pub fn focus(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    } else if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = el.focus();
    }
}

/// Focuses the first element matching `selector`, if there is one.
pub fn focus_first(selector: &str) {
    if let Some(el) = dom::document().and_then(|d| d.query_selector(selector).ok().flatten()) {
        focus(&el);
    }
}
