//! Everything the map view draws, computed from the dataset, the atlas, the viewport, the
//! zoom and the flows shown.

use crate::arc::{arc, dist, ArcShape, ArcStyle};
use crate::atlas::Atlas;
use crate::dataset::{Dataset, Problem};
use crate::describe::location_name;
use crate::i18n::Lang;
use crate::json_path::JsonPath;
use crate::labels::{place, Placement};
use crate::model::FlowValue;
use crate::palette::{category_color, dash_pattern, dash_text};
use crate::path::multipolygon_path;
use crate::projection::{Projection, Viewport};
use crate::scale::WidthScale;
use crate::totals::Totals;
use crate::zoom::Zoom;
use geo::{Area, Coord};
use rustc_hash::FxHashMap as HashMap;

/// A country outline ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// ISO alpha-3 code.
    pub id: String,
    /// SVG path data.
    pub d: String,
}

/// A flow ready to draw: one arc per leg of its route.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowShape {
    /// Index into the dataset's flows.
    pub index: usize,
    /// Category colour.
    pub color: &'static str,
    /// Stroke width in pixels (by value).
    pub width: f64,
    /// Dash lengths in pixels of the claim status; `None` for a solid line.
    pub dash: Option<[f64; 4]>,
    /// True when the reporting gives no value.
    pub undisclosed: bool,
    /// True when someone cited denies or disputes the flow: drawn with a mark.
    pub disputed: bool,
    /// Legs in route order.
    pub legs: Vec<ArcShape>,
}

#[cfg(test)]
impl FlowShape {
    /// A black, solid, undisputed flow of `width` with no legs: for tests.
    pub(crate) fn plain(index: usize, width: f64) -> FlowShape {
        FlowShape {
            index,
            color: "#000",
            width,
            dash: None,
            undisclosed: false,
            disputed: false,
            legs: vec![],
        }
    }
}

/// The mark of a denied or disputed flow: a cross, as SVG path data around (0, 0), drawn
/// over a small disc at [`FlowShape::mark_at`].
pub const AGAINST_MARK: &str = "M-2.5,-2.5L2.5,2.5M-2.5,2.5L2.5,-2.5";

/// Radius of the disc under [`AGAINST_MARK`].
pub const AGAINST_MARK_RADIUS: f64 = 5.0;

impl FlowShape {
    /// `stroke-dasharray` of the claim status; `None` for a solid line.
    pub fn dasharray(&self) -> Option<String> {
        self.dash.as_ref().map(dash_text)
    }

    /// Where a denied or disputed flow carries its mark: the middle of its first leg;
    /// `None` for the others.
    pub fn mark_at(&self) -> Option<Coord<f64>> {
        self.legs.first().filter(|_| self.disputed).map(|l| l.middle)
    }
}

/// A location marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Location id.
    pub id: String,
    /// Screen position.
    pub at: Coord<f64>,
    /// Radius: larger for more stated value in and out.
    pub radius: f64,
    /// Its label in the reader's language; off the map, with an arrow towards the place
    /// ("Kenya ↓").
    pub text: String,
    /// Where the label goes.
    pub label: Placement,
    /// True when the location lies outside the map and is drawn at its edge.
    pub off_map: bool,
}

/// The laid-out flows and places of a map (its countries are [`countries`]).
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// Flows that could be placed, in dataset order.
    pub flows: Vec<FlowShape>,
    /// Markers of the locations the flows use, most important first.
    pub markers: Vec<Marker>,
}

impl MapLayout {
    /// True when a flow laid out starts, passes or ends at location `id` (a country's
    /// outline is then shaded as involved).
    pub fn involves(&self, id: &str) -> bool {
        self.markers.iter().any(|m| m.id == id)
    }

    /// The laid-out shape of the flow with dataset index `index`, if it could be placed
    /// (flows are in dataset order, so a binary search finds it).
    pub fn flow(&self, index: usize) -> Option<&FlowShape> {
        self.flows.binary_search_by_key(&index, |f| f.index).ok().map(|i| &self.flows[i])
    }
}

/// What the map is drawn for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
    /// Zoom and pan.
    pub zoom: Zoom,
    /// Language of labels.
    pub lang: Lang,
}

