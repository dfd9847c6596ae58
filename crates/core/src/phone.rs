//! The page on a phone: the map's portrait frame, and how many filters are on (what the
//! folded filters' button says).

use crate::filter::Filter;

/// Viewports narrower than this, in CSS px, get the phone layout (public/style.css's phone
/// rules, `max-width: 599.98px`, use the same width).
pub const PHONE_WIDTH: f64 = 600.0;
/// The least share of a phone's viewport height the map's frame takes.
pub const MAP_SHARE: f64 = 0.6;

/// The map frame's height, given the height the data's shape asks for (`natural`, see
/// [`crate::layout::preferred_height`]) and the `viewport` (width, height) in CSS px: on a
/// phone at least [`MAP_SHARE`] of the viewport's height (a portrait frame, which the
/// projection is then fitted to), elsewhere `natural`. `None` for the viewport (an
/// embedded map, whose frame's height follows the map) keeps `natural` too.
///
/// # Examples
/// ```
/// use flowmap_core::phone::frame_height;
/// assert_eq!(frame_height(181.0, Some((375.0, 740.0))), 444.0);
/// assert_eq!(frame_height(600.0, Some((1280.0, 800.0))), 600.0);
/// assert_eq!(frame_height(181.0, None), 181.0);
/// ```
pub fn frame_height(natural: f64, viewport: Option<(f64, f64)>) -> f64 {
    match viewport {
        Some((width, height)) if width > 0.0 && width < PHONE_WIDTH && height > 0.0 => {
            natural.max((height * MAP_SHARE).ceil())
        }
        _ => natural,
    }
}

/// How many of the filters leave something out: the goods, the claim statuses, the
/// publication, the speaker and the time range count one each.
///
/// # Examples
/// ```
/// use flowmap_core::{filter::Filter, phone::filters_on};
/// let mut f = Filter::default();
/// assert_eq!(filters_on(&f), 0);
/// f.hidden_categories.insert("arms".into());
/// f.hidden_categories.insert("gas".into());
/// f.source = Some("rks".into());
/// assert_eq!(filters_on(&f), 2);
/// ```
pub fn filters_on(f: &Filter) -> usize {
    [
        !f.hidden_categories.is_empty(),
        !f.hidden_statuses.is_empty(),
        f.source.is_some(),
        f.speaker.is_some(),
        f.from.is_some() || f.to.is_some(),
    ]
    .into_iter()
    .filter(|on| *on)
    .count()
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::ClaimStatus;

    #[test]
    fn a_phone_gets_a_portrait_frame_of_most_of_its_height() {
        for (w, h) in [(320.0, 640.0), (375.0, 740.0), (414.0, 896.0)] {
            let height = frame_height(w * 0.5, Some((w, h)));
            assert!(height >= h * MAP_SHARE && height > w, "{w}×{h}: {height}");
        }
        // A natural height taller than that is kept; a tablet or desktop keeps its own.
        assert_eq!(frame_height(500.0, Some((375.0, 740.0))), 500.0);
        assert_eq!(frame_height(300.0, Some((600.0, 900.0))), 300.0);
        assert_eq!(frame_height(300.0, Some((0.0, 0.0))), 300.0);
    }

    #[test]
    fn each_kind_of_filter_counts_once() {
        let mut f = Filter::default();
        f.hidden_statuses.insert(ClaimStatus::Alleged);
        f.speaker = Some("svr".into());
        assert_eq!(filters_on(&f), 2);
        f.from = "2024-01".parse().ok();
        assert_eq!(filters_on(&f), 3);
        f.to = "2024-06".parse().ok();
        assert_eq!(filters_on(&f), 3);
    }
}
