//! The dataset document: locations, sources, categories and source-tagged flows.
//!
//! This is the serialised form (see `docs/data-format.md`); [`crate::dataset`] resolves
//! and checks it.

use crate::date::{PartialDate, Period};
pub use crate::places::PlaceKind;
use crate::text::Localized;
use serde::{Deserialize, Serialize};

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 2;

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
    /// The publications the flows rest on.
    pub sources: Vec<Source>,
    /// Whose statements the citations quote.
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    /// Who ships what to whom.
    pub flows: Vec<Flow>,
    /// Dated events shown alongside the flows.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Guided steps through the map ([`crate::story`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<crate::story::Step>,
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
    /// The picture a link to the graphic shows when shared (its social card): an http(s)
    /// address or a path relative to the page. Without it, the bundled dataset shows the
    /// picture made at build time, another dataset none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// A place on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// A country's ISO 3166-1 alpha-3 code (`XKX` for Kosovo), the key into the map geometry;
    /// any other id for a city, port or airport (with its `point`).
    pub id: String,
    /// Display name.
    pub name: Localized,
    /// Where flows attach, `[longitude, latitude]`; defaults to the country's centre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<[f64; 2]>,
    /// What the place is (a city, an airport); see [`PlaceKind::of`] when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PlaceKind>,
    /// Other names a reader may search for (a short or former name, a name in a language
    /// the dataset's names do not give), in any language; never shown on the map.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<String>,
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

/// What kind of publication a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// An investigation of customs or trade records.
    CustomsRecords,
    /// A government or institution speaking for itself.
    OfficialStatement,
    /// A statement published by an intelligence service.
    IntelligenceClaim,
    /// A news outlet's own estimate.
    NewsEstimate,
    /// News reporting of events or statements.
    NewsReport,
    /// An analysis compiled from secondary sources.
    Analysis,
    /// A dataset, such as a statistics office's table.
    Dataset,
}

/// A publication: where a statement appears (an article, a report, a dataset).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier used by citations.
    pub id: String,
    /// Who published it: a name ("RKS News"), or words per language where the outlet is
    /// described rather than named.
    pub outlet: Localized,
    /// Headline as published; absent when the publication has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date, as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Link, when the article gives one; only http(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Kind of publication.
    pub kind: SourceKind,
}

/// What a speaker is: it decides how solid a claim resting on them can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerKind {
    /// An investigation of customs, trade or other records.
    Records,
    /// Official statistics or data (a statistics office, a customs service's figures).
    OfficialData,
    /// A government, ministry, head of state or public body.
    Government,
    /// An intelligence service.
    Intelligence,
    /// A news outlet's own reporting or estimate.
    NewsOutlet,
    /// An analyst, think tank or analysis.
    Analyst,
    /// A company.
    Company,
    /// Anyone else.
    Other,
}

impl SpeakerKind {
    /// True for records and official data: the speakers a documented flow needs.
    pub fn documents(self) -> bool {
        matches!(self, SpeakerKind::Records | SpeakerKind::OfficialData)
    }
}

/// The body or person whose statement a citation quotes (not the outlet reporting it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Identifier used by citations.
    pub id: String,
    /// Name shown to readers ("Russia's Foreign Intelligence Service (SVR)").
    pub name: Localized,
    /// What the speaker is.
    pub kind: SpeakerKind,
    /// The speaker's stake in what they say, where one is plain ("a party to the war").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stake: Option<Localized>,
    /// True when the name is plural ("Serbian officials"), so that verbs agree with it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub plural: bool,
}

/// How solid the journalist judges a flow to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimStatus {
    /// Shown by records or official data.
    Documented,
    /// A news outlet's estimate or reporting, or an official body's statement.
    Reported,
    /// Claimed by a party with a stake in it.
    Alleged,
    /// Denied by the accused.
    Denied,
    /// Resting only on a secondary analysis whose sources could not be checked.
    Unverified,
}

impl ClaimStatus {
    /// Every claim status, from the most to the least solid (the legend's order).
    pub const ALL: [ClaimStatus; 5] = [
        ClaimStatus::Documented,
        ClaimStatus::Reported,
        ClaimStatus::Alleged,
        ClaimStatus::Denied,
        ClaimStatus::Unverified,
    ];

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
}

/// What a stated figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The whole amount, as stated.
    #[default]
    Total,
    /// A lower bound: "at least".
    Minimum,
    /// An estimate: "about", "approximately".
    Estimate,
    /// A part of a larger stated figure (see [`Quantity::of`]).
    Part,
}

impl Basis {
    fn is_total(&self) -> bool {
        *self == Basis::Total
    }
}

/// A share of a stated figure, or the figure a part belongs to: "$54.3 million of high-priority items".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Amount, in the same currency or unit as the value it belongs to.
    pub amount: f64,
    /// What the amount is ("high-priority electronics and equipment").
    pub what: Localized,
}

