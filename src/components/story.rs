//! The story's controls: the step shown ("Step 2 of 5"), previous and next, a dot per step,
//! arrow keys and swipes; a step's zoom, animated; a host page's messages
//! (`{type: "flowmap:step", step}`, see `public/story.js`). The steps' logic is
//! `flowmap_core::story`.

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::annotate;
use flowmap_core::decimal::Shortest;
use flowmap_core::i18n::{tr, trf, Msg};
use flowmap_core::layout::projection;
use flowmap_core::story::{self, STEP_MESSAGE};
use flowmap_core::zoom::Zoom;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// How long a step's zoom takes, in milliseconds.
const TRANSITION_MS: f64 = 700.0;

/// The step controls and card; nothing for a dataset without a story.
#[component]
pub fn StoryBar() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let steps = data.dataset.raw.story.len();
    (steps > 0).then(|| {
        let lang = data.lang;
        let dataset = data.dataset.clone();
        let step = Memo::new(move |_| state.view.with(|v| v.step));
        // The step the reader left by changing a filter or the pinned flow.
        let left = RwSignal::new(None::<usize>);
        let d = dataset.clone();
        Effect::new(move |_| {
            let off = state.view.with(|v| v.step.filter(|_| !story::on_step(&d, v)));
            if let Some(n) = off {
                state.view.update(|v| v.step = None);
                left.set(Some(n));
            }
        });
        follow_zoom(&data, state, step);
        listen_to_host(state, &data, step, steps);
        let d = StoredValue::new(dataset.clone());
        let go = move |n: usize| {
            left.set(None);
            let zoom = state.view.with_untracked(|v| v.zoom);
            state.view.set(d.with_value(|d| story::view_of(d, n, zoom)));
        };
        let swipe = StoredValue::new((0.0, 0.0));
        let card = move || {
            let Some(n) = step.get() else {
                return Some(match left.get() {
                    Some(was) => view! {
                        <p class="story-left" role="status">{tr(lang, Msg::LeftStory)}" "
                            <button type="button" on:click=move |_| go(was)>{trf(lang, Msg::BackToStep, &[&was.to_string()])}</button>
                        </p>
                    }.into_any(),
                    None => view! {
                        <button type="button" class="story-start" on:click=move |_| go(1)>{tr(lang, Msg::StartStory)}</button>
                    }.into_any(),
                });
            };
            let s = story::step(&dataset, n)?;
            let cites = story::cite_line(&dataset, s, lang);
            Some(view! {
                <h2 class="story-title">{s.title.get(lang.tag()).to_string()}</h2>
                <p class="story-text">{s.text.get(lang.tag()).to_string()}</p>
                <p class="story-cites">{cites}</p>
                // The callouts drawn on the map, in order, for screen readers.
                <ul class="visually-hidden">
                    {s.annotations.iter().map(|a| view! { <li>{a.text.get(lang.tag()).to_string()}</li> }).collect_view()}
                </ul>
            }.into_any())
        };
        // The controls stay while the steps change, so that focus stays on them.
        let by = move |d: isize| {
            if let Some(n) = step.get_untracked().and_then(|n| n.checked_add_signed(d)) {
                go(n);
            }
        };
        let count = move || step.get().map(|n| trf(lang, Msg::StepOf, &[&n.to_string(), &steps.to_string()]));
        // A dot per step, the one shown filled: what the count says, drawn.
        let dots = move || step.get().map(|n| (1..=steps).map(|i| if i == n { '●' } else { '○' }).collect::<String>());
        let key = move |ev: web_sys::KeyboardEvent| {
            let Some(n) = step.get_untracked() else { return };
            let to = match ev.key().as_str() {
                "ArrowLeft" if n > 1 => n - 1,
                "ArrowRight" if n < steps => n + 1,
                _ => return,
            };
            ev.prevent_default();
            go(to);
        };
        // Framed by an article that carries the steps' texts (`?story=host`): the controls
        // and who says so only.
        let class = if crate::dom::param("story").as_deref() == Some("host") { "story host" } else { "story" };
        view! {
            <section
                class=class
                aria-label=tr(lang, Msg::StoryLabel)
                data-step=move || step.get().map(|n| n.to_string())
                on:keydown=key
                on:pointerdown=move |ev| swipe.set_value((ev.client_x() as f64, ev.client_y() as f64))
                on:pointerup=move |ev| {
                    let (x, y) = swipe.get_value();
                    let moved = (ev.client_x() as f64 - x, ev.client_y() as f64 - y);
                    if let Some(to) = step.get_untracked().and_then(|n| story::swiped(n, steps, moved.0, moved.1)) {
                        go(to);
                    }
                }
            >
                {card}
                <div class="story-nav" hidden=move || step.get().is_none()>
                    <button type="button" aria-label=tr(lang, Msg::PrevStep) disabled=move || step.get() == Some(1) on:click=move |_| by(-1)>"‹"</button>
                    <span class="story-count">{count}</span>
                    <span class="story-dots" aria-hidden="true">{dots}</span>
                    <button type="button" aria-label=tr(lang, Msg::NextStep) disabled=move || step.get() == Some(steps) on:click=move |_| by(1)>"›"</button>
                </div>
            </section>
        }
    })
}

