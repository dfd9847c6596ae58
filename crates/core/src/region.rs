//! The region a dataset needs on the map, and country outlines cut to it.
//!
//! Used at build time (`flowmap-geoprep` cuts the bundled atlas) and in the page (a dataset
//! outside the bundled region is drawn on outlines from the world files, cut the same way).

use crate::atlas::{Atlas, Country};
use crate::layout::location_point;
use crate::Dataset;
use geo::{Area, Coord, LineString, MapCoords, MultiPolygon, Polygon};

/// `[west, south, east, north]` in degrees.
pub type Bbox = [f64; 4];

/// Why no region could be chosen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegionError {
    /// A location has neither a point nor a country outline to place it by.
    #[error("location \"{0}\" has no point and no country outline")]
    Unplaced(String),
    /// The dataset has no location to fit the map to.
    #[error("the dataset has no locations")]
    Empty,
}

/// The box around the dataset's focus locations (all of them when it names none), widened
/// by a margin that keeps the map filled at any common aspect ratio.
///
/// ```
/// use flowmap_core::{region::dataset_region, atlas::Atlas, Dataset};
/// let d = Dataset::from_json("f.json", r#"{"version": 2, "meta": {"title": "T"},
///   "locations": [{"id": "A", "name": "A", "point": [20, 44]}, {"id": "B", "name": "B", "point": [40, 56]}],
///   "categories": [], "sources": [], "flows": []}"#).unwrap();
/// let atlas = Atlas { credit: String::new(), bbox: [-180.0, -90.0, 180.0, 90.0], countries: vec![] };
/// assert_eq!(dataset_region(&d, &atlas), Ok([8.0, 36.0, 52.0, 64.0]));
/// ```
pub fn dataset_region(dataset: &Dataset, world: &Atlas) -> Result<Bbox, RegionError> {
    let mut points = Vec::new();
    let focus = &dataset.raw.meta.focus;
    for l in dataset.raw.locations.iter().filter(|l| focus.is_empty() || focus.contains(&l.id)) {
        points.push(
            location_point(dataset, world, &l.id)
                .ok_or_else(|| RegionError::Unplaced(l.id.clone()))?,
        );
    }
    region_around(&points).ok_or(RegionError::Empty)
}

/// The box around `points` with the margin of [`dataset_region`]; `None` without points.
/// Longitudes are taken around the points' central meridian, so a box across the
/// antimeridian reaches past ±180° on one side (about `[-194, -26, -160, -6]` for Fiji and
/// Samoa, Fiji then at −182°) instead of spanning the globe.
///
/// ```
/// use flowmap_core::region::region_around;
/// use geo::coord;
/// let fiji_samoa = [coord! { x: 178.4, y: -18.1 }, coord! { x: -171.8, y: -13.8 }];
/// let b = region_around(&fiji_samoa).unwrap();
/// assert!((b[0] < -180.0 || b[2] > 180.0) && b[2] - b[0] < 40.0, "{b:?}");
/// ```
pub fn region_around(points: &[Coord<f64>]) -> Option<Bbox> {
    let lons: Vec<f64> = points.iter().map(|p| p.x).collect();
    let centre = crate::projection::central_meridian(&lons);
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points {
        let x = centre + crate::projection::wrap(p.x - centre);
        (w, s, e, n) = (w.min(x), s.min(p.y), e.max(x), n.max(p.y));
    }
    if w > e {
        return None;
    }
    let (mx, my) = (((e - w) * 0.2).max(12.0), ((n - s) * 0.2).max(8.0));
    let (s, n) = ((s - my).max(-85.0), (n + my).min(85.0));
    let (w, e) = (w - mx, e + mx);
    Some(if e - w >= 360.0 {
        [-180.0, s, 180.0, n]
    } else if w >= -180.0 - mx && e <= 180.0 + mx && (w < -180.0) == (e > 180.0) {
        // Within the usual range (or past it on both sides): cut at ±180° as before.
        [w.max(-180.0), s, e.min(180.0), n]
    } else {
        [w, s, e, n]
    })
}

/// True when boxes `a` and `b` overlap, either of them taken also a turn of the globe east
/// or west (a box may reach past ±180°).
pub fn intersects(a: Bbox, b: Bbox) -> bool {
    let meet =
        |shift: f64| a[0] <= b[2] + shift && b[0] + shift <= a[2] && a[1] <= b[3] && b[1] <= a[3];
    meet(0.0) || meet(360.0) || meet(-360.0)
}

