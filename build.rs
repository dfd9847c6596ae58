//! Links the map's wasm with its relocations (`--emit-relocs`), which crates/split needs to
//! split it at its lazy functions (src/lazy.rs) after the build (scripts/split.sh). Only the
//! map's binary: no dependency is rebuilt for it.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
