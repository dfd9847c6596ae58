//! Map projection: Albers conic equal-area (cylindrical where the extent is symmetric about
//! the equator), centred on the points' longitudes and fitted to a viewport.
//!
//! As in d3-geo, the raw projection (radians in, unit plane out) is separate from the
//! configured one, which adds the central meridian, scale and translation.

use crate::math::{asin, atan2, cos, sin};
use geo::Coord;

/// The raw Albers conic equal-area projection for two standard parallels; where they lie
/// symmetric about the equator (the cone opens into a cylinder), the cylindrical equal-area
/// projection with the first parallel as its standard, as d3-geo does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConicEqualArea {
    n: f64,
    c: f64,
    r0: f64,
    /// The cosine of the standard parallel when the projection is cylindrical.
    cylinder: Option<f64>,
}

impl ConicEqualArea {
    /// A projection with standard parallels `phi0` and `phi1`, in degrees.
    ///
    /// ```
    /// use flowmap_core::projection::ConicEqualArea;
    /// let (x, y) = ConicEqualArea::new(-6.0, 6.0).forward(0.1, 0.05);
    /// assert!(x.is_finite() && y.is_finite());
    /// ```
    pub fn new(phi0: f64, phi1: f64) -> Self {
        let (s0, s1) = (sin(phi0.to_radians()), sin(phi1.to_radians()));
        let n = (s0 + s1) / 2.0;
        if n.abs() < 1e-6 {
            let cos0 = cos(phi0.to_radians()).max(1e-6);
            return ConicEqualArea { n, c: 0.0, r0: 0.0, cylinder: Some(cos0) };
        }
        let c = 1.0 + s0 * (2.0 * n - s0);
        ConicEqualArea { n, c, r0: c.sqrt() / n, cylinder: None }
    }

    /// Projects longitude/latitude in radians (longitude relative to the central meridian)
    /// onto the plane, y pointing north.
    pub fn forward(&self, lambda: f64, phi: f64) -> (f64, f64) {
        if let Some(cos0) = self.cylinder {
            return (lambda * cos0, sin(phi) / cos0);
        }
        let r = (self.c - 2.0 * self.n * sin(phi)).max(0.0).sqrt() / self.n;
        let a = lambda * self.n;
        (r * sin(a), self.r0 - r * cos(a))
    }

    /// The inverse of [`forward`](Self::forward).
    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        if let Some(cos0) = self.cylinder {
            return (x / cos0, asin(crate::math::clamp(y * cos0, -1.0, 1.0)));
        }
        let r0y = self.r0 - y;
        let mut l = atan2(x, r0y.abs()) * r0y.signum();
        if r0y * self.n < 0.0 {
            l -= std::f64::consts::PI * x.signum() * r0y.signum();
        }
        let s = (self.c - (x * x + r0y * r0y) * self.n * self.n) / (2.0 * self.n);
        (l / self.n, asin(crate::math::clamp(s, -1.0, 1.0)))
    }
}

/// The central meridian of `longitudes` (degrees): the middle of the shortest stretch of
/// longitude holding them all, so that an extent across the antimeridian (Chukotka and
/// Alaska, Fiji) is centred on it rather than on the far side of the globe.
///
/// ```
/// use flowmap_core::projection::central_meridian;
/// assert_eq!(central_meridian(&[20.0, 40.0]), 30.0);
/// assert_eq!(central_meridian(&[170.0, -170.0]), 180.0);
/// ```
pub fn central_meridian(longitudes: &[f64]) -> f64 {
    let mut lons: Vec<f64> = longitudes.iter().map(|l| wrap(*l)).collect();
    crate::sort::sort_by(&mut lons, f64::total_cmp);
    let (Some(first), Some(last)) = (lons.first().copied(), lons.last().copied()) else {
        return 0.0;
    };
    // The largest gap between neighbours (the one across ±180° included) is left outside.
    let (mut gap, mut after) = (first + 360.0 - last, first);
    for pair in lons.windows(2) {
        if pair[1] - pair[0] > gap {
            (gap, after) = (pair[1] - pair[0], pair[1]);
        }
    }
    let middle = after + (360.0 - gap) / 2.0;
    if middle > 180.0 {
        middle - 360.0
    } else {
        middle
    }
}

/// A longitude difference in degrees brought into [-180, 180].
pub fn wrap(degrees: f64) -> f64 {
    if (-180.0..=180.0).contains(&degrees) {
        degrees
    } else {
        (degrees + 180.0).rem_euclid(360.0) - 180.0
    }
}

