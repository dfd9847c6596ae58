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

use crate::model::ClaimStatus;

/// The line pattern of a claim status (`stroke-dasharray` in units of the line's width),
/// a second encoding besides colour: documented solid, reported long dashes, alleged short
/// dashes, denied dash-dot, unverified dots.
///
/// # Examples
/// ```
/// use flowmap_core::{model::ClaimStatus, palette::status_dash};
/// assert_eq!(status_dash(ClaimStatus::Documented), None);
/// assert_eq!(status_dash(ClaimStatus::Alleged), Some([3.0, 2.0, 3.0, 2.0]));
/// ```
pub fn status_dash(status: ClaimStatus) -> Option<[f64; 4]> {
    match status {
        ClaimStatus::Documented => None,
        ClaimStatus::Reported => Some([6.0, 2.0, 6.0, 2.0]),
        ClaimStatus::Alleged => Some([3.0, 2.0, 3.0, 2.0]),
        ClaimStatus::Denied => Some([6.0, 2.0, 0.5, 2.0]),
        ClaimStatus::Unverified => Some([0.5, 2.0, 0.5, 2.0]),
    }
}

/// `stroke-dasharray` for a status at a stroke width: patterns grow with the line between
/// a floor (thin lines stay readable) and a cap (thick lines keep several dashes per leg).
pub fn dasharray(status: ClaimStatus, width: f64) -> Option<String> {
    dash_pattern(status, width).map(|d| dash_text(&d))
}

/// The dash lengths in pixels of a status at a stroke width (see [`dasharray`]).
pub fn dash_pattern(status: ClaimStatus, width: f64) -> Option<[f64; 4]> {
    let unit = crate::math::clamp(width, 2.0, 3.5);
    status_dash(status).map(|d| d.map(|v| v * unit))
}

/// Dash lengths as `stroke-dasharray` text.
pub fn dash_text(pattern: &[f64; 4]) -> String {
    pattern.iter().map(|v| crate::decimal::Fixed(*v, 1).to_string()).collect::<Vec<_>>().join(" ")
}
