//! The paragraphs of a WordprocessingML part (`word/document.xml`, the notes) in one pass of
//! a streaming parser: a Word document's body can be tens of megabytes of markup, and the
//! text it holds is a fraction of it, so no tree of it is built.

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};

use super::{Revisions, W};

/// Markup compatibility (ECMA-376 Part 3): an `mc:AlternateContent` holds the same content
/// twice, as `mc:Choice` and as an `mc:Fallback` for older readers.
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// A paragraph as one reading of its tracked changes shows it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Paragraph {
    /// The text: runs the reading keeps; a tab as a space, a break as a line break.
    pub text: String,
    /// The paragraph style (`w:pStyle`).
    pub style: Option<String>,
    /// Its own outline level (`w:outlineLvl`), 0 for the outermost heading.
    pub outline_level: Option<u8>,
    /// Its own list and level (`w:numPr`).
    pub list: Option<(String, u8)>,
    /// Its mark is absent in this reading (deleted or moved away for the final text,
    /// inserted or moved here for the original): its text runs on into the next paragraph.
    pub mark_gone: bool,
    /// The note (`w:footnote`, `w:endnote`) it belongs to, counted from 0 in the part, and
    /// whether that note is a real one rather than a separator.
    pub note: Option<(usize, bool)>,
}

/// Where the parser is: what the element just opened means for the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// A paragraph (`w:p`).
    Paragraph,
    /// Its properties (`w:pPr`).
    Properties,
    /// The run properties of its mark (`w:pPr/w:rPr`): where a tracked mark says so.
    Mark,
    /// Its list (`w:pPr/w:numPr`).
    List,
    /// Text (`w:t`, `w:delText`).
    Text,
    /// Anything else: its children are read.
    Other,
}

/// The paragraphs of a part, in document order; a paragraph nested in another (a text box)
/// comes right after the one that holds it.
pub(super) fn paragraphs(xml: &str, revisions: Revisions) -> Result<Vec<Paragraph>, String> {
    let mut reader = NsReader::from_str(xml);
    let mut state = State {
        revisions,
        ..State::default()
    };
    loop {
        let (namespace, event) = reader.read_resolved_event().map_err(|e| e.to_string())?;
        let space = match namespace {
            ResolveResult::Bound(Namespace(n)) if n == W.as_bytes() => Space::Word,
            ResolveResult::Bound(Namespace(n)) if n == MC.as_bytes() => Space::Compatibility,
            _ => Space::Other,
        };
        let within = state.path.last().copied();
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let start = matches!(event, Event::Start(_));
                if skipped(space, e, within, revisions) {
                    if start {
                        reader.read_to_end(e.name()).map_err(|e| e.to_string())?;
                    }
                    continue;
                }
                let value = |name: &str| w_value(&reader, e, name);
                let context = state.open(space, e.local_name().as_ref(), within, value);
                if start {
                    state.path.push(context);
                } else if context == Context::Paragraph {
                    state.close_paragraph();
                }
            }
            Event::End(e) => match state.path.pop() {
                Some(Context::Paragraph) => state.close_paragraph(),
                Some(_) if space == Space::Word && is_note(e.local_name().as_ref()) => {
                    state.note = None;
                }
                Some(_) => {}
                None => return Err("an end tag with no start".into()),
            },
            Event::Text(t) if within == Some(Context::Text) => {
                state.push_text(&t.xml_content().map_err(|e| e.to_string())?);
            }
            Event::CData(t) if within == Some(Context::Text) => {
                state.push_text(&t.decode().map_err(|e| e.to_string())?);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| e.to_string())?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| format!("unknown entity &{name};"))?
                            .to_string()
                    }
                };
                if within == Some(Context::Text) {
                    state.push_text(&resolved);
                }
            }
            Event::Eof if state.path.is_empty() => return Ok(state.out),
            Event::Eof => return Err("the part ends inside an element".into()),
            _ => {}
        }
    }
}

/// The paragraphs read so far and those still open.
#[derive(Default)]
struct State {
    revisions: Revisions,
    out: Vec<Paragraph>,
    /// Paragraphs open, the innermost last.
    open: Vec<Paragraph>,
    /// Paragraphs that ended inside another, waiting for it to end.
    nested: Vec<Paragraph>,
    path: Vec<Context>,
    note: Option<(usize, bool)>,
    notes: usize,
}

impl State {
    /// What an element opened means, its effect on the paragraph taken.
    fn open(
        &mut self,
        space: Space,
        name: &[u8],
        within: Option<Context>,
        value: impl Fn(&str) -> Option<String>,
    ) -> Context {
        if space != Space::Word {
            return Context::Other;
        }
        let revisions = self.revisions;
        if name == b"p" {
            self.open.push(Paragraph {
                note: self.note,
                ..Paragraph::default()
            });
            return Context::Paragraph;
        }
        if is_note(name) {
            let real = value("type").is_none_or(|t| t == "normal");
            self.note = Some((self.notes, real));
            self.notes += 1;
            return Context::Other;
        }
        let Some(p) = self.open.last_mut() else {
            return Context::Other;
        };
        match (within, name) {
            (Some(Context::Paragraph), b"pPr") => return Context::Properties,
            (Some(Context::Properties), b"pStyle") => p.style = value("val"),
            (Some(Context::Properties), b"outlineLvl") => {
                p.outline_level = value("val").and_then(|v| v.parse().ok());
            }
            (Some(Context::Properties), b"numPr") => return Context::List,
            (Some(Context::Properties), b"rPr") => return Context::Mark,
            (Some(Context::List), b"ilvl") => {
                let level = value("val").and_then(|v| v.parse().ok()).unwrap_or(0);
                p.list.get_or_insert_with(Default::default).1 = level;
            }
            (Some(Context::List), b"numId") => {
                p.list.get_or_insert_with(Default::default).0 = value("val").unwrap_or_default();
            }
            (Some(Context::Mark), b"del" | b"moveFrom") => {
                p.mark_gone |= revisions == Revisions::Final;
            }
            (Some(Context::Mark), b"ins" | b"moveTo") => {
                p.mark_gone |= revisions == Revisions::Original;
            }
            (_, b"t" | b"delText") => return Context::Text,
            (_, b"tab") => p.text.push(' '),
            (_, b"br" | b"cr") => p.text.push('\n'),
            _ => {}
        }
        Context::Other
    }

