//! The browser editor's work (`crates/editor`): the files given, what each holds, the
//! title and notes typed in the page, and what the map makes of them ([`Work::build`]): a
//! dataset to preview and download, and every problem at its sheet, row and column or JSON
//! path, in the editor's language. Kept in the browser's storage as JSON (`stored.rs`).

mod locate;
mod place;
mod publish;
mod role;
mod settings;
mod stored;

pub use locate::{line_of, locate, Shown};
pub use place::place;
pub use publish::{dataset_json, embed_code};
pub use role::Role;
pub use settings::Settings;

use crate::dataset::Dataset;
use crate::i18n::editor::{say, Word};
use crate::i18n::Lang;
use crate::model::RawDataset;
use crate::sheets::{SheetFile, SheetProblem, Sheets};
use serde::{Deserialize, Serialize};

/// One file given to the editor, as its bytes (a pasted sheet is its text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkFile {
    /// Its name, as problems give it.
    pub name: String,
    /// What it holds.
    pub role: Role,
    /// Its bytes, in any encoding the sheets are read in (kept as text or base64).
    #[serde(with = "stored")]
    pub bytes: Vec<u8>,
}

/// Everything the editor has been given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Work {
    /// The files, in the order they were given.
    pub files: Vec<WorkFile>,
    /// What was typed in the page over the data's own title, notes and settings.
    #[serde(default)]
    pub settings: Settings,
}

/// A problem as the editor lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where and what.
    pub problem: SheetProblem,
    /// True for something to check that does not leave anything out.
    pub warning: bool,
}

/// What the map makes of the work.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// What the preview draws (the settings applied): the whole dataset, or what could be
    /// read of it while problems remain; `None` while a required sheet is missing or
    /// unreadable.
    pub dataset: Option<RawDataset>,
    /// True when nothing was left out: the dataset is the whole of the files.
    pub whole: bool,
    /// Every problem and warning, in the order found.
    pub problems: Vec<Found>,
    /// Things to know that are not problems (in the files' terms).
    pub notes: Vec<String>,
}

impl Work {
    /// Adds a file; one given with the role of a file already here replaces it, a whole
    /// dataset replaces the sheets and a sheet the whole dataset.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::editor::{Role, Work};
    /// let mut work = Work::default();
    /// work.add("flows.csv", b"id,from,to".to_vec());
    /// work.add("flows (2).csv", b"id,from,to".to_vec());
    /// assert_eq!(work.files.len(), 1);
    /// assert_eq!(work.files[0].name, "flows (2).csv");
    /// work.add("all.json", br#"{"flows": []}"#.to_vec());
    /// assert_eq!(work.files[0].role, Role::Dataset);
    /// ```
    pub fn add(&mut self, name: &str, bytes: Vec<u8>) {
        let role = Role::guess(name, &bytes);
        self.add_as(name, role, bytes);
    }

    /// Adds a file as holding `role` (see [`Work::add`]).
    pub fn add_as(&mut self, name: &str, role: Role, bytes: Vec<u8>) {
        let whole = role == Role::Dataset;
        self.files.retain(|f| f.role != role && (f.role == Role::Dataset) == whole);
        self.files.push(WorkFile { name: name.into(), role, bytes });
    }

    /// What the map makes of the files and settings, with messages in `lang`.
    pub fn build(&self, lang: Lang) -> Outcome {
        let mut out = Outcome::default();
        let file_as = |role: Role| self.files.iter().rev().find(|f| f.role == role);
        for role in Role::ALL {
            if self.files.iter().filter(|f| f.role == role).count() > 1 {
                out.problems.push(note(say(lang, Word::Twice, &say(lang, role.word(), ""))));
            }
        }
        if let Some(file) = file_as(Role::Dataset) {
            if self.files.iter().any(|f| f.role != Role::Dataset) {
                out.problems.push(note(say(lang, Word::DatasetAndSheets, "")));
            }
            match Dataset::from_bytes(&file.name, &file.bytes) {
                Ok(d) => {
                    out.whole = d.problems.iter().all(|p| p.warning);
                    out.problems.extend(d.problems.into_iter().map(|p| Found {
                        problem: SheetProblem {
                            at: Some(p.path),
                            ..SheetProblem::in_file(&file.name, p.message)
                        },
                        warning: p.warning,
                    }));
                    out.dataset = Some(d.raw);
                }
                Err(e) => out.problems.push(problem(SheetProblem {
                    file: None,
                    ..SheetProblem::in_file("", e.to_string())
                })),
            }
        } else {
            let mut missing = false;
            for role in Role::REQUIRED.into_iter().filter(|r| file_as(*r).is_none()) {
                out.problems.push(problem(SheetProblem {
                    file: None,
                    ..SheetProblem::in_file(
                        "",
                        say(lang, Word::Missing, &say(lang, role.word(), "")),
                    )
                }));
                missing = true;
            }
            if missing {
                return out;
            }
            let sheet =
                |role: Role| file_as(role).map(|f| SheetFile::new(&f.name, f.bytes.clone()));
            let sheets = Sheets {
                locations: sheet(Role::Locations).unwrap_or_default(),
                sources: sheet(Role::Sources).unwrap_or_default(),
                speakers: sheet(Role::Speakers),
                flows: sheet(Role::Flows).unwrap_or_default(),
                categories: sheet(Role::Categories),
                meta: sheet(Role::Meta),
            };
            let converted = crate::sheets::convert(&sheets);
            out.whole = converted.dataset.is_some() && converted.problems.is_empty();
            out.problems.extend(converted.problems.into_iter().map(problem));
            out.problems.extend(
                converted.warnings.into_iter().map(|p| Found { problem: p, warning: true }),
            );
            out.notes = converted.notes;
            out.dataset = converted.dataset.or(converted.readable);
        }
        if let Some(raw) = &mut out.dataset {
            self.settings.apply(&mut raw.meta);
        }
        out
    }
}

/// A problem that leaves something out.
fn problem(problem: SheetProblem) -> Found {
    Found { problem, warning: false }
}

/// A remark about the files given, not in any of them.
fn note(message: String) -> Found {
    Found {
        problem: SheetProblem { file: None, ..SheetProblem::in_file("", message) },
        warning: true,
    }
}

#[cfg(test)]
mod tests;
