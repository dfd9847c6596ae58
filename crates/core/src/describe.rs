//! Words for flows and sources, shared by tooltips, accessible names and credits, in the
//! reader's language.

use crate::dataset::Dataset;
use crate::flow_codes::FlowCodes;
use crate::format::grouped;
use crate::i18n::{count, tr, trf, Lang, Msg, Noun};
use crate::model::{Citation, ClaimStatus, Flow, Source, SourceKind, Speaker, Stance};
use crate::places::{noun_for, PlaceKind};

/// A location's name in `lang`, or its id when it is unknown.
pub fn location_name<'a>(dataset: &'a Dataset, id: &'a str, lang: Lang) -> &'a str {
    dataset.location(id).map_or(id, |l| l.name.get(lang.tag()))
}

/// "Serbia → Czechia → Ukraine".
pub fn route(dataset: &Dataset, flow: &Flow, lang: Lang) -> String {
    dataset
        .route(flow)
        .iter()
        .map(|id| location_name(dataset, id, lang))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// The publication: "RKS News, 23 Jun 2025"; "RKS News" when undated.
pub fn source_line(source: &Source, lang: Lang) -> String {
    let outlet = source.outlet.get(lang.tag());
    match &source.date {
        Some(d) => format!("{outlet}, {}", d.human(lang)),
        None => outlet.to_string(),
    }
}

/// True when the speaker is the publication's own voice (bne IntelliNews in its own
/// article): their names are the same, in English or in `lang`.
fn speaks_for(speaker: &Speaker, source: &Source, lang: Lang) -> bool {
    source.outlet.get("en") == speaker.name.get("en")
        || source.outlet.get(lang.tag()) == speaker.name.get(lang.tag())
}

/// What one speaker does with a flow, and where each time: the citations of a flow grouped
/// by speaker and stance, in citation order.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement<'a> {
    /// Who says it.
    pub speaker: &'a Speaker,
    /// What they do with the flow.
    pub stance: Stance,
    /// The publications reporting it, once each.
    pub sources: Vec<&'a Source>,
}

impl Statement<'_> {
    /// "Russia's SVR claims", "Serbian officials deny".
    pub fn head(&self, lang: Lang) -> String {
        format!(
            "{} {}",
            self.speaker.name.get(lang.tag()),
            self.stance.verb(self.speaker.plural, lang)
        )
    }

    /// "reported by RKS News; bne IntelliNews, 9 Nov 2023": the publications, for a speaker
    /// who is not the outlet itself; for an outlet speaking in its own article, only the
    /// dates ("9 Nov 2023"), or `None` when it is undated.
    pub fn reported(&self, lang: Lang) -> Option<String> {
        if self.sources.iter().all(|s| speaks_for(self.speaker, s, lang)) {
            let dates: Vec<String> = self
                .sources
                .iter()
                .filter_map(|s| s.date.as_ref())
                .map(|d| d.human(lang))
                .collect();
            return (!dates.is_empty()).then(|| dates.join("; "));
        }
        let list = self.sources.iter().map(|s| source_line(s, lang)).collect::<Vec<_>>().join("; ");
        Some(trf(lang, Msg::ReportedBy, &[&list]))
    }

    /// "Russia's SVR claims (reported by RKS News)"; "bne IntelliNews claims (9 Nov 2023)".
    pub fn line(&self, lang: Lang) -> String {
        match self.reported(lang) {
            Some(r) => format!("{} ({r})", self.head(lang)),
            None => self.head(lang),
        }
    }
}

/// A flow's citations with their speaker and publication, in citation order; those whose
/// speaker or source is unknown are left out.
fn resolved<'a>(
    dataset: &'a Dataset,
    flow: &'a Flow,
) -> impl Iterator<Item = (&'a Citation, &'a Speaker, &'a Source)> {
    flow.citations
        .iter()
        .filter_map(|c| Some((c, dataset.speaker(&c.speaker)?, dataset.source(&c.source)?)))
}

