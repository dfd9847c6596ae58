//! Fetching the dataset and the atlas from the site that serves the app.

use flowmap_core::atlas::Atlas;
use flowmap_core::dataset::Dataset;
use flowmap_core::i18n::Lang;
use flowmap_core::world::{self, WorldIndex, WORLD_DIR};
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

/// A downloaded JSON file's text.
async fn fetch_text(url: &str) -> Result<String, String> {
    let bytes = fetch_bytes(url).await?;
    String::from_utf8(bytes).map_err(|_| format!("{url}: the file is not UTF-8 text"))
}

async fn fetch_atlas(url: &str) -> Result<Atlas, String> {
    // Parsed in the wasm (serde_json), as the dataset is: one JSON parser instead of two.
    Atlas::from_json(&fetch_text(url).await?).map_err(|e| format!("{url}: {e}"))
}

/// The index of the world's outlines, `None` when the site has none (published without it).
async fn fetch_world_index() -> Option<WorldIndex> {
    let text = fetch_text(&format!("{WORLD_DIR}/index.json")).await.ok()?;
    WorldIndex::from_json(&text).ok()
}

/// The outlines of `dataset`'s region from the world files it needs, downloaded together.
async fn world_atlas(index: &WorldIndex, dataset: &Dataset) -> Result<Atlas, String> {
    let urls: Vec<String> =
        index.files_for(dataset).iter().map(|f| format!("{WORLD_DIR}/{f}")).collect();
    let texts = futures::future::join_all(urls.iter().map(|u| fetch_text(u))).await;
    let mut files = Vec::with_capacity(urls.len());
    for (url, text) in urls.iter().zip(texts) {
        files.push(Atlas::from_json(&text?).map_err(|e| format!("{url}: {e}"))?);
    }
    Ok(world::assemble(files, dataset))
}

/// Downloads and checks the dataset (`?data=` or the bundled one) and the outlines; errors
/// are sentences for readers.
///
/// The bundled dataset comes with the bundled atlas (both downloads started by `boot.js`).
/// Another one is downloaded with the world's index, which says whether the bundled atlas
/// covers it or which world files do; without an index (a site published without `world/`)
/// or when those files fail, the bundled atlas is drawn, and the flows still are.
pub async fn load() -> Result<Loaded, String> {
    let url = flowmap_core::query::dataset_url(&crate::dom::search(), DATASET_URL)?;
    let bundled = url == DATASET_URL;
    let (dataset, atlas) = if bundled {
        let (bytes, atlas) = futures::future::join(fetch_bytes(&url), fetch_atlas(ATLAS_URL)).await;
        (Dataset::from_bytes(&url, &bytes?).map_err(|e| e.to_string())?, atlas?)
    } else {
        let (bytes, index) = futures::future::join(fetch_bytes(&url), fetch_world_index()).await;
        let dataset = Dataset::from_bytes(&url, &bytes?).map_err(|e| e.to_string())?;
        let atlas = match index.filter(|i| !i.bundled_covers(&dataset)) {
            Some(index) => match world_atlas(&index, &dataset).await {
                Ok(atlas) => atlas,
                Err(_) => fetch_atlas(ATLAS_URL).await?,
            },
            None => fetch_atlas(ATLAS_URL).await?,
        };
        (dataset, atlas)
    };
    let lang = reader_language(dataset.raw.meta.language.as_deref());
    set_document_language(lang);
    crate::dom::set_head(&flowmap_core::page_meta::page_meta(&dataset, lang, bundled));
    Ok(Loaded { dataset: Arc::new(dataset), atlas: Arc::new(atlas), lang })
}
