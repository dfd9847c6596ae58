//! Everything the map view draws, computed from the dataset, the atlas and the viewport.

use crate::arc::{arc, ArcShape, ArcStyle};
use crate::atlas::Atlas;
use crate::dataset::{Dataset, Problem};
use crate::palette::category_color;
use crate::path::multipolygon_path;
use crate::projection::{Projection, Viewport};
use geo::{Area, Centroid, Coord};
use std::collections::HashMap;

/// A country outline ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// ISO alpha-3 code.
    pub id: String,
    /// SVG path data.
    pub d: String,
    /// True when a flow starts, passes or ends here.
    pub involved: bool,
}

/// A flow ready to draw: one arc per leg of its route.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowShape {
    /// Index into the dataset's flows.
    pub index: usize,
    /// Category colour.
    pub color: &'static str,
    /// Legs in route order.
    pub legs: Vec<ArcShape>,
}

/// A location marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Location id.
    pub id: String,
    /// Screen position.
    pub at: Coord<f64>,
    /// True when the label goes left of the marker (near the right edge).
    pub label_left: bool,
    /// True when the location lies outside the map and is drawn at its edge.
    pub off_map: bool,
}

/// The laid-out map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// Country outlines.
    pub countries: Vec<CountryShape>,
    /// Flows that could be placed.
    pub flows: Vec<FlowShape>,
    /// Markers of the locations that flows use.
    pub markers: Vec<Marker>,
    /// Flows that could not be placed, and why.
    pub problems: Vec<Problem>,
}

/// How much legs between the same two places are fanned apart (added bend per leg).
const FAN_STEP: f64 = 0.14;

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
        .and_then(|p| p.centroid())
        .map(|p| p.0)
}

/// Space kept around the locations, in pixels, for a viewport of this size.
fn padding(width: f64, height: f64) -> f64 {
    (width.min(height) * 0.08).max(24.0)
}

/// Room a label needs beside its marker before it is moved to the other side.
const LABEL_ROOM: f64 = 96.0;

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
    pts.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
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
    let tx = if d.x > 0.0 { (x1 - c.x) / d.x } else if d.x < 0.0 { (x0 - c.x) / d.x } else { f64::MAX };
    let ty = if d.y > 0.0 { (y1 - c.y) / d.y } else if d.y < 0.0 { (y0 - c.y) / d.y } else { f64::MAX };
    Some(c + d * tx.min(ty).min(1.0))
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
    let (y0, y1) = points.iter().map(|p| proj.project(*p).y).fold((f64::MAX, f64::MIN), |(a, b), y| (a.min(y), b.max(y)));
    let natural = if points.is_empty() { width * 0.6 } else { y1 - y0 + 2.0 * pad };
    natural.clamp(width * 0.5, width * 0.85).round()
}

