//! The flow map app: loads the dataset and geometry, then shows the graphic.
//!
//! Components are thin views over `flowmap-core`, which does the parsing, projection,
//! layout and wording.

mod components;
mod load;
mod state;
pub mod panic_message;

use components::graphic::Graphic;
use leptos::prelude::*;

/// The whole page: a loading line, an error panel, or the graphic.
#[component]
pub fn App() -> impl IntoView {
    let (loaded, set_loaded) = signal(None::<Result<load::Loaded, String>>);
    leptos::task::spawn_local(async move { set_loaded.set(Some(load::load().await)) });
    view! {
        <main class="flowmap">
            {move || match loaded.get() {
                None => view! { <p class="status" role="status">"Loading the map…"</p> }.into_any(),
                Some(Err(message)) => view! {
                    <div class="load-error" role="alert">
                        <h2>"The map could not be shown"</h2>
                        <p>{message}</p>
                    </div>
                }
                .into_any(),
                Some(Ok(data)) => view! { <Graphic data /> }.into_any(),
            }}
        </main>
    }
}