    fn push_text(&mut self, text: &str) {
        if let Some(p) = self.open.last_mut() {
            p.text.push_str(text);
        }
    }

    fn close_paragraph(&mut self) {
        let mut p = self.open.pop().unwrap_or_default();
        if p.list.as_ref().is_some_and(|(id, _)| id.is_empty()) {
            p.list = None;
        }
        if self.open.is_empty() {
            self.out.push(p);
            self.out.append(&mut self.nested);
        } else {
            self.nested.push(p);
        }
    }
}

/// A `w:`-attribute of an element (`w:val`).
fn w_value(reader: &NsReader<&[u8]>, e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let (space, local) = reader.resolve_attribute(a.key);
        let ours = matches!(space, ResolveResult::Bound(Namespace(n)) if n == W.as_bytes());
        (ours && local.as_ref() == name.as_bytes())
            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
            .flatten()
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Space {
    Word,
    Compatibility,
    Other,
}

fn is_note(local: &[u8]) -> bool {
    matches!(local, b"footnote" | b"endnote")
}

/// Whether an element and what it holds are left out of this reading: a change the reading
/// drops, a property change, run properties, field codes, a compatibility fallback.
fn skipped(
    space: Space,
    e: &BytesStart<'_>,
    within: Option<Context>,
    revisions: Revisions,
) -> bool {
    let local = e.local_name();
    let name = local.as_ref();
    match space {
        Space::Compatibility => name == b"Fallback",
        Space::Other => false,
        Space::Word => match within {
            Some(Context::Properties) => {
                !matches!(name, b"pStyle" | b"outlineLvl" | b"numPr" | b"rPr")
            }
            Some(Context::List) => !matches!(name, b"ilvl" | b"numId"),
            Some(Context::Mark) => !matches!(name, b"ins" | b"del" | b"moveFrom" | b"moveTo"),
            _ => {
                let dropped = match revisions {
                    Revisions::Final => matches!(name, b"del" | b"moveFrom"),
                    Revisions::Original => matches!(name, b"ins" | b"moveTo"),
                };
                dropped || matches!(name, b"rPr" | b"instrText" | b"delInstrText")
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
        xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

    fn texts(body: &str) -> Vec<String> {
        let xml = format!("<w:document {NS}><w:body>{body}</w:body></w:document>");
        paragraphs(&xml, Revisions::Final)
            .unwrap()
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn a_text_box_follows_the_paragraph_that_holds_it_once() {
        let body = "<w:p><w:r><w:t>Before the box, </w:t></w:r><w:r><mc:AlternateContent>\
            <mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Boxed.</w:t></w:r></w:p>\
            </w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>\
            <w:r><w:t>Boxed.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>\
            </mc:AlternateContent></w:r><w:r><w:t>after it.</w:t></w:r></w:p>\
            <w:p><w:r><w:t>Next.</w:t></w:r></w:p>";
        assert_eq!(
            texts(body),
            ["Before the box, after it.", "Boxed.", "Next."]
        );
    }

    #[test]
    fn entities_breaks_and_field_results() {
        let body = "<w:p><w:r><w:t>A &amp; B &#x2014; C&#160;D</w:t><w:tab/><w:t>E</w:t>\
            <w:br/><w:t>F</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
            <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>7</w:t></w:r></w:p>";
        assert_eq!(texts(body), ["A & B \u{2014} C\u{a0}D E\nF7"]);
    }

    #[test]
    fn properties_that_changed_are_read_as_they_are_now() {
        let xml = format!(
            "<w:document {NS}><w:body><w:p><w:pPr><w:pStyle w:val=\"Heading2\"/>\
             <w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"4\"/></w:numPr>\
             <w:pPrChange w:id=\"1\"><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr></w:pPrChange>\
             </w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Title</w:t></w:r></w:p></w:body></w:document>"
        );
        let p = &paragraphs(&xml, Revisions::Original).unwrap()[0];
        assert_eq!(p.style.as_deref(), Some("Heading2"));
        assert_eq!(p.list, Some(("4".to_string(), 1)));
        assert_eq!(p.text, "Title");
    }

    #[test]
    fn markup_that_is_not_well_formed_is_an_error() {
        for xml in [
            format!("<w:document {NS}><w:body><w:p><w:r><w:t>open"),
            format!("<w:document {NS}><w:body><w:p></w:r></w:body></w:document>"),
            format!("<w:document {NS}><w:p><w:r><w:t>&nosuch;</w:t></w:r></w:p></w:document>"),
        ] {
            assert!(paragraphs(&xml, Revisions::Final).is_err(), "{xml}");
        }
    }
}
