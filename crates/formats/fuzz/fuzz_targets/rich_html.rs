//! HTML readers: generic, AO3 layout and FanFicFare layout, plus the front door's detection.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = ficarchive_formats::html::read_html(&text);
    let _ = ficarchive_formats::ao3::read_ao3_html(&text);
    let _ = ficarchive_formats::fanficfare::read_fff_html(&text);
    let _ = ficarchive_formats::read(data, Some("fuzz.html"), &ficarchive_formats::Limits::default());
});
