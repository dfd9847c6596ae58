//! A finger's tap where lines crowd: the few flows under it
//! ([`flowmap_core::pick::FlowPicker::near`]), offered as a list of buttons naming each
//! route, so that a flow that others cover can still be chosen.
//!
//! The list is one element made once ([`FlowChooser`]), filled with its buttons when a tap
//! offers them: no signal, and no closure per choice (each costs the download).

use super::phone;
use crate::dom;
use crate::load::Loaded;
use crate::state::{pointer_in_frame, MapState};
use flowmap_core::describe::route;
use flowmap_core::i18n::{tr, Msg};
use flowmap_core::pick::FlowPicker;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How far from the finger, in px, a line counts as under it.
const FINGER: f64 = 12.0;
/// The most flows the list offers.
const MOST: usize = 5;

/// What the flows (that offer the list) share with it.
#[derive(Clone)]
pub struct Chooser {
    state: MapState,
    data: Loaded,
}

impl Chooser {
    /// The list for `state`'s map of `data`.
    pub fn new(state: MapState, data: Loaded) -> Chooser {
        Chooser { state, data }
    }

    /// A click on the map: when a finger made it (a click is a pointer event that says
    /// which pointer; not one a screen reader or a script makes) and several flows shown
    /// are under it (`near` finds them, given a point in the layout's coordinates), offers
    /// them and returns true, the click then being handled.
    pub fn offer(
        &self,
        ev: &web_sys::MouseEvent,
        near: impl FnOnce(f64, f64) -> Vec<usize>,
    ) -> bool {
        let finger = ev
            .dyn_ref::<web_sys::PointerEvent>()
            .is_some_and(|p| matches!(p.pointer_type().as_str(), "touch" | "pen"));
        let Some((x, y)) = pointer_in_frame(ev).filter(|_| finger) else { return false };
        let (lx, ly) = self.state.to_layout(x, y);
        let flows = near(lx, ly);
        if flows.len() < 2 {
            return false;
        }
        self.show(&flows, y).is_some()
    }

    /// Fills the list with a button per flow and shows it below the finger at `y` in the
    /// map's upper half, above it in the lower half; the first choice takes focus.
    fn show(&self, flows: &[usize], y: f64) -> Option<()> {
        let document = dom::document()?;
        let list = document.query_selector(".flow-chooser").ok()??;
        let items = list.query_selector("ul").ok()??;
        items.set_text_content(None);
        let (dataset, lang) = (&self.data.dataset, self.data.lang);
        for flow in flows.iter().filter_map(|&i| dataset.raw.flows.get(i)) {
            let element = |tag: &str, text: String| -> Option<web_sys::Node> {
                let el = document.create_element(tag).ok()?;
                el.set_text_content(Some(&text));
                Some(el.into())
            };
            let button = document.create_element("button").ok()?;
            button.set_attribute("type", "button").ok()?;
            button.set_attribute("data-flow-id", &flow.id).ok()?;
            let (name, what) = (route(dataset, flow, lang), flow.description.get(lang.tag()));
            button.append_child(&element("strong", name)?).ok()?;
            button.append_child(&element("span", what.into())?).ok()?;
            let item = document.create_element("li").ok()?;
            item.append_child(&button).ok()?;
            items.append_child(&item).ok()?;
        }
        // Below the finger in the map's upper half, above it in the lower half: both measured
        // from the top, since the map's box on a phone also holds the buttons and the hint.
        let height = self.state.size.get_untracked().1;
        let (top, shift) =
            if y < height / 2.0 { (y + 20.0, "none") } else { (y - 20.0, "translateY(-100%)") };
        let style = list.dyn_ref::<web_sys::HtmlElement>()?.style();
        style.set_property("top", &format!("{}px", flowmap_core::decimal::Fixed(top, 0))).ok()?;
        style.set_property("transform", shift).ok()?;
        self.state.hover.set(None);
        list.remove_attribute("hidden").ok()?;
        phone::focus_first(".flow-chooser li button");
        Some(())
    }

    /// The flows shown within a finger of `(x, y)` (layout coordinates) on an SVG map: its
    /// few hundred flows at most are indexed for the one tap.
    pub fn near_on_svg(&self, x: f64, y: f64) -> Vec<usize> {
        let (w, h) = self.state.size.get_untracked();
        let shown = self.state.shown.read_untracked();
        self.state.layout.with_untracked(|l| {
            let Some(l) = l else { return Vec::new() };
            let mut picker = FlowPicker::empty(w, h);
            picker.add(&l.flows);
            picker.near(x, y, FINGER, MOST, |i| shown[i])
        })
    }

    /// The flows shown within a finger of `(x, y)` in `picker` (a canvas map's index).
    pub fn near_in(&self, picker: &FlowPicker, x: f64, y: f64) -> Vec<usize> {
        let shown = self.state.shown.read_untracked();
        picker.near(x, y, FINGER, MOST, |i| shown[i])
    }
}

/// Hides the list if it is open, focus going back to the map when `refocus`.
fn close(refocus: bool) {
    let list =
        dom::document().and_then(|d| d.query_selector(".flow-chooser:not([hidden])").ok()?);
    if let Some(list) = list {
        let _ = list.set_attribute("hidden", "");
        if let Ok(Some(items)) = list.query_selector("ul") {
            items.set_text_content(None);
        }
        if refocus {
            phone::focus_first(".map [tabindex=\"0\"]");
        }
    }
}

/// The list a crowded tap fills ([`Chooser`]), hidden until then. A choice pins its flow;
/// Escape, the close button or focus leaving the list (a tap elsewhere) closes it.
#[component]
pub fn FlowChooser() -> impl IntoView {
    let state = expect_context::<MapState>();
    let lang = expect_context::<Loaded>().lang;
    let click = move |ev: web_sys::MouseEvent| {
        let Some(button) = dom::closest(&ev, "button") else { return };
        let id = button.get_attribute("data-flow-id");
        close(true);
        if id.is_some() {
            state.select(id);
        }
    };
    let key = |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            // The list closes, not the pinned flow's panel under it.
            ev.stop_propagation();
            close(true);
        }
    };
    let leave = |ev: web_sys::FocusEvent| {
        let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if to.and_then(|t| dom::closest_to(&t, ".flow-chooser")).is_none() {
            close(false);
        }
    };
    view! {
        <div class="flow-chooser" role="dialog" aria-labelledby="chooser-title" hidden=true on:click=click on:keydown=key on:focusout=leave>
            <p id="chooser-title">{tr(lang, Msg::ChooseFlow)}</p>
            <ul></ul>
            <button type="button" class="close" aria-label=tr(lang, Msg::CloseChooser)>"×"</button>
        </div>
    }
}
