//! A small XML tree for EPUB's package files (container.xml, the OPF, the NCX), built with
//! quick-xml. It never expands entities beyond XML's five and character references (a DTD's own
//! entities are dropped, so "billion laughs" and external entities have nothing to expand), and it
//! caps node count and depth.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The most elements kept from one package file.
const MAX_NODES: usize = 200_000;
/// The deepest nesting kept.
const MAX_DEPTH: usize = 256;

/// One element: local name (namespace prefix removed), attributes by local name, text, children.
#[derive(Debug, Default, Clone)]
pub(crate) struct XmlNode {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<usize>,
}

/// A parsed XML document: nodes in document order; node 0 is a synthetic root.
#[derive(Debug, Default)]
pub(crate) struct XmlDoc {
    pub nodes: Vec<XmlNode>,
    /// Entities that were not expanded.
    pub dropped_entities: usize,
}

impl XmlDoc {
    /// The value of an attribute (by local name).
    pub fn attr(&self, node: usize, name: &str) -> Option<&str> {
        self.nodes
            .get(node)?
            .attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every node with the given local name, in document order.
    pub fn find_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.nodes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.name == name)
            .map(|(i, _)| i)
    }

    /// The first node with the given local name.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.find_all(name).next()
    }

    /// The trimmed text of a node's own text children.
    #[cfg(test)]
    pub fn text(&self, node: usize) -> &str {
        self.nodes.get(node).map(|n| n.text.trim()).unwrap_or("")
    }

    /// Every descendant (document order) of a node with the given local name.
    pub fn descendants_named(&self, node: usize, name: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self
            .nodes
            .get(node)
            .map(|n| n.children.iter().rev().copied().collect())
            .unwrap_or_default();
        while let Some(i) = stack.pop() {
            if let Some(n) = self.nodes.get(i) {
                if n.name == name {
                    out.push(i);
                }
                stack.extend(n.children.iter().rev().copied());
            }
        }
        out
    }

    /// All text under a node, descendants included, white space collapsed.
    pub fn deep_text(&self, node: usize) -> String {
        let mut parts = Vec::new();
        let mut stack = vec![node];
        while let Some(i) = stack.pop() {
            if let Some(n) = self.nodes.get(i) {
                if !n.text.trim().is_empty() {
                    parts.push(n.text.trim().to_string());
                }
                stack.extend(n.children.iter().rev().copied());
            }
        }
        parts
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => name.into_owned(),
    }
}

fn attrs_of(e: &BytesStart<'_>) -> Vec<(String, String)> {
    e.attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .map(|a| {
            let key = local(a.key.as_ref());
            let value = a
                .unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            (key, value)
        })
        .collect()
}

/// Parses XML leniently: malformed input gives what was read before the error, plus the error.
pub(crate) fn parse(text: &str) -> (XmlDoc, Option<String>) {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut doc = XmlDoc {
        nodes: vec![XmlNode::default()],
        dropped_entities: 0,
    };
    let mut stack: Vec<usize> = vec![0];
    let mut error = None;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                error = Some(format!(
                    "XML error at byte {}: {e}",
                    reader.buffer_position()
                ));
                break;
            }
        };
        let parent = stack.last().copied().unwrap_or(0);
        match event {
            Event::Start(e) => {
                if let Err(e) = open_element(&mut doc, &mut stack, parent, &e, false) {
                    error = Some(e);
                    break;
                }
            }
            Event::Empty(e) => {
                if let Err(e) = open_element(&mut doc, &mut stack, parent, &e, true) {
                    error = Some(e);
                    break;
                }
            }
            Event::End(_) if stack.len() > 1 => {
                stack.pop();
            }
            Event::Text(t) => {
                if let Ok(s) = t.decode() {
                    doc.nodes[parent].text.push_str(&s);
                }
            }
            Event::CData(t) => {
                doc.nodes[parent]
                    .text
                    .push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => r
                        .decode()
                        .ok()
                        .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                        .map(str::to_string),
                };
                match resolved {
                    Some(s) => doc.nodes[parent].text.push_str(&s),
                    None => doc.dropped_entities += 1,
                }
            }
            Event::Eof => break,
            // Declarations, DOCTYPE (with any entity definitions), comments, processing
            // instructions: ignored.
            _ => {}
        }
    }
    (doc, error)
}

fn open_element(
    doc: &mut XmlDoc,
    stack: &mut Vec<usize>,
    parent: usize,
    e: &BytesStart<'_>,
    is_empty: bool,
) -> Result<(), String> {
    if doc.nodes.len() >= MAX_NODES {
        return Err(format!("more than {MAX_NODES} XML elements"));
    }
    let id = doc.nodes.len();
    doc.nodes.push(XmlNode {
        name: local(e.local_name().as_ref()),
        attrs: attrs_of(e),
        ..XmlNode::default()
    });
    doc.nodes[parent].children.push(id);
    if !is_empty {
        if stack.len() >= MAX_DEPTH {
            return Err(format!("XML nested deeper than {MAX_DEPTH} levels"));
        }
        stack.push(id);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tree_and_ignores_custom_entities() {
        let xml = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY lol "lololol"><!ENTITY ext SYSTEM "file:///etc/passwd">]>
<package><metadata><dc:title>A &amp; B &#65;&lol;&ext;</dc:title><meta name="x" content="1"/></metadata><spine><itemref idref="a"/><itemref idref="b"/></spine></package>"#;
        let (doc, err) = parse(xml);
        assert!(err.is_none(), "{err:?}");
        let t = doc.find("title").unwrap();
        assert_eq!(doc.text(t), "A & B A");
        assert_eq!(doc.dropped_entities, 2);
        let spine = doc.find("spine").unwrap();
        assert_eq!(doc.descendants_named(spine, "itemref").len(), 2);
        assert_eq!(doc.attr(doc.find("meta").unwrap(), "content"), Some("1"));
    }

    #[test]
    fn truncated_xml_gives_partial_tree_and_error() {
        let (doc, err) = parse("<package><metadata><title>X</title><meta");
        assert!(err.is_some());
        assert!(doc.find("title").is_some());
    }
}
