//! What the editor asks of the browser: its storage, files and object URLs, downloads and
//! the clipboard. Nothing here sends anything anywhere.

use flowmap_core::editor::Work;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The storage key the work is kept under.
const KEY: &str = "flowmap-editor";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The work kept by an earlier visit, if any.
pub fn kept() -> Option<Work> {
    serde_json::from_str(&storage()?.get_item(KEY).ok()??).ok()
}

/// Keeps `work` for the next visit (an empty work leaves nothing behind); false when the
/// browser refuses (no storage, or full).
pub fn keep(work: &Work) -> bool {
    let Some(storage) = storage() else { return false };
    if *work == Work::default() {
        return storage.remove_item(KEY).is_ok();
    }
    serde_json::to_string(work).is_ok_and(|text| storage.set_item(KEY, &text).is_ok())
}

/// The files of a file list (picked or dropped), taken at once: the list empties when
/// the picker is reset.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The names and bytes of `files`.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for file in files {
        if let Ok(buffer) = JsFuture::from(file.array_buffer()).await {
            out.push((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()));
        }
    }
    out
}

/// A blob of JSON `text`.
fn json_blob(text: &str) -> Option<web_sys::Blob> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()
}

/// An address in this browser for the JSON `text` (a `blob:` URL of this page's origin),
/// for the preview to load; release it with [`release`].
pub fn object_url(text: &str) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(&json_blob(text)?).ok()
}

/// Releases an address made by [`object_url`].
pub fn release(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Offers the JSON `text` as a file called `name`.
pub fn download(name: &str, text: &str) {
    let Some(url) = object_url(text) else { return };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = link {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    release(&url);
}

/// Copies `text` to the clipboard; `done` is told whether it worked.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else { return done(false) };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move { done(JsFuture::from(promise).await.is_ok()) });
}

/// Asks the editor `question` (the browser's own dialog).
pub fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// The folder this page is in (its address up to the last `/`, without query or hash).
pub fn folder() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let page = href.split(['?', '#']).next().unwrap_or("");
    page.rsplit_once('/').map_or(String::new(), |(f, _)| format!("{f}/"))
}

/// `?name=` of this page.
pub fn param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    flowmap_core::query::param(&search, name)
}

/// The browser's preferred languages.
pub fn languages() -> Vec<String> {
    let Some(w) = web_sys::window() else { return Vec::new() };
    w.navigator().languages().iter().filter_map(|l| l.as_string()).collect()
}

/// Sets the page's `lang` attribute.
pub fn set_language(tag: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()?.document_element()) {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Moves the keyboard focus to the element `id` once it is drawn, and brings it into view.
pub fn focus_soon(id: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        let el = web_sys::window()
            .and_then(|w| w.document()?.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    });
}
