//! Places that cluster by zoom: above a few thousand places, nearby places are drawn as one
//! marker, as flowmap.gl and supercluster do. Greedy, heaviest place first: each place not yet
//! taken gathers those within a screen radius of it into a cluster at their weighted centre.
//! Each coarser level (zoomed further out) clusters the clusters of the finer one, so that
//! zooming in only ever splits clusters.

use crate::zoom::ZOOM_RANGE;
use geo::Coord;

/// Maps with more places than this cluster nearby places by zoom.
pub const CLUSTER_FROM: usize = 2_000;

/// True when the map of `dataset` may draw clusters: it has more than [`CLUSTER_FROM`]
/// locations (whether it does depends on how many the flows shown use).
pub fn may_cluster(dataset: &crate::dataset::Dataset) -> bool {
    dataset.raw.locations.len() > CLUSTER_FROM
}

/// Places closer than this many screen pixels at a zoom are drawn as one cluster there.
pub const RADIUS: f64 = 40.0;

/// Each level is this many times the zoom of the next coarser one.
pub const LEVEL_STEP: f64 = std::f64::consts::SQRT_2;

/// Places drawn as one marker at some zoom.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The places (positions in the input), the heaviest first, then in input order.
    pub members: Vec<usize>,
    /// The weighted centre, in the input's coordinates.
    pub at: Coord<f64>,
    /// The sum of the members' weights.
    pub weight: f64,
}

/// The clusters of one zoom level.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// The smallest zoom this level is drawn at (up to [`LEVEL_STEP`] times more).
    pub zoom: f64,
    /// Its clusters, the heaviest first.
    pub groups: Vec<Group>,
    /// The cluster (position in `groups`) of each place.
    pub of: Vec<usize>,
}

/// Clusters of places for every zoom at which some of them merge.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hierarchy {
    /// From the smallest zoom ([`ZOOM_RANGE`]) to the largest at which places still merge.
    pub levels: Vec<Level>,
    /// From this zoom on, every place is drawn on its own.
    pub apart_from: f64,
}

impl Hierarchy {
    /// Clusters `points` (pixels of the map at no zoom) with their `weights` (what flows
    /// through each place): at zoom `k`, places closer than `radius / k` merge.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::cluster::Hierarchy;
    /// use geo::coord;
    /// // Two places 20 px apart and one far away: at no zoom the two are one cluster,
    /// // at 4× they are 80 px apart and each is drawn on its own.
    /// let points = [coord! { x: 0.0, y: 0.0 }, coord! { x: 20.0, y: 0.0 }, coord! { x: 500.0, y: 0.0 }];
    /// let h = Hierarchy::build(&points, &[1.0, 3.0, 1.0], 36.0);
    /// let level = h.at(1.0).unwrap();
    /// assert_eq!(level.groups.len(), 2);
    /// assert_eq!(level.groups[0].members, [1, 0], "the heavier place leads");
    /// assert_eq!(level.groups[0].at.x, 15.0, "at the weighted centre");
    /// assert!(h.at(4.0).is_none());
    /// ```
    pub fn build(points: &[Coord<f64>], weights: &[f64], radius: f64) -> Hierarchy {
        let places: Vec<Group> = points
            .iter()
            .enumerate()
            .map(|(i, &at)| Group { members: vec![i], at, weight: weight(weights, i) })
            .collect();
        let mut of: Vec<usize> = (0..points.len()).collect();
        let mut finest: Vec<Level> = Vec::new();
        let mut apart_from = f64::INFINITY;
        // From the largest zoom down, each level from the one above it (the places until
        // some merge).
        let mut zoom = ZOOM_RANGE.1;
        loop {
            let items = finest.last().map_or(places.as_slice(), |l| l.groups.as_slice());
            let merged = items.len();
            let (groups, item_of) = merge(items, radius / zoom, weights);
            if groups.len() < merged || !finest.is_empty() {
                if finest.is_empty() {
                    apart_from = zoom * LEVEL_STEP;
                }
                for o in &mut of {
                    *o = item_of[*o];
                }
                finest.push(Level { zoom, groups, of: of.clone() });
            }
            if zoom <= ZOOM_RANGE.0 + 1e-9 {
                break;
            }
            zoom = (zoom / LEVEL_STEP).max(ZOOM_RANGE.0);
        }
        finest.reverse();
        // Places apart even at the smallest zoom: nothing merges.
        if finest.is_empty() {
            apart_from = ZOOM_RANGE.0;
        }
        Hierarchy { levels: finest, apart_from }
    }

    /// The clusters drawn at zoom `k`; `None` when every place is drawn on its own there.
    pub fn at(&self, k: f64) -> Option<&Level> {
        if k >= self.apart_from - 1e-9 {
            return None;
        }
        self.levels.iter().rev().find(|l| l.zoom <= k + 1e-9).or(self.levels.first())
    }
}

