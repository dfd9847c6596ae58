//! The place search: a combobox with a list of places (the WAI-ARIA 1.2 pattern) whose
//! choice highlights the place's flows and zooms the map to them; Esc or an empty box
//! undoes it.

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::dataset::Dataset;
use flowmap_core::describe::location_name;
use flowmap_core::i18n::{tr, Msg};
use flowmap_core::search::{reached, search};
use flowmap_core::zoom::Zoom;
use leptos::prelude::*;
use std::sync::Arc;

/// Room left around the flows of a place the map zooms to, in pixels (for their labels).
const MARGIN: f64 = 40.0;

/// Highlights the place `id` and zooms to its flows, or, with `None`, shows the whole map
/// again.
fn go_to(state: MapState, dataset: &Dataset, id: Option<&str>) {
    let zoom = id.map_or(Zoom::IDENTITY, |id| {
        let ids = state.visible.with_untracked(|v| reached(dataset, id, v));
        let (laid_out, (w, h)) = (state.laid_out_zoom(), state.size.get_untracked());
        let points: Vec<(f64, f64)> = state.layout.with_untracked(|l| {
            let markers = l.iter().flat_map(|l| &l.markers);
            markers
                .filter(|m| ids.contains(&m.id.as_str()))
                .map(|m| laid_out.invert(m.at.x, m.at.y))
                .collect()
        });
        Zoom::fit(&points, w, h, MARGIN)
    });
    state.view.update(|v| {
        v.place = id.map(str::to_string);
        v.zoom = zoom;
    });
}

/// "Find a place": a text box that lists the places whose names hold what is typed.
#[component]
pub fn PlaceSearch() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let (dataset, lang) = (data.dataset.clone(), data.lang);
    let name = move |d: &Arc<Dataset>, id: &str| location_name(d, id, lang).to_string();
    let start = state.view.with_untracked(|v| v.place.as_deref().map(|id| name(&dataset, id)));
    let query = RwSignal::new(start.unwrap_or_default());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let d = dataset.clone();
    let hits = Memo::new(move |_| query.with(|q| search(&d, q, lang)));
    let d = StoredValue::new(dataset);
    let choose = move |i: usize| {
        let Some(hit) = hits.with_untracked(|h| h.get(i).cloned()) else { return };
        d.with_value(|d| {
            query.set(name(d, &hit.id));
            go_to(state, d, Some(&hit.id));
        });
        open.set(false);
        active.set(None);
    };
    let clear = move || {
        if state.view.with_untracked(|v| v.place.is_some()) {
            d.with_value(|d| go_to(state, d, None));
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = hits.with_untracked(Vec::len);
        let key = ev.key();
        match key.as_str() {
            "ArrowDown" | "ArrowUp" if n > 0 => {
                let down = key == "ArrowDown";
                let next = match active.get_untracked() {
                    None if down => 0,
                    None => n - 1,
                    Some(i) if down => (i + 1) % n,
                    Some(i) => (i + n - 1) % n,
                };
                open.set(true);
                active.set(Some(next));
            }
            "Enter" if open.get_untracked() && n > 0 => choose(active.get_untracked().unwrap_or(0)),
            // The list closes first; then the box is emptied.
            "Escape" if open.get_untracked() && n > 0 => {
                open.set(false);
                active.set(None);
            }
            "Escape" => {
                open.set(false);
                query.set(String::new());
                clear();
            }
            _ => return,
        }
        ev.prevent_default();
    };
    let on_input = move |ev: web_sys::Event| {
        let text = event_target_value(&ev);
        open.set(!text.trim().is_empty());
        active.set(None);
        if text.trim().is_empty() {
            clear();
        }
        query.set(text);
    };
    let expanded = move || open.get() && hits.with(|h| !h.is_empty());
    let options = move || {
        hits.with(|h| {
            h.iter()
                .enumerate()
                .map(|(i, hit)| {
                    view! {
                        <li
                            id=format!("place-option-{i}")
                            role="option"
                            aria-selected=move || (active.get() == Some(i)).to_string()
                            // Chosen on press, so that the box keeps the focus.
                            on:mousedown=move |ev| {
                                ev.prevent_default();
                                choose(i);
                            }
                        >
                            {hit.text.clone()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="place-search">
            <label id="place-search-label" for="place-search">{tr(lang, Msg::FindPlace)}</label>
            <input
                id="place-search"
                type="search"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls="place-options"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().map(|i| format!("place-option-{i}"))
                prop:value=move || query.get()
                on:input=on_input
                on:keydown=on_key
                on:blur=move |_| open.set(false)
            />
            <ul id="place-options" role="listbox" aria-labelledby="place-search-label" hidden=move || !expanded()>
                {options}
            </ul>
            <p class="place-none" hidden=move || !open.get() || hits.with(|h| !h.is_empty())>{tr(lang, Msg::NoPlace)}</p>
        </div>
    }
}
