//! Fetching the dataset and the atlas from the site that serves the app.

use flowmap_core::atlas::Atlas;
use flowmap_core::dataset::Dataset;
use flowmap_core::i18n::Lang;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Where the bundled dataset is, relative to the page; `?data=` replaces it.
pub const DATASET_URL: &str = "data/flows.json";
/// Where the country geometry is, relative to the page.
pub const ATLAS_URL: &str = "atlas.json";

/// What the map needs before it can draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The checked dataset.
    pub dataset: Arc<Dataset>,
    /// Country outlines of the region.
    pub atlas: Arc<Atlas>,
    /// The reader's language.
    pub lang: Lang,
}

/// The reader's language: `?lang=`, else the dataset's (if known yet), else the browser's.
pub fn reader_language(dataset_default: Option<&str>) -> Lang {
    Lang::choose(
        crate::dom::param("lang").as_deref(),
        dataset_default,
        &crate::dom::browser_languages(),
    )
}

/// Tells the browser (and screen readers) which language the page is in.
pub fn set_document_language(lang: Lang) {
    if let Some(root) = crate::dom::root() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// The download `public/boot.js` started for `url` while the WebAssembly was loading, if
/// any (taken, so that a second load downloads again). It gives the bytes (an `ArrayBuffer`)
/// when the download succeeded, else the response.
fn started_early(window: &web_sys::Window, url: &str) -> Option<js_sys::Promise> {
    let early = js_sys::Reflect::get(window, &"flowmapPrefetch".into())
        .ok()?
        .dyn_into::<js_sys::Object>()
        .ok()?;
    let promise =
        js_sys::Reflect::get(&early, &url.into()).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(&early, &url.into());
    Some(promise)
}

/// Downloads `url` as bytes, decoded by the core as the command-line tool decodes a file;
/// errors are sentences for readers.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = crate::dom::window().ok_or("no window")?;
    let request = started_early(&window, url).unwrap_or_else(|| window.fetch_with_str(url));
    let got = JsFuture::from(request)
        .await
        .map_err(|_| format!("{url} could not be downloaded (network error)"))?;
    if let Some(buffer) = got.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    if got.is_null() {
        return Err(format!("{url} could not be downloaded (network error)"));
    }
    let resp: Response = got.dyn_into().map_err(|_| format!("{url}: unexpected response"))?;
    if !resp.ok() {
        return Err(format!("{url} could not be downloaded (HTTP {})", resp.status()));
    }
    // A file over the size limit is refused from its announced size, before it is read.
    let announced = resp.headers().get("content-length").ok().flatten();
    // (As a u64: a size of 4 GB or more does not fit the wasm's usize.)
    if let Some(bytes) = announced.and_then(|n| n.trim().parse::<u64>().ok()) {
        let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
        flowmap_core::limits::check_size(bytes).map_err(|e| format!("{url}: {e}"))?;
    }
    let buffer = JsFuture::from(resp.array_buffer().map_err(|_| format!("{url}: no body"))?)
        .await
        .map_err(|_| format!("{url}: the download was interrupted"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn fetch_atlas(url: &str) -> Result<Atlas, String> {
    // Parsed in the wasm (serde_json), as the dataset is: one JSON parser instead of two.
    let bytes = fetch_bytes(url).await?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("{url}: the file is not UTF-8 text"))?;
    Atlas::from_json(&text).map_err(|e| format!("{url}: {e}"))
}

/// Downloads and checks the dataset (`?data=` or the bundled one) and the atlas; errors
/// are sentences for readers.
pub async fn load() -> Result<Loaded, String> {
    let url = flowmap_core::query::dataset_url(&crate::dom::search(), DATASET_URL)?;
    let (bytes, atlas) = futures::future::join(fetch_bytes(&url), fetch_atlas(ATLAS_URL)).await;
    let dataset = Dataset::from_bytes(&url, &bytes?).map_err(|e| e.to_string())?;
    let lang = reader_language(dataset.raw.meta.language.as_deref());
    set_document_language(lang);
    let bundled = url == DATASET_URL;
    crate::dom::set_head(&flowmap_core::page_meta::page_meta(&dataset, lang, bundled));
    Ok(Loaded { dataset: Arc::new(dataset), atlas: Arc::new(atlas?), lang })
}
