//! The table view: the flows shown, sortable, with their sources and links.

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::describe::{route, statements};
use flowmap_core::format::flow_value;
use flowmap_core::i18n::{tr, Msg};
use flowmap_core::table::{sorted, Column, COLUMNS};
use flowmap_core::validate::is_web_link;
use leptos::prelude::*;

/// A sortable table of the flows that pass the filters.
#[component]
pub fn FlowTable() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let sort = RwSignal::new((Column::Route, true));
    let dataset = data.dataset.clone();
    let lang = data.lang;
    let headers = COLUMNS
        .into_iter()
        .map(|c| {
            let aria_sort = move || match sort.get() {
                (col, true) if col == c => "ascending",
                (col, false) if col == c => "descending",
                _ => "none",
            };
            view! {
                <th scope="col" aria-sort=aria_sort>
                    <button
                        type="button"
                        on:click=move |_| sort.update(|(col, asc)| { if *col == c { *asc = !*asc } else { *col = c; *asc = true } })
                    >
                        {c.title(lang)}
                        <span class="sort-mark" aria-hidden="true">{move || match aria_sort() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    let rows = {
        let dataset = dataset.clone();
        move || {
            let (column, ascending) = sort.get();
            let order = state.visible.with(|v| sorted(&dataset, v, column, ascending, lang));
            order
                .into_iter()
                .map(|i| {
                    let f = &dataset.raw.flows[i];
                    let category = dataset.category(&f.category).map(|(_, c)| c.name.get(lang.tag()).to_string()).unwrap_or_default();
                    let period = f.period.as_ref().map(|p| p.human(lang)).unwrap_or_default();
                    let id = f.id.clone();
                    let sources = statements(&dataset, f)
                        .into_iter()
                        .map(|st| {
                            let links = st
                                .sources
                                .iter()
                                .filter_map(|s| s.url.clone().filter(|u| is_web_link(u)))
                                .map(|href| view! { " " <a href=href target="_blank" rel="noopener noreferrer">{tr(lang, Msg::Link)}<span class="visually-hidden">" "{tr(lang, Msg::NewTab)}</span></a> })
                                .collect_view();
                            view! { <li class:against=st.stance.is_against()>{st.line(lang)}{links}</li> }
                        })
                        .collect_view();
                    view! {
                        <tr data-flow-id=f.id.clone()>
                            <th scope="row">
                                <button type="button" class="link-button" on:click=move |_| { state.select(Some(id.clone())); state.table.set(false); }>
                                    {route(&dataset, f, lang)}
                                </button>
                                <span class="what">{f.description.get(lang.tag()).to_string()}</span>
                            </th>
                            <td>{category}</td>
                            <td>{flow_value(&f.value, lang)}</td>
                            <td>{period}</td>
                            <td>{f.status.label(lang)}</td>
                            <td><ul class="table-sources">{sources}</ul></td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=tr(lang, Msg::TableLabel)>
            <table class="flow-table">
                <caption>{tr(lang, Msg::TableCaption)}</caption>
                <thead><tr>{headers}<th scope="col">{tr(lang, Msg::WhoSaysWhat)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
