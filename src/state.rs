//! The map's shared state: one set of signals near the top, passed down as a context.
//! Everything else (visible flows, layout) is derived from these.

use crate::load::Loaded;
use flowmap_core::batch::line_opacity;
use flowmap_core::dataset::Dataset;
use flowmap_core::filter::{indices, Filter};
use flowmap_core::layout::{
    countries, layout, plan_with, projection, CountryShape, MapLayout, MapView,
};
use flowmap_core::story;
use flowmap_core::totals::Totals;
use flowmap_core::view_state::ViewState;
use flowmap_core::zoom::Zoom;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// What the pointer or keyboard is on, with the position for a tooltip (pixels from the
/// map's top left).
#[derive(Debug, Clone, PartialEq)]
pub enum Hover {
    /// A flow, by index.
    Flow { index: usize, x: f64, y: f64 },
    /// A location, by id.
    Location { id: String, x: f64, y: f64 },
}

/// What is hovered or focused, without the pointer position: what highlighting depends on.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A flow, by index.
    Flow(usize),
    /// A location, by id.
    Location(String),
}

/// Signals shared by the map, the filters, the legend and the panel.
#[derive(Clone, Copy)]
pub struct MapState {
    /// Filters, pinned flow and zoom: what a link restores.
    pub view: RwSignal<ViewState>,
    /// What is hovered or focused.
    pub hover: RwSignal<Option<Hover>>,
    /// The hovered flow or location, else the place found by the search; changes only when
    /// the pointer moves onto another one, so that each flow's highlight is not recomputed
    /// on every pointer move.
    pub target: Memo<Option<Target>>,
    /// The map's size in pixels.
    pub size: RwSignal<(f64, f64)>,
    /// Indices of the flows that pass the filters.
    pub visible: Memo<Vec<usize>>,
    /// True when the table is shown instead of the map.
    pub table: RwSignal<bool>,
    /// True when the pinned flow lies in the map's right half, so the panel goes left.
    pub panel_left: Memo<bool>,
    /// What the map draws now (`None` until the map has a size). On a canvas map, every
    /// flow, whatever the filters (unless they split a line of several flows): filters then
    /// only choose what is drawn.
    pub layout: Memo<Option<MapLayout>>,
    /// The country outlines for the map's size and zoom (`None` until it has a size): apart
    /// from `layout`, so that a filter does not draw them again.
    pub countries: Memo<Option<Vec<CountryShape>>>,
    /// True when the flows are drawn on a canvas (datasets of more than [`CANVAS_FROM`]).
    pub on_canvas: bool,
    /// True once a canvas map has painted all its flows (their painter sets it): the
    /// first-draw mark waits for it.
    pub painted: RwSignal<bool>,
    /// Whether each flow (by dataset index) passes the filters other than categories.
    pub passes: Memo<Vec<bool>>,
    /// The category filter alone (the other fields at their defaults): what a category's
    /// layer and the flows shown depend on, unchanged by a zoom or a pinned flow.
    pub categories: Memo<Filter>,
    /// The zoom alone, so that a filter (in the same view) does not re-run what depends on it.
    pub zoom: Memo<Zoom>,
    /// The zoom the map is laid out for: `zoom` once it has rested for [`SETTLE`]. Until
    /// then the drawn map is moved and scaled to follow ([`MapState::shift`]).
    laid_out_zoom: RwSignal<Zoom>,
    /// How opaque each flow's lines are drawn: 1, or less on a crowded canvas map
    /// ([`line_opacity`]).
    pub line_opacity: Memo<f64>,
    /// The dataset index of the pinned flow.
    pub pinned: Memo<Option<usize>>,
    /// Whether each flow (by dataset index) passes the filters.
    pub shown: Memo<Vec<bool>>,
    /// How the edits since the hash was last written asked for it to be written:
    /// `Some(true)` when each continued a gesture whose entry is in the history already (the
    /// entry is replaced), `Some(false)` when one asked for an entry of its own.
    continuing: StoredValue<Option<bool>>,
    /// What the flows shown bring to, take from and pass through each location: for marker
    /// labels and tooltips, counted once per filter change, after the frame that shows it.
    pub totals: Memo<HashMap<String, Totals>>,
}

