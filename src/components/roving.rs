//! The map as one Tab stop ([`flowmap_core::roving`]): the flow or place that takes Tab
//! (`tabindex="0"`, the others `-1`), and the arrow keys, Home and End that move the focus
//! among them.

use crate::dom;
use crate::state::MapState;
use flowmap_core::roving::{moved, stops, tab_stop, Move, Stop};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The map's stops as the page has them: flows and markers a filter does not hide, in
/// document order (the flows' group comes before the markers'). On a canvas map these are
/// the flows its SVG keeps ([`flowmap_core::focusable`]): while a place has the focus, its
/// flows join them, highlighted, and can be reached too.
const STOPS: &str = "g.flow:not(.filtered), g.marker:not(.filtered)";

/// Which of the map's stops takes Tab, shared by its flows and markers as a context.
#[derive(Clone, Copy)]
pub struct Roving {
    /// The stop focused last.
    last: RwSignal<Option<Stop>>,
    /// The stop that takes Tab now.
    current: Memo<Option<Stop>>,
}

impl Roving {
    /// The roving stop over the flows in the SVG (`in_dom`, by dataset index) that the
    /// filters show and the places laid out (on a canvas map, those the flows shown reach).
    pub fn new(state: MapState, in_dom: Memo<Vec<usize>>) -> Roving {
        let last = RwSignal::new(None::<Stop>);
        let current = Memo::new(move |_| {
            let flows = in_dom.with(|d| {
                state.shown.with(|s| d.iter().copied().filter(|i| s[*i]).collect::<Vec<_>>())
            });
            state.layout.with(|l| {
                let markers = l.as_ref().map(|l| l.markers.as_slice()).unwrap_or_default();
                let all = state.totals.with(|totals| {
                    let places = markers
                        .iter()
                        .map(|m| m.id.as_str())
                        .filter(|id| !state.on_canvas || totals.contains_key(*id));
                    stops(flows, places)
                });
                last.with(|last| tab_stop(&all, last.as_ref()))
            })
        });
        Roving { last, current }
    }

    /// The `tabindex` of `stop`: "0" when it takes Tab, else "-1".
    pub fn tabindex(self, stop: Stop) -> impl Fn() -> &'static str + Send + Sync + 'static {
        let current = self.current;
        move || if current.with(|c| c.as_ref() == Some(&stop)) { "0" } else { "-1" }
    }

    /// `stop` got the focus: it takes Tab from now on.
    pub fn focused(self, stop: Stop) {
        if self.last.with_untracked(|l| l.as_ref() != Some(&stop)) {
            self.last.set(Some(stop));
        }
    }
}

/// Moves the focus for an arrow key, Home or End pressed inside the map; true if it moved.
pub fn move_focus(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(step) = Move::of_key(&ev.key()) else { return false };
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let Some(list) = dom::closest_to(&target, ".map-frame")
        .and_then(|frame| frame.query_selector_all(STOPS).ok())
    else {
        return false;
    };
    let items: Vec<web_sys::SvgElement> =
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect();
    let on = dom::closest_to(&target, "g.flow, g.marker");
    let from =
        on.and_then(|on| items.iter().position(|e| AsRef::<web_sys::Element>::as_ref(e) == &on));
    moved(items.len(), from, step).is_some_and(|i| items[i].focus().is_ok())
}
