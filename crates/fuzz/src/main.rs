//! `flowmap-fuzz [SECONDS] [--seed N] [--target dataset|hash|query|sheets]`: mutates the
//! repository's inputs for SECONDS (default 60) and keeps every input that panics, breaks a
//! property or runs over a second under `tests/fixtures/fuzz/`. Exit code 1 when it found one.

use flowmap_fuzz::{atlas, keep, mutate, rng::Rng, run_one, targets::Target, Outcome, MAX_INPUT};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// An input still running after this long is kept as a hang and the run stops.
const HANG: Duration = Duration::from_secs(10);

struct Options {
    seconds: u64,
    seed: u64,
    targets: Vec<Target>,
}

fn options() -> Result<Options, String> {
    let mut o = Options { seconds: 60, seed: 0, targets: Target::ALL.to_vec() };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => {
                o.seed = args.next().and_then(|s| s.parse().ok()).ok_or("--seed needs a number")?;
            }
            "--target" => {
                let name = args.next().ok_or("--target needs a name")?;
                let t = Target::ALL.into_iter().find(|t| t.name() == name);
                o.targets =
                    vec![t.ok_or_else(|| {
                        format!("no target {name:?} (dataset, hash, query, sheets)")
                    })?];
            }
            n => o.seconds = n.parse().map_err(|_| format!("{n:?} is not a number of seconds"))?,
        }
    }
    if o.seed == 0 {
        o.seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs());
    }
    Ok(o)
}

/// Keeps the input that is running when one hangs, then stops the run.
fn watchdog(current: Arc<Mutex<(Target, Vec<u8>)>>, started_ms: Arc<AtomicU64>, epoch: Instant) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(500));
        let since = started_ms.load(Ordering::Relaxed);
        let now = epoch.elapsed().as_millis() as u64;
        if since > 0 && now.saturating_sub(since) > HANG.as_millis() as u64 {
            let (target, input) =
                current.lock().map(|c| c.clone()).unwrap_or((Target::Dataset, Vec::new()));
            let kept = keep(target, &input).map(|p| p.display().to_string()).unwrap_or_default();
            eprintln!(
                "{}: an input ran over {} s (a hang); kept as {kept}",
                target.name(),
                HANG.as_secs()
            );
            std::process::exit(1);
        }
    });
}

/// A finding's message without what varies between inputs of one kind: numbers and the text
/// in quotes.
fn kind_of(message: &str) -> String {
    let mut kind = String::new();
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted || c.is_ascii_digit() => {}
            _ => kind.push(c),
        }
    }
    kind
}

fn main() -> ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!(
                "{e}\nusage: flowmap-fuzz [SECONDS] [--seed N] [--target dataset|hash|query|sheets]"
            );
            return ExitCode::from(2);
        }
    };
    let atlas = match atlas() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let root = flowmap_fuzz::root();
    let seeds: Vec<(Target, Vec<Vec<u8>>)> =
        o.targets.iter().map(|&t| (t, t.seeds(&root))).collect();
    // Panics are findings, reported below, not noise on the terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let epoch = Instant::now();
    let current = Arc::new(Mutex::new((Target::Dataset, Vec::new())));
    let started_ms = Arc::new(AtomicU64::new(0));
    watchdog(current.clone(), started_ms.clone(), epoch);
    let mut rng = Rng::new(o.seed);
    let deadline = Duration::from_secs(o.seconds);
    let mut runs = vec![0usize; seeds.len()];
    let mut found = 0;
    let mut kinds = std::collections::HashSet::new();
    println!(
        "fuzzing {} for {} s, seed {}",
        o.targets.iter().map(|t| t.name()).collect::<Vec<_>>().join(", "),
        o.seconds,
        o.seed
    );
    while epoch.elapsed() < deadline {
        let k = rng.below(seeds.len());
        let (target, inputs) = &seeds[k];
        let (a, b) = (rng.pick(inputs), rng.pick(inputs));
        let input = if target.is_json() && !rng.one_in(3) {
            mutate::json(&mut rng, a, b)
        } else {
            mutate::bytes(&mut rng, a, b)
        };
        if input.len() > MAX_INPUT {
            continue;
        }
        if let Ok(mut c) = current.lock() {
            *c = (*target, input.clone());
        }
        started_ms.store(epoch.elapsed().as_millis().max(1) as u64, Ordering::Relaxed);
        let outcome = run_one(*target, &input, &atlas);
        started_ms.store(0, Ordering::Relaxed);
        runs[k] += 1;
        let why = match outcome {
            Outcome::Fine => continue,
            Outcome::Panicked(m) => m,
            Outcome::Slow(t) => format!("took {} ms", t.as_millis()),
        };
        // One input for each kind of finding (its message without numbers and quoted text).
        if !kinds.insert((target.name(), kind_of(&why))) {
            continue;
        }
        found += 1;
        let kept = keep(*target, &input)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|e| format!("(not kept: {e})"));
        println!("{}: {why}; kept as {kept}", target.name());
    }
    for ((target, _), n) in seeds.iter().zip(&runs) {
        println!("{}: {n} inputs", target.name());
    }
    println!("{found} finding(s) in {} s", epoch.elapsed().as_secs());
    if found > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
