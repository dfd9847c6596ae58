//! The detail panel of the pinned flow: route, value, actors, claim status and every
//! citation with its quote and link.

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::bundle::line_total;
use flowmap_core::dataset::Dataset;
use flowmap_core::describe::{location_name, quoted, route, source_line, spoken_against};
use flowmap_core::format::{flow_value, grouped};
use flowmap_core::i18n::{tr, trf, Lang, Msg};
use flowmap_core::text::Localized;
use flowmap_core::validate::is_web_link;
use leptos::prelude::*;

/// The panel; empty when no flow is pinned. Escape or the close button unpins.
#[component]
pub fn DetailPanel(
    /// True when the panel is made for a flow the reader has just pinned (its code came
    /// then: src/lazy.rs), not for one pinned by the page's address.
    pinned_now: bool,
) -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let dataset = data.dataset.clone();
    let lang = data.lang;
    let dataset_c = dataset.clone();
    let close = move || {
        let id = state.view.with_untracked(|v| v.selected.clone());
        state.select(None);
        // Return focus to the flow the panel was about (or the line it is drawn in).
        if let Some(mut id) = id {
            let index = dataset_c.raw.flows.iter().position(|f| f.id == id);
            let line = state.layout.with_untracked(|l| Some(l.as_ref()?.line_of(index?)?.index));
            if let Some(first) = line.and_then(|i| dataset_c.raw.flows.get(i)) {
                id.clone_from(&first.id);
            }
            let el = crate::dom::with_attribute("g.flow:not(.filtered)", "data-flow-id", &id);
            if let Some(el) =
                el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::SvgElement>(e).ok())
            {
                let _ = el.focus();
            }
        }
    };
    let on_escape = close.clone();
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.view.with_untracked(|v| v.selected.is_some()) {
            on_escape();
        }
    });
    on_cleanup(move || escape.remove());
    // On a phone the panel is a sheet over the map: a flow pinned moves focus into it.
    Effect::new(move |before: Option<Option<String>>| {
        let now = state.view.with(|v| v.selected.clone());
        let pinned = before.map_or(pinned_now, |b| b != now);
        if pinned && now.is_some() && super::phone::is_phone() {
            crate::dom::on_next_frame(|| super::phone::focus_first(".detail-panel .close"));
        }
        now
    });
    move || {
        let id = state.view.with(|v| v.selected.clone())?;
        let index = dataset.raw.flows.iter().position(|f| f.id == id)?;
        let flow = &dataset.raw.flows[index];
        let line = line_list(&dataset, state, index, lang);
        let category = dataset
            .category(&flow.category)
            .map(|(_, c)| c.name.get(lang.tag()).to_string())
            .unwrap_or_default();
        let period = flow.period.as_ref().map(|p| p.human(lang)).filter(|p| !p.is_empty());
        let actors = |side: &Vec<Localized>, place: String| {
            let names = side.iter().map(|a| a.get(lang.tag())).collect::<Vec<_>>().join(", ");
            (!side.is_empty()).then(|| view! { <li><span class="k">{place}": "</span>{names}</li> })
        };
        let via_places = flow
            .via
            .iter()
            .map(|v| location_name(&dataset, v, lang))
            .collect::<Vec<_>>()
            .join(", ");
        let citations = quoted(&dataset, flow)
            .into_iter()
            .map(|run| {
                let who = run.speaker;
                let about = match &who.stake {
                    Some(stake) => format!(" ({}; {})", who.kind.label(lang), trf(lang, Msg::Stake, &[stake.get(lang.tag())])),
                    None => format!(" ({})", who.kind.label(lang)),
                };
                let quotes = run
                    .quotes
                    .into_iter()
                    .map(|(c, s)| {
                        // Only http(s) links become clickable (the validator already drops others).
                        let link = s.url.clone().filter(|u| is_web_link(u));
                        view! {
                            {(!c.quote.trim().is_empty()).then(|| view! { <blockquote>{c.quote.clone()}</blockquote> })}
                            {c.series.as_deref().map(|t| view! { <p class="series">{trf(lang, Msg::FromTable, &[t])}</p> })}
                            <p class="cite">
                                {tr(lang, Msg::PublishedIn)}" "{source_line(s, lang)}
                                {s.title.clone().map(|t| view! { " · "<em>{t}</em> })}
                                " · "
                                {s.kind.label(lang)}
                                {link.map(|href| view! {
                                    " · "
                                    <a href=href target="_blank" rel="noopener noreferrer">{tr(lang, Msg::ReadSource)}<span class="visually-hidden">" "{tr(lang, Msg::NewTab)}</span></a>
                                })}
                            </p>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="citation" class:against=run.stance.is_against()>
                        <p class="speaker"><strong>{who.name.get(lang.tag()).to_string()}" "{run.stance.verb(who.plural, lang)}</strong><span class="about">{about}</span></p>
                        {quotes}
                    </li>
                }
            })
            .collect_view();
        let close_click = close.clone();
        Some(view! {
            <aside class="detail-panel" aria-labelledby="detail-title" data-flow-id=flow.id.clone()>
                <button type="button" class="close" aria-label=tr(lang, Msg::CloseDetails) on:click=move |_| close_click()>"×"</button>
                <h2 id="detail-title">{route(&dataset, flow, lang)}</h2>
                <p class="what">{flow.description.get(lang.tag()).to_string()}</p>
                <dl>
                    <dt>{tr(lang, Msg::Goods)}</dt><dd>{category}</dd>
                    <dt>{tr(lang, Msg::Value)}</dt><dd>{flow_value(&flow.value, lang)}</dd>
                    {period.map(|p| view! { <dt>{tr(lang, Msg::Period)}</dt><dd>{p}</dd> })}
                    <dt>{tr(lang, Msg::Claim)}</dt>
                    <dd>
                        <strong>{flow.status.label(lang)}</strong>{format!(": {}", flow.status.explanation(lang))}
                        {spoken_against(flow).then(|| view! { <span class="against-mark">{format!(" · {}", tr(lang, Msg::SpokenAgainst))}</span> })}
                    </dd>
                </dl>
                {(!flow.actors.from.is_empty() || !flow.actors.via.is_empty() || !flow.actors.to.is_empty()).then(|| view! {
                    <h3>{tr(lang, Msg::NamedActors)}</h3>
                    <ul class="actors">
                        {actors(&flow.actors.from, location_name(&dataset, &flow.from, lang).to_string())}
                        {actors(&flow.actors.via, via_places.clone())}
                        {actors(&flow.actors.to, location_name(&dataset, &flow.to, lang).to_string())}
                    </ul>
                })}
                {flow.note.as_ref().map(|n| view! { <p class="note">{n.get(lang.tag()).to_string()}</p> })}
                <h3>{tr(lang, Msg::WhoSaysWhat)}</h3>
                <ol class="citations">{citations}</ol>
                {line}
            </aside>
        })
    }
}

/// Most flows a line's list in the panel names; the table lists them all.
const LISTED: usize = 30;

/// The flows drawn in one line with flow `index`, each a button that pins it, and what they
/// add up to; `None` for a flow with a line of its own.
fn line_list(
    dataset: &Dataset,
    state: MapState,
    index: usize,
    lang: Lang,
) -> Option<impl IntoView> {
    let (members, total, between) = state.layout.with(|l| {
        let l = l.as_ref()?;
        let line = l.line_of(index).filter(|s| !s.others.is_empty())?;
        let members = line.members();
        let total = line_total(members.len(), line.sum.as_deref(), line.undisclosed, lang);
        Some((members, total, l.between_words(index).map(str::to_string)))
    })?;
    let more = members.len().saturating_sub(LISTED);
    let items = members
        .into_iter()
        .take(LISTED)
        .map(|m| {
            let f = &dataset.raw.flows[m];
            let period = f.period.as_ref().map(|p| p.human(lang)).filter(|p| !p.is_empty());
            // Between clusters, each flow of the line goes its own way: its route first.
            let mut parts = Vec::with_capacity(4);
            if between.is_some() {
                parts.push(route(dataset, f, lang));
            }
            parts.push(f.description.get(lang.tag()).to_string());
            parts.push(flow_value(&f.value, lang));
            parts.extend(period);
            let text = parts.join(" · ");
            let id = f.id.clone();
            view! {
                <li>
                    <button type="button" aria-current=(m == index).then_some("true") on:click=move |_| {
                        state.select(Some(id.clone()));
                        // The list is drawn again for the flow chosen: focus stays on it.
                        crate::dom::on_next_frame(|| super::phone::focus_first(".line-flows button[aria-current]"));
                    }>{text}</button>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <h3>{tr(lang, Msg::InThisLine)}</h3>
        {between.map(|b| view! { <p class="line-route">{b}</p> })}
        <p class="line-total">{total}</p>
        <ul class="line-flows">{items}</ul>
        {(more > 0).then(|| view! { <p class="line-more">{trf(lang, Msg::AndMore, &[&grouped(more as u64, lang)])}</p> })}
    })
}
