//! Raw text to units: one unit per heading or paragraph, each a list of source line pieces.
//!
//! Blank lines separate blocks. Inside a blank-line block, lines are a hard-wrapped
//! paragraph and get joined, unless the block is one-paragraph-per-line text (lines far
//! longer than anyone wraps at) or a line starts a new numbered item after a finished
//! sentence. YAML front matter is metadata; Markdown ATX and setext headings are headings;
//! a definition-list entry (a term, then `:   definition` lines) is one block.

use super::label;
use crate::text;

/// Lines wider than this were not hard-wrapped by anyone: each is a paragraph of its own.
const UNWRAPPED_LINE_WIDTH: usize = 120;

/// Longer text above an underline is a paragraph with a separator, not a heading.
const SETEXT_TITLE_MAX_CHARS: usize = 160;

/// Front matter must close within this many lines, or the opening `---` was a rule.
const FRONT_MATTER_MAX_LINES: usize = 200;

/// A source line, or the part of one left after a run-in paragraph was split off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    pub line: usize,
    pub text: &'a str,
}

pub type Pieces<'a> = smallvec::SmallVec<[Piece<'a>; 1]>;

/// One future block: its pieces and, for a Markdown heading, the `#` count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit<'a> {
    /// Nearly every unit is one line: held inline, it costs no allocation of its own.
    pub pieces: Pieces<'a>,
    pub markdown_level: Option<u8>,
}

impl Unit<'_> {
    pub fn first_line(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.line)
    }

    /// The text of the unit with lines joined, collapsed ([`text::collapse`]) and Markdown `#`
    /// markers removed, built without a joined copy.
    pub fn collapsed(&self) -> String {
        let capacity = self.pieces.iter().map(|p| p.text.len() + 1).sum();
        let mut collapser = text::Collapser::with_capacity(capacity);
        for (i, piece) in self.pieces.iter().enumerate() {
            let mut t = piece.text;
            if self.markdown_level.is_some() {
                if i == 0 {
                    t = strip_atx(t).map_or(t, |(_, rest)| rest);
                } else if i + 1 == self.pieces.len() && setext_level(t).is_some() {
                    // The underline is markup, as the `#` of an ATX heading is.
                    continue;
                }
            }
            collapser.push(t);
        }
        collapser.finish()
    }

    /// Where the unit lies in `source`, the text its pieces were cut from: from the start
    /// of its first piece to the end of its last.
    pub fn span(&self, source: &str) -> std::ops::Range<usize> {
        let offset = |piece: &str| piece.as_ptr() as usize - source.as_ptr() as usize;
        match (self.pieces.first(), self.pieces.last()) {
            (Some(first), Some(last)) => offset(first.text)..offset(last.text) + last.text.len(),
            _ => 0..0,
        }
    }
}

/// How a text marks its structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Syntax {
    /// Plain text: headings are told by their labels, their shape and their recurrence.
    #[default]
    Plain,
    /// Markdown: `#` lines (and setext underlines) are the headings, escapes are undone.
    Markdown,
    /// What a reader of a structured document wrote (a web page, a Word document): `#`
    /// lines are the headings its markup or styles declared, and the rest is plain text,
    /// where a heading set in bold type, not declared, is still told as plain text tells it.
    Marked,
}

#[derive(Debug, Default)]
pub struct Segmented<'a> {
    pub units: Vec<Unit<'a>>,
    pub metadata: Vec<(String, String)>,
    /// How the text marks its structure.
    pub syntax: Syntax,
}

impl Segmented<'_> {
    /// Whether only `#` lines are headings and Markdown escapes are undone.
    pub fn markdown(&self) -> bool {
        self.syntax == Syntax::Markdown
    }
}

