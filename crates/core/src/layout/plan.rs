//! The plan of a map: the places its flows use, each flow's route and stroke, apart from
//! the map's size and zoom.

use crate::atlas::Atlas;
use crate::bundle::bundles;
use crate::dataset::{Dataset, Problem};
use crate::json_path::JsonPath;
use crate::model::{FlowValue, Quantity};
use crate::palette::{category_color, dash_pattern};
use crate::scale::WidthScale;
use crate::totals::Totals;
use geo::{Area, Coord};
use rustc_hash::FxHashMap as HashMap;

/// What laying out some flows needs that depends on neither the map's size nor its zoom
/// ([`plan`]): done once per set of flows, not again for every zoom.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The places the flows use, most important first (the order markers are labelled in).
    pub(super) places: Vec<Place>,
    /// The flows that can be placed, in dataset order.
    pub(super) flows: Vec<PlannedFlow>,
    /// Flows that could not be placed, and why.
    pub problems: Vec<Problem>,
    /// The width scale the flows are drawn by (the dataset's).
    pub(super) scale: WidthScale,
}

/// A location the flows use: its point (longitude, latitude), marker radius, and weight:
/// how many of the flows pass through it (what clustering ranks places by).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Place {
    pub(super) id: String,
    pub(super) point: Coord<f64>,
    pub(super) radius: f64,
    pub(super) weight: f64,
}

/// A flow's route (by position in [`Plan::places`]) and stroke.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PlannedFlow {
    pub(super) index: usize,
    pub(super) route: Vec<usize>,
    pub(super) color: &'static str,
    pub(super) width: f64,
    pub(super) dash: Option<[f64; 4]>,
    pub(super) undisclosed: bool,
    pub(super) disputed: bool,
    /// The other flows drawn in this line, and their sum with this one's ([`bundles`]).
    pub(super) others: Vec<usize>,
    pub(super) sum: Option<Box<Quantity>>,
}

/// Marker radius without and with the largest stated value.
pub(super) const MARKER_RADIUS: (f64, f64) = (3.5, 9.0);

/// Where a location's flows attach: its own point, else the centre of its country's
/// largest polygon in the atlas.
pub fn location_point(dataset: &Dataset, atlas: &Atlas, id: &str) -> Option<Coord<f64>> {
    if let Some([x, y]) = dataset.location(id).and_then(|l| l.point) {
        return Some(Coord { x, y });
    }
    let shape = &atlas.country(id)?.shape;
    shape
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
        .and_then(geo::Centroid::centroid)
        .map(|p| p.0)
}

/// Plans the layout of the flows `visible` (dataset indices): the places they use, each
/// flow's route among them and its stroke, and marker sizes by the stated values in and out.
pub fn plan(dataset: &Dataset, atlas: &Atlas, visible: &[usize]) -> Plan {
    plan_with(dataset, atlas, visible, &WidthScale::for_dataset(dataset))
}

/// [`plan`] with the dataset's width scale worked out already ([`WidthScale::for_dataset`]),
/// for a map that plans again as filters change.
pub fn plan_with(dataset: &Dataset, atlas: &Atlas, visible: &[usize], scale: &WidthScale) -> Plan {
    let mut problems = Vec::new();
    // Each location once, as a place (by position in `points`), or `None` without a point (a
    // location without one needs its country's centre). Routes go by place positions, so that
    // laying out a leg looks nothing up by name.
    let mut place_of: HashMap<&str, Option<usize>> = HashMap::default();
    let mut points: Vec<(&str, Coord<f64>)> = Vec::new();
    let mut routes: Vec<(usize, Vec<usize>)> = Vec::new();
    for &i in visible {
        let Some(flow) = dataset.raw.flows.get(i) else {
            continue;
        };
        let mut route = Vec::with_capacity(flow.via.len() + 2);
        let mut missing = Vec::new();
        for id in dataset.stops(flow) {
            let place = *place_of.entry(id).or_insert_with(|| {
                let point = location_point(dataset, atlas, id)?;
                points.push((id, point));
                Some(points.len() - 1)
            });
            match place {
                Some(k) => route.push(k),
                None => missing.push(id),
            }
        }
        if missing.is_empty() {
            routes.push((i, route));
        } else {
            problems.push(Problem {
                path: JsonPath::root().key("flows").index(i),
                warning: false,
                message: format!(
                    "flow \"{}\" cannot be placed: no point for {} (give the location a \"point\")",
                    flow.id,
                    missing.join(", ")
                ),
            });
        }
    }

    // Markers: sized by stated value in and out, most important first for labelling.
    let mut magnitude = vec![0.0; points.len()];
    for (id, t) in Totals::by_location(dataset, visible) {
        if let Some(Some(k)) = place_of.get(id) {
            magnitude[*k] = t.magnitude();
        }
    }
    let largest = magnitude.iter().copied().fold(0.0, f64::max);
    let radius = |m: f64| {
        let share = if largest > 0.0 { (m / largest).sqrt() } else { 0.0 };
        MARKER_RADIUS.0 + (MARKER_RADIUS.1 - MARKER_RADIUS.0) * share
    };
    let order = crate::sort::order_of(points.len(), |a, b| {
        magnitude[b].total_cmp(&magnitude[a]).then(points[a].0.cmp(points[b].0))
    });
    // Routes refer to places by their position in that order.
    let mut rank = vec![0; points.len()];
    for (r, &k) in order.iter().enumerate() {
        rank[k] = r;
    }
    let mut places = order
        .iter()
        .map(|&k| Place {
            id: points[k].0.to_string(),
            point: points[k].1,
            radius: radius(magnitude[k]),
            weight: 0.0,
        })
        .collect::<Vec<Place>>();

    let placed: Vec<usize> = routes.iter().map(|(i, _)| *i).collect();
    let mut route_of: HashMap<usize, Vec<usize>> = routes.into_iter().collect();
    let flows = bundles(dataset, &placed)
        .into_iter()
        .map(|line| {
            let index = line.members[0];
            let flow = &dataset.raw.flows[index];
            let members = || line.members.iter().map(|&i| &dataset.raw.flows[i]);
            let width = match &line.sum {
                Some(sum) => scale.figure_width(sum),
                None => members().map(|f| scale.flow_width(f)).fold(0.0, f64::max),
            };
            let route = route_of.remove(&index).unwrap_or_default();
            PlannedFlow {
                index,
                route: route.into_iter().map(|k| rank[k]).collect(),
                color: category_color(dataset.category(&flow.category).map_or(0, |(k, _)| k)),
                width,
                dash: dash_pattern(flow.status, width),
                undisclosed: members().all(|f| matches!(f.value, FlowValue::Undisclosed(_))),
                disputed: crate::describe::spoken_against(flow),
                others: line.members[1..].to_vec(),
                sum: line.sum,
            }
        })
        .collect::<Vec<PlannedFlow>>();
    // Each place's weight once per line through it (`seen`: the last line counted there).
    let mut seen = vec![usize::MAX; places.len()];
    for (n, f) in flows.iter().enumerate() {
        for &k in &f.route {
            if seen[k] != n {
                seen[k] = n;
                places[k].weight += (1 + f.others.len()) as f64;
            }
        }
    }
    Plan { places, flows, problems, scale: scale.clone() }
}
