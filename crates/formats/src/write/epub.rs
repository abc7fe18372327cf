//! EPUB 3 written with the `zip` crate: `mimetype` stored first, an OPF with Dublin Core and
//! calibre series metadata, a navigation document and an NCX, a title page with the metadata,
//! one file per chapter with notes set apart, and an afterword. It passes `epubcheck` cleanly.

use std::fmt::Write as _;
use std::io::Write as _;

use ficarchive_model::Work;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::xhtml::to_xhtml;
use super::{STYLESHEET, afterword_html, chapter_html, escape, preface_html};
use crate::FormatError;

/// A BCP 47 code for a language name or code as sources write it ("English" → "en").
pub(crate) fn language_code(language: Option<&str>) -> Option<String> {
    let raw = language?.trim();
    let lower = raw.to_ascii_lowercase();
    let code = match lower.as_str() {
        "english" => "en",
        "français" | "francais" | "french" => "fr",
        "deutsch" | "german" => "de",
        "español" | "espanol" | "spanish" => "es",
        "italiano" | "italian" => "it",
        "português" | "portuguese" | "português brasileiro" => "pt",
        "русский" | "russian" => "ru",
        "日本語" | "japanese" => "ja",
        "中文-普通话 國語" | "中文" | "chinese" => "zh",
        "polski" | "polish" => "pl",
        "nederlands" | "dutch" => "nl",
        "suomi" | "finnish" => "fi",
        "svenska" | "swedish" => "sv",
        "한국어" | "korean" => "ko",
        "tiếng việt" | "vietnamese" => "vi",
        "türkçe" | "turkish" => "tr",
        "čeština" | "czech" => "cs",
        "magyar" | "hungarian" => "hu",
        "norsk" | "norwegian" => "no",
        "dansk" | "danish" => "da",
        "català" | "catalan" => "ca",
        "bahasa indonesia" | "indonesian" => "id",
        "ελληνικά" | "greek" => "el",
        "עברית" | "hebrew" => "he",
        "العربية" | "arabic" => "ar",
        "українська" | "ukrainian" => "uk",
        _ => {
            let looks_like_code = (2..=8).contains(&raw.len())
                && raw
                    .split('-')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
                && raw.split('-').next().is_some_and(|p| {
                    (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic())
                });
            return looks_like_code.then(|| raw.to_string());
        }
    };
    Some(code.to_string())
}

/// A stable identifier: the source's uid or URL, else a hash of title and authors.
fn identifier(work: &Work) -> String {
    if let Some(uid) = work.source.uid.as_deref().filter(|u| !u.trim().is_empty()) {
        return uid.trim().to_string();
    }
    if let Some(url) = work.source.url.as_deref().filter(|u| !u.trim().is_empty()) {
        return url.trim().to_string();
    }
    // FNV-1a: stable across runs and platforms, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in work
        .display_title()
        .bytes()
        .chain(work.authors.join("\u{1}").bytes())
    {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("urn:ficarchive:{hash:016x}")
}

fn xhtml_page(title: &str, lang: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"{lang}\" lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"generator\" content=\"ficarchive\"/>\n<title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        escape(title)
    )
}

/// Writes a work as an EPUB 3 file.
pub fn write_epub(work: &Work) -> Result<Vec<u8>, FormatError> {
    let lang = language_code(work.language.as_deref()).unwrap_or_else(|| "und".to_string());
    let lang = escape(&lang);
    let title = work.display_title();
    let uid = identifier(work);

    // (file name, toc label, xhtml)
    let mut pages: Vec<(String, String, String)> = Vec::new();
    pages.push((
        "title.xhtml".into(),
        "Preface".into(),
        xhtml_page(title, &lang, &to_xhtml(&preface_html(work))),
    ));
    for (i, chapter) in work.chapters.iter().enumerate() {
        let body = format!(
            "<div id=\"chapters\" class=\"userstuff\">\n{}</div>",
            chapter_html(chapter)
        );
        pages.push((
            format!("chapter{:04}.xhtml", i + 1),
            chapter.display_title(),
            xhtml_page(&chapter.display_title(), &lang, &to_xhtml(&body)),
        ));
    }
    if !work.end_notes.is_empty() {
        pages.push((
            "afterword.xhtml".into(),
            "Afterword".into(),
            xhtml_page("Afterword", &lang, &to_xhtml(&afterword_html(work))),
        ));
    }

    let opf = opf(work, &uid, &lang, &pages);
    let nav = nav(&lang, title, &pages);
    let ncx = ncx(&uid, title, &pages);

    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let err = |e: &dyn std::fmt::Display| FormatError::Malformed {
        format: "EPUB",
        reason: format!("could not write the archive: {e}"),
    };
    zip.start_file("mimetype", stored).map_err(|e| err(&e))?;
    zip.write_all(b"application/epub+zip")
        .map_err(|e| err(&e))?;
    let add = |zip: &mut ZipWriter<std::io::Cursor<Vec<u8>>>, name: &str, data: &str| {
        zip.start_file(name, deflated).map_err(|e| err(&e))?;
        let data = super::without_controls(data.to_string());
        zip.write_all(data.as_bytes()).map_err(|e| err(&e))
    };
    add(&mut zip, "META-INF/container.xml", CONTAINER)?;
    add(&mut zip, "OEBPS/content.opf", &opf)?;
    add(&mut zip, "OEBPS/nav.xhtml", &nav)?;
    add(&mut zip, "OEBPS/toc.ncx", &ncx)?;
    add(&mut zip, "OEBPS/style.css", STYLESHEET)?;
    for (name, _, page) in &pages {
        add(&mut zip, &format!("OEBPS/{name}"), page)?;
    }
    let cursor = zip.finish().map_err(|e| err(&e))?;
    Ok(cursor.into_inner())
}

