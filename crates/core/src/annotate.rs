//! Callouts: a story step's annotations placed on the map, each beside its place, flow or
//! point without covering a marker, a shown label or another callout; one placed away from
//! its anchor gets a leader line back to it. The page and the SVG export draw the same.

use crate::dataset::Dataset;
use crate::export::{text_width, wrap};
use crate::labels::Rect;
use crate::layout::MapLayout;
use crate::projection::Projection;
use crate::story::{Annotation, Step};
use geo::Coord;

/// Callout text size in pixels, line height, padding inside the box, and the widest box.
pub const NOTE_SIZE: f64 = 12.0;
const LINE: f64 = 15.0;
const PAD: f64 = 5.0;
const MAX_WIDTH: f64 = 180.0;
/// Callouts keep this far from the map's edge and from what they must not cover.
const INSET: f64 = 4.0;
/// How far from its anchor a callout may go: beside it first, then further, with a leader.
const DISTANCES: [f64; 7] = [8.0, 24.0, 44.0, 72.0, 108.0, 150.0, 200.0];
/// Directions from the anchor, in the order they are tried: above right, above left, below
/// right, below left, then straight above, below, right and left.
const DIRECTIONS: [(f64, f64); 8] = [
    (1.0, -1.0),
    (-1.0, -1.0),
    (1.0, 1.0),
    (-1.0, 1.0),
    (0.0, -1.0),
    (0.0, 1.0),
    (1.0, 0.0),
    (-1.0, 0.0),
];

/// A placed callout.
#[derive(Debug, Clone, PartialEq)]
pub struct Callout {
    /// The text, wrapped.
    pub lines: Vec<String>,
    /// The point it is about.
    pub anchor: Coord<f64>,
    /// Its box.
    pub rect: Rect,
    /// A line from the anchor to the box's nearest point, when the box is not beside it.
    pub leader: Option<(Coord<f64>, Coord<f64>)>,
}

impl Callout {
    /// The baseline of line `i`, from the box's left edge.
    pub fn line_at(&self, i: usize) -> Coord<f64> {
        Coord { x: self.rect.x0 + PAD, y: self.rect.y0 + PAD + LINE * (i as f64 + 1.0) - 4.0 }
    }
}

/// Where an annotation points on the map laid out as `layout` through `proj`: its place's
/// marker (or its cluster's), the middle of its flow's route, or its point; `None` when that
/// is not drawn.
pub fn anchor(
    a: &Annotation,
    dataset: &Dataset,
    layout: &MapLayout,
    proj: &Projection,
) -> Option<Coord<f64>> {
    if let Some(id) = &a.place {
        return layout.marker_drawing(id).map(|m| m.at);
    }
    if let Some(id) = &a.flow {
        let i = dataset.raw.flows.iter().position(|f| &f.id == id)?;
        let legs = &layout.line_of(i)?.legs;
        return legs.get(legs.len() / 2).map(|l| l.middle);
    }
    a.point.map(|[x, y]| proj.project(Coord { x, y }))
}

/// What callouts must not cover: every marker and every label shown.
pub fn obstacles(layout: &MapLayout) -> Vec<Rect> {
    let mut out = Vec::new();
    for m in &layout.markers {
        let r = m.radius;
        out.push(Rect { x0: m.at.x - r, y0: m.at.y - r, x1: m.at.x + r, y1: m.at.y + r });
        if m.label.shown {
            out.push(m.label.rect);
        }
    }
    out
}

/// What a story step draws over the map: rings around its places and its callouts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overlay {
    /// Ringed places: centre and radius.
    pub rings: Vec<(Coord<f64>, f64)>,
    /// Callouts, in the step's order.
    pub callouts: Vec<Callout>,
}

/// How far a ring lies outside its marker.
const RING_GAP: f64 = 5.0;

