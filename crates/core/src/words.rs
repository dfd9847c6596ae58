//! Words for the model's kinds, in the reader's language: what a source or speaker is, what
//! a claim status means, the verb of a stance. Kept apart from [`crate::model`], so that the
//! data model does not depend on the interface catalogue.

use crate::i18n::{tr, Lang, Msg};
use crate::model::{ClaimStatus, SourceKind, SpeakerKind, Stance};

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
                SourceKind::Dataset => Msg::KindDataset,
            },
        )
    }
}

impl SpeakerKind {
    /// Words for readers, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        tr(
            lang,
            match self {
                SpeakerKind::Records => Msg::SpeakerRecords,
                SpeakerKind::OfficialData => Msg::SpeakerOfficialData,
                SpeakerKind::Government => Msg::SpeakerGovernment,
                SpeakerKind::Intelligence => Msg::SpeakerIntelligence,
                SpeakerKind::NewsOutlet => Msg::SpeakerNewsOutlet,
                SpeakerKind::Analyst => Msg::SpeakerAnalyst,
                SpeakerKind::Company => Msg::SpeakerCompany,
                SpeakerKind::Other => Msg::SpeakerOther,
            },
        )
    }
}

impl ClaimStatus {
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

impl Stance {
    /// The verb for readers ("claims", "deny"), agreeing with one speaker or several.
    pub fn verb(self, plural: bool, lang: Lang) -> String {
        let msg = match (self, plural) {
            (Stance::Claims, false) => Msg::StanceClaims,
            (Stance::Claims, true) => Msg::StanceClaimsPl,
            (Stance::Finds, false) => Msg::StanceFinds,
            (Stance::Finds, true) => Msg::StanceFindsPl,
            (Stance::Confirms, false) => Msg::StanceConfirms,
            (Stance::Confirms, true) => Msg::StanceConfirmsPl,
            (Stance::Estimates, false) => Msg::StanceEstimates,
            (Stance::Estimates, true) => Msg::StanceEstimatesPl,
            (Stance::Acknowledges, false) => Msg::StanceAcknowledges,
            (Stance::Acknowledges, true) => Msg::StanceAcknowledgesPl,
            (Stance::Denies, false) => Msg::StanceDenies,
            (Stance::Denies, true) => Msg::StanceDeniesPl,
            (Stance::Disputes, false) => Msg::StanceDisputes,
            (Stance::Disputes, true) => Msg::StanceDisputesPl,
        };
        tr(lang, msg)
    }
}
