//! The few transcendental functions the map uses: the browser's `Math` in WebAssembly (so the
//! download carries no copy of Rust's maths library), the standard library natively (tests).
//! With them, numbers read from and written as text without the parts of the standard
//! library that would each add kilobytes to the wasm.

#[cfg(target_arch = "wasm32")]
use js_sys::Math;

/// The sine of `x` (radians).
///
/// ```
/// assert_eq!(flowmap_core::math::sin(0.0), 0.0);
/// ```
pub fn sin(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::sin(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.sin()
}

/// The cosine of `x` (radians).
///
/// ```
/// assert_eq!(flowmap_core::math::cos(0.0), 1.0);
/// ```
pub fn cos(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::cos(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.cos()
}

/// The arcsine of `x`, in radians.
///
/// ```
/// assert_eq!(flowmap_core::math::asin(0.0), 0.0);
/// ```
pub fn asin(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::asin(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.asin()
}

/// The angle of the point (`x`, `y`) from the positive x axis, in radians.
///
/// ```
/// assert_eq!(flowmap_core::math::atan2(0.0, 1.0), 0.0);
/// ```
pub fn atan2(y: f64, x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::atan2(y, x);
    #[cfg(not(target_arch = "wasm32"))]
    y.atan2(x)
}

/// `base` raised to the power `exp`.
///
/// ```
/// assert_eq!(flowmap_core::math::pow(10.0, 2.0), 100.0);
/// ```
pub fn pow(base: f64, exp: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::pow(base, exp);
    #[cfg(not(target_arch = "wasm32"))]
    base.powf(exp)
}

/// The base-10 logarithm of `x`.
///
/// ```
/// assert_eq!(flowmap_core::math::log10(1000.0), 3.0);
/// ```
pub fn log10(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::log10(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.log10()
}

/// `x` clamped to `lo..=hi` as `x.clamp(lo, hi)` does it (a NaN stays NaN, `-0.0` stays
/// `-0.0`), but without its panic when `lo > hi` (then `lo` wins below and `hi` above): that
/// panic's message writes floats, and would keep Rust's float printing in the wasm.
///
/// ```
/// use flowmap_core::math::clamp;
/// assert_eq!(clamp(5.0, 0.0, 1.0), 1.0);
/// assert!(clamp(f64::NAN, 0.0, 1.0).is_nan());
/// ```
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// `s` read as a number exactly as `s.parse::<f64>()` reads it: the same texts accepted
/// (a sign, `inf`, `infinity`, `nan`, digits with a fraction and an exponent), the same
/// value. In WebAssembly the browser converts the digits, so the wasm carries no copy of
/// Rust's float parser and its tables (10 KB).
///
/// ```
/// use flowmap_core::math::parse_f64;
/// assert_eq!(parse_f64("-1.5e2"), Some(-150.0));
/// assert_eq!(parse_f64("12px"), None);
/// ```
pub fn parse_f64(s: &str) -> Option<f64> {
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let word = |w: &str| unsigned.eq_ignore_ascii_case(w);
    if word("inf") || word("infinity") {
        return Some(if s.starts_with('-') { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if word("nan") {
        return Some(f64::NAN);
    }
    decimal(unsigned).then(|| digits_value(s))
}

/// Whether `s` is digits with an optional fraction and exponent, with at least one digit
/// before the exponent (`1`, `1.`, `.5`, `2.5E-3`), as Rust's float syntax has them.
fn decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |from: usize| {
        b.get(from..).map_or(0, |t| t.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let whole = digits(0);
    let mut i = whole;
    let mut fraction = 0;
    if b.get(i) == Some(&b'.') {
        fraction = digits(i + 1);
        i += 1 + fraction;
    }
    if whole + fraction == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exponent = digits(i);
        if exponent == 0 {
            return false;
        }
        i += exponent;
    }
    i == b.len()
}

/// The value of `s`, a signed [`decimal`].
#[cfg(target_arch = "wasm32")]
fn digits_value(s: &str) -> f64 {
    js_sys::Number::parse_float(s)
}

/// The value of `s`, a signed [`decimal`].
#[cfg(not(target_arch = "wasm32"))]
fn digits_value(s: &str) -> f64 {
    s.parse().unwrap_or(f64::NAN)
}

/// `x` as `format!("{x:e}")` writes it (`1.2e13`, `-5e-7`), from its shortest decimal digits:
/// the wasm then needs no code of its own for exponents.
///
/// ```
/// use flowmap_core::math::exponential;
/// assert_eq!(exponential(-12_000_000_000_000.0), "-1.2e13");
/// assert_eq!(exponential(0.000015), "1.5e-5");
/// ```
pub fn exponential(x: f64) -> String {
    let text = crate::decimal::Shortest(x).to_string();
    if !x.is_finite() {
        return text;
    }
    let (sign, unsigned) = text.strip_prefix('-').map_or(("", &text[..]), |u| ("-", u));
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = format!("{whole}{fraction}");
    let Some(first) = digits.find(|c| c != '0') else {
        return format!("{sign}0e0");
    };
    let exponent = whole.len() as i64 - 1 - first as i64;
    let significant = digits[first..].trim_end_matches('0');
    let (lead, rest) = significant.split_at(1);
    let point = if rest.is_empty() { "" } else { "." };
    format!("{sign}{lead}{point}{rest}e{exponent}")
}

#[cfg(test)]
mod test {
    use super::{clamp, exponential, parse_f64};

    #[test]
    fn clamps_as_the_standard_library_does() {
        let values = [
            -2.0,
            -1.0,
            -0.5,
            -0.0,
            0.0,
            0.5,
            1.0,
            3.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for x in values {
            for (lo, hi) in
                [(-1.0, 1.0), (0.0, 0.0), (-0.0, 0.0), (0.0, 1.0), (f64::NEG_INFINITY, 0.0)]
            {
                #[allow(clippy::disallowed_methods)] // compared with
                let (ours, std) = (clamp(x, lo, hi), x.clamp(lo, hi));
                assert!(
                    ours.to_bits() == std.to_bits() || (ours.is_nan() && std.is_nan()),
                    "{x} in {lo}..={hi}"
                );
            }
        }
    }

    #[test]
    fn exponents_are_written_as_rust_writes_them() {
        let values = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            10.0,
            1e6,
            1.5e6,
            123456789.0,
            1e13,
            1.2e13,
            -9.99e15,
            1.7976931348623157e308,
            5e-324,
            0.1,
            0.000015,
            -2.5e-7,
            1e21,
            1e22,
            12345.678,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            4503599627370497.0,
            1e-300,
        ];
        for x in values {
            assert_eq!(exponential(x), format!("{x:e}"), "{x:?}");
        }
    }

    #[test]
    fn numbers_read_as_rust_reads_them() {
        let texts = [
            "0",
            "-0",
            "+0",
            "1",
            "1.",
            ".5",
            "-.5",
            "+1.25",
            "1e5",
            "1E5",
            "1e+5",
            "1e-5",
            "2.5E-3",
            "1.7976931348623157e308",
            "1e400",
            "-1e400",
            "4.9e-324",
            "1e-400",
            "123456789012345678901234567890",
            "0.1000000000000000055511151231257827",
            "inf",
            "-inf",
            "+Infinity",
            "INF",
            "NaN",
            "-nan",
            "",
            "+",
            "-",
            ".",
            "e5",
            ".e5",
            "1e",
            "1e+",
            "1e-",
            "1.2.3",
            "1..2",
            "--1",
            "+-1",
            " 1",
            "1 ",
            "12px",
            "0x10",
            "1_000",
            "in",
            "infinit",
            "nana",
            "1e5.5",
            "٣",
            "1,5",
        ];
        for t in texts {
            let ours = parse_f64(t);
            let std = t.parse::<f64>().ok();
            let same = match (ours, std) {
                (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                (None, None) => true,
                _ => false,
            };
            assert!(same, "{t:?}: {ours:?} against {std:?}");
        }
    }
}
