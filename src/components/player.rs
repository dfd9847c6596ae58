//! The time player: the map a month at a time, a step a second from the first month to the
//! last, with the month (and its events) said politely to screen readers; a filter the
//! reader changes pauses it at the next step. With reduced motion, public/style.css shows
//! buttons for the previous and next month instead (past either end they do nothing).

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::filter::Filter;
use flowmap_core::i18n::{tr, Msg};
use flowmap_core::player::{caption, first_step, show_month, step};
use flowmap_core::timeline::Timeline;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// How long the player shows each month.
const STEP: Duration = Duration::from_secs(1);

/// Play and pause (or, with reduced motion, previous and next month), and the month shown.
#[component]
pub fn Player(
    /// The months the data covers.
    timeline: Timeline,
) -> impl IntoView {
    let data = expect_context::<Loaded>();
    let state = expect_context::<MapState>();
    let (dataset, lang) = (data.dataset.clone(), data.lang);
    let filter = move || state.view.with_untracked(|v| v.filter.clone());
    let playing = RwSignal::new(false);
    // The timer while playing, and the filter as the player last set it: any other is the
    // reader's, and pauses the play.
    let run = Rc::new(RefCell::new((None::<IntervalHandle>, None::<Filter>)));
    let stop = {
        let run = run.clone();
        move || {
            if let Some(t) = run.borrow_mut().0.take() {
                t.clear();
            }
            playing.try_set(false);
        }
    };
    // Shows the month `by` months on (the first month when none is shown alone), as a new
    // history entry when `first`; false past the end.
    let go = {
        let run = run.clone();
        move |first: bool, by: i32| {
            let Some(m) = step(timeline, &filter(), by) else { return false };
            state.step_filter(first, |f| show_month(f, m));
            run.borrow_mut().1 = Some(filter());
            true
        }
    };
    // Each second: the next month, unless the reader has changed a filter since the last.
    let tick = {
        let (run, go, stop) = (run.clone(), go.clone(), stop.clone());
        move || {
            let changed = run.borrow().1.as_ref() != Some(&filter());
            if changed || !go(false, 1) {
                stop();
            }
        }
    };
    let play = {
        let stop = stop.clone();
        move |_| {
            if playing.get_untracked() {
                return stop();
            }
            let m = first_step(timeline, &filter());
            state.edit_filter(|f| show_month(f, m));
            playing.set(true);
            *run.borrow_mut() = (set_interval_with_handle(tick.clone(), STEP).ok(), Some(filter()));
        }
    };
    let at_cleanup = SendWrapper::new(stop);
    on_cleanup(move || (*at_cleanup)());
    let said = Memo::new(move |_| state.view.with(|v| caption(&dataset, &v.filter, lang)));
    view! {
        <div class="player">
            <button type="button" class="play" on:click=play>
                {move || tr(lang, if playing.get() { Msg::Pause } else { Msg::PlayMonths })}
            </button>
            <button type="button" class="step" on:click={
                let go = go.clone();
                move |_| { go(true, -1); }
            }>
                {tr(lang, Msg::PreviousMonth)}
            </button>
            <button type="button" class="step" on:click=move |_| { go(true, 1); }>
                {tr(lang, Msg::NextMonth)}
            </button>
            <p class="player-month" aria-live="polite">{move || said.get()}</p>
        </div>
    }
}
