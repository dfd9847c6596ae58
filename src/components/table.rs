//! The table view: the flows shown, sortable, with their sources and links.

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::describe::{route, source_line};
use flowmap_core::format::flow_value;
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
    let lang = dataset.raw.meta.language.clone();
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
                        {c.title()}
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
            let order = state.visible.with(|v| sorted(&dataset, v, column, ascending, &lang));
            order
                .into_iter()
                .map(|i| {
                    let f = &dataset.raw.flows[i];
                    let category = dataset.category(&f.category).map(|(_, c)| c.name.get(&lang).to_string()).unwrap_or_default();
                    let period = f.period.as_ref().map(|p| p.human()).unwrap_or_default();
                    let id = f.id.clone();
                    let sources = flowmap_core::describe::flow_sources(&dataset, f)
                        .into_iter()
                        .map(|s| {
                            let link = s.url.clone().filter(|u| is_web_link(u));
                            view! {
                                <li>
                                    {source_line(s)}
                                    {link.map(|href| view! { " " <a href=href target="_blank" rel="noopener noreferrer">"link"<span class="visually-hidden">" (opens in a new tab)"</span></a> })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr data-flow-id=f.id.clone()>
                            <th scope="row">
                                <button type="button" class="link-button" on:click=move |_| { state.select(Some(id.clone())); state.table.set(false); }>
                                    {route(&dataset, f, &lang)}
                                </button>
                                <span class="what">{f.description.get(&lang).to_string()}</span>
                            </th>
                            <td>{category}</td>
                            <td>{flow_value(&f.value)}</td>
                            <td>{period}</td>
                            <td>{f.status.label()}</td>
                            <td><ul class="table-sources">{sources}</ul></td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Flows as a table">
            <table class="flow-table">
                <caption>"The flows shown, with their sources. Choose a column heading to sort."</caption>
                <thead><tr>{headers}<th scope="col">"Sources"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
