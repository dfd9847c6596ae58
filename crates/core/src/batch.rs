//! Flows grouped by how they are drawn, so that a canvas changes its stroke style a few
//! hundred times rather than once per flow, and strokes each group as one path: batches of
//! one style, and the strokes of each canvas layer made of them.

use crate::arc::ArcShape;
use crate::dataset::Dataset;
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
/// let f = |width: f64, color| FlowShape { index: 0, color, width, dash: None, undisclosed: false, disputed: false, legs: vec![], others: vec![], sum: None };
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
    crate::sort::sort(&mut order);
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

/// Width in pixels of the faint band drawn under the legs of undisclosed values.
const BAND_WIDTH: f64 = 9.0;
/// A band's opacity, as a share of the lines'.
const BAND_OPACITY: f64 = 0.2;

/// One stroke of a canvas layer: a style and the legs drawn with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    /// Which layer (canvas) it is drawn on.
    pub layer: usize,
    /// Stroke and arrowhead colour.
    pub color: &'static str,
    /// Stroke width in pixels.
    pub width: f64,
    /// Dash lengths in pixels; `None` for solid.
    pub dash: Option<[f64; 4]>,
    /// True for the faint wide band under undisclosed values, drawn without arrowheads.
    pub band: bool,
    /// How opaque its lines are: fainter on a crowded map, fainter still for a band.
    pub opacity: f64,
    /// The legs it draws, in the flows it was made of ([`strokes`]).
    pub legs: Vec<LegAt>,
}

/// Where a leg is: its flow's position in the laid-out flows a stroke was made of, and its
/// own in the flow's legs. A stroke points at its legs rather than copying them (at 100,000
/// flows, a copy is 12 MB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegAt {
    /// The flow's position in the laid-out flows.
    pub flow: u32,
    /// The leg's position in its flow's legs.
    pub leg: u32,
}

impl LegAt {
    /// The leg in `flows` (the laid-out flows the stroke was made of); `None` for other flows
    /// that do not have it.
    pub fn of(self, flows: &[FlowShape]) -> Option<&ArcShape> {
        flows.get(self.flow as usize)?.legs.get(self.leg as usize)
    }
}

/// Each flow's layer, by dataset index: the position of its category among those in use
/// (one canvas each); `usize::MAX` for a flow whose category is unknown.
pub fn layer_of(dataset: &Dataset) -> Vec<usize> {
    let in_use: Vec<&str> = dataset.categories_in_use().map(|(_, c)| c.id.as_str()).collect();
    dataset
        .raw
        .flows
        .iter()
        .map(|f| in_use.iter().position(|c| *c == f.category).unwrap_or(usize::MAX))
        .collect()
}

/// The strokes of `layers` layers for the laid-out `flows` that `passes` (by dataset index),
/// each on its layer of [`layer_of`]: per layer in order, the band of its undisclosed values
/// (in its first flow's colour), then its [`batches`] widest first; lines `opacity` opaque.
/// Their legs are in `flows` ([`LegAt::of`]).
///
/// # Examples
/// ```
/// use flowmap_core::{arc::{arc, ArcStyle}, batch::strokes, layout::FlowShape};
/// use geo::coord;
/// let leg = arc(coord! { x: 0.0, y: 0.0 }, coord! { x: 100.0, y: 0.0 }, &ArcStyle::default());
/// let f = |index, width| FlowShape { index, color: "#000", width, dash: None, undisclosed: false, disputed: false, legs: vec![leg.unwrap()], others: vec![], sum: None };
/// let flows = [f(0, 1.0), f(1, 1.0), f(2, 3.0)];
/// let s = strokes(&flows, &[0, 0, 1], 2, &[true, true, true], 0.5);
/// assert_eq!(s.iter().map(|s| (s.layer, s.width, s.legs.len())).collect::<Vec<_>>(),
///            [(0, 1.0, 2), (1, 3.0, 1)]);
/// assert_eq!(s[1].legs[0].of(&flows), Some(&leg.unwrap()));
/// ```
pub fn strokes(
    flows: &[FlowShape],
    layer_of: &[usize],
    layers: usize,
    passes: &[bool],
    opacity: f64,
) -> Vec<Stroke> {
    // Each layer's flows, with their positions in `flows`.
    let mut per_layer: Vec<(Vec<&FlowShape>, Vec<u32>)> = vec![Default::default(); layers];
    for (k, f) in flows.iter().enumerate().filter(|(_, f)| passes[f.index]) {
        if let Some((mine, at)) = per_layer.get_mut(layer_of[f.index]) {
            mine.push(f);
            at.push(k as u32);
        }
    }
    let mut out = Vec::new();
    for (layer, (mine, at)) in per_layer.into_iter().enumerate() {
        let bands = legs_of(flows, at.iter().copied().filter(|&k| flows[k as usize].undisclosed));
        if let (false, Some(f)) = (bands.is_empty(), mine.first()) {
            out.push(Stroke {
                layer,
                color: f.color,
                width: BAND_WIDTH,
                dash: None,
                band: true,
                opacity: BAND_OPACITY * opacity,
                legs: bands,
            });
        }
        for b in batches(&mine) {
            let legs = legs_of(flows, b.flows.iter().map(|&i| at[i]));
            out.push(Stroke {
                layer,
                color: b.color,
                width: b.width,
                dash: b.dash,
                band: false,
                opacity,
                legs,
            });
        }
    }
    out
}

