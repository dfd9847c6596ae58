//! A panic must never leave the reader with a blank or frozen map: the hook logs it and
//! puts a plain-text message in the page, in the page's language.

use flowmap_core::i18n::{tr, trf, Lang, Msg};
use wasm_bindgen::JsCast;

/// Installs the hook; call once, first thing.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

fn show(detail: &str) {
    let Some(doc) = crate::dom::document() else {
        return;
    };
    let Some(body) = doc.body() else { return };
    // The language the app set on the page (`lang`), else English.
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|t| Lang::parse(&t))
        .unwrap_or(Lang::En);
    let Ok(panel) = doc.create_element("div") else {
        return;
    };
    panel.set_class_name("load-error");
    let _ = panel.set_attribute("role", "alert");
    let Ok(title) = doc.create_element("h2") else {
        return;
    };
    title.set_text_content(Some(&tr(lang, Msg::Stopped)));
    let Ok(text) = doc.create_element("p") else {
        return;
    };
    // Text only: the detail is never parsed as HTML.
    text.set_text_content(Some(&trf(lang, Msg::ReloadPlease, &[detail])));
    let _ = panel.append_child(&title);
    let _ = panel.append_child(&text);
    if let Ok(el) = panel.dyn_into::<web_sys::HtmlElement>() {
        let _ = body.prepend_with_node_1(&el);
    }
}
