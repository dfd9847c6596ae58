//! Colours for categories: the Okabe–Ito palette, safe for colour-blind readers.

/// Okabe–Ito colours in the order categories receive them (yellow, weak on white, last).
pub const CATEGORY_COLORS: [&str; 7] =
    ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"];

/// The colour of the category at `index` in the legend; repeats after seven.
///
/// # Examples
/// ```
/// assert_eq!(flowmap_core::palette::category_color(0), "#D55E00");
/// assert_eq!(flowmap_core::palette::category_color(7), "#D55E00");
/// ```
pub fn category_color(index: usize) -> &'static str {
    CATEGORY_COLORS[index % CATEGORY_COLORS.len()]
}
