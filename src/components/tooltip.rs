//! The tooltip for the flow or location under the pointer or keyboard focus.

use crate::load::Loaded;
use crate::state::{Hover, MapState};
use flowmap_core::decimal::Fixed;
use flowmap_core::describe::location_name;
use flowmap_core::i18n::{count, tr, trf, Msg, Noun};
use flowmap_core::layout::{flow_tip, place_tip, route_points, tip_height};
use flowmap_core::path_sink::Coord;
use flowmap_core::totals::Totals;
use leptos::prelude::*;

/// Tooltip width in pixels; keep in step with `.tooltip` in the style sheet.
const WIDTH: f64 = 280.0;

/// Where the tooltip goes: CSS `left`, `top`, `bottom` and `width`, from the core's
/// placement beside the pointer and off `avoid` (the hovered route or place), for about
/// `lines` lines of text.
struct Position {
    left: String,
    top: String,
    bottom: String,
    width: String,
}

fn position(x: f64, y: f64, (w, h): (f64, f64), avoid: &[Coord<f64>], lines: usize) -> Position {
    let width = WIDTH.min(w - 16.0);
    let tip = place_tip(Coord { x, y }, (width, tip_height(lines)), (w, h), avoid);
    let px = |v: f64| format!("{}px", Fixed(v, 0));
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
                // The words, as the first frame shows them too; for a line of several flows,
                // what they add up to and who says so.
                let tip = state
                    .layout
                    .with_untracked(|l| flow_tip(&dataset, l.as_ref()?, index, lang))?;
                // Seven lines, three per statement, and the description's second line.
                let lines = 7
                    + 3 * tip.sources.len()
                    + flow.description.get(lang.tag()).chars().count() / 40;
                let who = tip
                    .sources
                    .into_iter()
                    .map(|st| view! { <li class:against=st.against><strong>{st.head}</strong>{st.reported}</li> })
                    .collect_view();
                // Off the route as the reader sees it now (moved by a zoom in progress).
                let avoid: Vec<Coord<f64>> = state.layout.with_untracked(|l| {
                    let points = l.as_ref().and_then(|l| l.flow(index)).map(route_points);
                    let frame = |p: Coord<f64>| {
                        let (x, y) = state.to_frame(p.x, p.y);
                        Coord { x, y }
                    };
                    points.unwrap_or_default().into_iter().map(frame).collect()
                });
                let at = position(x, y, size, &avoid, lines);
                Some(
                    view! {
                        <div class="tooltip" role="tooltip" style:left=at.left style:top=at.top style:bottom=at.bottom style:width=at.width>
                            <p class="route">{tip.route}</p>
                            <p class="what">{tip.what}</p>
                            <p class="value">{tip.value}</p>
                            <p class="status">{tr(lang, Msg::ClaimColon)}" "<strong>{tip.status}</strong></p>
                            <p class="sources-head">{tr(lang, Msg::WhoSaysWhat)}</p>
                            <ul class="sources">{who}{tip.speakers.map(|names| view! { <li>{names}</li> })}</ul>
                            <p class="hint">{tr(lang, Msg::ClickHint)}</p>
                        </div>
                    }
                    .into_any(),
                )
            }
            Hover::Location { id, x, y } => {
                // A cluster of places: what it holds, its totals and its places.
                let cluster = state.layout.with_untracked(|l| {
                    let c = l.as_ref()?.cluster(&id)?;
                    let [out_line, in_line, inside] = c.totals(&dataset, lang);
                    let places =
                        trf(lang, Msg::ClusterPlaces, &[&c.place_names(&dataset, 5, lang)]);
                    Some((c.name.clone(), out_line, in_line, [Some(inside), Some(places)]))
                });
                // Read in place: a side holds the indices of its flows, too many to copy.
                let place = || {
                    state.totals.with(|all| {
                        let none = Totals::default();
                        let t = all.get(&id).unwrap_or(&none);
                        let through = (t.flows_through > 0).then(|| {
                            trf(
                                lang,
                                Msg::TotalsThrough,
                                &[&count(lang, t.flows_through, Noun::Flow)],
                            )
                        });
                        (
                            location_name(&dataset, &id, lang).to_string(),
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
                            [through, None],
                        )
                    })
                };
                let hint =
                    tr(lang, if cluster.is_some() { Msg::ClusterHint } else { Msg::SumsHint });
                // Up to two more lines (each an `Option`: one view type, not a list's).
                let (name, out_line, in_line, [more1, more2]) = cluster.unwrap_or_else(place);
                // Off the place's marker, where the pointer or the keyboard's focus is.
                let at =
                    position(x, y, size, &[Coord { x, y }], 6 + more1.iter().chain(&more2).count());
                Some(
                    view! {
                        <div class="tooltip" role="tooltip" style:left=at.left style:top=at.top style:bottom=at.bottom style:width=at.width>
                            <p class="route">{name}</p>
                            <p>{out_line}</p>
                            <p>{in_line}</p>
                            {more1.map(|line| view! { <p>{line}</p> })}
                            {more2.map(|line| view! { <p>{line}</p> })}
                            <p class="hint">{hint}</p>
                        </div>
                    }
                    .into_any(),
                )
            }
        }
    }
}
