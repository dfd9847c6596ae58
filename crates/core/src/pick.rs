//! Which flow is under the pointer when thousands are drawn on a canvas (where the browser
//! cannot tell), and which flows are under a finger (to offer a choice where lines
//! crowd): each leg cut into short straight pieces, filed in a uniform grid.

use crate::arc::{dist, ArcShape};
use crate::layout::FlowShape;
use crate::sort::order_of;
use geo::Coord;

/// Grid cell size in pixels.
const CELL: f64 = 32.0;
/// Extra reach on each side of a line, in pixels, so that lines are easy to hit.
const SLACK: f64 = 5.0;
/// The narrowest a flow's hit area is, in pixels: WCAG 2.2's smallest target (24 × 24).
pub const MIN_TARGET: f64 = 24.0;

/// How wide a line `width` px wide is to the pointer: twice the canvas map's reach (where
/// the nearest line wins), and the SVG map's hit path for a finger (a mouse gets a narrower
/// one there, where the last drawn wins).
///
/// # Examples
/// ```
/// use flowmap_core::pick::{hit_width, MIN_TARGET};
/// assert_eq!(hit_width(1.5), MIN_TARGET);
/// assert_eq!(hit_width(30.0), 40.0);
/// ```
pub fn hit_width(width: f64) -> f64 {
    (width + 2.0 * SLACK).max(MIN_TARGET)
}
/// Pixels of curve per straight piece (at most [`MAX_PIECES`] pieces per leg).
const PIECE_LENGTH: f64 = 20.0;
/// Most pieces per leg: 16 chords stray less than a pixel from the gentle curves drawn.
const MAX_PIECES: usize = 16;

/// Bits of a run ([`FlowPicker::cells`]) that hold its length less one.
const RUN_BITS: u32 = 5;
/// The longest run: a leg's pieces in a cell, up to this many, are one entry.
const LONGEST_RUN: u32 = 1 << RUN_BITS;
/// Points past this many are not indexed (their number would not fit a run; a map that
/// many would be gigabytes, past a browser's WebAssembly memory).
const MOST_POINTS: usize = (u32::MAX >> RUN_BITS) as usize;

/// A flow added: its dataset index, its first point, how far from its pieces a pointer still
/// hits it, and half its width (how far from them its drawn edge is).
#[derive(Debug, Clone, Copy)]
struct Added {
    index: usize,
    first: u32,
    reach: f64,
    half: f64,
}

/// A spatial index of laid-out flows for hit testing, filled in parts (so that a large
/// map can build it a slice at a time, between frames).
///
/// Each leg is cut into straight pieces: its points (start, the pieces' ends, the tip) are
/// kept one after the other in single precision (a map of 100,000 flows has millions), and
/// piece `k` joins point `k` to point `k + 1`; a point's flow is the last to start at or
/// before it. A cell lists the pieces near it as runs of one leg's pieces: most pieces near
/// a cell are near it with the pieces next to them. The flows are filed a block of
/// [`BLOCK`] at a time, each block's runs one list, cell after cell (lists grown run by
/// run would keep room for half as many again).
#[derive(Debug, Clone)]
pub struct FlowPicker {
    /// The flows added, in drawing order.
    flows: Vec<Added>,
    /// The points of the legs' pieces, leg after leg.
    points: Vec<[f32; 2]>,
    columns: usize,
    rows: usize,
    /// The blocks of flows filed, in the order added.
    blocks: Vec<Block>,
}

/// Flows filed together ([`FlowPicker`]).
const BLOCK: usize = 4000;

/// The pieces of some flows near each cell (row by row), as runs: the first piece's number
/// shifted left by [`RUN_BITS`], or'ed with the run's length less one; in the order added.
#[derive(Debug, Clone)]
struct Block {
    /// Where each cell's runs start in `runs`, and where the last one's end.
    starts: Vec<u32>,
    runs: Vec<u32>,
}

/// How many pieces [`FlowPicker`] cuts `leg` into, besides its arrowhead's.
fn pieces(leg: &ArcShape) -> usize {
    ((dist(leg.start, leg.base) / PIECE_LENGTH).ceil() as usize).clamp(2, MAX_PIECES)
}