/// Every country cut to `bbox`; countries left with no area are dropped. A box past ±180°
/// also takes what lies a turn of the globe away, moved into its range (Fiji at 178° becomes
/// −182° in `[-194, -26, -160, -6]`).
///
/// Each ring is clipped to the box on its own (Sutherland–Hodgman): a concave country may
/// keep zero-width slivers along the box's edges, which lie outside the map's view.
pub fn clip(world: &Atlas, bbox: Bbox) -> Atlas {
    let shifts: &[f64] = match (bbox[0] < -180.0, bbox[2] > 180.0) {
        (true, false) => &[0.0, -360.0],
        (false, true) => &[0.0, 360.0],
        _ => &[0.0],
    };
    let countries = world
        .countries
        .iter()
        .filter_map(|c| {
            let mut polygons = Vec::new();
            for &shift in shifts {
                // The box moved by −shift, and what it holds moved back by shift.
                let moved = [bbox[0] - shift, bbox[1], bbox[2] - shift, bbox[3]];
                for p in c.shape.iter().filter_map(|p| clip_polygon(p, moved)) {
                    polygons.push(if shift == 0.0 {
                        p
                    } else {
                        p.map_coords(|q| Coord { x: q.x + shift, y: q.y })
                    });
                }
            }
            let shape = MultiPolygon(polygons);
            (shape.unsigned_area() > 1e-6).then(|| Country {
                id: c.id.clone(),
                name: c.name.clone(),
                shape,
            })
        })
        .collect();
    Atlas { credit: world.credit.clone(), bbox, countries }
}

/// `polygon` cut to `bbox`, its holes too; `None` when nothing of its outline is left.
fn clip_polygon(polygon: &Polygon<f64>, bbox: Bbox) -> Option<Polygon<f64>> {
    let exterior = clip_ring(polygon.exterior(), bbox)?;
    let holes = polygon.interiors().iter().filter_map(|r| clip_ring(r, bbox)).collect();
    Some(Polygon::new(exterior, holes))
}

/// A closed ring cut to `bbox`, edge by edge of the box; `None` when fewer than three points
/// are left.
fn clip_ring(ring: &LineString<f64>, bbox: Bbox) -> Option<LineString<f64>> {
    let [w, s, e, n] = bbox;
    let mut points: Vec<Coord<f64>> = ring.0.clone();
    if points.first() == points.last() {
        points.pop();
    }
    for edge in [Edge::West(w), Edge::East(e), Edge::South(s), Edge::North(n)] {
        let mut out = Vec::with_capacity(points.len() + 4);
        for (i, &b) in points.iter().enumerate() {
            let a = points[(i + points.len() - 1) % points.len()];
            match (edge.keeps(a), edge.keeps(b)) {
                (true, true) => out.push(b),
                (true, false) => out.push(edge.crossing(a, b)),
                (false, true) => {
                    out.push(edge.crossing(a, b));
                    out.push(b);
                }
                (false, false) => {}
            }
        }
        points = out;
        if points.is_empty() {
            return None;
        }
    }
    if points.len() < 3 {
        return None;
    }
    points.push(points[0]);
    Some(LineString(points))
}

/// One edge of the clipping box, at its longitude or latitude.
#[derive(Clone, Copy)]
enum Edge {
    West(f64),
    East(f64),
    South(f64),
    North(f64),
}

impl Edge {
    /// True for a point on the box's side of the edge.
    fn keeps(self, p: Coord<f64>) -> bool {
        match self {
            Edge::West(x) => p.x >= x,
            Edge::East(x) => p.x <= x,
            Edge::South(y) => p.y >= y,
            Edge::North(y) => p.y <= y,
        }
    }

