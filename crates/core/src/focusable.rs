//! Which flows of a canvas map stay in the SVG as focusable elements, for keyboards and
//! screen readers: the largest of each layer, so that a category filter hides some of them
//! rather than replacing them, and whatever is highlighted.

use crate::layout::FlowShape;
use std::cmp::Ordering;

/// About how many flows stay in the SVG, in all: an even share per layer.
pub const DOM_FLOWS: usize = 100;

/// The dataset indices of the largest of the laid-out `flows` that `passes` (by dataset
/// index), about `about` in all: on each of the `layers` layers of [`crate::batch::layer_of`]
/// an even share, flows someone cited denies or disputes first (the SVG draws their mark, the
/// canvas does not), then the widest, then in dataset order; layer after layer.
///
/// # Examples
/// ```
/// use flowmap_core::{focusable::largest, layout::FlowShape};
/// let f = |index, width| FlowShape { index, color: "#000", width, dash: None, undisclosed: false, disputed: false, legs: vec![], others: vec![], sum: None };
/// let flows = [f(0, 1.0), f(1, 5.0), f(2, 3.0), f(3, 2.0)];
/// // Two layers, two flows each.
/// assert_eq!(largest(&flows, &[true; 4], &[0, 0, 1, 0], 2, 4), [1, 3, 2]);
/// ```
pub fn largest(
    flows: &[FlowShape],
    passes: &[bool],
    layer_of: &[usize],
    layers: usize,
    about: usize,
) -> Vec<usize> {
    let each = about.div_ceil(layers.max(1));
    let mut per_layer: Vec<Vec<(bool, f64, usize)>> = vec![Vec::new(); layers];
    for f in flows.iter().filter(|f| passes[f.index]) {
        if let Some(mine) = per_layer.get_mut(layer_of[f.index]) {
            mine.push((f.disputed, f.width, f.index));
        }
    }
    let first = |a: &(bool, f64, usize), b: &(bool, f64, usize)| -> Ordering {
        b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2))
    };
    let mut keep = Vec::with_capacity(each * layers);
    for mut mine in per_layer {
        crate::sort::sort_by(&mut mine, first);
        mine.truncate(each);
        keep.extend(mine.into_iter().map(|f| f.2));
    }
    keep
}

/// The flows to keep in the SVG: `largest` and `highlighted` (hovered, focused or pinned)
/// together, each once, in dataset order.
///
/// # Examples
/// ```
/// use flowmap_core::focusable::with_highlighted;
/// assert_eq!(with_highlighted(vec![7, 2, 5], [5, 3]), [2, 3, 5, 7]);
/// ```
pub fn with_highlighted(
    largest: Vec<usize>,
    highlighted: impl IntoIterator<Item = usize>,
) -> Vec<usize> {
    let mut keep = largest;
    keep.extend(highlighted);
    crate::sort::sort(&mut keep);
    keep.dedup();
    keep
}

#[cfg(test)]
mod test {
    use super::*;

    fn flow(index: usize, width: f64, disputed: bool) -> FlowShape {
        FlowShape { disputed, ..FlowShape::plain(index, width) }
    }

    #[test]
    fn each_layer_keeps_its_share_disputed_then_widest_then_first() {
        let flows = [
            flow(0, 1.0, false),
            flow(1, 4.0, false),
            flow(2, 2.0, true),
            flow(3, 4.0, false),
            flow(4, 9.0, false),
            flow(5, 3.0, false),
            flow(6, 8.0, false),
            flow(7, 7.0, false),
        ];
        let layer_of = [0, 0, 0, 0, 0, 1, 1, usize::MAX];
        // Flow 4, the widest, is filtered out; flow 7 has no layer.
        let passes = [true, true, true, true, false, true, true, true];
        // About 5 over 2 layers: 3 each. Flows 1 and 3 tie on width: dataset order.
        assert_eq!(largest(&flows, &passes, &layer_of, 2, 5), [2, 1, 3, 6, 5]);
        assert_eq!(largest(&flows, &passes, &layer_of, 2, 2), [2, 6]);
        // Layers past `layers` are left out, and no layers keep nothing.
        assert_eq!(largest(&flows, &passes, &layer_of, 1, 100), [2, 1, 3, 0]);
        assert_eq!(largest(&flows, &passes, &layer_of, 0, 100), Vec::<usize>::new());
    }

    #[test]
    fn highlighted_flows_join_in_dataset_order_once() {
        assert_eq!(with_highlighted(vec![6, 2, 1], [9, 2]), [1, 2, 6, 9]);
        assert_eq!(with_highlighted(vec![], None), Vec::<usize>::new());
    }
}
