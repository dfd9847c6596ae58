//! The graphic as a document: title, filters, map with its detail panel, legend, notes,
//! sources and credits.

use super::chooser::{Chooser, FlowChooser};
use super::filters::Filters;
use super::legend::Legend;
use super::map::FlowMap;
use super::publish::{Downloads, EmbedCode};
use super::stage::{once, Stage};
use super::story::StoryBar;
use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::describe::{credit_line, credit_sources, summary};
use flowmap_core::i18n::{count, tr, trf, Lang, Msg, Noun};
use flowmap_core::Problem;
use leptos::prelude::*;

/// Title, map, legend and credit lines of one dataset.
#[component]
pub fn Graphic(
    /// The loaded dataset and geometry.
    data: Loaded,
    /// The map's state, made for `data` (laid out before the graphic is mounted).
    state: MapState,
) -> impl IntoView {
    provide_context(data.clone());
    provide_context(state);
    provide_context(Chooser::new(state, data.clone()));
    let lang = data.lang;
    let meta = &data.dataset.raw.meta;
    let title = meta.title.get(lang.tag()).to_string();
    let subtitle = meta.subtitle.as_ref().map(|s| s.get(lang.tag()).to_string());
    let notes = meta.notes.as_ref().map(|s| s.get(lang.tag()).to_string());
    let sources = credit_sources(&data.dataset, lang);
    let credit = credit_line(&data.dataset, &data.atlas.credit, lang);
    let (warnings, skipped): (Vec<_>, Vec<_>) =
        data.dataset.problems.iter().partition(|p| p.warning);
    let (warnings, skipped) = (Listed::first(&warnings), Listed::first(&skipped));
    let (dataset, codes) = (data.dataset.clone(), data.codes.clone());
    let summary_text = move || state.visible.with(|v| summary(&dataset, &codes, v, lang));
    let table = state.table;
    // Embedded in an article: the graphic only, without the tools.
    let tools = !crate::embed::is_embed();
    // The map itself is mounted a part per task too ([`FlowMap`]'s parts), behind the page's
    // first frame, which stays until the map is whole.
    let map_parts = Stage::new(super::map::PARTS);
    // What the first frame does not show (the story bar; the tools; the filters; the legend,
    // notes and sources) is added after the first
    // frame that shows the whole map, a part per task ([`Stage`]), so that the map shows and
    // answers the pointer sooner and no task holds the main thread long; at the latest after
    // a second, for a page that paints no frames (a background tab, an embed out of view) or
    // a map that has no width yet.
    let stage = Stage::new(4);
    set_timeout(move || stage.start(), std::time::Duration::from_secs(1));
    once(
        move || map_parts.whole() && state.layout.with(Option::is_some),
        move || crate::dom::after_next_paint(move || stage.start()),
    );
    let (story, toolbar, filters, below) =
        (stage.from(1), stage.from(2), stage.from(3), stage.from(4));
    // The panel's code, a while after the last part is in, so that a first pin rarely waits.
    Effect::new(move |_| {
        if below.get() {
            set_timeout(crate::lazy::prefetch_panel, PANEL_PREFETCH);
        }
    });
    view! {
        <article class="graphic" class:embedded=!tools aria-labelledby="graphic-title">
            <header>
                <h1 id="graphic-title">{title}</h1>
                {subtitle.map(|s| view! { <p class="subtitle">{s}</p> })}
                <p class="summary">{summary_text}</p>
            </header>
            <div class="map-wrap" class:hidden=move || table.get() class:panel-left=move || state.panel_left.get()
                on:pointerenter=|_| crate::lazy::prefetch_panel() on:focusin=|_| crate::lazy::prefetch_panel()>
                // Before the map: hidden, its close button must not be the first control
                // after the map (where "Skip the map" goes).
                <FlowChooser />
                <FlowMap parts=map_parts />
                // How to read the map, in words for the reader's pointer (public/style.css
                // shows one: "tap" on a touch screen, "hover" with a mouse). Not exported.
                <p class="map-hint">
                    <span class="touch">{tr(lang, Msg::HintTouch)}</span>
                    <span class="pointer">{tr(lang, Msg::HintPointer)}</span>
                </p>
                {crate::lazy::panel(lang, state)}
            </div>
            {move || story.get().then(|| view! { <StoryBar /> })}
            {move || table.get().then(|| crate::lazy::table(lang))}
            {move || (toolbar.get() && tools).then(|| view! {
                        <div class="toolbar">
                            <div class="view-switch" role="group" aria-label=tr(lang, Msg::ShowAs)>
                                <button type="button" aria-pressed=move || (!table.get()).to_string() on:click=move |_| table.set(false)>{tr(lang, Msg::ViewMap)}</button>
                                <button type="button" aria-pressed=move || table.get().to_string() on:pointerenter=|_| crate::lazy::prefetch_table() on:focus=|_| crate::lazy::prefetch_table() on:click=move |_| table.set(true)>{tr(lang, Msg::ViewTable)}</button>
                            </div>
                            <details class="keys" name="toolbar-menu">
                                <summary>{tr(lang, Msg::Keyboard)}</summary>
                                <ul>
                                    <li><kbd>"Tab"</kbd>" "{tr(lang, Msg::KeyTab)}</li>
                                    <li><kbd>"←"</kbd>" "<kbd>"→"</kbd>" "<kbd>"↑"</kbd>" "<kbd>"↓"</kbd>" "{tr(lang, Msg::KeyArrows)}</li>
                                    <li><kbd>"Home"</kbd>" "<kbd>"End"</kbd>" "{tr(lang, Msg::KeyHomeEnd)}</li>
                                    <li><kbd>"Enter"</kbd>" "{tr(lang, Msg::Or)}" "<kbd>{tr(lang, Msg::KeySpace)}</kbd>" "{tr(lang, Msg::KeyEnter)}</li>
                                    <li><kbd>"Esc"</kbd>" "{tr(lang, Msg::KeyEsc)}</li>
                                    <li><kbd>"+"</kbd>" "<kbd>"−"</kbd>" "{tr(lang, Msg::KeyZoom)}", "<kbd>"0"</kbd>" "{tr(lang, Msg::KeyReset)}</li>
                                </ul>
                            </details>
                            <LanguageMenu lang />
                            <div class="publish">
                                <Downloads />
                                <EmbedCode />
                            </div>
                        </div>
            })}
            {move || (filters.get() && tools).then(|| view! { <Filters /> })}
            {move || below.get().then(|| {
                let (notes, sources, credit, skipped, warnings) =
                    (notes.clone(), sources.clone(), credit.clone(), skipped.clone(), warnings.clone());
                view! {
                    <Legend />
                    <footer>
                        {notes.map(|n| view! { <p class="notes">{n}</p> })}
                        <p class="sources">
                            <span class="label">{tr(lang, Msg::SourceLabel)}" "</span>
                            {sources}
                        </p>
                        <p class="credit">{credit}</p>
                        {problem_list("problems", trf(lang, Msg::Problems, &[&count(lang, skipped.total, Noun::Problem)]), skipped, lang)}
                        {problem_list("problems warnings", trf(lang, Msg::Warnings, &[&count(lang, warnings.total, Noun::Check)]), warnings, lang)}
                    </footer>
                }
            })}
        </article>
    }
}