/// The statements about a flow: who claims, confirms or denies it, reported where.
pub fn statements<'a>(dataset: &'a Dataset, flow: &'a Flow) -> Vec<Statement<'a>> {
    let mut out: Vec<Statement<'a>> = Vec::new();
    for (c, speaker, source) in resolved(dataset, flow) {
        match out.iter_mut().find(|s| s.speaker.id == speaker.id && s.stance == c.stance) {
            Some(s) if !s.sources.iter().any(|o| o.id == source.id) => s.sources.push(source),
            Some(_) => {}
            None => out.push(Statement { speaker, stance: c.stance, sources: vec![source] }),
        }
    }
    out
}

/// A run of consecutive citations of one speaker with one stance: what the detail panel
/// shows under one heading ("Russia's SVR claims"), each quote with its publication.
#[derive(Debug, Clone, PartialEq)]
pub struct Quoted<'a> {
    /// Who says it.
    pub speaker: &'a Speaker,
    /// What they do with the flow.
    pub stance: Stance,
    /// The quotes, in citation order, with the publication of each.
    pub quotes: Vec<(&'a Citation, &'a Source)>,
}

/// A flow's citations in runs of one speaker and stance, in citation order; citations whose
/// speaker or source is unknown are left out.
pub fn quoted<'a>(dataset: &'a Dataset, flow: &'a Flow) -> Vec<Quoted<'a>> {
    let mut out: Vec<Quoted<'a>> = Vec::new();
    for (c, speaker, source) in resolved(dataset, flow) {
        match out.last_mut() {
            Some(q) if q.speaker.id == speaker.id && q.stance == c.stance => {
                q.quotes.push((c, source));
            }
            _ => out.push(Quoted { speaker, stance: c.stance, quotes: vec![(c, source)] }),
        }
    }
    out
}

/// True when someone cited denies or disputes the flow.
pub fn spoken_against(flow: &Flow) -> bool {
    flow.citations.iter().any(|c| c.stance.is_against())
}

/// The distinct sources a flow cites, in citation order.
pub fn flow_sources<'a>(dataset: &'a Dataset, flow: &Flow) -> Vec<&'a Source> {
    let mut out: Vec<&Source> = Vec::new();
    for s in flow.citations.iter().filter_map(|c| dataset.source(&c.source)) {
        if !out.iter().any(|o| o.id == s.id) {
            out.push(s);
        }
    }
    out
}

/// A sentence naming the flow for screen readers: "Serbia to Ukraine via Czechia: 122 mm
/// rocket kits; value not disclosed; alleged; Russia's SVR claims (reported by RKS News);
/// Serbian officials deny (reported by RKS News)".
pub fn accessible_name(dataset: &Dataset, flow: &Flow, lang: Lang) -> String {
    let mut out = format!(
        "{}: {}; {}; {}",
        route_words(dataset, flow, lang),
        flow.description.get(lang.tag()),
        crate::format::flow_value(&flow.value, lang),
        flow.status.label(lang),
    );
    for st in statements(dataset, flow) {
        out.push_str("; ");
        out.push_str(&st.line(lang));
    }
    out
}

/// A flow's route in words: "Serbia to Ukraine via Czechia".
pub(crate) fn route_words(dataset: &Dataset, flow: &Flow, lang: Lang) -> String {
    let name = |id: &str| location_name(dataset, id, lang).to_string();
    let mut s = trf(lang, Msg::FromTo, &[&name(&flow.from), &name(&flow.to)]);
    if !flow.via.is_empty() {
        let places = flow
            .via
            .iter()
            .map(|v| name(v))
            .collect::<Vec<_>>()
            .join(&format!(" {} ", tr(lang, Msg::And)));
        s.push(' ');
        s.push_str(&trf(lang, Msg::Via, &[&places]));
    }
    s
}

