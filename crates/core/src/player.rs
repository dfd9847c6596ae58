//! The time player: the map shown one month at a time, from the first month of the
//! [`Timeline`] to its last, through the time filter's two ends.

use crate::dataset::Dataset;
use crate::filter::Filter;
use crate::i18n::Lang;
use crate::timeline::{date_of, month_of, Month, Timeline};

/// The month the filter shows when it shows one month alone (both ends in it).
///
/// # Examples
/// ```
/// use flowmap_core::{filter::Filter, player::{month_shown, show_month}};
/// let mut f = Filter::default();
/// assert_eq!(month_shown(&f), None);
/// show_month(&mut f, 2023 * 12 + 4);
/// assert_eq!((f.from.unwrap().to_string(), month_shown(&f)), ("2023-05".into(), Some(2023 * 12 + 4)));
/// ```
pub fn month_shown(filter: &Filter) -> Option<Month> {
    let (from, to) = (filter.from.as_ref()?, filter.to.as_ref()?);
    let m = month_of(from, true);
    (m == month_of(to, true) && m == month_of(to, false)).then_some(m)
}

/// Sets the time filter to the month `m` alone.
pub fn show_month(filter: &mut Filter, m: Month) {
    filter.from = Some(date_of(m));
    filter.to = Some(date_of(m));
}

/// Where a play starts: the month shown, or the first month when none is shown alone or
/// the last is.
///
/// # Examples
/// ```
/// use flowmap_core::{filter::Filter, player::{first_step, show_month}, timeline::Timeline};
/// let t = Timeline { start: 10, end: 20 };
/// let mut f = Filter::default();
/// assert_eq!(first_step(t, &f), 10);
/// show_month(&mut f, 14);
/// assert_eq!(first_step(t, &f), 14);
/// show_month(&mut f, 20);
/// assert_eq!(first_step(t, &f), 10, "played to the end: again from the start");
/// ```
pub fn first_step(timeline: Timeline, filter: &Filter) -> Month {
    month_shown(filter)
        .filter(|m| (timeline.start..timeline.end).contains(m))
        .unwrap_or(timeline.start)
}

/// The month `by` months from the one shown (or, when none is shown alone, from before the
/// first month for a step forward, after the last for a step back); `None` past either
/// end of the timeline: the player stops there.
///
/// # Examples
/// ```
/// use flowmap_core::{filter::Filter, player::{show_month, step}, timeline::Timeline};
/// let t = Timeline { start: 10, end: 12 };
/// let mut f = Filter::default();
/// assert_eq!((step(t, &f, 1), step(t, &f, -1)), (Some(10), Some(12)));
/// show_month(&mut f, 12);
/// assert_eq!((step(t, &f, 1), step(t, &f, -1)), (None, Some(11)));
/// ```
pub fn step(timeline: Timeline, filter: &Filter, by: i32) -> Option<Month> {
    let from = month_shown(filter)
        .filter(|m| (timeline.start..=timeline.end).contains(m))
        .unwrap_or(if by > 0 { timeline.start - 1 } else { timeline.end + 1 });
    Some(from + by).filter(|m| (timeline.start..=timeline.end).contains(m))
}

/// What the player says of the month the filter shows: the month, and the dataset's events
/// in it ("Feb 2022: Russia's full-scale invasion of Ukraine"); empty when the filter
/// shows no single month.
///
/// # Examples
/// ```
/// use flowmap_core::{dataset::Dataset, filter::Filter, i18n::Lang, player::{caption, show_month}};
/// let d = Dataset::from_json("d", include_str!("../../../public/data/flows.json")).unwrap();
/// let mut f = Filter::default();
/// assert_eq!(caption(&d, &f, Lang::En), "");
/// show_month(&mut f, 2022 * 12 + 1);
/// assert!(caption(&d, &f, Lang::En).starts_with("Feb 2022: Russia's full-scale invasion"));
/// show_month(&mut f, 2022 * 12 + 2);
/// assert_eq!(caption(&d, &f, Lang::Ru), "март 2022");
/// ```
pub fn caption(dataset: &Dataset, filter: &Filter, lang: Lang) -> String {
    let Some(m) = month_shown(filter) else {
        return String::new();
    };
    let mut text = date_of(m).human(lang);
    let events: Vec<&str> = dataset
        .raw
        .events
        .iter()
        .filter(|e| month_of(&e.date, true) == m)
        .map(|e| e.label.get(lang.tag()))
        .collect();
    if !events.is_empty() {
        text = format!("{text}: {}", events.join("; "));
    }
    text
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn a_play_steps_through_every_month_once_and_stops_at_the_end() {
        let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
        let t = Timeline::of(&d).unwrap();
        let mut f = Filter::default();
        let mut m = first_step(t, &f);
        let mut seen = vec![m];
        show_month(&mut f, m);
        while let Some(next) = step(t, &f, 1) {
            m = next;
            seen.push(m);
            show_month(&mut f, m);
        }
        assert_eq!(seen, (t.start..=t.end).collect::<Vec<_>>());
        assert_eq!(date_of(m).to_string(), "2023-07");
        // What each step shows: flow 1 runs 2022-03 to 2023-07, flow 0 is undated.
        show_month(&mut f, t.start - 1);
        assert_eq!(crate::filter::indices(&f.passes(&d)), [0]);
        show_month(&mut f, t.start);
        assert_eq!(crate::filter::indices(&f.passes(&d)), [0, 1]);
    }

    #[test]
    fn a_range_of_several_months_is_no_month_shown() {
        let f =
            Filter { from: "2023-01".parse().ok(), to: "2023".parse().ok(), ..Filter::default() };
        assert_eq!(month_shown(&f), None);
        let t = Timeline { start: 5, end: 9 };
        assert_eq!(step(t, &f, 1), Some(5));
    }
}