/// A point kept in single precision, back in double.
fn widen(p: [f32; 2]) -> Coord<f64> {
    Coord { x: f64::from(p[0]), y: f64::from(p[1]) }
}

impl FlowPicker {
    /// An empty index for a `width` × `height` map.
    pub fn empty(width: f64, height: f64) -> FlowPicker {
        let columns = (width / CELL).ceil().max(1.0) as usize;
        let rows = (height / CELL).ceil().max(1.0) as usize;
        FlowPicker { flows: Vec::new(), points: Vec::new(), columns, rows, blocks: Vec::new() }
    }

    /// Makes room for `flows` at once, so that adding them in parts later does not grow the
    /// index step by step (each step leaving the last one's room unused).
    pub fn reserve(&mut self, flows: &[FlowShape]) {
        let points: usize = flows.iter().flat_map(|f| &f.legs).map(|l| pieces(l) + 2).sum();
        self.flows.reserve_exact(flows.len());
        self.points.reserve_exact(points);
    }

    /// Adds `flows`, drawn after those already added.
    pub fn add(&mut self, flows: &[FlowShape]) {
        self.reserve(flows);
        for block in flows.chunks(BLOCK) {
            self.file(block);
        }
    }

    /// Adds `flows` as one block.
    fn file(&mut self, flows: &[FlowShape]) {
        let (columns, rows) = (self.columns, self.rows);
        let cell = |v: f64, n: usize| ((v / CELL).floor().max(0.0) as usize).min(n - 1);
        let narrow = |p: Coord<f64>| [p.x as f32, p.y as f32];
        // Each run with its cell, in the order made, and each cell's last run in it.
        let mut found: Vec<(u32, u32)> = Vec::new();
        let mut last = vec![usize::MAX; columns * rows];
        'flows: for f in flows {
            let reach = hit_width(f.width) / 2.0;
            let first = self.points.len() as u32;
            self.flows.push(Added { index: f.index, first, reach, half: f.width / 2.0 });
            for leg in &f.legs {
                let n = pieces(leg);
                if self.points.len() + n + 2 > MOST_POINTS {
                    break 'flows;
                }
                let ends = (1..=n).map(|k| leg.at(k as f64 / n as f64)).chain([leg.tip]);
                self.points.push(narrow(leg.start));
                for b in ends {
                    let number = (self.points.len() - 1) as u32;
                    let (a, b) = (widen(self.points[number as usize]), narrow(b));
                    self.points.push(b);
                    let b = widen(b);
                    let (c0, c1) =
                        (cell(a.x.min(b.x) - reach, columns), cell(a.x.max(b.x) + reach, columns));
                    let (r0, r1) =
                        (cell(a.y.min(b.y) - reach, rows), cell(a.y.max(b.y) + reach, rows));
                    for r in r0..=r1 {
                        for c in c0..=c1 {
                            let at = r * columns + c;
                            match found.get_mut(last[at]) {
                                // The run of the piece before, unless it is at its longest.
                                Some((_, run))
                                    if (*run >> RUN_BITS) + (*run & (LONGEST_RUN - 1)) + 1
                                        == number
                                        && *run & (LONGEST_RUN - 1) < LONGEST_RUN - 1 =>
                                {
                                    *run += 1;
                                }
                                _ => {
                                    last[at] = found.len();
                                    found.push((at as u32, number << RUN_BITS));
                                }
                            }
                        }
                    }
                }
            }
        }
        // Cell after cell, each cell's runs in the order made.
        let mut starts = vec![0u32; columns * rows + 1];
        for &(at, _) in &found {
            starts[at as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut runs = vec![0u32; found.len()];
        for (at, run) in found {
            runs[next[at as usize] as usize] = run;
            next[at as usize] += 1;
        }
        self.blocks.push(Block { starts, runs });
    }

    /// The pieces near the cell at column `c` and row `r`, in the order added: each piece's
    /// two ends, and its flow's position in the flows added (its drawing order).
    fn near_cell(
        &self,
        c: usize,
        r: usize,
    ) -> impl Iterator<Item = (Coord<f64>, Coord<f64>, u32)> + '_ {
        let at = r * self.columns + c;
        let runs = self.blocks.iter().flat_map(move |b| {
            let (from, to) = (b.starts[at] as usize, b.starts[at + 1] as usize);
            &b.runs[from..to]
        });
        runs.flat_map(move |run| {
            let first = run >> RUN_BITS;
            let count = (run & (LONGEST_RUN - 1)) as usize + 1;
            // A run is of one leg: its flow is looked up once.
            let order = self.flows.partition_point(|f| f.first <= first).saturating_sub(1) as u32;
            let first = first as usize;
            (first..first + count)
                .map(move |k| (widen(self.points[k]), widen(self.points[k + 1]), order))
        })
    }