const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">
  <rootfiles>
    <rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>
  </rootfiles>
</container>
";

fn opf(work: &Work, uid: &str, lang: &str, pages: &[(String, String, String)]) -> String {
    let mut m = String::new();
    let _ = writeln!(
        m,
        "    <dc:identifier id=\"uid\">{}</dc:identifier>",
        escape(uid)
    );
    let _ = writeln!(
        m,
        "    <dc:title>{}</dc:title>",
        escape(work.display_title())
    );
    for (i, a) in work.authors.iter().enumerate() {
        let _ = writeln!(
            m,
            "    <dc:creator id=\"creator{i}\">{}</dc:creator>\n    <meta refines=\"#creator{i}\" property=\"role\" scheme=\"marc:relators\">aut</meta>",
            escape(a)
        );
    }
    let _ = writeln!(m, "    <dc:language>{lang}</dc:language>");
    if let Some(s) = &work.summary {
        let _ = writeln!(m, "    <dc:description>{}</dc:description>", escape(s));
    }
    for (_, tag) in work.tags.iter() {
        let _ = writeln!(m, "    <dc:subject>{}</dc:subject>", escape(tag));
    }
    if let Some(url) = &work.source.url {
        let _ = writeln!(m, "    <dc:source>{}</dc:source>", escape(url));
    }
    if let Some(d) = work.dates.published {
        let _ = writeln!(m, "    <dc:date>{d}</dc:date>");
    }
    let modified = work
        .dates
        .updated
        .or(work.dates.completed)
        .or(work.dates.published)
        .map(|d| format!("{d}T00:00:00Z"))
        .unwrap_or_else(|| "2000-01-01T00:00:00Z".to_string());
    let _ = writeln!(
        m,
        "    <meta property=\"dcterms:modified\">{modified}</meta>"
    );
    if let Some(series) = work.series.first() {
        let _ = writeln!(
            m,
            "    <meta property=\"belongs-to-collection\" id=\"series\">{}</meta>\n    <meta refines=\"#series\" property=\"collection-type\">series</meta>",
            escape(&series.name)
        );
        if let Some(part) = series.part {
            let _ = writeln!(
                m,
                "    <meta refines=\"#series\" property=\"group-position\">{part}</meta>"
            );
        }
        let _ = writeln!(
            m,
            "    <meta name=\"calibre:series\" content=\"{}\"/>",
            escape(&series.name)
        );
        if let Some(part) = series.part {
            let _ = writeln!(
                m,
                "    <meta name=\"calibre:series_index\" content=\"{part}\"/>"
            );
        }
    }
    let mut manifest = String::from(
        "    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n    <item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n    <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n",
    );
    let mut spine = String::new();
    for (i, (name, _, _)) in pages.iter().enumerate() {
        let _ = writeln!(
            manifest,
            "    <item id=\"page{i}\" href=\"{name}\" media-type=\"application/xhtml+xml\"/>"
        );
        let _ = writeln!(spine, "    <itemref idref=\"page{i}\"/>");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"{lang}\">\n  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n{m}  </metadata>\n  <manifest>\n{manifest}  </manifest>\n  <spine toc=\"ncx\">\n{spine}  </spine>\n</package>\n"
    )
}

fn nav(lang: &str, title: &str, pages: &[(String, String, String)]) -> String {
    let mut items = String::new();
    for (name, label, _) in pages {
        let _ = writeln!(
            items,
            "      <li><a href=\"{name}\">{}</a></li>",
            escape(label)
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"{lang}\" lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n</head>\n<body>\n  <nav epub:type=\"toc\" id=\"toc\">\n    <h1>Contents</h1>\n    <ol>\n{items}    </ol>\n  </nav>\n</body>\n</html>\n",
        escape(title)
    )
}

fn ncx(uid: &str, title: &str, pages: &[(String, String, String)]) -> String {
    let mut points = String::new();
    for (i, (name, label, _)) in pages.iter().enumerate() {
        let _ = writeln!(
            points,
            "    <navPoint id=\"nav{i}\" playOrder=\"{}\">\n      <navLabel><text>{}</text></navLabel>\n      <content src=\"{name}\"/>\n    </navPoint>",
            i + 1,
            escape(label)
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\">\n  <head>\n    <meta name=\"dtb:uid\" content=\"{}\"/>\n    <meta name=\"dtb:depth\" content=\"1\"/>\n    <meta name=\"dtb:totalPageCount\" content=\"0\"/>\n    <meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n  </head>\n  <docTitle><text>{}</text></docTitle>\n  <navMap>\n{points}  </navMap>\n</ncx>\n",
        escape(uid),
        escape(title)
    )
}
