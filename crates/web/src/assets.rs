//! Static files embedded in the binary.

/// The stylesheet.
pub(crate) const STYLE_CSS: &str = include_str!("../static/style.css");
/// Progressive enhancement: reading settings, reading position, tag autocomplete.
pub(crate) const APP_JS: &str = include_str!("../static/app.js");
/// The site icon.
pub(crate) const FAVICON_SVG: &str = include_str!("../static/favicon.svg");

/// FNV-1a, computed at compile time so asset URLs change exactly when the assets do.
const fn fnv1a(bytes: &[u8], mut hash: u64) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// A fingerprint of the static assets; their URLs carry it, so they can be cached for a year.
pub(crate) const HASH: u64 = fnv1a(
    APP_JS.as_bytes(),
    fnv1a(STYLE_CSS.as_bytes(), 0xcbf2_9ce4_8422_2325),
) >> 24;
