//! The table view: the flows shown, sortable, with their sources and links.

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::describe::{route, statements};
use flowmap_core::format::flow_value;
use flowmap_core::i18n::{tr, trf, Msg};
use flowmap_core::table::{sorted, Column, Page, COLUMNS, ROWS_PER_PAGE};
use flowmap_core::validate::is_web_link;
use leptos::prelude::*;

/// A sortable table of the flows that pass the filters.
#[component]
pub fn FlowTable() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let sort = RwSignal::new((Column::Route, true));
    // The page shown; a new sort starts again from the first page.
    let page_index = RwSignal::new(0usize);
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
                        on:click=move |_| {
                            sort.update(|(col, asc)| { if *col == c { *asc = !*asc } else { *col = c; *asc = true } });
                            page_index.set(0);
                        }
                    >
                        {c.title(lang)}
                        <span class="sort-mark" aria-hidden="true">{move || match aria_sort() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    // Sorted once per sort or filter change, not per page turn.
    let order = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            let (column, ascending) = sort.get();
            state.visible.with(|v| sorted(&dataset, v, column, ascending, lang))
        })
    };
    // Filters that change the rows start again from the first page.
    Effect::watch(move || state.visible.track(), move |_, _, _| page_index.set(0), false);
    let page =
        Memo::new(move |_| order.with(|o| Page::of(o.len(), page_index.get(), ROWS_PER_PAGE)));
    let rows = {
        let dataset = dataset.clone();
        move || {
            let shown = order.with(|o| o[page.get().rows()].to_vec());
            shown
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
        <Pager page page_index lang />
    }
}

/// Previous and next buttons and "Rows 101–200 of 80,000", when the rows fill more than one
/// page. Built once and updated in place, so that the button just pressed keeps the focus and
/// the row count is announced as it changes.
#[component]
fn Pager(
    page: Memo<Page>,
    page_index: RwSignal<usize>,
    lang: flowmap_core::i18n::Lang,
) -> impl IntoView {
    let label = move || page.get().label(lang).unwrap_or_default();
    // "Next 100 rows", or as many as the next page holds.
    let next = move || {
        let p = page.get();
        let left = p.total.saturating_sub(p.rows().end).min(p.size);
        trf(lang, Msg::NextRows, &[&(if left == 0 { p.size } else { left }).to_string()])
    };
    let previous = trf(lang, Msg::PreviousRows, &[&ROWS_PER_PAGE.to_string()]);
    view! {
        <nav class="pager" aria-label=tr(lang, Msg::TablePages) hidden=move || page.get().count < 2>
            <button type="button" disabled=move || !page.get().has_previous() on:click=move |_| page_index.set(page.get_untracked().index.saturating_sub(1))>
                <span aria-hidden="true">"← "</span>{previous}
            </button>
            <span class="pager-rows" role="status">{label}</span>
            <button type="button" disabled=move || !page.get().has_next() on:click=move |_| page_index.set(page.get_untracked().index + 1)>
                {next}<span aria-hidden="true">" →"</span>
            </button>
        </nav>
    }
}
