//! Everything the map view draws, computed from the dataset, the atlas, the viewport, the
//! zoom and the flows shown.

mod clustered;
#[cfg(test)]
mod clustered_test;
mod edge;
mod fit;
mod plan;
mod tip_words;
mod tooltip;
#[cfg(test)]
mod zoomed_test;

pub use clustered::Cluster;
pub use edge::{out_of_box, pull_to_edge};
pub use fit::{controls_box, countries, preferred_height, projection, CONTROLS_OVER_MAP_FROM};
pub use plan::{location_point, plan, plan_with, Plan};
pub use tip_words::{flow_tip, FlowTip, TipSource};
pub use tooltip::{place_tip, route_points, tip_height, TipBox};

use crate::arc::{arc, dist, ArcShape, ArcStyle};
use crate::atlas::Atlas;
use crate::dataset::Dataset;
use crate::i18n::Lang;
use crate::labels::{place, Mark, Placement};
use crate::model::Quantity;
use crate::palette::dash_text;
use crate::scale::WidthScale;
use crate::zoom::Zoom;
use clustered::{drawn, Drawn};
use edge::arrow_towards;
use fit::padding;
use geo::Coord;
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
    /// Legs in route order; zoomed in, none that join two places outside the view (see
    /// [`layout`]).
    pub legs: Vec<ArcShape>,
    /// The other flows this line stands for (dataset indices; [`crate::bundle`]): along the
    /// same route, of the same goods, claim and unit.
    pub others: Vec<usize>,
    /// The sum of the figures of this flow and the others, when they add up.
    /// (Boxed: most lines stand for one flow, and an unboxed figure would make each line's
    /// shape half as large again.)
    pub sum: Option<Box<Quantity>>,
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
            others: vec![],
            sum: None,
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

    /// Dataset indices of the flows this line draws: its own, then the others.
    pub fn members(&self) -> Vec<usize> {
        std::iter::once(self.index).chain(self.others.iter().copied()).collect()
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
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapLayout {
    /// Flows that could be placed, in dataset order.
    pub flows: Vec<FlowShape>,
    /// Markers of the locations the flows use, most important first.
    pub markers: Vec<Marker>,
    /// The position in `flows` of the line that draws each flow drawn in another's line.
    pub drawn_in: HashMap<usize, usize>,
    /// The clusters drawn, by marker id (above [`crate::cluster::CLUSTER_FROM`] places;
    /// [`MapLayout::cluster`]).
    pub clusters: Vec<Cluster>,
    /// Each location drawn in a cluster, by id, with its cluster (in `clusters`;
    /// [`MapLayout::marker_of`]).
    pub drawn_at: Vec<(String, usize)>,
    /// The route in words of each line (by its first flow) that joins different places of
    /// some clusters, by first flow: "Frankfurt and 12 places nearby to London"
    /// ([`MapLayout::between_words`]).
    pub between: Vec<(usize, String)>,
    /// The width scale of the lines when clusters are drawn: it reaches the largest sum of a
    /// line between clusters, which no line of single places does; the legend's then.
    pub cluster_scale: Option<WidthScale>,
}

impl MapLayout {
    /// The laid-out shape of the flow with dataset index `index`, if it could be placed
    /// (flows are in dataset order, so a binary search finds it).
    pub fn flow(&self, index: usize) -> Option<&FlowShape> {
        self.flows.binary_search_by_key(&index, |f| f.index).ok().map(|i| &self.flows[i])
    }

    /// The line that draws the flow with dataset index `index`: its own, or the one it is
    /// drawn in with others.
    pub fn line_of(&self, index: usize) -> Option<&FlowShape> {
        self.flow(index).or_else(|| self.drawn_in.get(&index).map(|&k| &self.flows[k]))
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

/// How much legs between the same two places are fanned apart (added bend per leg).
const FAN_STEP: f64 = 0.12;
/// At least this many pixels between the middles of fanned legs, so that on a short leg
/// each keeps a stretch that the next one's hit area does not cover.
const FAN_MIN_PX: f64 = 10.0;

/// Projects and lays out a [`plan`]'s flows and places for a view (the countries are
/// [`countries`]). Places outside the view sit at its edge; zoomed in, a leg between two
/// such places is left out (it would cross the view where the flow does not go); markers
/// keep clear of the zoom controls, and labels are shown where they fit ([`place`]).
pub fn layout(dataset: &Dataset, atlas: &Atlas, plan: &Plan, view: &MapView) -> MapLayout {
    let (width, height) = (view.width, view.height);
    let pad = padding(width, height);
    let proj = projection(dataset, atlas, width, height, view.zoom);
    let controls = controls_box(width);
    let raw: Vec<Coord<f64>> = plan.places.iter().map(|p| proj.project(p.point)).collect();
    // Each place, or above a few thousand, nearby places as clusters.
    let Drawn { nodes, lines, between, scale: cluster_scale } =
        drawn(dataset, plan, &raw, view.zoom, view.lang);
    // Locations outside the view sit on a frame just inside the map's edge.
    let frame = [pad * 0.4, pad * 0.4, width - pad * 0.4, height - pad * 0.4];
    let mut off_map: Vec<Option<char>> = vec![None; nodes.len()];
    let screen: Vec<Coord<f64>> = nodes
        .iter()
        .zip(&mut off_map)
        .map(|(node, off)| {
            let p = node.at;
            let at = pull_to_edge(p, frame).map_or(p, |edge| {
                *off = Some(arrow_towards(p - Coord { x: width / 2.0, y: height / 2.0 }));
                edge
            });
            controls.and_then(|b| out_of_box(at, node.radius, &b)).unwrap_or(at)
        })
        .collect();

    let is_off: Vec<bool> = off_map.iter().map(Option::is_some).collect();
    let names: Vec<String> = nodes
        .iter()
        .zip(&off_map)
        .map(|(node, off)| match off {
            Some(arrow) => format!("{} {arrow}", node.text),
            None => node.text.to_string(),
        })
        .collect();
    let marks: Vec<Mark> = nodes
        .iter()
        .zip(&screen)
        .zip(&names)
        .map(|((node, at), n)| Mark { at: *at, radius: node.radius, text: n.as_str() })
        .collect();
    let placements = place(&marks, width, height, controls.as_slice());
    let mut clusters = Vec::new();
    let markers: Vec<Marker> = nodes
        .into_iter()
        .zip(placements)
        .zip(names)
        .enumerate()
        .map(|(k, ((node, label), text))| {
            let id = node.id.into_owned();
            clusters.extend(node.cluster);
            Marker { id, text, at: screen[k], radius: node.radius, label, off_map: is_off[k] }
        })
        .collect();
    let radius: Vec<f64> = markers.iter().map(|m| m.radius).collect();
    let clustered = !clusters.is_empty();
    // Sorted by id, for [`MapLayout::cluster`] and [`MapLayout::marker_of`].
    crate::sort::sort_by(&mut clusters, |a, b| a.id.cmp(&b.id));
    let mut drawn_at: Vec<(String, usize)> = Vec::new();
    for (k, c) in clusters.iter().enumerate() {
        drawn_at.extend(c.places.iter().map(|p| (p.clone(), k)));
    }
    crate::sort::sort_by(&mut drawn_at, |a, b| a.0.cmp(&b.0));

    let zoomed = !view.zoom.is_identity();
    let mut seen_pairs: HashMap<(usize, usize), usize> = HashMap::default();
    let flows = lines
        .iter()
        .map(|f| {
            // As many as the route has legs (collected, a flow of one leg would keep room
            // for four: a quarter of the memory a large map's legs take).
            let mut legs = Vec::with_capacity(f.route.len().saturating_sub(1));
            legs.extend(
                f.route
                    .windows(2)
                    // Zoomed in, both ends at the edge: the leg would cross the view where the flow
                    // does not go.
                    .filter(|w| !(zoomed && is_off[w[0]] && is_off[w[1]]))
                    .filter_map(|w| {
                        let (a, b) = (w[0], w[1]);
                        let n = seen_pairs.entry((a, b)).or_insert(0);
                        // The middle of a leg lies bend × length / 2 to its side.
                        let step =
                            FAN_STEP.max(2.0 * FAN_MIN_PX / dist(screen[a], screen[b]).max(1.0));
                        let style = ArcStyle {
                            bend: 0.16 + step * *n as f64,
                            start_gap: radius[a] + 1.5,
                            end_gap: radius[b] + 1.5,
                            arrow_length: 6.0 + f.width * 0.9,
                            arrow_width: 5.0 + f.width * 1.1,
                        };
                        *n += 1;
                        // Between clusters (at least their radius apart), a leg too short for its
                        // gaps and arrow starts and ends over the markers instead.
                        arc(screen[a], screen[b], &style).or_else(|| {
                            let tight = ArcStyle {
                                start_gap: 1.5 + radius[a] * 0.3,
                                end_gap: 1.5 + radius[b] * 0.3,
                                arrow_length: 6.0,
                                ..style
                            };
                            clustered.then(|| arc(screen[a], screen[b], &tight)).flatten()
                        })
                    }),
            );
            FlowShape {
                index: f.index,
                color: f.color,
                width: f.width,
                dash: f.dash,
                undisclosed: f.undisclosed,
                disputed: f.disputed,
                legs,
                others: f.others.clone(),
                sum: f.sum.clone(),
            }
        })
        .collect::<Vec<FlowShape>>();
    let drawn_in =
        flows.iter().enumerate().flat_map(|(k, f)| f.others.iter().map(move |&i| (i, k))).collect();
    MapLayout { flows, markers, drawn_in, clusters, drawn_at, between, cluster_scale }
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
        let involves = |id: &str| l.markers.iter().any(|m| m.id == id);
        assert!(involves("SRB") && !involves("MNE"));
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
        // Narrower than the width the zoom controls cover the map from, so nothing moves aside.
        let a = lay(&dataset(), &[1], &view(560.0, 400.0));
        // Zoom about the middle of the flow, so that both ends stay on screen.
        let (p, q) = (a.markers[0].at, a.markers[1].at);
        let z = Zoom::IDENTITY.zoom_at(1.05, (p.x + q.x) / 2.0, (p.y + q.y) / 2.0, 560.0, 400.0);
        let zoomed = MapView { zoom: z, ..view(560.0, 400.0) };
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
    fn flows_that_add_up_along_one_route_are_one_line_drawn_for_their_sum() {
        let mut d = dataset();
        for (k, (f, amount)) in d.raw.flows.iter_mut().zip([1e6, 4e6, 9e6]).enumerate() {
            f.value = crate::model::FlowValue::Known(crate::model::Quantity::money(amount, "USD"));
            let year: crate::date::PartialDate = format!("{}", 2020 + k).parse().unwrap();
            f.period = Some(crate::date::Period { start: Some(year), end: Some(year) });
        }
        d.raw.flows[2].from = "SRB".into();
        let l = lay(&d, &[0, 1, 2], &view(800.0, 500.0));
        let indices: Vec<_> = l.flows.iter().map(|f| (f.index, f.others.clone())).collect();
        assert_eq!(indices, [(0, vec![]), (1, vec![2])], "b and c share a route; a goes via CZE");
        assert_eq!(l.flows[1].sum.as_ref().map(|q| q.amount), Some(13e6));
        assert_eq!(l.flows[1].width, crate::scale::MAX_WIDTH, "the sum is the largest figure");
        assert!(l.flows[0].width < l.flows[1].width);
        assert_eq!(l.line_of(2).map(|f| f.index), Some(1));
        assert_eq!(l.line_of(0).map(|f| f.index), Some(0));
        // Filtered down to one of them, it is a line of its own, drawn for its own figure.
        let one = lay(&d, &[2], &view(800.0, 500.0));
        assert!(one.flows[0].others.is_empty() && one.flows[0].sum.is_none());
        assert!(one.flows[0].width < l.flows[1].width);
    }

    #[test]
    fn markers_lie_inside_the_viewport() {
        let l = lay(&dataset(), &[0, 1], &view(375.0, 300.0));
        for m in &l.markers {
            assert!(m.at.x > 0.0 && m.at.x < 375.0 && m.at.y > 0.0 && m.at.y < 300.0, "{m:?}");
        }
    }
}
