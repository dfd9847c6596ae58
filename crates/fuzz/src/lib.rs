//! Fuzzing the readers on stable Rust (cargo-fuzz needs a nightly toolchain): inputs mutated
//! from the repository's own data ([`mutate`]), run through each [`targets::Target`]; an
//! input that panics, breaks a property or takes over a second is kept under
//! `tests/fixtures/fuzz/<target>/`, where `cargo test` runs it again for ever.
//!
//! `bash scripts/fuzz.sh 300` fuzzes for five minutes; `scripts/test.sh` runs a short round.

pub mod mutate;
pub mod rng;
pub mod targets;

use flowmap_core::atlas::Atlas;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use targets::Target;

/// The slowest an input may be before it counts as a hang: a second in an optimised build
/// (`scripts/fuzz.sh`), five in the unoptimised test build (`cargo test`, the short round of
/// `scripts/test.sh`), which runs several times slower.
pub const SLOW: Duration = Duration::from_secs(if cfg!(debug_assertions) { 5 } else { 1 });

/// The largest input tried: a document of a few megabytes says what a larger one would
/// (the size limit itself is tested in the core), and keeps each run fast.
pub const MAX_INPUT: usize = 4 << 20;

/// The repository's top folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where the findings of `target` are kept.
pub fn findings_dir(target: Target) -> PathBuf {
    root().join("tests/fixtures/fuzz").join(target.name())
}

/// The country geometry the layout is run with (`public/atlas.json`, made by
/// `scripts/atlas.sh`).
///
/// # Errors
/// When the file is missing or unreadable, with what to run.
pub fn atlas() -> Result<Atlas, String> {
    let path = root().join("public/atlas.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e} (run `bash scripts/atlas.sh` first)", path.display()))?;
    Atlas::from_json(&text)
}

/// What one input did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It ran within [`SLOW`] and every property held.
    Fine,
    /// It panicked or broke a property: the message.
    Panicked(String),
    /// It took longer than [`SLOW`].
    Slow(Duration),
}

/// Runs `input` through `target`, catching a panic.
pub fn run_one(target: Target, input: &[u8], atlas: &Atlas) -> Outcome {
    let started = Instant::now();
    let result = std::panic::catch_unwind(|| target.run(input, atlas));
    let took = started.elapsed();
    match result {
        Err(e) => Outcome::Panicked(
            e.downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(ToString::to_string))
                .unwrap_or_else(|| "a panic without a message".into()),
        ),
        Ok(()) if took > SLOW => Outcome::Slow(took),
        Ok(()) => Outcome::Fine,
    }
}

/// A short name for an input (FNV-1a of its bytes, in hex): the same input is kept once.
pub fn name_of(input: &[u8]) -> String {
    let hash = input
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// Keeps a finding for `cargo test`; returns where.
///
/// # Errors
/// When the folder or file cannot be written.
pub fn keep(target: Target, input: &[u8]) -> std::io::Result<PathBuf> {
    let dir = findings_dir(target);
    std::fs::create_dir_all(&dir)?;
    let path =
        dir.join(format!("{}.{}", name_of(input), if target.is_json() { "json" } else { "txt" }));
    std::fs::write(&path, input)?;
    Ok(path)
}

/// The kept findings of `target`, in name order.
pub fn findings(target: Target) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(findings_dir(target))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}
