//! Saving files from the page: text (SVG, CSV, JSON) and PNG drawn from an SVG. A step the
//! browser refuses is an [`ExportError`], for the reader (a line in the Download menu) and
//! the console.

use crate::dom::document;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The step of an export that the browser refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportError {
    /// The file's contents could not be made into a blob.
    Blob,
    /// No object URL for the blob.
    ObjectUrl,
    /// No link to offer the file with.
    Link,
    /// The SVG could not be loaded as an image.
    Image,
    /// The image could not be drawn on a canvas.
    Canvas,
    /// The canvas could not be encoded as PNG.
    Encode,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ExportError::Blob => "the browser could not make the file's contents",
            ExportError::ObjectUrl => "the browser gave no address for the file",
            ExportError::Link => "the browser could not offer the file for download",
            ExportError::Image => "the browser could not read the map as an image",
            ExportError::Canvas => "the browser could not draw the map on a canvas",
            ExportError::Encode => "the browser could not encode the PNG",
        })
    }
}

/// Offers `blob` to the reader as a file called `name`.
fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), ExportError> {
    let url =
        web_sys::Url::create_object_url_with_blob(blob).map_err(|_| ExportError::ObjectUrl)?;
    let a: web_sys::HtmlAnchorElement = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into().ok())
        .ok_or(ExportError::Link)?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn blob(text: &str, mime: &str) -> Result<web_sys::Blob, ExportError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| ExportError::Blob)
}

/// Saves text as a file.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), ExportError> {
    save_blob(name, &blob(text, mime)?)
}

/// What the reader is told when a step fails after the click has returned (the PNG is drawn
/// once the image has loaded).
pub type Failed = std::rc::Rc<dyn Fn(ExportError)>;

/// Draws an SVG document onto a canvas at `scale` times its size and saves it as PNG; a step
/// that fails later is told to `failed`.
pub fn save_png(
    name: &str,
    svg: &str,
    width: f64,
    height: f64,
    scale: f64,
    failed: Failed,
) -> Result<(), ExportError> {
    let b = blob(svg, "image/svg+xml")?;
    let url = web_sys::Url::create_object_url_with_blob(&b).map_err(|_| ExportError::ObjectUrl)?;
    let img = web_sys::HtmlImageElement::new().map_err(|_| ExportError::Image)?;
    let name = name.to_string();
    let (img2, url2, url3, failed2) = (img.clone(), url.clone(), url.clone(), failed.clone());
    let onload = Closure::once_into_js(move || {
        if let Err(e) = draw_and_save(&name, &img2, width, height, scale, failed.clone()) {
            failed(e);
        }
        let _ = web_sys::Url::revoke_object_url(&url2);
    });
    // The browser may refuse to draw the picture (an SVG it cannot read): said, not silent.
    let onerror = Closure::once_into_js(move || {
        failed2(ExportError::Image);
        let _ = web_sys::Url::revoke_object_url(&url3);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_onerror(Some(onerror.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}

fn draw_and_save(
    name: &str,
    img: &web_sys::HtmlImageElement,
    width: f64,
    height: f64,
    scale: f64,
    failed: Failed,
) -> Result<(), ExportError> {
    let canvas: web_sys::HtmlCanvasElement = document()
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into().ok())
        .ok_or(ExportError::Canvas)?;
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(ExportError::Canvas)?;
    ctx.scale(scale, scale).map_err(|_| ExportError::Canvas)?;
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, width, height)
        .map_err(|_| ExportError::Canvas)?;
    let name = name.to_string();
    let cb = Closure::once_into_js(move |b: Option<web_sys::Blob>| {
        if let Err(e) = b.ok_or(ExportError::Encode).and_then(|b| save_blob(&name, &b)) {
            failed(e);
        }
    });
    canvas.to_blob(cb.unchecked_ref()).map_err(|_| ExportError::Encode)
}
