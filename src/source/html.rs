//! Web pages as text: the blocks of a page's main content, written as the Markdown the
//! normalizer reads (`#` headings, one block per paragraph), with the numbers an `<ol>` shows
//! though its text does not hold them. Parsing is html5ever's, through scraper: it reads
//! pages as browsers do, broken markup included.
//!
//! What a reader does not read as the document is left out: scripts, styles, navigation,
//! page headers and footers, asides and forms. Where a page marks its main content (`<main>`,
//! or a single `<article>`), only that is read.

use scraper::{ElementRef, Html, Node};

/// Elements whose text is not part of the document.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "head",
    "svg", "button", "select", "textarea", "iframe", "object", "canvas",
];

/// Elements that start and end a block.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "address",
    "ul",
    "ol",
    "li",
    "body",
    "html",
    "hr",
    "center",
    "details",
    "summary",
];

/// Whether decoded text is an HTML page: an HTML doctype or an `<html` element at its start.
pub fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with("<?xml") || start.starts_with("<!--")) && start.contains("<html")
}

/// The page's text, one block per paragraph, heading or list item, blank-line separated.
pub fn to_text(html: &str) -> String {
    let page = Html::parse_document(html);
    let root = main_content(&page).unwrap_or_else(|| page.root_element());
    let mut writer = Writer {
        shallowest_heading: shallowest_heading(root),
        ..Writer::default()
    };
    writer.walk(root);
    writer.flush();
    writer.out
}

/// The element a page marks as its main content: `<main>`, or its one `<article>`.
fn main_content(page: &Html) -> Option<ElementRef<'_>> {
    let named = |name: &str| {
        page.root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == name)
            .collect::<Vec<_>>()
    };
    let mains = named("main");
    if let [main] = mains.as_slice() {
        return Some(*main);
    }
    match named("article").as_slice() {
        [article] => Some(*article),
        _ => None,
    }
}

/// An ordered list being numbered: its next number and how numbers are written.
struct List {
    next: i64,
    step: i64,
    style: char,
}

#[derive(Default)]
struct Writer {
    out: String,
    /// The text of the block being written.
    line: String,
    lists: Vec<Option<List>>,
    /// The level of the page's outermost heading, written as `#`: a page's content often
    /// starts at `<h2>`, its `<h1>` being the site's title, and the outline counts from the
    /// document's own top level.
    shallowest_heading: usize,
}

impl Writer {
    fn walk(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            match child.value() {
                // Line ends in the markup are spaces; only `<br>` breaks a line.
                Node::Text(text) => self.line.extend(text.chars().map(|c| match c {
                    '\n' | '\r' => ' ',
                    c => c,
                })),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.element(e);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, e: ElementRef<'_>) {
        let name = e.value().name();
        if DROPPED.contains(&name) {
            return;
        }
        if name == "br" {
            self.line.push('\n');
            return;
        }
        if let Some(level) = heading_level(name) {
            self.flush();
            let level = level + 1 - self.shallowest_heading.min(level);
            self.line.push_str(&"#".repeat(level));
            self.line.push(' ');
            self.walk(e);
            self.flush();
            return;
        }
        if !BLOCKS.contains(&name) {
            self.walk(e);
            return;
        }
        self.flush();
        match name {
            "ol" => self.lists.push(Some(ordered_list(e))),
            "ul" => self.lists.push(None),
            "li" => {
                let label = self.item_label(e);
                self.line.push_str(&label);
            }
            _ => {}
        }
        self.walk(e);
        self.flush();
        if matches!(name, "ol" | "ul") {
            self.lists.pop();
        }
    }

    /// The label an item of the innermost list shows: `14. ` in an `<ol start="14">`.
    fn item_label(&mut self, item: ElementRef<'_>) -> String {
        let Some(Some(list)) = self.lists.last_mut() else {
            return String::new();
        };
        if let Some(value) = item
            .value()
            .attr("value")
            .and_then(|v| v.trim().parse().ok())
        {
            list.next = value;
        }
        let label = format_number(list.next, list.style);
        list.next += list.step;
        format!("{label}. ")
    }

    /// Write the block being built, its whitespace collapsed as a browser shows it, with a
    /// blank line after it.
    fn flush(&mut self) {
        let text: Vec<String> = self
            .line
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        self.line.clear();
        let is_heading_marker = text.len() == 1 && text[0].chars().all(|c| c == '#');
        if text.is_empty() || is_heading_marker {
            return;
        }
        self.out.push_str(&text.join("\n"));
        self.out.push_str("\n\n");
    }
}

/// The level of the outermost heading the page shows under `root` (1 if it has none).
fn shallowest_heading(root: ElementRef<'_>) -> usize {
    let mut shallowest = None;
    let mut stack = vec![root];
    while let Some(e) = stack.pop() {
        let name = e.value().name();
        if DROPPED.contains(&name) {
            continue;
        }
        if let Some(level) = heading_level(name) {
            shallowest = Some(shallowest.map_or(level, |s: usize| s.min(level)));
            continue;
        }
        stack.extend(e.children().filter_map(ElementRef::wrap));
    }
    shallowest.unwrap_or(1)
}

fn heading_level(name: &str) -> Option<usize> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(usize::from(d - b'0')),
        _ => None,
    }
}