    /// The dataset index of the flow under `(x, y)` among those `shown` (by dataset index):
    /// the nearest within reach, and of equally near ones the one drawn last (on top);
    /// `None` when no such flow is that close.
    pub fn pick(&self, x: f64, y: f64, shown: impl Fn(usize) -> bool) -> Option<usize> {
        if x < 0.0 || y < 0.0 {
            return None;
        }
        let (c, r) = ((x / CELL) as usize, (y / CELL) as usize);
        if c >= self.columns || r >= self.rows {
            return None;
        }
        let point = Coord { x, y };
        let mut best: Option<(f64, u32)> = None;
        for (a, b, order) in self.near_cell(c, r) {
            let d = distance_to_segment(point, a, b);
            let flow = self.flows[order as usize];
            if d > flow.reach || !shown(flow.index) {
                continue;
            }
            let better = match best {
                None => true,
                Some((bd, bo)) => d < bd - 0.5 || (d <= bd + 0.5 && order > bo),
            };
            if better {
                best = Some((d, order));
            }
        }
        best.map(|(_, order)| self.flows[order as usize].index)
    }

    /// The flows among those `shown` whose drawn line comes within `radius` px of `(x, y)`
    /// (a finger's reach), by dataset index: the nearest first, and of equally near ones
    /// (to half a pixel) the one drawn last (on top); at most `most` of them.
    pub fn near(
        &self,
        x: f64,
        y: f64,
        radius: f64,
        most: usize,
        shown: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        let point = Coord { x, y };
        let span = |v: f64, n: usize| {
            let cell = |v: f64| ((v / CELL).floor().max(0.0) as usize).min(n - 1);
            cell(v - radius)..=cell(v + radius)
        };
        let (columns, rows) = (span(x, self.columns), span(y, self.rows));
        // The nearest distance of each flow met, by drawing order (a hub on a large map
        // meets thousands of flows: one map lookup each, not a search of those found).
        let mut found: Vec<(u32, f64)> = Vec::new();
        let mut at: rustc_hash::FxHashMap<u32, usize> = rustc_hash::FxHashMap::default();
        for r in rows {
            for c in columns.clone() {
                for (a, b, order) in self.near_cell(c, r) {
                    let flow = self.flows[order as usize];
                    let d = (distance_to_segment(point, a, b) - flow.half).max(0.0);
                    if d > radius || !shown(flow.index) {
                        continue;
                    }
                    match at.get(&order) {
                        Some(&k) => found[k].1 = found[k].1.min(d),
                        None => {
                            at.insert(order, found.len());
                            found.push((order, d));
                        }
                    }
                }
            }
        }
        let order = order_of(found.len(), |a, b| {
            let ((oa, da), (ob, db)) = (found[a], found[b]);
            let half_pixels = |d: f64| (d * 2.0).round();
            half_pixels(da).total_cmp(&half_pixels(db)).then(ob.cmp(&oa))
        });
        order.into_iter().take(most).map(|k| self.flows[found[k].0 as usize].index).collect()
    }
}

/// Distance from `p` to the segment `a`–`b`.
fn distance_to_segment(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    let ab = b - a;
    let len2 = ab.x * ab.x + ab.y * ab.y;
    let t = if len2 > 0.0 {
        crate::math::clamp(((p - a).x * ab.x + (p - a).y * ab.y) / len2, 0.0, 1.0)
    } else {
        0.0
    };
    dist(p, a + ab * t)
}

#[cfg(test)]
mod test {
    use super::*;

    impl FlowPicker {
        /// Indexes `flows` at once (the app adds them a slice per task).
        fn new(flows: &[FlowShape], width: f64, height: f64) -> FlowPicker {
            let mut picker = FlowPicker::empty(width, height);
            picker.add(flows);
            picker
        }

