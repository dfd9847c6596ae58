//! What a flow's tooltip says: its route, what moves, the figure, the claim and who says so
//! (or, for a line of several flows, what they add up to and whose statements it rests on).
//! The app's tooltip shows it, and so does the page's first frame until the app takes over.

use super::MapLayout;
use crate::bundle::{line_span, line_speakers, line_total};
use crate::dataset::Dataset;
use crate::describe::{route, statements};
use crate::format::flow_value;
use crate::i18n::Lang;

/// One statement in a flow's tooltip: "Russia's SVR claims", "(reported by RKS News)", and
/// whether it is against the flow (the app marks those).
#[derive(Debug, Clone, PartialEq)]
pub struct TipSource {
    /// Who says what ([`crate::describe::Statement::head`]).
    pub head: String,
    /// Where it was reported, in brackets, or nothing.
    pub reported: Option<String>,
    /// True when the speaker denies or disputes the flow.
    pub against: bool,
}

/// The words of the app's tooltip for a flow as `layout` draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowTip {
    /// The route, or the clusters a line joins.
    pub route: String,
    /// What moves: the flow's description, or a line's category.
    pub what: String,
    /// The figure (and period), or what a line's flows add up to.
    pub value: String,
    /// The claim's status ("Alleged").
    pub status: String,
    /// Who says so, for one flow.
    pub sources: Vec<TipSource>,
    /// Whose statements a line of several flows rests on.
    pub speakers: Option<String>,
}

/// The tooltip of flow `index` as `layout` draws it, in `lang`; `None` for an index the
/// dataset does not have.
///
/// # Examples
/// ```
/// use flowmap_core::{atlas::Atlas, dataset::Dataset, i18n::Lang, layout::*, zoom::Zoom};
/// let d = Dataset::from_json("d", include_str!("../../tests/fixtures/two_flows.json")).unwrap();
/// let atlas = Atlas { credit: String::new(), bbox: [0.0; 4], countries: vec![] };
/// let every = [0, 1];
/// let view = MapView { width: 800.0, height: 500.0, zoom: Zoom::IDENTITY, lang: Lang::En };
/// let l = layout(&d, &atlas, &plan(&d, &atlas, &every), &view);
/// let tip = flow_tip(&d, &l, 0, Lang::En).unwrap();
/// assert!(tip.route.contains(" → "));
/// ```
pub fn flow_tip(
    dataset: &Dataset,
    layout: &MapLayout,
    index: usize,
    lang: Lang,
) -> Option<FlowTip> {
    let flow = dataset.raw.flows.get(index)?;
    let line = layout.flow(index).filter(|s| !s.others.is_empty()).map(|s| {
        let members = s.members();
        let total = line_total(members.len(), s.sum.as_deref(), s.undisclosed, lang);
        let span = line_span(dataset, &members, lang);
        let total = if span.is_empty() { total } else { format!("{total} · {span}") };
        (total, line_speakers(dataset, &members, lang))
    });
    let period = flow.period.as_ref().map(|p| p.human(lang)).filter(|p| !p.is_empty());
    let value = match (&line, period) {
        (Some((total, _)), _) => total.clone(),
        (None, Some(p)) => format!("{} · {p}", flow_value(&flow.value, lang)),
        (None, None) => flow_value(&flow.value, lang),
    };
    let what = match &line {
        Some(_) => dataset
            .category(&flow.category)
            .map(|(_, c)| c.name.get(lang.tag()).to_string())
            .unwrap_or_default(),
        None => flow.description.get(lang.tag()).to_string(),
    };
    let said = if line.is_some() { Vec::new() } else { statements(dataset, flow) };
    let sources = said
        .into_iter()
        .map(|st| TipSource {
            head: st.head(lang),
            reported: st.reported(lang).map(|r| format!(" ({r})")),
            against: st.stance.is_against(),
        })
        .collect();
    Some(FlowTip {
        route: layout
            .between_words(index)
            .map_or_else(|| route(dataset, flow, lang), str::to_string),
        what,
        value,
        status: flow.status.label(lang),
        sources,
        speakers: line.map(|(_, names)| names),
    })
}
