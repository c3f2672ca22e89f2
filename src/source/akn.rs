//! Akoma Ntoso 3.0 (OASIS LegalDocML) documents as text: the blocks of its `preface`,
//! `preamble`, `body` or `mainBody` and `conclusions`, its hierarchy (`part`, `chapter`,
//! `section`, `article`, `paragraph`, `point`, …) with their `num` and `heading`, written as
//! the marked text the normalizer reads: a container that holds others is a `#` heading at
//! its depth, a provision with content a paragraph with its number. Each block keeps the
//! `eId` of its element, by the line it starts on. The metadata (`meta`) is not text.
//!
//! The XML is read as a tree (`roxmltree`): whether an element is a heading depends on what
//! it holds, and a tree answers that at once.

use roxmltree::{Document, Node};

/// The Akoma Ntoso 3.0 namespace.
const AKN: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Elements of the hierarchy (`hierarchy` and `hcontainer` in the schema): with others
/// inside they are headings, with content they are provisions.
const HIERARCHY: &[&str] = &[
    "alinea",
    "article",
    "book",
    "chapter",
    "clause",
    "division",
    "indent",
    "level",
    "list",
    "paragraph",
    "part",
    "point",
    "proviso",
    "rule",
    "section",
    "subchapter",
    "subclause",
    "subdivision",
    "sublist",
    "subparagraph",
    "subpart",
    "subrule",
    "subsection",
    "subtitle",
    "title",
    "tome",
    "transitional",
    "hcontainer",
    "container",
    "recital",
    "citation",
    "formula",
];

/// Units of the hierarchy that are headings over what they hold, even with no heading of
/// their own (`Article 5` over its paragraphs); the rest (`paragraph`, `point`, `recital`, …)
/// are provisions, read as paragraphs.
const STRUCTURAL: &[&str] = &[
    "book",
    "tome",
    "part",
    "subpart",
    "title",
    "subtitle",
    "chapter",
    "subchapter",
    "section",
    "subsection",
    "article",
    "division",
    "subdivision",
    "rule",
    "subrule",
    "level",
    "transitional",
];

/// Elements whose text is not the document's.
const SKIPPED: &[&str] = &["meta", "authorialNote", "noteRef", "componentRef"];

/// A document read: its text, and the `eId` of the element each block came from, by the
/// 1-based line the block starts on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Read {
    /// The blocks, blank-line separated, headings as `#` lines.
    pub text: String,
    /// The `eId` of each block that has one, by the line it starts on.
    pub ids: Vec<(usize, String)>,
}

/// Whether decoded text is an Akoma Ntoso document: its root element, in the first lines.
pub fn looks_like_akn(text: &str) -> bool {
    // The first element, past the XML declaration, comments and a doctype, is the document's
    // root: a text that only mentions the element (a note about Akoma Ntoso) is not one.
    let mut rest = text.trim_start_matches('\u{feff}');
    for _ in 0..64 {
        rest = rest.trim_start();
        let end = if rest.starts_with("<!--") {
            "-->"
        } else if rest.starts_with("<?") {
            "?>"
        } else if rest.starts_with("<!") {
            ">"
        } else {
            let Some(tag) = rest.strip_prefix('<') else {
                return false;
            };
            let name = tag
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("");
            return name == "akomaNtoso" || name.ends_with(":akomaNtoso");
        };
        let Some(at) = rest.find(end) else {
            return false;
        };
        rest = &rest[at + end.len()..];
    }
    false
}