        fn pick_any(&self, x: f64, y: f64) -> Option<usize> {
            self.pick(x, y, |_| true)
        }
    }
    use crate::arc::{arc, ArcStyle};
    use geo::coord;

    fn flow(index: usize, from: Coord<f64>, to: Coord<f64>, width: f64) -> FlowShape {
        let legs = vec![arc(from, to, &ArcStyle::default()).unwrap()];
        FlowShape { legs, ..FlowShape::plain(index, width) }
    }

    #[test]
    fn finds_the_flow_under_a_point_of_its_curve_and_nothing_far_away() {
        let flows = [
            flow(4, coord! { x: 20.0, y: 200.0 }, coord! { x: 500.0, y: 200.0 }, 2.0),
            flow(9, coord! { x: 20.0, y: 20.0 }, coord! { x: 20.0, y: 380.0 }, 2.0),
        ];
        let picker = FlowPicker::new(&flows, 600.0, 400.0);
        for f in &flows {
            for t in [0.1, 0.5, 0.9] {
                let p = f.legs[0].at(t);
                assert_eq!(picker.pick_any(p.x, p.y), Some(f.index), "t {t}");
                // A few pixels off the line still counts.
                assert_eq!(picker.pick_any(p.x + 3.0, p.y + 3.0), Some(f.index), "t {t}, 4 px off");
            }
            // The arrowhead counts too.
            let tip = f.legs[0].tip;
            assert_eq!(picker.pick_any(tip.x, tip.y), Some(f.index));
        }
        assert_eq!(picker.pick_any(550.0, 380.0), None);
        assert_eq!(picker.pick_any(-5.0, 10.0), None);
        assert_eq!(picker.pick_any(10.0, 4000.0), None);
    }

    #[test]
    fn thick_lines_reach_further_and_the_nearer_line_wins() {
        let (a, b) = (coord! { x: 10.0, y: 100.0 }, coord! { x: 590.0, y: 100.0 });
        let thin = flow(0, a, b, 1.0);
        let thick = flow(1, a, b, 30.0);
        let mid = thick.legs[0].at(0.5);
        assert_eq!(
            FlowPicker::new(std::slice::from_ref(&thin), 600.0, 400.0)
                .pick_any(mid.x, mid.y - 14.0),
            None
        );
        assert_eq!(
            FlowPicker::new(std::slice::from_ref(&thick), 600.0, 400.0)
                .pick_any(mid.x, mid.y - 14.0),
            Some(1)
        );
        // Added in parts, the index finds the same.
        let mut parts = FlowPicker::empty(600.0, 400.0);
        parts.add(std::slice::from_ref(&thin));
        assert_eq!(parts.pick_any(mid.x, mid.y - 14.0), None);
        parts.add(std::slice::from_ref(&thick));
        assert_eq!(parts.pick_any(mid.x, mid.y - 14.0), Some(1));
        // Same line: the one drawn last (on top) wins, unless it is filtered out.
        let both = FlowPicker::new(&[thick, thin], 600.0, 400.0);
        assert_eq!(both.pick_any(mid.x, mid.y), Some(0));
        assert_eq!(both.pick(mid.x, mid.y, |i| i != 0), Some(1));
        assert_eq!(both.pick(mid.x, mid.y, |_| false), None);
    }

    #[test]
    fn lines_are_at_least_a_target_wide() {
        let (a, b) = (coord! { x: 10.0, y: 100.0 }, coord! { x: 590.0, y: 100.0 });
        let picker = FlowPicker::new(&[flow(0, a, b, 1.0)], 600.0, 400.0);
        let mid = flow(0, a, b, 1.0).legs[0].at(0.5);
        // 11 px off a 1 px line is within its 24 px target; 13 px is not.
        assert_eq!(picker.pick_any(mid.x, mid.y + 11.0), Some(0));
        assert_eq!(picker.pick_any(mid.x, mid.y - 11.0), Some(0));
        assert_eq!(picker.pick_any(mid.x, mid.y + 13.0), None);
    }

