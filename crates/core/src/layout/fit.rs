//! Fitting the map to its frame: the projection, the height that suits the data, and the
//! country outlines.

use super::plan::{location_point, MARKER_RADIUS};
use super::CountryShape;
use crate::atlas::Atlas;
use crate::dataset::Dataset;
use crate::labels::Rect;
use crate::path::multipolygon_path;
use crate::projection::{Projection, Viewport};
use crate::zoom::Zoom;
use geo::Coord;

/// Space kept around the locations, in pixels, for a viewport of this size.
pub(super) fn padding(width: f64, height: f64) -> f64 {
    (width.min(height) * 0.08).max(24.0)
}

/// The points the projection is fitted to: the dataset's focus, else every location.
pub(super) fn fit_points(dataset: &Dataset, atlas: &Atlas) -> Vec<Coord<f64>> {
    let focus = &dataset.raw.meta.focus;
    let mut pts: Vec<Coord<f64>> = dataset
        .raw
        .locations
        .iter()
        .filter(|l| focus.is_empty() || focus.contains(&l.id))
        .filter_map(|l| location_point(dataset, atlas, &l.id))
        .collect();
    crate::sort::sort_by(&mut pts, |a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    pts
}

/// The height that shows the dataset's locations at `width` without empty bands above
/// and below, kept between 0.5 and 0.85 times the width.
///
/// # Examples
/// ```
/// # use flowmap_core::{dataset::Dataset, atlas::Atlas, layout::preferred_height};
/// # let d = Dataset::from_json("d", r#"{"version":1,"meta":{"title":"t"},"locations":[
/// #   {"id":"A","name":"A","point":[0,40]},{"id":"B","name":"B","point":[40,42]}],
/// #   "categories":[],"sources":[],"flows":[]}"#).unwrap();
/// # let atlas = Atlas { credit: String::new(), bbox: [0.0; 4], countries: vec![] };
/// // Two locations side by side: a wide, short map.
/// assert_eq!(preferred_height(&d, &atlas, 1000.0), 500.0);
/// ```
pub fn preferred_height(dataset: &Dataset, atlas: &Atlas, width: f64) -> f64 {
    let points = fit_points(dataset, atlas);
    let pad = padding(width, width);
    let proj = Projection::fit(&points, Viewport { width, height: width * 10.0, padding: pad });
    let (y0, y1) = points
        .iter()
        .map(|p| proj.project(*p).y)
        .fold((f64::MAX, f64::MIN), |(a, b), y| (a.min(y), b.max(y)));
    let natural = if points.is_empty() { width * 0.6 } else { y1 - y0 + 2.0 * pad };
    crate::math::clamp(natural, width * 0.5, width * 0.85).round()
}

/// The projection of a `width` × `height` map at `zoom`: fitted to the dataset's focus, so it
/// depends on neither the filters nor which flows are shown, and clear of the zoom controls.
pub fn projection(
    dataset: &Dataset,
    atlas: &Atlas,
    width: f64,
    height: f64,
    zoom: Zoom,
) -> Projection {
    let points = fit_points(dataset, atlas);
    let pad = padding(width, height);
    let fitted = Projection::fit(&points, Viewport { width, height, padding: pad });
    let clear = controls_box(width).map_or(Zoom::IDENTITY, |b| {
        let at: Vec<Coord<f64>> = points.iter().map(|p| fitted.project(*p)).collect();
        clear_of(&at, &b.grown(MARKER_RADIUS.1 + 2.0))
    });
    fitted.zoomed(clear).zoomed(zoom)
}

/// From this map width on, the zoom buttons sit over the map's top right corner (narrower,
/// on a phone, they go below it): the page's 640 px breakpoint less its padding.
pub const CONTROLS_OVER_MAP_FROM: f64 = 590.0;

/// The box the zoom buttons take over a map `width` wide (with a few pixels around), in
/// step with `.zoom-buttons` in the style sheet (8 px from the corner, three 32 px buttons
/// 4 px apart); `None` when they are below the map.
///
/// # Examples
/// ```
/// use flowmap_core::layout::controls_box;
/// assert_eq!(controls_box(800.0).map(|b| (b.x0, b.y1)), Some((756.0, 116.0)));
/// assert_eq!(controls_box(375.0), None);
/// ```
pub fn controls_box(width: f64) -> Option<Rect> {
    (width >= CONTROLS_OVER_MAP_FROM).then_some(Rect {
        x0: width - 44.0,
        y0: 0.0,
        x1: width,
        y1: 8.0 + 3.0 * 32.0 + 2.0 * 4.0 + 4.0,
    })
}

/// The shrink towards the bottom left of the points `at` that takes them out of the top
/// right box `b`, just enough that each leaves it to the left or below (a map fitted to its
/// frame has no spare room to move into).
fn clear_of(at: &[Coord<f64>], b: &Rect) -> Zoom {
    let x0 = at.iter().map(|p| p.x).fold(f64::MAX, f64::min);
    let y1 = at.iter().map(|p| p.y).fold(f64::MIN, f64::max);
    let mut s: f64 = 1.0;
    for p in at.iter().filter(|p| b.contains(**p)) {
        let sx = if p.x > x0 { (b.x0 - 1.0 - x0) / (p.x - x0) } else { f64::MAX };
        let sy = if p.y < y1 { (y1 - b.y1 - 1.0) / (y1 - p.y) } else { f64::MAX };
        s = s.min(sx.max(sy));
    }
    let s = s.max(0.3);
    Zoom { k: s, x: x0 * (1.0 - s), y: y1 * (1.0 - s) }
}

/// The country outlines in `proj`, apart from the flows' layout: they change with the size
/// and the zoom, never with a filter.
pub fn countries(atlas: &Atlas, proj: &Projection) -> Vec<CountryShape> {
    atlas
        .countries
        .iter()
        .map(|c| CountryShape { id: c.id.clone(), d: multipolygon_path(&c.shape, proj, 0.6) })
        .collect()
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::coord;

    #[test]
    fn the_map_shrinks_out_of_the_corner_just_enough() {
        let b = Rect { x0: 700.0, y0: 0.0, x1: 800.0, y1: 100.0 };
        let at = [
            coord! { x: 24.0, y: 476.0 },
            coord! { x: 776.0, y: 24.0 },
            coord! { x: 400.0, y: 200.0 },
        ];
        let z = clear_of(&at, &b);
        assert!(z.k < 1.0 && z.k > 0.85, "{z:?}");
        let (x, y) = z.apply(776.0, 24.0);
        assert!(!b.contains(coord! { x: x, y: y }) && (x > 690.0 || y < 110.0), "{x} {y}");
        // The bottom left corner stays.
        assert_eq!(z.apply(24.0, 476.0), (24.0, 476.0));
        // Nothing under the box: nothing moves.
        assert!(clear_of(&at[..1], &b).is_identity());
    }
}
