//! Filters: category, claim status, source and time, with a count and a reset.

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::describe::source_line;
use flowmap_core::filter::Filter;
use flowmap_core::i18n::{tr, trf, Msg};
use flowmap_core::palette::{category_color, dasharray};
use flowmap_core::timeline::{date_of, month_of, Timeline};
use leptos::prelude::*;

/// The filter's field a menu keeps its choice in: read it, and write it.
type Field = (fn(&Filter) -> &Option<String>, fn(&mut Filter) -> &mut Option<String>);

/// A menu that limits the map to one of `options` (id, text) — or to all, the first entry —
/// kept in the filter's `field`.
fn one_of(
    state: MapState,
    class: &'static str,
    label: String,
    all: String,
    options: Vec<(String, String)>,
    (read, write): Field,
) -> impl IntoView {
    let chosen = move |id: &str| state.view.with(|v| read(&v.filter).as_deref() == Some(id));
    let options = options
        .into_iter()
        .map(|(id, text)| {
            let id2 = id.clone();
            view! { <option value=id selected=move || chosen(&id2)>{text}</option> }
        })
        .collect_view();
    view! {
        <label class=class>
            <span>{label}</span>
            <select on:change=move |ev| {
                let v = event_target_value(&ev);
                state.edit_filter(|f| *write(f) = Some(v).filter(|s| !s.is_empty()));
            }>
                <option value="" selected=move || state.view.with(|v| read(&v.filter).is_none())>{all}</option>
                {options}
            </select>
        </label>
    }
}

/// The filter controls under the map; on a phone folded behind a button that says how many
/// are on (public/style.css shows the button and folds them below 600 px only).
#[component]
pub fn Filters() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let dataset = data.dataset.clone();
    let lang = data.lang;
    let total = dataset.raw.flows.len();
    let edit = move |f: &dyn Fn(&mut Filter)| state.edit_filter(f);

    let categories = dataset
        .categories_in_use()
        .map(|(i, c)| {
            let (id, id2) = (c.id.clone(), c.id.clone());
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || state.view.with(|v| !v.filter.hidden_categories.contains(&id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit(&|f| { if on { f.hidden_categories.remove(&id2); } else { f.hidden_categories.insert(id2.clone()); } });
                        }
                    />
                    <span class="swatch-line" style:border-top-color=category_color(i) aria-hidden="true"></span>
                    {c.name.get(lang.tag()).to_string()}
                </label>
            }
        })
        .collect_view();

    let statuses = dataset
        .statuses_in_use()
        .map(|s| {
            let dash = dasharray(s, 2.5).unwrap_or_default();
            view! {
                <label class="check" title=s.explanation(lang)>
                    <input
                        type="checkbox"
                        prop:checked=move || state.view.with(|v| !v.filter.hidden_statuses.contains(&s))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit(&|f| { if on { f.hidden_statuses.remove(&s); } else { f.hidden_statuses.insert(s); } });
                        }
                    />
                    <svg width="30" height="8" aria-hidden="true"><path d="M1,4 L29,4" class="status-sample" stroke-dasharray=dash /></svg>
                    {s.label(lang)}
                </label>
            }
        })
        .collect_view();

    let sources = dataset
        .raw
        .sources
        .iter()
        .map(|s| {
            let text = match &s.title {
                Some(t) => format!("{}: {t}", s.outlet.get(lang.tag())),
                None => source_line(s, lang),
            };
            (s.id.clone(), text)
        })
        .collect();
    // Who says so: every speaker some flow cites, in the dataset's order.
    let speakers = dataset
        .raw
        .speakers
        .iter()
        .filter(|sp| {
            dataset.raw.flows.iter().any(|f| f.citations.iter().any(|c| c.speaker == sp.id))
        })
        .map(|sp| (sp.id.clone(), sp.name.get(lang.tag()).to_string()))
        .collect();

    let time = Timeline::of(&dataset).map(|t| view! { <TimeRange timeline=t /> });

    let shown = move || state.visible.with(Vec::len);
    let on = move || match state.view.with(|v| v.filter.kinds_on()) {
        0 => String::new(),
        n => format!(" ({})", trf(lang, Msg::FiltersOn, &[&n.to_string()])),
    };
    // Folded and unfolded by its own state (public/style.css hides the section after a
    // button that is not expanded), without a signal.
    let fold = |ev: web_sys::MouseEvent| {
        if let Some(b) = crate::dom::closest(&ev, "button") {
            let open = b.get_attribute("aria-expanded").as_deref() == Some("true");
            let _ = b.set_attribute("aria-expanded", if open { "false" } else { "true" });
        }
    };
    view! {
        // Before the folded filters, not in them: a phone shows it below the map.
        <super::search::PlaceSearch />
        <button type="button" class="filters-toggle" aria-expanded="false" aria-controls="filters" on:click=fold>
            {tr(lang, Msg::Filters)}{on}
        </button>
        <section id="filters" class="filters" aria-label=tr(lang, Msg::Filters)>
            <fieldset>
                <legend>{tr(lang, Msg::What)}</legend>
                {categories}
            </fieldset>
            <fieldset>
                <legend>{tr(lang, Msg::HowSolid)}</legend>
                {statuses}
            </fieldset>
            {one_of(state, "source", tr(lang, Msg::Source), tr(lang, Msg::AllSources), sources, (|f| &f.source, |f| &mut f.source))}
            {one_of(state, "speaker", tr(lang, Msg::WhoSaysSo), tr(lang, Msg::AllSpeakers), speakers, (|f| &f.speaker, |f| &mut f.speaker))}
            {time}
            <div class="filter-status">
                <p class="count" role="status" aria-live="polite">{move || trf(lang, Msg::Showing, &[&shown().to_string(), &total.to_string()])}</p>
                <button
                    type="button"
                    disabled=move || state.view.with(|v| v.filter.is_default())
                    on:click=move |_| edit(&|f| *f = Filter::default())
                >
                    {tr(lang, Msg::ResetFilters)}
                </button>
            </div>
        </section>
    }
}

