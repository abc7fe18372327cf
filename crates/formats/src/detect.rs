//! Format detection from the content; the file name's extension only breaks ties.

/// What a file's content looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DetectedFormat {
    /// A ZIP archive (read as EPUB).
    Epub,
    /// ficarchive's JSON contract.
    Json,
    /// An AO3 download (or ficarchive's HTML export).
    Ao3Html,
    /// FanFicFare's HTML output.
    FanficfareHtml,
    /// Any other HTML.
    Html,
    /// FanFicFare's TXT output.
    FanficfareText,
    /// Markdown.
    Markdown,
    /// Plain text.
    Text,
}

impl DetectedFormat {
    /// A short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            DetectedFormat::Epub => "EPUB",
            DetectedFormat::Json => "JSON",
            DetectedFormat::Ao3Html => "AO3 HTML",
            DetectedFormat::FanficfareHtml => "FanFicFare HTML",
            DetectedFormat::Html => "HTML",
            DetectedFormat::FanficfareText => "FanFicFare TXT",
            DetectedFormat::Markdown => "Markdown",
            DetectedFormat::Text => "plain text",
        }
    }
}

/// True when the bytes start like a ZIP archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// True when decoded text is HTML: a doctype or `<html>` first, or (for fragments) several
/// paragraph tags near the start. With an `.htm(l)`/`.xhtml` extension one tag is enough.
pub fn looks_like_html(text: &str, extension: Option<&str>) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    if head.starts_with("<?xml") && head.contains("<html") {
        return true;
    }
    let tags = ["<p>", "<p ", "<br", "<div", "<body", "<h1", "<h2"]
        .iter()
        .map(|t| head.matches(t).count())
        .sum::<usize>();
    let html_ext = matches!(extension, Some("html" | "htm" | "xhtml"));
    (html_ext && tags >= 1 && head.starts_with('<')) || tags >= 3 && head.starts_with('<')
}

/// Detects the format of decoded text.
pub fn detect_text(text: &str, file_name: Option<&str>) -> DetectedFormat {
    let ext = extension(file_name);
    if crate::json::looks_like_work_json(text) {
        return DetectedFormat::Json;
    }
    if looks_like_html(text, ext.as_deref()) {
        return detect_html_text(text);
    }
    if crate::fanficfare::looks_like_fff_txt(text) {
        return DetectedFormat::FanficfareText;
    }
    if matches!(ext.as_deref(), Some("md" | "markdown"))
        || crate::markdown::looks_like_markdown(text)
    {
        return DetectedFormat::Markdown;
    }
    DetectedFormat::Text
}

/// Which HTML layout a document has, from marker strings (the reader then checks the layout
/// properly and the front door falls back to the generic reader).
fn detect_html_text(text: &str) -> DetectedFormat {
    let has = |needle: &str| text.contains(needle);
    if (has("id=\"preface\"") || has("id='preface'"))
        && (has("class=\"tags\"") || has("class=\"message\""))
    {
        DetectedFormat::Ao3Html
    } else if has("name=\"TOCTOP\"") && has("class=\"full\"") {
        DetectedFormat::FanficfareHtml
    } else {
        DetectedFormat::Html
    }
}

/// Detects the format of a file's bytes.
pub fn detect(bytes: &[u8], file_name: Option<&str>) -> DetectedFormat {
    if is_zip(bytes) {
        return DetectedFormat::Epub;
    }
    let text = String::from_utf8_lossy(bytes);
    detect_text(&text, file_name)
}

fn extension(file_name: Option<&str>) -> Option<String> {
    let name = file_name?;
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_extension() {
        assert_eq!(
            detect(b"PK\x03\x04rest", Some("story.txt")),
            DetectedFormat::Epub
        );
        assert_eq!(
            detect(
                b"<!DOCTYPE html><html><body><p>x</p></body></html>",
                Some("a.txt")
            ),
            DetectedFormat::Html
        );
        assert_eq!(
            detect(b"{\"title\": \"x\", \"chapters\": []}", None),
            DetectedFormat::Json
        );
        assert_eq!(
            detect(b"Title: X\n\nOnce upon a time.", Some("x.html")),
            DetectedFormat::Text
        );
        assert_eq!(
            detect(b"# T\n\nHello.", Some("x.md")),
            DetectedFormat::Markdown
        );
    }
}
