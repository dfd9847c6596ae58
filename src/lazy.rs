//! The tools a reader opens only after the map shows (the pinned flow's panel among them), and
//! the reader of datasets in the old format or with items that cannot be read, each in a wasm chunk of its own that
//! the page fetches on first use: the split points, where crates/split cuts the wasm after the
//! build (scripts/split.sh). Until a chunk is in, its place says so; a chunk that cannot be
//! fetched is said in the reader's words, never a blank panel.

use crate::components::panel::DetailPanel;
use crate::components::publish::{export, Exported, Report};
use crate::components::table::FlowTable;
use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::dataset::Dataset;
use flowmap_core::i18n::{tr, Lang, Msg};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// A chunk that could not be fetched or started (the network, a file missing from the
/// published folder); the browser's console has the details.
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> ChunkFailed {
        ChunkFailed
    }
}

/// The table view (its chunk: `split_table.wasm`).
#[wasm_split(table, wasm_split_path = ::leptos::wasm_split, fallible)]
fn table_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <FlowTable /> }.into_any())
}

/// The table view, "Loading…" while its chunk is fetched.
pub fn table(lang: Lang) -> impl IntoView {
    part(lang, table_view())
}

/// The pinned flow's detail panel (its chunk: `split_panel.wasm`); `pinned_now` as
/// [`DetailPanel`] takes it.
#[wasm_split(panel, wasm_split_path = ::leptos::wasm_split, fallible)]
fn panel_view(pinned_now: bool) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <DetailPanel pinned_now /> }.into_any())
}

/// The detail panel, made when a flow is first pinned (at start, for an address with
/// `#flow=`): until its chunk is in, a panel that says "Loading…" while a flow is pinned; if
/// it cannot be fetched, one that says so (the flow pinned again unpins it, as ever).
pub fn panel(lang: Lang, state: MapState) -> impl IntoView {
    let pinned = move || state.view.with(|v| v.selected.is_some());
    let at_start = untrack(pinned);
    // True from the first pin on: the panel, once made, stays (empty while none is pinned).
    let opened = Memo::new(move |was: Option<&bool>| was == Some(&true) || pinned());
    // Escape unpins while the panel's code is coming or could not come (the panel's own
    // listener does it once it is in, and returns the focus to the flow).
    let arrived = StoredValue::new(false);
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !arrived.get_value() && untrack(pinned) {
            state.select(None);
        }
    });
    on_cleanup(move || escape.remove());
    move || {
        opened.get().then(|| {
            let chunk = panel_view(!at_start);
            let busy = move || pinned().then(|| view! {
                <aside class="panel-part"><p class="status part-status" role="status">{tr(lang, Msg::LoadingPart)}</p></aside>
            });
            view! {
                <Suspense fallback=busy>
                    {Suspend::new(async move {
                        let made = chunk.await;
                        arrived.set_value(made.is_ok());
                        made.unwrap_or_else(|ChunkFailed| {
                            (move || pinned().then(|| view! {
                                <aside class="panel-part"><p class="load-error part-error" role="alert">{tr(lang, Msg::PartFailed)}</p></aside>
                            })).into_any()
                        })
                    })}
                </Suspense>
            }
        })
    }
}

/// Makes and saves the export `kind` of the map's current view (its chunk:
/// `split_export.wasm`); see [`export`].
#[wasm_split(export, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn save(
    kind: String,
    data: Loaded,
    state: MapState,
    later: Report,
) -> Result<Option<Exported>, ChunkFailed> {
    Ok(export(&kind, &data, state, later))
}

/// Reads a dataset that is not plain: in format version 1 (migrated), or with an item that
/// cannot be read (explained) (its chunk: `split_reader.wasm`); the map's own reader has no
/// code for either ([`Dataset::from_bytes_plain`]).
#[wasm_split(reader, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn read_full(url: String, bytes: Vec<u8>) -> Result<Result<Dataset, String>, ChunkFailed> {
    Ok(Dataset::from_bytes(&url, &bytes).map_err(|e| e.to_string()))
}

/// Fetches the table's chunk ahead of a click (the pointer or the focus on its button).
pub fn prefetch_table() {
    leptos::task::spawn_local(async {
        let _ = __wasm_split_preload_table_view().await;
    });
}

/// Fetches the detail panel's chunk ahead of a first pin (a while after start, or the
/// pointer or the focus on the map), once.
pub fn prefetch_panel() {
    static ASKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !ASKED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        leptos::task::spawn_local(async {
            let _ = __wasm_split_preload_panel_view().await;
        });
    }
}

/// Fetches the exports' chunk ahead of a click (the Download menu opened).
pub fn prefetch_export() {
    leptos::task::spawn_local(async {
        let _ = __wasm_split_preload_save().await;
    });
}

/// What a chunk makes once it is in: a status line until then, the reason if it failed.
fn part(
    lang: Lang,
    chunk: impl std::future::Future<Output = Result<AnyView, ChunkFailed>> + Send + 'static,
) -> impl IntoView {
    let busy = move || view! { <p class="status part-status" role="status">{tr(lang, Msg::LoadingPart)}</p> };
    view! {
        <Suspense fallback=busy>
            {Suspend::new(async move {
                chunk.await.unwrap_or_else(|ChunkFailed| {
                    view! { <p class="load-error part-error" role="alert">{tr(lang, Msg::PartFailed)}</p> }.into_any()
                })
            })}
        </Suspense>
    }
}