/// What laying out some flows needs that depends on neither the map's size nor its zoom
/// ([`plan`]): done once per set of flows, not again for every zoom.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The places the flows use, most important first (the order markers are labelled in).
    places: Vec<Place>,
    /// The flows that can be placed, in dataset order.
    flows: Vec<PlannedFlow>,
    /// Flows that could not be placed, and why.
    pub problems: Vec<Problem>,
}

/// A location the flows use: its point (longitude, latitude) and marker radius.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    id: String,
    point: Coord<f64>,
    radius: f64,
}

/// A flow's route (by position in [`Plan::places`]) and stroke.
#[derive(Debug, Clone, PartialEq)]
struct PlannedFlow {
    index: usize,
    route: Vec<usize>,
    color: &'static str,
    width: f64,
    dash: Option<[f64; 4]>,
    undisclosed: bool,
    disputed: bool,
}

/// How much legs between the same two places are fanned apart (added bend per leg).
const FAN_STEP: f64 = 0.12;
/// At least this many pixels between the middles of fanned legs, so that on a short leg
/// each keeps a stretch that the next one's hit area does not cover.
const FAN_MIN_PX: f64 = 10.0;
/// Marker radius without and with the largest stated value.
const MARKER_RADIUS: (f64, f64) = (3.5, 9.0);

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

/// Space kept around the locations, in pixels, for a viewport of this size.
fn padding(width: f64, height: f64) -> f64 {
    (width.min(height) * 0.08).max(24.0)
}

