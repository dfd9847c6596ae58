//! Every problem, each a link to its place in the files: the sheet's rows around it with
//! its cell marked, or the lines of the JSON file around its path.

use crate::app::Editor;
use crate::browser;
use flowmap_core::editor::{locate, place, Shown};
use flowmap_core::i18n::editor::Word;
use leptos::prelude::*;

/// The list of problems, and the place of the one chosen.
#[component]
pub fn Problems() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let list = move || {
        let lang = editor.lang.get();
        editor.outcome.with(|o| {
            o.problems
                .iter()
                .enumerate()
                .map(|(i, found)| {
                    let at = place(&found.problem, lang);
                    let message = found.problem.message.clone();
                    let located = editor.work.with(|w| locate(w, &found.problem).is_some());
                    let show = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        editor.shown.set(Some(i));
                        browser::focus_soon("where");
                    };
                    let warning = found.warning.then(|| {
                        view! { <strong class="check">{editor.say(Word::Warning)}": "</strong> }
                    });
                    let at = match (at.is_empty(), located) {
                        (true, _) => None,
                        (false, true) => {
                            Some(view! { <a href="#where" on:click=show>{at}</a>": " }.into_any())
                        }
                        (false, false) => {
                            Some(view! { <span class="at">{at}</span>": " }.into_any())
                        }
                    };
                    view! { <li class:warning=found.warning>{warning}{at}{message}</li> }
                })
                .collect_view()
        })
    };
    let summary = move || {
        editor.outcome.with(|o| {
            if o.problems.iter().any(|f| !f.warning)
                || o.dataset.is_none() && !o.problems.is_empty()
            {
                String::new()
            } else if o.dataset.is_some() {
                editor.say(Word::NoProblems)
            } else {
                editor.say(Word::NoData)
            }
        })
    };
    view! {
        <section class="problems" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{move || editor.say(Word::Problems)}</h2>
            <p role="status" class="summary">{summary}</p>
            <ol class="problem-list">{list}</ol>
            <Where />
        </section>
    }
}

/// The place of the chosen problem in its file.
#[component]
fn Where() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let shown = move || {
        let i = editor.shown.get()?;
        let problem = editor.outcome.with(|o| o.problems.get(i).map(|f| f.problem.clone()))?;
        let where_ = editor.work.with(|w| locate(w, &problem))?;
        let title = place(&problem, editor.lang.get());
        let body = match where_ {
            Shown::Cells(sheet, row, column) => {
                let head = sheet
                    .header
                    .iter()
                    .enumerate()
                    .map(|(c, h)| {
                        view! { <th scope="col" class:here=column == Some(c)>{h.clone()}</th> }
                    })
                    .collect_view();
                let rows = sheet.rows.into_iter().map(|(n, cells)| {
                    let cells = (0..sheet.header.len()).map(|c| {
                        let here = n == row && (column == Some(c) || column.is_none());
                        let text = cells.get(c).cloned().unwrap_or_default();
                        view! { <td class:here=here aria-current=here.then_some("true")>{text}</td> }
                    }).collect_view();
                    view! { <tr class:here=n == row><th scope="row">{n}</th>{cells}</tr> }
                }).collect_view();
                view! {
                    <div class="sheet-scroll" tabindex="0">
                        <table class="sheet"><thead><tr><th scope="col">"#"</th>{head}</tr></thead><tbody>{rows}</tbody></table>
                    </div>
                }.into_any()
            }
            Shown::Lines(lines, line) => {
                let lines = lines.into_iter().map(|(n, text)| {
                    view! { <tr class:here=n == line><th scope="row">{n}</th><td><code>{text}</code></td></tr> }
                }).collect_view();
                view! { <div class="sheet-scroll" tabindex="0"><table class="lines"><tbody>{lines}</tbody></table></div> }.into_any()
            }
        };
        Some(view! { <h3>{title}</h3>{body} })
    };
    view! {
        <div id="where" class="where" tabindex="-1" role="region"
            aria-label=move || editor.say(Word::Cell) hidden=move || editor.shown.get().is_none()>
            {shown}
        </div>
    }
}
