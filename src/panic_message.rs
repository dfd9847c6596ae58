//! A panic must never leave the reader with a blank or frozen map: the hook logs it and
//! puts a plain-text message in the page.

use wasm_bindgen::JsCast;

/// Installs the hook; call once, first thing.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

fn show(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = doc.body() else { return };
    let Ok(panel) = doc.create_element("div") else { return };
    panel.set_class_name("load-error");
    let _ = panel.set_attribute("role", "alert");
    let Ok(title) = doc.create_element("h2") else { return };
    title.set_text_content(Some("The map stopped working"));
    let Ok(text) = doc.create_element("p") else { return };
    // Text only: the detail is never parsed as HTML.
    text.set_text_content(Some(&format!(
        "Please reload the page. If this happens again, tell the newsroom: {detail}"
    )));
    let _ = panel.append_child(&title);
    let _ = panel.append_child(&text);
    if let Ok(el) = panel.dyn_into::<web_sys::HtmlElement>() {
        let _ = body.prepend_with_node_1(&el);
    }
}
