//! The flow map app: loads the dataset and geometry, then shows the graphic.
//!
//! Components are thin views over `flowmap-core`, which does the parsing, projection,
//! layout and wording.

mod components;
mod dom;
mod download;
mod embed;
mod lazy;
mod load;
pub mod panic_message;
mod state;

use components::graphic::Graphic;
use flowmap_core::i18n::{tr, Msg};
use leptos::prelude::*;

/// Applies `?theme=light|dark` to the page (otherwise the reader's system setting rules).
fn apply_theme() {
    let theme = dom::param("theme");
    if let (Some(t @ ("light" | "dark")), Some(root)) = (theme.as_deref(), dom::root()) {
        let _ = root.set_attribute("data-theme", t);
    }
}

/// The data and the map's state, laid out for the page's column, made a task at a time
/// before the graphic is mounted (which then reads the layout made): downloads and parses
/// ([`load::load`]), the flows' layout, the outlines. The state belongs to `owner`, the app.
async fn prepare(owner: Option<Owner>) -> Result<(load::Loaded, state::MapState), String> {
    let data = load::load().await?;
    dom::next_task().await;
    let state = match &owner {
        Some(owner) => owner.with(|| state::MapState::new(&data)),
        None => state::MapState::new(&data),
    };
    if components::map::lay_out_early(&data, state) {
        dom::next_task().await;
        state.countries.with_untracked(|_| ());
        dom::next_task().await;
    }
    Ok((data, state))
}

/// The whole page: a loading line, an error panel, or the graphic.
#[component]
pub fn App() -> impl IntoView {
    apply_theme();
    // Until the dataset says otherwise: the language asked for, or the browser's.
    let early = load::reader_language(None);
    load::set_document_language(early);
    let (loaded, set_loaded) = signal(None::<Result<(load::Loaded, state::MapState), String>>);
    let owner = Owner::current();
    leptos::task::spawn_local(async move { set_loaded.set(Some(prepare(owner).await)) });
    embed::report_height();
    view! {
        <main class="flowmap">
            {move || match loaded.get() {
                None => view! { <p class="status" role="status">{tr(early, Msg::Loading)}</p> }.into_any(),
                Some(Err(message)) => view! {
                    <div class="load-error" role="alert">
                        <h2>{tr(early, Msg::CouldNotShow)}</h2>
                        <p>{message}</p>
                    </div>
                }
                .into_any(),
                Some(Ok((data, state))) => view! { <Graphic data state /> }.into_any(),
            }}
        </main>
    }
}
