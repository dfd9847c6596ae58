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
    shape
        .legs
        .iter()
        .flat_map(|leg| (0..=16).map(move |i| leg.at(i as f64 / 16.0)).chain([leg.tip]))
        .collect()
}

/// The estimated height of a tooltip `width` wide holding paragraphs of these lengths (in
/// characters) at 13 px: lines wrap at about 6.6 px a character.
///
/// # Examples
/// ```
/// use flowmap_core::layout::tip_height;
/// // One short line, one that wraps onto a second.
/// assert_eq!(tip_height(&[10, 60], 280.0), 18.0 + 3.0 * 17.5 + 2.0 * 4.0);
/// ```
pub fn tip_height(paragraphs: &[usize], width: f64) -> f64 {
    let per_line = ((width - 20.0) / 6.6).floor().max(1.0) as usize;
    let lines: usize = paragraphs.iter().map(|&n| n.max(1).div_ceil(per_line)).sum();
    18.0 + lines as f64 * 17.5 + paragraphs.len() as f64 * 4.0
}

/// Places a `size` (width, height) tooltip for the pointer at `pointer` in a `frame` (width,
/// height) map, beside the pointer and covering as few of the points `avoid` (the hovered
/// route, [`route_points`]) as it can: below right by default (above when the pointer is in
/// the lower part), else the other corners around the pointer. It never covers the pointer
/// itself when the map has room, and stays inside the frame.
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
    let (right, left) = (pointer.x + GAP, pointer.x - GAP - w);
    let (below, above) = (pointer.y + GAP, pointer.y - GAP - h);
    let low = pointer.y > fh * 0.55;
    let vertical =
        if low { [(above, true), (below, false)] } else { [(below, false), (above, true)] };
    let candidates = vertical
        .iter()
        .flat_map(|&(y, up)| [(right, y, up), (left, y, up)])
        .chain([(pointer.x - w / 2.0, if low { above } else { below }, low)]);
    let clamp = |v: f64, size: f64, limit: f64| v.min(limit - INSET - size).max(INSET);
    let cost = |r: &Rect| {
        let grown = r.grown(CLEARANCE);
        let covered = avoid.iter().filter(|p| grown.contains(**p)).count();
        // Covering the pointer hides what is being read: worse than any stretch of route.
        covered + if r.grown(4.0).contains(pointer) { avoid.len() + 1 } else { 0 }
    };
    candidates
        .map(|(x, y, up)| {
            let (x, y) = (clamp(x, w, fw), clamp(y, h, fh));
            TipBox { rect: Rect { x0: x, y0: y, x1: x + w, y1: y + h }, above: up }
        })
        .min_by_key(|t| cost(&t.rect))
        .expect("five candidates")
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