/// Where the centre of a slider's handle stands at `fraction` of its range, from the
/// track's start: the handle (`THUMB` CSS px wide, as public/style.css draws it) stays
/// within the track. The shaded span and the events' ticks are placed by it too.
fn thumb_at(fraction: f64) -> String {
    format!(
        "calc({} * (100% - {THUMB}px) + {}px)",
        flowmap_core::decimal::Shortest(fraction),
        THUMB / 2
    )
}

/// The width of a time slider's handle, in CSS px (`.time-track input::…-thumb`).
const THUMB: u32 = 20;

/// Two sliders for the first and last month shown, over an axis with the dataset's events.
#[component]
fn TimeRange(
    /// The months the data covers.
    timeline: Timeline,
) -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let lang = data.lang;
    // The months the two ends stand at: the filter's, else the timeline's own.
    let ends = move |f: &Filter| {
        (
            f.from.map_or(timeline.start, |d| month_of(&d, true)),
            f.to.map_or(timeline.end, |d| month_of(&d, false)),
        )
    };
    // A memo: a pan or zoom (in the same view) does not re-format the dates.
    let now = Memo::new(move |_| state.view.with(|v| ends(&v.filter)));
    let end = move |first: bool| now.with(|(lo, hi)| if first { *lo } else { *hi });
    // Whether a gesture (a drag, a key press) is moving a handle: its first step adds a
    // history entry, the later ones replace it. It ends when the slider's value is
    // committed (`change`) or the pointer or key is released.
    let moving = StoredValue::new(false);
    let end_gesture = move || moving.set_value(false);
    let set = move |first: bool, m: i32| {
        let started = !moving.get_value();
        moving.set_value(true);
        state.step_filter(started, |f| {
            let (lo, hi) = ends(f);
            if first {
                let m = m.min(hi);
                f.from = (m != timeline.start).then(|| date_of(m));
            } else {
                let m = m.max(lo);
                f.to = (m != timeline.end).then(|| date_of(m));
            }
        })
    };
    let label = move |m: i32| date_of(m).human(lang);
    let slider = move |name: String, first: bool| {
        view! {
            <input
                type="range"
                aria-label=name
                min=timeline.start
                max=timeline.end
                prop:value=move || end(first).to_string()
                aria-valuetext=move || label(end(first))
                on:input=move |ev| if let Ok(m) = event_target_value(&ev).parse() { set(first, m) }
                on:change=move |_| end_gesture()
                on:pointerup=move |_| end_gesture()
                on:keyup=move |_| end_gesture()
                on:blur=move |_| end_gesture()
            />
        }
    };
    let events = data
        .dataset
        .raw
        .events
        .iter()
        .map(|e| {
            let m = month_of(&e.date, true);
            let left = thumb_at(timeline.fraction(m));
            (left, e.date.human(lang), e.label.get(lang.tag()).to_string())
        })
        .collect::<Vec<_>>();
    let ticks = events
        .iter()
        .map(|(left, date, text)| view! { <span class="event-tick" style:left=left.clone() title=format!("{date}: {text}")></span> })
        .collect_view();
    let list = events
        .into_iter()
        .map(|(_, date, text)| view! { <li><time>{date}</time>" "{text}</li> })
        .collect_view();
    view! {
        <fieldset class="time">
            <legend>{tr(lang, Msg::When)}</legend>
            <p class="time-label">{move || format!("{} – {}", label(end(true)), label(end(false)))}</p>
            <div class="time-track">
                {ticks}
                <span
                    class="time-span"
                    aria-hidden="true"
                    style:left=move || thumb_at(timeline.fraction(end(true)))
                    style:right=move || thumb_at(1.0 - timeline.fraction(end(false)))
                ></span>
                {slider(tr(lang, Msg::FirstMonth), true)}
                {slider(tr(lang, Msg::LastMonth), false)}
            </div>
            <super::player::Player timeline />
            <ul class="events" aria-label=tr(lang, Msg::Events)>{list}</ul>
            <p class="time-note">{tr(lang, Msg::UndatedNote)}</p>
        </fieldset>
    }
}