/// The points the projection is fitted to: the dataset's focus, else every location.
fn fit_points(dataset: &Dataset, atlas: &Atlas) -> Vec<Coord<f64>> {
    let focus = &dataset.raw.meta.focus;
    let mut pts: Vec<Coord<f64>> = dataset
        .raw
        .locations
        .iter()
        .filter(|l| focus.is_empty() || focus.contains(&l.id))
        .filter_map(|l| location_point(dataset, atlas, &l.id))
        .collect();
    crate::sort::sort_by(&mut pts, |a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    pts
}

/// Moves a point that lies outside `[x0, x1] × [y0, y1]` onto the rectangle's edge, along
/// the line from the rectangle's centre; `None` when it is inside.
///
/// # Examples
/// ```
/// use flowmap_core::layout::pull_to_edge;
/// use geo::coord;
/// let p = pull_to_edge(coord! { x: 50.0, y: 300.0 }, [0.0, 0.0, 100.0, 100.0]).unwrap();
/// assert_eq!((p.x, p.y), (50.0, 100.0));
/// assert!(pull_to_edge(coord! { x: 50.0, y: 50.0 }, [0.0, 0.0, 100.0, 100.0]).is_none());
/// ```
pub fn pull_to_edge(p: Coord<f64>, [x0, y0, x1, y1]: [f64; 4]) -> Option<Coord<f64>> {
    if (x0..=x1).contains(&p.x) && (y0..=y1).contains(&p.y) {
        return None;
    }
    let c = Coord { x: (x0 + x1) / 2.0, y: (y0 + y1) / 2.0 };
    let d = p - c;
    let tx = if d.x > 0.0 {
        (x1 - c.x) / d.x
    } else if d.x < 0.0 {
        (x0 - c.x) / d.x
    } else {
        f64::MAX
    };
    let ty = if d.y > 0.0 {
        (y1 - c.y) / d.y
    } else if d.y < 0.0 {
        (y0 - c.y) / d.y
    } else {
        f64::MAX
    };
    Some(c + d * tx.min(ty).min(1.0))
}

/// The arrow among → ↘ ↓ ↙ ← ↖ ↑ ↗ closest to the screen direction `d` (y grows down).
fn arrow_towards(d: Coord<f64>) -> char {
    const ARROWS: [char; 8] = ['→', '↘', '↓', '↙', '←', '↖', '↑', '↗'];
    let eighth = (d.y.atan2(d.x) / std::f64::consts::FRAC_PI_4).round().rem_euclid(8.0);
    ARROWS[eighth as usize]
}

/// The height that shows the dataset's locations at `width` without empty bands above
/// and below, kept between 0.5 and 0.85 times the width.
///
/// # Examples
/// ```
/// # use flowmap_core::{dataset::Dataset, atlas::Atlas, layout::preferred_height};
/// # let d = Dataset::from_json("d", r#"{"version":1,"meta":{"title":"t"},"locations":[
/// #   {"id":"A","name":"A","point":[0,40]},{"id":"B","name":"B","point":[40,42]}],
/// #   "categories":[],"sources":[],"flows":[]}"#).unwrap();
/// # let atlas = Atlas { credit: String::new(), bbox: [0.0; 4], countries: vec![] };
/// // Two locations side by side: a wide, short map.
/// assert_eq!(preferred_height(&d, &atlas, 1000.0), 500.0);
/// ```
pub fn preferred_height(dataset: &Dataset, atlas: &Atlas, width: f64) -> f64 {
    let points = fit_points(dataset, atlas);
    let pad = padding(width, width);
    let proj = Projection::fit(&points, Viewport { width, height: width * 10.0, padding: pad });
    let (y0, y1) = points
        .iter()
        .map(|p| proj.project(*p).y)
        .fold((f64::MAX, f64::MIN), |(a, b), y| (a.min(y), b.max(y)));
    let natural = if points.is_empty() { width * 0.6 } else { y1 - y0 + 2.0 * pad };
    natural.clamp(width * 0.5, width * 0.85).round()
}

/// The projection of a `width` × `height` map at `zoom`: fitted to the dataset's focus, so it
/// depends on neither the filters nor which flows are shown.
pub fn projection(
    dataset: &Dataset,
    atlas: &Atlas,
    width: f64,
    height: f64,
    zoom: Zoom,
) -> Projection {
    Projection::fit(
        &fit_points(dataset, atlas),
        Viewport { width, height, padding: padding(width, height) },
    )
    .zoomed(zoom)
}

/// The country outlines in `proj`, apart from the flows' layout: they change with the size
/// and the zoom, never with a filter.
pub fn countries(atlas: &Atlas, proj: &Projection) -> Vec<CountryShape> {
    atlas
        .countries
        .iter()
        .map(|c| CountryShape { id: c.id.clone(), d: multipolygon_path(&c.shape, proj, 0.6) })
        .collect()
}

/// Plans the layout of the flows `visible` (dataset indices): the places they use, each
/// flow's route among them and its stroke, and marker sizes by the stated values in and out.
pub fn plan(dataset: &Dataset, atlas: &Atlas, visible: &[usize]) -> Plan {
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
    let places = order
        .iter()
        .map(|&k| Place {
            id: points[k].0.to_string(),
            point: points[k].1,
            radius: radius(magnitude[k]),
        })
        .collect();

    let scale = WidthScale::for_flows(dataset.raw.flows.iter());
    let flows = routes
        .into_iter()
        .map(|(index, route)| {
            let flow = &dataset.raw.flows[index];
            let width = scale.flow_width(flow);
            PlannedFlow {
                index,
                route: route.into_iter().map(|k| rank[k]).collect(),
                color: category_color(dataset.category(&flow.category).map_or(0, |(k, _)| k)),
                width,
                dash: dash_pattern(flow.status, width),
                undisclosed: matches!(flow.value, FlowValue::Undisclosed(_)),
                disputed: crate::describe::spoken_against(flow),
            }
        })
        .collect();
    Plan { places, flows, problems }
}

/// Projects and lays out a [`plan`]'s flows and places for a view (the countries are
/// [`countries`]).
pub fn layout(dataset: &Dataset, atlas: &Atlas, plan: &Plan, view: &MapView) -> MapLayout {
    let (width, height) = (view.width, view.height);
    let pad = padding(width, height);
    let proj = projection(dataset, atlas, width, height, view.zoom);
    // Locations outside the view sit on a frame just inside the map's edge.
    let frame = [pad * 0.4, pad * 0.4, width - pad * 0.4, height - pad * 0.4];
    let mut off_map: Vec<Option<char>> = vec![None; plan.places.len()];
    let screen: Vec<Coord<f64>> = plan
        .places
        .iter()
        .zip(&mut off_map)
        .map(|(place, off)| {
            let p = proj.project(place.point);
            pull_to_edge(p, frame).map_or(p, |edge| {
                *off = Some(arrow_towards(p - Coord { x: width / 2.0, y: height / 2.0 }));
                edge
            })
        })
        .collect();

    let names: Vec<String> = plan
        .places
        .iter()
        .zip(&off_map)
        .map(|(place, off)| {
            let name = location_name(dataset, &place.id, view.lang).to_string();
            match off {
                Some(arrow) => format!("{name} {arrow}"),
                None => name,
            }
        })
        .collect();
    let label_input: Vec<(Coord<f64>, f64, &str)> = plan
        .places
        .iter()
        .zip(&screen)
        .zip(&names)
        .map(|((place, at), n)| (*at, place.radius, n.as_str()))
        .collect();
    let placements = place(&label_input, width, height);
    let markers: Vec<Marker> = plan
        .places
        .iter()
        .zip(placements)
        .zip(names)
        .enumerate()
        .map(|(k, ((p, label), text))| Marker {
            id: p.id.clone(),
            text,
            at: screen[k],
            radius: p.radius,
            label,
            off_map: off_map[k].is_some(),
        })
        .collect();

    let mut seen_pairs: HashMap<(usize, usize), usize> = HashMap::default();
    let flows = plan
        .flows
        .iter()
        .map(|f| {
            let legs = f
                .route
                .windows(2)
                .filter_map(|w| {
                    let (a, b) = (w[0], w[1]);
                    let n = seen_pairs.entry((a, b)).or_insert(0);
                    // The middle of a leg lies bend × length / 2 to its side.
                    let step = FAN_STEP.max(2.0 * FAN_MIN_PX / dist(screen[a], screen[b]).max(1.0));
                    let style = ArcStyle {
                        bend: 0.16 + step * *n as f64,
                        start_gap: plan.places[a].radius + 1.5,
                        end_gap: plan.places[b].radius + 1.5,
                        arrow_length: 6.0 + f.width * 0.9,
                        arrow_width: 5.0 + f.width * 1.1,
                    };
                    *n += 1;
                    arc(screen[a], screen[b], &style)
                })
                .collect();
            FlowShape {
                index: f.index,
                color: f.color,
                width: f.width,
                dash: f.dash,
                undisclosed: f.undisclosed,
                disputed: f.disputed,
                legs,
            }
        })
        .collect();

    MapLayout { flows, markers }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::atlas::Country;
    use geo::{polygon, MultiPolygon};

    fn dataset() -> Dataset {
        let text = r#"{
          "version": 1, "meta": {"title": "T"},
          "locations": [{"id": "SRB", "name": "Serbia", "point": [20.9, 44.0]},
                        {"id": "CZE", "name": "Czechia", "point": [15.3, 49.8]},
                        {"id": "UKR", "name": "Ukraine", "point": [31.2, 49.0]},
                        {"id": "MNE", "name": "Montenegro"}],
          "categories": [{"id": "arms", "name": "Arms"}],
          "sources": [{"id": "s", "outlet": "O", "title": "T", "kind": "news-report"}],
          "flows": [
            {"id": "a", "from": "SRB", "to": "UKR", "via": ["CZE"], "category": "arms", "value": "undisclosed",
             "description": "d", "status": "alleged", "citations": [{"source": "s", "quote": "q"}]},
            {"id": "b", "from": "SRB", "to": "UKR", "category": "arms", "value": "undisclosed",
             "description": "d", "status": "alleged", "citations": [{"source": "s", "quote": "q"}]},
            {"id": "c", "from": "MNE", "to": "UKR", "category": "arms", "value": "undisclosed",
             "description": "d", "status": "alleged", "citations": [{"source": "s", "quote": "q"}]}
          ]}"#;
        Dataset::from_json("t.json", text).unwrap()
    }

    fn atlas() -> Atlas {
        let srb = polygon![(x: 19.0, y: 42.0), (x: 23.0, y: 42.0), (x: 23.0, y: 46.0), (x: 19.0, y: 46.0)];
        Atlas {
            credit: "NE".into(),
            bbox: [0.0, 30.0, 60.0, 60.0],
            countries: vec![Country {
                id: "SRB".into(),
                name: "Serbia".into(),
                shape: MultiPolygon(vec![srb]),
            }],
        }
    }

    fn view(width: f64, height: f64) -> MapView {
        MapView { width, height, zoom: Zoom::IDENTITY, lang: Lang::En }
    }

    /// The layout of the flows `visible` at `view`.
    fn lay(d: &Dataset, visible: &[usize], view: &MapView) -> MapLayout {
        layout(d, &atlas(), &plan(d, &atlas(), visible), view)
    }

    #[test]
    fn one_shape_per_placeable_flow_with_a_leg_per_hop() {
        let l = lay(&dataset(), &[0, 1, 2], &view(800.0, 500.0));
        assert_eq!(l.flows.len(), 2);
        assert_eq!(l.flows[0].legs.len(), 2);
        assert_eq!(l.flows[1].legs.len(), 1);
        let problems = &plan(&dataset(), &atlas(), &[0, 1, 2]).problems;
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("MNE"), "{problems:?}");
        assert_eq!(l.flow(1).map(|f| f.index), Some(1));
        assert!(l.flow(2).is_none());
        assert!(l.involves("SRB") && !l.involves("MNE"));
        let proj = projection(&dataset(), &atlas(), 800.0, 500.0, Zoom::IDENTITY);
        let outlines = countries(&atlas(), &proj);
        assert_eq!(outlines.len(), 1);
        assert!(outlines[0].id == "SRB" && outlines[0].d.starts_with('M'));
    }

    #[test]
    fn location_without_point_uses_country_centre() {
        let p = location_point(&dataset(), &atlas(), "SRB").unwrap();
        assert_eq!((p.x, p.y), (20.9, 44.0));
        let mut d = dataset();
        d.raw.locations[0].point = None;
        let p = location_point(&d, &atlas(), "SRB").unwrap();
        assert!((p.x - 21.0).abs() < 1e-9 && (p.y - 44.0).abs() < 1e-9);
    }

    #[test]
    fn only_visible_flows_and_their_places_are_laid_out() {
        let l = lay(&dataset(), &[1], &view(800.0, 500.0));
        assert_eq!(l.flows.iter().map(|f| f.index).collect::<Vec<_>>(), [1]);
        let mut ids: Vec<_> = l.markers.iter().map(|m| m.id.as_str()).collect();
        ids.sort();
        assert_eq!(ids, ["SRB", "UKR"]);
    }

    #[test]
    fn arrowheads_touch_the_destination_marker_edge() {
        let l = lay(&dataset(), &[1], &view(800.0, 500.0));
        let ukr = l.markers.iter().find(|m| m.id == "UKR").unwrap();
        let tip = l.flows[0].legs[0].tip;
        let d = (tip.x - ukr.at.x).hypot(tip.y - ukr.at.y);
        assert!(
            d > ukr.radius && d < ukr.radius + 3.0,
            "tip {d} px from centre, radius {}",
            ukr.radius
        );
    }

    #[test]
    fn zooming_keeps_strokes_and_markers_the_same_size() {
        let a = lay(&dataset(), &[1], &view(800.0, 500.0));
        // Zoom about the middle of the flow, so that both ends stay on screen.
        let (p, q) = (a.markers[0].at, a.markers[1].at);
        let z = Zoom::IDENTITY.zoom_at(1.05, (p.x + q.x) / 2.0, (p.y + q.y) / 2.0, 800.0, 500.0);
        let zoomed = MapView { zoom: z, ..view(800.0, 500.0) };
        let b = lay(&dataset(), &[1], &zoomed);
        assert_eq!(a.flows[0].width, b.flows[0].width);
        assert_eq!(a.markers[0].radius, b.markers[0].radius);
        let span = |l: &MapLayout| {
            let (s, u) = (
                &l.markers.iter().find(|m| m.id == "SRB").unwrap().at,
                &l.markers.iter().find(|m| m.id == "UKR").unwrap().at,
            );
            (s.x - u.x).hypot(s.y - u.y)
        };
        assert!(b.markers.iter().all(|m| !m.off_map));
        assert!((span(&b) / span(&a) - 1.05).abs() < 1e-6, "{}", span(&b) / span(&a));
    }

    #[test]
    fn locations_outside_the_focus_sit_at_the_edge() {
        let mut d = dataset();
        d.raw.meta.focus = vec!["SRB".into(), "CZE".into()];
        let l = lay(&d, &[0, 1], &view(800.0, 500.0));
        let ukr = l.markers.iter().find(|m| m.id == "UKR").unwrap();
        assert!(ukr.off_map && ukr.at.x > 770.0, "{ukr:?}");
        assert_eq!(ukr.text, "Ukraine →");
        assert!(!l.markers.iter().find(|m| m.id == "SRB").unwrap().off_map);
        assert_eq!(l.flows.len(), 2, "flows to off-map places are still drawn");
    }

    #[test]
    fn markers_lie_inside_the_viewport() {
        let l = lay(&dataset(), &[0, 1], &view(375.0, 300.0));
        for m in &l.markers {
            assert!(m.at.x > 0.0 && m.at.x < 375.0 && m.at.y > 0.0 && m.at.y < 300.0, "{m:?}");
        }
    }
}
