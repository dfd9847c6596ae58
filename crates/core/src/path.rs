//! SVG path data for projected geometry.

use crate::projection::Projection;
use geo::{Coord, LineString, MultiPolygon};
use std::fmt::Write;

/// Appends `x,y` with one decimal, enough for screen pixels.
pub fn push_point(out: &mut String, cmd: char, p: Coord<f64>) {
    out.push(cmd);
    push_tenths(out, p.x);
    out.push(',');
    push_tenths(out, p.y);
}

/// Appends `v` rounded to one decimal ("-12.3"): digit by digit, several times faster
/// than `format!("{v:.1}")`, which matters for the thousands of points of a map's outlines.
fn push_tenths(out: &mut String, v: f64) {
    let tenths = (v * 10.0).round();
    if !tenths.is_finite() || tenths.abs() >= 1e15 {
        let _ = write!(out, "{}", crate::decimal::Fixed(v, 1));
        return;
    }
    let tenths = tenths as i64;
    if tenths < 0 {
        out.push('-');
    }
    let t = tenths.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut n = 0;
    let mut whole = t / 10;
    loop {
        digits[n] = b'0' + (whole % 10) as u8;
        n += 1;
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    out.extend(digits[..n].iter().rev().map(|d| *d as char));
    out.push('.');
    out.push((b'0' + (t % 10) as u8) as char);
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

    #[test]
    fn points_have_one_decimal() {
        let mut out = String::new();
        for (x, y) in
            [(0.0, -0.04), (12.34, -5.66), (1234567.89, 0.96), (-0.06, 99.95), (f64::NAN, 1e300)]
        {
            push_point(&mut out, 'L', Coord { x, y });
        }
        assert_eq!(
            out,
            format!("L0.0,0.0L12.3,-5.7L1234567.9,1.0L-0.1,100.0L{:.1},{:.1}", f64::NAN, 1e300)
        );
    }
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
