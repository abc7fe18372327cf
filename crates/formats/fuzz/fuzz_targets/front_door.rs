//! The front door: detection, decoding and whichever reader the bytes pick, under every file
//! name hint.
#![no_main]

use ficarchive_formats::{Limits, read};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for hint in [None, Some("x.txt"), Some("x.html"), Some("x.md"), Some("x.epub")] {
        if let Ok(r) = read(data, hint, &Limits::default()) {
            ficarchive_formats_fuzz::exports_read_back(&r.work);
        }
    }
});
