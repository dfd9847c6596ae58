//! Placing location labels: only those that fit without covering another label, a marker
//! or a control are shown; the rest wait for their marker to be hovered or focused.

use crate::box_grid::BoxGrid;
use geo::Coord;

/// Where a label goes relative to its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// To the right, text starting there.
    Right,
    /// To the left, text ending there.
    Left,
    /// Above, centred.
    Above,
    /// Below, centred.
    Below,
}

/// An axis-aligned box in screen pixels: `x0 ≤ x1`, `y0 ≤ y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// True when the two boxes share some area (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// True when `p` lies inside or on the edge.
    pub fn contains(&self, p: Coord<f64>) -> bool {
        (self.x0..=self.x1).contains(&p.x) && (self.y0..=self.y1).contains(&p.y)
    }

    /// The box grown by `m` on every side.
    pub fn grown(&self, m: f64) -> Rect {
        Rect { x0: self.x0 - m, y0: self.y0 - m, x1: self.x1 + m, y1: self.y1 + m }
    }
}

/// A placed label: the text's anchor point (SVG `x`, `y` of the baseline), alignment, the
/// box it takes, and whether it is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// Which side was chosen.
    pub side: Side,
    /// Baseline anchor.
    pub at: Coord<f64>,
    /// The box the text takes (estimated from its length).
    pub rect: Rect,
    /// True when the label fits without covering another shown label, a control, another
    /// marker or the outside of the map; otherwise it shows only while its marker is
    /// hovered or focused.
    pub shown: bool,
}

/// A marker to label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark<'a> {
    /// The marker's centre.
    pub at: Coord<f64>,
    /// Its radius.
    pub radius: f64,
    /// The label's text.
    pub text: &'a str,
}

/// Label font size in pixels.
pub const FONT_SIZE: f64 = 12.0;
/// Labels keep this far from the map's edge.
const MARGIN: f64 = 2.0;

/// The estimated width of `text` as a label (12 px, semi-bold): by classes of characters,
/// on the wide side (DejaVu Sans Bold, the widest of the fonts the page asks for), so that
/// labels estimated apart are apart in any of them.
///
/// # Examples
/// ```
/// use flowmap_core::labels::text_width;
/// assert!(text_width("Kyrgyzstan") > text_width("Iljinci"));
/// ```
pub fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|ch| match ch {
            'i' | 'j' | 'l' | 'I' | 'J' | '.' | ',' | ':' | ';' | '\'' | '!' | ' ' | 'і' | 'ї' => {
                4.6
            }
            'f' | 't' | 'r' | '(' | ')' | '-' | 'г' => 6.0,
            'm' | 'w' | 'M' | 'W' | 'ж' | 'ш' | 'щ' | 'ю' | 'ы' | 'ф' | 'Ж' | 'Ш' | 'Щ' | 'Ю'
            | 'Ф' | 'Д' | 'Ц' | 'Ы' => 13.0,
            c if c.is_uppercase() => 10.0,
            _ => 8.6,
        })
        .sum()
}

fn candidate(side: Side, c: Coord<f64>, r: f64, text_w: f64) -> (Coord<f64>, Rect) {
    let gap = r + 3.0;
    let h = FONT_SIZE;
    let (at, x0, y0) = match side {
        Side::Right => (Coord { x: c.x + gap, y: c.y + h * 0.35 }, c.x + gap, c.y - h * 0.6),
        Side::Left => {
            (Coord { x: c.x - gap, y: c.y + h * 0.35 }, c.x - gap - text_w, c.y - h * 0.6)
        }
        Side::Above => {
            (Coord { x: c.x, y: c.y - gap - 2.0 }, c.x - text_w / 2.0, c.y - gap - 2.0 - h)
        }
        Side::Below => (Coord { x: c.x, y: c.y + gap + h }, c.x - text_w / 2.0, c.y + gap + 2.0),
    };
    (at, Rect { x0, y0, x1: x0 + text_w, y1: y0 + h * 1.2 })
}

