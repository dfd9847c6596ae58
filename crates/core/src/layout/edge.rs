//! Places outside the view: pinned to its edge, with an arrow towards where they are.

use crate::labels::Rect;
use geo::Coord;

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
    let tx = if d.x > 0.0 {
        (x1 - c.x) / d.x
    } else if d.x < 0.0 {
        (x0 - c.x) / d.x
    } else {
        f64::MAX
    };
    let ty = if d.y > 0.0 {
        (y1 - c.y) / d.y
    } else if d.y < 0.0 {
        (y0 - c.y) / d.y
    } else {
        f64::MAX
    };
    Some(c + d * tx.min(ty).min(1.0))
}

/// The arrow among → ↘ ↓ ↙ ← ↖ ↑ ↗ closest to the screen direction `d` (y grows down).
pub(super) fn arrow_towards(d: Coord<f64>) -> char {
    const ARROWS: [char; 8] = ['→', '↘', '↓', '↙', '←', '↖', '↑', '↗'];
    let eighth =
        (crate::math::atan2(d.y, d.x) / std::f64::consts::FRAC_PI_4).round().rem_euclid(8.0);
    ARROWS[eighth as usize]
}

/// Moves a marker of radius `r` at `p` out of the box `b` (a control drawn over the map's top
/// right corner) by the shorter way: to its left or below it; `None` when it is clear.
///
/// # Examples
/// ```
/// use flowmap_core::{labels::Rect, layout::out_of_box};
/// use geo::coord;
/// let b = Rect { x0: 90.0, y0: 0.0, x1: 100.0, y1: 50.0 };
/// let p = out_of_box(coord! { x: 95.0, y: 10.0 }, 4.0, &b).unwrap();
/// assert_eq!((p.x, p.y), (85.0, 10.0));
/// assert!(out_of_box(coord! { x: 50.0, y: 10.0 }, 4.0, &b).is_none());
/// ```
pub fn out_of_box(p: Coord<f64>, r: f64, b: &Rect) -> Option<Coord<f64>> {
    if !b.grown(r).contains(p) {
        return None;
    }
    let (left, down) = (p.x + r - b.x0, b.y1 - (p.y - r));
    Some(if left <= down {
        Coord { x: b.x0 - r - 1.0, y: p.y }
    } else {
        Coord { x: p.x, y: b.y1 + r + 1.0 }
    })
}
