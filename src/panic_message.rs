//! A panic, or a script error that escapes the WebAssembly, must never leave the reader with
//! a blank or frozen map: the details go to the browser's console, and the map's box
//! (`main.flowmap`) is emptied and says, in the page's language and in plain text, that the
//! map stopped and what the reader can do.
//!
//! Panics reach [`show`] through the hook [`install`] sets. A JavaScript exception thrown
//! through the WebAssembly (a browser API that fails where the bindings do not expect it)
//! runs no Rust code at all: `public/boot.js` catches it as a window `error` or
//! `unhandledrejection` event and calls [`show`] (exported from `main.rs` as `showStopped`).

use flowmap_core::i18n::{tr, Lang, Msg};

/// The class of the message, so that it is shown once however many errors follow.
const STOPPED_CLASS: &str = "stopped";

/// Installs the hook; call once, first thing.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// The language the app set on the page (`lang`), else English.
fn page_language(doc: &web_sys::Document) -> Lang {
    doc.document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|t| Lang::parse(&t))
        .unwrap_or(Lang::En)
}

/// Logs `detail` and puts the message in the map's box in place of whatever was drawn (or at
/// the top of the page before the box exists). Only the first call shows a message.
pub fn show(detail: &str) {
    leptos::logging::error!("flowmap stopped: {detail}");
    let Some(doc) = crate::dom::document() else {
        return;
    };
    if doc.query_selector(&format!(".{STOPPED_CLASS}")).ok().flatten().is_some() {
        return;
    }
    let Some(panel) = message(&doc, page_language(&doc)) else {
        return;
    };
    match doc.query_selector("main.flowmap").ok().flatten() {
        // A half-drawn map must not stay under or beside the message.
        Some(main) => {
            main.set_text_content(None);
            let _ = main.append_child(&panel);
        }
        None => {
            if let Some(body) = doc.body() {
                let _ = body.prepend_with_node_1(&panel);
            }
        }
    }
}

/// The message: a heading and what to do, as text (never parsed as HTML).
fn message(doc: &web_sys::Document, lang: Lang) -> Option<web_sys::Element> {
    let panel = doc.create_element("div").ok()?;
    panel.set_class_name(&format!("load-error {STOPPED_CLASS}"));
    panel.set_attribute("role", "alert").ok()?;
    let title = doc.create_element("h2").ok()?;
    title.set_text_content(Some(&tr(lang, Msg::Stopped)));
    let text = doc.create_element("p").ok()?;
    text.set_text_content(Some(&tr(lang, Msg::ReloadPlease)));
    panel.append_child(&title).ok()?;
    panel.append_child(&text).ok()?;
    Some(panel)
}
