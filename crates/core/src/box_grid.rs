//! Boxes filed in a uniform grid, so that "does this box cover any of them?" looks only at
//! the boxes nearby: placing labels among 10,000 markers asks it tens of thousands of times.

use crate::labels::Rect;

/// Side of a grid cell, in pixels.
const CELL: f64 = 64.0;

/// Boxes filed by the grid cells they cover, over a `width × height` area; boxes beyond it
/// are filed in the edge cells (clamping keeps any two overlapping boxes in a shared cell).
#[derive(Debug, Clone)]
pub struct BoxGrid {
    cols: usize,
    rows: usize,
    /// For each cell, the boxes (positions in `boxes`) that cover it.
    cells: Vec<Vec<u32>>,
    boxes: Vec<Rect>,
}

impl BoxGrid {
    /// An empty grid over `width × height` pixels.
    pub fn new(width: f64, height: f64) -> BoxGrid {
        let count = |extent: f64| ((extent / CELL).ceil() as usize).clamp(1, 256);
        let (cols, rows) = (count(width), count(height));
        BoxGrid { cols, rows, cells: vec![Vec::new(); cols * rows], boxes: Vec::new() }
    }

    /// The grid's cells that `b` covers: columns and rows, first to last.
    fn span(&self, b: &Rect) -> Option<(usize, usize, usize, usize)> {
        if ![b.x0, b.y0, b.x1, b.y1].iter().all(|v| v.is_finite()) {
            return None;
        }
        let cell = |v: f64, n: usize| ((v / CELL).floor().max(0.0) as usize).min(n - 1);
        Some((
            cell(b.x0, self.cols),
            cell(b.x1, self.cols),
            cell(b.y0, self.rows),
            cell(b.y1, self.rows),
        ))
    }

    /// Files `b`; returns its position (as [`BoxGrid::covers`] names it to skip it). A box
    /// with a coordinate that is not finite covers nothing.
    pub fn insert(&mut self, b: Rect) -> usize {
        let id = self.boxes.len();
        if let Some((c0, c1, r0, r1)) = self.span(&b) {
            for r in r0..=r1 {
                for c in c0..=c1 {
                    self.cells[r * self.cols + c].push(id as u32);
                }
            }
        }
        self.boxes.push(b);
        id
    }

    /// True when `b` overlaps a filed box other than the one at position `skip`.
    ///
    /// ```
    /// use flowmap_core::{box_grid::BoxGrid, labels::Rect};
    /// let mut grid = BoxGrid::new(400.0, 300.0);
    /// let a = grid.insert(Rect { x0: 10.0, y0: 10.0, x1: 90.0, y1: 30.0 });
    /// let probe = Rect { x0: 80.0, y0: 20.0, x1: 150.0, y1: 40.0 };
    /// assert!(grid.covers(&probe, None));
    /// assert!(!grid.covers(&probe, Some(a)));
    /// ```
    pub fn covers(&self, b: &Rect, skip: Option<usize>) -> bool {
        let Some((c0, c1, r0, r1)) = self.span(b) else {
            return false;
        };
        (r0..=r1).any(|r| {
            (c0..=c1).any(|c| {
                self.cells[r * self.cols + c]
                    .iter()
                    .any(|&id| Some(id as usize) != skip && self.boxes[id as usize].overlaps(b))
            })
        })
    }
}

#[cfg(test)]
mod test {
    use super::*;

    /// A small deterministic generator (xorshift).
    fn random(seed: &mut u64) -> f64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed >> 11) as f64 / (1u64 << 53) as f64
    }

    #[test]
    fn the_grid_answers_as_a_scan_of_every_box_does() {
        let mut seed = 0x2545_f491_4f6c_dd1d;
        let mut r = || random(&mut seed);
        let mut grid = BoxGrid::new(640.0, 480.0);
        let mut all = Vec::new();
        // Boxes inside, across and beyond the area, small and large.
        for _ in 0..400 {
            let (x, y) = (r() * 900.0 - 130.0, r() * 700.0 - 110.0);
            let b = Rect { x0: x, y0: y, x1: x + r() * 120.0, y1: y + r() * 40.0 };
            all.push(b);
            grid.insert(b);
        }
        for _ in 0..2000 {
            let (x, y) = (r() * 900.0 - 130.0, r() * 700.0 - 110.0);
            let probe = Rect { x0: x, y0: y, x1: x + r() * 90.0, y1: y + r() * 20.0 };
            let skip = (r() < 0.5).then(|| (r() * 400.0) as usize);
            let scan = all.iter().enumerate().any(|(i, b)| Some(i) != skip && b.overlaps(&probe));
            assert_eq!(grid.covers(&probe, skip), scan, "{probe:?}");
        }
    }

    #[test]
    fn boxes_that_are_not_finite_cover_nothing() {
        let mut grid = BoxGrid::new(100.0, 100.0);
        grid.insert(Rect { x0: f64::NAN, y0: 0.0, x1: 10.0, y1: 10.0 });
        assert!(!grid.covers(&Rect { x0: 0.0, y0: 0.0, x1: 50.0, y1: 50.0 }, None));
    }
}
