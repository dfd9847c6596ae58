//! Flows grouped by how they are drawn, so that a canvas changes its stroke style a few
//! hundred times rather than once per flow, and strokes each group as one path.

use crate::layout::FlowShape;

/// Width steps in pixels: flows whose widths round to the same step share a stroke.
const WIDTH_STEP: f64 = 0.25;

/// Flows drawn with the same colour, width and dashes.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    /// Stroke and arrowhead colour.
    pub color: &'static str,
    /// Stroke width in pixels (rounded to a quarter pixel).
    pub width: f64,
    /// Dash lengths in pixels; `None` for solid.
    pub dash: Option<[f64; 4]>,
    /// Positions in the flows given to [`batches`].
    pub flows: Vec<usize>,
}

/// The batches of `flows`, widest first (so that thin lines stay on top of thick ones).
///
/// # Examples
/// ```
/// use flowmap_core::{batch::batches, layout::FlowShape};
/// let f = |width: f64, color| FlowShape { index: 0, color, width, dash: None, undisclosed: false, disputed: false, legs: vec![] };
/// let flows = [f(1.0, "#000"), f(6.0, "#000"), f(1.1, "#000"), f(1.0, "#fff")];
/// let b = batches(&flows.iter().collect::<Vec<_>>());
/// assert_eq!(b.iter().map(|b| (b.width, b.flows.clone())).collect::<Vec<_>>(),
///            [(6.0, vec![1]), (1.0, vec![0, 2]), (1.0, vec![3])]);
/// ```
pub fn batches(flows: &[&FlowShape]) -> Vec<Batch> {
    let step = |w: f64| (w / WIDTH_STEP).round() as i64;
    // Each flow's key made once (a map redraws tens of thousands of flows on every zoom).
    let mut order: Vec<(i64, &str, Option<[u64; 4]>, usize)> = flows
        .iter()
        .enumerate()
        .map(|(i, f)| (-step(f.width), f.color, f.dash.map(|d| d.map(f64::to_bits)), i))
        .collect();
    order.sort_unstable();
    let order = order.into_iter().map(|k| k.3);
    let mut out: Vec<Batch> = Vec::new();
    for i in order {
        let f = flows[i];
        match out.last_mut() {
            Some(b) if step(b.width) == step(f.width) && b.color == f.color && b.dash == f.dash => {
                b.flows.push(i);
            }
            _ => out.push(Batch {
                color: f.color,
                width: step(f.width) as f64 * WIDTH_STEP,
                dash: f.dash,
                flows: vec![i],
            }),
        }
    }
    out
}

/// Share of the map that the lines of `flows` may cover before they turn translucent.
const OPAQUE_COVER: f64 = 0.5;
/// The faintest a line gets, however crowded the map.
const FAINTEST: f64 = 0.08;

/// The opacity to draw each line of `flows` with on a `width` × `height` map laid out at
/// zoom `k`: opaque while their ink (width times length, overlaps counted again) covers at
/// most half of the map, fainter as it crowds, so that where many lines cross reads darker
/// instead of the last colour drawn covering the whole map. Zoomed in k×, lines are k× as
/// long but only about 1/k² of the map is in view: the view is less crowded, and the lines
/// more opaque.
///
/// # Examples
/// ```
/// use flowmap_core::{arc::{arc, ArcStyle}, batch::line_opacity, layout::FlowShape};
/// use geo::coord;
/// let style = ArcStyle { bend: 0.2, start_gap: 0.0, end_gap: 0.0, arrow_length: 6.0, arrow_width: 5.0 };
/// let leg = arc(coord! { x: 0.0, y: 0.0 }, coord! { x: 100.0, y: 0.0 }, &style).unwrap();
/// let flow = FlowShape { index: 0, color: "#000", width: 2.0, dash: None, undisclosed: false, disputed: false, legs: vec![leg] };
/// assert_eq!(line_opacity(&[&flow], 100.0, 100.0, 1.0), 1.0);
/// let crowd = vec![&flow; 500];
/// assert!(line_opacity(&crowd, 100.0, 100.0, 1.0) < 0.1);
/// ```
pub fn line_opacity(flows: &[&FlowShape], width: f64, height: f64, k: f64) -> f64 {
    let ink: f64 = flows
        .iter()
        .map(|f| f.width * f.legs.iter().map(super::arc::ArcShape::length).sum::<f64>())
        .sum();
    let cover = ink / (k * k).max(1.0) / (width * height).max(1.0);
    if cover <= OPAQUE_COVER {
        1.0
    } else {
        (OPAQUE_COVER / cover).max(FAINTEST)
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::arc::{arc, ArcStyle};
    use geo::coord;

    fn flow(width: f64, length: f64) -> FlowShape {
        let leg = arc(
            coord! { x: 0.0, y: 0.0 },
            coord! { x: length, y: 0.0 },
            &ArcStyle { bend: 0.0, ..ArcStyle::default() },
        )
        .unwrap();
        FlowShape {
            index: 0,
            color: "#000",
            width,
            dash: None,
            undisclosed: false,
            disputed: false,
            legs: vec![leg],
        }
    }

    #[test]
    fn lines_fade_as_they_crowd_the_map_and_no_further_than_the_floor() {
        let one = flow(2.0, 200.0);
        let opacity = |n: usize| line_opacity(&vec![&one; n], 400.0, 300.0, 1.0);
        // 30 lines of about 2 × 190 px ink cover under half of 400 × 300 px: opaque.
        assert_eq!(opacity(30), 1.0);
        assert!(opacity(800) < opacity(400) && opacity(400) < 1.0);
        assert_eq!(opacity(100_000), FAINTEST);
        // Wider lines are more ink.
        let wide = flow(8.0, 200.0);
        assert!(line_opacity(&vec![&wide; 100], 400.0, 300.0, 1.0) < opacity(100));
        assert_eq!(line_opacity(&[], 400.0, 300.0, 1.0), 1.0);
        // Zoomed in twice, the same flows are laid out twice as long, and fewer are in view.
        let long = flow(2.0, 400.0);
        assert!(line_opacity(&vec![&long; 800], 400.0, 300.0, 2.0) > opacity(800));
    }
}
