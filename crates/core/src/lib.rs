//! The flow map's core: everything that needs no browser.
//!
//! - Data: [`model`] (the JSON document), [`dataset`] (reading and checking it),
//!   [`validate`] (every check, with JSON paths), [`text`] (languages), [`date`] (partial
//!   dates and periods).
//! - Geometry: [`atlas`] (the compact country asset), [`projection`] (conic equal-area,
//!   fitted), [`path`] (SVG path data), [`arc`] (curved arrows).
//! - Presentation: [`layout`] (what the map draws), [`scale`] (widths), [`labels`], [`zoom`],
//!   [`describe`] (words for flows), [`totals`], [`palette`], [`format`] (numbers and money per locale), [`i18n`] (interface languages), [`export`] (SVG, CSV, JSON).
//! - Reader's state: [`table`] (sorting), [`filter`], [`timeline`], [`view_state`] (the URL hash), [`query`] (`?data=`).

pub mod arc;
pub mod atlas;
pub mod batch;
pub mod claims;
pub mod dataset;
pub mod date;
pub mod describe;
pub mod export;
pub mod filter;
pub mod format;
pub mod i18n;
pub mod json_path;
pub mod labels;
pub mod layout;
pub mod migrate;
pub mod model;
pub mod palette;
pub mod path;
pub mod pick;
pub mod projection;
pub mod quantity;
pub mod query;
pub mod scale;
pub mod table;
pub mod text;
pub mod timeline;
pub mod totals;
pub mod validate;
pub mod view_state;
pub mod zoom;
