//! Where the tooltip goes: beside the pointer and off the hovered route, inside the map.

use super::FlowShape;
use crate::labels::Rect;
use geo::Coord;

/// Gap between the pointer and the tooltip, in pixels.
const GAP: f64 = 14.0;
/// The tooltip keeps this far inside the map frame.
const INSET: f64 = 8.0;
/// How far from the route's line the tooltip keeps (about half the widest stroke).
const CLEARANCE: f64 = 6.0;

/// A tooltip's box in the map frame. When `above`, the box was placed above the pointer and
/// its bottom edge is what must stay put (CSS `bottom`), as the real height may differ from
/// the estimate; otherwise its top edge (CSS `top`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TipBox {
    /// The box, from the estimated height.
    pub rect: Rect,
    /// True when it sits above the pointer.
    pub above: bool,
}

/// Points along a flow's drawn legs (17 per leg, and the arrow tips), for [`place_tip`] to
/// keep off.
pub fn route_points(shape: &FlowShape) -> Vec<Coord<f64>> {
    let mut points = Vec::with_capacity(shape.legs.len() * 18);
    for leg in &shape.legs {
        for i in 0..=16 {
            points.push(leg.at(f64::from(i) / 16.0));
        }
        points.push(leg.tip);
    }
    points
}

/// The estimated height of a tooltip of `lines` lines of text at 13 px.
pub fn tip_height(lines: usize) -> f64 {
    18.0 + lines as f64 * 18.0
}

/// Places a `size` (width, height) tooltip for the pointer at `pointer` in a `frame` (width,
/// height) map, beside the pointer and covering as few of the points `avoid` (the hovered
/// route, [`route_points`]) as it can: below right by default (above when the pointer is in
/// the lower part), else the other corners around the pointer, else beside the route's
/// bounds. It never covers the pointer itself when the map has room, and stays inside the
/// frame.
///
/// # Examples
/// ```
/// use flowmap_core::layout::place_tip;
/// use geo::coord;
/// // A route running down and to the right through the pointer: the default spot (below
/// // right) would cover it, so the tooltip goes to a corner it does not cross.
/// let route: Vec<_> = (0..50).map(|i| coord! { x: 100.0 + 8.0 * i as f64, y: 50.0 + 6.0 * i as f64 }).collect();
/// let tip = place_tip(coord! { x: 300.0, y: 200.0 }, (200.0, 120.0), (800.0, 500.0), &route);
/// assert!(route.iter().all(|p| !tip.rect.contains(*p)));
/// ```
pub fn place_tip(
    pointer: Coord<f64>,
    (w, h): (f64, f64),
    (fw, fh): (f64, f64),
    avoid: &[Coord<f64>],
) -> TipBox {
    let w = w.min(fw - 2.0 * INSET);
    let low = pointer.y > fh * 0.55;
    // The route's bounds, for the places beside it.
    let (mut b0, mut b1) = (pointer, pointer);
    for p in avoid {
        (b0.x, b0.y, b1.x, b1.y) = (b0.x.min(p.x), b0.y.min(p.y), b1.x.max(p.x), b1.y.max(p.y));
    }
    let mut best: Option<(usize, TipBox)> = None;
    // Below right, below left, above right, above left of the pointer (above first low
    // down); then right of the route, left of it, below it and above it.
    for k in 0..8 {
        let above = if k < 4 { (k >= 2) != low } else { k == 7 || (k < 6 && low) };
        let x = match k {
            0 | 2 => pointer.x + GAP,
            1 | 3 => pointer.x - GAP - w,
            4 => b1.x + GAP,
            5 => b0.x - GAP - w,
            _ => pointer.x - w / 2.0,
        };
        let y = match k {
            6 => b1.y + GAP,
            7 => b0.y - GAP - h,
            _ if above => pointer.y - GAP - h,
            _ => pointer.y + GAP,
        };
        let (x, y) = (x.min(fw - INSET - w).max(INSET), y.min(fh - INSET - h).max(INSET));
        let rect = Rect { x0: x, y0: y, x1: x + w, y1: y + h };
        let grown = rect.grown(CLEARANCE);
        // Covering the pointer hides what is being read: worse than any stretch of route.
        let cost = avoid.iter().filter(|p| grown.contains(**p)).count()
            + if rect.grown(4.0).contains(pointer) { avoid.len() + 1 } else { 0 };
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, TipBox { rect, above }));
        }
    }
    best.expect("eight places").1
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::coord;

    fn line(from: Coord<f64>, to: Coord<f64>) -> Vec<Coord<f64>> {
        (0..=40).map(|i| from + (to - from) * (i as f64 / 40.0)).collect()
    }

    #[test]
    fn off_the_route_whichever_way_it_runs_when_there_is_room() {
        let frame = (900.0, 560.0);
        let p = coord! { x: 450.0, y: 260.0 };
        for (dx, dy) in [(1.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, -1.0), (1.0, 0.3), (-0.4, 1.0)] {
            let d = coord! { x: dx * 400.0, y: dy * 240.0 };
            let route = line(p - d, p + d);
            let tip = place_tip(p, (280.0, 150.0), frame, &route);
            let hit = route.iter().filter(|q| tip.rect.contains(**q)).count();
            assert_eq!(hit, 0, "route along ({dx}, {dy}) crosses {tip:?}");
            assert!(!tip.rect.contains(p));
            let r = tip.rect;
            assert!(r.x0 >= 8.0 && r.y0 >= 8.0 && r.x1 <= 892.0 && r.y1 <= 552.0, "{r:?}");
        }
    }

    #[test]
    fn below_right_by_default_and_above_low_down() {
        let t = place_tip(coord! { x: 100.0, y: 100.0 }, (200.0, 100.0), (800.0, 500.0), &[]);
        assert_eq!((t.rect.x0, t.rect.y0, t.above), (114.0, 114.0, false));
        let t = place_tip(coord! { x: 100.0, y: 400.0 }, (200.0, 100.0), (800.0, 500.0), &[]);
        assert!(t.above && t.rect.y1 == 386.0, "{t:?}");
    }

    #[test]
    fn in_a_corner_it_stays_inside_and_off_the_pointer() {
        for p in
            [coord! { x: 790.0, y: 490.0 }, coord! { x: 5.0, y: 5.0 }, coord! { x: 790.0, y: 10.0 }]
        {
            let t = place_tip(p, (200.0, 100.0), (800.0, 500.0), &[]);
            let r = t.rect;
            assert!(!r.grown(4.0).contains(p), "{p:?}: {t:?}");
            assert!(r.x0 >= 8.0 && r.y0 >= 8.0 && r.x1 <= 792.0 && r.y1 <= 492.0, "{r:?}");
        }
    }
}

#[cfg(test)]
mod beside {
    use super::*;
    use geo::coord;

    #[test]
    fn a_route_that_fills_the_corners_around_the_pointer_is_left_for_its_side() {
        // An X through the pointer: each corner around it holds an arm of the route; beside
        // the route's bounds is clear.
        let p = coord! { x: 450.0, y: 280.0 };
        let route: Vec<Coord<f64>> = (-30..=30)
            .flat_map(|i| {
                let d = 5.0 * i as f64;
                [coord! { x: p.x + d, y: p.y + d }, coord! { x: p.x + d, y: p.y - d }]
            })
            .collect();
        let tip = place_tip(p, (280.0, 200.0), (900.0, 560.0), &route);
        assert!(route.iter().all(|q| !tip.rect.grown(6.0).contains(*q)), "{tip:?}");
        assert!(tip.rect.x0 > 600.0, "right of the route first: {tip:?}");
    }
}
