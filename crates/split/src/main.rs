//! `flowmap-split IN.wasm OUT_DIR`: splits the map's wasm, as linked by cargo with its
//! relocations (`--emit-relocs`, build.rs), at the functions marked `#[lazy]`: writes
//! `OUT_DIR/flowmap_split.wasm` (the main module, for wasm-bindgen), one `split_*.wasm` or
//! `chunk_*.wasm` per lazily loaded part, and `OUT_DIR/__wasm_split.js`, the loader that
//! `flowmap.js` imports and that fetches a chunk, relative to itself, on its first use.
//! Run by scripts/split.sh from trunk's post-build hook.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [input, out_dir] = args.as_slice() else {
        eprintln!("usage: flowmap-split IN.wasm OUT_DIR");
        return ExitCode::from(2);
    };
    match split(input, out_dir) {
        Ok(parts) => {
            for part in parts {
                println!("{}", part.display());
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("flowmap-split: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Splits `input` into `out_dir`; returns the lazily loaded parts written.
fn split(input: &PathBuf, out_dir: &PathBuf) -> Result<Vec<PathBuf>, String> {
    let wasm = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let main_out = out_dir.join("flowmap_split.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&wasm);
    opts.output_dir = out_dir;
    opts.main_out_path = &main_out;
    // The loader imports wasm-bindgen's `initSync` from the app's module, beside it.
    opts.main_module = "./flowmap.js";
    opts.link_name = "./__wasm_split.js";
    let split = wasm_split_cli_support::transform(opts)
        .map_err(|e| format!("{}: {e:#}", input.display()))?;
    Ok(split.split_modules)
}
