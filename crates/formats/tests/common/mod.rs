//! EPUB builders shared by the hostile-input tests: a container, an OPF and a zip of entries.
#![allow(dead_code)]

use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A container.xml pointing at `content.opf`.
pub const CONTAINER: &str = r#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;

/// An EPUB 2 package titled "Hostile" by "Ann" whose spine is `spine`, in order.
pub fn opf(spine: &[&str]) -> String {
    let items: String = spine
        .iter()
        .enumerate()
        .map(|(i, h)| format!(r#"<item id="i{i}" href="{h}" media-type="application/xhtml+xml"/>"#))
        .collect();
    let refs: String = (0..spine.len())
        .map(|i| format!(r#"<itemref idref="i{i}"/>"#))
        .collect();
    format!(
        r#"<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Hostile</dc:title><dc:creator>Ann</dc:creator></metadata><manifest>{items}</manifest><spine>{refs}</spine></package>"#
    )
}

/// A zip of the entries, deflated, in order.
pub fn build(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in entries {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
