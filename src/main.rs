//! Entry point: installs the panic hook and mounts the app.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    flowmap::panic_message::install();
    // In a task of its own, not in the one that instantiates the WebAssembly (which runs
    // this): two shorter tasks instead of one long one (issue 18: total blocking time).
    leptos::prelude::set_timeout(
        || leptos::mount::mount_to_body(flowmap::App),
        std::time::Duration::ZERO,
    );
}

/// Shows "the map stopped working" in the map's box and logs `detail`: `public/boot.js`
/// calls it when an error escapes the WebAssembly without a panic (a browser API throwing
/// through it, a trap).
#[wasm_bindgen(js_name = showStopped)]
pub fn show_stopped(detail: String) {
    flowmap::panic_message::show(&detail);
}
