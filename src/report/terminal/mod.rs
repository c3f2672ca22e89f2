//! Reports for a terminal, and what keeps them safe and styled. Document text is untrusted:
//! every character that could move the cursor, change colours or reorder text is shown as a
//! visible escape instead, while accord's own colour codes are added around the escaped text.

pub mod diff;
pub mod history;
pub mod outline;
pub mod refs;
mod side_by_side;
pub mod translation;
pub mod versions;
pub mod wrap;

use std::borrow::Cow;

use owo_colors::OwoColorize;

/// Characters a terminal would act on rather than print: C0 and C1 controls, DEL, and the
/// bidirectional controls that can make text read differently from what it is.
pub(crate) fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Document text made safe to print: unsafe characters become `\u{1b}`-style escapes.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The two versions' labels as diff(1) heads a report: `--- old` and `+++ new`.
pub(crate) fn versions_header(paint: Paint, old: &str, new: &str) -> String {
    format!(
        "{} {}\n{} {}\n",
        paint.old_side("---"),
        sanitize(old),
        paint.new_side("+++"),
        sanitize(new)
    )
}

/// Colour roles used by the terminal reports; all no-ops when colour is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    /// Whether to colour at all.
    pub color: bool,
}

impl Paint {
    /// A heading, bold.
    pub fn heading(&self, s: &str) -> String {
        if self.color {
            s.bold().to_string()
        } else {
            s.to_string()
        }
    }
    /// A number label, cyan.
    pub fn label(&self, s: &str) -> String {
        if self.color {
            s.cyan().to_string()
        } else {
            s.to_string()
        }
    }
    /// What matters less: counts, places, unchanged entries.
    pub fn dim(&self, s: &str) -> String {
        if self.color {
            s.dimmed().to_string()
        } else {
            s.to_string()
        }
    }
    /// A finding, yellow.
    pub fn warn(&self, s: &str) -> String {
        if self.color {
            s.yellow().to_string()
        } else {
            s.to_string()
        }
    }
    /// A title about something removed (red, not struck through: it must stay readable).
    pub fn old_side(&self, s: &str) -> String {
        if self.color {
            s.red().bold().to_string()
        } else {
            s.to_string()
        }
    }
    /// A title about something added (green, bold).
    pub fn new_side(&self, s: &str) -> String {
        if self.color {
            s.green().bold().to_string()
        } else {
            s.to_string()
        }
    }
    /// Deleted words: red, struck through.
    pub fn deleted(&self, s: &str) -> String {
        if self.color {
            s.red().strikethrough().to_string()
        } else {
            s.to_string()
        }
    }
    /// Inserted words: green, underlined.
    pub fn inserted(&self, s: &str) -> String {
        if self.color {
            s.green().underline().to_string()
        } else {
            s.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("x\u{202E}y\u{2066}"), "x\\u{202e}y\\u{2066}");
        assert_eq!(sanitize("\u{9b}"), "\\u{9b}");
        assert!(matches!(sanitize("plain Статья 第一条"), Cow::Borrowed(_)));
    }
}