/// True when the reader asks for reduced motion.
fn reduced_motion() -> bool {
    crate::dom::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Zooms to each step's extent when the step or the map's size changes: animated, or at
/// once under reduced motion.
fn follow_zoom(data: &Loaded, state: MapState, step: Memo<Option<usize>>) {
    let (dataset, atlas) = (data.dataset.clone(), data.atlas.clone());
    let run = StoredValue::new(0u32);
    Effect::new(move |_| {
        let (w, h) = state.size.get();
        let Some(s) = step.get().and_then(|n| story::step(&dataset, n)) else { return };
        if w <= 0.0 {
            return;
        }
        let to = story::zoom(&dataset, &atlas, s, w, h);
        let from = state.zoom.get_untracked();
        run.update_value(|r| *r += 1);
        if reduced_motion() || from == to {
            state.update_zoom(|_, _, _| to);
            return;
        }
        animate(state, run, run.get_value(), from, to, js_sys::Date::now());
    });
}

/// One frame of a step's zoom, and the next unless another step has started since.
fn animate(state: MapState, run: StoredValue<u32>, id: u32, from: Zoom, to: Zoom, start: f64) {
    crate::dom::on_next_frame(move || {
        if run.get_value() != id {
            return;
        }
        let t = ((js_sys::Date::now() - start) / TRANSITION_MS).min(1.0);
        state.update_zoom(|_, w, h| story::between(from, to, t, w, h));
        if t < 1.0 {
            animate(state, run, id, from, to, start);
        }
    });
}

/// Shows the step a host page asks for, and tells it which step is shown (0 when none).
fn listen_to_host(state: MapState, data: &Loaded, step: Memo<Option<usize>>, steps: usize) {
    let Some(window) = crate::dom::window() else { return };
    let Some(parent) = window.parent().ok().flatten().filter(|p| *p != window) else { return };
    let dataset = data.dataset.clone();
    let from_parent = parent.clone();
    let heard = window_event_listener(leptos::ev::message, move |ev| {
        // Only the page this map is framed in; the message's shape is checked by the core.
        let from_host =
            ev.source().is_some_and(|s| JsValue::from(s) == JsValue::from(&from_parent));
        let data = ev.data();
        let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
        let kind = field("type").and_then(|v| v.as_string());
        let asked = field("step").and_then(|v| v.as_f64());
        if let Some(n) = story::asked_step(kind.as_deref(), asked, steps).filter(|_| from_host) {
            if state.view.with_untracked(|v| v.step) != Some(n) {
                let zoom = state.view.with_untracked(|v| v.zoom);
                state.view.set(story::view_of(&dataset, n, zoom));
            }
        }
    });
    on_cleanup(move || heard.remove());
    Effect::new(move |_| {
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &STEP_MESSAGE.into());
        let _ =
            js_sys::Reflect::set(&msg, &"step".into(), &(step.get().unwrap_or(0) as f64).into());
        let _ = js_sys::Reflect::set(&msg, &"steps".into(), &(steps as f64).into());
        // Which step is shown is not a secret; the host script checks where messages come from.
        let _ = parent.post_message(&msg, "*");
    });
}

/// The step's overlay (`flowmap_core::annotate`): rings around its places and its callouts,
/// in the map's layout, so that they move with the zoom. Hidden from screen readers, which
/// read the callouts in the card.
#[component]
pub fn StoryNotes() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    move || {
        let o = overlay(&data, state)?;
        let rings = o
            .rings
            .into_iter()
            .map(|(at, r)| view! { <circle class="ring" cx=Shortest(at.x).to_string() cy=Shortest(at.y).to_string() r=Shortest(r).to_string() /> })
            .collect_view();
        let notes = o
            .callouts
            .into_iter()
            .map(|c| {
                let leader = c.leader.map(|(a, b)| view! { <line x1=Shortest(a.x).to_string() y1=Shortest(a.y).to_string() x2=Shortest(b.x).to_string() y2=Shortest(b.y).to_string() /> });
                let r = c.rect;
                let lines = (0..c.lines.len())
                    .map(|i| {
                        let at = c.line_at(i);
                        view! { <text x=Shortest(at.x).to_string() y=Shortest(at.y).to_string()>{c.lines[i].clone()}</text> }
                    })
                    .collect_view();
                view! { <g class="callout">{leader}<rect x=Shortest(r.x0).to_string() y=Shortest(r.y0).to_string() width=Shortest(r.x1 - r.x0).to_string() height=Shortest(r.y1 - r.y0).to_string() rx="3" />{lines}</g> }
            })
            .collect_view();
        Some(view! { <g class="story-notes" aria-hidden="true">{rings}{notes}</g> })
    }
}

/// The overlay of the step shown, for the map as laid out now; `None` outside the story.
pub fn overlay(data: &Loaded, state: MapState) -> Option<annotate::Overlay> {
    let s = state.view.with(|v| v.step).and_then(|n| story::step(&data.dataset, n))?;
    state.layout.with(|l| {
        let l = l.as_ref()?;
        let size = state.size.get_untracked();
        let proj = projection(&data.dataset, &data.atlas, size.0, size.1, state.laid_out_zoom());
        Some(annotate::overlay(s, &data.dataset, l, &proj, size, data.lang.tag()))
    })
}
