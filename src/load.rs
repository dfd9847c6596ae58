//! Fetching the dataset and the atlas from the site that serves the app.

use flowmap_core::atlas::Atlas;
use flowmap_core::dataset::{Dataset, LoadError};
use flowmap_core::flow_codes::FlowCodes;
use flowmap_core::i18n::{tr, Lang, Msg};
use flowmap_core::scale::DatasetScale;
use flowmap_core::world::{self, WorldIndex, INDEX_FILE, WORLD_DIR};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Where the bundled dataset is, relative to the page; `?data=` replaces it.
pub const DATASET_URL: &str = "data/flows.json";
/// Where the country geometry of the bundled dataset's region is, relative to the page.
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
    /// The dataset's width scale and its lines of several flows: worked out once, for
    /// every plan and the legend.
    pub scale: Arc<DatasetScale>,
    /// Each flow's category, status and stops as numbers, for what counts them on every
    /// filter (the summary, the legend).
    pub codes: Arc<FlowCodes>,
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

/// The download of `url`: `boot.js`'s, else a new one, under way once this returns.
fn start(url: &str) -> Result<js_sys::Promise, String> {
    let window = crate::dom::window().ok_or("no window")?;
    Ok(started_early(&window, url).unwrap_or_else(|| window.fetch_with_str(url)))
}

/// The bytes of the download `request` of `url`, decoded by the core as the command-line
/// tool decodes a file; errors are sentences for readers.
async fn downloaded(url: &str, request: js_sys::Promise) -> Result<Vec<u8>, String> {
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

/// The text of the download `request` of `url` (a JSON file).
async fn downloaded_text(url: &str, request: js_sys::Promise) -> Result<String, String> {
    String::from_utf8(downloaded(url, request).await?)
        .map_err(|_| format!("{url}: the file is not UTF-8 text"))
}

/// The atlas in `text`, downloaded from `url`.
fn atlas(url: &str, text: &str) -> Result<Atlas, String> {
    // Parsed in the wasm (serde_json), as the dataset is: one JSON parser instead of two.
    Atlas::from_json(text).map_err(|e| format!("{url}: {e}"))
}

/// The outlines of `dataset`'s region from the world files it needs, downloaded together.
async fn world_atlas(index: &WorldIndex, dataset: &Dataset) -> Result<Atlas, String> {
    let urls: Vec<String> =
        index.files_for(dataset).iter().map(|f| format!("{WORLD_DIR}/{f}")).collect();
    // All under way before the first is awaited.
    let started = urls.iter().map(|u| start(u)).collect::<Result<Vec<_>, _>>()?;
    let mut files = Vec::with_capacity(urls.len());
    for (url, request) in urls.iter().zip(started) {
        files.push(atlas(url, &downloaded_text(url, request).await?)?);
    }
    Ok(world::assemble(files, dataset))
}

/// The outlines for a dataset opened with `?data=`, given the world's index (`None` when
/// the site was published without `world/`): the bundled atlas when it covers the dataset,
/// else the world files it needs; the bundled atlas when those fail, so the flows still draw.
async fn outlines_for(index: Option<WorldIndex>, dataset: &Dataset) -> Result<Atlas, String> {
    if let Some(index) = index.filter(|i| !i.bundled_covers(dataset)) {
        match world_atlas(&index, dataset).await {
            Ok(atlas) => return Ok(atlas),
            Err(e) => leptos::logging::warn!("{e}; the bundled outlines are drawn"),
        }
    }
    atlas(ATLAS_URL, &downloaded_text(ATLAS_URL, start(ATLAS_URL)?).await?)
}

/// Downloads and checks the dataset (`?data=` or the bundled one) and the outlines; errors
/// are sentences for readers.
///
/// The bundled dataset comes with the bundled atlas; another one with the world's index,
/// which says which outlines it needs ([`outlines_for`]). Both downloads are under way at
/// once (`boot.js` started them while the WebAssembly compiled).
pub async fn load() -> Result<Loaded, String> {
    let origin = crate::dom::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let url = flowmap_core::query::dataset_url(&crate::dom::search(), DATASET_URL, &origin)?;
    let bundled = url == DATASET_URL;
    let outlines =
        if bundled { ATLAS_URL.to_string() } else { format!("{WORLD_DIR}/{INDEX_FILE}") };
    let (data_request, outlines_request) = (start(&url)?, start(&outlines)?);
    let bytes = downloaded(&url, data_request).await?;
    // Each of the parses in a task of its own (so is the WebAssembly's start before them).
    crate::dom::next_task().await;
    let dataset = match Dataset::from_bytes_plain(&url, &bytes) {
        // Format version 1, or an item to explain: read by code of its own, fetched now
        // (src/lazy.rs).
        Err(LoadError::NotPlain { .. }) => crate::lazy::read_full(url.clone(), bytes)
            .await
            .unwrap_or_else(|_| Err(tr(reader_language(None), Msg::PartFailed).to_string()))?,
        read => read.map_err(|e| e.to_string())?,
    };
    let text = downloaded_text(&outlines, outlines_request).await;
    crate::dom::next_task().await;
    let atlas = if bundled {
        atlas(&outlines, &text?)?
    } else {
        // A site published without world/ (or with an older one) draws the bundled atlas;
        // the console says why, for the newsroom.
        let index = text.and_then(|t| WorldIndex::from_text(&t)).map_err(|e| {
            leptos::logging::warn!("{outlines}: {e}; the bundled outlines are drawn");
        });
        outlines_for(index.ok(), &dataset).await?
    };
    // The page's head and the dataset's scale in a task of their own too.
    crate::dom::next_task().await;
    let lang = reader_language(dataset.raw.meta.language.as_deref());
    set_document_language(lang);
    let codes = Arc::new(FlowCodes::of(&dataset));
    crate::dom::set_head(&flowmap_core::page_meta::page_meta(&dataset, &codes, lang, bundled));
    let scale = Arc::new(DatasetScale::of(&dataset));
    Ok(Loaded { dataset: Arc::new(dataset), atlas: Arc::new(atlas), lang, scale, codes })
}
