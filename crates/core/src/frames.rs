//! A canvas painting cut into frames: each animation frame draws a slice of the strokes
//! ([`crate::batch::strokes`]) within a budget of work, so that the page answers the reader
//! while thousands of curves are drawn.

use crate::batch::Stroke;
use std::ops::Range;

/// Work per frame, in legs of a plain line (a dashed leg costs [`DASHED`], a band's
/// [`BAND`]): about 100 ms of software rasterising on a slow machine, far less with a GPU.
pub const BUDGET: usize = 3000;
/// The work of drawing a dashed leg, in plain ones (a dotted one's squares,
/// [`crate::dots`], cost about as much).
const DASHED: usize = 4;
/// The work of drawing a leg of a band, in plain ones.
const BAND: usize = 2;

/// How far a painting has got: the next stroke and leg of it to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Position of the stroke in the painting's strokes.
    pub stroke: usize,
    /// Position of the leg in that stroke's legs.
    pub leg: usize,
}

impl Progress {
    /// True once every stroke of `strokes` is drawn.
    pub fn done(self, strokes: &[Stroke]) -> bool {
        self.stroke >= strokes.len()
    }
}

/// Legs of one stroke to draw together, as one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slice {
    /// Position of the stroke in the painting's strokes.
    pub stroke: usize,
    /// Positions of the legs in that stroke's legs.
    pub legs: Range<usize>,
}

/// One frame's work: what to draw, and where the painting is afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The slices to draw, in order.
    pub slices: Vec<Slice>,
    /// Where the next frame starts.
    pub next: Progress,
}

/// The work of drawing one leg of `stroke`, in legs of a plain line.
fn leg_cost(stroke: &Stroke) -> usize {
    if stroke.band {
        BAND
    } else if stroke.dash.is_some() {
        DASHED
    } else {
        1
    }
}

/// The frame that paints `strokes` on from `at`: their legs in order until `budget` of work
/// is spent, the last leg begun drawn whole even when it overruns the budget (so that every
/// frame gets somewhere, however small the budget); one slice per stroke it reaches.
///
/// # Examples
/// ```
/// use flowmap_core::{batch::{LegAt, Stroke}, frames::{plan, Progress, Slice}};
/// let leg = LegAt { flow: 0, leg: 0 };
/// let plain = Stroke { layer: 0, color: "#000", width: 1.0, dash: None, band: false, opacity: 1.0, legs: vec![leg; 5] };
/// let frame = plan(&[plain.clone(), plain], Progress::default(), 7);
/// assert_eq!(frame.slices, [Slice { stroke: 0, legs: 0..5 }, Slice { stroke: 1, legs: 0..2 }]);
/// assert_eq!(frame.next, Progress { stroke: 1, leg: 2 });
/// ```
pub fn plan(strokes: &[Stroke], at: Progress, budget: usize) -> Frame {
    let (mut at, mut budget, mut slices) = (at, budget, Vec::new());
    while budget > 0 && !at.done(strokes) {
        let stroke = &strokes[at.stroke];
        let cost = leg_cost(stroke);
        let left = stroke.legs.len().saturating_sub(at.leg);
        let n = budget.div_ceil(cost).min(left);
        if n > 0 {
            slices.push(Slice { stroke: at.stroke, legs: at.leg..at.leg + n });
        }
        budget = budget.saturating_sub(n * cost);
        at = if n == left {
            Progress { stroke: at.stroke + 1, leg: 0 }
        } else {
            Progress { stroke: at.stroke, leg: at.leg + n }
        };
    }
    Frame { slices, next: at }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::batch::LegAt;

    fn stroke(legs: usize, dash: bool, band: bool) -> Stroke {
        Stroke {
            layer: 0,
            color: "#000",
            width: 1.0,
            dash: dash.then_some([4.0, 2.0, 4.0, 2.0]),
            band,
            opacity: 1.0,
            legs: vec![LegAt { flow: 0, leg: 0 }; legs],
        }
    }

    fn slice(stroke: usize, legs: Range<usize>) -> Slice {
        Slice { stroke, legs }
    }

    fn at(stroke: usize, leg: usize) -> Progress {
        Progress { stroke, leg }
    }

    #[test]
    fn bands_and_dashes_cost_more_per_leg() {
        // A band of 3 legs (2 each), 2 dashed legs (4 each), 10 plain legs: 6 + 8 + 10 = 24.
        let strokes = [stroke(3, false, true), stroke(2, true, false), stroke(10, false, false)];
        let frame = plan(&strokes, Progress::default(), 24);
        assert_eq!(frame.slices, [slice(0, 0..3), slice(1, 0..2), slice(2, 0..10)]);
        assert!(frame.next.done(&strokes));
        // With 9 of work: the band (6), then a dashed leg, begun with 3 left and drawn whole.
        let frame = plan(&strokes, Progress::default(), 9);
        assert_eq!(frame.slices, [slice(0, 0..3), slice(1, 0..1)]);
        assert_eq!(frame.next, at(1, 1));
        assert!(!frame.next.done(&strokes));
        // Then on from there: the other dashed leg (4), and 5 plain ones.
        let frame = plan(&strokes, frame.next, 9);
        assert_eq!(frame.slices, [slice(1, 1..2), slice(2, 0..5)]);
        assert_eq!(frame.next, at(2, 5));
    }

    #[test]
    fn frames_draw_at_least_a_leg_and_every_leg_once() {
        let strokes = [stroke(3, true, false), stroke(2, false, false)];
        // A budget of 1 cannot pay for a dashed leg, but draws one anyway.
        let frame = plan(&strokes, at(0, 1), 1);
        assert_eq!(frame.slices, [slice(0, 1..2)]);
        assert_eq!(frame.next, at(0, 2));
        let (mut next, mut frames) = (Progress::default(), Vec::new());
        while !next.done(&strokes) {
            let frame = plan(&strokes, next, 5);
            frames.push(frame.slices);
            next = frame.next;
        }
        assert_eq!(
            frames,
            [vec![slice(0, 0..2)], vec![slice(0, 2..3), slice(1, 0..1)], vec![slice(1, 1..2)]]
        );
    }

    #[test]
    fn nothing_to_draw_gives_an_empty_frame() {
        let frame = plan(&[], Progress::default(), BUDGET);
        assert_eq!(frame, Frame { slices: vec![], next: Progress::default() });
        // A stroke without legs is passed over.
        let frame = plan(&[stroke(0, false, false), stroke(1, false, false)], at(0, 0), 5);
        assert_eq!(frame.slices, [slice(1, 0..1)]);
        assert_eq!(frame.next, at(2, 0));
    }
}
