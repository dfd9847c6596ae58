//! Curved flow arcs: a quadratic Bézier between two screen points, bent to the left of
//! its direction (so A→B and B→A separate), trimmed so it starts and ends clear of the
//! location markers, with a triangular arrowhead whose tip touches the destination's edge.

use crate::path_sink::PathSink;
use geo::Coord;

/// Shape parameters of an arc, in pixels except `bend`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArcStyle {
    /// Sideways offset of the control point as a fraction of the chord length.
    pub bend: f64,
    /// Gap between the origin point and the start of the line.
    pub start_gap: f64,
    /// Gap between the destination point and the arrow's tip.
    pub end_gap: f64,
    /// Arrowhead length.
    pub arrow_length: f64,
    /// Arrowhead width at its base.
    pub arrow_width: f64,
}

impl Default for ArcStyle {
    fn default() -> Self {
        ArcStyle { bend: 0.22, start_gap: 4.0, end_gap: 5.0, arrow_length: 9.0, arrow_width: 7.0 }
    }
}

/// A laid-out arc: a quadratic curve from `start` to `base` with control point `control`,
/// then an arrowhead from `base` to `tip`. Numbers, not path text, so that thousands of
/// flows can be drawn on a canvas without formatting strings: [`ArcShape::trace_line`] and
/// [`ArcShape::trace_arrow`] trace them into any [`PathSink`], [`ArcShape::line`] and
/// [`ArcShape::arrow`] give the SVG paths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArcShape {
    /// Where the line starts, clear of the origin's marker.
    pub start: Coord<f64>,
    /// The curve's control point.
    pub control: Coord<f64>,
    /// Where the line ends: the middle of the arrowhead's base.
    pub base: Coord<f64>,
    /// The arrow's tip.
    pub tip: Coord<f64>,
    /// The arrowhead's two base corners.
    pub corners: [Coord<f64>; 2],
    /// The curve's point halfway along, for labels and tooltips.
    pub middle: Coord<f64>,
}

impl ArcShape {
    /// About the line's length: halfway between its chord and its control polygon, which
    /// bound a quadratic curve's length below and above.
    pub fn length(&self) -> f64 {
        (dist(self.start, self.base)
            + dist(self.start, self.control)
            + dist(self.control, self.base))
            / 2.0
    }

    /// Traces the line (a quadratic curve) into `sink`.
    pub fn trace_line(&self, sink: &mut impl PathSink) {
        sink.move_to(self.start);
        sink.quadratic_curve_to(self.control, self.base);
    }

    /// Traces the arrowhead (a closed triangle) into `sink`.
    pub fn trace_arrow(&self, sink: &mut impl PathSink) {
        sink.move_to(self.tip);
        sink.line_to(self.corners[0]);
        sink.line_to(self.corners[1]);
        sink.close_path();
    }

    /// SVG path of the line (a quadratic curve).
    pub fn line(&self) -> String {
        let mut line = String::with_capacity(40);
        self.trace_line(&mut line);
        line
    }

    /// SVG path of the arrowhead (a closed triangle).
    pub fn arrow(&self) -> String {
        let mut arrow = String::with_capacity(40);
        self.trace_arrow(&mut arrow);
        arrow
    }

    /// The point at parameter `t` (0 = `start`, 1 = `base`) of the line.
    pub fn at(&self, t: f64) -> Coord<f64> {
        Quad { p0: self.start, p1: self.control, p2: self.base }.at(t)
    }
}

#[derive(Debug, Clone, Copy)]
struct Quad {
    p0: Coord<f64>,
    p1: Coord<f64>,
    p2: Coord<f64>,
}

fn lerp(a: Coord<f64>, b: Coord<f64>, t: f64) -> Coord<f64> {
    a + (b - a) * t
}

/// Distance between two points.
pub(crate) fn dist(a: Coord<f64>, b: Coord<f64>) -> f64 {
    dist2(a, b).sqrt()
}

