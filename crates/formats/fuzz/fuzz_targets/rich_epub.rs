//! EPUB/ZIP reader: any bytes give a work or a FormatError, within the ZIP limits; a work it
//! reads exports to every format and reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(work) = ficarchive_formats::epub::read_epub(data) {
        ficarchive_formats_fuzz::exports_read_back(&work);
    }
});