/// The "Source:" line under the graphic: every publication cited by a shown flow, once,
/// with the speakers it reports ("RKS News (Russia's SVR, Serbian officials)"); an analysis
/// is named alone (the bodies it cites are named with each flow). Past
/// [`CREDITED_OUTLETS`] publications, the rest are counted ("and 470 more").
pub fn credit_sources(dataset: &Dataset, lang: Lang) -> String {
    let mut outlets: Vec<(&str, Vec<&str>)> = Vec::new();
    for flow in &dataset.raw.flows {
        for (_, speaker, source) in resolved(dataset, flow) {
            let outlet = source.outlet.get(lang.tag());
            let at = match outlets.iter().position(|(o, _)| *o == outlet) {
                Some(i) => i,
                None => {
                    outlets.push((outlet, Vec::new()));
                    outlets.len() - 1
                }
            };
            let name = speaker.name.get(lang.tag());
            let speakers = &mut outlets[at].1;
            if source.kind != SourceKind::Analysis
                && !speaks_for(speaker, source, lang)
                && !speakers.contains(&name)
            {
                speakers.push(name);
            }
        }
    }
    // Speakers are joined with semicolons: a name may hold a comma.
    let named: Vec<String> = outlets
        .into_iter()
        .map(|(o, s)| if s.is_empty() { o.to_string() } else { format!("{o} ({})", s.join("; ")) })
        .collect();
    first_and_more(named, CREDITED_OUTLETS, lang).join("; ")
}

/// How many categories the summary names; the rest are counted ("and 42 more").
pub const SUMMARY_CATEGORIES: usize = 8;
/// How many publications the credit line names; the rest are counted (every one is in the
/// table, the detail panel and the data downloads).
pub const CREDITED_OUTLETS: usize = 30;

/// The first `most` of `items`, and "and N more" for the rest when there are more than
/// one more (a list one item too long is shown whole).
pub(crate) fn first_and_more(mut items: Vec<String>, most: usize, lang: Lang) -> Vec<String> {
    if items.len() > most + 1 {
        let more = items.len() - most;
        items.truncate(most);
        items.push(trf(lang, Msg::AndMore, &[&more.to_string()]));
    }
    items
}

/// The credit line under the graphic: the dataset's credit, then the map data's
/// ("Graphic: flowmap. Map: Natural Earth").
pub fn credit_line(dataset: &Dataset, map_credit: &str, lang: Lang) -> String {
    let own = dataset
        .raw
        .meta
        .credit
        .as_ref()
        .map(|c| format!("{}. ", c.get(lang.tag())))
        .unwrap_or_default();
    format!("{own}{} {map_credit}", tr(lang, Msg::MapCredit))
}

/// A name inside a sentence: its first letter in lower case, unless its first word is an
/// acronym ("CHP goods", "NATO members").
///
/// # Examples
/// ```
/// use flowmap_core::describe::lower_first;
/// assert_eq!(lower_first("Arms and ammunition"), "arms and ammunition");
/// assert_eq!(lower_first("CHP goods"), "CHP goods");
/// ```
pub fn lower_first(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or("");
    let acronym = first.chars().filter(|c| c.is_alphabetic()).count() > 1
        && first.chars().all(|c| !c.is_lowercase());
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if !acronym => c.to_lowercase().chain(chars).collect(),
        _ => name.to_string(),
    }
}

