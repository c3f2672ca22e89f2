//! What a Word document's styles and lists say: each style's outline level and list, and
//! the numbers `numbering.xml` makes Word show (ECMA-376 Part 1, §17.9).

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::{attr, child, is};

/// The outline level paragraph properties (`w:pPr`) give, 0 for the outermost heading.
pub(super) fn outline_level(properties: Node<'_, '_>) -> Option<u8> {
    child(properties, "outlineLvl")
        .and_then(|o| attr(o, "val"))
        .and_then(|v| v.parse().ok())
}

/// The list (its id and level) paragraph properties (`w:pPr`) put a paragraph in.
pub(super) fn list_of(properties: Node<'_, '_>) -> Option<(String, u8)> {
    let num = child(properties, "numPr")?;
    let id = child(num, "numId").and_then(|x| attr(x, "val"))?;
    let level = child(num, "ilvl")
        .and_then(|x| attr(x, "val"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id.to_string(), level))
}

/// What styles say: each style's outline level and numbering, through `w:basedOn`.
#[derive(Default)]
pub(super) struct Styles {
    outline: HashMap<String, u8>,
    numbering: HashMap<String, (String, u8)>,
    based_on: HashMap<String, String>,
}

impl Styles {
    pub(super) fn read(doc: &Document<'_>) -> Styles {
        let mut styles = Styles::default();
        for s in doc.descendants().filter(|n| is(n, "style")) {
            let Some(id) = attr(s, "styleId") else {
                continue;
            };
            let pr = child(s, "pPr");
            let level = pr.and_then(outline_level).or_else(|| {
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
            if let Some(list) = pr.and_then(list_of) {
                styles.numbering.insert(id.to_string(), list);
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

    pub(super) fn outline_level(&self, style: &str) -> Option<u8> {
        self.inherited(style, &self.outline)
    }

    pub(super) fn numbering(&self, style: &str) -> Option<(String, u8)> {
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
pub(super) struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    lists: HashMap<String, (String, HashMap<u8, i64>)>,
    /// The counters of each abstract definition, which all its lists share.
    counters: HashMap<String, Vec<Option<i64>>>,
    /// The lists whose start overrides have taken effect.
    restarted: std::collections::HashSet<String>,
}

impl Numbering {
    pub(super) fn read(doc: &Document<'_>) -> Numbering {
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
    /// deeper levels start again under it. The lists of one abstract definition count on
    /// together; a list that overrides a level's start restarts that level where its first
    /// paragraph stands (Word's "restart numbering", which LibreOffice reads the same way).
    pub(super) fn next_label(&mut self, num_id: &str, level: u8) -> Option<String> {
        let (abstract_id, overrides) = self.lists.get(num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let level = usize::from(level.min(8));
        if levels[level].format == "bullet" {
            // A bullet's level text is its glyph, often a private-use character of a
            // symbol font (U+F06C in Wingdings): a mark, not a number.
            return Some(String::new());
        }
        let start = |l: usize| {
            overrides
                .get(&(l as u8))
                .copied()
                .unwrap_or(levels[l].start)
        };
        let counters = self
            .counters
            .entry(abstract_id.clone())
            .or_insert_with(|| vec![None; 9]);
        if !overrides.is_empty() && self.restarted.insert(num_id.to_string()) {
            let first = usize::from(*overrides.keys().min().unwrap_or(&0)).min(8);
            counters[first..].fill(None);
        }
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
        "decimalZero" => format!("{n:02}"),
        "ordinal" => format!("{n}{}", english_ordinal_suffix(n)),
        "cardinalText" | "ordinalText" if (1..10_000).contains(&n) => {
            let words = english_words(n, format == "ordinalText");
            let mut chars = words.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        "bullet" | "none" => String::new(),
        _ => n.to_string(),
    }
}

/// "st", "nd", "rd" or "th", as English writes 1st, 22nd, 113th.
fn english_ordinal_suffix(n: i64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// A number below 10,000 in English words, as Word's text formats write it in an English
/// document ("one hundred twenty-one", "twenty-first"); its first letter is capitalised by
/// the caller.
fn english_words(n: i64, ordinal: bool) -> String {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let mut parts = Vec::new();
    let (thousands, hundreds, rest) = (n / 1000, n / 100 % 10, n % 100);
    if thousands > 0 {
        parts.push(format!("{} thousand", ONES[thousands as usize]));
    }
    if hundreds > 0 {
        parts.push(format!("{} hundred", ONES[hundreds as usize]));
    }
    if rest >= 20 {
        let tens = TENS[(rest / 10) as usize];
        parts.push(match rest % 10 {
            0 => tens.to_string(),
            ones => format!("{tens}-{}", ONES[ones as usize]),
        });
    } else if rest > 0 {
        parts.push(ONES[rest as usize].to_string());
    }
    let words = parts.join(" ");
    if !ordinal {
        return words;
    }
    // Only the last word takes the ordinal form: "twenty-first", "one hundredth".
    const IRREGULAR: [(&str, &str); 8] = [
        ("one", "first"),
        ("two", "second"),
        ("three", "third"),
        ("five", "fifth"),
        ("eight", "eighth"),
        ("nine", "ninth"),
        ("twelve", "twelfth"),
        ("y", "ieth"),
    ];
    for (cardinal, ordinal) in IRREGULAR {
        if let Some(stem) = words.strip_suffix(cardinal) {
            return format!("{stem}{ordinal}");
        }
    }
    format!("{words}th")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bullet_is_no_label() {
        let mut numbering = Numbering::default();
        numbering.abstracts.insert(
            "0".into(),
            vec![
                Level {
                    start: 1,
                    format: "bullet".into(),
                    text: "\u{f06c}".into(),
                };
                9
            ],
        );
        numbering
            .lists
            .insert("1".into(), ("0".into(), HashMap::new()));
        assert_eq!(numbering.next_label("1", 0), Some(String::new()));
    }

    /// The forms LibreOffice writes for these formats in an English document (a Word
    /// document of lists starting at each number, exported as text).
    #[test]
    fn number_formats_in_words_and_ordinals() {
        let cases = [
            (21, "ordinal", "21st"),
            (112, "ordinal", "112th"),
            (1234, "ordinal", "1234th"),
            (13, "ordinalText", "Thirteenth"),
            (20, "ordinalText", "Twentieth"),
            (21, "ordinalText", "Twenty-first"),
            (99, "ordinalText", "Ninety-ninth"),
            (100, "ordinalText", "One hundredth"),
            (121, "ordinalText", "One hundred twenty-first"),
            (
                1234,
                "ordinalText",
                "One thousand two hundred thirty-fourth",
            ),
            (21, "cardinalText", "Twenty-one"),
            (101, "cardinalText", "One hundred one"),
            (1000, "cardinalText", "One thousand"),
            (7, "decimalZero", "07"),
            (100, "decimalZero", "100"),
        ];
        for (n, format, shown) in cases {
            assert_eq!(format_number(n, format), shown, "{n} {format}");
        }
    }
}