/// A configured projection from degrees to screen pixels (y pointing down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    raw: ConicEqualArea,
    lambda0: f64,
    scale: f64,
    tx: f64,
    ty: f64,
}

/// The rectangle a projection is fitted into, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
    /// Space kept free on each side, in pixels.
    pub padding: f64,
}

impl Projection {
    /// Chooses the central meridian and standard parallels for the points' extent
    /// (parallels at one sixth from each end of the latitude range, a common rule),
    /// then scales and centres them inside the viewport.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::projection::{Projection, Viewport};
    /// use geo::coord;
    /// let pts = [coord! { x: 20.5, y: 44.8 }, coord! { x: 37.6, y: 55.8 }];
    /// let p = Projection::fit(&pts, Viewport { width: 800.0, height: 500.0, padding: 40.0 });
    /// let a = p.project(pts[0]);
    /// assert!(a.x >= 39.9 && a.y <= 460.1);
    /// ```
    pub fn fit(points: &[Coord<f64>], view: Viewport) -> Projection {
        let (mut w, mut e, mut s, mut n) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in points {
            (w, e, s, n) = (w.min(p.x), e.max(p.x), s.min(p.y), n.max(p.y));
        }
        if points.is_empty() {
            (w, e, s, n) = (-10.0, 40.0, 35.0, 60.0);
        }
        let span = (n - s).max(1.0);
        let raw = ConicEqualArea::new(s + span / 6.0, n - span / 6.0);
        let lambda0 = if points.is_empty() {
            (w + e) / 2.0
        } else {
            central_meridian(&points.iter().map(|p| p.x).collect::<Vec<_>>())
        };
        let mut proj = Projection { raw, lambda0, scale: 1.0, tx: 0.0, ty: 0.0 };
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in points {
            let q = proj.project(*p);
            (x0, x1, y0, y1) = (x0.min(q.x), x1.max(q.x), y0.min(q.y), y1.max(q.y));
        }
        if points.is_empty() {
            (x0, x1, y0, y1) = (-0.5, 0.5, -0.5, 0.5);
        }
        let avail_w = (view.width - 2.0 * view.padding).max(1.0);
        let avail_h = (view.height - 2.0 * view.padding).max(1.0);
        let k = (avail_w / (x1 - x0).max(1e-9)).min(avail_h / (y1 - y0).max(1e-9));
        proj.scale = k;
        proj.tx = view.width / 2.0 - k * (x0 + x1) / 2.0;
        proj.ty = view.height / 2.0 - k * (y0 + y1) / 2.0;
        proj
    }

    /// The same projection seen through a zoom transform.
    pub fn zoomed(self, z: crate::zoom::Zoom) -> Projection {
        Projection {
            scale: self.scale * z.k,
            tx: self.tx * z.k + z.x,
            ty: self.ty * z.k + z.y,
            ..self
        }
    }

    /// Longitude/latitude in degrees → pixels.
    pub fn project(&self, c: Coord<f64>) -> Coord<f64> {
        let (x, y) = self.raw.forward(wrap(c.x - self.lambda0).to_radians(), c.y.to_radians());
        Coord { x: self.tx + self.scale * x, y: self.ty - self.scale * y }
    }

