//! Entry point: installs the panic hook and mounts the app.

fn main() {
    flowmap::panic_message::install();
    leptos::mount::mount_to_body(flowmap::App);
}
