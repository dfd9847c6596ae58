//! Format version 1, read item by item ([`crate::read`]) and each item turned into the
//! current form.
//!
//! Version 1 gave each source one `cites` body and each citation a stance of `supports` or
//! `disputes`; money had a `qualifier`. Version 2 names the speaker of every citation, so
//! one article can carry an accusation and its denial. A version 1 source becomes a
//! publication and a speaker (the body it cited, else its outlet), with the same id;
//! `supports` becomes `claims`, `disputes` `denies` on a flow marked denied (else
//! `disputes`), `at-least` a minimum and `about` an estimate.
//!
//! # Examples
//! ```
//! use flowmap_core::dataset::Dataset;
//! let v1 = r#"{"version": 1, "meta": {"title": "T"},
//!   "locations": [{"id": "SRB", "name": "Serbia"}, {"id": "UKR", "name": "Ukraine"}],
//!   "categories": [{"id": "arms", "name": "Arms"}],
//!   "sources": [{"id": "s", "outlet": "RKS News", "cites": "Russia's SVR", "title": "T", "kind": "intelligence-claim"}],
//!   "flows": [{"id": "a", "from": "SRB", "to": "UKR", "category": "arms", "value": "undisclosed",
//!     "description": "kits", "status": "alleged", "citations": [{"source": "s", "quote": "q"}]}]}"#;
//! let d = Dataset::from_json("v1.json", v1).unwrap();
//! assert_eq!(d.read_version, 1);
//! assert_eq!(d.raw.speakers[0].name.get("en"), "Russia's SVR");
//! assert_eq!(d.raw.flows[0].citations[0].speaker, "s");
//! ```

use crate::date::{PartialDate, Period};
use crate::model::{self, Actors, Basis, ClaimStatus, SourceKind, SpeakerKind, Stance};
use crate::text::Localized;
use serde::Deserialize;

/// A version 1 source: a publication and the body it cites in one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceV1 {
    id: String,
    outlet: String,
    #[serde(default)]
    cites: Option<String>,
    title: String,
    #[serde(default)]
    date: Option<PartialDate>,
    #[serde(default)]
    url: Option<String>,
    kind: SourceKind,
}

/// A version 1 citation's stance.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum StanceV1 {
    #[default]
    Supports,
    Disputes,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CitationV1 {
    source: String,
    quote: String,
    #[serde(default)]
    stance: StanceV1,
}

/// A version 1 figure's qualifier.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum QualifierV1 {
    AtLeast,
    About,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MoneyV1 {
    amount: f64,
    currency: String,
    #[serde(default)]
    qualifier: Option<QualifierV1>,
}

/// A version 1 value: money, or `"undisclosed"` (`None`).
#[derive(Debug)]
struct ValueV1(Option<MoneyV1>);

impl<'de> Deserialize<'de> for ValueV1 {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        model::figure_or_undisclosed(d).map(ValueV1)
    }
}

/// A version 1 flow.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FlowV1 {
    id: String,
    from: String,
    to: String,
    #[serde(default)]
    via: Vec<String>,
    category: String,
    value: ValueV1,
    #[serde(default)]
    period: Option<Period>,
    #[serde(default)]
    actors: Actors,
    description: Localized,
    status: ClaimStatus,
    citations: Vec<CitationV1>,
    #[serde(default)]
    note: Option<Localized>,
}

/// The speaker kind a version 1 source kind implies for the body it cited (also what
/// `flowmap-data convert` assumes for a source without a speakers sheet).
pub fn speaker_kind(kind: SourceKind) -> SpeakerKind {
    match kind {
        SourceKind::CustomsRecords => SpeakerKind::Records,
        SourceKind::OfficialStatement => SpeakerKind::Government,
        SourceKind::IntelligenceClaim => SpeakerKind::Intelligence,
        SourceKind::NewsEstimate | SourceKind::NewsReport => SpeakerKind::NewsOutlet,
        SourceKind::Analysis => SpeakerKind::Analyst,
        SourceKind::Dataset => SpeakerKind::OfficialData,
    }
}

/// A version 1 source as a publication and a speaker with its id: the body it cites, else
/// its outlet (a source that cites no body speaks for itself).
pub(crate) fn source(s: SourceV1) -> (model::Source, model::Speaker) {
    let speaker = model::Speaker {
        id: s.id.clone(),
        name: Localized::Plain(s.cites.unwrap_or_else(|| s.outlet.clone())),
        kind: speaker_kind(s.kind),
        stake: None,
        plural: false,
    };
    let source = model::Source {
        id: s.id,
        outlet: Localized::Plain(s.outlet),
        title: Some(s.title).filter(|t| !t.trim().is_empty()),
        date: s.date,
        url: s.url,
        kind: s.kind,
    };
    (source, speaker)
}