/// Projects and lays out the dataset for a viewport.
pub fn layout(dataset: &Dataset, atlas: &Atlas, width: f64, height: f64) -> MapLayout {
    let mut problems = Vec::new();
    let mut points: HashMap<&str, Coord<f64>> = HashMap::new();
    let mut routes: Vec<(usize, Vec<&str>)> = Vec::new();
    for (i, flow) in dataset.raw.flows.iter().enumerate() {
        let route = dataset.route(flow);
        let missing: Vec<&str> = route
            .iter()
            .copied()
            .filter(|id| match location_point(dataset, atlas, id) {
                Some(p) => {
                    points.insert(id, p);
                    false
                }
                None => true,
            })
            .collect();
        if missing.is_empty() {
            routes.push((i, route));
        } else {
            problems.push(Problem {
                path: format!("flows[{i}]"),
                message: format!(
                    "flow \"{}\" cannot be placed: no point for {} (give the location a \"point\")",
                    flow.id,
                    missing.join(", ")
                ),
            });
        }
    }

    let pad = padding(width, height);
    let proj = Projection::fit(&fit_points(dataset, atlas), Viewport { width, height, padding: pad });
    // Locations outside the focus sit on a frame just inside the map's edge.
    let frame = [pad * 0.4, pad * 0.4, width - pad * 0.4, height - pad * 0.4];
    let mut off_map = Vec::new();
    let screen: HashMap<&str, Coord<f64>> = points
        .iter()
        .map(|(k, v)| {
            let p = proj.project(*v);
            match pull_to_edge(p, frame) {
                Some(edge) => {
                    off_map.push(*k);
                    (*k, edge)
                }
                None => (*k, p),
            }
        })
        .collect();

    let min_step = 0.6;
    let countries = atlas
        .countries
        .iter()
        .map(|c| CountryShape {
            id: c.id.clone(),
            d: multipolygon_path(&c.shape, &proj, min_step),
            involved: points.contains_key(c.id.as_str()),
        })
        .collect();

    let mut seen_pairs: HashMap<(&str, &str), usize> = HashMap::new();
    let flows = routes
        .iter()
        .map(|(i, route)| {
            let flow = &dataset.raw.flows[*i];
            let color = category_color(dataset.category(&flow.category).map_or(0, |(k, _)| k));
            let legs = route
                .windows(2)
                .filter_map(|w| {
                    let n = seen_pairs.entry((w[0], w[1])).or_insert(0);
                    let style = ArcStyle { bend: 0.18 + FAN_STEP * *n as f64, ..ArcStyle::default() };
                    *n += 1;
                    arc(screen[w[0]], screen[w[1]], &style)
                })
                .collect();
            FlowShape { index: *i, color, legs }
        })
        .collect();

    let mut markers: Vec<Marker> =
        screen
        .iter()
        .map(|(id, at)| Marker {
            id: id.to_string(),
            at: *at,
            label_left: at.x > width - LABEL_ROOM,
            off_map: off_map.contains(id),
        })
        .collect();
    markers.sort_by(|a, b| a.id.cmp(&b.id));
    MapLayout { countries, flows, markers, problems }
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
            countries: vec![Country { id: "SRB".into(), name: "Serbia".into(), shape: MultiPolygon(vec![srb]) }],
        }
    }

    #[test]
    fn one_shape_per_placeable_flow_with_a_leg_per_hop() {
        let l = layout(&dataset(), &atlas(), 800.0, 500.0);
        assert_eq!(l.flows.len(), 2);
        assert_eq!(l.flows[0].legs.len(), 2);
        assert_eq!(l.flows[1].legs.len(), 1);
        assert_eq!(l.problems.len(), 1);
        assert!(l.problems[0].message.contains("MNE"), "{:?}", l.problems);
        assert!(l.countries[0].involved && !l.countries[0].d.is_empty());
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
    fn labels_near_the_right_edge_go_left() {
        let l = layout(&dataset(), &atlas(), 800.0, 500.0);
        let side = |id: &str| l.markers.iter().find(|m| m.id == id).unwrap().label_left;
        assert!(side("UKR"), "the easternmost location is at the right edge");
        assert!(!side("CZE"));
    }

    #[test]
    fn locations_outside_the_focus_sit_at_the_edge() {
        let mut d = dataset();
        d.raw.meta.focus = vec!["SRB".into(), "CZE".into()];
        let l = layout(&d, &atlas(), 800.0, 500.0);
        let ukr = l.markers.iter().find(|m| m.id == "UKR").unwrap();
        assert!(ukr.off_map && ukr.at.x > 770.0, "{ukr:?}");
        assert!(!l.markers.iter().find(|m| m.id == "SRB").unwrap().off_map);
        assert_eq!(l.flows.len(), 2, "flows to off-map places are still drawn");
    }

    #[test]
    fn markers_lie_inside_the_viewport() {
        let l = layout(&dataset(), &atlas(), 375.0, 300.0);
        for m in &l.markers {
            assert!(m.at.x > 0.0 && m.at.x < 375.0 && m.at.y > 0.0 && m.at.y < 300.0, "{m:?}");
        }
    }
}