/// A stated figure: money (with `currency`) or a quantity of something else (with `unit`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// Amount in whole currency units, or in `unit`s.
    pub amount: f64,
    /// ISO 4217 code, for money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// What is counted, for anything but money: `tonnes`, `rounds`, `shells`, `units`,
    /// `cubic-metres`, `flights`, or any word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What the figure measures; a total when absent.
    #[serde(default, skip_serializing_if = "Basis::is_total")]
    pub basis: Basis,
    /// Parts of the amount the reporting states ("of which $54.3 million …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// The larger figure this one is part of (with basis `part`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<Part>,
}

impl Quantity {
    /// Money: an amount in a currency, with basis total.
    pub fn money(amount: f64, currency: &str) -> Quantity {
        Quantity {
            amount,
            currency: Some(currency.into()),
            unit: None,
            basis: Basis::Total,
            parts: Vec::new(),
            of: None,
        }
    }

    /// The currency code or the unit: what amounts are in. Two figures can be added only
    /// when this is the same.
    pub fn measure(&self) -> &str {
        self.currency.as_deref().or(self.unit.as_deref()).unwrap_or("")
    }

    /// True for an amount of money.
    pub fn is_money(&self) -> bool {
        self.currency.is_some()
    }
}

/// The literal `"undisclosed"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Undisclosed {
    /// No figure is given in the reporting.
    Undisclosed,
}

/// The value of a flow, or `"undisclosed"`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FlowValue {
    /// A stated figure.
    Known(Quantity),
    /// No figure is given in the reporting.
    Undisclosed(Undisclosed),
}

/// Read by hand rather than as an untagged enum, so that a mistake inside a figure is
/// reported where it is (`value.amount`), not as a value matching neither form.
impl<'de> Deserialize<'de> for FlowValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match figure_or_undisclosed(d)? {
            Some(q) => FlowValue::Known(q),
            None => FlowValue::Undisclosed(Undisclosed::Undisclosed),
        })
    }
}

/// Reads a figure (an object read as `T`), or the text `"undisclosed"` as `None`.
pub(crate) fn figure_or_undisclosed<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct FigureOr<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for FigureOr<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a figure, {\"amount\": …, \"currency\": …}, or \"undisclosed\"")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            match s {
                "undisclosed" => Ok(None),
                _ => Err(E::invalid_value(serde::de::Unexpected::Str(s), &self)),
            }
        }
        fn visit_map<M: serde::de::MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
            T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Some)
        }
    }
    d.deserialize_any(FigureOr(std::marker::PhantomData))
}

impl FlowValue {
    /// The stated figure, if any.
    pub fn known(&self) -> Option<&Quantity> {
        match self {
            FlowValue::Known(q) => Some(q),
            FlowValue::Undisclosed(_) => None,
        }
    }
}

/// Named companies or bodies at each end and along the route: names as text, so that a
/// described body ("Polish Government Strategic Reserves Agency") can be translated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Actors {
    /// On the sending side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<Localized>,
    /// At the intermediaries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<Localized>,
    /// On the receiving side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Localized>,
}

/// What a speaker does with a flow in the quoted sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// Says it happened.
    Claims,
    /// Finds it in records or data (an investigation, a statistics office).
    Finds,
    /// Confirms it (typically from records or an official position).
    Confirms,
    /// Puts a figure on it as an estimate.
    Estimates,
    /// Admits it, being the party concerned.
    Acknowledges,
    /// Says it did not happen.
    Denies,
    /// Questions or deflects it without a flat denial.
    Disputes,
}

impl Stance {
    /// Every stance, supporting ones first.
    pub const ALL: [Stance; 7] = [
        Stance::Claims,
        Stance::Finds,
        Stance::Confirms,
        Stance::Estimates,
        Stance::Acknowledges,
        Stance::Denies,
        Stance::Disputes,
    ];

    /// True for denies and disputes: the speaker speaks against the flow.
    pub fn is_against(self) -> bool {
        matches!(self, Stance::Denies | Stance::Disputes)
    }

    /// The name used in data files.
    pub fn key(self) -> &'static str {
        match self {
            Stance::Claims => "claims",
            Stance::Finds => "finds",
            Stance::Confirms => "confirms",
            Stance::Estimates => "estimates",
            Stance::Acknowledges => "acknowledges",
            Stance::Denies => "denies",
            Stance::Disputes => "disputes",
        }
    }
}

/// One statement about a flow: who says it (speaker), where (source), how (stance), and the
/// sentence, verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Id of the publication it appears in.
    pub source: String,
    /// Id of the speaker whose statement it is.
    pub speaker: String,
    /// What the speaker does with the flow.
    pub stance: Stance,
    /// The sentence, verbatim. A citation of a `dataset` source may leave it out and name
    /// its `series` instead.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// The table or series of a `dataset` source the figure comes from ("Exports by
    /// partner country, HS 93").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}