/// Split text into lines on LF, CRLF, CR and the Unicode line and paragraph separators,
/// numbering them from 1.
pub fn lines(text: &str) -> Vec<Piece<'_>> {
    // A byte scan: every line break starts with one of these bytes (U+0085 is C2 85, U+2028
    // and U+2029 are E2 80 A8/A9), and none of them occurs inside another character's
    // encoding except as a lead byte, which the checks below confirm.
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    let mut line = 1;
    let mut i = 0;
    // Where the next 0xC2 byte is, searched again only once passed: a text without any
    // costs one scan, not one per line.
    let mut next_c2: Option<usize> = memchr::memchr(0xC2, bytes);
    loop {
        if next_c2.is_some_and(|c| c < i) {
            next_c2 = memchr::memchr(0xC2, &bytes[i..]).map(|k| i + k);
        }
        let at = match (memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[i..]), next_c2) {
            (Some(k), Some(c)) => (i + k).min(c),
            (Some(k), None) => i + k,
            (None, Some(c)) => c,
            (None, None) => break,
        };
        let break_len = match bytes[at] {
            b'\n' => 1,
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            0xC2 if bytes.get(at + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(at + 1) == Some(&0x80)
                && matches!(bytes.get(at + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => {
                i = at + 1;
                continue;
            }
        };
        out.push(Piece {
            line,
            text: &text[start..at],
        });
        line += 1;
        start = at + break_len;
        i = start;
    }
    if start < text.len() {
        out.push(Piece {
            line,
            text: &text[start..],
        });
    }
    out
}

fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || text::is_unicode_space(c) || text::is_invisible(c))
}

/// `## Title ##` → (2, "Title").
pub fn strip_atx(line: &str) -> Option<(u8, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let t = &line[indent..];
    let hashes = t.len() - t.trim_start_matches('#').len();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    let rest = rest.trim_end_matches('#').trim_end();
    Some((hashes as u8, rest))
}

