//! The few transcendental functions the map uses: the browser's `Math` in WebAssembly (so the
//! download carries no copy of Rust's maths library), the standard library natively (tests).

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
