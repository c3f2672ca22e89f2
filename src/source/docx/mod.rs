//! Word documents as text: paragraphs in order, headings from their style's outline level,
//! and the numbers Word shows though the text does not hold them (`numbering.xml`), written as
//! the Markdown the normalizer reads. Tracked changes are read as accepted (the final text) or
//! as rejected (the original).
//!
//! The archive is read with the `zip` crate. The body and the notes, which can be tens of
//! megabytes of markup, are read by a streaming parser (`quick-xml`, in [`body`]); styles and
//! list definitions, small and looked up across, as trees (`roxmltree`). A part that would
//! inflate past `MAX_PART_BYTES` is refused before it is read, whatever its header claims,
//! so a ZIP bomb costs nothing.

use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

mod body;
mod lists;

use lists::{Numbering, Styles};

/// The WordprocessingML namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The most a part of a document may inflate to.
const MAX_PART_BYTES: u64 = 512 << 20;

/// Which text of a document with tracked changes to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Revisions {
    /// As if every change were accepted.
    #[default]
    Final,
    /// As if every change were rejected.
    Original,
}

/// Why a Word document could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[allow(missing_docs, reason = "each variant's message says what it is")]
pub enum DocxError {
    #[error("not a readable ZIP archive ({0})")]
    Zip(String),
    #[error("a ZIP archive without word/document.xml, so not a Word document")]
    NoDocument,
    #[error("{part} inflates to more than {limit} bytes")]
    TooLarge { part: String, limit: u64 },
    #[error("an encrypted ZIP archive: accord cannot read it without its password")]
    Encrypted,
    #[error(
        "an OLE compound file: a Word document protected by a password, or an old binary .doc; \
         accord reads .docx (remove the password, or save it as .docx)"
    )]
    Compound,
    #[error("{part} is not well-formed XML ({reason})")]
    Xml { part: String, reason: String },
}

/// Whether bytes are a ZIP archive (a Word document is one).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Whether bytes are an OLE compound file: what Word writes for a document with a password
/// to open (the encrypted package inside), and for the binary `.doc` format before 2007.
pub fn looks_like_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// The document's text, one block per paragraph, blank-line separated; headings as `#` lines.
pub fn to_text(bytes: &[u8], revisions: Revisions) -> Result<String, DocxError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Zip(e.to_string()))?;
    let document = part(&mut archive, "word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let styles = part(&mut archive, "word/styles.xml")?;
    let numbering = part(&mut archive, "word/numbering.xml")?;
    let footnotes = part(&mut archive, "word/footnotes.xml")?;
    let endnotes = part(&mut archive, "word/endnotes.xml")?;
    fn parse<'t>(name: &str, text: &'t str) -> Result<Document<'t>, DocxError> {
        Document::parse(text).map_err(|e| DocxError::Xml {
            part: name.to_string(),
            reason: e.to_string(),
        })
    }
    let styles = match &styles {
        Some(text) => Styles::read(&parse("word/styles.xml", text)?),
        None => Styles::default(),
    };
    let mut numbers = match &numbering {
        Some(text) => Numbering::read(&parse("word/numbering.xml", text)?),
        None => Numbering::default(),
    };
    let mut out = String::new();
    // The text of paragraphs whose mark is gone in this reading: they join the next one,
    // whose mark (and with it, its style and numbering) survives.
    let mut carried = String::new();
    for p in read_paragraphs("word/document.xml", &document, revisions)? {
        if p.mark_gone {
            carried.push_str(&p.text);
            continue;
        }
        let style = p.style.as_deref();
        let level = p
            .outline_level
            .or_else(|| style.and_then(|s| styles.outline_level(s)));
        let numbered = p.list.or_else(|| style.and_then(|s| styles.numbering(s)));
        let label = numbered.and_then(|(id, lvl)| numbers.next_label(&id, lvl));
        let joined = std::mem::take(&mut carried) + &p.text;
        let text = joined.trim();
        if text.is_empty() && label.is_none() {
            continue;
        }
        if let Some(level) = level.filter(|l| *l < 9) {
            out.push_str(&"#".repeat(usize::from(level) + 1));
            out.push(' ');
        }
        if let Some(label) = label.filter(|l| !l.is_empty()) {
            out.push_str(&label);
            out.push(' ');
        }
        out.push_str(text);
        out.push_str("\n\n");
    }
    if !carried.trim().is_empty() {
        out.push_str(carried.trim());
        out.push_str("\n\n");
    }
    for (name, part_text, heading) in [
        ("word/footnotes.xml", &footnotes, "Footnotes"),
        ("word/endnotes.xml", &endnotes, "Endnotes"),
    ] {
        if let Some(text) = part_text {
            out.push_str(&notes(read_paragraphs(name, text, revisions)?, heading));
        }
    }
    Ok(out)
}

