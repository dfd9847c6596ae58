//! Zoom and pan as a screen transform `p ↦ k·p + (x, y)`, as in d3-zoom.

use crate::decimal::Shortest;
use crate::math::clamp;

/// Smallest and largest zoom factors.
pub const ZOOM_RANGE: (f64, f64) = (1.0, 16.0);

/// The largest zoom a place found by search is shown at ([`Zoom::fit`]): a place with few
/// flows is not blown up to the whole frame.
pub const FIT_MAX: f64 = 4.0;

/// A zoom transform.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Zoom {
    /// Scale factor, at least 1.
    pub k: f64,
    /// Horizontal offset in pixels.
    pub x: f64,
    /// Vertical offset in pixels.
    pub y: f64,
}

impl Default for Zoom {
    fn default() -> Self {
        Zoom::IDENTITY
    }
}

impl Zoom {
    /// No zoom.
    pub const IDENTITY: Zoom = Zoom { k: 1.0, x: 0.0, y: 0.0 };

    /// True when this is (close to) no zoom.
    pub fn is_identity(&self) -> bool {
        (self.k - 1.0).abs() < 1e-9 && self.x.abs() < 1e-6 && self.y.abs() < 1e-6
    }

    /// Keeps the map covering the whole `width × height` frame.
    pub fn clamped(self, width: f64, height: f64) -> Zoom {
        let k = clamp(self.k, ZOOM_RANGE.0, ZOOM_RANGE.1);
        Zoom {
            k,
            x: clamp(self.x, width * (1.0 - k), 0.0),
            y: clamp(self.y, height * (1.0 - k), 0.0),
        }
    }

    /// Zooms by `factor` keeping the screen point `(px, py)` still.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::zoom::Zoom;
    /// let z = Zoom::IDENTITY.zoom_at(2.0, 100.0, 50.0, 400.0, 300.0);
    /// assert_eq!((z.k, z.x, z.y), (2.0, -100.0, -50.0));
    /// ```
    pub fn zoom_at(self, factor: f64, px: f64, py: f64, width: f64, height: f64) -> Zoom {
        let k = clamp(self.k * factor, ZOOM_RANGE.0, ZOOM_RANGE.1);
        let f = k / self.k;
        Zoom { k, x: px - (px - self.x) * f, y: py - (py - self.y) * f }.clamped(width, height)
    }