/// Datasets with more flows than this are drawn on a canvas.
pub const CANVAS_FROM: usize = 300;

/// How long the zoom must rest before the map is laid out again for it: while the reader
/// drags or zooms, the map drawn for the last rest is moved and scaled instead, so that it
/// keeps up with the pointer however many flows it has.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(120);

impl MapState {
    /// Creates the state for a dataset, starting from the URL hash, and keeps the hash and
    /// the browser history in step with it.
    pub fn new(data: &Loaded) -> MapState {
        let dataset = &data.dataset;
        let view =
            RwSignal::new(story::resolve(dataset, ViewState::from_hash(&crate::dom::hash())));
        let on_canvas = dataset.raw.flows.len() > CANVAS_FROM;
        let Filtered { passes, categories, shown, visible } = filtered(view, data);
        let size = RwSignal::new((0.0, 0.0));
        let zoom = Memo::new(move |_| view.with(|v| v.zoom));
        let laid_out_zoom = rested(zoom);
        let drawn = Drawn { size, zoom: laid_out_zoom, on_canvas, visible, passes };
        let layout = drawn.layout(data);
        let pinned = pinned(view, dataset);
        let hover = RwSignal::new(None::<Hover>);
        let state = MapState {
            view,
            hover,
            target: target(hover, view),
            size,
            visible,
            table: RwSignal::new(false),
            panel_left: panel_left(layout, pinned, size),
            layout,
            countries: drawn.countries(data),
            on_canvas,
            painted: RwSignal::new(false),
            passes,
            categories,
            zoom,
            laid_out_zoom,
            line_opacity: drawn.line_opacity(layout),
            pinned,
            shown,
            continuing: StoredValue::new(None),
            totals: settled_totals(visible, dataset),
        };
        state.sync_with_url(dataset.clone());
        state
    }

    /// Writes the view into the hash: a new history entry for filters, selection and place (so
    /// Back steps through them), a replaced one for zoom (so Back does not replay panning)
    /// and for the later steps of a gesture ([`MapState::step_filter`]).
    /// The write waits until the frame showing the change is painted: a history entry costs
    /// the browser several milliseconds that the reader should not wait for.
    fn sync_with_url(self, dataset: Arc<Dataset>) {
        let (view, continuing) = (self.view, self.continuing);
        let pending = StoredValue::new(None::<(String, bool)>);
        Effect::new(move |previous: Option<ViewState>| {
            let now = view.get();
            let hash = now.to_hash();
            let only_zoom = previous.as_ref().is_some_and(|p| {
                p.filter == now.filter
                    && p.selected == now.selected
                    && p.place == now.place
                    && p.step == now.step
            });
            let scheduled = pending.with_value(Option::is_some);
            let continued = continuing.try_update_value(Option::take).flatten() == Some(true);
            pending.update_value(|p| {
                let push = (!only_zoom && !continued) || p.as_ref().is_some_and(|(_, push)| *push);
                *p = Some((hash, push));
            });
            if !scheduled {
                let write = move || {
                    if let Some((hash, push)) = pending.try_update_value(Option::take).flatten() {
                        if hash != crate::dom::hash().trim_start_matches('#') {
                            crate::dom::set_hash(&hash, push);
                        }
                    }
                };
                crate::dom::after_next_paint(write);
            }
            now
        });
        let back = window_event_listener(leptos::ev::popstate, move |_| {
            let from_url = story::resolve(&dataset, ViewState::from_hash(&crate::dom::hash()));
            if from_url != view.get_untracked() {
                view.set(from_url);
            }
        });
        on_cleanup(move || back.remove());
    }

