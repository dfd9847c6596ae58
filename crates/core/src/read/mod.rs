//! Reading a dataset's text item by item: the top level and `meta` must be usable, but a
//! location, category, source, speaker, flow or event that cannot be read (a wrong type, a
//! missing or unknown field, a number out of range) is left out, reported as a [`Problem`]
//! with its JSON path, line and column, and the rest is read.
//!
//! The top level is parsed once, keeping each member as raw text (`document.rs`; a text
//! that is not JSON is explained by `syntax.rs`); each list item is then read on its own,
//! and its errors are put in an editor's words (`explain.rs`, with what was found from
//! `found.rs`) at their place in the whole text (`position.rs`). Version 1 documents are read the same
//! way, item by item, and each item migrated ([`crate::migrate`]).

mod document;
mod explain;
mod found;
mod position;
mod syntax;

use crate::dataset::LoadError;
use crate::json_path::JsonPath;
use crate::migrate::{self, FlowV1, SourceV1};
use crate::model::{Flow, Meta, RawDataset, Source, Speaker, FORMAT_VERSION};
use crate::validate::Problem;
use document::Document;
pub use explain::Explained;
use explain::Reading;
use found::describe;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::marker::PhantomData;

/// A document as read: what could be read, what could not, and where each item was.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    /// The items that could be read (in the current format), not yet checked.
    pub raw: RawDataset,
    /// The items left out, and the top-level members ignored, with why.
    pub problems: Vec<Problem>,
    /// Where the items read were in the document.
    pub origin: Origin,
    /// The format version the document was written in.
    pub version: u32,
}

/// Where the items of a dataset were in the document it was read from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origin {
    /// For a list ("flows"), the position in the document of each item read, in order; a
    /// list not named here is as written.
    pub positions: Vec<(&'static str, Vec<usize>)>,
    /// Ids of the items left out as unreadable, so that references to them say so.
    pub left_out: HashSet<String>,
}

impl Origin {
    /// The path in the document of item `i` of `list` as read.
    pub fn path(&self, list: &'static str, i: usize) -> JsonPath {
        let of = self.positions.iter().find(|(l, _)| *l == list);
        let at = of.and_then(|(_, p)| p.get(i)).copied().unwrap_or(i);
        JsonPath::root().key(list).index(at)
    }
}

/// The top-level members of each format version.
const MEMBERS_V2: [&str; 10] = [
    "$schema",
    "version",
    "meta",
    "locations",
    "categories",
    "sources",
    "speakers",
    "flows",
    "events",
    "story",
];
const MEMBERS_V1: [&str; 8] =
    ["$schema", "version", "meta", "locations", "categories", "sources", "flows", "events"];

/// Reads `text` (any version this build reads); `file` names it in messages.
///
/// # Examples
/// ```
/// use flowmap_core::read::read;
/// let text = r#"{"version": 2, "meta": {"title": "T"}, "locations": [{"id": "SRB", "name": "Serbia"},
///   {"id": "UKR", "name": 7}], "categories": [], "sources": [], "flows": []}"#;
/// let r = read("t.json", text).unwrap();
/// assert_eq!(r.raw.locations.len(), 1);
/// assert_eq!(r.problems[0].path, "locations[1].name");
/// assert!(r.problems[0].message.starts_with("name must be text, or text per language"));
/// ```
pub fn read(file: &str, text: &str) -> Result<Read, LoadError> {
    read_with::<Full>(file, text)
}

/// [`read`] for plain documents: in the current format, every item readable. Any other is
/// refused with [`LoadError::NotPlain`] (a version 1 document before its items are read),
/// for [`read`] to read. Without the code that migrates version 1 lists and explains what
/// cannot be read, which the map fetches only when it meets such a document (its
/// src/lazy.rs).
pub fn read_plain(file: &str, text: &str) -> Result<Read, LoadError> {
    read_with::<Plain>(file, text)
}

/// A document's sources, speakers and flows.
type Lists = (Vec<Source>, Vec<Speaker>, Vec<Flow>);

/// What [`read`] has and [`read_plain`] has not: a reader of each kind is code of its own
/// (generic, not a function pointer, so that the plain reader's code has none of it).
trait Extra: Sized {
    /// The sources, speakers and flows of a version 1 document, each migrated.
    fn old(r: &mut Reader<Self>) -> Result<Lists, LoadError>;
    /// Why an item could not be read; `None` when this reader leaves that to the full one.
    fn explain(text: &str, e: &serde_json::Error, reading: Reading) -> Option<Explained>;
}

/// The full reader ([`read`]).
struct Full;

impl Extra for Full {
    fn old(r: &mut Reader<Full>) -> Result<Lists, LoadError> {
        old_lists(r)
    }
    fn explain(text: &str, e: &serde_json::Error, reading: Reading) -> Option<Explained> {
        Some(explain::item(text, e, reading))
    }
}

/// The plain reader ([`read_plain`]).
struct Plain;