/// A text summary of the flows shown, for the page and for screen readers:
/// "22 flows between 15 countries. Goods: arms and ammunition (13), … Claims: documented (5), …".
/// `codes` are the dataset's ([`FlowCodes::of`]).
pub fn summary(dataset: &Dataset, codes: &FlowCodes, visible: &[usize], lang: Lang) -> String {
    // One pass over the flows, counting numbers: a large dataset's summary is rewritten on
    // every filter.
    let mut seen = vec![false; codes.places().len()];
    let mut by_category = vec![0usize; dataset.raw.categories.len()];
    let mut by_status = [0usize; ClaimStatus::ALL.len()];
    let mut total = 0;
    for &i in visible.iter().filter(|i| **i < dataset.raw.flows.len()) {
        total += 1;
        for &p in codes.stops(i) {
            seen[p as usize] = true;
        }
        if let Some(k) = codes.category(i) {
            by_category[k] += 1;
        }
        if let Some(k) = codes.status(i) {
            by_status[k] += 1;
        }
    }
    let places: Vec<PlaceKind> =
        codes.places().iter().zip(&seen).filter(|(_, s)| **s).map(|(k, _)| *k).collect();
    let goods: Vec<String> = dataset
        .raw
        .categories
        .iter()
        .zip(by_category)
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| {
            format!("{} ({})", lower_first(c.name.get(lang.tag())), grouped(n as u64, lang))
        })
        .collect();
    let goods = first_and_more(goods, SUMMARY_CATEGORIES, lang);
    let claims: Vec<String> = ClaimStatus::ALL
        .iter()
        .zip(by_status)
        .filter(|(_, n)| *n > 0)
        // "unverified (17)", not "unverified (secondary analysis) (17)": the legend explains it.
        .map(|(s, n)| {
            let label = s.label(lang).split(" (").next().unwrap_or_default().to_string();
            format!("{label} ({})", grouped(n as u64, lang))
        })
        .collect();
    let mut out = trf(
        lang,
        Msg::SummaryCounts,
        &[
            &count(lang, total, Noun::Flow),
            &count(lang, places.len(), noun_for(places.iter().copied())),
        ],
    );
    if !goods.is_empty() {
        out.push(' ');
        out.push_str(&trf(lang, Msg::GoodsList, &[&goods.join(", ")]));
    }
    if !claims.is_empty() {
        out.push(' ');
        out.push_str(&trf(lang, Msg::ClaimsList, &[&claims.join(", ")]));
    }
    out
}

