//! EPUB/ZIP reader: any bytes give a work or a FormatError, within the ZIP limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ficarchive_formats::epub::read_epub(data);
});
