//! The place search: a combobox with a list of places (the WAI-ARIA 1.2 pattern) whose
//! choice highlights the place's flows and zooms the map to them; Esc or an empty box
//! undoes it, and the box follows the view's place when Back or a link changes it.
//!
//! The list is written into the page by [`Listed::show`] (as text, never as HTML) rather
//! than by reactive views: a few elements rewritten on a key press, at a fraction of the
//! download that views for them cost.

use crate::dom;
use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::dataset::Dataset;
use flowmap_core::describe::location_name;
use flowmap_core::i18n::{tr, Lang, Msg};
use flowmap_core::search::{reached, search, Hit};
use flowmap_core::zoom::{Zoom, FIT_MAX};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Room left around the flows of a place the map zooms to, in pixels (for their labels).
const MARGIN: f64 = 40.0;

/// Highlights the place `id` and zooms to its flows, or, with `None`, shows the whole map
/// again.
fn go_to(state: MapState, dataset: &Dataset, id: Option<&str>) {
    let zoom = id.map_or(Zoom::IDENTITY, |id| {
        let ids = state.visible.with_untracked(|v| reached(dataset, id, v));
        let (laid_out, (w, h)) = (state.laid_out_zoom(), state.size.get_untracked());
        let points: Vec<(f64, f64)> = state.layout.with_untracked(|l| {
            let Some(l) = l else { return Vec::new() };
            // A place drawn in a cluster is where its cluster is.
            let on_route = ids.iter().filter_map(|id| l.marker_drawing(id));
            on_route.map(|m| laid_out.invert(m.at.x, m.at.y)).collect()
        });
        Zoom::fit(&points, w, h, (MARGIN, MARGIN), FIT_MAX)
    });
    state.view.update(|v| {
        v.place = id.map(str::to_string);
        v.zoom = zoom;
    });
}

/// What the list offers and which option is active; `open` while it is shown.
#[derive(Default)]
struct Listed {
    hits: Vec<Hit>,
    active: Option<usize>,
    open: bool,
}

impl Listed {
    /// Writes the options, the active one and whether the list shows into the page.
    fn show(&self) {
        let Some(doc) = dom::document() else { return };
        let (Some(input), Some(list), Some(none)) = (
            doc.get_element_by_id("place-search"),
            doc.get_element_by_id("place-options"),
            doc.get_element_by_id("place-none"),
        ) else {
            return;
        };
        list.set_text_content(None);
        for (i, hit) in self.hits.iter().enumerate() {
            let Ok(li) = doc.create_element("li") else { return };
            li.set_id(&format!("place-option-{i}"));
            let _ = li.set_attribute("role", "option");
            let _ = li.set_attribute("aria-selected", bool_text(self.active == Some(i)));
            li.set_text_content(Some(&hit.text));
            let _ = list.append_child(&li);
        }
        let expanded = self.open && !self.hits.is_empty();
        let _ = list.toggle_attribute_with_force("hidden", !expanded);
        let _ = none.toggle_attribute_with_force("hidden", !self.open || expanded);
        let _ = input.set_attribute("aria-expanded", bool_text(expanded));
        match self.active {
            Some(i) => input.set_attribute("aria-activedescendant", &format!("place-option-{i}")),
            None => input.remove_attribute("aria-activedescendant"),
        }
        .ok();
    }
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// What a key or a choice in the box does, with the dataset and the page's language.
#[derive(Clone)]
struct Search {
    state: MapState,
    dataset: Arc<Dataset>,
    lang: Lang,
    listed: Rc<RefCell<Listed>>,
}

impl Search {
    /// Lists the places for what is typed; an empty box undoes the choice of a place.
    fn typed(&self, text: &str) {
        let hits = search(&self.dataset, text, self.lang);
        let open = !text.trim().is_empty();
        self.update(|l| *l = Listed { hits, active: None, open });
        if !open {
            self.undo();
        }
    }

    fn update(&self, f: impl FnOnce(&mut Listed)) {
        f(&mut self.listed.borrow_mut());
        self.listed.borrow().show();
    }

    /// Chooses the option `i`: its name goes into the box, the map goes to the place.
    fn choose(&self, i: usize, input: &web_sys::HtmlInputElement) {
        let Some(id) = self.listed.borrow().hits.get(i).map(|h| h.id.clone()) else {
            return;
        };
        input.set_value(location_name(&self.dataset, &id, self.lang));
        go_to(self.state, &self.dataset, Some(&id));
        self.update(|l| *l = Listed::default());
    }

    fn undo(&self) {
        if self.state.view.with_untracked(|v| v.place.is_some()) {
            go_to(self.state, &self.dataset, None);
        }
    }

    /// Arrows move through the list (and wrap), Enter chooses, Esc closes the list and
    /// then empties the box.
    fn key(&self, ev: &web_sys::KeyboardEvent, input: &web_sys::HtmlInputElement) {
        let (n, open, active) = {
            let l = self.listed.borrow();
            (l.hits.len(), l.open, l.active)
        };
        let key = ev.key();
        match key.as_str() {
            "ArrowDown" | "ArrowUp" if n > 0 => {
                let down = key == "ArrowDown";
                let next = match active {
                    None if down => 0,
                    None => n - 1,
                    Some(i) if down => (i + 1) % n,
                    Some(i) => (i + n - 1) % n,
                };
                self.update(|l| (l.open, l.active) = (true, Some(next)));
            }
            "Enter" if open && n > 0 => self.choose(active.unwrap_or(0), input),
            "Escape" if open && n > 0 => self.update(|l| (l.open, l.active) = (false, None)),
            "Escape" => {
                input.set_value("");
                self.typed("");
            }
            _ => return,
        }
        ev.prevent_default();
    }
}

/// The search box.
fn input_of() -> Option<web_sys::HtmlInputElement> {
    dom::document()?.get_element_by_id("place-search")?.dyn_into().ok()
}

/// "Find a place": a text box that lists the places whose names hold what is typed.
#[component]
pub fn PlaceSearch() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let lang = data.lang;
    let start = state.view.with_untracked(|v| {
        v.place.as_deref().map(|id| location_name(&data.dataset, id, lang).to_string())
    });
    let s = Search { state, dataset: data.dataset.clone(), lang, listed: Default::default() };
    let (s2, s3, s4) = (s.clone(), s.clone(), s.clone());
    // The box names the place the view has, also when Back or a link changes it.
    let place = Memo::new(move |_| state.view.with(|v| v.place.clone()));
    let dataset = data.dataset.clone();
    Effect::new(move |_| {
        let name =
            place.with(|p| p.as_deref().map(|id| location_name(&dataset, id, lang).to_string()));
        if let Some(input) = input_of() {
            input.set_value(name.as_deref().unwrap_or(""));
        }
    });
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
                aria-expanded="false"
                value=start
                on:input=move |ev| s.typed(&event_target_value(&ev))
                on:keydown=move |ev| if let Some(i) = input_of() { s2.key(&ev, &i) }
                on:blur=move |_| s3.update(|l| (l.open, l.active) = (false, None))
            />
            // Chosen on press, so that the box keeps the focus.
            <ul
                id="place-options"
                role="listbox"
                aria-labelledby="place-search-label"
                hidden
                on:mousedown=move |ev| {
                    ev.prevent_default();
                    let i = dom::closest(&ev, "li").and_then(|li| li.id().strip_prefix("place-option-")?.parse().ok());
                    if let (Some(i), Some(input)) = (i, input_of()) {
                        s4.choose(i, &input);
                    }
                }
            ></ul>
            <p id="place-none" class="place-none" hidden>{tr(lang, Msg::NoPlace)}</p>
        </div>
    }
}
