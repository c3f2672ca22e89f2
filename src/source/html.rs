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

/// What a page reads as: its text, and the element read as its main content where the rest
/// of the page was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// One block per paragraph, heading or list item, blank-line separated.
    pub text: String,
    /// The element read, as its start tag shows it (`<main>`, `<div id="law">`), when
    /// only it was read.
    pub main_content: Option<String>,
}

/// The page's text, one block per paragraph, heading or list item, blank-line separated.
pub fn to_text(html: &str) -> String {
    read(html).text
}

/// Read a page: its main content where it has one, else the whole page.
pub fn read(html: &str) -> Page {
    let page = Html::parse_document(html);
    let main = main_content(&page);
    let root = main.unwrap_or_else(|| page.root_element());
    let mut writer = Writer {
        shallowest_heading: shallowest_heading(root),
        ..Writer::default()
    };
    writer.walk(root);
    writer.flush();
    Page {
        text: writer.out,
        main_content: main.map(start_tag),
    }
}

/// The element a page marks as its main content: `<main>`, its one `<article>`, or the one
/// element with `role="main"`; failing those, the container that holds nearly all of the
/// page's text.
fn main_content(page: &Html) -> Option<ElementRef<'_>> {
    let only = |marked: &dyn Fn(&ElementRef<'_>) -> bool| {
        let mut found = page
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| marked(e));
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    };
    only(&|e| e.value().name() == "main")
        .or_else(|| only(&|e| e.value().name() == "article"))
        .or_else(|| only(&|e| e.value().attr("role") == Some("main")))
        .or_else(|| largest_text_container(page.root_element()))
}

/// Elements a page lays its content out in, which a reader may step into.
const CONTAINERS: &[&str] = &[
    "body", "div", "section", "center", "table", "tbody", "tr", "td", "span", "font",
];

/// The container holding nearly all the page's text, found from `<body>` down: a step is
/// taken into the child with the most text while what stays outside it, links aside (menus,
/// breadcrumbs), is under a tenth of what is inside. None if no step leaves text out: a page
/// whose text is all content is read whole.
fn largest_text_container(root: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut current = root
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")?;
    let mut left_out = 0;
    loop {
        let (total, links) = text_amount(current);
        let best = current
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|e| CONTAINERS.contains(&e.value().name()))
            .map(|e| (e, text_amount(e)))
            .max_by_key(|(_, (amount, _))| *amount);
        let Some((child, (inside, inside_links))) = best else {
            break;
        };
        let outside_text = (total - inside) - (links - inside_links);
        if inside == 0 || outside_text * 10 >= inside {
            break;
        }
        left_out += total - inside;
        current = child;
    }
    (left_out > 0).then_some(current)
}

/// The visible characters under an element, and how many of them are link text.
fn text_amount(e: ElementRef<'_>) -> (usize, usize) {
    let mut amount = (0, 0);
    count_text(e, false, &mut amount);
    amount
}

fn count_text(e: ElementRef<'_>, in_link: bool, amount: &mut (usize, usize)) {
    if DROPPED.contains(&e.value().name()) {
        return;
    }
    let in_link = in_link || e.value().name() == "a";
    for child in e.children() {
        match child.value() {
            Node::Text(text) => {
                let n = text.chars().filter(|c| !c.is_whitespace()).count();
                amount.0 += n;
                if in_link {
                    amount.1 += n;
                }
            }
            Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    count_text(c, in_link, amount);
                }
            }
            _ => {}
        }
    }
}

/// An element's start tag as a reader would name it: its name, id, class and role.
fn start_tag(e: ElementRef<'_>) -> String {
    let mut tag = format!("<{}", e.value().name());
    for name in ["id", "class", "role"] {
        if let Some(value) = e.value().attr(name) {
            let value: String = value.chars().filter(|c| !c.is_control()).take(60).collect();
            tag.push_str(&format!(" {name}=\"{value}\""));
        }
    }
    tag.push('>');
    tag
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

    /// A paragraph of `n` words.
    fn words(n: usize) -> String {
        vec!["word"; n].join(" ")
    }

    #[test]
    fn without_a_marked_main_the_container_of_nearly_all_the_text_is_read() {
        // A layout table: a menu of links and a site name beside the law.
        let page = format!(
            "<html><body><div class=\"top\">Ministry of Justice</div><table><tr>\
             <td><a href='/'>Home</a><br><a href='/laws'>All laws</a><br><a href='/x'>{}</a></td>\
             <td id=\"law\"><h2>Article 1</h2><p>{}</p><h2>Article 2</h2><p>{}</p></td>\
             </tr></table><div>Printed 2021</div></body></html>",
            words(30),
            words(80),
            words(80)
        );
        let read = read(&page);
        assert_eq!(read.main_content.as_deref(), Some("<td id=\"law\">"));
        assert!(read.text.starts_with("# Article 1\n\nword word"));
        assert!(!read.text.contains("Ministry") && !read.text.contains("Home"));
    }

    #[test]
    fn content_in_several_containers_is_all_read() {
        // A preamble and the articles side by side: neither holds nearly all the text.
        let page = format!(
            "<html><body><div id=\"preamble\"><p>{}</p></div>\
             <div id=\"articles\"><p>1. {}</p><p>2. {}</p></div></body></html>",
            words(30),
            words(80),
            words(80)
        );
        let read = read(&page);
        assert_eq!(read.main_content, None);
        assert_eq!(read.text.matches("word").count(), 190);
        let marked = "<html><body><nav>Menu</nav><main><p>Text.</p></main></body></html>";
        assert_eq!(super::read(marked).main_content.as_deref(), Some("<main>"));
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
