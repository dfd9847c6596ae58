//! The editor page (`editor.html`): CSV sheets or a dataset in, every problem at its cell,
//! a preview of the real map, the dataset file and the embed code out; nothing leaves the
//! browser. The work is [`flowmap_core::editor`]'s; these components only show it.

mod app;
mod browser;
mod inputs;
mod preview;
mod problems;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
