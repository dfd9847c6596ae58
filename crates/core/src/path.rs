//! SVG path data for projected geometry.

use crate::projection::Projection;
use geo::{Coord, LineString, MultiPolygon};
use std::fmt::Write;

/// Appends `x,y` with one decimal, enough for screen pixels.
pub fn push_point(out: &mut String, cmd: char, p: Coord<f64>) {
    let _ = write!(out, "{cmd}{:.1},{:.1}", p.x, p.y);
}

/// SVG path data of a multipolygon: each ring a closed subpath, holes included
/// (draw it with `fill-rule: evenodd`). Points closer than `min_step` pixels to the
/// previous one are dropped, which keeps paths small at low zoom.
///
/// # Examples
/// ```
/// use flowmap_core::{path::multipolygon_path, projection::{Projection, Viewport}};
/// use geo::{coord, polygon, MultiPolygon};
/// let shape = MultiPolygon(vec![polygon![(x: 20.0, y: 44.0), (x: 22.0, y: 44.0), (x: 21.0, y: 46.0)]]);
/// let p = Projection::fit(&[coord! { x: 20.0, y: 44.0 }, coord! { x: 22.0, y: 46.0 }],
///     Viewport { width: 100.0, height: 100.0, padding: 0.0 });
/// let d = multipolygon_path(&shape, &p, 0.5);
/// assert!(d.starts_with('M') && d.ends_with('Z'));
/// ```
pub fn multipolygon_path(shape: &MultiPolygon<f64>, proj: &Projection, min_step: f64) -> String {
    let mut out = String::new();
    for poly in shape {
        for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
            push_ring(&mut out, ring, proj, min_step);
        }
    }
    out
}

fn push_ring(out: &mut String, ring: &LineString<f64>, proj: &Projection, min_step: f64) {
    let mut last: Option<Coord<f64>> = None;
    let mut count = 0;
    let start = out.len();
    for c in ring.coords() {
        let p = proj.project(*c);
        if let Some(l) = last {
            if (p.x - l.x).abs() < min_step && (p.y - l.y).abs() < min_step {
                continue;
            }
        }
        push_point(out, if last.is_none() { 'M' } else { 'L' }, p);
        last = Some(p);
        count += 1;
    }
    if count < 3 {
        // Smaller than a pixel or two: not worth drawing.
        out.truncate(start);
    } else {
        out.push('Z');
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::projection::Viewport;
    use geo::{coord, polygon};

    #[test]
    fn tiny_rings_are_dropped_and_holes_kept() {
        let outer = polygon!(
            exterior: [(x: 0.0, y: 40.0), (x: 10.0, y: 40.0), (x: 10.0, y: 50.0), (x: 0.0, y: 50.0)],
            interiors: [[(x: 4.0, y: 44.0), (x: 6.0, y: 44.0), (x: 6.0, y: 46.0)]],
        );
        let speck = polygon![(x: 20.0, y: 45.0), (x: 20.001, y: 45.0), (x: 20.001, y: 45.001)];
        let p = Projection::fit(
            &[coord! { x: 0.0, y: 40.0 }, coord! { x: 20.0, y: 50.0 }],
            Viewport { width: 200.0, height: 100.0, padding: 0.0 },
        );
        let d = multipolygon_path(&MultiPolygon(vec![outer, speck]), &p, 0.5);
        assert_eq!(d.matches('M').count(), 2, "{d}");
        assert_eq!(d.matches('Z').count(), 2);
    }
}