    /// The zoom that shows `points` (pixels of the map at no zoom) whole, centred in the
    /// `width × height` frame with `margin` pixels (across, down) around them, at most `most`
    /// times larger ([`FIT_MAX`] for a place); no zoom when there are none.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::zoom::{Zoom, FIT_MAX};
    /// let z = Zoom::fit(&[(100.0, 100.0), (200.0, 150.0)], 400.0, 300.0, (0.0, 0.0), FIT_MAX);
    /// assert_eq!((z.k, z.x, z.y), (4.0, -400.0, -350.0));
    /// assert_eq!(z.apply(150.0, 125.0), (200.0, 150.0), "the middle goes to the centre");
    /// // 120 px of margin across leave 360 px for 100: 3.6 times.
    /// let z = Zoom::fit(&[(100.0, 100.0), (200.0, 150.0)], 600.0, 400.0, (120.0, 80.0), 6.0);
    /// assert_eq!((z.k, z.x, z.y), (3.6, 300.0 - 150.0 * 3.6, 200.0 - 125.0 * 3.6));
    /// ```
    pub fn fit(
        points: &[(f64, f64)],
        width: f64,
        height: f64,
        margin: (f64, f64),
        most: f64,
    ) -> Zoom {
        let Some(&(x, y)) = points.first() else {
            return Zoom::IDENTITY;
        };
        let [mut x0, mut y0, mut x1, mut y1] = [x, y, x, y];
        for &(x, y) in points {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        let fits =
            |room: f64, margin: f64, span: f64| (room - 2.0 * margin).max(1.0) / span.max(1.0);
        let k = fits(width, margin.0, x1 - x0).min(fits(height, margin.1, y1 - y0));
        let k = clamp(k, ZOOM_RANGE.0, most);

        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        Zoom { k, x: width / 2.0 - cx * k, y: height / 2.0 - cy * k }.clamped(width, height)
    }

    /// Moves the map by `(dx, dy)` pixels.
    pub fn panned(self, dx: f64, dy: f64, width: f64, height: f64) -> Zoom {
        Zoom { x: self.x + dx, y: self.y + dy, ..self }.clamped(width, height)
    }

    /// The scale and move that take a picture drawn at zoom `then` to where it belongs at
    /// this zoom: a point at `p` in it goes to `p × k + (x, y)`.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::zoom::Zoom;
    /// let then = Zoom::IDENTITY.zoom_at(2.0, 100.0, 50.0, 400.0, 300.0);
    /// let now = then.panned(-30.0, 0.0, 400.0, 300.0);
    /// assert_eq!(now.relative_to(then), Zoom { k: 1.0, x: -30.0, y: 0.0 });
    /// ```
    pub fn relative_to(self, then: Zoom) -> Zoom {
        let k = self.k / then.k;
        Zoom { k, x: self.x - then.x * k, y: self.y - then.y * k }
    }

    /// The transform as CSS and SVG both read it: `matrix(k, 0, 0, k, x, y)`.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::zoom::Zoom;
    /// assert_eq!(Zoom { k: 1.5, x: -20.0, y: 4.5 }.matrix(), "matrix(1.5, 0, 0, 1.5, -20, 4.5)");
    /// ```
    pub fn matrix(&self) -> String {
        let (k, x, y) = (Shortest(self.k), Shortest(self.x), Shortest(self.y));
        format!("matrix({k}, 0, 0, {k}, {x}, {y})")
    }

    /// Where this transform takes the point `(x, y)`.
    pub fn apply(self, x: f64, y: f64) -> (f64, f64) {
        (x * self.k + self.x, y * self.k + self.y)
    }

    /// The point that this transform takes to `(x, y)`.
    pub fn invert(self, x: f64, y: f64) -> (f64, f64) {
        ((x - self.x) / self.k, (y - self.y) / self.k)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn cannot_zoom_out_past_the_whole_map_or_pan_it_away() {
        let z = Zoom::IDENTITY.zoom_at(0.5, 10.0, 10.0, 400.0, 300.0);
        assert!(z.is_identity());
        let z = Zoom::IDENTITY
            .zoom_at(2.0, 200.0, 150.0, 400.0, 300.0)
            .panned(1000.0, -1000.0, 400.0, 300.0);
        assert_eq!((z.x, z.y), (0.0, -300.0));
    }

    #[test]
    fn a_picture_moved_by_the_relative_transform_lands_where_the_new_zoom_draws_it() {
        let (w, h) = (400.0, 300.0);
        let then = Zoom::IDENTITY.zoom_at(1.7, 90.0, 60.0, w, h);
        let now = then.zoom_at(2.3, 250.0, 140.0, w, h).panned(-40.0, 25.0, w, h);
        let rel = now.relative_to(then);
        // A map point p is drawn at p·k + (x, y) by each zoom.
        let (px, py) = (123.0, 77.0);
        let drawn_then = then.apply(px, py);
        let moved = rel.apply(drawn_then.0, drawn_then.1);
        let drawn_now = now.apply(px, py);
        assert!((moved.0 - drawn_now.0).abs() < 1e-9 && (moved.1 - drawn_now.1).abs() < 1e-9);
        assert_eq!(rel.invert(moved.0, moved.1), drawn_then);
        assert_eq!(now.relative_to(now), Zoom::IDENTITY);
    }

    #[test]
    fn zoom_in_then_out_returns_home() {
        let z = Zoom::IDENTITY.zoom_at(3.0, 120.0, 80.0, 400.0, 300.0).zoom_at(
            1.0 / 3.0,
            120.0,
            80.0,
            400.0,
            300.0,
        );
        assert!(z.is_identity(), "{z:?}");
        assert_eq!(Zoom::IDENTITY.zoom_at(100.0, 0.0, 0.0, 400.0, 300.0).k, 16.0);
    }
}
