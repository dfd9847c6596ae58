//! A finger's tap where lines crowd: the few flows under it
//! ([`flowmap_core::pick::FlowPicker::near`]), offered as a list of buttons naming each
//! route, so that a flow that others cover can still be chosen.

use super::phone;
use crate::load::Loaded;
use crate::state::{pointer_in_frame, MapState};
use flowmap_core::describe::route;
use flowmap_core::i18n::{tr, Msg};
use flowmap_core::pick::FlowPicker;
use leptos::prelude::*;

/// How far from the finger, in px, a line counts as under it.
const FINGER: f64 = 12.0;
/// The most flows the list offers.
const MOST: usize = 5;

/// The flows offered, and where the tap was (px from the map frame's top left).
#[derive(Clone, PartialEq)]
struct Offer {
    flows: Vec<usize>,
    x: f64,
    y: f64,
}

/// The list's state, shared by the flows (that offer it) and the list.
#[derive(Clone, Copy)]
pub struct Chooser {
    offered: RwSignal<Option<Offer>>,
    /// Whether the last press was a finger's (or a pen's).
    touch: StoredValue<bool>,
    /// What had focus when the list opened, to return it there.
    before: StoredValue<Option<web_sys::Element>, LocalStorage>,
    state: MapState,
}

impl Chooser {
    /// The list for `state`'s map, closed. A press outside the list closes it.
    pub fn new(state: MapState) -> Chooser {
        let chooser = Chooser {
            offered: RwSignal::new(None),
            touch: StoredValue::new(false),
            before: StoredValue::new_local(None),
            state,
        };
        let press = window_event_listener(leptos::ev::pointerdown, move |ev| {
            chooser.touch.set_value(matches!(ev.pointer_type().as_str(), "touch" | "pen"));
            let inside = crate::dom::closest(&ev, ".flow-chooser").is_some();
            if !inside && chooser.offered.with_untracked(Option::is_some) {
                chooser.offered.set(None);
            }
        });
        on_cleanup(move || press.remove());
        chooser
    }

    /// A click on the map: when a finger made it and several flows shown are under it
    /// (`near` finds them, given a point in the layout's coordinates and a reach), offers
    /// them and returns true, the click then being handled.
    pub fn offer(
        self,
        ev: &web_sys::MouseEvent,
        near: impl FnOnce(f64, f64) -> Vec<usize>,
    ) -> bool {
        // Only the click that follows a finger's press (not a later one that a screen
        // reader or a script makes).
        let touch = self.touch.get_value();
        self.touch.set_value(false);
        if !touch {
            return false;
        }
        let Some((x, y)) = pointer_in_frame(ev) else { return false };
        let (lx, ly) = self.state.to_layout(x, y);
        let flows = near(lx, ly);
        if flows.len() < 2 {
            return false;
        }
        self.before.set_value(crate::dom::document().and_then(|d| d.active_element()));
        self.state.hover.set(None);
        self.offered.set(Some(Offer { flows, x, y }));
        true
    }

    /// The flows shown within a finger of `(x, y)` (layout coordinates) on an SVG map: its
    /// few hundred flows at most are indexed for the one tap.
    pub fn near_on_svg(self, x: f64, y: f64) -> Vec<usize> {
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
    pub fn near_in(self, picker: &FlowPicker, x: f64, y: f64) -> Vec<usize> {
        let shown = self.state.shown.read_untracked();
        picker.near(x, y, FINGER, MOST, |i| shown[i])
    }

    /// Closes the list, focus going back where it was.
    fn close(self) {
        self.offered.set(None);
        if let Some(el) = self.before.try_update_value(Option::take).flatten() {
            phone::focus(&el);
        }
    }
}

/// The list of flows a crowded tap offers; nothing while none is offered. A choice pins
/// its flow; Escape or the close button closes the list.
#[component]
pub fn FlowChooser() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let chooser = expect_context::<Chooser>();
    let state = chooser.state;
    let lang = data.lang;
    let list = NodeRef::<leptos::html::Div>::new();
    // The first choice takes focus as the list opens.
    Effect::new(move |_| {
        if list.get().is_some() {
            phone::focus_first(".flow-chooser li button");
        }
    });
    move || {
        let offer = chooser.offered.get()?;
        let height = state.size.get_untracked().1;
        // Below the finger in the map's upper half, above it in the lower half.
        let (top, bottom) = if offer.y < height / 2.0 {
            (format!("{:.0}px", offer.y + 20.0), String::new())
        } else {
            (String::new(), format!("{:.0}px", height - offer.y + 20.0))
        };
        let choices = offer
            .flows
            .iter()
            .filter_map(|&i| data.dataset.raw.flows.get(i))
            .map(|flow| {
                let id = flow.id.clone();
                let choose = move |_| {
                    chooser.close();
                    state.select(Some(id.clone()));
                };
                view! {
                    <li>
                        <button type="button" data-flow-id=flow.id.clone() on:click=choose>
                            <strong>{route(&data.dataset, flow, lang)}</strong>
                            <span>{flow.description.get(lang.tag()).to_string()}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div
                class="flow-chooser"
                node_ref=list
                role="dialog"
                aria-labelledby="chooser-title"
                style:top=top
                style:bottom=bottom
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        // The list closes, not the pinned flow's panel under it.
                        ev.stop_propagation();
                        chooser.close();
                    }
                }
            >
                <p id="chooser-title">{tr(lang, Msg::ChooseFlow)}</p>
                <ul>{choices}</ul>
                <button type="button" class="close" aria-label=tr(lang, Msg::CloseChooser) on:click=move |_| chooser.close()>"×"</button>
            </div>
        })
    }
}
