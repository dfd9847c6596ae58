//! Compares [`flowmap_core::decimal`] with Rust's own `{}` and `{:.N}` on many numbers. Built
//! for WebAssembly it compares the browser's text with Rust's (tests/wasm/decimal.test.mjs
//! runs it in Chromium); natively both are Rust's, so it only shows the check runs.
//!
//! ```text
//! cargo run -p flowmap-core --example decimal_check -- 1 100000
//! ```

use flowmap_core::decimal::{Fixed, Shortest};
use std::fmt::Write;

/// A small xorshift generator: the same numbers for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Numbers where the two ways could part: special values, exact ties for a fixed number of
/// places and for the shortest digits, exponents' edges, then `count` random ones of several
/// kinds.
fn numbers(seed: u64, count: u32) -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.2,
        0.3,
        0.5,
        1.5,
        2.5,
        -2.5,
        0.125,
        0.375,
        -0.125,
        9.5,
        99.95,
        1e21,
        -1e21,
        1e22,
        1e-7,
        1e-6,
        9.999999e-7,
        1.5e-7,
        5e-324,
        f64::MIN_POSITIVE,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        2f64.powi(53),
        2f64.powi(70),
        999999999999999999999.0,
        // Exact ties of the shortest digits: 2^50 + 1/4 is as near ...24.2 as ...24.3.
        2f64.powi(50) + 0.25,
        2f64.powi(50) + 0.75,
        2f64.powi(49) + 0.125,
        2f64.powi(52) + 1.0,
        71.1e6,
        143.9e6,
        1.34e9,
    ];
    v.push(1e21f64.next_down());
    v.push(1e-7f64.next_down());
    let mut rng = Rng(seed.max(1));
    for i in 0..count {
        let r = rng.next();
        let sign = if r & 1 == 1 { -1.0 } else { 1.0 };
        let x = match i % 6 {
            // Any finite double, by its bits.
            0 => f64::from_bits(r),
            // Decimals as people write them: 1234.5678, 0.07.
            1 => (r >> 20) as f64 / 10f64.powi((r % 12) as i32),
            // Exact ties of a fixed number of places: an odd multiple of 2^-(places+1).
            2 => ((r >> 24) | 1) as f64 / 2f64.powi((r % 8) as i32 + 1),
            // Few binary fraction digits: where the shortest digits can tie.
            3 => (r >> 11) as f64 / 2f64.powi((r % 30) as i32 + 1),
            // Around 10^21 and 10^-7, where JavaScript starts its exponents.
            4 => (r >> 11) as f64 * 10f64.powi(5 + (r % 4) as i32) / 2f64.powi((r % 3) as i32),
            _ => (r >> 11) as f64 * 1e-23 * 10f64.powi((r % 6) as i32),
        };
        v.push(sign * x);
    }
    v.retain(|x| !x.is_nan() || x.to_bits() == f64::NAN.to_bits());
    v
}

/// How many numbers were checked and the first few where ours and Rust's text differ.
pub fn check(seed: u64, count: u32) -> String {
    let mut out = String::new();
    let mut wrong = 0;
    let values = numbers(seed, count);
    for &x in &values {
        let mut pairs = vec![(Shortest(x).to_string(), format!("{x}"), "{}".to_string())];
        for places in [0u8, 1, 2, 3, 6, (x.to_bits() % 21) as u8] {
            pairs.push((
                Fixed(x, places).to_string(),
                format!("{x:.*}", usize::from(places)),
                format!("{{:.{places}}}"),
            ));
        }
        for (ours, rusts, how) in pairs {
            if ours != rusts {
                wrong += 1;
                if wrong <= 20 {
                    let _ = writeln!(
                        out,
                        "{how} of {:e} ({:#x}): {ours} instead of {rusts}",
                        x,
                        x.to_bits()
                    );
                }
            }
        }
    }
    format!("checked {} numbers, {wrong} texts differ\n{out}", values.len())
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// [`super::check`], for the browser.
    #[wasm_bindgen]
    pub fn check(seed: u32, count: u32) -> String {
        super::check(u64::from(seed), count)
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut args = std::env::args().skip(1).map(|a| a.parse().unwrap_or(1));
        let seed = args.next().unwrap_or(1);
        let count = args.next().unwrap_or(1000);
        print!("{}", check(seed, count as u32));
    }
}
