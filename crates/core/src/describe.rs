//! Words for flows and sources, shared by tooltips, accessible names and credits, in the
//! reader's language.

use crate::dataset::Dataset;
use crate::i18n::{count, tr, trf, Lang, Msg, Noun};
use crate::model::{Flow, Source, Stance};

/// A location's name in `lang`, or its id when it is unknown.
pub fn location_name<'a>(dataset: &'a Dataset, id: &'a str, lang: Lang) -> &'a str {
    dataset.location(id).map_or(id, |l| l.name.get(lang.tag()))
}

/// "Serbia → Czechia → Ukraine".
pub fn route(dataset: &Dataset, flow: &Flow, lang: Lang) -> String {
    dataset.route(flow).iter().map(|id| location_name(dataset, id, lang)).collect::<Vec<_>>().join(" → ")
}

/// "bne IntelliNews, citing RFE/RL's Balkan Service, 9 Nov 2023".
pub fn source_line(source: &Source, lang: Lang) -> String {
    let mut s = match &source.cites {
        Some(c) => trf(lang, Msg::Citing, &[&source.outlet, c]),
        None => source.outlet.clone(),
    };
    if let Some(d) = &source.date {
        s.push_str(", ");
        s.push_str(&d.human(lang));
    }
    s
}

/// The distinct sources a flow cites, in citation order.
pub fn flow_sources<'a>(dataset: &'a Dataset, flow: &Flow) -> Vec<&'a Source> {
    sources_with_stance(dataset, flow, None)
}

/// The distinct sources with this stance (any stance when `None`), in citation order.
pub fn sources_with_stance<'a>(dataset: &'a Dataset, flow: &Flow, stance: Option<Stance>) -> Vec<&'a Source> {
    let mut out: Vec<&Source> = Vec::new();
    for c in flow.citations.iter().filter(|c| stance.is_none_or(|s| s == c.stance)) {
        if let Some(s) = dataset.source(&c.source) {
            if !out.iter().any(|o| o.id == s.id) {
                out.push(s);
            }
        }
    }
    out
}

/// A sentence naming the flow for screen readers:
/// "Serbia to Ukraine via Czechia: 122 mm rocket kits; alleged; source: RKS News, citing …".
pub fn accessible_name(dataset: &Dataset, flow: &Flow, lang: Lang) -> String {
    let name = |id: &str| location_name(dataset, id, lang).to_string();
    let mut s = trf(lang, Msg::FromTo, &[&name(&flow.from), &name(&flow.to)]);
    if !flow.via.is_empty() {
        let places = flow.via.iter().map(|v| name(v)).collect::<Vec<_>>().join(&format!(" {} ", tr(lang, Msg::And)));
        s.push(' ');
        s.push_str(&trf(lang, Msg::Via, &[&places]));
    }
    let line = |st| sources_with_stance(dataset, flow, Some(st)).into_iter().map(|s| source_line(s, lang)).collect::<Vec<_>>();
    let mut out = format!(
        "{s}: {}; {}; {}; {}",
        flow.description.get(lang.tag()),
        crate::format::flow_value(&flow.value, lang),
        flow.status.label(lang),
        trf(lang, Msg::SourceLower, &[&line(Stance::Supports).join("; ")])
    );
    let disputed = line(Stance::Disputes);
    if !disputed.is_empty() {
        out.push_str("; ");
        out.push_str(&trf(lang, Msg::DisputedByLower, &[&disputed.join("; ")]));
    }
    out
}

/// The "Source:" line under the graphic: every outlet cited by a shown flow, once.
pub fn credit_sources(dataset: &Dataset, lang: Lang) -> String {
    let mut outlets: Vec<String> = Vec::new();
    for flow in &dataset.raw.flows {
        for s in flow_sources(dataset, flow) {
            let o = match &s.cites {
                Some(c) => trf(lang, Msg::CitingShort, &[&s.outlet, c]),
                None => s.outlet.clone(),
            };
            if !outlets.contains(&o) {
                outlets.push(o);
            }
        }
    }
    outlets.join("; ")
}

