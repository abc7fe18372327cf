//! Text-based rich readers: Markdown, FanFicFare TXT and the JSON contract.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = ficarchive_formats::markdown::read_markdown(&text);
    let _ = ficarchive_formats::fanficfare::read_fff_txt(&text);
    let _ = ficarchive_formats::json::read_json(&text);
});
