//! The page: the editor's state, shared by its sections, and their layout.

use crate::browser;
use flowmap_core::editor::{Outcome, Work};
use flowmap_core::i18n::editor::{say, Word};
use flowmap_core::i18n::Lang;
use leptos::prelude::*;

/// What every section of the page reads and changes.
#[derive(Clone, Copy)]
pub struct Editor {
    /// The files and settings (kept in the browser's storage on every change).
    pub work: RwSignal<Work>,
    /// The interface language of the editor and of the preview.
    pub lang: RwSignal<Lang>,
    /// What the map makes of the work.
    pub outcome: Memo<Outcome>,
    /// The problem whose place is shown, by its index in the list.
    pub shown: RwSignal<Option<usize>>,
    /// False when the browser would not keep the work.
    pub kept: RwSignal<bool>,
}

impl Editor {
    /// The editor's text `word` in the current language (tracked).
    pub fn say(self, word: Word) -> String {
        say(self.lang.get(), word, "")
    }

    /// [`Editor::say`] with `{0}` replaced by `arg`.
    pub fn say_with(self, word: Word, arg: &str) -> String {
        say(self.lang.get(), word, arg)
    }
}

/// The whole editor.
#[component]
pub fn App() -> impl IntoView {
    let languages = browser::languages();
    let lang = RwSignal::new(Lang::choose(browser::param("lang").as_deref(), None, &languages));
    let work = RwSignal::new(browser::kept().unwrap_or_default());
    let outcome = Memo::new(move |_| work.with(|w| w.build(lang.get())));
    let editor =
        Editor { work, lang, outcome, shown: RwSignal::new(None), kept: RwSignal::new(true) };
    provide_context(editor);
    Effect::new(move |_| editor.kept.set(work.with(browser::keep)));
    Effect::new(move |_| {
        let l = lang.get();
        browser::set_language(l.tag());
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&say(l, Word::PageTitle, ""));
        }
    });
    let start_over = move |_| {
        if browser::confirm(&editor.say(Word::StartOverSure)) {
            editor.shown.set(None);
            work.set(Work::default());
        }
    };
    view! {
        <header class="editor-head">
            <h1>{move || editor.say(Word::PageTitle)}</h1>
            <label class="language">
                {move || editor.say(Word::InterfaceLanguage)}
                <select on:change=move |ev| {
                    if let Some(l) = Lang::parse(&event_target_value(&ev)) {
                        lang.set(l);
                    }
                }>
                    {Lang::ALL.map(|l| view! {
                        <option value=l.tag() selected=move || lang.get() == l>{l.endonym()}</option>
                    })}
                </select>
            </label>
            <p class="intro">{move || editor.say(Word::Intro)}</p>
        </header>
        <main class="editor">
            <div class="columns">
                <div class="column">
                    <crate::inputs::Inputs />
                    <p class="kept" role="status">
                        {move || editor.say(if editor.kept.get() { Word::Kept } else { Word::NotKept })}
                    </p>
                    <button type="button" class="start-over" on:click=start_over>
                        {move || editor.say(Word::StartOver)}
                    </button>
                </div>
                <div class="column">
                    <crate::problems::Problems />
                    <crate::inputs::SettingsForm />
                </div>
            </div>
            <crate::preview::Preview />
            <crate::preview::Publish />
        </main>
    }
}
