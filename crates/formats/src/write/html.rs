//! One self-contained HTML file: inline stylesheet, no scripts, no remote resources.

use ficarchive_model::Work;

use super::{STYLESHEET, afterword_html, chapter_html, document_title, escape, preface_html};

/// Writes a work as one HTML file in AO3's download layout, readable offline.
pub fn write_html(work: &Work) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html");
    if let Some(code) = super::epub::language_code(work.language.as_deref()) {
        out.push_str(&format!(" lang=\"{}\"", escape(&code)));
    }
    out.push_str(
        ">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"generator\" content=\"ficarchive\"/>\n",
    );
    if let Some(uid) = work.source.uid.as_deref().filter(|u| !u.trim().is_empty()) {
        out.push_str(&format!(
            "<meta name=\"dc.identifier\" content=\"{}\"/>\n",
            escape(uid.trim())
        ));
    }
    out.push_str(&format!(
        "<title>{}</title>\n",
        escape(&document_title(work))
    ));
    out.push_str("<style>\n");
    out.push_str(STYLESHEET);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(&preface_html(work));
    out.push_str("<div id=\"chapters\" class=\"userstuff\">\n");
    for chapter in &work.chapters {
        out.push_str(&chapter_html(chapter));
    }
    out.push_str("</div>\n");
    out.push_str(&afterword_html(work));
    out.push_str("</body>\n</html>\n");
    out
}