/// The legs of the flows at positions `at` in `flows`, in a list of their number (collected
/// from a flattening iterator, it would keep room for up to twice as many).
fn legs_of(flows: &[FlowShape], at: impl Iterator<Item = u32> + Clone) -> Vec<LegAt> {
    let count = |k: u32| flows[k as usize].legs.len();
    let mut legs = Vec::with_capacity(at.clone().map(count).sum());
    legs.extend(at.flat_map(|k| (0..count(k) as u32).map(move |leg| LegAt { flow: k, leg })));
    legs
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
/// let flow = FlowShape { index: 0, color: "#000", width: 2.0, dash: None, undisclosed: false, disputed: false, legs: vec![leg], others: vec![], sum: None };
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

    const TWO_FLOWS: &str = include_str!("../tests/fixtures/two_flows.json");

    #[test]
    fn layers_follow_the_categories_in_use_in_their_order() {
        let d = Dataset::from_json("d", TWO_FLOWS).unwrap();
        assert_eq!(layer_of(&d), [0, 1]);
        // An unused category takes no layer; the order is the categories', not the flows'.
        let listed = r#""categories": [{"id": "dual-use", "name": "Dual-use goods"}, {"id": "food", "name": "Food"}, {"id": "arms", "name": "Arms"}],"#;
        let start = TWO_FLOWS.find(r#""categories""#).unwrap();
        let end = start + TWO_FLOWS[start..].find('\n').unwrap();
        let d = Dataset::from_json(
            "d",
            &format!("{}{listed}{}", &TWO_FLOWS[..start], &TWO_FLOWS[end..]),
        )
        .unwrap();
        assert_eq!(layer_of(&d), [1, 0]);
    }

    #[test]
    fn strokes_are_per_layer_a_band_then_batches_widest_first() {
        let shape = |index, color, width, length, undisclosed| FlowShape {
            index,
            color,
            dash: (color == "#b").then_some([4.0, 2.0, 4.0, 2.0]),
            undisclosed,
            ..flow(width, length)
        };
        let mut flows = vec![
            shape(0, "#a", 1.0, 100.0, true),
            shape(1, "#b", 2.0, 110.0, false),
            shape(2, "#a", 3.0, 120.0, false),
            // Filtered out.
            shape(3, "#a", 1.0, 130.0, false),
            // A category without a layer.
            shape(4, "#a", 1.0, 140.0, false),
            // Rounds to the width of flow 0.
            shape(5, "#a", 1.1, 150.0, false),
        ];
        let extra = flows[2].legs[0];
        flows[5].legs.push(extra);
        let legs = |of: &[usize]| -> Vec<LegAt> {
            let at = |&k: &usize| {
                (0..flows[k].legs.len() as u32).map(move |leg| LegAt { flow: k as u32, leg })
            };
            of.iter().flat_map(at).collect()
        };
        let stroke = |layer, color, width, dash, band, opacity, legs| Stroke {
            layer,
            color,
            width,
            dash,
            band,
            opacity,
            legs,
        };
        let passes = [true, true, true, false, true, true];
        let got = strokes(&flows, &[0, 1, 0, 0, usize::MAX, 0], 2, &passes, 0.5);
        let expected = [
            stroke(0, "#a", 9.0, None, true, 0.1, legs(&[0])),
            stroke(0, "#a", 3.0, None, false, 0.5, legs(&[2])),
            stroke(0, "#a", 1.0, None, false, 0.5, legs(&[0, 5])),
            stroke(1, "#b", 2.0, Some([4.0, 2.0, 4.0, 2.0]), false, 0.5, legs(&[1])),
        ];
        assert_eq!(got, expected);
        // A layer whose flows are all filtered out has no strokes.
        assert_eq!(
            strokes(
                &flows,
                &[0, 1, 0, 0, 0, 0],
                2,
                &[false, true, false, false, false, false],
                1.0
            )
            .len(),
            1
        );
    }

    fn flow(width: f64, length: f64) -> FlowShape {
        let leg = arc(
            coord! { x: 0.0, y: 0.0 },
            coord! { x: length, y: 0.0 },
            &ArcStyle { bend: 0.0, ..ArcStyle::default() },
        )
        .unwrap();
        FlowShape { legs: vec![leg], ..FlowShape::plain(0, width) }
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
