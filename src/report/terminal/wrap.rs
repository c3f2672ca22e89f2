//! Wrapping for the terminal: lines broken where the Unicode line-breaking algorithm
//! (UAX #14) allows, measured in display columns (a Han character takes two, a combining
//! mark none), with accord's own colour codes carried over a break. Chinese and Japanese,
//! which have no spaces, wrap between characters; a run wider than the line (a URL, a long
//! Thai phrase) is cut between grapheme clusters, never inside one.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `text` as lines no wider than `width` columns. Colour escape sequences (`ESC [ … m`)
/// take no room; a style open at a break is closed at the end of the line and opened
/// again at the start of the next, so a margin added before each line stays plain.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let (plain, styles) = strip_styles(text);
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut line_width = 0;
    let mut last = 0;
    for (at, opportunity) in linebreaks(&plain) {
        let segment = &plain[last..at];
        let content = segment.trim_end_matches(is_breaking_space);
        let content_width = columns(content);
        if line_width > 0 && line_width + content_width > width {
            lines.push(line_start..trimmed_end(&plain, line_start, last));
            line_start = last;
            line_width = 0;
        }
        if line_width == 0 && content_width > width {
            // Too wide for any line: cut between clusters.
            let (cut_lines, rest_start, rest_width) = cut(&plain, last, content, width);
            lines.extend(cut_lines);
            line_start = rest_start;
            line_width = rest_width;
        } else {
            line_width += columns(segment);
        }
        last = at;
        if opportunity == BreakOpportunity::Mandatory && at < plain.len() {
            lines.push(line_start..trimmed_end(&plain, line_start, at));
            line_start = at;
            line_width = 0;
        }
    }
    if line_start < plain.len() {
        lines.push(line_start..trimmed_end(&plain, line_start, plain.len()));
    }
    restyle(&plain, &styles, &lines)
}

/// `text` wrapped to `width` columns with a hanging indent: the first line after `first`,
/// the others after `rest`, each line ending in a newline.
pub fn hanging(text: &str, width: usize, first: &str, rest: &str) -> String {
    let margin = columns(first).max(columns(rest));
    let mut out = String::new();
    for (k, line) in wrap(text, width.saturating_sub(margin).max(20))
        .iter()
        .enumerate()
    {
        out.push_str(if k == 0 { first } else { rest });
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Display columns of plain text.
pub fn columns(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Columns of text that may hold colour escape sequences.
pub fn visible_columns(text: &str) -> usize {
    columns(&strip_styles(text).0)
}

fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}'
}

/// Where a line ends once the spaces it broke at are dropped.
fn trimmed_end(plain: &str, start: usize, end: usize) -> usize {
    start + plain[start..end].trim_end_matches(is_breaking_space).len()
}

/// Lines cut from a run wider than a line, starting at `start`, and where the rest begins
/// and how wide it is.
fn cut(
    plain: &str,
    start: usize,
    content: &str,
    width: usize,
) -> (Vec<std::ops::Range<usize>>, usize, usize) {
    let mut lines = Vec::new();
    let mut line_start = start;
    let mut line_width = 0;
    for (offset, cluster) in content.grapheme_indices(true) {
        let w = columns(cluster);
        if line_width > 0 && line_width + w > width {
            lines.push(line_start..start + offset);
            line_start = start + offset;
            line_width = 0;
        }
        line_width += w;
    }
    let spaces = plain[start + content.len()..]
        .chars()
        .take_while(|c| is_breaking_space(*c))
        .count();
    (lines, line_start, line_width + spaces)
}

/// A colour escape sequence and where it stands in the plain text.
struct Style<'a> {
    at: usize,
    code: &'a str,
}

/// The text without its colour escape sequences, and the sequences with their places.
fn strip_styles(text: &str) -> (String, Vec<Style<'_>>) {
    let mut plain = String::with_capacity(text.len());
    let mut styles = Vec::new();
    let mut rest = text;
    while let Some(esc) = rest.find('\u{1b}') {
        plain.push_str(&rest[..esc]);
        let after = &rest[esc..];
        let len = after.find('m').map_or(after.len(), |m| m + 1);
        styles.push(Style {
            at: plain.len(),
            code: &after[..len],
        });
        rest = &after[len..];
    }
    plain.push_str(rest);
    (plain, styles)
}

/// Whether an SGR sequence closes a style (a reset, or one of the codes that turn one
/// attribute off) rather than opening one.
fn closes(code: &str) -> bool {
    let params = code.trim_start_matches("\u{1b}[").trim_end_matches('m');
    params.is_empty()
        || params.split(';').all(|p| {
            matches!(
                p,
                "0" | "22" | "23" | "24" | "25" | "27" | "28" | "29" | "39" | "49"
            )
        })
}

/// The lines with their colour codes put back; styles open at a break are closed and
/// opened again on the next line.
fn restyle(plain: &str, styles: &[Style<'_>], lines: &[std::ops::Range<usize>]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut open: Vec<&str> = Vec::new();
    let mut next = 0;
    for range in lines {
        // Codes in the spaces dropped at the break take effect before the line starts.
        while next < styles.len() && styles[next].at < range.start {
            apply(&mut open, styles[next].code);
            next += 1;
        }
        let mut line: String = open.concat();
        let mut at = range.start;
        while next < styles.len() && styles[next].at <= range.end {
            let style = &styles[next];
            line.push_str(&plain[at..style.at]);
            line.push_str(style.code);
            apply(&mut open, style.code);
            at = style.at;
            next += 1;
        }
        line.push_str(&plain[at..range.end]);
        if !open.is_empty() {
            line.push_str("\u{1b}[0m");
        }
        out.push(line);
    }
    out
}

fn apply<'a>(open: &mut Vec<&'a str>, code: &'a str) {
    if closes(code) {
        if code == "\u{1b}[0m" || code == "\u{1b}[m" {
            open.clear();
        } else {
            open.pop();
        }
    } else {
        open.push(code);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_spaces() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
    }

    #[test]
    fn chinese_wraps_between_characters_in_two_columns_each() {
        let lines = wrap("人人生而自由，在尊严和权利上一律平等。", 10);
        assert!(lines.iter().all(|l| columns(l) <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "人人生而自由，在尊严和权利上一律平等。");
        // Closing punctuation never starts a line.
        assert!(
            lines
                .iter()
                .all(|l| !l.starts_with('，') && !l.starts_with('。'))
        );
    }

    #[test]
    fn a_run_wider_than_the_line_is_cut_between_clusters() {
        let lines = wrap("ความมั่นคงของประเทศ", 5);
        assert!(lines.iter().all(|l| columns(l) <= 5), "{lines:?}");
        assert_eq!(lines.concat(), "ความมั่นคงของประเทศ");
        assert!(
            lines
                .iter()
                .all(|l| !l.starts_with('\u{e48}') && !l.starts_with('\u{e31}'))
        );
    }

    #[test]
    fn styles_are_closed_and_reopened_at_a_break() {
        let red = "\u{1b}[31m";
        let text = format!("plain {red}red words here\u{1b}[39m after");
        let lines = wrap(&text, 10);
        assert_eq!(
            lines,
            [
                format!("plain {red}red\u{1b}[0m"),
                format!("{red}words here\u{1b}[39m"),
                "after".to_string(),
            ]
        );
        assert_eq!(visible_columns(&lines[1]), 10);
    }

    #[test]
    fn line_ends_in_the_text_are_kept() {
        assert_eq!(wrap("a\nb c", 20), ["a", "b c"]);
    }
}
