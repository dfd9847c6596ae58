//! The time player: the map a month at a time, a step a second from the first month to the
//! last, with the month (and its events) said politely to screen readers. With reduced
//! motion, public/style.css shows buttons for the previous and next month instead.

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::filter::Filter;
use flowmap_core::i18n::{tr, Msg};
use flowmap_core::player::{caption, first_step, show_month, step};
use flowmap_core::timeline::Timeline;
use leptos::prelude::*;
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
    let ticker = StoredValue::new(None::<IntervalHandle>);
    let playing = RwSignal::new(false);
    // The filter as the player last set it: any other is the reader's, and pauses the play.
    let set_by_player = StoredValue::new(None::<Filter>);
    let stop = move || {
        if let Some(t) = ticker.try_update_value(Option::take).flatten() {
            t.clear();
        }
        playing.try_set(false);
    };
    // Shows the month `by` months on, as a new history entry when `first`; false past the end.
    let go = move |first: bool, by: i32| {
        let Some(m) = step(timeline, &filter(), by) else { return false };
        state.step_filter(first, |f| show_month(f, m));
        set_by_player.set_value(Some(filter()));
        true
    };
    let play = move |_| {
        if playing.get_untracked() {
            return stop();
        }
        let m = first_step(timeline, &filter());
        state.edit_filter(|f| show_month(f, m));
        set_by_player.set_value(Some(filter()));
        playing.set(true);
        let tick = move || {
            if !go(false, 1) {
                stop();
            }
        };
        ticker.set_value(set_interval_with_handle(tick, STEP).ok());
    };
    Effect::new(move |_| {
        let now = state.view.with(|v| v.filter.clone());
        if playing.get_untracked() && set_by_player.with_value(|f| f.as_ref() != Some(&now)) {
            stop();
        }
    });
    on_cleanup(stop);
    let said = Memo::new(move |_| state.view.with(|v| caption(&dataset, &v.filter, lang)));
    let ends = move |by: i32| state.view.with(|v| step(timeline, &v.filter, by).is_none());
    view! {
        <div class="player">
            <button type="button" class="play" on:click=play>
                {move || tr(lang, if playing.get() { Msg::Pause } else { Msg::PlayMonths })}
            </button>
            <button type="button" class="step" disabled=move || ends(-1) on:click=move |_| { go(true, -1); }>
                {tr(lang, Msg::PreviousMonth)}
            </button>
            <button type="button" class="step" disabled=move || ends(1) on:click=move |_| { go(true, 1); }>
                {tr(lang, Msg::NextMonth)}
            </button>
            <p class="player-month" aria-live="polite">{move || said.get()}</p>
        </div>
    }
}
