//! Saving files from the page: text (SVG, CSV, JSON) and PNG drawn from an SVG.

use crate::dom::document;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `blob` to the reader as a file called `name`.
fn save_blob(name: &str, blob: &web_sys::Blob) -> Option<()> {
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document()?.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

fn blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()
}

/// Saves text as a file.
pub fn save_text(name: &str, mime: &str, text: &str) {
    if let Some(b) = blob(text, mime) {
        save_blob(name, &b);
    }
}

/// Draws an SVG document onto a canvas at `scale` times its size and saves it as PNG.
pub fn save_png(name: &str, svg: &str, width: f64, height: f64, scale: f64) {
    let Some(b) = blob(svg, "image/svg+xml") else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&b) else {
        return;
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = name.to_string();
    let (img2, url2) = (img.clone(), url.clone());
    let onload = Closure::once_into_js(move || {
        let _ = draw_and_save(&name, &img2, width, height, scale);
        let _ = web_sys::Url::revoke_object_url(&url2);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}

fn draw_and_save(
    name: &str,
    img: &web_sys::HtmlImageElement,
    width: f64,
    height: f64,
    scale: f64,
) -> Option<()> {
    let canvas: web_sys::HtmlCanvasElement =
        document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.scale(scale, scale).ok()?;
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, width, height).ok()?;
    let name = name.to_string();
    let cb = Closure::once_into_js(move |b: Option<web_sys::Blob>| {
        if let Some(b) = b {
            save_blob(&name, &b);
        }
    });
    canvas.to_blob(cb.unchecked_ref()).ok()
}
