//! Embedding: `?embed=1` shows only the graphic, and a framed map tells its parent page how
//! tall it is with `{type: "flowmap:height", height}` messages (see `public/embed.js`).

/// The message type the host script listens for.
pub const HEIGHT_MESSAGE: &str = "flowmap:height";

/// True when the page was opened with `?embed=1`.
pub fn is_embed() -> bool {
    matches!(crate::dom::param("embed").as_deref(), Some("1" | "true"))
}

fn post_height() {
    let Some(window) = crate::dom::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    // The content's own height (the body has no margin), not the root's scroll height,
    // which never drops below the frame's: the frame must be able to shrink as well as grow.
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let height = body.get_bounding_client_rect().height().ceil();
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    // The height is not a secret; the host script checks where messages come from.
    let _ = parent.post_message(&msg, "*");
}

/// When framed, posts the page height now and whenever it changes.
pub fn report_height() {
    let Some(window) = crate::dom::window() else {
        return;
    };
    if window.parent().ok().flatten().is_none_or(|p| p == window) {
        return;
    }
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    // The observer calls once when it starts: the first height.
    crate::dom::observe_resize(&body, post_height);
}
