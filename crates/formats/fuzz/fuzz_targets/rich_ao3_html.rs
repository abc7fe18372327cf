//! AO3 layout reader (HTML download, and ficarchive's own HTML export) on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(work) = ficarchive_formats::ao3::read_ao3_html(&text) {
        ficarchive_formats_fuzz::exports_read_back(&work);
    }
});