/// An `<ol>`'s numbering: `start`, `reversed` and `type` as HTML defines them.
fn ordered_list(e: ElementRef<'_>) -> List {
    let attr = |name: &str| e.value().attr(name);
    let items = e
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|c| c.value().name() == "li")
        .count() as i64;
    let reversed = attr("reversed").is_some();
    let start = attr("start")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(if reversed { items } else { 1 });
    List {
        next: start,
        step: if reversed { -1 } else { 1 },
        style: attr("type").and_then(|t| t.chars().next()).unwrap_or('1'),
    }
}

/// A list number written in a list style: `1`, `a`/`A` (letters, `aa` after `z`), `i`/`I`.
fn format_number(n: i64, style: char) -> String {
    match style {
        'a' | 'A' if n >= 1 => {
            let mut out = Vec::new();
            let mut k = n;
            while k > 0 {
                k -= 1;
                out.push((b'a' + (k % 26) as u8) as char);
                k /= 26;
            }
            let letters: String = out.iter().rev().collect();
            if style == 'A' {
                letters.to_uppercase()
            } else {
                letters
            }
        }
        'i' | 'I' if (1..4000).contains(&n) => {
            let roman = crate::text::numerals::to_roman(n as u32).to_lowercase();
            if style == 'I' {
                roman.to_uppercase()
            } else {
                roman
            }
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_its_main_content_without_menus_footers_or_scripts() {
        let page = "<!DOCTYPE html><html><head><title>T</title><script>var x = 1;</script></head>\
            <body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>\
            <header>Site name</header>\
            <main><h1>Declaration</h1><p>The heads of   state\n met.</p>\
            <h2>I. Peace</h2><p>1. They agreed.<br>A second line.</p></main>\
            <footer>© 2021</footer></body></html>";
        assert!(looks_like_html(page));
        assert_eq!(
            to_text(page),
            "# Declaration\n\nThe heads of state met.\n\n## I. Peace\n\n1. They agreed.\nA second line.\n\n"
        );
    }

    #[test]
    fn headings_count_from_the_content_s_outermost_one() {
        let page = "<html><body><header><h1>Site</h1></header><main><h2>Part one</h2>\
            <h3>Chapter 1</h3><p>Text.</p><h2>Part two</h2></main></body></html>";
        assert_eq!(
            to_text(page),
            "# Part one\n\n## Chapter 1\n\nText.\n\n# Part two\n\n"
        );
    }

    #[test]
    fn ordered_lists_are_numbered_as_browsers_show_them() {
        let page = "<html><body><ol start=\"14\"><li>Fourteen</li><li>Fifteen</li>\
            <li value=\"20\">Twenty</li><li>Twenty-one</li></ol>\
            <ol type=\"a\"><li>first</li><li>second</li></ol>\
            <ol type=\"I\" start=\"4\"><li>four</li></ol>\
            <ol reversed><li>two</li><li>one</li></ol>\
            <ul><li>bullet</li></ul></body></html>";
        assert_eq!(
            to_text(page),
            "14. Fourteen\n\n15. Fifteen\n\n20. Twenty\n\n21. Twenty-one\n\na. first\n\nb. second\n\n\
             IV. four\n\n2. two\n\n1. one\n\nbullet\n\n"
        );
    }

    #[test]
    fn text_that_is_not_a_page_is_not_taken_for_one() {
        assert!(!looks_like_html(
            "Article 1\n\nThe <html> element starts a page.\n"
        ));
        assert!(looks_like_html("\u{feff}  <!doctype HTML>\n<p>x</p>"));
        assert_eq!(format_number(28, 'a'), "ab");
        assert_eq!(format_number(1994, 'i'), "mcmxciv");
    }
}