    /// Sets the map's size, keeping the zoom valid for it; the map is laid out for the new
    /// size at once, at that zoom.
    pub fn set_size(self, width: f64, height: f64) {
        self.size.set((width, height));
        self.view.update(|v| v.zoom = v.zoom.clamped(width, height));
        self.laid_out_zoom.set(self.zoom.get_untracked());
    }

    /// The zoom the map is laid out for now (see [`MapState::shift`]).
    pub fn laid_out_zoom(self) -> Zoom {
        self.laid_out_zoom.get_untracked()
    }

    /// The `transform` (SVG or CSS) that moves and scales what is drawn from the layout to
    /// the zoom now, while the zoom has not rested; `None` once the map is laid out for it.
    pub fn shift(self) -> Option<String> {
        let z = self.zoom.get().relative_to(self.laid_out_zoom.get());
        (z != Zoom::IDENTITY).then(|| z.matrix())
    }

    /// A point of the map frame (as the reader sees it now) in the layout's coordinates.
    pub fn to_layout(self, x: f64, y: f64) -> (f64, f64) {
        self.untracked_shift().invert(x, y)
    }

    /// A point of the layout where the reader sees it now, in the map frame.
    pub fn to_frame(self, x: f64, y: f64) -> (f64, f64) {
        self.untracked_shift().apply(x, y)
    }

    fn untracked_shift(self) -> Zoom {
        self.zoom.get_untracked().relative_to(self.laid_out_zoom.get_untracked())
    }

    /// Pins a flow (or unpins with `None`).
    pub fn select(self, flow_id: Option<String>) {
        self.view.update(|v| v.selected = flow_id);
    }

    /// Pins the line of flow `index` (its first flow), or unpins it when the pinned flow is
    /// drawn in it (the line's own or another flow of it).
    pub fn toggle_line(self, dataset: &Dataset, index: usize) {
        let pinned_here = self.pinned.get_untracked().is_some_and(|p| {
            self.layout.with_untracked(|l| {
                l.as_ref().and_then(|l| l.line_of(p)).is_some_and(|f| f.index == index)
            })
        });
        match dataset.raw.flows.get(index) {
            Some(_) if pinned_here => self.select(None),
            Some(flow) => self.select(Some(flow.id.clone())),
            None => {}
        }
    }

    /// Changes the filters (a new history entry, see [`MapState::new`]).
    pub fn edit_filter(self, f: impl FnOnce(&mut Filter)) {
        self.continuing.set_value(Some(false));
        self.view.update(|v| f(&mut v.filter));
    }

    /// Changes the filters by one step of a gesture (a slider dragged, or moved by a key):
    /// the `first` step adds a history entry and the later ones replace it, so that Back
    /// returns to the view before the gesture.
    pub fn step_filter(self, first: bool, f: impl FnOnce(&mut Filter)) {
        if first {
            return self.edit_filter(f);
        }
        self.continuing.update_value(|c| *c = Some(c.unwrap_or(true)));
        self.view.update(|v| f(&mut v.filter));
    }

    /// Changes the zoom with `f(zoom, width, height)`.
    pub fn update_zoom(self, f: impl FnOnce(Zoom, f64, f64) -> Zoom) {
        let (w, h) = self.size.get_untracked();
        self.view.update(|v| v.zoom = f(v.zoom, w, h));
    }

    /// Zooms by `factor` about the map's centre (> 1 in, < 1 out).
    pub fn zoom_by(self, factor: f64) {
        self.update_zoom(|z, w, h| z.zoom_at(factor, w / 2.0, h / 2.0, w, h));
    }

    /// Shows the whole map again.
    pub fn reset_zoom(self) {
        self.update_zoom(|_, _, _| Zoom::IDENTITY);
    }
}

/// A mouse or pointer event's position relative to the map frame it happened in.
pub fn pointer_in_frame(ev: &web_sys::MouseEvent) -> Option<(f64, f64)> {
    let frame = crate::dom::closest(ev, ".map-frame")?;
    let r = frame.get_bounding_client_rect();
    Some((ev.client_x() as f64 - r.left(), ev.client_y() as f64 - r.top()))
}