fn weight(weights: &[f64], i: usize) -> f64 {
    weights.get(i).copied().filter(|w| w.is_finite() && *w > 0.0).unwrap_or(0.0)
}

/// One level: greedy passes over `items`, heaviest first, each gathering the items within
/// `r` of it, until a pass merges nothing (so no two centres are closer than `r`). Returns
/// the groups, heaviest first, and the group of each item.
fn merge(items: &[Group], r: f64, weights: &[f64]) -> (Vec<Group>, Vec<usize>) {
    let (mut groups, mut item_of) = pass(items, r, weights);
    let mut before = items.len();
    while groups.len() < before {
        before = groups.len();
        let (next, of) = pass(&groups, r, weights);
        if next.len() == before {
            break;
        }
        for o in &mut item_of {
            *o = of[*o];
        }
        groups = next;
    }
    (groups, item_of)
}

/// The order groups are taken in: the heaviest first, then by their first place.
fn heaviest_first(items: &[Group]) -> Vec<usize> {
    crate::sort::order_of(items.len(), |a, b| {
        items[b]
            .weight
            .total_cmp(&items[a].weight)
            .then(items[a].members[0].cmp(&items[b].members[0]))
    })
}

/// One greedy pass (see [`merge`]); the groups come out heaviest first.
fn pass(items: &[Group], r: f64, weights: &[f64]) -> (Vec<Group>, Vec<usize>) {
    // Items filed by grid cell (sorted by column, then row): the items within `r` of a point
    // lie in its cell's column and the two beside it, each a run of the sorted cells.
    let cell = |p: Coord<f64>| ((p.x / r).floor() as i64, (p.y / r).floor() as i64);
    let cells: Vec<(i64, i64)> = items.iter().map(|g| cell(g.at)).collect();
    let by_cell = crate::sort::order_of(items.len(), |a, b| cells[a].cmp(&cells[b]));
    let mut taken = vec![usize::MAX; items.len()];
    let mut groups: Vec<Group> = Vec::new();
    for seed in heaviest_first(items) {
        if taken[seed] != usize::MAX {
            continue;
        }
        let k = groups.len();
        taken[seed] = k;
        let centre = items[seed].at;
        let (cx, cy) = cells[seed];
        let mut near = vec![seed];
        for x in cx - 1..=cx + 1 {
            let lo = by_cell.partition_point(|&j| cells[j] < (x, cy - 1));
            let hi = by_cell.partition_point(|&j| cells[j] <= (x, cy + 1));
            for &j in &by_cell[lo..hi] {
                let p = items[j].at;
                if taken[j] == usize::MAX && (p.x - centre.x).hypot(p.y - centre.y) < r {
                    taken[j] = k;
                    near.push(j);
                }
            }
        }
        groups.push(combine(items, &near, weights));
    }
    // Merged groups may now outweigh the ones before them.
    let order = heaviest_first(&groups);
    let mut rank = vec![0; groups.len()];
    for (r, &g) in order.iter().enumerate() {
        rank[g] = r;
    }
    crate::sort::put_in_order(&mut groups, &order);
    (groups, taken.into_iter().map(|k| rank[k]).collect())
}

/// The group of `items[near]`: its places, the heaviest first (by their own `weights`),
/// and its weighted centre (the plain centre when nothing weighs).
fn combine(items: &[Group], near: &[usize], weights: &[f64]) -> Group {
    if let [one] = near {
        return items[*one].clone();
    }
    let weight: f64 = near.iter().map(|&j| items[j].weight).sum();
    let count: usize = near.iter().map(|&j| items[j].members.len()).sum();
    let (mut x, mut y) = (0.0, 0.0);
    for &j in near {
        let g = &items[j];
        let w =
            if weight > 0.0 { g.weight / weight } else { g.members.len() as f64 / count as f64 };
        (x, y) = (x + g.at.x * w, y + g.at.y * w);
    }
    // Each item's first place is its heaviest: the lead is the heaviest of those.
    let lead = near
        .iter()
        .map(|&j| items[j].members[0])
        .reduce(|a, b| {
            let (wa, wb) = (self::weight(weights, a), self::weight(weights, b));
            if wb > wa || (wb == wa && b < a) {
                b
            } else {
                a
            }
        })
        .unwrap_or(items[near[0]].members[0]);
    let mut rest: Vec<usize> = near
        .iter()
        .flat_map(|&j| items[j].members.iter().copied())
        .filter(|&m| m != lead)
        .collect();
    crate::sort::sort(&mut rest);
    let members = std::iter::once(lead).chain(rest).collect();
    Group { members, at: Coord { x, y }, weight }
}

#[cfg(test)]
mod test {
    use super::*;

