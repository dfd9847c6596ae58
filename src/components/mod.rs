//! The graphic's parts.

pub mod graphic;
pub mod legend;
pub mod map;
pub mod tooltip;
