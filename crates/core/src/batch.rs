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
/// let f = |width: f64, color| FlowShape { index: 0, color, width, dash: None, undisclosed: false, legs: vec![] };
/// let flows = [f(1.0, "#000"), f(6.0, "#000"), f(1.1, "#000"), f(1.0, "#fff")];
/// let b = batches(&flows.iter().collect::<Vec<_>>());
/// assert_eq!(b.iter().map(|b| (b.width, b.flows.clone())).collect::<Vec<_>>(),
///            [(6.0, vec![1]), (1.0, vec![0, 2]), (1.0, vec![3])]);
/// ```
pub fn batches(flows: &[&FlowShape]) -> Vec<Batch> {
    let step = |w: f64| (w / WIDTH_STEP).round() as i64;
    let key = |f: &FlowShape| (-step(f.width), f.color, f.dash.map(|d| d.map(f64::to_bits)));
    let mut order: Vec<usize> = (0..flows.len()).collect();
    order.sort_unstable_by(|a, b| key(flows[*a]).cmp(&key(flows[*b])).then(a.cmp(b)));
    let mut out: Vec<Batch> = Vec::new();
    for i in order {
        let f = flows[i];
        match out.last_mut() {
            Some(b) if step(b.width) == step(f.width) && b.color == f.color && b.dash == f.dash => b.flows.push(i),
            _ => out.push(Batch { color: f.color, width: step(f.width) as f64 * WIDTH_STEP, dash: f.dash, flows: vec![i] }),
        }
    }
    out
}