    /// A deterministic scatter of `n` places over `w × h` pixels, in knots (as cities
    /// cluster), with weights.
    fn scatter(n: usize, w: f64, h: f64) -> (Vec<Coord<f64>>, Vec<f64>) {
        let mut seed = 11u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        let knots: Vec<(f64, f64)> = (0..40).map(|_| (next() * w, next() * h)).collect();
        (0..n)
            .map(|i| {
                let (kx, ky) = knots[i % knots.len()];
                let spread = 60.0 * next();
                let at = Coord { x: kx + (next() - 0.5) * spread, y: ky + (next() - 0.5) * spread };
                (at, (next() * 10.0).floor())
            })
            .unzip()
    }

    fn dist(a: Coord<f64>, b: Coord<f64>) -> f64 {
        (a.x - b.x).hypot(a.y - b.y)
    }

    #[test]
    fn every_place_is_in_exactly_one_cluster_at_every_level() {
        let (points, weights) = scatter(3_000, 1280.0, 700.0);
        let h = Hierarchy::build(&points, &weights, RADIUS);
        assert!(h.levels.len() > 2, "{} levels", h.levels.len());
        for level in &h.levels {
            let mut seen = vec![0; points.len()];
            for (g, group) in level.groups.iter().enumerate() {
                for &m in &group.members {
                    seen[m] += 1;
                    assert_eq!(level.of[m], g);
                }
            }
            assert!(seen.iter().all(|&n| n == 1), "zoom {}", level.zoom);
        }
    }

    #[test]
    fn clusters_coarsen_as_the_zoom_decreases() {
        let (points, weights) = scatter(3_000, 1280.0, 700.0);
        let h = Hierarchy::build(&points, &weights, RADIUS);
        for pair in h.levels.windows(2) {
            let (coarse, fine) = (&pair[0], &pair[1]);
            assert!(coarse.zoom < fine.zoom);
            assert!(coarse.groups.len() <= fine.groups.len());
            // Places together at the finer level are together at the coarser one.
            for group in &fine.groups {
                let c = coarse.of[group.members[0]];
                assert!(group.members.iter().all(|&m| coarse.of[m] == c), "zoom {}", fine.zoom);
            }
        }
        assert_eq!(h.levels[0].zoom, ZOOM_RANGE.0);
        assert!(h.at(h.apart_from).is_none());
        assert!(h.at(1.0).is_some_and(|l| l.groups.len() < points.len()));
    }

    #[test]
    fn no_two_centres_are_closer_than_the_radius_at_their_zoom() {
        let (points, weights) = scatter(3_000, 1280.0, 700.0);
        let h = Hierarchy::build(&points, &weights, RADIUS);
        for level in &h.levels {
            let r = RADIUS / level.zoom;
            let gs = &level.groups;
            for i in 0..gs.len() {
                for j in i + 1..gs.len() {
                    let d = dist(gs[i].at, gs[j].at);
                    assert!(d >= r - 1e-9, "zoom {}: {d} < {r}", level.zoom);
                }
            }
        }
    }

    #[test]
    fn weights_are_conserved_and_clusters_led_by_their_heaviest_place() {
        let (points, weights) = scatter(2_500, 900.0, 500.0);
        let h = Hierarchy::build(&points, &weights, RADIUS);
        let all: f64 = weights.iter().sum();
        for level in &h.levels {
            let sum: f64 = level.groups.iter().map(|g| g.weight).sum();
            assert!((sum - all).abs() < 1e-6);
            for g in &level.groups {
                assert!(g.members.iter().all(|&m| weights[m] <= weights[g.members[0]]));
                let own: f64 = g.members.iter().map(|&m| weights[m]).sum();
                assert!((own - g.weight).abs() < 1e-9);
            }
            assert!(level.groups.windows(2).all(|w| w[0].weight >= w[1].weight));
        }
    }

    #[test]
    fn the_same_places_in_the_same_order_cluster_the_same_way() {
        let (points, weights) = scatter(2_100, 1280.0, 700.0);
        assert_eq!(
            Hierarchy::build(&points, &weights, RADIUS),
            Hierarchy::build(&points, &weights, RADIUS)
        );
    }

    #[test]
    fn places_far_apart_never_merge() {
        let points: Vec<Coord<f64>> =
            (0..50).map(|i| Coord { x: 100.0 * i as f64, y: 0.0 }).collect();
        let h = Hierarchy::build(&points, &[1.0; 50], RADIUS);
        assert!(h.levels.is_empty() && h.at(1.0).is_none());
        // Weightless places still merge, at their plain centre.
        let h = Hierarchy::build(
            &points[..2].iter().map(|p| *p * 0.1).collect::<Vec<_>>(),
            &[],
            RADIUS,
        );
        assert_eq!(h.at(1.0).map(|l| l.groups[0].at.x), Some(5.0));
    }
}
