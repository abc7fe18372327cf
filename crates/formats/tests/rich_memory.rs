//! Bounded memory on hostile input, measured: the kernel's peak resident set (VmHWM, reset before
//! each case) while each hostile file is read. One test runs the cases in turn, so nothing else
//! in this binary allocates meanwhile.

use std::io::Write;

mod common;

use common::{CONTAINER, build, opf};
use ficarchive_formats::{Limits, read};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A field of /proc/self/status in bytes ("VmRSS", "VmHWM").
fn status_bytes(field: &str) -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// The peak resident memory `f` added over what was resident before it ran: the kernel's
/// high-water mark, reset first by writing 5 to /proc/self/clear_refs. `None` where that is
/// not possible (not Linux, or /proc read-only).
fn peak_during(f: impl FnOnce()) -> Option<usize> {
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    let base = status_bytes("VmRSS")?;
    f();
    Some(status_bytes("VmHWM")?.saturating_sub(base))
}

const MIB: usize = 1024 * 1024;

#[test]
fn hostile_inputs_stay_within_bounded_memory() {
    let mut report = Vec::new();
    if peak_during(|| ()).is_none() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("cannot measure peak memory: /proc/self/clear_refs is not writable");
        }
        eprintln!(
            "\n*** SKIP hostile_inputs_stay_within_bounded_memory: /proc/self/clear_refs is not writable ***\n"
        );
        return;
    }
    let mut check = |name: &str, bytes: Vec<u8>, file: &str, bound: usize| {
        let peak = peak_during(|| {
            let _ = read(&bytes, Some(file), &Limits::default());
        })
        .unwrap_or(0);
        report.push(format!(
            "{name}: {:.1} MiB peak for a {:.2} MiB file",
            peak as f64 / MIB as f64,
            bytes.len() as f64 / MIB as f64
        ));
        assert!(
            peak <= bound,
            "{name}: peak {peak} bytes over the bound {bound}"
        );
    };

    // One entry of 64 MiB of zeros (64 KiB on disk): stopped by the ratio and entry limits.
    let opf1 = opf(&["ch1.xhtml"]);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(true);
    for (name, data) in [
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("content.opf", opf1.as_bytes()),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.start_file("ch1.xhtml", opts).unwrap();
    let zeros = vec![0u8; MIB];
    for _ in 0..64 {
        zip.write_all(&zeros).unwrap();
    }
    let bomb = zip.finish().unwrap().into_inner();
    check("64 MiB zip bomb entry", bomb, "bomb.epub", 48 * MIB);

    // 24 entries of 8 MiB each (192 MiB inflated): stopped by the total limit. One entry is
    // compressed once and copied raw, which keeps the test cheap in a debug build.
    let page = format!(
        "<html><body><p>{}</p></body></html>",
        "Story words go here. ".repeat(8 * MIB / 21)
    );
    let one = build(&[("c0.xhtml", page.as_bytes())]);
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(one)).unwrap();
    let names: Vec<String> = (0..24).map(|i| format!("c{i}.xhtml")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let opf_many = opf(&refs);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in [
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("content.opf", opf_many.as_bytes()),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(data).unwrap();
    }
    for n in &names {
        let entry = source.by_index_raw(0).unwrap();
        zip.raw_copy_file_rename(entry, n.as_str()).unwrap();
    }
    check(
        "24 entries of 8 MiB (192 MiB inflated)",
        zip.finish().unwrap().into_inner(),
        "many.epub",
        400 * MIB,
    );

    // Billion laughs in the OPF.
    let mut laughs = String::from("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        laughs.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        ));
    }
    laughs.push_str("]><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>&lol9;</dc:title></metadata><manifest><item id=\"c\" href=\"c.xhtml\" media-type=\"application/xhtml+xml\"/></manifest><spine><itemref idref=\"c\"/></spine></package>");
    let chapter = "<html><body><p>Once there was a keeper who kept a light.</p></body></html>";
    check(
        "billion laughs OPF",
        build(&[
            ("META-INF/container.xml", CONTAINER.as_bytes()),
            ("content.opf", laughs.as_bytes()),
            ("c.xhtml", chapter.as_bytes()),
        ]),
        "laughs.epub",
        8 * MIB,
    );

    // 200,000 nested divs.
    let depth = 200_000;
    let deep = format!(
        "<html><body>{}<p>The story at the bottom.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    check(
        "200,000 nested divs",
        deep.into_bytes(),
        "deep.html",
        256 * MIB,
    );

    // A 16 MiB attribute.
    let attr = "x".repeat(16 * MIB);
    let huge = format!("<html><body><p title=\"{attr}\">Short story text here.</p></body></html>");
    check(
        "16 MiB attribute",
        huge.into_bytes(),
        "attr.html",
        160 * MIB,
    );

    // A file over the size limit is refused before anything is decoded.
    let over = vec![b'a'; 65 * MIB];
    check("65 MiB text file", over, "big.txt", MIB);

    eprintln!("{}", report.join("\n"));
}
