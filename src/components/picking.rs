//! Pointer handling for the canvas map: hover and click find the flow under the pointer
//! through a spatial index ([`flowmap_core::pick`]) instead of the browser's hit testing.

use super::chooser::Chooser;
use crate::dom;
use crate::state::{pointer_in_frame, Hover, MapState};
use flowmap_core::dataset::Dataset;
use flowmap_core::pick::FlowPicker;
use leptos::prelude::*;
use std::sync::Arc;

/// Flows added to the index per task, so that building it never blocks the page long.
const FLOWS_PER_TASK: usize = 8000;

/// Hover and click on the canvas map.
#[derive(Clone)]
pub struct Picking {
    /// The index, the layout it is of (a generation number), and how many flows it has.
    picker: StoredValue<(FlowPicker, u64, usize), LocalStorage>,
    state: MapState,
    dataset: Arc<Dataset>,
    chooser: Chooser,
}

impl Picking {
    /// Picking over `state`'s layout. Whenever the layout changes the index is built anew,
    /// a slice of flows per task, starting after the current task.
    pub fn new(state: MapState, dataset: Arc<Dataset>) -> Picking {
        let picker = StoredValue::new_local((FlowPicker::empty(1.0, 1.0), 0, 0));
        let chooser = expect_context::<Chooser>();
        let picking = Picking { picker, state, dataset, chooser };
        let later = picking.clone();
        Effect::new(move |generation: Option<u64>| {
            state.layout.track();
            let generation = generation.unwrap_or(0) + 1;
            let (w, h) = state.size.get_untracked();
            // The last index goes first, so that the new one can take its room; the new one
            // has room for all the flows at once.
            picker.set_value((FlowPicker::empty(1.0, 1.0), generation, 0));
            let mut index = FlowPicker::empty(w, h);
            state.layout.with_untracked(|l| index.reserve(l.as_ref().map_or(&[], |l| &l.flows)));
            picker.set_value((index, generation, 0));
            later.clone().build_later(generation);
            generation
        });
        picking
    }

    /// Adds the next slice of flows in a later task, unless the layout changed meanwhile.
    fn build_later(self, generation: u64) {
        set_timeout(
            move || {
                let Some(done) = self.picker.try_update_value(|(picker, current, added)| {
                    if *current != generation {
                        return true;
                    }
                    self.state.layout.with_untracked(|l| {
                        let Some(l) = l else { return true };
                        let end = (*added + FLOWS_PER_TASK).min(l.flows.len());
                        picker.add(&l.flows[*added..end]);
                        *added = end;
                        end == l.flows.len()
                    })
                }) else {
                    return;
                };
                if !done {
                    self.build_later(generation);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// The flow under `(x, y)`, in the layout's coordinates ([`MapState::to_layout`]).
    fn pick(&self, x: f64, y: f64) -> Option<usize> {
        let shown = self.state.shown.read_untracked();
        self.picker.with_value(|(p, _, _)| p.pick(x, y, |i| shown[i]))
    }

    /// Pointer moved over the map: hover the flow under it, or leave the hovered flow.
    pub fn on_move(&self, ev: &web_sys::MouseEvent) {
        if on_marker(ev) {
            return;
        }
        // A button held down: the reader is dragging the map, not pointing at flows.
        if ev.buttons() != 0 {
            return self.on_leave();
        }
        let Some((x, y)) = pointer_in_frame(ev) else {
            return;
        };
        let (lx, ly) = self.state.to_layout(x, y);
        match self.pick(lx, ly) {
            Some(index) => self.state.hover.set(Some(Hover::Flow { index, x, y })),
            None if matches!(self.state.hover.get_untracked(), Some(Hover::Flow { .. })) => {
                self.state.hover.set(None)
            }
            None => {}
        }
    }

    /// Pointer left the map.
    pub fn on_leave(&self) {
        if matches!(self.state.hover.get_untracked(), Some(Hover::Flow { .. })) {
            self.state.hover.set(None);
        }
    }

    /// Click on the map: pin the flow under the pointer, or unpin when it is pinned; a
    /// finger on crowded lines is offered the flows under it instead.
    pub fn on_click(&self, ev: &web_sys::MouseEvent) {
        if on_marker(ev) || in_flow_element(ev) {
            return;
        }
        let near = |x, y| self.picker.with_value(|(p, _, _)| self.chooser.near_in(p, x, y));
        if self.chooser.offer(ev, near) {
            return;
        }
        let Some((x, y)) = pointer_in_frame(ev) else {
            return;
        };
        let (x, y) = self.state.to_layout(x, y);
        let Some(index) = self.pick(x, y) else { return };
        self.state.toggle_line(&self.dataset, index);
    }
}

fn on_marker(ev: &web_sys::MouseEvent) -> bool {
    dom::closest(ev, "g.marker").is_some()
}

/// Clicks on a flow's own element (keyboard or assistive technology) are handled there.
fn in_flow_element(ev: &web_sys::MouseEvent) -> bool {
    dom::closest(ev, "g.flow").is_some()
}
