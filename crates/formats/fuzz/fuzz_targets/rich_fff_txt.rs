//! FanFicFare TXT reader on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(work) = ficarchive_formats::fanficfare::read_fff_txt(&text) {
        ficarchive_formats_fuzz::exports_read_back(&work);
    }
});