#[cfg(test)]
mod test {
    #[test]
    fn long_lists_name_the_first_and_count_the_rest() {
        let items = |n: usize| (1..=n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_eq!(
            super::first_and_more(items(9), 8, Lang::En).len(),
            9,
            "one too many: all shown"
        );
        assert_eq!(super::first_and_more(items(50), 8, Lang::En)[7..], ["8", "and 42 more"]);
        assert_eq!(super::first_and_more(items(50), 8, Lang::Ru)[8], "и ещё 42");
    }

    use super::*;

    fn dataset() -> Dataset {
        Dataset::from_json(
            "t.json",
            r#"{"version": 2, "meta": {"title": "T"},
              "locations": [{"id": "SRB", "name": {"en": "Serbia", "ru": "Сербия"}},
                            {"id": "CZE", "name": "Czechia"}, {"id": "UKR", "name": "Ukraine"}],
              "categories": [{"id": "arms", "name": "Arms"}],
              "sources": [{"id": "s", "outlet": "RKS News", "title": "T", "date": "2025-06", "kind": "news-report"},
                          {"id": "t", "outlet": "Other", "kind": "news-report"}],
              "speakers": [{"id": "svr", "name": {"en": "Russia's SVR", "ru": "СВР России"}, "kind": "intelligence",
                            "stake": "a party to the war"},
                           {"id": "off", "name": "Serbian officials", "kind": "government", "plural": true}],
              "flows": [{"id": "a", "from": "SRB", "to": "UKR", "via": ["CZE"], "category": "arms",
                "value": "undisclosed", "description": "Grad rocket kits", "status": "alleged",
                "citations": [{"source": "s", "speaker": "svr", "stance": "claims", "quote": "q"},
                              {"source": "s", "speaker": "svr", "stance": "claims", "quote": "r"},
                              {"source": "s", "speaker": "off", "stance": "denies", "quote": "u"},
                              {"source": "t", "speaker": "off", "stance": "denies", "quote": "v"}]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn route_and_name_read_as_sentences() {
        let d = dataset();
        let f = &d.raw.flows[0];
        assert_eq!(route(&d, f, Lang::Ru), "Сербия → Czechia → Ukraine");
        assert_eq!(
            accessible_name(&d, f, Lang::En),
            "Serbia to Ukraine via Czechia: Grad rocket kits; value not disclosed; alleged; \
             Russia's SVR claims (reported by RKS News, Jun 2025); \
             Serbian officials deny (reported by RKS News, Jun 2025; Other)"
        );
        let st = statements(&d, f);
        assert_eq!(st.len(), 2, "two citations of one speaker in one article are one statement");
        assert_eq!(st[0].head(Lang::Ru), "СВР России утверждает");
        assert_eq!(st[1].head(Lang::Ru), "Serbian officials отрицают");
        let runs: Vec<(&str, usize)> =
            quoted(&d, f).iter().map(|q| (q.speaker.id.as_str(), q.quotes.len())).collect();
        assert_eq!(runs, [("svr", 2), ("off", 2)]);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
    }

    #[test]
    fn summary_counts_what_is_shown() {
        let d = dataset();
        assert_eq!(
            summary(&d, &FlowCodes::of(&d), &[0], Lang::En),
            "1 flow between 3 countries. Goods: arms (1). Claims: alleged (1)."
        );
        assert_eq!(summary(&d, &FlowCodes::of(&d), &[], Lang::En), "0 flows between 0 places.");
        assert_eq!(
            summary(&d, &FlowCodes::of(&d), &[0], Lang::Ru),
            "1 поток, 3 страны. Товары: arms (1). Надёжность: утверждает заинтересованная сторона (1)."
        );
    }

    #[test]
    fn summary_counts_places_as_what_they_are() {
        let with = |kinds: [&str; 3], lang| {
            let mut v: serde_json::Value =
                serde_json::to_value(&dataset().raw).expect("a dataset writes");
            for (i, (id, kind)) in
                [("BEG", kinds[0]), ("PRG", kinds[1]), ("KBP", kinds[2])].into_iter().enumerate()
            {
                v["locations"][i]["id"] = id.into();
                v["locations"][i]["point"] = serde_json::json!([20.0, 45.0 + i as f64]);
                if !kind.is_empty() {
                    v["locations"][i]["kind"] = kind.into();
                }
            }
            v["flows"][0]["from"] = "BEG".into();
            v["flows"][0]["via"] = serde_json::json!(["PRG"]);
            v["flows"][0]["to"] = "KBP".into();
            let d = Dataset::from_json("t.json", &v.to_string()).unwrap();
            assert!(d.is_valid(), "{:?}", d.problems);
            summary(&d, &FlowCodes::of(&d), &[0], lang)
        };
        let airports = ["airport"; 3];
        assert!(with(airports, Lang::En).starts_with("1 flow between 3 airports."));
        assert!(with(airports, Lang::Ru).starts_with("1 поток, 3 аэропорта."));
        assert!(with(airports, Lang::SrCyrl).starts_with("1 ток, 3 аеродрома."));
        assert!(with(["city", "city", "port"], Lang::Uk).starts_with("1 потік, 3 пункти."));
        // Ids that are no country's code, without a kind, are places, not countries.
        assert!(with(["", "", ""], Lang::En).starts_with("1 flow between 3 places."));
        assert!(with(["", "country", "city"], Lang::En).starts_with("1 flow between 3 places."));
    }

    #[test]
    fn credit_lists_each_outlet_once() {
        assert_eq!(
            credit_sources(&dataset(), Lang::En),
            "RKS News (Russia's SVR; Serbian officials); Other (Serbian officials)"
        );
        assert_eq!(credit_line(&dataset(), "Natural Earth", Lang::Ru), "Карта: Natural Earth");
    }
}