/// Which flows pass the filters, in the steps a change of filter goes through.
struct Filtered {
    passes: Memo<Vec<bool>>,
    categories: Memo<Filter>,
    shown: Memo<Vec<bool>>,
    visible: Memo<Vec<usize>>,
}

/// The filters other than categories, and which flows pass them: a category filter then
/// only combines these with the categories shown, and a canvas map's drawing depends on
/// these alone.
fn filtered(view: RwSignal<ViewState>, data: &Loaded) -> Filtered {
    let dataset = &data.dataset;
    let others = Memo::new(move |_| {
        view.with(|v| Filter { hidden_categories: Default::default(), ..v.filter.clone() })
    });
    let d = dataset.clone();
    let passes = Memo::new(move |_| others.with(|f| f.passes(&d)));
    let categories = Memo::new(move |_| {
        view.with(|v| Filter {
            hidden_categories: v.filter.hidden_categories.clone(),
            ..Filter::default()
        })
    });
    let (d, codes) = (dataset.clone(), data.codes.clone());
    let shown = Memo::new(move |_| passes.with(|p| categories.with(|c| c.shown(&d, &codes, p))));
    let visible = Memo::new(move |_| shown.with(|s| indices(s)));
    Filtered { passes, categories, shown, visible }
}

/// Totals are read as text (marker labels for screen readers, a location's tooltip): they
/// follow a filter right after the frame that shows it, not within it.
fn settled_totals(
    visible: Memo<Vec<usize>>,
    dataset: &Arc<Dataset>,
) -> Memo<HashMap<String, Totals>> {
    let settled = Trigger::new();
    Effect::new(move |first: Option<()>| {
        visible.track();
        if first.is_some() {
            crate::dom::after_next_paint(move || settled.notify());
        }
    });
    let dataset = dataset.clone();
    Memo::new(move |_| {
        settled.track();
        visible.with_untracked(|v| {
            Totals::by_location(&dataset, v)
                .into_iter()
                .map(|(id, t)| (id.to_string(), t))
                .collect()
        })
    })
}

/// The dataset index of the flow the view pins.
fn pinned(view: RwSignal<ViewState>, dataset: &Arc<Dataset>) -> Memo<Option<usize>> {
    let dataset = dataset.clone();
    let id = Memo::new(move |_| view.with(|v| v.selected.clone()));
    Memo::new(move |_| {
        id.with(|id| id.as_ref().and_then(|id| dataset.raw.flows.iter().position(|f| &f.id == id)))
    })
}

/// What is hovered, without the pointer's position; else the place found by the search.
fn target(hover: RwSignal<Option<Hover>>, view: RwSignal<ViewState>) -> Memo<Option<Target>> {
    Memo::new(move |_| {
        hover.with(|h| match h {
            Some(Hover::Flow { index, .. }) => Some(Target::Flow(*index)),
            Some(Hover::Location { id, .. }) => Some(Target::Location(id.clone())),
            None => view.with(|v| v.place.clone().map(Target::Location)),
        })
    })
}

/// Keeps the detail panel off the pinned route: true when the route lies mostly in the
/// map's right half, so that the panel opens on the left.
fn panel_left(
    layout: Memo<Option<MapLayout>>,
    pinned: Memo<Option<usize>>,
    size: RwSignal<(f64, f64)>,
) -> Memo<bool> {
    Memo::new(move |_| {
        layout
            .with(|l| {
                let (l, i) = (l.as_ref()?, pinned.get()?);
                let legs = &l.line_of(i)?.legs;
                let mean = legs.iter().map(|g| g.middle.x).sum::<f64>() / legs.len().max(1) as f64;
                Some(mean > size.get_untracked().0 / 2.0)
            })
            .unwrap_or(false)
    })
}