/// The overlay of step `s` on a `width` × `height` map laid out as `layout` through
/// `proj`: places and callouts whose anchor is not drawn are left out. `lang` picks the text.
pub fn overlay(
    s: &Step,
    dataset: &Dataset,
    layout: &MapLayout,
    proj: &Projection,
    (width, height): (f64, f64),
    lang: &str,
) -> Overlay {
    // A place drawn in a cluster rings its cluster, once.
    let mut rings: Vec<(Coord<f64>, f64)> = Vec::new();
    for m in s.view.places.iter().filter_map(|id| layout.marker_drawing(id)) {
        let ring = (m.at, m.radius + RING_GAP);
        if !rings.contains(&ring) {
            rings.push(ring);
        }
    }
    let notes: Vec<(String, Coord<f64>)> = s
        .annotations
        .iter()
        .filter_map(|a| Some((a.text.get(lang).to_string(), anchor(a, dataset, layout, proj)?)))
        .collect();
    Overlay { rings, callouts: place(&notes, &obstacles(layout), width, height) }
}

/// Places each `(text, anchor)` in turn: the first box, nearest first, that lies inside the
/// map and covers nothing in `keep_out` nor a callout placed before it; else the free spot
/// nearest to the anchor anywhere on the map. A callout with no room at all is left out of
/// the drawing, as a label is (the page's card still reads it).
///
/// # Examples
/// ```
/// use flowmap_core::annotate::place;
/// use geo::Coord;
/// let marker = flowmap_core::labels::Rect { x0: 95.0, y0: 95.0, x1: 105.0, y1: 105.0 };
/// let c = place(&[("Here".into(), Coord { x: 100.0, y: 100.0 })], &[marker], 400.0, 300.0);
/// assert!(!c[0].rect.overlaps(&marker));
/// assert!(c[0].leader.is_none(), "beside its anchor");
/// ```
pub fn place(
    notes: &[(String, Coord<f64>)],
    keep_out: &[Rect],
    width: f64,
    height: f64,
) -> Vec<Callout> {
    let mut taken: Vec<Rect> = keep_out.iter().map(|r| r.grown(INSET / 2.0)).collect();
    let mut out = Vec::new();
    for (text, at) in notes {
        // At most two fifths of a narrow map's width, in more lines.
        let most = MAX_WIDTH.min(width * 0.4).max(80.0);
        let lines = wrap(text, most - 2.0 * PAD, NOTE_SIZE, false);
        let w =
            lines.iter().map(|l| text_width(l, NOTE_SIZE, false)).fold(0.0, f64::max) + 2.0 * PAD;
        let h = LINE * lines.len() as f64 + 2.0 * PAD;
        let free = |r: &Rect| {
            r.x0 >= INSET
                && r.y0 >= INSET
                && r.x1 <= width - INSET
                && r.y1 <= height - INSET
                && taken.iter().all(|t| !r.overlaps(t))
        };
        let near = DISTANCES.iter().find_map(|&d| {
            DIRECTIONS
                .iter()
                .map(|&(dx, dy)| beside(*at, dx, dy, d, w, h))
                .find(&free)
                .map(|r| (r, d))
        });
        // Nothing free near the anchor: the free spot nearest to it anywhere on the map.
        let far = || Some((free_spot(*at, w, h, &taken, width, height)?, f64::INFINITY));
        let Some((rect, d)) = near.or_else(far) else { continue };
        taken.push(rect.grown(INSET / 2.0));
        let leader = (d > DISTANCES[0]).then(|| (*at, nearest(&rect, *at)));
        out.push(Callout { lines, anchor: *at, rect, leader });
    }
    out
}

/// A `w` × `h` box `d` pixels from `at` in direction `(dx, dy)`: its nearest corner or edge
/// centre at that distance.
fn beside(at: Coord<f64>, dx: f64, dy: f64, d: f64, w: f64, h: f64) -> Rect {
    // A whole step sideways puts the box's near edge `d` away; half a step, its middle.
    let x0 = match dx {
        x if x >= 1.0 => at.x + d,
        x if x <= -1.0 => at.x - d - w,
        x => at.x - w / 2.0 + x * (w / 2.0 + d),
    };
    let y0 = match dy {
        y if y >= 1.0 => at.y + d,
        y if y <= -1.0 => at.y - d - h,
        y => at.y - h / 2.0 + y * (h / 2.0 + d),
    };
    Rect { x0, y0, x1: x0 + w, y1: y0 + h }
}