/// How long after the last part of the graphic the detail panel's code is fetched.
const PANEL_PREFETCH: std::time::Duration = std::time::Duration::from_secs(2);

/// How many of the checks' findings the page lists; the rest are counted (a dataset with
/// 80,000 broken rows must not build 80,000 list items). `flowmap-data validate` lists all.
const LISTED_PROBLEMS: usize = 100;

/// The first [`LISTED_PROBLEMS`] findings of one kind and how many there are.
#[derive(Clone)]
struct Listed {
    shown: Vec<Problem>,
    total: usize,
}

impl Listed {
    fn first(all: &[&Problem]) -> Listed {
        Listed {
            shown: all.iter().take(LISTED_PROBLEMS).map(|&p| p.clone()).collect(),
            total: all.len(),
        }
    }
}

/// A list of what the checks found, under `heading`; nothing when there is none.
fn problem_list(
    class: &'static str,
    heading: String,
    problems: Listed,
    lang: Lang,
) -> Option<impl IntoView> {
    let id = format!("{}-title", class.rsplit(' ').next().unwrap_or(class));
    (problems.total > 0).then(|| {
        let labelled = id.clone();
        let more = (problems.total > problems.shown.len())
            .then(|| view! { <p class="more">{trf(lang, Msg::OnlyFirst, &[&problems.shown.len().to_string()])}</p> });
        view! {
            <section class=class aria-labelledby=labelled>
                <h2 id=id>{heading}</h2>
                <ul>
                    {problems.shown.into_iter().map(|p| view! { <li><code>{p.path.to_string()}</code>": "{p.message}</li> }).collect_view()}
                </ul>
                {more}
            </section>
        }
    })
}

/// Reopens the page in another interface language (`?lang=`), keeping the view in the hash.
#[component]
fn LanguageMenu(
    /// The language shown now.
    lang: Lang,
) -> impl IntoView {
    let switch = |tag: String| crate::dom::reload_with_param("lang", &tag);
    let options = Lang::ALL
        .into_iter()
        .map(|l| view! { <option value=l.tag() selected=l == lang lang=l.tag()>{l.endonym()}</option> })
        .collect_view();
    view! {
        <label class="language">
            <span>{tr(lang, Msg::Language)}</span>
            <select on:change=move |ev| switch(event_target_value(&ev))>{options}</select>
        </label>
    }
}
