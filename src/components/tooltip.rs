//! The tooltip for the flow or location under the pointer or keyboard focus.

use crate::load::Loaded;
use crate::state::{Hover, MapState};
use flowmap_core::describe::{location_name, route, statements};
use flowmap_core::format::flow_value;
use flowmap_core::i18n::{count, tr, trf, Msg, Noun};
use flowmap_core::layout::{place_tip, route_points, tip_height};
use flowmap_core::path_sink::Coord;
use flowmap_core::totals::Totals;
use leptos::prelude::*;

/// Tooltip width in pixels; keep in step with `.tooltip` in the style sheet.
const WIDTH: f64 = 280.0;

/// Where the tooltip goes: CSS `left`, `top`, `bottom` and `width`, from the core's
/// placement beside the pointer and off `avoid` (the hovered route or place), for
/// paragraphs of these lengths.
struct Position {
    left: String,
    top: String,
    bottom: String,
    width: String,
}

fn position(
    x: f64,
    y: f64,
    (w, h): (f64, f64),
    avoid: &[Coord<f64>],
    paragraphs: &[usize],
) -> Position {
    let width = WIDTH.min(w - 16.0);
    let tip = place_tip(Coord { x, y }, (width, tip_height(paragraphs, width)), (w, h), avoid);
    let px = |v: f64| format!("{v:.0}px");
    let (top, bottom) = if tip.above {
        ("auto".into(), px(h - tip.rect.y1))
    } else {
        (px(tip.rect.y0), "auto".into())
    };
    Position { left: px(tip.rect.x0), top, bottom, width: px(width) }
}

/// Route, what moves, value, claim status and sources of a flow; totals of a location.
#[component]
pub fn Tooltip() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let dataset = data.dataset.clone();
    let lang = data.lang;
    move || {
        let size = state.size.get();
        match state.hover.get()? {
            Hover::Flow { index, x, y } => {
                let flow = dataset.raw.flows.get(index)?;
                let period = flow.period.as_ref().map(|p| p.human(lang)).filter(|p| !p.is_empty());
                let value = match period {
                    Some(p) => format!("{} · {p}", flow_value(&flow.value, lang)),
                    None => flow_value(&flow.value, lang),
                };
                let (route, what) =
                    (route(&dataset, flow, lang), flow.description.get(lang.tag()).to_string());
                let (claim, status) = (tr(lang, Msg::ClaimColon), flow.status.label(lang));
                let (head, hint) = (tr(lang, Msg::WhoSaysWhat), tr(lang, Msg::ClickHint));
                let chars = |s: &str| s.chars().count();
                let mut paragraphs = vec![
                    chars(&route),
                    chars(&what),
                    chars(&value),
                    chars(&claim) + chars(&status) + 1,
                    chars(&head),
                    chars(&hint),
                ];
                let who = statements(&dataset, flow)
                    .into_iter()
                    .map(|st| {
                        let against = st.stance.is_against();
                        let reported = st.reported(lang).map(|r| format!(" ({r})"));
                        let head = st.head(lang);
                        paragraphs.push(chars(&head) + reported.as_deref().map_or(0, chars) + 3);
                        view! { <li class:against=against><strong>{head}</strong>{reported}</li> }
                    })
                    .collect_view();
                // Off the route as the reader sees it now (the layout moved by a zoom in progress).
                let avoid: Vec<Coord<f64>> = state.layout.with_untracked(|l| {
                    l.as_ref().and_then(|l| l.flow(index)).map_or_else(Vec::new, |f| {
                        route_points(f)
                            .into_iter()
                            .map(|p| {
                                let (x, y) = state.to_frame(p.x, p.y);
                                Coord { x, y }
                            })
                            .collect()
                    })
                });
                let at = position(x, y, size, &avoid, &paragraphs);
                Some(
                    view! {
                        <div class="tooltip" role="tooltip" style:left=at.left style:top=at.top style:bottom=at.bottom style:width=at.width>
                            <p class="route">{route}</p>
                            <p class="what">{what}</p>
                            <p class="value">{value}</p>
                            <p class="status">{claim}" "<strong>{status}</strong></p>
                            <p class="sources-head">{head}</p>
                            <ul class="sources">{who}</ul>
                            <p class="hint">{hint}</p>
                        </div>
                    }
                    .into_any(),
                )
            }
            Hover::Location { id, x, y } => {
                // Read in place: a side holds the indices of its flows, too many to copy.
                let (out_line, in_line, through) = state.totals.with(|all| {
                    let none = Totals::default();
                    let t = all.get(&id).unwrap_or(&none);
                    (
                        trf(
                            lang,
                            Msg::TotalsOut,
                            &[
                                &count(lang, t.flows_out(), Noun::Flow),
                                &t.outbound.text(&dataset, lang),
                            ],
                        ),
                        trf(
                            lang,
                            Msg::TotalsIn,
                            &[
                                &count(lang, t.flows_in(), Noun::Flow),
                                &t.inbound.text(&dataset, lang),
                            ],
                        ),
                        t.flows_through,
                    )
                });
                let name = location_name(&dataset, &id, lang).to_string();
                let through = (through > 0)
                    .then(|| trf(lang, Msg::TotalsThrough, &[&count(lang, through, Noun::Flow)]));
                let hint = tr(lang, Msg::SumsHint);
                let paragraphs: Vec<usize> =
                    [Some(&name), Some(&out_line), Some(&in_line), through.as_ref(), Some(&hint)]
                        .into_iter()
                        .flatten()
                        .map(|s| s.chars().count())
                        .collect();
                // Off the place's marker (the pointer is on it, or the keyboard's focus).
                let at = position(x, y, size, &[Coord { x, y }], &paragraphs);
                Some(
                    view! {
                        <div class="tooltip" role="tooltip" style:left=at.left style:top=at.top style:bottom=at.bottom style:width=at.width>
                            <p class="route">{name}</p>
                            <p>{out_line}</p>
                            <p>{in_line}</p>
                            {through.map(|t| view! { <p>{t}</p> })}
                            <p class="hint">{hint}</p>
                        </div>
                    }
                    .into_any(),
                )
            }
        }
    }
}