impl Extra for Plain {
    fn old(r: &mut Reader<Plain>) -> Result<Lists, LoadError> {
        Err(r.not_plain())
    }
    fn explain(_: &str, _: &serde_json::Error, _: Reading) -> Option<Explained> {
        None
    }
}

/// [`read`] or [`read_plain`], as `E` is.
fn read_with<E: Extra>(file: &str, text: &str) -> Result<Read, LoadError> {
    let mut problems = Vec::new();
    let doc = Document::parse(file, text, &mut problems)?;
    let version = version(&doc)?;
    let members: &[&str] = if version == 1 { &MEMBERS_V1 } else { &MEMBERS_V2 };
    let unknown: Vec<&str> = doc.keys().filter(|k| !members.contains(k)).collect();
    // Each named up to a point; past it, counted (a top level of a million unknown keys must
    // not make a million problems).
    const NAMED: usize = 20;
    if unknown.len() > NAMED {
        problems.push(Problem {
            path: JsonPath::root(),
            message: format!(
                "the top level has {} members a dataset does not have; they are ignored (the first {NAMED} are listed below)",
                unknown.len()
            ),
            warning: false,
        });
    }
    for key in unknown.into_iter().take(NAMED) {
        problems.push(Problem {
            path: JsonPath::root().key(key),
            message: format!(
                "a dataset has no member \"{key}\"; it is ignored (the members are {})",
                members.join(", ")
            ),
            warning: false,
        });
    }
    let mut r =
        Reader::<E> { doc, version, problems, origin: Origin::default(), extra: PhantomData };
    let meta = r.meta()?;
    let schema = r.schema()?;
    let locations = r.list("locations", "location", true)?;
    let categories = r.list("categories", "category", true)?;
    let (sources, speakers, flows) = if version == 1 {
        E::old(&mut r)?
    } else {
        let sources = r.list("sources", "source", true)?;
        let speakers = r.list("speakers", "speaker", false)?;
        (sources, speakers, r.list("flows", "flow", true)?)
    };
    let events = r.list("events", "event", false)?;
    let story = if version == 1 { Vec::new() } else { r.list("story", "story step", false)? };
    let raw = RawDataset {
        schema,
        version: FORMAT_VERSION,
        meta,
        locations,
        categories,
        sources,
        speakers,
        flows,
        events,
        story,
    };
    Ok(Read { raw, problems: r.problems, origin: r.origin, version })
}