/// A version 1 flow in the current form: each citation's speaker is its source. Version 1
/// had one stance against a flow, `disputes`: on a flow marked denied it is the denial.
pub(crate) fn flow(f: FlowV1) -> model::Flow {
    let against = if f.status == ClaimStatus::Denied { Stance::Denies } else { Stance::Disputes };
    model::Flow {
        id: f.id,
        from: f.from,
        to: f.to,
        via: f.via,
        category: f.category,
        value: match f.value.0 {
            Some(m) => model::FlowValue::Known(model::Quantity {
                basis: match m.qualifier {
                    Some(QualifierV1::AtLeast) => Basis::Minimum,
                    Some(QualifierV1::About) => Basis::Estimate,
                    None => Basis::Total,
                },
                ..model::Quantity::money(m.amount, &m.currency)
            }),
            None => model::FlowValue::Undisclosed(model::Undisclosed::Undisclosed),
        },
        period: f.period,
        actors: f.actors,
        description: f.description,
        status: f.status,
        citations: f
            .citations
            .into_iter()
            .map(|c| model::Citation {
                speaker: c.source.clone(),
                source: c.source,
                stance: match c.stance {
                    StanceV1::Supports => Stance::Claims,
                    StanceV1::Disputes => against,
                },
                quote: c.quote,
                series: None,
            })
            .collect(),
        note: f.note,
    }
}

#[cfg(test)]
mod test {
    use crate::dataset::{Dataset, LoadError};

    #[test]
    fn a_version_1_document_reads_as_its_version_2_form() {
        let v1 =
            Dataset::from_json("v1", include_str!("../tests/fixtures/two_flows_v1.json")).unwrap();
        assert_eq!(v1.read_version, 1);
        assert!(v1.problems.is_empty(), "{:?}", v1.problems);
        let q = v1.raw.flows[1].value.known().unwrap();
        assert_eq!((q.amount, q.measure()), (143.9e6, "USD"));
        assert_eq!(v1.raw.speakers[1].kind, crate::model::SpeakerKind::Records);
        assert_eq!(v1.raw.flows[1].citations[0].stance, crate::model::Stance::Claims);
        // Written out, it reads back as version 2, unchanged.
        let v2 = Dataset::from_json("v2", &serde_json::to_string(&v1.raw).unwrap()).unwrap();
        assert_eq!((v2.read_version, &v2.raw), (2, &v1.raw));
    }

    #[test]
    fn the_plain_reader_refuses_version_1_and_reads_version_2_alike() {
        let v1 = include_str!("../tests/fixtures/two_flows_v1.json");
        let refused = Dataset::from_bytes_plain("v1.json", v1.as_bytes()).unwrap_err();
        assert!(matches!(refused, LoadError::NotPlain { ref file } if file == "v1.json"));
        let v2 = include_str!("../tests/fixtures/two_flows.json");
        let plain = Dataset::from_bytes_plain("v2.json", v2.as_bytes()).unwrap();
        assert_eq!(plain, Dataset::from_bytes("v2.json", v2.as_bytes()).unwrap());
        // A broken document says what is wrong with it, as the full reader does.
        let broken = Dataset::from_bytes_plain("v1.json", b"{\"version\": 1, oops");
        let full = Dataset::from_bytes("v1.json", b"{\"version\": 1, oops");
        assert_eq!(broken.unwrap_err().to_string(), full.unwrap_err().to_string());
    }

    #[test]
    fn the_plain_reader_refuses_an_item_it_cannot_read_or_a_meta_it_cannot_read() {
        let v2 = include_str!("../tests/fixtures/two_flows.json");
        let value = v2.replacen("\"flows\": [", "\"flows\": [{\"id\": 7},", 1);
        assert_ne!(value, v2);
        let refused = Dataset::from_bytes_plain("v2.json", value.as_bytes()).unwrap_err();
        assert!(matches!(refused, LoadError::NotPlain { .. }), "{refused}");
        let full = Dataset::from_bytes("v2.json", value.as_bytes()).unwrap();
        assert_eq!(full.problems[0].path.to_string(), "flows[0].id");
        let meta = v2.replacen("\"title\": \"Two flows\"", "\"title\": 7", 1);
        assert_ne!(meta, v2);
        let refused = Dataset::from_bytes_plain("v2.json", meta.as_bytes()).unwrap_err();
        assert!(matches!(refused, LoadError::NotPlain { .. }), "{refused}");
    }

    #[test]
    fn a_version_1_dispute_of_a_flow_marked_denied_is_its_denial() {
        let text = include_str!("../tests/fixtures/two_flows_v1.json");
        let v1 = Dataset::from_json("v1", text).unwrap();
        let flow = &v1.raw.flows[0];
        let denied = text.replacen(
            &format!("\"status\": \"{}\"", flow.status.key()),
            "\"status\": \"denied\"",
            1,
        );
        let denied = denied.replacen("\"quote\"", "\"stance\": \"disputes\", \"quote\"", 1);
        let d = Dataset::from_json("v1", &denied).unwrap();
        assert_eq!(d.raw.flows[0].status, crate::model::ClaimStatus::Denied);
        assert_eq!(d.raw.flows[0].citations[0].stance, crate::model::Stance::Denies);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }
}