/// The free `w` × `h` box inside the map nearest to `at`, on a grid of [`SCAN`] pixels.
fn free_spot(
    at: Coord<f64>,
    w: f64,
    h: f64,
    taken: &[Rect],
    width: f64,
    height: f64,
) -> Option<Rect> {
    let mut best: Option<(f64, Rect)> = None;
    let mut y = INSET;
    while y + h <= height - INSET {
        let mut x = INSET;
        while x + w <= width - INSET {
            let r = Rect { x0: x, y0: y, x1: x + w, y1: y + h };
            let p = nearest(&r, at);
            let (dx, dy) = (p.x - at.x, p.y - at.y);
            let d = dx * dx + dy * dy;
            if best.is_none_or(|(b, _)| d < b) && taken.iter().all(|t| !r.overlaps(t)) {
                best = Some((d, r));
            }
            x += SCAN;
        }
        y += SCAN;
    }
    best.map(|(_, r)| r)
}

/// The step of [`free_spot`]'s grid.
const SCAN: f64 = 6.0;

/// The point of `r` nearest to `p`.
fn nearest(r: &Rect, p: Coord<f64>) -> Coord<f64> {
    Coord { x: crate::math::clamp(p.x, r.x0, r.x1), y: crate::math::clamp(p.y, r.y0, r.y1) }
}

#[cfg(test)]
mod test {
    use super::*;

    fn boxes_apart(c: &[Callout], keep_out: &[Rect]) -> bool {
        c.iter().enumerate().all(|(i, a)| {
            keep_out.iter().all(|k| !a.rect.overlaps(k))
                && c[i + 1..].iter().all(|b| !a.rect.overlaps(&b.rect))
        })
    }

    #[test]
    fn callouts_keep_off_labels_markers_and_each_other() {
        // A crowd of labels around the anchor: the callout goes further out, with a leader.
        let at = Coord { x: 200.0, y: 150.0 };
        let mut keep_out = Vec::new();
        for i in 0..8 {
            let a = i as f64 * std::f64::consts::FRAC_PI_4;
            let (x, y) = (200.0 + 30.0 * a.cos(), 150.0 + 30.0 * a.sin());
            keep_out.push(Rect { x0: x - 25.0, y0: y - 8.0, x1: x + 25.0, y1: y + 8.0 });
        }
        let notes = vec![
            ("Exports suspended".to_string(), at),
            ("A second note on the same place, long enough to wrap onto two lines".to_string(), at),
            ("A third".to_string(), Coord { x: 210.0, y: 160.0 }),
        ];
        let c = place(&notes, &keep_out, 400.0, 300.0);
        assert_eq!(c.len(), 3);
        assert!(boxes_apart(&c, &keep_out), "{c:#?}");
        assert!(c.iter().all(|c| c.leader.is_some()), "all pushed out by the labels");
        assert!(c[1].lines.len() >= 2);
        for c in &c {
            assert!(
                c.rect.x0 >= INSET
                    && c.rect.x1 <= 400.0 - INSET
                    && c.rect.y0 >= INSET
                    && c.rect.y1 <= 300.0 - INSET
            );
            let (from, to) = c.leader.unwrap();
            assert_eq!(from, c.anchor);
            assert!(c.rect.grown(0.01).contains(to));
        }
    }

    #[test]
    fn a_callout_at_the_edge_stays_inside_the_map() {
        let c = place(&[("Near the corner".into(), Coord { x: 395.0, y: 5.0 })], &[], 400.0, 300.0);
        assert!(c[0].rect.x1 <= 400.0 - INSET && c[0].rect.y0 >= INSET);
        assert!(c[0].rect.x0 < 395.0 && c[0].rect.y1 > 5.0, "below left of its anchor");
    }
}
