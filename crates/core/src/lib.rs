//! The flow map's core: everything that needs no browser, by stage.
//!
//! - **Data**: [`model`] (the JSON document, format 2), [`migrate`] (format 1 read as 2),
//!   [`dataset`] (reading it: [`dataset::Dataset::from_json`]), [`read`] (item by item, in
//!   an editor's words), [`limits`] (what the map accepts), [`json_path`] (where a
//!   problem is), [`validate`] (every check, by JSON path), [`quantity`] (checks of
//!   figures), [`claims`] (claim status against the citations), [`text`] (text per
//!   language), [`date`] (partial dates and periods).
//! - **Geometry**: [`atlas`] (the compact country asset), [`region`] (the region a
//!   dataset needs, outlines cut to it), [`world`] (outlines for any region, by file), [`projection`] (conic equal-area,
//!   fitted), [`path`] (SVG path data), [`path_sink`] (where traced paths go: SVG text or a
//!   canvas), [`arc`] (curved arrows).
//! - **Layout**: [`layout`] (what the map draws: a plan, then a layout per size and zoom),
//!   [`scale`] (widths), [`labels`] (without collisions; [`annotate`] places a story's callouts the same way; [`box_grid`] finds the boxes nearby), [`zoom`], [`batch`] (canvas
//!   strokes by style), [`frames`] (a canvas painting sliced over frames), [`sort`] (one sort for every list), [`focusable`]
//!   (the flows a canvas map keeps in the SVG), [`roving`] (the map as one Tab stop: its
//!   flows and places in arrow-key order), [`pick`] (the flow under the pointer, the flows under a finger),
//!   [`phone`] (the map's frame on a phone),
//!   [`palette`] (colours and dashes).
//! - **Words**: [`describe`] (who says so, routes, accessible names, credits), [`decimal`] (numbers
//!   as Rust writes them, by the browser in WebAssembly), [`format`](mod@format)
//!   (numbers, money and units per locale), [`totals`] (what a place sends and receives),
//!   [`i18n`] (interface languages), [`words`] (words for the model's kinds).
//! - **Reader's state**: [`filter`], [`timeline`], [`table`] (sorting), [`view_state`] (the
//!   URL hash), [`query`] (`?data=`), [`story`] (guided steps and their views).
//! - **Export**: [`export`] (SVG, CSV, JSON of what is shown), [`page_meta`] (the page's
//!   title, description and social card).
//! - **Import** (feature `sheets`): `sheets` (CSV sheets from a spreadsheet → a dataset,
//!   problems by sheet, row and column).

pub use dataset::{Dataset, LoadError, Problem};
pub use json_path::JsonPath;
pub use model::{ClaimStatus, Flow, RawDataset, Stance};

pub mod annotate;
pub mod arc;
pub mod atlas;
pub mod batch;
pub mod box_grid;
pub mod bundle;
pub mod claims;
pub mod cluster;
pub mod dataset;
pub mod date;
pub mod decimal;
pub mod describe;
pub mod dots;
#[cfg(feature = "sheets")]
pub mod editor;
pub mod export;
pub mod filter;
pub mod flow_codes;
pub mod focusable;
pub mod format;
pub mod frames;
pub mod i18n;
pub mod json_path;
pub mod labels;
pub mod layout;
pub mod legend;
pub mod limits;
pub mod math;
pub mod migrate;
pub mod model;
pub mod page_meta;
pub mod palette;
pub mod path;
pub mod path_sink;
pub mod phone;
pub mod pick;
pub mod places;
pub mod player;
pub mod projection;
pub mod quantity;
pub mod query;
pub mod read;
pub mod region;
pub mod roving;
pub mod scale;
pub mod search;
#[cfg(feature = "sheets")]
pub mod sheets;
pub mod sort;
pub mod story;
pub mod table;
pub mod text;
pub mod timeline;
pub mod totals;
pub mod validate;
pub mod view_state;
pub mod words;
pub mod world;
pub mod zoom;
