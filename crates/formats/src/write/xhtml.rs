//! HTML fragments into well-formed XHTML for EPUB: void elements closed, only XML's own entities,
//! attribute names XML allows. Iterative, so nesting depth cannot overflow the stack.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::escape;

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "hr"
            | "img"
            | "meta"
            | "link"
            | "input"
            | "col"
            | "wbr"
            | "area"
            | "base"
            | "source"
    )
}

fn valid_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Converts an HTML fragment (body content) to XHTML.
pub(crate) fn to_xhtml(fragment: &str) -> String {
    let doc = Html::parse_fragment(fragment);
    let mut out = String::with_capacity(fragment.len() + fragment.len() / 8);
    let root = doc.root_element();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if node.id() != root.id() => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if !valid_xml_name(name) {
                        continue;
                    }
                    out.push('<');
                    out.push_str(name);
                    for (attr, value) in e.attrs() {
                        // `rel="noopener noreferrer"` is for browsers; epubcheck rejects the values.
                        if attr == "rel" || !valid_xml_name(attr) {
                            continue;
                        }
                        out.push(' ');
                        out.push_str(attr);
                        out.push_str("=\"");
                        out.push_str(&escape(value));
                        out.push('"');
                    }
                    out.push_str(if is_void(name) { "/>" } else { ">" });
                }
                Node::Text(t) => out.push_str(&escape(t)),
                _ => {}
            },
            Edge::Close(node) if node.id() != root.id() => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if valid_xml_name(name) && !is_void(name) {
                        out.push_str("</");
                        out.push_str(name);
                        out.push('>');
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closes_voids_and_escapes() {
        assert_eq!(
            to_xhtml("<p>a<br>b &nbsp;&amp; <a href=\"x?a=1&b=2\" rel=\"noopener\">l</a><hr>"),
            "<p>a<br/>b \u{a0}&amp; <a href=\"x?a=1&amp;b=2\">l</a></p><hr/>"
        );
    }
}