/// Squared distance: what comparisons need, without a square root.
fn dist2(a: Coord<f64>, b: Coord<f64>) -> f64 {
    let (dx, dy) = (a.x - b.x, a.y - b.y);
    dx * dx + dy * dy
}

impl Quad {
    fn at(&self, t: f64) -> Coord<f64> {
        lerp(lerp(self.p0, self.p1, t), lerp(self.p1, self.p2, t), t)
    }

    /// The control point of the part of the curve between `t0` and `t1` (blossoming).
    fn control_between(&self, t0: f64, t1: f64) -> Coord<f64> {
        let a = (1.0 - t0) * (1.0 - t1);
        let b = (1.0 - t0) * t1 + t0 * (1.0 - t1);
        let c = t0 * t1;
        self.p0 * a + self.p1 * b + self.p2 * c
    }

    /// The derivative at `t`.
    fn slope(&self, t: f64) -> Coord<f64> {
        (self.p1 - self.p0) * (2.0 * (1.0 - t)) + (self.p2 - self.p1) * (2.0 * t)
    }

    /// The parameter where the curve is `d` pixels from `center` (an end of the curve),
    /// searching from the end nearest `center` inwards (distance grows monotonically there
    /// for gentle bends): Newton's method from the chord's estimate, with bisection when
    /// that does not settle.
    fn param_at_distance(&self, center: Coord<f64>, d: f64, from_end: bool) -> f64 {
        let d2 = d * d;
        // Distance squared from `center` minus d², as a function of s = the parameter
        // measured from `center`'s end.
        let f = |s: f64| {
            let t = if from_end { 1.0 - s } else { s };
            let at = self.at(t);
            let (off, slope) = (at - center, self.slope(t) * if from_end { -1.0 } else { 1.0 });
            (dist2(at, center) - d2, 2.0 * (off.x * slope.x + off.y * slope.y))
        };
        let mut s = (d / dist(self.p0, self.p2).max(1e-9)).min(0.5);
        for _ in 0..8 {
            let (value, derivative) = f(s);
            if value.abs() < 1e-4 * d2.max(1.0) {
                return if from_end { 1.0 - s } else { s };
            }
            if derivative <= 0.0 {
                break;
            }
            s -= value / derivative;
            if !(0.0..=0.5).contains(&s) {
                break;
            }
        }
        let (mut lo, mut hi) = (0.0, 0.5);
        // 24 halvings of [0, ½]: well under a hundredth of a pixel on any screen.
        for _ in 0..24 {
            let mid = (lo + hi) / 2.0;
            if f(mid).0 < 0.0 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let mid = (lo + hi) / 2.0;
        if from_end {
            1.0 - mid
        } else {
            mid
        }
    }
}

/// Lays out the arc from `a` to `b`; `None` when the points are too close to draw one.
///
/// # Examples
/// ```
/// use flowmap_core::arc::{arc, ArcStyle};
/// use geo::coord;
/// let s = ArcStyle::default();
/// let shape = arc(coord! { x: 0.0, y: 0.0 }, coord! { x: 200.0, y: 0.0 }, &s).unwrap();
/// // Bent to the left of the direction of travel (screen y points down).
/// assert!(shape.middle.y < 0.0);
/// // The arrow's tip stops `end_gap` pixels before the destination.
/// assert!((200.0 - shape.tip.x - s.end_gap).abs() < 0.5);
/// ```
pub fn arc(a: Coord<f64>, b: Coord<f64>, style: &ArcStyle) -> Option<ArcShape> {
    let len = dist(a, b);
    if len < style.start_gap + style.end_gap + style.arrow_length + 4.0 {
        return None;
    }
    let d = (b - a) / len;
    let left = Coord { x: d.y, y: -d.x };
    let q = Quad { p0: a, p1: lerp(a, b, 0.5) + left * (style.bend * len), p2: b };
    let t_start = q.param_at_distance(a, style.start_gap, false);
    let t_tip = q.param_at_distance(b, style.end_gap, true);
    let t_base = q.param_at_distance(b, style.end_gap + style.arrow_length, true);
    let (start, base, tip) = (q.at(t_start), q.at(t_base), q.at(t_tip));

    let axis = (tip - base) / dist(tip, base).max(1e-9);
    let side = Coord { x: -axis.y, y: axis.x } * (style.arrow_width / 2.0);
    Some(ArcShape {
        start,
        control: q.control_between(t_start, t_base),
        base,
        tip,
        corners: [base + side, base - side],
        middle: q.at(0.5),
    })
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::coord;

    #[test]
    fn opposite_directions_bend_to_opposite_sides() {
        let s = ArcStyle::default();
        let (a, b) = (coord! { x: 10.0, y: 10.0 }, coord! { x: 300.0, y: 120.0 });
        let there = arc(a, b, &s).unwrap();
        let back = arc(b, a, &s).unwrap();
        // Each midpoint sits bend/2 of the chord off the straight line, on its own side.
        assert!(dist(there.middle, back.middle) > 0.99 * s.bend * dist(a, b));
    }

    #[test]
    fn length_lies_between_chord_and_control_polygon() {
        let (a, b) = (coord! { x: 0.0, y: 0.0 }, coord! { x: 300.0, y: 0.0 });
        let straight = arc(a, b, &ArcStyle { bend: 0.0, ..ArcStyle::default() }).unwrap();
        assert!((straight.length() - dist(straight.start, straight.base)).abs() < 1e-9);
        let curved = arc(a, b, &ArcStyle { bend: 0.4, ..ArcStyle::default() }).unwrap();
        let chord = dist(curved.start, curved.base);
        let polygon = dist(curved.start, curved.control) + dist(curved.control, curved.base);
        assert!(chord < curved.length() && curved.length() < polygon);
    }

    #[test]
    fn ends_stay_clear_of_markers() {
        let s = ArcStyle { end_gap: 8.0, ..ArcStyle::default() };
        let (a, b) = (coord! { x: 0.0, y: 0.0 }, coord! { x: 0.0, y: 150.0 });
        let shape = arc(a, b, &s).unwrap();
        assert!((dist(shape.tip, b) - 8.0).abs() < 0.01);
    }

    #[test]
    fn gaps_are_exact_for_every_bend_and_length() {
        for bend in [0.0, 0.16, 0.4, 0.8] {
            for len in [40.0, 300.0, 2000.0] {
                let s = ArcStyle { bend, start_gap: 7.0, end_gap: 9.0, ..ArcStyle::default() };
                let (a, b) =
                    (coord! { x: 5.0, y: 5.0 }, coord! { x: 5.0 + len * 0.6, y: 5.0 + len * 0.8 });
                let shape = arc(a, b, &s).unwrap();
                assert!((dist(shape.start, a) - 7.0).abs() < 0.01, "bend {bend} len {len}");
                assert!((dist(shape.tip, b) - 9.0).abs() < 0.01, "bend {bend} len {len}");
                assert!(
                    (dist(shape.base, b) - 9.0 - s.arrow_length).abs() < 0.01,
                    "bend {bend} len {len}"
                );
            }
        }
    }

    #[test]
    fn svg_paths_have_one_decimal_and_a_space_before_the_curve_end() {
        let shape = ArcShape {
            start: coord! { x: 1.04, y: -2.0 },
            control: coord! { x: 50.0, y: -30.56 },
            base: coord! { x: 99.96, y: 0.0 },
            tip: coord! { x: 108.0, y: 0.5 },
            corners: [coord! { x: 100.0, y: 3.5 }, coord! { x: 100.0, y: -3.5 }],
            middle: coord! { x: 50.0, y: -15.0 },
        };
        assert_eq!(shape.line(), "M1.0,-2.0Q50.0,-30.6 100.0,0.0");
        assert_eq!(shape.arrow(), "M108.0,0.5L100.0,3.5L100.0,-3.5Z");
    }

    #[test]
    fn too_short_gives_none() {
        assert!(arc(coord! { x: 0.0, y: 0.0 }, coord! { x: 5.0, y: 0.0 }, &ArcStyle::default())
            .is_none());
    }
}
