//! The graphic's parts.

pub mod canvas_painter;
pub mod chooser;
pub mod filters;
pub mod flow_arc;
pub mod flow_canvas;
pub mod graphic;
pub mod legend;
pub mod map;
pub mod panel;
pub mod phone;
pub mod picking;
pub mod player;
pub mod publish;
pub mod roving;
pub mod search;
pub mod skip;
pub mod stage;
pub mod story;
pub mod table;
pub mod tooltip;
pub mod zoom;
