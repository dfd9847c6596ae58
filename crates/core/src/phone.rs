//! The page on a phone: the map's portrait frame.

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

#[cfg(test)]
mod test {
    use super::*;

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
}
