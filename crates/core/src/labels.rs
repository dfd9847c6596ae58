//! Placing location labels so that they do not collide with each other or with markers.

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

/// A placed label: the text's anchor point (SVG `x`, `y` of the baseline) and alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// Which side was chosen.
    pub side: Side,
    /// Baseline anchor.
    pub at: Coord<f64>,
    /// False when every side collided; the label then goes where it covers least.
    pub clear: bool,
}

/// Label font size in pixels, and the width of an average character at that size.
pub const FONT_SIZE: f64 = 12.0;
const CHAR_WIDTH: f64 = 6.9;

#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// The area this rectangle shares with `o`.
    fn overlap_area(&self, o: &Rect) -> f64 {
        (self.x1.min(o.x1) - self.x0.max(o.x0)).max(0.0)
            * (self.y1.min(o.y1) - self.y0.max(o.y0)).max(0.0)
    }

    fn area(&self) -> f64 {
        (self.x1 - self.x0) * (self.y1 - self.y0)
    }
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

/// Places one label per marker `(centre, radius, text)`, in the order given (put the most
/// important first), trying right, left, above and below, inside `width × height`.
///
/// # Examples
/// ```
/// use flowmap_core::labels::{place, Side};
/// use geo::coord;
/// // Two markers side by side: the second label cannot go right of its marker
/// // without covering the first, so it goes elsewhere.
/// let p = place(&[(coord! { x: 100.0, y: 100.0 }, 4.0, "Serbia"), (coord! { x: 60.0, y: 100.0 }, 4.0, "Bosnia")], 400.0, 300.0);
/// assert_eq!(p[0].side, Side::Right);
/// assert_ne!(p[1].side, Side::Right);
/// assert!(p[0].clear && p[1].clear);
/// ```
pub fn place(markers: &[(Coord<f64>, f64, &str)], width: f64, height: f64) -> Vec<Placement> {
    let circles: Vec<Rect> = markers
        .iter()
        .map(|(c, r, _)| Rect { x0: c.x - r, y0: c.y - r, x1: c.x + r, y1: c.y + r })
        .collect();
    let mut taken: Vec<Rect> = Vec::new();
    markers
        .iter()
        .enumerate()
        .map(|(i, (c, r, text))| {
            let text_w = text.chars().count() as f64 * CHAR_WIDTH;
            let fits = |b: &Rect| {
                b.x0 >= 2.0
                    && b.y0 >= 2.0
                    && b.x1 <= width - 2.0
                    && b.y1 <= height - 2.0
                    && !taken.iter().any(|t| t.overlaps(b))
                    && !circles.iter().enumerate().any(|(j, m)| j != i && m.overlaps(b))
            };
            let sides = [Side::Right, Side::Left, Side::Above, Side::Below]
                .map(|s| (s, candidate(s, *c, *r, text_w)));
            // Where no side is clear, the side that covers the least: other labels, other
            // markers, and (counted twice, as it cannot be read) the outside of the map.
            let cover = |b: &Rect| {
                let inside =
                    b.overlap_area(&Rect { x0: 2.0, y0: 2.0, x1: width - 2.0, y1: height - 2.0 });
                taken.iter().map(|t| t.overlap_area(b)).sum::<f64>()
                    + circles
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j != i)
                        .map(|(_, m)| m.overlap_area(b))
                        .sum::<f64>()
                    + 2.0 * (b.area() - inside)
            };
            let (side, (at, rect), clear) = match sides.iter().find(|(_, (_, b))| fits(b)) {
                Some(&(s, ab)) => (s, ab, true),
                None => {
                    let &(s, ab) = sides
                        .iter()
                        .min_by(|a, b| cover(&a.1 .1).total_cmp(&cover(&b.1 .1)))
                        .expect("four sides");
                    (s, ab, false)
                }
            };
            taken.push(rect);
            Placement { side, at, clear }
        })
        .collect()
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::coord;

    #[test]
    fn labels_near_the_right_edge_go_left() {
        let p = place(&[(coord! { x: 390.0, y: 100.0 }, 4.0, "Kyrgyzstan")], 400.0, 300.0);
        assert_eq!(p[0].side, Side::Left);
    }

    #[test]
    fn with_no_clear_side_the_label_covers_the_least() {
        // Two long labels on the bottom edge, close together: the second cannot go right
        // (onto the first's label) or below (off the map), so it goes above.
        let pts = [
            (coord! { x: 20.0, y: 290.0 }, 3.0, "Nigeria (off map)"),
            (coord! { x: 130.0, y: 290.0 }, 3.0, "Kenya (off map), far too long"),
        ];
        let p = place(&pts, 200.0, 300.0);
        assert!(!p[1].clear);
        assert_eq!(p[1].side, Side::Above);
    }

    #[test]
    fn a_crowd_never_overlaps_when_there_is_room() {
        let pts: Vec<_> = (0..4)
            .map(|i| (coord! { x: 200.0 + 12.0 * i as f64, y: 150.0 }, 3.0, "Place"))
            .collect();
        let p = place(&pts, 400.0, 300.0);
        assert!(p.iter().filter(|x| x.clear).count() >= 3, "{p:?}");
    }
}
