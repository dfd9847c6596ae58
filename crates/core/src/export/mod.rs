//! What the reader can download: the flows shown as CSV or JSON ([`csv`](fn@csv), [`json`]),
//! and the current view as a standalone SVG document ([`svg`](fn@svg)) that says, without the
//! page around it, what it shows: title, the filters on, the legend, notes, sources and
//! credits ([`Frame`]); and the page's first frame, drawn at build time ([`first_frame`]).

mod csv;
mod filters;
mod first_frame;
mod frame;
mod svg;
mod text;

pub use csv::{csv, json};
pub use filters::filters_in_words;
pub use first_frame::{first_frame, NARROW_SIZE, WIDE_WIDTH};
pub use frame::{Frame, LegendSection, Swatch};
pub use svg::svg;
pub use text::{text_width, wrap, xml_escape};