/// The paragraphs of a part, or why its markup cannot be read.
fn read_paragraphs(
    name: &str,
    xml: &str,
    revisions: Revisions,
) -> Result<Vec<body::Paragraph>, DocxError> {
    body::paragraphs(xml, revisions).map_err(|reason| DocxError::Xml {
        part: name.to_string(),
        reason,
    })
}

/// The notes of a notes part as blocks after the body: under a heading of their own, each a
/// paragraph numbered as Word numbers them by default (1, 2, … in order), its paragraphs
/// joined. The separators Word keeps among the notes are not notes.
fn notes(paragraphs: Vec<body::Paragraph>, heading: &str) -> String {
    let mut texts: Vec<(usize, String)> = Vec::new();
    for p in paragraphs {
        let Some((note, true)) = p.note else {
            continue;
        };
        let text = p.text.trim();
        if text.is_empty() {
            continue;
        }
        match texts.last_mut() {
            Some((n, joined)) if *n == note => {
                joined.push(' ');
                joined.push_str(text);
            }
            _ => texts.push((note, text.to_string())),
        }
    }
    if texts.is_empty() {
        return String::new();
    }
    let mut out = format!("# {heading}\n\n");
    for (k, (_, text)) in texts.iter().enumerate() {
        out.push_str(&format!("{}. {text}\n\n", k + 1));
    }
    out
}

/// One part of the archive as text, or `None` where the archive lacks it.
fn part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, DocxError> {
    part_within(archive, name, MAX_PART_BYTES)
}

/// `part`, refused if it inflates past `limit` bytes: by its header's word, or while it
/// inflates, for a header that lies.
fn part_within<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, DocxError> {
    let too_large = || DocxError::TooLarge {
        part: name.to_string(),
        limit,
    };
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(
            zip::result::ZipError::PASSWORD_REQUIRED,
        )) => return Err(DocxError::Encrypted),
        Err(e) => return Err(DocxError::Zip(e.to_string())),
    };
    if file.encrypted() {
        return Err(DocxError::Encrypted);
    }
    if file.size() > limit {
        return Err(too_large());
    }
    // The size the header declares is at most the limit, and saves growing the buffer in
    // steps (each a copy of tens of megabytes for a large body); a header that lies only
    // costs a regrowth.
    let mut bytes = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
    (&mut file)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| DocxError::Xml {
            part: name.to_string(),
            reason: e.to_string(),
        })
}

fn is(n: &Node<'_, '_>, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, name))
}

