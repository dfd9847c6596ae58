//! The page's own address: its query string.

/// The page's query string (`?data=…&lang=ru`), or "" when there is none.
pub fn search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The value of `name` in the page's query string.
pub fn param(name: &str) -> Option<String> {
    flowmap_core::query::param(&search(), name)
}