/// The credit line under the graphic: the dataset's credit, then the map data's
/// ("Graphic: flowmap. Map: Natural Earth").
pub fn credit_line(dataset: &Dataset, map_credit: &str, lang: Lang) -> String {
    let own = dataset.raw.meta.credit.as_ref().map(|c| format!("{}. ", c.get(lang.tag()))).unwrap_or_default();
    format!("{own}{} {map_credit}", tr(lang, Msg::MapCredit))
}

/// A text summary of the flows shown, for the page and for screen readers:
/// "22 flows between 15 countries. Goods: arms and ammunition (13), … Claims: documented (5), …".
pub fn summary(dataset: &Dataset, visible: &[usize], lang: Lang) -> String {
    // One pass over the flows: a large dataset's summary is rewritten on every filter.
    let mut places = rustc_hash::FxHashSet::default();
    let mut by_category = vec![0usize; dataset.raw.categories.len()];
    let mut by_status = [0usize; crate::filter::STATUSES.len()];
    let flows = visible.iter().filter_map(|i| dataset.raw.flows.get(*i));
    let mut total = 0;
    for f in flows {
        total += 1;
        places.extend(std::iter::once(&f.from).chain(&f.via).chain(std::iter::once(&f.to)));
        if let Some((k, _)) = dataset.category(&f.category) {
            by_category[k] += 1;
        }
        if let Some(k) = crate::filter::STATUSES.iter().position(|s| *s == f.status) {
            by_status[k] += 1;
        }
    }
    let goods: Vec<String> = dataset
        .raw
        .categories
        .iter()
        .zip(by_category)
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| format!("{} ({n})", c.name.get(lang.tag()).to_lowercase()))
        .collect();
    let claims: Vec<String> = crate::filter::STATUSES
        .iter()
        .zip(by_status)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} ({n})", s.label(lang)))
        .collect();
    let mut out = trf(
        lang,
        Msg::SummaryCounts,
        &[&count(lang, total, Noun::Flow), &count(lang, places.len(), Noun::Country)],
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
    use super::*;

    fn dataset() -> Dataset {
        Dataset::from_json(
            "t.json",
            r#"{"version": 1, "meta": {"title": "T"},
              "locations": [{"id": "SRB", "name": {"en": "Serbia", "ru": "Сербия"}},
                            {"id": "CZE", "name": "Czechia"}, {"id": "UKR", "name": "Ukraine"}],
              "categories": [{"id": "arms", "name": "Arms"}],
              "sources": [{"id": "s", "outlet": "RKS News", "cites": "Russia's SVR", "title": "T",
                           "date": "2025-06", "kind": "intelligence-claim"},
                          {"id": "t", "outlet": "Other", "title": "T", "kind": "news-report"}],
              "flows": [{"id": "a", "from": "SRB", "to": "UKR", "via": ["CZE"], "category": "arms",
                "value": "undisclosed", "description": "Grad rocket kits", "status": "alleged",
                "citations": [{"source": "s", "quote": "q"}, {"source": "s", "quote": "r"},
                              {"source": "t", "quote": "u", "stance": "disputes"}]}]}"#,
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
             source: RKS News, citing Russia's SVR, Jun 2025; disputed by: Other"
        );
    }

    #[test]
    fn summary_counts_what_is_shown() {
        let d = dataset();
        assert_eq!(summary(&d, &[0], Lang::En), "1 flow between 3 countries. Goods: arms (1). Claims: alleged (1).");
        assert_eq!(summary(&d, &[], Lang::En), "0 flows between 0 countries.");
        assert_eq!(
            summary(&d, &[0], Lang::Ru),
            "1 поток, 3 страны. Товары: arms (1). Утверждения: утверждается (1)."
        );
    }

    #[test]
    fn credit_lists_each_outlet_once() {
        assert_eq!(credit_sources(&dataset(), Lang::En), "RKS News (citing Russia's SVR); Other");
        assert_eq!(credit_line(&dataset(), "Natural Earth", Lang::Ru), "Карта: Natural Earth");
    }
}
