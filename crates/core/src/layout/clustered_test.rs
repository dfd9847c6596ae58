//! The layout of maps with thousands of places: nearby places drawn as clusters, lines
//! between them summed only where their figures add up, every place and flow accounted for.

use super::*;
use crate::cluster::CLUSTER_FROM;
use crate::model::Basis;
use std::collections::HashSet;

/// `places` airports in knots over Europe, each flying to another a few knots away (every fourth within its own): a
/// total of flights over a month of its own, except every tenth, an estimate.
fn dataset(places: usize) -> Dataset {
    dataset_named(places, |i| format!("A{i}"))
}

/// The same, with place `i`'s id given by `id`.
fn dataset_named(places: usize, id: impl Fn(usize) -> String) -> Dataset {
    let mut seed = 5u64;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
    let knots: Vec<(f64, f64)> =
        (0..30).map(|_| (-8.0 + next() * 45.0, 37.0 + next() * 22.0)).collect();
    let locations: Vec<String> = (0..places)
        .map(|i| {
            let (x, y) = knots[i % knots.len()];
            let (lon, lat) = (x + (next() - 0.5) * 3.0, y + (next() - 0.5) * 2.0);
            format!(
                r#"{{"id": "{}", "name": "Airport {i}", "point": [{lon:.3}, {lat:.3}]}}"#,
                id(i)
            )
        })
        .collect();
    let flows: Vec<String> = (0..places)
        .map(|i| {
            // Every fourth to a place of its own knot.
            let to = if i % 4 == 0 { (i + 30) % places } else { (i * 7 + 3) % places };
            let basis = if i % 10 == 0 { r#", "basis": "estimate""# } else { "" };
            let (year, month) = (2000 + i / 12, i % 12 + 1);
            format!(
                r#"{{"id": "f{i}", "from": "{}", "to": "{}", "category": "{}",
                   "value": {{"amount": {}, "unit": "flights"{basis}}},
                   "period": {{"start": "{year}-{month:02}", "end": "{year}-{month:02}"}},
                   "description": "d", "status": "documented",
                   "citations": [{{"source": "s", "speaker": "s", "stance": "finds", "series": "T"}}]}}"#,
                id(i),
                id(to),
                if i % 3 == 0 { "cargo" } else { "passengers" },
                10 + i % 90
            )
        })
        .collect();
    let text = format!(
        r#"{{"version": 2, "meta": {{"title": "T"}}, "locations": [{}],
            "categories": [{{"id": "passengers", "name": "Passengers"}}, {{"id": "cargo", "name": "Cargo"}}],
            "sources": [{{"id": "s", "outlet": "S", "url": "https://example.org", "kind": "dataset"}}],
            "speakers": [{{"id": "s", "name": "S", "kind": "official-data"}}],
            "flows": [{}]}}"#,
        locations.join(","),
        flows.join(",")
    );
    let d = Dataset::from_json("t.json", &text).unwrap();
    assert!(d.is_valid(), "{:?}", d.problems.first());
    d
}

fn atlas() -> Atlas {
    Atlas { credit: "NE".into(), bbox: [-10.0, 35.0, 40.0, 60.0], countries: vec![] }
}

fn lay(d: &Dataset, width: f64, height: f64, zoom: Zoom) -> MapLayout {
    let all: Vec<usize> = (0..d.raw.flows.len()).collect();
    layout(d, &atlas(), &plan(d, &atlas(), &all), &MapView { width, height, zoom, lang: Lang::En })
}

fn amount(d: &Dataset, i: usize) -> f64 {
    d.raw.flows[i].value.known().map_or(0.0, |q| q.amount)
}

#[test]
fn below_the_threshold_every_place_has_its_own_marker() {
    let d = dataset(CLUSTER_FROM);
    let l = lay(&d, 1280.0, 800.0, Zoom::IDENTITY);
    assert_eq!(l.markers.len(), CLUSTER_FROM);
    assert!(l.clusters.is_empty() && l.drawn_at.is_empty() && l.between.is_empty());
}