fn attr<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    /// A Word document of `body` (the content of `w:body`), with styles and numbering parts.
    fn docx(body: &str, styles: &str, numbering: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let mut add = |name: &str, xml: String| {
            zip.start_file(name, options).unwrap();
            zip.write_all(xml.as_bytes()).unwrap();
        };
        add("[Content_Types].xml", "<Types/>".to_string());
        add(
            "word/document.xml",
            format!("<w:document {NS}><w:body>{body}</w:body></w:document>"),
        );
        add(
            "word/styles.xml",
            format!("<w:styles {NS}>{styles}</w:styles>"),
        );
        add(
            "word/numbering.xml",
            format!("<w:numbering {NS}>{numbering}</w:numbering>"),
        );
        zip.finish().unwrap().into_inner()
    }

    fn p(props: &str, runs: &str) -> String {
        format!("<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>")
    }

    fn r(text: &str) -> String {
        format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
    }

    fn num(id: u32, level: u32) -> String {
        format!("<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr>")
    }

    /// A list definition: decimal `1.`, then `1.1`, then `(a)`, then `(i)`.
    const LEGAL_LIST: &str = "<w:abstractNum w:abstractNumId=\"0\">\
        <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>\
        <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>\
        <w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%3)\"/></w:lvl>\
        <w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"(%4)\"/></w:lvl>\
        </w:abstractNum>\
        <w:abstractNum w:abstractNumId=\"1\">\
        <w:lvl w:ilvl=\"0\"><w:start w:val=\"5\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl>\
        </w:abstractNum>\
        <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
        <w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>\
        <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\
        <w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>";

    const HEADING_STYLES: &str = "<w:style w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>\
        <w:style w:styleId=\"Chapter\"><w:name w:val=\"Chapter\"/><w:basedOn w:val=\"Heading1\"/></w:style>\
        <w:style w:styleId=\"Section\"><w:name w:val=\"Section\"/>\
        <w:pPr><w:outlineLvl w:val=\"1\"/><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>";

    #[test]
    fn numbering_is_what_word_shows() {
        let body = [
            p(&num(1, 0), &r("Scope")),
            p(&num(1, 1), &r("Definitions")),
            p(&num(1, 2), &r("first")),
            p(&num(1, 3), &r("roman one")),
            p(&num(1, 3), &r("roman two")),
            p(&num(1, 2), &r("second")),
            p(&num(1, 0), &r("Application")),
            p(&num(1, 1), &r("Restarted under 2")),
            // A second list on the same definition that restarts at 1.
            p(&num(2, 0), &r("Annex item")),
            // A style that carries its own numbering (starting at 5, Roman) and heading level.
            p("<w:pStyle w:val=\"Section\"/>", &r("Final provisions")),
            p("<w:pStyle w:val=\"Section\"/>", &r("Entry into force")),
            p("<w:pStyle w:val=\"Chapter\"/>", &r("Annex")),
        ]
        .concat();
        let text = to_text(&docx(&body, HEADING_STYLES, LEGAL_LIST), Revisions::Final).unwrap();
        assert_eq!(
            text,
            "1. Scope\n\n1.1 Definitions\n\n(a) first\n\n(i) roman one\n\n(ii) roman two\n\n\
             (b) second\n\n2. Application\n\n2.1 Restarted under 2\n\n1. Annex item\n\n\
             ## V. Final provisions\n\n## VI. Entry into force\n\n# Annex\n\n"
        );
    }

    /// As LibreOffice writes a restarted list (and reads it back): the restart is a list with
    /// a start override, the paragraphs after it go on in the definition's first list, and
    /// they count on from the restart.
    #[test]
    fn lists_of_one_definition_count_on_together_from_a_restart() {
        let numbering = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\">\
            <w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>\
            </w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
            <w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>\
            <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\
            <w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>\
            <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"10\"/></w:lvlOverride></w:num>";
        let body = [
            p(&num(1, 0), &r("Before.")),
            p(&num(2, 0), &r("Restarted.")),
            p(&num(1, 0), &r("Goes on.")),
            p(&num(3, 0), &r("From ten.")),
            p(&num(2, 0), &r("Still on.")),
        ]
        .concat();
        assert_eq!(
            to_text(&docx(&body, "", numbering), Revisions::Final).unwrap(),
            "1. Before.\n\n1. Restarted.\n\n2. Goes on.\n\n10. From ten.\n\n11. Still on.\n\n"
        );
    }

    #[test]
    fn tracked_changes_read_as_accepted_or_as_rejected() {
        let body = p(
            "",
            &format!(
                "{}<w:ins w:id=\"1\" w:author=\"x\">{}</w:ins><w:del w:id=\"2\" w:author=\"x\">\
                 <w:r><w:delText>three </w:delText></w:r></w:del>{}",
                r("The parties "),
                r("shall "),
                r("meet."),
            ),
        );
        let doc = docx(&body, "", "");
        assert_eq!(
            to_text(&doc, Revisions::Final).unwrap(),
            "The parties shall meet.\n\n"
        );
        assert_eq!(
            to_text(&doc, Revisions::Original).unwrap(),
            "The parties three meet.\n\n"
        );
    }

    #[test]
    fn an_inserted_paragraph_is_numbered_only_in_the_final_text() {
        let inserted = "<w:rPr><w:ins w:id=\"9\" w:author=\"x\"/></w:rPr>";
        let body = [
            p(&num(1, 0), &r("Scope.")),
            p(
                &format!("{}{inserted}", num(1, 0)),
                &format!("<w:ins w:id=\"8\" w:author=\"x\">{}</w:ins>", r("New.")),
            ),
            p(&num(1, 0), &r("Entry into force.")),
        ]
        .concat();
        let doc = docx(&body, "", LEGAL_LIST);
        assert_eq!(
            to_text(&doc, Revisions::Final).unwrap(),
            "1. Scope.\n\n2. New.\n\n3. Entry into force.\n\n"
        );
        assert_eq!(
            to_text(&doc, Revisions::Original).unwrap(),
            "1. Scope.\n\n2. Entry into force.\n\n"
        );
    }

    #[test]
    fn a_deleted_paragraph_mark_joins_two_paragraphs_in_the_final_text() {
        let deleted = "<w:rPr><w:del w:id=\"7\" w:author=\"x\"/></w:rPr>";
        let body = [p(deleted, &r("The parties agree ")), p("", &r("to meet."))].concat();
        let doc = docx(&body, "", "");
        assert_eq!(
            to_text(&doc, Revisions::Final).unwrap(),
            "The parties agree to meet.\n\n"
        );
        assert_eq!(
            to_text(&doc, Revisions::Original).unwrap(),
            "The parties agree\n\nto meet.\n\n"
        );
    }

    #[test]
    fn footnotes_follow_the_body_under_a_heading_numbered_as_word_shows_them() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        write!(
            zip,
            "<w:document {NS}><w:body>{}</w:body></w:document>",
            p("", "<w:r><w:t>The parties meet.</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r>")
        )
        .unwrap();
        zip.start_file("word/footnotes.xml", options).unwrap();
        write!(
            zip,
            "<w:footnotes {NS}><w:footnote w:type=\"separator\" w:id=\"-1\">{}</w:footnote>\
             <w:footnote w:id=\"2\">{}</w:footnote></w:footnotes>",
            p("", &r("----")),
            p("", &r("Every year, in turn."))
        )
        .unwrap();
        let doc = zip.finish().unwrap().into_inner();
        assert_eq!(
            to_text(&doc, Revisions::Final).unwrap(),
            "The parties meet.\n\n# Footnotes\n\n1. Every year, in turn.\n\n"
        );
    }

    #[test]
    fn a_part_past_the_limit_is_refused_whatever_its_header_says() {
        let doc = docx(&p("", &r(&"x".repeat(10_000))), "", "");
        let mut archive = zip::ZipArchive::new(Cursor::new(doc.clone())).unwrap();
        assert!(matches!(
            part_within(&mut archive, "word/document.xml", 1_000),
            Err(DocxError::TooLarge { .. })
        ));
        // The same archive with the sizes its headers declare rewritten to 100 bytes:
        // inflating stops at the limit all the same.
        let lying = declared_sizes(doc.clone(), 100);
        let mut archive = zip::ZipArchive::new(Cursor::new(lying)).unwrap();
        assert!(matches!(
            part_within(&mut archive, "word/document.xml", 1_000),
            Err(DocxError::TooLarge { .. })
        ));
        let mut archive = zip::ZipArchive::new(Cursor::new(doc)).unwrap();
        assert!(
            part_within(&mut archive, "word/document.xml", 100_000)
                .unwrap()
                .is_some()
        );
    }

    /// An archive whose headers (local and central) declare `size` uncompressed bytes for
    /// every entry.
    fn declared_sizes(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
        for (signature, offset) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let starts: Vec<usize> = zip
                .windows(4)
                .enumerate()
                .filter(|(_, w)| w == signature)
                .map(|(i, _)| i)
                .collect();
            for start in starts {
                zip[start + offset..start + offset + 4].copy_from_slice(&size.to_le_bytes());
            }
        }
        zip
    }

    #[test]
    fn bad_archives_are_errors_not_panics() {
        assert!(matches!(
            to_text(b"PK\x03\x04 broken", Revisions::Final),
            Err(DocxError::Zip(_))
        ));
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("other.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"x").unwrap();
        let not_word = zip.finish().unwrap().into_inner();
        assert_eq!(
            to_text(&not_word, Revisions::Final),
            Err(DocxError::NoDocument)
        );
        let malformed = docx("<w:p><w:r><w:t>open", "", "");
        assert!(matches!(
            to_text(&malformed, Revisions::Final),
            Err(DocxError::Xml { .. })
        ));
    }
}
