//! Word documents as text: paragraphs in order, headings from their style's outline level,
//! and the numbers Word shows though the text does not hold them (`numbering.xml`), written as
//! the Markdown the normalizer reads. Tracked changes are read as accepted (the final text) or
//! as rejected (the original).
//!
//! The archive is read with the `zip` crate and the XML with `roxmltree`; both are bounded:
//! a part larger than `MAX_PART_BYTES` once inflated is refused, so a ZIP bomb costs nothing.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

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
    #[error("{part} is not well-formed XML ({reason})")]
    Xml { part: String, reason: String },
}

/// Whether bytes are a ZIP archive (a Word document is one).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The document's text, one block per paragraph, blank-line separated; headings as `#` lines.
pub fn to_text(bytes: &[u8], revisions: Revisions) -> Result<String, DocxError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Zip(e.to_string()))?;
    let document = part(&mut archive, "word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let styles = part(&mut archive, "word/styles.xml")?;
    let numbering = part(&mut archive, "word/numbering.xml")?;
    fn parse<'t>(name: &str, text: &'t str) -> Result<Document<'t>, DocxError> {
        Document::parse(text).map_err(|e| DocxError::Xml {
            part: name.to_string(),
            reason: e.to_string(),
        })
    }
    let body = parse("word/document.xml", &document)?;
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
    for p in body
        .descendants()
        .filter(|n| is(n, "p") && !n.ancestors().skip(1).any(|a| is(&a, "p")))
    {
        let text = paragraph_text(p, revisions);
        if mark_gone(p, revisions) {
            carried.push_str(&text);
            continue;
        }
        let (level, numbered) = paragraph_properties(p, &styles);
        let label = numbered.and_then(|(id, lvl)| numbers.next_label(&id, lvl));
        let joined = std::mem::take(&mut carried) + &text;
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
    Ok(out)
}

/// Whether a paragraph's mark is absent in this reading: deleted, for the final text;
/// inserted, for the original. Its text then runs on into the next paragraph.
fn mark_gone(p: Node<'_, '_>, revisions: Revisions) -> bool {
    let mark = child(p, "pPr").and_then(|pr| child(pr, "rPr"));
    let tracked = |name: &str| mark.and_then(|m| child(m, name)).is_some();
    match revisions {
        Revisions::Final => tracked("del"),
        Revisions::Original => tracked("ins"),
    }
}

/// A paragraph's outline level and list (id and level), its own or its style's.
fn paragraph_properties(p: Node<'_, '_>, styles: &Styles) -> (Option<u8>, Option<(String, u8)>) {
    let properties = child(p, "pPr");
    let style = properties
        .and_then(|pr| child(pr, "pStyle"))
        .and_then(|s| attr(s, "val"));
    let level = properties
        .and_then(|pr| child(pr, "outlineLvl"))
        .and_then(|o| attr(o, "val"))
        .and_then(|v| v.parse::<u8>().ok())
        .or_else(|| style.and_then(|s| styles.outline_level(s)));
    let numbered = properties
        .and_then(|pr| child(pr, "numPr"))
        .and_then(|n| {
            let id = child(n, "numId").and_then(|x| attr(x, "val"))?;
            let level = child(n, "ilvl")
                .and_then(|x| attr(x, "val"))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            Some((id.to_string(), level))
        })
        .or_else(|| style.and_then(|s| styles.numbering(s)));
    (level, numbered)
}

/// One part of the archive as text, or `None` where the archive lacks it.
fn part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, DocxError> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxError::Zip(e.to_string())),
    };
    let mut bytes = Vec::new();
    (&mut file)
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(DocxError::TooLarge {
            part: name.to_string(),
            limit: MAX_PART_BYTES,
        });
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