#[test]
fn every_place_and_flow_is_drawn_once_in_clusters_and_lines_between_them() {
    let d = dataset(3_000);
    let l = lay(&d, 1280.0, 800.0, Zoom::IDENTITY);
    assert!(!l.clusters.is_empty() && l.markers.len() < 1_000, "{} markers", l.markers.len());
    // Each place: a marker of its own or in exactly one cluster.
    let mut seen = std::collections::HashMap::new();
    for m in &l.markers {
        match l.cluster(&m.id) {
            Some(c) => {
                assert!(c.places.len() > 1 && c.name.starts_with("Airport "), "{}", c.name);
                let others =
                    crate::i18n::count(Lang::En, c.places.len() - 1, crate::i18n::Noun::Place);
                assert!(c.name.ends_with(&format!("and {others} nearby")), "{}", c.name);
                for p in &c.places {
                    *seen.entry(p.clone()).or_insert(0) += 1;
                    assert_eq!(l.marker_of(p), m.id);
                }
            }
            None => *seen.entry(m.id.clone()).or_insert(0) += 1,
        }
    }
    assert_eq!(seen.len(), 3_000);
    assert!(seen.values().all(|&n| n == 1));
    // Each flow: in exactly one line, or inside one cluster (not drawn).
    let mut flows = vec![0; d.raw.flows.len()];
    for f in &l.flows {
        for i in f.members() {
            flows[i] += 1;
        }
        assert!(!f.legs.is_empty(), "{:?} {:?}", f.members(), l.flows.len());
    }
    let inside: usize = l.clusters.iter().map(|c| c.inside.len()).sum();
    for c in &l.clusters {
        for &i in &c.inside {
            flows[i] += 1;
            let f = &d.raw.flows[i];
            assert!(c.places.contains(&f.from) && c.places.contains(&f.to));
        }
    }
    assert!(inside > 0);
    assert!(flows.iter().all(|&n| n == 1), "{:?}", flows.iter().position(|&n| n != 1));
    // Lines in dataset order; lines between clusters name them.
    assert!(l.flows.windows(2).all(|w| w[0].index < w[1].index));
    assert!(
        l.between.iter().any(|(_, w)| w.contains("places nearby to ")),
        "{:?}",
        l.between.first()
    );
}

#[test]
fn lines_between_clusters_add_up_only_totals_over_periods_apart() {
    let d = dataset(3_000);
    let l = lay(&d, 1280.0, 800.0, Zoom::IDENTITY);
    let (mut summed, mut counted) = (0, 0);
    for f in l.flows.iter().filter(|f| !f.others.is_empty()) {
        let members = f.members();
        let estimate = members
            .iter()
            .any(|&i| d.raw.flows[i].value.known().is_some_and(|q| q.basis == Basis::Estimate));
        match &f.sum {
            Some(sum) => {
                summed += 1;
                assert!(!estimate, "an estimate is never added to totals");
                let all: f64 = members.iter().map(|&i| amount(&d, i)).sum();
                assert_eq!(sum.amount, all);
                assert_eq!(sum.measure(), "flights");
            }
            None => {
                counted += 1;
                assert!(estimate, "totals over months apart add up: {members:?}");
            }
        }
        let first = &d.raw.flows[f.index];
        assert!(members.iter().all(|&i| d.raw.flows[i].category == first.category));
    }
    assert!(summed > 0 && counted > 0, "{summed} summed, {counted} counted");
}

