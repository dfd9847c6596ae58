//! Giving the editor its data (dropped, picked or pasted files, and what each holds), and the
//! title and notes typed over the data's own.

use crate::app::Editor;
use crate::browser;
use flowmap_core::editor::{Role, Settings, Work};
use flowmap_core::i18n::editor::Word;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Adds the files of `list` to the work.
fn add_files(editor: Editor, list: Option<web_sys::FileList>) {
    let Some(list) = list.as_ref().map(browser::files_of) else { return };
    leptos::task::spawn_local(async move {
        let files = browser::read_files(list).await;
        editor.work.update(|w| files.into_iter().for_each(|(name, bytes)| w.add(&name, bytes)));
    });
}

/// The options of a role menu, `selected` chosen.
fn role_options(editor: Editor, selected: Option<Role>) -> impl IntoView {
    Role::ALL.map(|r| {
        view! { <option value=r.key() selected=selected == Some(r)>{move || editor.say(r.word())}</option> }
    })
}

/// The data given: a drop zone with a file picker, a box to paste a sheet into, the files.
#[component]
pub fn Inputs() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let pasted = RwSignal::new(String::new());
    let paste_as = RwSignal::new(Role::Flows);
    let dragging = RwSignal::new(false);
    let add_pasted = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let role = paste_as.get_untracked();
        let name = format!("{} ({})", editor.say(role.word()), editor.say(Word::Pasted));
        editor.work.update(|w| w.add_as(&name, role, text.into_bytes()));
        pasted.set(String::new());
    };
    view! {
        <section class="inputs" aria-labelledby="data-heading">
            <h2 id="data-heading">{move || editor.say(Word::AddFiles)}</h2>
            <div
                class="drop"
                class:dragging=dragging
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    add_files(editor, ev.data_transfer().and_then(|d| d.files()));
                }
            >
                <p>
                    {move || editor.say(Word::DropHere)} " "
                    <input
                        type="file"
                        id="pick"
                        multiple
                        accept=".csv,.tsv,.txt,.json,text/csv,application/json"
                        on:change=move |ev| {
                            let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                            add_files(editor, input.as_ref().and_then(web_sys::HtmlInputElement::files));
                            if let Some(i) = input {
                                i.set_value("");
                            }
                        }
                    />
                    <label for="pick" class="button">{move || editor.say(Word::PickFiles)}</label>
                </p>
            </div>
            <label for="paste">{move || editor.say(Word::PasteLabel)}</label>
            <textarea id="paste" rows="4" spellcheck="false" prop:value=pasted
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <div class="paste-as">
                <label for="paste-as">{move || editor.say(Word::PasteAs)}</label>
                <select id="paste-as" on:change=move |ev| {
                    if let Some(r) = Role::from_key(&event_target_value(&ev)) {
                        paste_as.set(r);
                    }
                }>{role_options(editor, Some(Role::Flows))}</select>
                <button type="button" on:click=add_pasted>{move || editor.say(Word::AddPasted)}</button>
            </div>
            <Files />
        </section>
    }
}

/// The files given, each with what it holds (changeable) and a button to remove it.
#[component]
fn Files() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let set_role = move |i: usize, role: Role| {
        editor.work.update(|w| {
            if let Some(f) = w.files.get_mut(i) {
                f.role = role;
            }
        });
    };
    view! {
        <h3>{move || editor.say(Word::Files)}</h3>
        <ul class="files">
            // Keyed by place and name, so that changing what a file holds keeps its menu (and
            // the keyboard focus in it).
            <For
                each=move || editor.work.with(|w| {
                    w.files.iter().enumerate().map(|(i, f)| (i, f.name.clone(), f.role)).collect::<Vec<_>>()
                })
                key=|(i, name, _)| (*i, name.clone())
                children=move |(i, name, role)| {
                    let label = name.clone();
                    let remove = name.clone();
                    view! {
                        <li>
                            <span class="file-name">{name}</span>
                            <select
                                aria-label=move || editor.say_with(Word::FileIs, &label)
                                on:change=move |ev| {
                                    if let Some(r) = Role::from_key(&event_target_value(&ev)) {
                                        set_role(i, r);
                                    }
                                }
                            >{role_options(editor, Some(role))}</select>
                            <button
                                type="button"
                                class="remove"
                                aria-label=move || editor.say_with(Word::Remove, &remove)
                                on:click=move |_| editor.work.update(|w: &mut Work| { w.files.remove(i); })
                            >"×"</button>
                        </li>
                    }
                }
            />
        </ul>
    }
}

/// One text field of the settings.
fn field(
    editor: Editor,
    id: &'static str,
    word: Word,
    data: impl Fn() -> String + Send + Sync + 'static,
    get: fn(&Settings) -> &String,
    set: fn(&mut Settings) -> &mut String,
) -> impl IntoView {
    let value = move || editor.work.with(|w| get(&w.settings).clone());
    view! {
        <label for=id>{move || editor.say(word)}</label>
        <input type="text" id=id prop:value=value placeholder=data
            on:change=move |ev| editor.work.update(|w| *set(&mut w.settings) = event_target_value(&ev)) />
    }
}

/// The title, subtitle, notes, credit, language and focus, typed over the data's own.
#[component]
pub fn SettingsForm() -> impl IntoView {
    let editor = expect_context::<Editor>();
    // What the data says, shown as each empty field's placeholder.
    let data = move |f: fn(&flowmap_core::model::Meta, &str) -> String| {
        move || {
            let tag = editor.lang.get().tag();
            editor.outcome.with(|o| o.dataset.as_ref().map(|d| f(&d.meta, tag)).unwrap_or_default())
        }
    };
    view! {
        <section class="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{move || editor.say(Word::Settings)}</h2>
            <p class="help">{move || editor.say(Word::SettingsHelp)}</p>
            {field(editor, "set-title", Word::Title, data(|m, t| m.title.get(t).into()), |s| &s.title, |s| &mut s.title)}
            {field(editor, "set-subtitle", Word::Subtitle,
                data(|m, t| m.subtitle.as_ref().map(|x| x.get(t).to_string()).unwrap_or_default()),
                |s| &s.subtitle, |s| &mut s.subtitle)}
            {field(editor, "set-notes", Word::Notes,
                data(|m, t| m.notes.as_ref().map(|x| x.get(t).to_string()).unwrap_or_default()),
                |s| &s.notes, |s| &mut s.notes)}
            {field(editor, "set-credit", Word::Credit,
                data(|m, t| m.credit.as_ref().map(|x| x.get(t).to_string()).unwrap_or_default()),
                |s| &s.credit, |s| &mut s.credit)}
            <label for="set-language">{move || editor.say(Word::DataLanguage)}</label>
            <select id="set-language" on:change=move |ev| {
                editor.work.update(|w| w.settings.language = event_target_value(&ev));
            }>
                <option value="" selected=move || editor.work.with(|w| w.settings.language.is_empty())>
                    {move || editor.say(Word::AsInData)}
                </option>
                {flowmap_core::i18n::Lang::ALL.map(|l| view! {
                    <option value=l.tag() selected=move || editor.work.with(|w| w.settings.language == l.tag())>
                        {l.endonym()}
                    </option>
                })}
            </select>
            {field(editor, "set-focus", Word::Focus, data(|m, _| m.focus.join(", ")), |s| &s.focus, |s| &mut s.focus)}
        </section>
    }
}