/// The document's format version; the current one when it gives none.
fn version(doc: &Document) -> Result<u32, LoadError> {
    let Some(raw) = doc.get("version") else { return Ok(FORMAT_VERSION) };
    let version = serde_json::from_str::<u32>(raw.get()).map_err(|_| {
        let found = describe(raw.get());
        doc.shape(
            JsonPath::root().key("version"),
            doc.position(raw.get()),
            format!("version must be a whole number, 1 to {FORMAT_VERSION}; found {found}"),
        )
    })?;
    if version == 0 || version > FORMAT_VERSION {
        return Err(LoadError::Version {
            file: doc.file.into(),
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    Ok(version)
}

/// [`Extra::old`] of the full reader: version 1 sources become a source and a speaker each.
fn old_lists(r: &mut Reader<Full>) -> Result<Lists, LoadError> {
    let sources: Vec<SourceV1> = r.list("sources", "source", true)?;
    // Each flow migrated as it is read, rather than a list of old flows and then a new one.
    let mut flows = Vec::new();
    let mut read = |text: &str, items: usize| {
        serde_json::from_str::<FlowV1>(text).map(|f| room(&mut flows, items).push(migrate::flow(f)))
    };
    r.each("flows", "flow", true, &mut read)?;
    // Speaker i is made from source i.
    let at = r.origin.positions.iter().find(|(l, _)| *l == "sources").map(|(_, p)| p.clone());
    r.origin.positions.push(("speakers", at.unwrap_or_default()));
    let (sources, speakers) = sources.into_iter().map(migrate::source).unzip();
    Ok((sources, speakers, flows))
}

/// Reads the members of one document, collecting the problems of the items left out.
/// Why a meta object (`text`, JSON that parses: a CSV import's meta file) could not be read,
/// in the same words as the meta of a dataset.
pub fn explain_meta(text: &str, e: &serde_json::Error) -> Explained {
    explain::item(text, e, Reading { kind: "meta", version: FORMAT_VERSION })
}

/// The `id` of an item's text, when it has one that is text.
/// `kept`, with room for the `items` of its list once the first is read: a list grown item by
/// item keeps room for up to twice as many (at 100,000 flows, tens of megabytes), and has
/// held its old and new room at once.
fn room<T>(kept: &mut Vec<T>, items: usize) -> &mut Vec<T> {
    if kept.capacity() == 0 {
        kept.reserve_exact(items);
    }
    kept
}

fn id_of(item: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Named {
        id: String,
    }
    serde_json::from_str::<Named>(item).ok().map(|n| n.id)
}

struct Reader<'a, E> {
    doc: Document<'a>,
    version: u32,
    problems: Vec<Problem>,
    origin: Origin,
    extra: PhantomData<E>,
}

impl<E: Extra> Reader<'_, E> {
    /// The graphic's texts: the document cannot be shown without them.
    fn meta(&self) -> Result<Meta, LoadError> {
        let at = JsonPath::root().key("meta");
        let Some(raw) = self.doc.get("meta") else {
            return Err(self.doc.shape(
                JsonPath::root(),
                position::Position { line: 1, column: 1 },
                "a dataset needs \"meta\", with the graphic's title: \"meta\": {\"title\": …}"
                    .into(),
            ));
        };
        serde_json::from_str(raw.get()).map_err(|e| {
            let reading = Reading { kind: "meta", version: self.version };
            let Some(why) = E::explain(raw.get(), &e, reading) else { return self.not_plain() };
            let path = at.join(&why.path);
            let pos = self.doc.position(raw.get()).within(why.line, why.column);
            self.doc.shape(path, pos, why.message)
        })
    }

    /// The link to the JSON Schema, if given as text.
    fn schema(&self) -> Result<Option<String>, LoadError> {
        let Some(raw) = self.doc.get("$schema") else { return Ok(None) };
        serde_json::from_str::<Option<String>>(raw.get()).map_err(|_| {
            let found = describe(raw.get());
            self.doc.shape(
                JsonPath::root().key("$schema"),
                self.doc.position(raw.get()),
                format!("$schema must be text (a link to flows.schema.json); found {found}"),
            )
        })
    }

    /// The items of the list `key` (of `kind`s) that can be read; the others are reported
    /// and left out. A list that is missing (when `required`) or is not a list makes the
    /// document unusable.
    fn list<T: DeserializeOwned>(
        &mut self,
        key: &'static str,
        kind: &'static str,
        required: bool,
    ) -> Result<Vec<T>, LoadError> {
        let mut kept = Vec::new();
        let mut read = |text: &str, items: usize| {
            serde_json::from_str(text).map(|t| room(&mut kept, items).push(t))
        };
        self.each(key, kind, required, &mut read)?;
        Ok(kept)
    }

    /// [`Reader::list`] for any kind: `read` keeps an item that it can read (it is given the
    /// item's text and how many items the list has). The same code for every kind, but for
    /// `read`.
    fn each(
        &mut self,
        key: &'static str,
        kind: &'static str,
        required: bool,
        read: &mut dyn FnMut(&str, usize) -> Result<(), serde_json::Error>,
    ) -> Result<(), LoadError> {
        let Some(raw) = self.doc.get(key) else {
            if required {
                return Err(self.doc.shape(
                    JsonPath::root(),
                    position::Position { line: 1, column: 1 },
                    format!("a dataset needs \"{key}\", a list of {kind}s (it may be empty, [])"),
                ));
            }
            return Ok(());
        };
        let items: Vec<&RawValue> = serde_json::from_str(raw.get()).map_err(|_| {
            let found = describe(raw.get());
            self.doc.shape(
                JsonPath::root().key(key),
                self.doc.position(raw.get()),
                format!("{key} must be a list of {kind}s, [ … ]; found {found}"),
            )
        })?;
        let mut items = items;
        if let Some(past) = crate::limits::past_limit(key, items.len()) {
            self.problems.push(past);
            // What refers to an item past the limit says it was left out, not undefined.
            let past = items.split_off(crate::limits::limit_of(key));
            self.origin.left_out.extend(past.iter().filter_map(|item| id_of(item.get())));
        }
        let reading = Reading { kind, version: self.version };
        let mut at = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match read(item.get(), items.len()) {
                Ok(()) => at.push(i),
                Err(e) => self.leave_out(key, kind, i, item, &e, reading)?,
            }
        }
        self.origin.positions.push((key, at));
        Ok(())
    }

    /// [`LoadError::NotPlain`] for this document.
    fn not_plain(&self) -> LoadError {
        LoadError::NotPlain { file: self.doc.file.into() }
    }

    /// Reports item `i` of `list`, which could not be read (refused by [`read_plain`]).
    fn leave_out(
        &mut self,
        list: &'static str,
        kind: &str,
        i: usize,
        item: &RawValue,
        e: &serde_json::Error,
        reading: Reading,
    ) -> Result<(), LoadError> {
        let Some(why) = E::explain(item.get(), e, reading) else { return Err(self.not_plain()) };
        let pos = self.doc.position(item.get()).within(why.line, why.column);
        let id = id_of(item.get());
        let named = id.as_ref().map_or(String::new(), |id| format!(" \"{id}\""));
        let gone = if list == "flows" { "not shown" } else { "left out" };
        self.problems.push(Problem {
            path: JsonPath::root().key(list).index(i).join(&why.path),
            message: format!(
                "{} (line {}, column {}; {kind}{named} {gone})",
                why.message, pos.line, pos.column
            ),
            warning: false,
        });
        self.origin.left_out.extend(id);
        Ok(())
    }
}