/// The text of a paragraph as Word shows it with changes accepted or rejected: runs inside
/// `w:ins` belong to the final text, `w:del` (and its `w:delText`) to the original; a tab is a
/// space, a break a line break.
fn paragraph_text(p: Node<'_, '_>, revisions: Revisions) -> String {
    let mut out = String::new();
    for n in p.descendants() {
        if !n.is_element() || n.tag_name().namespace() != Some(W) {
            continue;
        }
        let inside = |name: &str| n.ancestors().any(|a| is(&a, name));
        let dropped = match revisions {
            Revisions::Final => inside("del") || inside("moveFrom"),
            Revisions::Original => inside("ins") || inside("moveTo"),
        };
        // Text of nested paragraphs (a text box) is their own.
        if dropped || n.ancestors().skip(1).any(|a| is(&a, "p") && a != p) {
            continue;
        }
        match n.tag_name().name() {
            "t" | "delText" => out.push_str(n.text().unwrap_or("")),
            "tab" if !inside("pPr") => out.push(' '),
            "br" | "cr" => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// What styles say: each style's outline level and numbering, through `w:basedOn`.
#[derive(Default)]
struct Styles {
    outline: HashMap<String, u8>,
    numbering: HashMap<String, (String, u8)>,
    based_on: HashMap<String, String>,
}

impl Styles {
    fn read(doc: &Document<'_>) -> Styles {
        let mut styles = Styles::default();
        for s in doc.descendants().filter(|n| is(n, "style")) {
            let Some(id) = attr(s, "styleId") else {
                continue;
            };
            let pr = child(s, "pPr");
            let level = pr
                .and_then(|p| child(p, "outlineLvl"))
                .and_then(|o| attr(o, "val"))
                .and_then(|v| v.parse().ok())
                .or_else(|| {
                    // Word's built-in headings carry their level in their name.
                    let name = child(s, "name").and_then(|n| attr(n, "val"))?;
                    let digit = name
                        .to_ascii_lowercase()
                        .strip_prefix("heading ")?
                        .parse::<u8>()
                        .ok()?;
                    digit.checked_sub(1)
                });
            if let Some(level) = level {
                styles.outline.insert(id.to_string(), level);
            }
            if let Some(num) = pr.and_then(|p| child(p, "numPr")) {
                if let Some(num_id) = child(num, "numId").and_then(|x| attr(x, "val")) {
                    let ilvl = child(num, "ilvl")
                        .and_then(|x| attr(x, "val"))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    styles
                        .numbering
                        .insert(id.to_string(), (num_id.to_string(), ilvl));
                }
            }
            if let Some(base) = child(s, "basedOn").and_then(|b| attr(b, "val")) {
                styles.based_on.insert(id.to_string(), base.to_string());
            }
        }
        styles
    }

    /// A property of a style or of the first style it is based on that has it.
    fn inherited<T: Clone>(&self, style: &str, map: &HashMap<String, T>) -> Option<T> {
        let mut id = style;
        for _ in 0..16 {
            if let Some(v) = map.get(id) {
                return Some(v.clone());
            }
            id = self.based_on.get(id)?;
        }
        None
    }

    fn outline_level(&self, style: &str) -> Option<u8> {
        self.inherited(style, &self.outline)
    }

    fn numbering(&self, style: &str) -> Option<(String, u8)> {
        self.inherited(style, &self.numbering)
    }
}

/// One level of a list definition: where it starts, how a number is written, and the label's
/// pattern (`%1.%2.`).
#[derive(Clone)]
struct Level {
    start: i64,
    format: String,
    text: String,
}

/// `numbering.xml`: abstract list definitions, the concrete lists that use them (with their
/// start overrides), and the counters as the document goes.
#[derive(Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    lists: HashMap<String, (String, HashMap<u8, i64>)>,
    counters: HashMap<String, Vec<Option<i64>>>,
}

impl Numbering {
    fn read(doc: &Document<'_>) -> Numbering {
        let mut numbering = Numbering::default();
        for a in doc.descendants().filter(|n| is(n, "abstractNum")) {
            let Some(id) = attr(a, "abstractNumId") else {
                continue;
            };
            let mut levels = vec![
                Level {
                    start: 1,
                    format: "decimal".into(),
                    text: String::new(),
                };
                9
            ];
            for l in a.children().filter(|n| is(n, "lvl")) {
                let Some(i) = attr(l, "ilvl").and_then(|v| v.parse::<usize>().ok()) else {
                    continue;
                };
                if i >= 9 {
                    continue;
                }
                let val = |name: &str| child(l, name).and_then(|x| attr(x, "val"));
                levels[i] = Level {
                    start: val("start").and_then(|v| v.parse().ok()).unwrap_or(1),
                    format: val("numFmt").unwrap_or("decimal").to_string(),
                    text: val("lvlText").unwrap_or("").to_string(),
                };
            }
            numbering.abstracts.insert(id.to_string(), levels);
        }
        for n in doc.descendants().filter(|n| is(n, "num")) {
            let (Some(id), Some(abstract_id)) = (
                attr(n, "numId"),
                child(n, "abstractNumId").and_then(|a| attr(a, "val")),
            ) else {
                continue;
            };
            let overrides = n
                .children()
                .filter(|c| is(c, "lvlOverride"))
                .filter_map(|o| {
                    let level = attr(o, "ilvl")?.parse().ok()?;
                    let start = child(o, "startOverride")
                        .and_then(|s| attr(s, "val"))?
                        .parse()
                        .ok()?;
                    Some((level, start))
                })
                .collect();
            numbering
                .lists
                .insert(id.to_string(), (abstract_id.to_string(), overrides));
        }
        numbering
    }

    /// The label the next paragraph of list `num_id` at `level` shows, counters advanced:
    /// deeper levels start again under it. Lists that share an abstract definition count
    /// on together unless they override a start, as Word does.
    fn next_label(&mut self, num_id: &str, level: u8) -> Option<String> {
        let (abstract_id, overrides) = self.lists.get(num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let key = if overrides.is_empty() {
            abstract_id.clone()
        } else {
            format!("num:{num_id}")
        };
        let level = usize::from(level.min(8));
        let start = |l: usize| {
            overrides
                .get(&(l as u8))
                .copied()
                .unwrap_or(levels[l].start)
        };
        let counters = self.counters.entry(key).or_insert_with(|| vec![None; 9]);
        counters[level] = Some(counters[level].map_or(start(level), |c| c + 1));
        for deeper in counters.iter_mut().skip(level + 1) {
            *deeper = None;
        }
        let mut label = levels[level].text.clone();
        for (l, lvl) in levels.iter().enumerate().take(level + 1) {
            let value = counters[l].unwrap_or(start(l));
            label = label.replace(&format!("%{}", l + 1), &format_number(value, &lvl.format));
        }
        Some(label)
    }
}

/// A number in one of Word's formats; bullets and `none` show no number.
fn format_number(n: i64, format: &str) -> String {
    match format {
        "lowerLetter" | "upperLetter" => {
            // Word repeats the letter past z: aa, bb, …
            let letter = (b'a' + ((n - 1).rem_euclid(26)) as u8) as char;
            let times = ((n - 1).max(0) / 26 + 1) as usize;
            let s: String = std::iter::repeat_n(letter, times).collect();
            if format == "upperLetter" {
                s.to_uppercase()
            } else {
                s
            }
        }
        "lowerRoman" | "upperRoman" => {
            let s = crate::text::numerals::to_roman(u32::try_from(n).unwrap_or(0)).to_lowercase();
            if format == "upperRoman" {
                s.to_uppercase()
            } else {
                s
            }
        }
        "bullet" | "none" => String::new(),
        _ => n.to_string(),
    }
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