    #[test]
    fn picks_as_a_search_of_every_piece_would() {
        // Crowded random flows of several legs, some thick, on a 400 × 300 map.
        let mut seed = 7_u64;
        let mut random = |n: f64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64 * n
        };
        let flows: Vec<FlowShape> = (0..60)
            .map(|i| {
                let mut at = || coord! { x: random(400.0), y: random(300.0) };
                let stops = [at(), at(), at()];
                let legs = stops.windows(2).filter_map(|w| arc(w[0], w[1], &ArcStyle::default()));
                let width = if i % 7 == 0 { 20.0 } else { 1.5 };
                FlowShape { legs: legs.collect(), ..FlowShape::plain(i * 3, width) }
            })
            .collect();
        // In blocks of its own: filed in parts, the index finds the same.
        let mut picker = FlowPicker::empty(400.0, 300.0);
        picker.add(&flows[..25]);
        picker.add(&flows[25..]);
        assert_eq!(picker.blocks.len(), 2);
        // Every piece, nearest within reach, ties (to half a pixel) to the last drawn.
        let every = |x: f64, y: f64| {
            let mut best: Option<(f64, usize)> = None;
            for (order, f) in flows.iter().enumerate() {
                for leg in &f.legs {
                    let n = pieces(leg);
                    let round = |p: Coord<f64>| widen([p.x as f32, p.y as f32]);
                    let mut ends = vec![leg.start];
                    ends.extend((1..=n).map(|k| leg.at(k as f64 / n as f64)));
                    ends.push(leg.tip);
                    for w in ends.windows(2) {
                        let d =
                            distance_to_segment(coord! { x: x, y: y }, round(w[0]), round(w[1]));
                        if d > hit_width(f.width) / 2.0 {
                            continue;
                        }
                        if best.is_none_or(|(bd, bo)| d < bd - 0.5 || (d <= bd + 0.5 && order > bo))
                        {
                            best = Some((d, order));
                        }
                    }
                }
            }
            best.map(|(_, order)| flows[order].index)
        };
        let mut hits = 0;
        for _ in 0..3000 {
            let (x, y) = (random(400.0), random(300.0));
            let got = picker.pick_any(x, y);
            assert_eq!(got, every(x, y), "at ({x}, {y})");
            hits += usize::from(got.is_some());
        }
        assert!(hits > 1000, "{hits}");
    }

    #[test]
    fn near_lists_the_lines_under_a_finger_nearest_first() {
        // Three lines 6 px apart (the middle one drawn last), one far away.
        let line = |index: usize, y: f64| {
            flow(index, coord! { x: 10.0, y: y }, coord! { x: 590.0, y: y }, 2.0)
        };
        let flows = [line(3, 100.0), line(5, 112.0), line(7, 106.0), line(8, 300.0)];
        let picker = FlowPicker::new(&flows, 600.0, 400.0);
        let on = |f: &FlowShape| f.legs[0].at(0.5);
        let p = on(&flows[0]);
        assert_eq!(picker.near(p.x, p.y, 12.0, 5, |_| true), [3, 7, 5]);
        // Between two lines, equally near: the one drawn last first.
        let between = on(&flows[2]);
        assert_eq!(picker.near(between.x, between.y + 3.0, 4.0, 5, |_| true), [7, 5]);
        // At most `most`, only those shown, and none far from every line.
        assert_eq!(picker.near(p.x, p.y, 12.0, 2, |_| true), [3, 7]);
        assert_eq!(picker.near(p.x, p.y, 12.0, 5, |i| i != 7), [3, 5]);
        assert_eq!(picker.near(p.x, 200.0, 12.0, 5, |_| true), Vec::<usize>::new());
        // The far line alone; its width counts (a point 14 px from the centre of a 2 px line
        // is 13 px from its edge).
        let far = on(&flows[3]);
        assert_eq!(picker.near(far.x, far.y - 14.0, 13.0, 5, |_| true), [8]);
        assert_eq!(picker.near(far.x, far.y - 14.0, 12.5, 5, |_| true), Vec::<usize>::new());
        // A flow is listed once, however many of its pieces are near.
        let tip = flows[1].legs[0].tip;
        assert_eq!(picker.near(tip.x, tip.y, 30.0, 5, |_| true), [5, 7, 3]);
        // Far off the map: nothing.
        assert_eq!(picker.near(-50.0, -50.0, 12.0, 5, |_| true), Vec::<usize>::new());
    }
}
