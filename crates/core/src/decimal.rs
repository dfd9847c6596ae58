//! Numbers written in decimal, exactly as Rust's `{}` and `{:.N}` write an `f64`: natively by
//! Rust's own formatting, in WebAssembly by the browser's `Number.prototype.toString` and
//! `toFixed`, so that the wasm carries no copy of Rust's float printing (Grisu, Dragon and
//! their tables). Where the two ways differ, the browser's text is mended into Rust's: its
//! exponents written out, Rust's `inf` and sign of zero, and Rust's rounding of an exact tie
//! (half to even for a fixed number of places, half up for the shortest digits).
//!
//! ```
//! use flowmap_core::decimal::{Fixed, Shortest};
//! assert_eq!(Shortest(1e21).to_string(), "1000000000000000000000");
//! assert_eq!(Shortest(-0.0).to_string(), "-0");
//! assert_eq!(Fixed(0.125, 2).to_string(), "0.12");
//! assert_eq!(format!("M{},{}", Fixed(2.25, 1), Fixed(-7.0, 1)), "M2.2,-7.0");
//! ```

use std::fmt;

/// The most places [`Fixed`] writes (the browser's `toFixed` takes at most 100).
pub const MAX_PLACES: u8 = 100;

/// `self.0` as `format!("{}", self.0)` writes it: the shortest digits that read back as the
/// same number, without an exponent (`0.0000001`, `1000000000000000000000`), `-0`, `inf`,
/// `NaN`.
#[derive(Clone, Copy, Debug)]
pub struct Shortest(pub f64);

/// `self.0` with `self.1` decimals (at most [`MAX_PLACES`]), as `format!("{:.N}", self.0)`
/// writes it: rounded from the exact value, an exact tie to the even digit (`0.125` → `0.12`).
#[derive(Clone, Copy, Debug)]
pub struct Fixed(pub f64, pub u8);

impl fmt::Display for Shortest {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        #[cfg(not(target_arch = "wasm32"))]
        return write!(f, "{}", self.0);
        #[cfg(target_arch = "wasm32")]
        signed(f, self.0, browser::shortest)
    }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let places = self.1.min(MAX_PLACES);
        #[cfg(not(target_arch = "wasm32"))]
        return write!(f, "{:.*}", usize::from(places), self.0);
        #[cfg(target_arch = "wasm32")]
        signed(f, self.0, |a| browser::fixed(a, places))
    }
}

/// Writes `x` as Rust does around `unsigned`, the text of `|x|` when finite: `NaN`, `inf`, and
/// a minus sign whenever the sign bit is set (`-0`, `-0.00`).
#[cfg(target_arch = "wasm32")]
fn signed(f: &mut fmt::Formatter, x: f64, unsigned: impl Fn(f64) -> String) -> fmt::Result {
    if x.is_nan() {
        return f.write_str("NaN");
    }
    if x.is_sign_negative() {
        f.write_str("-")?;
    }
    if x.is_infinite() {
        return f.write_str("inf");
    }
    f.write_str(&unsigned(x.abs()))
}