/// What the drawing depends on: the map's size, the zoom it is laid out for, and the flows.
#[derive(Clone, Copy)]
struct Drawn {
    size: RwSignal<(f64, f64)>,
    zoom: RwSignal<Zoom>,
    on_canvas: bool,
    visible: Memo<Vec<usize>>,
    passes: Memo<Vec<bool>>,
}

impl Drawn {
    /// The canvas map plans every flow once; a filter then redraws (or just hides) a layer
    /// instead of laying out again. A zoom only lays the plan out again.
    fn layout(self, data: &Loaded) -> Memo<Option<MapLayout>> {
        let Drawn { size, zoom, on_canvas, visible, passes } = self;
        let (dataset, atlas, lang) = (data.dataset.clone(), data.atlas.clone(), data.lang);
        // A line that stands for several flows adds up the flows shown: a filter that shows
        // some of its flows and hides others plans the flows shown. (Lines are of one
        // category and claim, so the category filter never does.) Clusters add up the flows
        // shown too: with them every filter plans again.
        let clusters = flowmap_core::cluster::may_cluster(&dataset);
        let split = {
            let scale = data.scale.clone();
            Memo::new(move |_| {
                on_canvas && (clusters || (scale.has_lines() && passes.with(|p| scale.splits(p))))
            })
        };
        let every: Vec<usize> =
            if on_canvas { (0..dataset.raw.flows.len()).collect() } else { Vec::new() };
        let planned = {
            let (dataset, atlas, scale) = (dataset.clone(), atlas.clone(), data.scale.clone());
            Memo::new(move |_| {
                if on_canvas && !split.get() {
                    plan_with(&dataset, &atlas, &every, &scale.scale)
                } else {
                    visible.with(|v| plan_with(&dataset, &atlas, v, &scale.scale))
                }
            })
        };
        Memo::new(move |_| {
            let (width, height) = size.get();
            let zoom = zoom.get();
            (width > 0.0).then(|| {
                planned
                    .with(|p| layout(&dataset, &atlas, p, &MapView { width, height, zoom, lang }))
            })
        })
    }

    /// The country outlines, for the size and zoom alone.
    fn countries(self, data: &Loaded) -> Memo<Option<Vec<CountryShape>>> {
        let (dataset, atlas) = (data.dataset.clone(), data.atlas.clone());
        Memo::new(move |_| {
            let (width, height) = self.size.get();
            (width > 0.0).then(|| {
                countries(&atlas, &projection(&dataset, &atlas, width, height, self.zoom.get()))
            })
        })
    }

    /// How opaque lines are: the canvas draws the flows that pass the filters other than
    /// categories, translucent when they crowd the map.
    fn line_opacity(self, layout: Memo<Option<MapLayout>>) -> Memo<f64> {
        Memo::new(move |_| {
            let (width, height) = self.size.get();
            layout.with(|l| match l {
                Some(l) if self.on_canvas => {
                    let k = self.zoom.get().k;
                    self.passes.with(|p| {
                        line_opacity(
                            &l.flows.iter().filter(|f| p[f.index]).collect::<Vec<_>>(),
                            width,
                            height,
                            k,
                        )
                    })
                }
                _ => 1.0,
            })
        })
    }
}

/// The zoom to lay the map out for: `zoom` once it has not changed for [`SETTLE`].
fn rested(zoom: Memo<Zoom>) -> RwSignal<Zoom> {
    let rested = RwSignal::new(zoom.get_untracked());
    let waiting = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        zoom.track();
        // Every change starts the wait again; when it ends, the zoom then is the one to use
        // (which may be the one already laid out: a zoom in and straight back out).
        if let Some(wait) = waiting.get_value() {
            wait.clear();
        }
        let wait = set_timeout_with_handle(
            move || {
                let now = zoom.get_untracked();
                if now != rested.get_untracked() {
                    rested.set(now);
                }
            },
            SETTLE,
        );
        waiting.set_value(wait.ok());
    });
    rested
}
