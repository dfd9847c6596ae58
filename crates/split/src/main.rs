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
    let loader = out_dir.join("__wasm_split.js");
    let text =
        std::fs::read_to_string(&loader).map_err(|e| format!("{}: {e}", loader.display()))?;
    std::fs::write(&loader, tolerant(&text)?).map_err(|e| format!("{}: {e}", loader.display()))?;
    Ok(split.split_modules)
}

/// What the loader calls to start a chunk.
const STREAMING: &str = "WebAssembly.instantiateStreaming(src, imports)";

/// A chunk's start that does not depend on the server's content type: compiled while it
/// downloads when the server says `application/wasm`, else (a host that serves `.wasm` as
/// `application/octet-stream`, which browsers refuse to stream) from its bytes, as
/// wasm-bindgen's own loader does for the main module; and a download that failed is said
/// as such, not as a compile error.
const TOLERANT: &str = r#"async function instantiateChunk(src, imports) {
    const r = await src;
    if (!r.ok) throw new Error(`${r.url}: HTTP ${r.status}`);
    return /^application\/wasm\b/.test(r.headers.get("content-type"))
        ? WebAssembly.instantiateStreaming(r, imports)
        : WebAssembly.instantiate(await r.arrayBuffer(), imports);
}
"#;

/// The loader `text` with every chunk started by [`TOLERANT`]'s function; an error if the
/// splitter wrote its loader in a way this does not know (a new version of it).
fn tolerant(text: &str) -> Result<String, String> {
    if !text.contains(STREAMING) {
        return Err(format!("the chunk loader no longer calls `{STREAMING}`: check crates/split"));
    }
    Ok(format!("{TOLERANT}{}", text.replace(STREAMING, "instantiateChunk(src, imports)")))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn every_chunk_starts_whatever_the_content_type() {
        let loader = "import { initSync } from \"./flowmap.js\";\n\
            const a = async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n\
            const b = async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n";
        let out = tolerant(loader).unwrap();
        assert_eq!(out.matches("(instantiateChunk(src, imports))").count(), 2);
        assert_eq!(out.matches("instantiateStreaming(").count(), 1, "only in the helper");
        assert!(out.contains("await r.arrayBuffer()"));
        assert!(tolerant("something else").is_err());
    }
}
