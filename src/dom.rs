//! The one door to the browser: the page, its URL, frames and timers, elements, and
//! listeners and observers that are removed when the component that made them goes.
//!
//! Components call these rather than `web_sys::window()`, so that what the app asks of the
//! browser is in one place (as leptos-use gathers it), and nothing outlives its owner.

use leptos::prelude::{on_cleanup, set_timeout};
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The page's window (`None` outside a browser).
pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's document.
pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The page's root element (`<html>`).
pub fn root() -> Option<web_sys::Element> {
    document()?.document_element()
}

/// The page's query string (`?data=…&lang=ru`), or "" when there is none.
pub fn search() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The value of `name` in the page's query string.
pub fn param(name: &str) -> Option<String> {
    flowmap_core::query::param(&search(), name)
}

/// The page's address without its hash: origin and path (`https://x.org/map/index.html`).
pub fn address() -> String {
    window()
        .map(|w| w.location())
        .map(|l| format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default()))
        .unwrap_or_default()
}

/// Opens the page again with `name` set to `value` in its query string.
pub fn reload_with_param(name: &str, value: &str) {
    let Some(location) = window().map(|w| w.location()) else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&location.href().unwrap_or_default()) else {
        return;
    };
    url.search_params().set(name, value);
    let _ = location.set_href(&url.href());
}

/// Writes `head` into the page's `<head>`: the `<title>`, the description and the social
/// card's tags (a relative picture resolved against the page's address; none removes it).
pub fn set_head(head: &flowmap_core::page_meta::PageMeta) {
    let Some(doc) = document() else {
        return;
    };
    doc.set_title(&head.title);
    let image = head.image.as_ref().and_then(|i| {
        let base = doc.base_uri().ok().flatten()?;
        Some(web_sys::Url::new_with_base(i, &base).ok()?.href())
    });
    for (kind, name, content) in head.fields() {
        set_meta(&doc, kind, name, Some(&content));
    }
    set_meta(&doc, "property", "og:image", image.as_deref());
}

/// Sets the `<meta {kind}="{name}">` tag's content, adding the tag when missing; `None`
/// removes it.
fn set_meta(doc: &web_sys::Document, kind: &str, name: &str, content: Option<&str>) {
    let tag = with_attribute("head meta", kind, name);
    match (tag, content, doc.head()) {
        (Some(tag), None, _) => tag.remove(),
        (Some(tag), Some(content), _) => {
            let _ = tag.set_attribute("content", content);
        }
        (None, Some(content), Some(head)) => {
            if let Ok(tag) = doc.create_element("meta") {
                let _ = tag.set_attribute(kind, name);
                let _ = tag.set_attribute("content", content);
                let _ = head.append_child(&tag);
            }
        }
        (None, ..) => {}
    }
}

/// The URL's hash, with its `#` ("" when there is none).
pub fn hash() -> String {
    window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Sets the URL's hash (without `#`; "" removes it): a new history entry when `push`, else
/// the current entry replaced. The page is not reloaded or scrolled.
pub fn set_hash(hash: &str, push: bool) {
    let Some(window) = window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let base = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = if hash.is_empty() { base } else { format!("{base}#{hash}") };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// The browser's preferred languages, as BCP 47 tags, most preferred first.
pub fn browser_languages() -> Vec<String> {
    window()
        .map(|w| w.navigator().languages().iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default()
}

/// Device pixels per CSS pixel (at least 1).
pub fn pixel_ratio() -> f64 {
    window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0)
}

/// Puts `text` on the clipboard, then tells `done` whether it is there. A refusal (the page
/// may not write to the clipboard) is awaited, not left unhandled, which `public/boot.js`
/// would take for an error of the map's.
///
/// Outside a secure context (a page served over plain `http://`) the browser has no
/// `navigator.clipboard`, and calling it would throw through the WebAssembly: then `done`
/// hears no.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok());
    let Some(promise) = clipboard.map(|c| c.write_text(text)) else {
        return done(false);
    };
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Runs `f` at the start of the next animation frame.
pub fn on_next_frame(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    if let Some(w) = window() {
        let _ = w.request_animation_frame(f.unchecked_ref());
    }
}

/// Runs `f` in a task of its own once the next frame is painted: for work the reader does
/// not see, which should not delay that frame.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    on_next_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// `performance.mark(name)`, for the benchmark (bench/): `flowmap:map-drawn` in the first
/// frame with the whole map drawn, `flowmap:map-shown` in the first frame of a canvas map
/// with its countries and places, its flows being painted.
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Resolves in a new task of the page's event loop (a zero timeout): awaited between the
/// stages of the start, so that no one task holds the main thread for long and the browser
/// can paint and answer the reader in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
        if !queued {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The width of the page's column (`main.flowmap` less its padding), which the map frame
/// fills; `None` before the page has one.
pub fn column_width() -> Option<f64> {
    let window = window()?;
    let main = window.document()?.query_selector("main.flowmap").ok()??;
    let style = window.get_computed_style(&main).ok()??;
    let padding = |side: &str| {
        style
            .get_property_value(side)
            .ok()
            .and_then(|v| flowmap_core::math::parse_f64(v.trim_end_matches("px")))
    };
    Some(
        (main.get_bounding_client_rect().width()
            - padding("padding-left")?
            - padding("padding-right")?)
        .round(),
    )
}

/// The first element matching `selector` whose attribute `name` is exactly `value`. Ids
/// come from datasets and may hold quotes, brackets and backslashes: compared as text, they
/// are never written into a selector.
pub fn with_attribute(selector: &str, name: &str, value: &str) -> Option<web_sys::Element> {
    let list = document()?.query_selector_all(selector).ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|el| el.get_attribute(name).as_deref() == Some(value))
}

/// The element an event happened on, or its nearest ancestor, that matches `selector`.
pub fn closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    closest_to(&ev.target()?.dyn_into().ok()?, selector)
}

/// `el` or its nearest ancestor that matches `selector`.
pub fn closest_to(el: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    el.closest(selector).ok()?
}

/// Calls `f` whenever `el` changes size (and once when observing starts), until the
/// component that asked is removed.
pub fn observe_resize(el: &web_sys::Element, f: impl FnMut() + 'static) {
    let cb = Closure::<dyn FnMut()>::new(f);
    let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(el);
    let kept = SendWrapper::new((observer, cb));
    on_cleanup(move || kept.0.disconnect());
}
