//! Entry point: reports panics in the console and mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(flowmap::App);
}
