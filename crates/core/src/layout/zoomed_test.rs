//! The layout of zoomed and crowded views: labels that do not overlap, no leg drawn
//! between two places outside the view, markers clear of the zoom controls.

use super::*;
use crate::atlas::Atlas;
use crate::labels::Rect;

/// A dataset of places on a grid of longitudes and latitudes (Serbia first), each sending
/// a flow to the next; `focus` fits the map to the first few.
fn dataset(places: usize, focus: usize) -> Dataset {
    let points: Vec<(f64, f64)> = (0..places)
        .map(|i| {
            (20.9 + (i % 20) as f64 * 2.3, 44.0 + (i / 20) as f64 * 1.1 - 8.0 * (i % 3) as f64)
        })
        .collect();
    dataset_at(&points, focus)
}

/// A dataset of places at `points` (longitude, latitude), each sending a flow to the next,
/// larger first; `focus` fits the map to the first few.
fn dataset_at(points: &[(f64, f64)], focus: usize) -> Dataset {
    let places = points.len();
    let locations: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, (lon, lat))| {
            format!(r#"{{"id": "P{i}", "name": "Place {i}", "point": [{lon:.2}, {lat:.2}]}}"#)
        })
        .collect();
    let flows: Vec<String> = (1..places)
        .map(|i| {
            format!(
                r#"{{"id": "f{i}", "from": "P{}", "to": "P{i}", "category": "arms", "value": {{"amount": {}, "currency": "USD"}},
                   "description": "d", "status": "alleged", "citations": [{{"source": "s", "quote": "q"}}]}}"#,
                i - 1,
                1000 * (1000 - i)
            )
        })
        .collect();
    let focus: Vec<String> = (0..focus).map(|i| format!("\"P{i}\"")).collect();
    let text = format!(
        r#"{{"version": 1, "meta": {{"title": "T", "focus": [{}]}}, "locations": [{}],
            "categories": [{{"id": "arms", "name": "Arms"}}],
            "sources": [{{"id": "s", "outlet": "O", "title": "T", "kind": "news-report"}}],
            "flows": [{}]}}"#,
        focus.join(","),
        locations.join(","),
        flows.join(",")
    );
    Dataset::from_json("t.json", &text).unwrap()
}

fn atlas() -> Atlas {
    Atlas { credit: "NE".into(), bbox: [0.0, 20.0, 80.0, 70.0], countries: vec![] }
}

fn lay(d: &Dataset, width: f64, height: f64, zoom: Zoom) -> MapLayout {
    let all: Vec<usize> = (0..d.raw.flows.len()).collect();
    layout(d, &atlas(), &plan(d, &atlas(), &all), &MapView { width, height, zoom, lang: Lang::En })
}

