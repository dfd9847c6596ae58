//! The reader's filters in words, for a picture that leaves the page: what the map shows
//! when some flows are filtered out.

use crate::dataset::Dataset;
use crate::date::Period;
use crate::describe::{lower_first, source_line};
use crate::filter::Filter;
use crate::i18n::{tr, trf, Lang, Msg};

/// The filters on, in words ("Filters on — goods: arms; claims: alleged;
/// period: Jan 2023 – Jun 2024"), naming what each shows; empty when no filter is on.
/// `shown` are the flows shown (dataset indices): when the time filter keeps some without
/// dates, the line says so.
///
/// # Examples
/// ```
/// use flowmap_core::{dataset::Dataset, export::filters_in_words, filter::Filter, i18n::Lang};
/// let d = Dataset::from_json("d", include_str!("../../tests/fixtures/two_flows.json")).unwrap();
/// let mut f = Filter::default();
/// assert_eq!(filters_in_words(&d, &f, &[0, 1], Lang::En), "");
/// f.hidden_categories.insert("arms".into());
/// assert_eq!(filters_in_words(&d, &f, &[1], Lang::En), "Filters on — goods: dual-use goods");
/// ```
pub fn filters_in_words(dataset: &Dataset, filter: &Filter, shown: &[usize], lang: Lang) -> String {
    let list =
        |items: Vec<String>| if items.is_empty() { "—".to_string() } else { items.join(", ") };
    let mut parts = Vec::new();
    if !filter.hidden_categories.is_empty() {
        let goods = dataset
            .categories_in_use()
            .filter(|(_, c)| !filter.hidden_categories.contains(&c.id))
            .map(|(_, c)| lower_first(c.name.get(lang.tag())))
            .collect();
        parts.push(trf(lang, Msg::ShownGoods, &[&list(goods)]));
    }
    if !filter.hidden_statuses.is_empty() {
        let claims = dataset
            .statuses_in_use()
            .filter(|s| !filter.hidden_statuses.contains(s))
            .map(|s| s.label(lang))
            .collect();
        parts.push(trf(lang, Msg::ShownClaims, &[&list(claims)]));
    }
    if let Some(id) = &filter.source {
        let name = dataset.source(id).map_or_else(|| id.clone(), |s| source_line(s, lang));
        parts.push(trf(lang, Msg::ShownSource, &[&name]));
    }
    if let Some(id) = &filter.speaker {
        let name =
            dataset.speaker(id).map_or_else(|| id.clone(), |s| s.name.get(lang.tag()).to_string());
        parts.push(trf(lang, Msg::ShownSpeaker, &[&name]));
    }
    let period = Period { start: filter.from, end: filter.to };
    let dated = period.human(lang);
    if !dated.is_empty() {
        parts.push(trf(lang, Msg::ShownPeriod, &[&dated]));
    }
    if parts.is_empty() {
        return String::new();
    }
    let mut line = trf(lang, Msg::ExportFilters, &[&parts.join("; ")]);
    let undated =
        shown.iter().filter_map(|&i| dataset.raw.flows.get(i)).any(|f| f.period.is_none());
    if !dated.is_empty() && undated {
        // Serbian dates end with a full stop already ("jun 2024.").
        let stop = if line.ends_with('.') { " " } else { ". " };
        line = format!("{line}{stop}{}", tr(lang, Msg::UndatedNote));
    }
    line
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::ClaimStatus;

    fn dataset() -> Dataset {
        Dataset::from_json("t", include_str!("../../tests/fixtures/two_flows.json")).unwrap()
    }

    #[test]
    fn every_filter_is_named_in_every_language() {
        let d = dataset();
        let f = Filter {
            hidden_categories: ["dual-use".into()].into(),
            hidden_statuses: [ClaimStatus::Documented].into(),
            source: Some("svr".into()),
            speaker: Some("svr".into()),
            from: Some("2023-01".parse().unwrap()),
            to: Some("2024-06".parse().unwrap()),
        };
        assert_eq!(
            filters_in_words(&d, &f, &[0], Lang::En),
            "Filters on — goods: arms; claims: alleged; source: RKS News; \
             who says so: Russia's SVR; period: Jan 2023 – Jun 2024. Flows without dates stay shown."
        );
        let expected = [
            (Lang::Ru, "Включены фильтры — товары: arms; надёжность: утверждает заинтересованная сторона; источник: RKS News; кто говорит: Russia's SVR; период: январь 2023 – июнь 2024. Потоки без дат показываются всегда."),
            (Lang::Uk, "Увімкнено фільтри — товари: arms; надійність: стверджує зацікавлена сторона; джерело: RKS News; хто говорить: Russia's SVR; період: січень 2023 – червень 2024. Потоки без дат показуються завжди."),
            (Lang::SrLatn, "Uključeni filteri — roba: arms; pouzdanost: tvrdi zainteresovana strana; izvor: RKS News; ko govori: Russia's SVR; period: januar 2023. – jun 2024. Tokovi bez datuma ostaju prikazani."),
        ];
        for (lang, text) in expected {
            assert_eq!(filters_in_words(&d, &f, &[0], lang), text, "{lang:?}");
        }
        let cyrillic = filters_in_words(&d, &f, &[0], Lang::SrCyrl);
        assert!(cyrillic.starts_with("Укључени филтери — роба: arms; поузданост: "), "{cyrillic}");
        assert!(cyrillic.ends_with("јун 2024. Токови без датума остају приказани."), "{cyrillic}");
    }

    #[test]
    fn nothing_when_no_filter_is_on_and_no_undated_note_without_undated_flows() {
        let d = dataset();
        assert_eq!(filters_in_words(&d, &Filter::default(), &[0, 1], Lang::Ru), "");
        let f = Filter { from: Some("2022".parse().unwrap()), ..Filter::default() };
        assert_eq!(filters_in_words(&d, &f, &[1], Lang::En), "Filters on — period: since 2022");
    }
}
