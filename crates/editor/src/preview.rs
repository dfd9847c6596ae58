//! The real map, fed the editor's dataset through an address in this browser (a `blob:`
//! URL given as `?data=`), at desktop or phone width, in a language and theme; and what to
//! publish: the dataset file and the embed code.

use crate::app::Editor;
use crate::browser;
use flowmap_core::editor::{dataset_json, embed_code};
use flowmap_core::i18n::editor::Word;
use leptos::prelude::*;

/// The width a phone is previewed at, in CSS pixels.
const PHONE_WIDTH: u32 = 375;

/// The preview: the map's own page in a frame.
#[component]
pub fn Preview() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let phone = RwSignal::new(false);
    let theme = RwSignal::new(String::new());
    // The dataset's address, made anew for each change; the one before is released.
    let url = Memo::new(move |before: Option<&Option<String>>| {
        if let Some(Some(old)) = before {
            browser::release(old);
        }
        editor
            .outcome
            .with(|o| o.dataset.as_ref().and_then(|d| browser::object_url(&dataset_json(d))))
    });
    let src = move || {
        let data = url.get()?;
        let mut src = format!(
            "index.html?data={}&lang={}",
            js_sys::encode_uri_component(&data),
            editor.lang.get().tag()
        );
        let t = theme.get();
        if !t.is_empty() {
            src.push_str(&format!("&theme={t}"));
        }
        Some(src)
    };
    let width = move || if phone.get() { format!("{PHONE_WIDTH}px") } else { "100%".into() };
    let radio = move |value: bool, word: Word| {
        view! {
            <label class="choice">
                <input type="radio" name="width" checked=move || phone.get() == value
                    on:change=move |_| phone.set(value) />
                {move || editor.say(word)}
            </label>
        }
    };
    view! {
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{move || editor.say(Word::Preview)}</h2>
            <div class="preview-options">
                <fieldset>
                    <legend>{move || editor.say(Word::Width)}</legend>
                    {radio(false, Word::Desktop)}
                    {radio(true, Word::Phone)}
                </fieldset>
                <label>
                    {move || editor.say(Word::Theme)}
                    <select on:change=move |ev| theme.set(event_target_value(&ev))>
                        <option value="">{move || editor.say(Word::ThemeSystem)}</option>
                        <option value="light">{move || editor.say(Word::ThemeLight)}</option>
                        <option value="dark">{move || editor.say(Word::ThemeDark)}</option>
                    </select>
                </label>
            </div>
            <Show when=move || url.with(Option::is_some) fallback=move || view! {
                <p class="no-preview">{move || editor.say(Word::NoData)}</p>
            }>
                // data-flowmap: sized to the map's height by the site's embed.js.
                <iframe class="map-frame" data-flowmap title=move || editor.say(Word::PreviewTitle)
                    src=src style:width=width></iframe>
            </Show>
        </section>
    }
}

/// The dataset file to download and the embed code for it.
#[component]
pub fn Publish() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let path = RwSignal::new("data/flows.json".to_string());
    let copied = RwSignal::new(false);
    let folder = browser::folder();
    let code = Memo::new(move |_| {
        let tag = editor.lang.get().tag();
        let title = editor.outcome.with(|o| {
            o.dataset.as_ref().map(|d| d.meta.title.get(tag).to_string()).unwrap_or_default()
        });
        embed_code(&folder, &path.get(), &title)
    });
    let download = move |_| {
        let name =
            path.with_untracked(|p| p.rsplit('/').next().unwrap_or("flows.json").to_string());
        let name = if name.ends_with(".json") { name } else { "flows.json".into() };
        editor.outcome.with_untracked(|o| {
            if let Some(d) = &o.dataset {
                browser::download(&name, &dataset_json(d));
            }
        });
    };
    let whole = move || editor.outcome.with(|o| o.whole);
    view! {
        <section class="publish" aria-labelledby="publish-heading"
            hidden=move || editor.outcome.with(|o| o.dataset.is_none())>
            <h2 id="publish-heading">{move || editor.say(Word::Publish)}</h2>
            <p class="help" class:not-ready=move || !whole()>
                {move || editor.say(if whole() { Word::DownloadHelp } else { Word::NotReady })}
            </p>
            <label for="file-path">{move || editor.say(Word::FilePath)}</label>
            <input type="text" id="file-path" prop:value=path on:input=move |ev| path.set(event_target_value(&ev)) />
            <button type="button" data-action="download" on:click=download>
                {move || editor.say(if whole() { Word::Download } else { Word::DownloadPart })}
            </button>
            <label for="embed-code">{move || editor.say(Word::Embed)}</label>
            <textarea id="embed-code" readonly rows="4" prop:value=code></textarea>
            <button type="button" data-action="copy-embed" on:click=move |_| {
                browser::copy(&code.get_untracked(), move |ok| copied.set(ok));
            }>{move || editor.say(if copied.get() { Word::Copied } else { Word::CopyCode })}</button>
        </section>
    }
}
