//! How solid a flow's citations let it be: the claim status they allow, checked against the
//! status the journalist chose.
//!
//! - *documented* needs a records or official-data speaker without a stake;
//! - *reported* a speaker without a stake (a news outlet, an official body, an analyst), or
//!   the party concerned confirming or acknowledging it;
//! - *alleged* is what a party with a stake claiming it allows;
//! - *unverified* is all that citations from secondary analyses allow;
//! - *denied* needs a speaker who denies it.

use crate::json_path::JsonPath;
use crate::model::{Citation, ClaimStatus, Flow, Source, SourceKind, Speaker, Stance};
use crate::validate::Problem;

/// Rank of a status on the scale documented > reported > alleged > unverified; denied
/// stands apart (`None`).
fn rank(status: ClaimStatus) -> Option<u8> {
    match status {
        ClaimStatus::Documented => Some(3),
        ClaimStatus::Reported => Some(2),
        ClaimStatus::Alleged => Some(1),
        ClaimStatus::Unverified => Some(0),
        ClaimStatus::Denied => None,
    }
}

/// The strongest status one supporting citation allows.
fn allowed_by(c: &Citation, sources: &[Source], speakers: &[Speaker]) -> ClaimStatus {
    let source = sources.iter().find(|s| s.id == c.source);
    if source.is_some_and(|s| s.kind == SourceKind::Analysis) {
        return ClaimStatus::Unverified;
    }
    let Some(speaker) = speakers.iter().find(|s| s.id == c.speaker) else {
        return ClaimStatus::Unverified;
    };
    match (speaker.stake.is_some(), c.stance) {
        (false, _) if speaker.kind.documents() => ClaimStatus::Documented,
        (false, _) => ClaimStatus::Reported,
        (true, Stance::Confirms | Stance::Acknowledges) => ClaimStatus::Reported,
        (true, _) => ClaimStatus::Alleged,
    }
}

/// The strongest status on the documented … unverified scale that a flow's supporting
/// citations allow; `None` when no citation supports the flow.
///
/// # Examples
/// ```
/// use flowmap_core::claims::strongest;
/// use flowmap_core::model::*;
/// let source = Source { id: "rks".into(), outlet: "RKS News".into(), title: None, date: None, url: None, kind: SourceKind::NewsReport };
/// let svr = Speaker { id: "svr".into(), name: "Russia's SVR".into(), kind: SpeakerKind::Intelligence, stake: Some("a party to the war".into()), plural: false };
/// let claim = Citation { source: "rks".into(), speaker: "svr".into(), stance: Stance::Claims, quote: "…".into(), series: None };
/// assert_eq!(strongest(&[claim], &[source], &[svr]), Some(ClaimStatus::Alleged));
/// ```
pub fn strongest(
    citations: &[Citation],
    sources: &[Source],
    speakers: &[Speaker],
) -> Option<ClaimStatus> {
    citations
        .iter()
        .filter(|c| !c.stance.is_against())
        .map(|c| allowed_by(c, sources, speakers))
        .max_by_key(|s| rank(*s))
}

/// Why a status needs more than the citations give, in the editor's words.
fn needs(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Documented => "documented needs a records or official-data speaker without a stake",
        ClaimStatus::Reported => {
            "reported needs a speaker without a stake (a news outlet, an official body, an analyst), or the party concerned confirming it"
        }
        ClaimStatus::Alleged => "alleged needs a speaker who claims it in a primary publication, not only a secondary analysis",
        ClaimStatus::Denied => "denied needs a citation whose stance is \"denies\"",
        ClaimStatus::Unverified => "",
    }
}

/// Warns, at `path` (`flows[3]`), when the flow's status is stronger than its citations
/// allow, when it is marked denied without a denial, and when one speaker both supports the
/// flow and speaks against it. The flow is shown as marked all the same.
pub fn check(
    sources: &[Source],
    speakers: &[Speaker],
    path: &JsonPath,
    flow: &Flow,
    problems: &mut Vec<Problem>,
) {
    let name = &flow.id;
    let shown = "the flow is shown as marked; check its status or its citations";
    let best = strongest(&flow.citations, sources, speakers);
    let too_strong = match (rank(flow.status), best.and_then(rank)) {
        (Some(chosen), Some(allowed)) => chosen > allowed,
        (Some(chosen), None) => chosen > 0,
        (None, _) => !flow.citations.iter().any(|c| c.stance == Stance::Denies),
    };
    if too_strong {
        let allows = match best {
            Some(b) => format!("its citations allow at most {}", b.key()),
            None => "no citation supports it".into(),
        };
        problems.push(Problem {
            path: path.key("status"),
            warning: true,
            message: format!(
                "flow \"{name}\" is marked {}, but {allows}: {}; {shown}",
                flow.status.key(),
                needs(flow.status)
            ),
        });
    }
    for (j, c) in flow.citations.iter().enumerate().filter(|(_, c)| c.stance.is_against()) {
        if flow.citations.iter().any(|o| !o.stance.is_against() && o.speaker == c.speaker) {
            problems.push(Problem {
                path: path.key("citations").index(j).key("speaker"),
                warning: true,
                message: format!(
                    "in flow \"{name}\", speaker \"{}\" both supports the flow and {} it; name the speaker of the {} (a denial usually comes from the accused, not from the accuser); the flow is shown as marked",
                    c.speaker,
                    c.stance.key(),
                    if c.stance == Stance::Denies { "denial" } else { "dispute" },
                ),
            });
        }
    }
}