#[test]
fn widths_tell_lines_between_clusters_apart() {
    use crate::scale::{MAX_WIDTH, MIN_WIDTH};
    let d = dataset(3_000);
    let l = lay(&d, 1280.0, 800.0, Zoom::IDENTITY);
    let scale = l.cluster_scale.as_ref().expect("clusters are drawn, with their scale");
    let sums: Vec<f64> = l.flows.iter().filter_map(|f| f.sum.as_ref()).map(|q| q.amount).collect();
    let largest = sums.iter().copied().fold(0.0, f64::max);
    assert!(largest > 90.0, "some line adds up more than any one flight count: {largest}");
    assert_eq!(scale.max, largest, "the scale reaches the largest line");
    let widest = l.flows.iter().filter(|f| f.width >= MAX_WIDTH - 1e-9).count();
    assert!(widest * 10 < l.flows.len(), "{widest} of {} lines at the widest", l.flows.len());
    for f in &l.flows {
        let expected = f.sum.as_ref().map_or(f.width, |q| scale.figure_width(q));
        assert!((f.width - expected).abs() < 1e-9 && f.width >= MIN_WIDTH);
    }
    let below = lay(&dataset(CLUSTER_FROM), 1280.0, 800.0, Zoom::IDENTITY);
    assert_eq!(below.cluster_scale, None, "without clusters the dataset's scale holds");
}

#[test]
fn zooming_in_splits_clusters_and_labels_never_overlap() {
    let d = dataset(3_000);
    for (w, h) in [(1280.0, 800.0), (375.0, 420.0)] {
        let mut before = 0;
        let whole = lay(&d, w, h, Zoom::IDENTITY).markers.len();
        for k in [1.0, 2.0, 4.0, 8.0, 16.0] {
            let zoom = Zoom::IDENTITY.zoom_at(k, w / 2.0, h / 2.0, w, h);
            let l = lay(&d, w, h, zoom);
            assert!(l.markers.len() >= before, "{w}: {} at {k} < {before}", l.markers.len());
            before = l.markers.len();
            let shown: Vec<_> = l.markers.iter().filter(|m| m.label.shown).collect();
            for (i, a) in shown.iter().enumerate() {
                assert!(shown[i + 1..].iter().all(|b| !a.label.rect.overlaps(&b.label.rect)));
            }
            assert!(!shown.is_empty());
        }
        assert!(before > 2 * whole, "{w}: {before} markers at 16×, {whole} at 1×");
    }
}

#[test]
fn a_cluster_never_takes_the_id_of_a_place() {
    let d = dataset(3_000);
    let l = lay(&d, 1280.0, 800.0, Zoom::IDENTITY);
    let taken = l.clusters[0].id.clone();
    // A place outside that cluster renamed to the cluster's id.
    let far =
        (0..3_000).map(|i| format!("A{i}")).find(|p| !l.clusters[0].places.contains(p)).unwrap();
    let d = dataset_named(3_000, |i| {
        let id = format!("A{i}");
        if id == far {
            taken.clone()
        } else {
            id
        }
    });
    let l = lay(&d, 1280.0, 800.0, Zoom::IDENTITY);
    let ids: HashSet<&str> = l.markers.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), l.markers.len(), "two markers share an id");
    assert!(l.clusters.iter().any(|c| c.id == format!("{taken}+")), "{taken} was not made free");
}

#[test]
fn each_place_is_found_at_the_marker_that_draws_it() {
    let d = dataset(3_000);
    let l = lay(&d, 1280.0, 800.0, Zoom::IDENTITY);
    let c = &l.clusters[0];
    for place in &c.places {
        assert_eq!(l.marker_drawing(place).map(|m| m.id.as_str()), Some(c.id.as_str()));
    }
    // Zoomed all the way in, some places are on their own.
    let l = lay(&d, 1280.0, 800.0, Zoom::IDENTITY.zoom_at(16.0, 640.0, 400.0, 1280.0, 800.0));
    let alone = l.markers.iter().find(|m| l.cluster(&m.id).is_none()).unwrap();
    assert_eq!(l.marker_drawing(&alone.id), Some(alone));
    assert_eq!(l.marker_drawing("nowhere"), None);
}