    /// Pixels → longitude/latitude in degrees.
    pub fn invert(&self, p: Coord<f64>) -> Coord<f64> {
        let (l, phi) = self.raw.invert((p.x - self.tx) / self.scale, (self.ty - p.y) / self.scale);
        Coord { x: wrap(l.to_degrees() + self.lambda0), y: phi.to_degrees() }
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::coord;

    #[test]
    fn raw_round_trip() {
        let raw = ConicEqualArea::new(40.0, 60.0);
        for (l, p) in [(0.0, 0.0), (0.3, 0.7), (-0.5, 1.2), (0.9, -0.2)] {
            let (x, y) = raw.forward(l, p);
            let (l2, p2) = raw.invert(x, y);
            assert!((l - l2).abs() < 1e-9 && (p - p2).abs() < 1e-9, "{l},{p} → {l2},{p2}");
        }
    }

    #[test]
    fn fitted_round_trip_and_padding() {
        let pts =
            [coord! { x: 20.9, y: 44.0 }, coord! { x: 74.6, y: 42.9 }, coord! { x: 37.6, y: 55.8 }];
        let view = Viewport { width: 1000.0, height: 600.0, padding: 50.0 };
        let p = Projection::fit(&pts, view);
        let projected: Vec<_> = pts.iter().map(|c| p.project(*c)).collect();
        for (c, q) in pts.iter().zip(&projected) {
            assert!(q.x >= 49.99 && q.x <= 950.01 && q.y >= 49.99 && q.y <= 550.01, "{q:?}");
            let back = p.invert(*q);
            assert!((back.x - c.x).abs() < 1e-7 && (back.y - c.y).abs() < 1e-7);
        }
        // The extent touches the padding on at least one axis.
        let minx = projected.iter().map(|q| q.x).fold(f64::MAX, f64::min);
        let miny = projected.iter().map(|q| q.y).fold(f64::MAX, f64::min);
        assert!((minx - 50.0).abs() < 1e-6 || (miny - 50.0).abs() < 1e-6);
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let pts = [coord! { x: 20.0, y: 40.0 }, coord! { x: 60.0, y: 55.0 }];
        let p = Projection::fit(&pts, Viewport { width: 500.0, height: 500.0, padding: 10.0 });
        let belgrade = p.project(coord! { x: 20.5, y: 44.8 });
        let moscow = p.project(coord! { x: 37.6, y: 55.8 });
        assert!(moscow.x > belgrade.x && moscow.y < belgrade.y);
    }

    /// A small deterministic generator for the property tests (xorshift).
    struct Random(u64);

    impl Random {
        fn next(&mut self) -> f64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }
        fn between(&mut self, lo: f64, hi: f64) -> f64 {
            lo + (hi - lo) * self.next()
        }
    }

    #[test]
    fn an_extent_symmetric_about_the_equator_projects_finitely() {
        let pts = [coord! { x: -75.0, y: 9.0 }, coord! { x: -40.0, y: -9.0 }];
        let view = Viewport { width: 800.0, height: 500.0, padding: 20.0 };
        let p = Projection::fit(&pts, view);
        for c in pts {
            let q = p.project(c);
            assert!(q.x.is_finite() && q.y.is_finite(), "{c:?} → {q:?}");
            let back = p.invert(q);
            assert!((back.x - c.x).abs() < 1e-7 && (back.y - c.y).abs() < 1e-7, "{back:?}");
        }
    }

    #[test]
    fn extents_across_the_antimeridian_are_centred_on_it() {
        let pts = [coord! { x: 177.0, y: -18.0 }, coord! { x: -178.0, y: -14.0 }];
        let p = Projection::fit(&pts, Viewport { width: 600.0, height: 400.0, padding: 10.0 });
        let (a, b) = (p.project(pts[0]), p.project(pts[1]));
        assert!(b.x > a.x && b.x - a.x < 600.0, "{a:?} {b:?}: the short way, west to east");
        assert_eq!(central_meridian(&[-10.0, 350.0, 10.0]), 0.0);
        assert_eq!(central_meridian(&[]), 0.0);
    }

    #[test]
    fn any_extent_and_any_point_project_finitely_inside_the_view() {
        let mut rng = Random(0x9e37_79b9_7f4a_7c15);
        let view = Viewport { width: 640.0, height: 480.0, padding: 16.0 };
        for case in 0..2000 {
            let n = 1 + (rng.next() * 6.0) as usize;
            // Extents of every size: a city, a region, a hemisphere, the world, a pole.
            let (cx, cy) = (rng.between(-180.0, 180.0), rng.between(-90.0, 90.0));
            let (wx, wy) = (rng.between(0.0, 360.0), rng.between(0.0, 180.0));
            let pts: Vec<_> = (0..n)
                .map(|_| {
                    coord! {
                        x: wrap(cx + rng.between(-wx, wx) / 2.0),
                        y: crate::math::clamp(cy + rng.between(-wy, wy) / 2.0, -90.0, 90.0),
                    }
                })
                .collect();
            let p = Projection::fit(&pts, view);
            for c in &pts {
                let q = p.project(*c);
                assert!(
                    q.x.is_finite() && q.y.is_finite(),
                    "case {case}: {pts:?} puts {c:?} at {q:?}"
                );
                assert!(
                    (15.9..=624.1).contains(&q.x) && (15.9..=464.1).contains(&q.y),
                    "case {case}: {c:?} at {q:?} is outside the view"
                );
            }
            // Any other point (an outline, an off-map place) projects finitely too.
            let other = coord! { x: rng.between(-180.0, 180.0), y: rng.between(-90.0, 90.0) };
            let q = p.project(other);
            assert!(q.x.is_finite() && q.y.is_finite(), "case {case}: {other:?} at {q:?}");
        }
    }
}