/// The browser's digits, mended into Rust's text. Each function takes a finite `a ≥ 0`.
#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::wasm_bindgen::JsValue;
    use js_sys::{BigInt, JsString, Number};

    fn text(s: Result<JsString, impl Sized>) -> String {
        s.map(String::from).unwrap_or_default()
    }

    /// `a` as Rust's `{}`: JavaScript's shortest digits are Rust's, but for an exact tie
    /// between two shortest candidates, which JavaScript breaks to the even digit and Rust up.
    pub(super) fn shortest(a: f64) -> String {
        let mut s = super::plain(&text(Number::from(a).to_string_with_radix(10)));
        // A tie: `a` is exactly `s` and a 5 one place further, that is `a` has at most
        // `places + 1` binary decimals (`a · 2^(places+1)` is whole; then `toFixed` writes
        // it exactly). Then `a · 10^(places+1)`, a number of at most 18 digits, is a multiple
        // of 5^(places+1): so `places` is at most 24.
        let places = s.split_once('.').map_or(0, |(_, f)| f.len());
        if (1..=24).contains(&places)
            && (a * two_to(places + 1)).fract() == 0.0
            && fixed_js(a, places as u8 + 1) == format!("{s}5")
        {
            super::step_last_digit(&mut s, 1);
        }
        s
    }

    /// `a` with `places` decimals as Rust's `{:.N}`: `toFixed`'s rounding (an exact tie up)
    /// turned into Rust's (an exact tie to even); from 10^21 on, where `toFixed` writes an
    /// exponent, the integer's exact digits.
    pub(super) fn fixed(a: f64, places: u8) -> String {
        if a >= 1e21 {
            let digits = BigInt::new(&JsValue::from_f64(a)).map(|b| text(b.to_string(10)));
            let zeros = "0".repeat(places.into());
            let point = if places == 0 { "" } else { "." };
            return format!("{}{point}{zeros}", digits.unwrap_or_default());
        }
        let mut s = fixed_js(a, places);
        // An exact tie: `a` ends with a 5 just after the last place, that is `a · 2^(places+1)`
        // is an odd integer (exact: a power of two scales without rounding).
        let scaled = a * two_to(usize::from(places) + 1);
        let odd = s.as_bytes().last().is_some_and(|d| d % 2 == 1);
        if scaled.fract() == 0.0 && (scaled / 2.0).fract() != 0.0 && odd {
            super::step_last_digit(&mut s, -1);
        }
        s
    }

    /// 2^`n`, exactly.
    fn two_to(n: usize) -> f64 {
        (0..n).fold(1.0, |p, _| p * 2.0)
    }

    fn fixed_js(a: f64, places: u8) -> String {
        text(Number::from(a).to_fixed(places))
    }
}

/// JavaScript's number text (`1.5e-7`, `1e+21`, `12.5`) without its exponent, as Rust writes
/// it (`0.00000015`, `1000000000000000000000`, `12.5`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn plain(js: &str) -> String {
    let Some((mantissa, exponent)) = js.split_once('e') else {
        return js.to_string();
    };
    let exponent: i64 = exponent.trim_start_matches('+').parse().unwrap_or(0);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    let point = whole.len() as i64 + exponent;
    if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (int, frac) = digits.split_at(point as usize);
        format!("{int}.{frac}")
    }
}

/// Adds `step` (±1) to the last digit of `s`, which the caller knows is not 9 (for +1) or
/// 0 (for -1).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn step_last_digit(s: &mut String, step: i8) {
    if let Some(d) = s.pop() {
        s.push(char::from((d as u8).wrapping_add_signed(step)));
    }
}

#[cfg(test)]
mod test {
    use super::{plain, step_last_digit, Fixed, Shortest};

    #[test]
    fn exponents_are_written_out() {
        assert_eq!(plain("1e+21"), "1000000000000000000000");
        assert_eq!(plain("1.5e+22"), "15000000000000000000000");
        assert_eq!(plain("1.7976931348623157e+308").len(), 309);
        assert_eq!(plain("1e-7"), "0.0000001");
        assert_eq!(plain("1.5e-7"), "0.00000015");
        assert_eq!(plain("5e-324"), format!("{}", 5e-324));
        assert_eq!(plain("123.25"), "123.25");
        assert_eq!(plain("0"), "0");
    }

    #[test]
    fn last_digits_step() {
        let mut s = "0.12".to_string();
        step_last_digit(&mut s, 1);
        assert_eq!(s, "0.13");
        step_last_digit(&mut s, -1);
        step_last_digit(&mut s, -1);
        assert_eq!(s, "0.11");
    }

    #[test]
    fn natively_the_text_is_rusts() {
        for x in
            [0.0, -0.0, 1.0, 0.1, 1e21, 5e-324, 2f64.powi(50) + 0.25, f64::NAN, f64::NEG_INFINITY]
        {
            assert_eq!(Shortest(x).to_string(), format!("{x}"));
            for places in [0u8, 1, 2, 3, 6] {
                assert_eq!(Fixed(x, places).to_string(), format!("{x:.*}", usize::from(places)));
            }
        }
        assert_eq!(Fixed(1.0, 200).to_string(), format!("{:.100}", 1.0));
    }
}
