//! The JSON contract reader on arbitrary text: a work it accepts exports and reads back exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(work) = ficarchive_formats::json::read_json(&text) {
        ficarchive_formats_fuzz::exports_read_back(&work);
    }
});
