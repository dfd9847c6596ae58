//! Dotted lines as specks: a canvas strokes each dash of a dotted line as a path of its own,
//! which a software rasteriser pays for dot by dot (at 10,000 flows, hundreds of thousands of
//! dots, most of the painting); a dot no larger than [`SPECK`] pixels looks the same drawn as
//! a square of its area, which canvases fill far faster.

use crate::arc::ArcShape;
use crate::batch::Stroke;
use geo::Coord;

/// The largest a dot may be, in pixels along and across its line, to be drawn as a square.
pub const SPECK: f64 = 2.5;

/// How far the curve may stray from the straight pieces it is measured along, in pixels.
const TOLERANCE: f64 = 0.2;

/// The side of the square each dot of `stroke` is drawn as, when its dashes are dots of at
/// most [`SPECK`] pixels (the same area as the dash); `None` for a solid or dashed line.
///
/// # Examples
/// ```
/// use flowmap_core::{batch::Stroke, dots::speck};
/// let s = |width: f64, dash| Stroke { layer: 0, color: "#000", width, dash, band: false, opacity: 1.0, legs: vec![] };
/// assert_eq!(speck(&s(2.0, Some([2.0, 8.0, 2.0, 8.0]))), Some(2.0));
/// assert_eq!(speck(&s(2.0, Some([12.0, 4.0, 12.0, 4.0]))), None);
/// assert_eq!(speck(&s(6.0, Some([1.8, 7.0, 1.8, 7.0]))), None);
/// assert_eq!(speck(&s(2.0, None)), None);
/// ```
pub fn speck(stroke: &Stroke) -> Option<f64> {
    let [on, _, again, _] = stroke.dash?;
    let small = |v: f64| v > 0.0 && v <= SPECK;
    (!stroke.band && on == again && small(on) && small(stroke.width))
        .then(|| (on * stroke.width).sqrt())
}