/// Markdown's backslash escapes undone: `3\\.` is `3.`, written so to keep it from being a
/// list item; the backslash is markup, as a heading's `#` is.
pub fn unescape_markdown(text: String) -> String {
    if !text.contains('\\') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// A setext underline, `====` (level 1) or `----` (level 2), indented at most three spaces.
pub fn setext_level(line: &str) -> Option<u8> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let t = line.trim();
    if indent > 3 || t.is_empty() {
        return None;
    }
    if t.bytes().all(|b| b == b'=') {
        Some(1)
    } else if t.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

/// A definition line of a Markdown definition list (Pandoc, PHP Markdown Extra): `:` and
/// a space or tab, after the term or another definition.
fn is_definition_line(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    line.len() - t.len() <= 3 && (t.starts_with(": ") || t.starts_with(":\t"))
}

/// Front matter: `---` on the first line, closed by `---` or `...`.
fn front_matter(lines: &[Piece<'_>]) -> Option<(usize, Vec<(String, String)>)> {
    if lines
        .first()?
        .text
        .trim_start_matches('\u{FEFF}')
        .trim_end()
        != "---"
    {
        return None;
    }
    let close = lines
        .iter()
        .enumerate()
        .skip(1)
        .take(FRONT_MATTER_MAX_LINES)
        .find(|(_, p)| matches!(p.text.trim_end(), "---" | "..."))?
        .0;
    let metadata = lines[1..close]
        .iter()
        .filter_map(|p| {
            let (k, v) = p.text.split_once(':')?;
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    Some((close + 1, metadata))
}

/// The units of a text; `syntax` says how it marks its structure, `None` to tell by its
/// content (Markdown if it has front matter or a `#` heading).
pub fn segment(text: &str, syntax: Option<Syntax>) -> Segmented<'_> {
    let all = lines(text);
    let (skip, metadata, has_front_matter) = match front_matter(&all) {
        Some((n, meta)) => (n, meta, true),
        None => (0, Vec::new(), false),
    };
    let body = &all[skip..];
    let syntax = syntax.unwrap_or_else(|| {
        if has_front_matter || body.iter().any(|p| strip_atx(p.text).is_some()) {
            Syntax::Markdown
        } else {
            Syntax::Plain
        }
    });

    let mut units = Vec::new();
    let mut block: Vec<Piece<'_>> = Vec::new();
    for piece in body {
        if is_blank(piece.text) {
            split_block(&block, syntax, &mut units);
            block.clear();
        } else {
            block.push(*piece);
        }
    }
    split_block(&block, syntax, &mut units);
    Segmented {
        units,
        metadata,
        syntax,
    }
}

/// Turn one blank-line separated block into units.
fn split_block<'a>(block: &[Piece<'a>], syntax: Syntax, units: &mut Vec<Unit<'a>>) {
    if block.is_empty() {
        return;
    }
    let markdown = syntax == Syntax::Markdown;
    let one_per_line = block.len() > 1
        && block
            .iter()
            .any(|p| text::wider_than(p.text.trim(), UNWRAPPED_LINE_WIDTH));
    let widest = block
        .iter()
        .map(|p| p.text.trim().chars().count())
        .max()
        .unwrap_or(0);
    let mut current: Vec<Piece<'a>> = Vec::new();
    let flush = |current: &mut Vec<Piece<'a>>, units: &mut Vec<Unit<'a>>| {
        if !current.is_empty() {
            units.push(Unit {
                pieces: current.drain(..).collect(),
                markdown_level: None,
            });
        }
    };
    for piece in block {
        if syntax != Syntax::Plain
            && let Some((level, _)) = strip_atx(piece.text)
        {
            flush(&mut current, units);
            units.push(Unit {
                pieces: smallvec::smallvec![*piece],
                markdown_level: Some(level),
            });
            continue;
        }
        if !current.is_empty() {
            // Under a short title an underline makes it a heading; under a long paragraph it
            // is more often a separator the writer left, kept with the paragraph.
            if let Some(level) = setext_level(piece.text)
                && is_setext_title(&current)
            {
                current.push(*piece);
                units.push(Unit {
                    pieces: current.drain(..).collect(),
                    markdown_level: Some(level),
                });
                continue;
            }
            // A definition belongs to its term, however long either line is.
            if is_definition_line(piece.text) {
                current.push(*piece);
                continue;
            }
            if one_per_line
                || starts_new_item(&current, piece.text, markdown)
                || ends_labelled_title(&current, piece.text, widest)
            {
                flush(&mut current, units);
            }
        }
        current.push(*piece);
    }
    flush(&mut current, units);
}

/// Lines that a setext underline makes a heading: a title's length, on a line or two.
fn is_setext_title(lines: &[Piece<'_>]) -> bool {
    let width: usize = lines.iter().map(|p| p.text.trim().chars().count()).sum();
    lines.len() <= 2 && width <= SETEXT_TITLE_MAX_CHARS
}

/// Inside a block, a line that starts with a label begins a new paragraph when what came
/// before is finished: a sentence end, or a label standing alone (`Article 1` above its text).
///
/// A Markdown escape keeps a line from being a list item (`13\\. Juni 1990` continues a
/// sentence), but a line that is only an escaped label (`3\\.`, an item left empty) is one.
fn starts_new_item(current: &[Piece<'_>], line: &str, markdown: bool) -> bool {
    // A keyword at the start of a wrapped line (`Artikel 85 Abs. 3 gilt …`) is far more
    // often a cross-reference than a new article, so only item labels split a block.
    let item_label =
        label::parse(line.trim()).filter(|l| !matches!(l.style, label::Style::Keyword(_)));
    if item_label.is_none() {
        // Text under a lone label (`Article 1` / `All human beings…`) is its own block.
        return current.len() == 1 && is_lone_label(current[0].text, markdown);
    }
    let prev = current.last().map_or("", |p| p.text);
    if is_lone_label(prev, markdown) && current.len() == 1 {
        return true;
    }
    text::last_significant_char(prev).is_some_and(text::is_terminal_punctuation)
}

/// A first line that is a label and a title (`Art. 4 Landessprachen`), ended where the next
/// line's first word would still have fitted within the block's widest line, was ended on
/// purpose: the text under it (`Die Landessprachen sind …`) is a block of its own. A wrapped
/// paragraph fills its lines; only its last one stops short.
fn ends_labelled_title(current: &[Piece<'_>], line: &str, widest: usize) -> bool {
    let [first] = current else {
        return false;
    };
    let first = first.text.trim();
    let Some(label) = label::parse(first) else {
        return false;
    };
    let title = first[label.rest..].trim();
    let next = line.trim();
    let next_word = next.split_whitespace().next().unwrap_or("");
    let starts_anew = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    // A title reads as one, and stops well short: the lines of a justified paragraph (a
    // PDF's, its spacing gone) vary in length by a word or two, a title's by half a line.
    starts_anew
        && !title.is_empty()
        && first.chars().count() * 4 <= widest * 3
        && super::structure::reads_as_title(
            title,
            super::structure::TITLE_MAX_WIDTH,
            super::structure::TITLE_MAX_WORDS,
        )
        && text::last_significant_char(title).is_some_and(|c| {
            !text::is_terminal_punctuation(c) && !matches!(c, ',' | ';' | ':' | '-')
        })
        && first.chars().count() + 1 + next_word.chars().count() <= widest
}

fn is_lone_label(line: &str, markdown: bool) -> bool {
    let line = line.trim();
    let unescaped;
    let line = if markdown && line.contains('\\') {
        unescaped = unescape_markdown(line.to_string());
        unescaped.as_str()
    } else {
        line
    };
    label::parse(line).is_some_and(|l| line[l.rest..].trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &Segmented<'_>) -> Vec<String> {
        s.units.iter().map(Unit::collapsed).collect()
    }

    #[test]
    fn markdown_escapes_are_undone() {
        assert_eq!(
            unescape_markdown(r"3\. und 13\. Juni \\ a\b \*".into()),
            r"3. und 13. Juni \ a\b *"
        );
    }

    #[test]
    fn line_endings() {
        let l = lines("a\r\nb\rc\nd");
        let t: Vec<_> = l.iter().map(|p| (p.line, p.text)).collect();
        assert_eq!(t, vec![(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
        assert_eq!(lines("a\n").len(), 1);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let s = segment(
            "(1) Die Würde des Menschen ist\nunantastbar.\n\n(2) Das Volk\nbekennt sich.\n",
            None,
        );
        assert_eq!(
            texts(&s),
            vec![
                "(1) Die Würde des Menschen ist unantastbar.",
                "(2) Das Volk bekennt sich."
            ]
        );
        assert_eq!(s.units[1].first_line(), 4);
    }

    #[test]
    fn numbered_lines_after_sentence_end_split() {
        let s = segment(
            "1. First item ends.\n2. Second item\ncontinues here.\n",
            None,
        );
        assert_eq!(
            texts(&s),
            vec!["1. First item ends.", "2. Second item continues here."]
        );
    }

    #[test]
    fn lone_label_line_is_its_own_unit() {
        let s = segment("Article 1\nAll human beings are born free.\n", None);
        assert_eq!(
            texts(&s),
            vec!["Article 1", "All human beings are born free."]
        );
    }

    #[test]
    fn keyword_references_at_line_start_do_not_split() {
        let s = segment(
            "(3) Die Landesbehörden werden tätig.\nArtikel 85 Abs. 3 und 4 gilt entsprechend.\n",
            None,
        );
        assert_eq!(s.units.len(), 1);
    }

    #[test]
    fn long_lines_are_one_paragraph_each() {
        let long = "x ".repeat(80);
        let text = format!("{long}\n{long}\n");
        let s = segment(&text, None);
        assert_eq!(s.units.len(), 2);
    }

    #[test]
    fn front_matter_is_metadata_and_markdown_headings() {
        let s = segment(
            "---\nTitle: GG\nslug: gg\n\n---\n\n# Grundgesetz\n\n### Art 1\n\n(1) Text.\n",
            None,
        );
        assert_eq!(
            s.metadata,
            vec![("Title".into(), "GG".into()), ("slug".into(), "gg".into())]
        );
        assert!(s.markdown());
        assert_eq!(texts(&s), vec!["Grundgesetz", "Art 1", "(1) Text."]);
        assert_eq!(s.units[1].markdown_level, Some(3));
        assert_eq!(s.units[0].first_line(), 7);
    }
}