/// Read a document, or say why its XML cannot be read.
pub fn read(xml: &str) -> Result<Read, String> {
    let doc = Document::parse_with_options(
        xml,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .map_err(|e| e.to_string())?;
    let mut writer = Writer {
        line: 1,
        ..Writer::default()
    };
    writer.walk(doc.root_element(), 0);
    if let Some((num, eid)) = writer.pending.take() {
        writer.block("", &num, eid.as_deref());
    }
    Ok(Read {
        text: writer.text,
        ids: writer.ids,
    })
}

#[derive(Default)]
struct Writer {
    text: String,
    ids: Vec<(usize, String)>,
    /// The line the next block starts on.
    line: usize,
    /// A provision's number and eId waiting for the words of the next block.
    pending: Option<(String, Option<String>)>,
}

impl Writer {
    /// Write the blocks under `node`, whose hierarchy depth is `depth`.
    fn walk(&mut self, node: Node<'_, '_>, depth: usize) {
        for child in node.children().filter(|c| c.is_element()) {
            let name = child.tag_name().name();
            if child.tag_name().namespace() != Some(AKN) && !is_block(child) {
                self.walk(child, depth);
                continue;
            }
            if SKIPPED.contains(&name) {
                continue;
            }
            if HIERARCHY.contains(&name) {
                self.provision(child, depth);
            } else if is_block(child) {
                self.block("", &inline_text(child), id(child));
                self.notes(child);
            } else {
                self.walk(child, depth);
            }
        }
    }

    /// A hierarchy element: a heading over what it holds, or a provision.
    fn provision(&mut self, e: Node<'_, '_>, depth: usize) {
        let name = e.tag_name().name();
        let num = child(e, "num").map(inline_text).unwrap_or_default();
        let heading = child(e, "heading").map(inline_text).unwrap_or_default();
        let holds_provisions = e
            .children()
            .any(|c| HIERARCHY.contains(&c.tag_name().name()));
        let structural = STRUCTURAL.contains(&name)
            || !heading.is_empty()
            || (name == "hcontainer" && holds_provisions);
        if !structural {
            // A provision: each of its paragraphs a block, the first with its number (the
            // words that introduce its points, which follow as provisions of their own).
            let mut texts = Vec::new();
            block_texts(e, &mut texts);
            let mut eid = id(e);
            for (k, text) in texts.iter().enumerate() {
                let text = if k == 0 {
                    format!("{num} {text}")
                } else {
                    text.clone()
                };
                self.block("", &text, eid.take());
            }
            if texts.is_empty() {
                // Its words are in the first provision it holds (a list's intro): the number
                // waits for them.
                self.pending = Some((num, eid.map(str::to_string)));
            }
            self.notes(e);
            self.parts(e, depth, false);
            return;
        }
        let title = [num.as_str(), heading.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if title.is_empty() {
            // An unnamed container (a group of articles): its parts only.
            self.parts(e, depth, true);
            return;
        }
        self.block(&"#".repeat((depth + 1).min(6)), &title, id(e));
        self.parts(e, depth + 1, true);
    }

    /// What a heading or provision holds: its provisions, and, where `with_text`, its intro,
    /// content and wrap-up, in order.
    fn parts(&mut self, e: Node<'_, '_>, depth: usize, with_text: bool) {
        for c in e.children().filter(|c| c.is_element()) {
            match c.tag_name().name() {
                "num" | "heading" | "subheading" => {}
                name if HIERARCHY.contains(&name) => self.provision(c, depth),
                "wrapUp" => {
                    self.block("", &inline_text(c), id(c));
                }
                _ if !with_text => {}
                _ if is_block(c) => {
                    self.block("", &inline_text(c), id(c));
                    self.notes(c);
                }
                _ => self.walk(c, depth),
            }
        }
    }

    /// The notes (`authorialNote`) under an element, each a paragraph after its block.
    fn notes(&mut self, e: Node<'_, '_>) {
        for note in e
            .descendants()
            .filter(|n| n.is_element() && n.tag_name().name() == "authorialNote")
        {
            let mark = note.attribute("marker").unwrap_or("");
            self.block("", &format!("{mark} {}", plain_text(note)), id(note));
        }
    }

    /// Write one block: `marks` (`##`) and its text on one line, then a blank line.
    fn block(&mut self, marks: &str, text: &str, eid: Option<&str>) {
        let mut text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut eid = eid.map(str::to_string);
        if let Some((num, waiting)) = self.pending.take() {
            if marks.is_empty() {
                text = format!("{num} {text}").trim().to_string();
                eid = waiting.or(eid);
            } else {
                self.block("", &num, waiting.as_deref());
            }
        }
        if text.is_empty() {
            return;
        }
        if let Some(eid) = eid {
            self.ids.push((self.line, eid));
        }
        if !marks.is_empty() {
            self.text.push_str(marks);
            self.text.push(' ');
        }
        self.text.push_str(&text);
        self.text.push_str("\n\n");
        self.line += 2;
    }
}

/// The texts of the blocks inside a provision, in order, leaving out its number, heading
/// and the provisions it holds.
fn block_texts(e: Node<'_, '_>, out: &mut Vec<String>) {
    for c in e.children().filter(|c| c.is_element()) {
        let name = c.tag_name().name();
        if matches!(name, "num" | "heading" | "subheading") || HIERARCHY.contains(&name) {
            continue;
        }
        if SKIPPED.contains(&name) {
            continue;
        }
        if is_block(c) {
            out.push(inline_text(c));
        } else {
            block_texts(c, out);
        }
    }
}

/// Whether an element is a block of text in itself: a paragraph, a title, a table row.
fn is_block(e: Node<'_, '_>) -> bool {
    matches!(
        e.tag_name().name(),
        "p" | "longTitle" | "docTitle" | "tr" | "blockList" | "intro" | "wrapUp" | "content"
    ) && !e
        .children()
        .any(|c| c.is_element() && matches!(c.tag_name().name(), "p" | "tr" | "blockList"))
}

fn child<'a, 'i>(e: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    e.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn id<'a>(e: Node<'a, '_>) -> Option<&'a str> {
    e.attribute("eId").or_else(|| e.attribute("id"))
}

/// The text of an element as a reader sees it: notes left for after the block, a line end
/// (`eol`) a space.
fn inline_text(e: Node<'_, '_>) -> String {
    let mut out = String::new();
    collect(e, &mut out, true);
    out
}

/// All the text under an element.
fn plain_text(e: Node<'_, '_>) -> String {
    let mut out = String::new();
    collect(e, &mut out, false);
    out
}

fn collect(e: Node<'_, '_>, out: &mut String, skip_notes: bool) {
    for c in e.children() {
        if c.is_text() {
            out.push_str(c.text().unwrap_or(""));
        } else if c.is_element() {
            match c.tag_name().name() {
                "authorialNote" | "noteRef" if skip_notes => {}
                "eol" | "eop" | "br" => out.push(' '),
                // Blocks inside a provision (its paragraphs) are separated by a space.
                "p" | "tr" | "td" | "th" | "item" => {
                    out.push(' ');
                    collect(c, out, skip_notes);
                    out.push(' ');
                }
                _ => collect(c, out, skip_notes),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_told_by_its_root_element() {
        let ns = "xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"";
        assert!(looks_like_akn(&format!(
            "<akomaNtoso {ns}><act/></akomaNtoso>"
        )));
        assert!(looks_like_akn(
            "<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<an:akomaNtoso xmlns:an=\"x\"/>"
        ));
        assert!(!looks_like_akn(
            "Notes\n\nThe <akomaNtoso> element is the root of every document.\n"
        ));
        assert!(!looks_like_akn(
            "<html><body><p>&lt;akomaNtoso&gt;</p></body></html>"
        ));
    }
}
