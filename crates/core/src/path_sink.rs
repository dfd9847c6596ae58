//! Where traced paths go: one tracer, many sinks, as d3-geo's path contexts. An arc
//! ([`crate::arc::ArcShape::trace_line`]) is traced once, into SVG path data (the `String`
//! sink here) or onto a canvas (the app's sink over a 2D context).

use crate::path::push_point;
/// The point type of a path's commands (geo's), here so that a sink needs no geo of its own.
pub use geo::Coord;

/// Receives a path's commands in screen pixels, the subset of a canvas 2D context's path
/// methods that the map draws with.
///
/// # Examples
/// ```
/// use flowmap_core::path_sink::{Coord, PathSink};
/// use geo::coord;
/// // A sink that counts the subpaths it is given.
/// #[derive(Default)]
/// struct Subpaths(usize);
/// impl PathSink for Subpaths {
///     fn move_to(&mut self, _: Coord<f64>) {
///         self.0 += 1;
///     }
///     fn quadratic_curve_to(&mut self, _: Coord<f64>, _: Coord<f64>) {}
///     fn line_to(&mut self, _: Coord<f64>) {}
///     fn close_path(&mut self) {}
/// }
/// let (mut svg, mut count) = (String::new(), Subpaths::default());
/// for sink in [&mut svg as &mut dyn PathSink, &mut count] {
///     sink.move_to(coord! { x: 0.0, y: 0.0 });
///     sink.line_to(coord! { x: 10.0, y: 0.25 });
///     sink.quadratic_curve_to(coord! { x: 5.0, y: 5.0 }, coord! { x: 0.0, y: 0.0 });
///     sink.close_path();
/// }
/// assert_eq!(svg, "M0.0,0.0L10.0,0.3Q5.0,5.0 0.0,0.0Z");
/// assert_eq!(count.0, 1);
/// ```
pub trait PathSink {
    /// Starts a subpath at `p`.
    fn move_to(&mut self, p: Coord<f64>);
    /// A quadratic Bézier curve from the current point to `to`, pulled towards `control`.
    fn quadratic_curve_to(&mut self, control: Coord<f64>, to: Coord<f64>);
    /// A straight line from the current point to `p`.
    fn line_to(&mut self, p: Coord<f64>);
    /// A straight line back to the start of the subpath, which it closes.
    fn close_path(&mut self);
}

/// SVG path data, appended with one decimal per number (`M1.0,2.0Q3.0,4.0 5.0,6.0`).
impl PathSink for String {
    fn move_to(&mut self, p: Coord<f64>) {
        push_point(self, 'M', p);
    }

    fn quadratic_curve_to(&mut self, control: Coord<f64>, to: Coord<f64>) {
        push_point(self, 'Q', control);
        push_point(self, ' ', to);
    }

    fn line_to(&mut self, p: Coord<f64>) {
        push_point(self, 'L', p);
    }

    fn close_path(&mut self) {
        self.push('Z');
    }
}