    /// Where segment `a`–`b` (one end on each side) crosses the edge.
    fn crossing(self, a: Coord<f64>, b: Coord<f64>) -> Coord<f64> {
        match self {
            Edge::West(x) | Edge::East(x) => {
                Coord { x, y: a.y + (x - a.x) / (b.x - a.x) * (b.y - a.y) }
            }
            Edge::South(y) | Edge::North(y) => {
                Coord { x: a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x), y }
            }
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::polygon;

    fn world(countries: Vec<(&str, Polygon<f64>)>) -> Atlas {
        Atlas {
            credit: String::new(),
            bbox: [-180.0, -90.0, 180.0, 90.0],
            countries: countries
                .into_iter()
                .map(|(id, p)| Country {
                    id: id.into(),
                    name: id.into(),
                    shape: MultiPolygon(vec![p]),
                })
                .collect(),
        }
    }

    #[test]
    fn clip_cuts_and_drops() {
        let big =
            polygon![(x: 0.0, y: 0.0), (x: 100.0, y: 0.0), (x: 100.0, y: 50.0), (x: 0.0, y: 50.0)];
        let far = polygon![(x: 150.0, y: 0.0), (x: 160.0, y: 0.0), (x: 160.0, y: 10.0)];
        let cut = clip(&world(vec![("BIG", big), ("FAR", far)]), [10.0, 10.0, 30.0, 20.0]);
        assert_eq!(cut.countries.len(), 1);
        assert!((cut.countries[0].shape.unsigned_area() - 200.0).abs() < 1e-6);
    }

    #[test]
    fn clip_keeps_the_area_of_a_concave_country_and_its_hole() {
        // A U shape (area 5 × 4 − 3 × 3 = 11) with a hole, cut through both arms.
        let u = Polygon::new(
            LineString::from(vec![
                (0.0, 0.0),
                (5.0, 0.0),
                (5.0, 4.0),
                (4.0, 4.0),
                (4.0, 1.0),
                (1.0, 1.0),
                (1.0, 4.0),
                (0.0, 4.0),
                (0.0, 0.0),
            ]),
            vec![LineString::from(vec![(2.0, 0.2), (3.0, 0.2), (3.0, 0.8), (2.0, 0.2)])],
        );
        let cut = clip(&world(vec![("U", u)]), [-1.0, -1.0, 6.0, 2.0]);
        // Below y = 2: 5 × 1 of the base, 2 × 1 of the arms, less the hole (0.3).
        let area = cut.countries[0].shape.unsigned_area();
        assert!((area - 6.7).abs() < 1e-9, "{area}");
    }

    #[test]
    fn a_box_past_the_antimeridian_takes_what_lies_across_it() {
        let fiji = polygon![(x: 177.0, y: -19.0), (x: 179.9, y: -19.0), (x: 179.9, y: -16.0), (x: 177.0, y: -16.0)];
        let samoa = polygon![(x: -172.8, y: -14.1), (x: -171.4, y: -14.1), (x: -171.4, y: -13.4), (x: -172.8, y: -13.4)];
        let ghana =
            polygon![(x: -3.0, y: 5.0), (x: 1.0, y: 5.0), (x: 1.0, y: 11.0), (x: -3.0, y: 11.0)];
        let w = world(vec![("FJI", fiji), ("WSM", samoa), ("GHA", ghana)]);
        let area =
            region_around(&[Coord { x: 178.4, y: -18.1 }, Coord { x: -171.8, y: -13.8 }]).unwrap();
        let cut = clip(&w, area);
        let ids: Vec<&str> = cut.countries.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["FJI", "WSM"], "the far side of the globe is left out");
        for c in &cut.countries {
            let b = geo::BoundingRect::bounding_rect(&c.shape).unwrap();
            assert!(b.min().x >= area[0] && b.max().x <= area[2], "{} at {b:?} in {area:?}", c.id);
        }
        assert!(
            intersects([-173.0, -15.0, -171.0, -13.0], area),
            "its box meets the area a turn away"
        );
        // Extents away from the antimeridian keep their box cut at ±180°, as before.
        let europe =
            region_around(&[Coord { x: -10.0, y: 40.0 }, Coord { x: 100.0, y: 60.0 }]).unwrap();
        assert_eq!(europe, [-32.0, 32.0, 122.0, 68.0]);
        let west =
            region_around(&[Coord { x: -179.0, y: 40.0 }, Coord { x: -170.0, y: 50.0 }]).unwrap();
        assert_eq!(west[0], -191.0, "past -180° rather than cut: {west:?}");
    }

    #[test]
    fn boxes_meet() {
        assert!(intersects([0.0, 0.0, 10.0, 10.0], [10.0, 5.0, 20.0, 6.0]));
        assert!(!intersects([0.0, 0.0, 10.0, 10.0], [11.0, 5.0, 20.0, 6.0]));
        assert_eq!(region_around(&[]), None);
    }
}
