//! The link before the map that moves the focus past it, to the controls after it.

use crate::dom;
use crate::load::Loaded;
use flowmap_core::i18n::{tr, Msg};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What takes the focus past the map: the first of these after the map and its zoom buttons
/// (the detail panel's close button, else the toolbar's first control).
const CONTROLS: &str =
    "a[href], button:not([disabled]), input:not([disabled]), select, summary, [tabindex=\"0\"]";

/// "Skip the map": hidden until focused.
#[component]
pub fn SkipMap() -> impl IntoView {
    let lang = expect_context::<Loaded>().lang;
    view! {
        <a
            class="skip-map"
            href="#"
            on:click=move |ev| {
                // The hash holds the view: the link only moves the focus.
                ev.prevent_default();
                if let Some(link) = dom::closest(&ev, "a") {
                    focus_after_map(&link);
                }
            }
        >
            {tr(lang, Msg::SkipMap)}
        </a>
    }
}

/// Focuses the first control after the map of the graphic `link` is in.
fn focus_after_map(link: &web_sys::Element) {
    let Some(graphic) = dom::closest_to(link, "article") else { return };
    let Some(end) = graphic.query_selector(".zoom-keys").ok().flatten() else { return };
    let Ok(list) = graphic.query_selector_all(CONTROLS) else { return };
    let after = (0..list.length()).filter_map(|i| list.item(i)).find(|n| {
        end.compare_document_position(n) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0
            && !end.contains(Some(n))
    });
    if let Some(el) = after.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
