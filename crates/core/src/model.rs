//! The dataset document: locations, sources, categories and source-tagged flows.
//!
//! This is the serialised form (see `docs/data-format.md`); [`crate::dataset`] resolves
//! and checks it.

use crate::date::{PartialDate, Period};
use crate::i18n::{tr, Lang, Msg};
use crate::text::Localized;
use serde::{Deserialize, Serialize};

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole dataset as written in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    /// Link to the JSON Schema, for editors (`flows.schema.json`); ignored by the map.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version, [`FORMAT_VERSION`].
    pub version: u32,
    /// Title, notes and credits of the graphic.
    pub meta: Meta,
    /// Countries (and other places) flows start, pass through or end at.
    pub locations: Vec<Location>,
    /// Kinds of goods; the order sets the legend order and colours.
    pub categories: Vec<Category>,
    /// The reporting the flows rest on.
    pub sources: Vec<Source>,
    /// Who ships what to whom.
    pub flows: Vec<Flow>,
    /// Dated events shown alongside the flows.
    #[serde(default)]
    pub events: Vec<Event>,
}

/// Texts that frame the graphic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Headline above the map.
    pub title: Localized,
    /// Line under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Localized>,
    /// Notes under the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Localized>,
    /// Who made the graphic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Localized>,
    /// The graphic's language (a tag such as `en` or `sr-Latn`) unless the page asks for
    /// another with `?lang=`; when absent, the reader's browser language is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Location ids the map is fitted to; the others are drawn at the map's edge, in their
    /// direction. All locations when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus: Vec<String>,
}

/// A place on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// ISO 3166-1 alpha-3 code (`XKX` for Kosovo); also the key into the map geometry.
    pub id: String,
    /// Display name.
    pub name: Localized,
    /// Where flows attach, `[longitude, latitude]`; defaults to the country's centre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<[f64; 2]>,
}

/// A kind of goods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Identifier used by flows.
    pub id: String,
    /// Legend label.
    pub name: Localized,
}

/// What kind of reporting a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// An investigation of customs or trade records.
    CustomsRecords,
    /// A government or institution speaking for itself.
    OfficialStatement,
    /// A claim by an intelligence service.
    IntelligenceClaim,
    /// A news outlet's own estimate.
    NewsEstimate,
    /// News reporting of events or statements.
    NewsReport,
    /// An analysis compiled from secondary sources.
    Analysis,
}

impl SourceKind {
    /// Words for readers, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        tr(
            lang,
            match self {
                SourceKind::CustomsRecords => Msg::KindCustoms,
                SourceKind::OfficialStatement => Msg::KindOfficial,
                SourceKind::IntelligenceClaim => Msg::KindIntelligence,
                SourceKind::NewsEstimate => Msg::KindEstimate,
                SourceKind::NewsReport => Msg::KindNews,
                SourceKind::Analysis => Msg::KindAnalysis,
            },
        )
    }
}

/// A piece of reporting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier used by citations.
    pub id: String,
    /// Who published it.
    pub outlet: String,
    /// The outlet or body it relies on, if any (e.g. "RFE/RL's Balkan Service").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cites: Option<String>,
    /// Headline.
    pub title: String,
    /// Publication date, as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Link, when the article gives one; only http(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Kind of reporting.
    pub kind: SourceKind,
}

/// How solid the journalist judges a flow to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimStatus {
    /// Shown by records or official data.
    Documented,
    /// A news outlet's estimate or reporting.
    Reported,
    /// Claimed by a party with a stake in it.
    Alleged,
    /// Denied by the accused.
    Denied,
    /// Resting only on a secondary analysis whose sources could not be checked.
    Unverified,
}

impl ClaimStatus {
    /// The name used in data files and links.
    pub fn key(self) -> &'static str {
        match self {
            ClaimStatus::Documented => "documented",
            ClaimStatus::Reported => "reported",
            ClaimStatus::Alleged => "alleged",
            ClaimStatus::Denied => "denied",
            ClaimStatus::Unverified => "unverified",
        }
    }

    /// What the status means, for the legend and the detail panel, in `lang`.
    pub fn explanation(self, lang: Lang) -> String {
        tr(
            lang,
            match self {
                ClaimStatus::Documented => Msg::ExplainDocumented,
                ClaimStatus::Reported => Msg::ExplainReported,
                ClaimStatus::Alleged => Msg::ExplainAlleged,
                ClaimStatus::Denied => Msg::ExplainDenied,
                ClaimStatus::Unverified => Msg::ExplainUnverified,
            },
        )
    }

    /// Words for readers, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        tr(
            lang,
            match self {
                ClaimStatus::Documented => Msg::StatusDocumented,
                ClaimStatus::Reported => Msg::StatusReported,
                ClaimStatus::Alleged => Msg::StatusAlleged,
                ClaimStatus::Denied => Msg::StatusDenied,
                ClaimStatus::Unverified => Msg::StatusUnverified,
            },
        )
    }
}

/// How a stated amount is qualified in the reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// "at least".
    AtLeast,
    /// "about", "approximately".
    About,
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Amount in whole currency units.
    pub amount: f64,
    /// ISO 4217 code.
    pub currency: String,
    /// "at least", "about".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
}

/// The literal `"undisclosed"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Undisclosed {
    /// No figure is given in the reporting.
    Undisclosed,
}

/// The value of a flow, or `"undisclosed"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FlowValue {
    /// A stated amount.
    Known(Money),
    /// No figure is given in the reporting.
    Undisclosed(Undisclosed),
}

/// Named companies or bodies at each end and along the route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Actors {
    /// On the sending side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<String>,
    /// At the intermediaries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// On the receiving side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<String>,
}

/// Whether a citation backs a flow or speaks against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// The source says the flow happened.
    #[default]
    Supports,
    /// The source denies or questions it (e.g. the accused says no).
    Disputes,
}

impl Stance {
    fn is_default(&self) -> bool {
        *self == Stance::Supports
    }
}

/// A source and the sentence in it about a flow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Id of the source.
    pub source: String,
    /// The sentence, verbatim.
    pub quote: String,
    /// Whether it backs or disputes the flow; backs it when absent.
    #[serde(default, skip_serializing_if = "Stance::is_default")]
    pub stance: Stance,
}

/// Goods moving from one place to another, possibly through intermediaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Identifier, stable across edits (used in links).
    pub id: String,
    /// Origin location id.
    pub from: String,
    /// Destination location id.
    pub to: String,
    /// Intermediary location ids, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// Category id.
    pub category: String,
    /// Value, or `"undisclosed"`.
    pub value: FlowValue,
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Named companies or bodies.
    #[serde(default)]
    pub actors: Actors,
    /// What moves, in a short phrase.
    pub description: Localized,
    /// How solid the claim is.
    pub status: ClaimStatus,
    /// The reporting behind the flow.
    pub citations: Vec<Citation>,
    /// Caveats shown with the flow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
}

/// Something that happened on a date, shown on the time line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// When.
    pub date: PartialDate,
    /// What happened.
    pub label: Localized,
    /// Sources reporting it.
    #[serde(default)]
    pub sources: Vec<String>,
}
