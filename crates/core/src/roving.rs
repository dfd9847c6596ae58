//! The map as one Tab stop (the WAI-ARIA "roving tabindex"): which of its flows and places
//! takes Tab, and where the arrow keys, Home and End move the focus among them.
//!
//! The stops come in one stable order: the flows (in dataset order), then the places (in
//! the layout's order). Right and Down go to the next stop, Left and Up to the previous
//! one, both wrapping round; Home goes to the first flow, End to the last place.

/// One focusable item of the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// A flow, by dataset index.
    Flow(usize),
    /// A place (marker), by location id.
    Place(String),
}

/// The map's stops in their order: `flows`, then `places`.
///
/// # Examples
/// ```
/// use flowmap_core::roving::{stops, Stop};
/// assert_eq!(stops([2, 0], ["kyiv"]), [Stop::Flow(2), Stop::Flow(0), Stop::Place("kyiv".into())]);
/// ```
pub fn stops<'a>(
    flows: impl IntoIterator<Item = usize>,
    places: impl IntoIterator<Item = &'a str>,
) -> Vec<Stop> {
    flows
        .into_iter()
        .map(Stop::Flow)
        .chain(places.into_iter().map(|p| Stop::Place(p.into())))
        .collect()
}

/// The stop that takes Tab (`tabindex="0"`): `last` (the one focused last) while it is
/// still one of `stops`, else the first; `None` when there are none.
///
/// # Examples
/// ```
/// use flowmap_core::roving::{tab_stop, Stop};
/// let all = [Stop::Flow(1), Stop::Flow(4)];
/// assert_eq!(tab_stop(&all, Some(&Stop::Flow(4))), Some(Stop::Flow(4)));
/// assert_eq!(tab_stop(&all, Some(&Stop::Flow(9))), Some(Stop::Flow(1)));
/// ```
pub fn tab_stop(stops: &[Stop], last: Option<&Stop>) -> Option<Stop> {
    last.filter(|l| stops.contains(l)).or(stops.first()).cloned()
}

/// A move of the focus among the stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// To the next stop, from the last to the first.
    Next,
    /// To the previous stop, from the first to the last.
    Previous,
    /// To the first stop.
    First,
    /// To the last stop.
    Last,
}

impl Move {
    /// The move of a key (`KeyboardEvent.key`), if it is one of the map's.
    pub fn of_key(key: &str) -> Option<Move> {
        match key {
            "ArrowRight" | "ArrowDown" => Some(Move::Next),
            "ArrowLeft" | "ArrowUp" => Some(Move::Previous),
            "Home" => Some(Move::First),
            "End" => Some(Move::Last),
            _ => None,
        }
    }
}

/// Where `step` goes among `len` stops from position `from` (`None`: from outside them,
/// where Next goes to the first and Previous to the last); `None` when there are none.
///
/// # Examples
/// ```
/// use flowmap_core::roving::{moved, Move};
/// assert_eq!(moved(3, Some(2), Move::Next), Some(0));
/// assert_eq!(moved(3, Some(0), Move::Previous), Some(2));
/// assert_eq!(moved(3, None, Move::Last), Some(2));
/// ```
pub fn moved(len: usize, from: Option<usize>, step: Move) -> Option<usize> {
    let last = len.checked_sub(1)?;
    Some(match (step, from.filter(|i| *i <= last)) {
        (Move::First, _) | (Move::Next, None) => 0,
        (Move::Last, _) | (Move::Previous, None) => last,
        (Move::Next, Some(i)) => {
            if i == last {
                0
            } else {
                i + 1
            }
        }
        (Move::Previous, Some(i)) => {
            if i == 0 {
                last
            } else {
                i - 1
            }
        }
    })
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn stops_are_flows_then_places_in_their_order() {
        let all = stops([5, 1], ["b", "a"]);
        assert_eq!(
            all,
            [Stop::Flow(5), Stop::Flow(1), Stop::Place("b".into()), Stop::Place("a".into())]
        );
        assert_eq!(stops([], []), Vec::<Stop>::new());
    }

    #[test]
    fn the_tab_stop_is_the_last_focused_while_it_stays_else_the_first() {
        let all = stops([3], ["kyiv", "riga"]);
        assert_eq!(tab_stop(&all, None), Some(Stop::Flow(3)));
        let riga = Stop::Place("riga".into());
        assert_eq!(tab_stop(&all, Some(&riga)), Some(riga));
        // A filter took the last focused flow away: back to the first stop.
        assert_eq!(tab_stop(&all, Some(&Stop::Flow(7))), Some(Stop::Flow(3)));
        // Only places left: the first place.
        let places = stops([], ["kyiv"]);
        assert_eq!(tab_stop(&places, Some(&Stop::Flow(3))), Some(Stop::Place("kyiv".into())));
        assert_eq!(tab_stop(&[], Some(&Stop::Flow(3))), None);
    }

    #[test]
    fn moves_wrap_round_and_home_end_go_to_the_ends() {
        assert_eq!(moved(4, Some(1), Move::Next), Some(2));
        assert_eq!(moved(4, Some(3), Move::Next), Some(0));
        assert_eq!(moved(4, Some(1), Move::Previous), Some(0));
        assert_eq!(moved(4, Some(0), Move::Previous), Some(3));
        assert_eq!(moved(4, Some(2), Move::First), Some(0));
        assert_eq!(moved(4, Some(0), Move::Last), Some(3));
        // From outside the stops (or a position no longer among them).
        assert_eq!(moved(4, None, Move::Next), Some(0));
        assert_eq!(moved(4, None, Move::Previous), Some(3));
        assert_eq!(moved(4, Some(9), Move::Next), Some(0));
        assert_eq!(moved(1, Some(0), Move::Next), Some(0));
        assert_eq!(moved(0, None, Move::First), None);
    }

    #[test]
    fn keys_of_the_moves() {
        assert_eq!(Move::of_key("ArrowRight"), Some(Move::Next));
        assert_eq!(Move::of_key("ArrowDown"), Some(Move::Next));
        assert_eq!(Move::of_key("ArrowLeft"), Some(Move::Previous));
        assert_eq!(Move::of_key("ArrowUp"), Some(Move::Previous));
        assert_eq!(Move::of_key("Home"), Some(Move::First));
        assert_eq!(Move::of_key("End"), Some(Move::Last));
        assert_eq!(Move::of_key("Tab"), None);
    }
}