/// Pairs of shown labels whose boxes overlap.
fn overlapping(l: &MapLayout) -> usize {
    let shown: Vec<&Rect> =
        l.markers.iter().filter(|m| m.label.shown).map(|m| &m.label.rect).collect();
    (0..shown.len())
        .flat_map(|i| (i + 1..shown.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| shown[i].overlaps(shown[j]))
        .count()
}

/// Zoomed by `k` about the first place.
fn onto_first(d: &Dataset, width: f64, height: f64, k: f64) -> Zoom {
    let p = lay(d, width, height, Zoom::IDENTITY).markers.iter().find(|m| m.id == "P0").unwrap().at;
    Zoom::IDENTITY.zoom_at(k, p.x, p.y, width, height)
}

#[test]
fn zoomed_in_the_places_at_the_edge_keep_labels_apart() {
    let d = dataset(40, 40);
    for (w, h) in [(1280.0, 700.0), (800.0, 480.0), (375.0, 260.0)] {
        let z = onto_first(&d, w, h, 8.0);
        let l = lay(&d, w, h, z);
        let off: Vec<&Marker> = l.markers.iter().filter(|m| m.off_map).collect();
        assert!(off.len() > 10, "{w}: {} at the edge", off.len());
        assert_eq!(overlapping(&l), 0, "{w}");
        for m in l.markers.iter().filter(|m| m.label.shown) {
            let r = &m.label.rect;
            assert!(r.x0 >= 0.0 && r.y0 >= 0.0 && r.x1 <= w && r.y1 <= h, "{w}: {m:?}");
        }
    }
}

#[test]
fn a_leg_between_two_places_outside_the_view_is_not_drawn_across_it() {
    let d = dataset(40, 40);
    let (w, h) = (800.0, 480.0);
    let l = lay(&d, w, h, onto_first(&d, w, h, 8.0));
    let off = |id: &str| l.markers.iter().find(|m| m.id == id).unwrap().off_map;
    let mut left_out = 0;
    for (i, f) in d.raw.flows.iter().enumerate() {
        let shape = l.flow(i).unwrap();
        if off(&f.from) && off(&f.to) {
            assert!(shape.legs.is_empty(), "{} → {} drawn across the view", f.from, f.to);
            left_out += 1;
        } else {
            assert_eq!(shape.legs.len(), 1, "a flow with an end on the map still points off it");
        }
    }
    assert!(left_out > 5, "{left_out}");
    // Unzoomed, every place is on the map and every flow drawn.
    let whole = lay(&d, w, h, Zoom::IDENTITY);
    assert!(whole.flows.iter().all(|f| f.legs.len() == 1));
    // Unzoomed, places outside the dataset's focus sit at the edge, and the flows between
    // them are drawn as before (the focus is what the map shows).
    let focused = lay(&dataset(40, 5), w, h, Zoom::IDENTITY);
    assert!(focused.markers.iter().filter(|m| m.off_map).count() > 10);
    assert!(focused.flows.iter().all(|f| f.legs.len() == 1));
}

#[test]
fn no_marker_lies_under_the_zoom_controls() {
    let d = dataset(60, 60);
    for (w, h) in [(1280.0, 700.0), (800.0, 480.0)] {
        let b = controls_box(w).unwrap();
        let under =
            |l: &MapLayout| l.markers.iter().filter(|m| b.grown(m.radius).contains(m.at)).count();
        let whole = lay(&d, w, h, Zoom::IDENTITY);
        assert_eq!(under(&whole), 0, "{w}");
        // Nor any shown label.
        assert!(whole.markers.iter().all(|m| !m.label.shown || !m.label.rect.overlaps(&b)));
        for k in [1.5, 3.0, 6.0] {
            let z = Zoom::IDENTITY.zoom_at(k, w * 0.8, h * 0.2, w, h);
            assert_eq!(under(&lay(&d, w, h, z)), 0, "{w} at {k}");
        }
    }
    // On a phone the buttons are below the map: nothing moves.
    assert!(controls_box(375.0).is_none());
}

#[test]
fn the_fit_leaves_the_controls_corner_free() {
    // A place at the top right would be under the buttons.
    let d = dataset_at(&[(20.0, 40.0), (30.0, 45.0), (56.0, 38.0), (20.0, 50.0), (70.0, 53.0)], 5);
    let span = |xs: &[Coord<f64>]| {
        let (x0, x1) = xs.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.x), b.max(p.x)));
        let (y0, y1) = xs.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.y), b.max(p.y)));
        (x1 - x0, y1 - y0)
    };
    // At the height the page gives it there is no room either way: the map shrinks a little
    // towards the bottom left.
    for w in [800.0, 1280.0] {
        let (h, least) = (preferred_height(&d, &atlas(), w), 0.85);
        let l = lay(&d, w, h, Zoom::IDENTITY);
        let b = controls_box(w).unwrap();
        assert!(l.markers.iter().all(|m| !b.grown(m.radius).contains(m.at)), "{w}×{h}");
        let points = fit::fit_points(&d, &atlas());
        let plain = crate::projection::Projection::fit(
            &points,
            crate::projection::Viewport { width: w, height: h, padding: padding(w, h) },
        );
        let natural = span(&points.iter().map(|p| plain.project(*p)).collect::<Vec<_>>());
        let now = span(&l.markers.iter().map(|m| m.at).collect::<Vec<_>>());
        let kept = (now.0 / natural.0).min(now.1 / natural.1);
        assert!(kept > least - 1e-9, "{w}×{h}: the map was resized from {natural:?} to {now:?}");
        let under = points.iter().any(|p| b.grown(9.0).contains(plain.project(*p)));
        assert!(under || w > 800.0, "{w}×{h}: the test needs a place under the buttons");
    }
}

#[test]
fn crowded_maps_show_the_largest_places_labels_and_more_when_zoomed_in() {
    let d = dataset(300, 0);
    for (w, h) in [(375.0, 260.0), (1280.0, 700.0)] {
        let whole = lay(&d, w, h, Zoom::IDENTITY);
        assert_eq!(whole.markers.len(), 300);
        assert_eq!(overlapping(&whole), 0, "{w}");
        let shown = |l: &MapLayout| l.markers.iter().filter(|m| m.label.shown).count();
        assert!(shown(&whole) < 300, "{w}");
        // Zoomed in, more of the places still on the map are labelled than were unzoomed.
        let z = Zoom::IDENTITY.zoom_at(4.0, w / 2.0, h / 2.0, w, h);
        let zoomed = lay(&d, w, h, z);
        assert_eq!(overlapping(&zoomed), 0, "{w} zoomed");
        let in_view: Vec<&str> =
            zoomed.markers.iter().filter(|m| !m.off_map).map(|m| m.id.as_str()).collect();
        let labelled = |l: &MapLayout| {
            l.markers.iter().filter(|m| m.label.shown && in_view.contains(&m.id.as_str())).count()
        };
        assert!(
            labelled(&zoomed) > labelled(&whole),
            "{w}: {} then {}",
            labelled(&whole),
            labelled(&zoomed)
        );
    }
}

#[test]
fn the_tooltip_keeps_off_the_hovered_route() {
    let d = dataset(40, 40);
    let (w, h) = (1280.0, 700.0);
    let l = lay(&d, w, h, Zoom::IDENTITY);
    for f in l.flows.iter().filter(|f| !f.legs.is_empty()) {
        let points = route_points(f);
        let at = f.legs[0].middle;
        let tip = place_tip(at, (280.0, 160.0), (w, h), &points);
        assert!(!tip.rect.contains(at), "{}", f.index);
        let hit = points.iter().filter(|p| tip.rect.contains(**p)).count();
        assert_eq!(hit, 0, "flow {} under its tooltip {tip:?}", f.index);
    }
}