/// Labels the markers in the order given (put the most important first: they are shown
/// first), trying right, left, above and below, inside `width × height` and off the boxes
/// `keep_out` (controls drawn over the map), and off other markers. A label that fits
/// nowhere is not shown.
///
/// # Examples
/// ```
/// use flowmap_core::labels::{place, Mark, Side};
/// use geo::coord;
/// let mark = |x, text| Mark { at: coord! { x: x, y: 100.0 }, radius: 4.0, text };
/// // Two markers side by side: the second label cannot go right of its marker
/// // without covering the first, so it goes elsewhere.
/// let p = place(&[mark(100.0, "Serbia"), mark(60.0, "Bosnia")], 400.0, 300.0, &[]);
/// assert_eq!(p[0].side, Side::Right);
/// assert_ne!(p[1].side, Side::Right);
/// assert!(p[0].shown && p[1].shown);
/// ```
pub fn place(marks: &[Mark], width: f64, height: f64, keep_out: &[Rect]) -> Vec<Placement> {
    // Markers and the labels shown so far, each in a grid: a candidate is checked against
    // its neighbours only (10,000 markers would be 10⁸ checks otherwise).
    let mut circles = BoxGrid::new(width, height);
    for m in marks {
        let r = m.radius;
        circles.insert(Rect { x0: m.at.x - r, y0: m.at.y - r, x1: m.at.x + r, y1: m.at.y + r });
    }
    let mut taken = BoxGrid::new(width, height);
    for b in keep_out {
        taken.insert(*b);
    }
    let inside = Rect { x0: MARGIN, y0: MARGIN, x1: width - MARGIN, y1: height - MARGIN };
    let mut placed = Vec::with_capacity(marks.len());
    for (i, m) in marks.iter().enumerate() {
        let text_w = text_width(m.text);
        // Each side ranked: 0 clear of everything, 1 covering a shown label, a control or
        // another marker, 2 outside the map. The first of the best is taken.
        let mut best = (u8::MAX, Side::Right, Coord { x: 0.0, y: 0.0 }, inside);
        for side in [Side::Right, Side::Left, Side::Above, Side::Below] {
            let (at, b) = candidate(side, m.at, m.radius, text_w);
            let within =
                b.x0 >= inside.x0 && b.y0 >= inside.y0 && b.x1 <= inside.x1 && b.y1 <= inside.y1;
            let covers = || taken.covers(&b, None) || circles.covers(&b, Some(i));
            let rank = if !within { 2 } else { u8::from(covers()) };
            if rank < best.0 {
                best = (rank, side, at, b);
            }
        }
        let (rank, side, at, rect) = best;
        // Else shown only on hover, on the first side inside the map.
        let shown = rank == 0;
        if shown {
            taken.insert(rect);
        }
        placed.push(Placement { side, at, rect, shown });
    }
    placed
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::coord;

    fn mark(x: f64, y: f64, text: &str) -> Mark<'_> {
        Mark { at: coord! { x: x, y: y }, radius: 3.0, text }
    }

    /// Pairs of shown labels whose boxes overlap.
    fn overlapping(p: &[Placement]) -> usize {
        let shown: Vec<_> = p.iter().filter(|p| p.shown).collect();
        (0..shown.len())
            .flat_map(|i| (i + 1..shown.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| shown[i].rect.overlaps(&shown[j].rect))
            .count()
    }

    #[test]
    fn labels_near_the_right_edge_go_left() {
        let p = place(&[mark(390.0, 100.0, "Kyrgyzstan")], 400.0, 300.0, &[]);
        assert_eq!(p[0].side, Side::Left);
        assert!(p[0].shown);
    }

    #[test]
    fn a_label_with_no_clear_side_waits_for_a_hover_and_blocks_nothing() {
        // Two labels on the bottom edge of a narrow map: the second is too long for it.
        let pts =
            [mark(20.0, 290.0, "Nigeria ↓"), mark(130.0, 290.0, "Kenya ↓, far too long a name")];
        let p = place(&pts, 200.0, 300.0, &[]);
        assert!(p[0].shown);
        assert!(!p[1].shown);
        // A third label, where the hidden one would be, is still shown.
        let mut more = pts.to_vec();
        more.push(mark(100.0, 260.0, "Chad"));
        assert!(place(&more, 200.0, 300.0, &[])[2].shown);
    }

    #[test]
    fn a_crowd_shows_only_labels_that_do_not_overlap() {
        let pts: Vec<_> = (0..4).map(|i| mark(200.0 + 12.0 * i as f64, 150.0, "Place")).collect();
        let p = place(&pts, 400.0, 300.0, &[]);
        assert!(p.iter().filter(|x| x.shown).count() >= 3, "{p:?}");
        assert_eq!(overlapping(&p), 0);
    }

    #[test]
    fn three_hundred_places_show_no_overlapping_labels_and_more_when_spread_out() {
        // A deterministic scatter (a linear congruential generator).
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        let names: Vec<String> = (0..300).map(|i| format!("Place {i}")).collect();
        let points: Vec<(f64, f64)> = (0..300).map(|_| (next(), next())).collect();
        let at = |w: f64, h: f64| -> Vec<Mark> {
            points.iter().zip(&names).map(|(&(x, y), n)| mark(x * w, y * h, n)).collect()
        };
        let phone = place(&at(375.0, 250.0), 375.0, 250.0, &[]);
        let wide = place(&at(1280.0, 800.0), 1280.0, 800.0, &[]);
        assert_eq!(overlapping(&phone), 0);
        assert_eq!(overlapping(&wide), 0);
        let shown = |p: &[Placement]| p.iter().filter(|p| p.shown).count();
        assert!(
            shown(&phone) > 0 && shown(&phone) < shown(&wide),
            "{} {}",
            shown(&phone),
            shown(&wide)
        );
        // The first (most important) is always shown when it has room.
        assert!(wide[0].shown);
    }

    #[test]
    fn labels_keep_off_the_controls() {
        let controls = Rect { x0: 360.0, y0: 0.0, x1: 400.0, y1: 120.0 };
        let p = place(&[mark(330.0, 50.0, "Kyrgyzstan")], 400.0, 300.0, &[controls]);
        assert!(p[0].shown && !p[0].rect.overlaps(&controls), "{p:?}");
    }
}