/// The middle of each dash of `dash` (lengths on, off, on, off, from the line's start, as a
/// canvas dashes a path) along the line of `leg`, measured along the curve.
///
/// # Examples
/// ```
/// use flowmap_core::{arc::{arc, ArcStyle}, dots::centres};
/// use geo::coord;
/// let style = ArcStyle { bend: 0.0, start_gap: 0.0, end_gap: 0.0, arrow_length: 0.0, arrow_width: 0.0 };
/// let leg = arc(coord! { x: 0.0, y: 0.0 }, coord! { x: 10.0, y: 0.0 }, &style).unwrap();
/// let mut xs = Vec::new();
/// centres(&leg, [1.0, 4.0, 1.0, 4.0], |c| xs.push(c.x));
/// assert_eq!(xs, [0.5, 5.5]);
/// ```
pub fn centres(leg: &ArcShape, dash: [f64; 4], mut dot: impl FnMut(Coord<f64>)) {
    let period: f64 = dash.iter().sum();
    if period <= 0.0 || dash.iter().any(|v| *v < 0.0) {
        return;
    }
    // Where along the line the next dash's middle is, and which dash it is.
    let (mut next, mut which) = (dash[0] / 2.0, 0);
    let mut walked = 0.0;
    let (a, c, b) = (leg.start, leg.control, leg.base);
    let bow = (a.x - 2.0 * c.x + b.x).hypot(a.y - 2.0 * c.y + b.y);
    let pieces = crate::math::clamp((bow / (4.0 * TOLERANCE)).sqrt().ceil(), 1.0, 256.0) as usize;
    let mut from = a;
    for k in 1..=pieces {
        let to = leg.at(k as f64 / pieces as f64);
        let length = (to.x - from.x).hypot(to.y - from.y);
        while length > 0.0 && next <= walked + length {
            let t = (next - walked) / length;
            dot(Coord { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t });
            // From this dash's middle to the next one's: its second half, the gap, the next
            // dash's first half.
            let step =
                dash[which * 2] / 2.0 + dash[which * 2 + 1] + dash[(which * 2 + 2) % 4] / 2.0;
            next += step;
            which = 1 - which;
        }
        walked += length;
        from = to;
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::arc::{arc, ArcStyle};
    use geo::coord;

    /// A straight line from (0, 0) to (`length`, 0).
    fn straight(length: f64) -> ArcShape {
        let end = coord! { x: length, y: 0.0 };
        let middle = coord! { x: length / 2.0, y: 0.0 };
        ArcShape {
            start: coord! { x: 0.0, y: 0.0 },
            control: middle,
            base: end,
            tip: end,
            corners: [end, end],
            middle,
        }
    }

    fn all(leg: &ArcShape, dash: [f64; 4]) -> Vec<Coord<f64>> {
        let mut out = Vec::new();
        centres(leg, dash, |c| out.push(c));
        out
    }

    #[test]
    fn a_straight_line_has_a_dot_in_the_middle_of_each_dash() {
        let xs: Vec<f64> = all(&straight(20.0), [1.0, 4.0, 1.0, 4.0]).iter().map(|c| c.x).collect();
        assert_eq!(xs, [0.5, 5.5, 10.5, 15.5]);
        // Uneven dashes alternate: 2 on, 1 off, 1 on, 3 off.
        let xs: Vec<f64> = all(&straight(14.0), [2.0, 1.0, 1.0, 3.0]).iter().map(|c| c.x).collect();
        assert_eq!(xs, [1.0, 3.5, 8.0, 10.5]);
        // A dot is drawn when its middle lies on the line.
        assert_eq!(all(&straight(5.6), [1.0, 4.0, 1.0, 4.0]).len(), 2);
        assert_eq!(all(&straight(5.4), [1.0, 4.0, 1.0, 4.0]).len(), 1);
        assert_eq!(all(&straight(0.4), [1.0, 4.0, 1.0, 4.0]).len(), 0);
    }

    #[test]
    fn dots_on_a_curve_lie_on_it_evenly_spaced_along_it() {
        let leg = arc(coord! { x: 0.0, y: 0.0 }, coord! { x: 300.0, y: 0.0 }, &ArcStyle::default())
            .unwrap();
        let dots = all(&leg, [1.0, 4.0, 1.0, 4.0]);
        // About one per 5 px of the curve's length.
        let expected = leg.length() / 5.0;
        assert!((dots.len() as f64 - expected).abs() < 2.0, "{} vs {expected}", dots.len());
        // Each near the curve (within the flattening tolerance of some point of it).
        let curve: Vec<Coord<f64>> = (0..=3000).map(|i| leg.at(i as f64 / 3000.0)).collect();
        for d in &dots {
            let near = curve.iter().map(|c| (c.x - d.x).hypot(c.y - d.y)).fold(f64::MAX, f64::min);
            assert!(near <= TOLERANCE + 0.1, "{d:?} is {near} px off the curve");
        }
        // Neighbours 5 px apart, give or take the chords' shortcut on a bend.
        for w in dots.windows(2) {
            let gap = (w[1].x - w[0].x).hypot(w[1].y - w[0].y);
            assert!((4.8..=5.01).contains(&gap), "{gap}");
        }
    }

    #[test]
    fn no_dots_for_an_empty_or_broken_pattern() {
        assert!(all(&straight(20.0), [0.0; 4]).is_empty());
        assert!(all(&straight(20.0), [1.0, -4.0, 1.0, 4.0]).is_empty());
    }

    #[test]
    fn only_small_round_dots_are_specks() {
        let s = |width: f64, dash, band| Stroke {
            layer: 0,
            color: "#000",
            width,
            dash,
            band,
            opacity: 1.0,
            legs: vec![],
        };
        // Same area as the 1 × 1.75 px dash.
        assert_eq!(speck(&s(1.75, Some([1.0, 4.0, 1.0, 4.0]), false)), Some(1.75f64.sqrt()));
        // Dash-dot (denied) keeps its dashes; a band is never dotted.
        assert_eq!(speck(&s(2.0, Some([12.0, 4.0, 1.0, 4.0]), false)), None);
        assert_eq!(speck(&s(2.0, Some([1.0, 4.0, 1.0, 4.0]), true)), None);
        // Wider than a speck.
        assert_eq!(speck(&s(2.75, Some([1.4, 5.5, 1.4, 5.5]), false)), None);
    }
}
