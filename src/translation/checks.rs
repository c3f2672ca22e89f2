//! The checks of each row, each comparing the pivot with another version: empty blocks,
//! missing counterparts, headings against paragraphs, numbers that differ, text left
//! untranslated, and (over all rows, as it needs the versions' overall ratio) lengths.

use std::collections::BTreeMap;

use super::anchors;
use super::{Check, Discrepancy, DocumentInfo, Row};
use crate::model::{Block, BlockType};

/// Short passages vary too much in length to say anything: characters below which the
/// length check is silent.
const LENGTH_CHECK_MIN_CHARS: f64 = 150.0;
/// Lengths within this share of the expected one are unremarkable.
const LENGTH_RATIO_RANGE: std::ops::RangeInclusive<f64> = 0.45..=2.2;

/// What the checks of one row find, in reading order: empty blocks of every version, then,
/// for each other version, what differs from the pivot.
pub(super) fn check(row: &Row, documents: &[DocumentInfo]) -> Vec<Discrepancy> {
    let mut findings = empty_blocks(row, documents);
    for d in 1..row.blocks.len() {
        let pair = Pair {
            row,
            documents,
            other: d,
        };
        if pair.pivot().is_empty() && pair.blocks().is_empty() {
            continue;
        }
        if let Some(missing) = pair.missing() {
            findings.push(missing);
            continue;
        }
        findings.extend(pair.one_against_two());
        findings.extend(pair.heading_mismatch());
        findings.extend(pair.numbers_differ());
        findings.extend(pair.untranslated());
    }
    findings
}

fn empty_blocks(row: &Row, documents: &[DocumentInfo]) -> Vec<Discrepancy> {
    let mut findings = Vec::new();
    for (d, blocks) in row.blocks.iter().enumerate() {
        for b in blocks {
            if b.kind == BlockType::Paragraph && b.text.trim().is_empty() {
                findings.push(Discrepancy {
                    check: Check::Empty,
                    message: format!(
                        "{}: {} is empty",
                        document_name(documents, d),
                        describe(std::slice::from_ref(b))
                    ),
                });
            }
        }
    }
    findings
}

/// The pivot's blocks of a row against one other version's.
struct Pair<'a> {
    row: &'a Row,
    documents: &'a [DocumentInfo],
    other: usize,
}

impl Pair<'_> {
    fn pivot(&self) -> &[Block] {
        &self.row.blocks[0]
    }

    fn blocks(&self) -> &[Block] {
        &self.row.blocks[self.other]
    }

    fn lang(&self, d: usize) -> &str {
        &self.documents[d].language
    }

    fn name(&self, d: usize) -> String {
        document_name(self.documents, d)
    }

    fn text(blocks: &[Block]) -> String {
        blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// One side has blocks the other lacks altogether. Nothing else is checked then.
    fn missing(&self) -> Option<Discrepancy> {
        let (pivot, other, d) = (self.pivot(), self.blocks(), self.other);
        let (lacking, having, blocks) = match (pivot.is_empty(), other.is_empty()) {
            (false, true) => (d, 0, pivot),
            (true, false) => (0, d, other),
            _ => return None,
        };
        Some(Discrepancy {
            check: Check::Missing,
            message: format!(
                "{} has no counterpart for {} {}",
                self.name(lacking),
                self.name(having),
                describe(blocks)
            ),
        })
    }

    /// Two blocks of one side against one of the other.
    fn one_against_two(&self) -> Option<Discrepancy> {
        let (pivot, other, d) = (self.pivot(), self.blocks(), self.other);
        if pivot.len() == other.len() {
            return None;
        }
        let (more, fewer) = if pivot.len() > other.len() {
            (0, d)
        } else {
            (d, 0)
        };
        if self.row.undecided.contains(&d) {
            return Some(Discrepancy {
                check: Check::Missing,
                message: format!(
                    "{} {} renders one of {} {}, not both: the other has no counterpart, and length and words fit either",
                    self.name(fewer),
                    describe(&self.row.blocks[fewer]),
                    self.name(more),
                    describe(&self.row.blocks[more]),
                ),
            });
        }
        Some(Discrepancy {
            check: Check::Missing,
            message: format!(
                "{} {} correspond to one block in {}: {}",
                self.name(more),
                describe(&self.row.blocks[more]),
                self.name(fewer),
                describe(&self.row.blocks[fewer])
            ),
        })
    }

    /// A numbered heading against a paragraph. Heading levels are not compared: they come
    /// from the order in which each version's numbering styles first appear (`Titre` and
    /// `Chapitre` against `1.` for both in the Swiss constitution), not from anything the
    /// versions disagree on.
    fn heading_mismatch(&self) -> Option<Discrepancy> {
        let (pivot, other, d) = (self.pivot(), self.blocks(), self.other);
        let heading_a = pivot.iter().any(Block::is_heading);
        let heading_b = other.iter().any(Block::is_heading);
        // An unnumbered short line may be read as a heading in one language and a paragraph
        // in another (Arabic has no capitals to tell): only numbered headings are structure
        // enough to report.
        let numbered = pivot
            .iter()
            .chain(other.iter())
            .any(|b| b.is_heading() && b.number.is_some());
        if heading_a == heading_b || !numbered {
            return None;
        }
        Some(Discrepancy {
            check: Check::Heading,
            message: format!(
                "a heading in {} is a paragraph in {}: {} / {}",
                self.name(if heading_a { 0 } else { d }),
                self.name(if heading_a { d } else { 0 }),
                describe(pivot),
                describe(other)
            ),
        })
    }

    /// Numbers, years and dates that one side has and the other has not (as often).
    fn numbers_differ(&self) -> Option<Discrepancy> {
        let (pivot, other) = (self.pivot(), self.blocks());
        let mut na = anchors::numbers(&Self::text(pivot));
        let mut nb = anchors::numbers(&Self::text(other));
        drop_unread_label(&mut na, pivot, other);
        drop_unread_label(&mut nb, other, pivot);
        if na == nb {
            return None;
        }
        let side = |lang: &str, n: &BTreeMap<u64, usize>, blocks: &[Block]| {
            if n.is_empty() {
                format!("{lang} has none of them")
            } else {
                format!("{lang} has {}", numbers_text(n, &Self::text(blocks)))
            }
        };
        Some(Discrepancy {
            check: Check::Numbers,
            message: format!(
                "numbers differ in {} / {}: {}; {}",
                describe(pivot),
                describe(other),
                side(&self.name(0), &only_in(&na, &nb), pivot),
                side(&self.name(self.other), &only_in(&nb, &na), other)
            ),
        })
    }

    /// Text of some length that reads the same as the pivot's, in another language.
    fn untranslated(&self) -> Option<Discrepancy> {
        let (text_a, text_b) = (Self::text(self.pivot()), Self::text(self.blocks()));
        let translated = self.lang(0) == self.lang(self.other)
            || text_a.split_whitespace().count() < 3
            || text_a.to_lowercase() != text_b.to_lowercase();
        if translated {
            return None;
        }
        Some(Discrepancy {
            check: Check::Untranslated,
            message: format!(
                "{} {} reads the same as in {}: not translated?",
                self.name(self.other),
                describe(self.blocks()),
                self.name(0)
            ),
        })
    }
}

/// For each version of a row, the numbers it says (as it writes them: `1948`, `一九四八`,
/// `September`) that another version of the row does not say as often: what the parallel
/// view marks. Empty lists where the numbers agree, as they do in a row without a
/// `numbers` finding.
pub fn unshared_numbers(row: &Row) -> Vec<Vec<String>> {
    let texts: Vec<String> = row.blocks.iter().map(|b| Pair::text(b)).collect();
    let counts: Vec<BTreeMap<u64, usize>> = row
        .blocks
        .iter()
        .zip(&texts)
        .map(|(blocks, text)| {
            let mut numbers = anchors::numbers(text);
            if let Some(pivot) = row.blocks.first() {
                drop_unread_label(&mut numbers, blocks, pivot);
            }
            numbers
        })
        .collect();
    let present: Vec<usize> = (0..row.blocks.len())
        .filter(|&d| !row.blocks[d].is_empty())
        .collect();
    (0..row.blocks.len())
        .map(|d| {
            let mut unshared: BTreeMap<u64, usize> = BTreeMap::new();
            for &e in present.iter().filter(|&&e| e != d) {
                for (n, extra) in only_in(&counts[d], &counts[e]) {
                    let most = unshared.entry(n).or_default();
                    *most = (*most).max(extra);
                }
            }
            if unshared.is_empty() || row.blocks[d].is_empty() {
                return Vec::new();
            }
            numbers_text(&unshared, &texts[d])
                .split(", ")
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// A number opening `blocks`' text that is the number of the other side's label is a label
/// the reader did not take as one (`༡ སྐྱེ་བོ་…` beside `1. Everyone …`): it is not a number
/// the text says, so it is not compared.
fn drop_unread_label(numbers: &mut BTreeMap<u64, usize>, blocks: &[Block], other: &[Block]) {
    let Some(first) = blocks.first().filter(|b| b.number.is_none()) else {
        return;
    };
    let Some(label) = other
        .first()
        .and_then(|b| b.number.as_deref())
        .and_then(|n| n.parse::<u64>().ok())
    else {
        return;
    };
    // What comes before the first word: `༡`, `( ۱)`, `1)`.
    let opening: String = first
        .text
        .chars()
        .take_while(|c| !c.is_alphabetic())
        .take(12)
        .collect();
    if anchors::numbers(&opening).into_keys().next() == Some(label)
        && let Some(count) = numbers.get_mut(&label)
    {
        *count -= 1;
        if *count == 0 {
            numbers.remove(&label);
        }
    }
}

/// A document as findings name it: its place among the versions (as the report's header
/// lists them), its file name and its language (`[2] udhr.zh.txt (zh)`), so two versions in
/// one language are told apart.
fn document_name(documents: &[DocumentInfo], d: usize) -> String {
    let doc = &documents[d];
    let file = doc.label.rsplit(['/', '\\']).next().unwrap_or(&doc.label);
    format!("[{}] {file} ({})", d + 1, doc.language)
}

/// The numbers `x` has more often than `y`, with how many more.
fn only_in(x: &BTreeMap<u64, usize>, y: &BTreeMap<u64, usize>) -> BTreeMap<u64, usize> {
    x.iter()
        .filter_map(|(k, n)| {
            let extra = n.saturating_sub(y.get(k).copied().unwrap_or(0));
            (extra > 0).then_some((*k, extra))
        })
        .collect()
}

/// The numbers, quoted as `text` writes them (`September`, `一九四八`, `١٠`), in order of
/// value; a number written as digits is quoted as its digits.
fn numbers_text(numbers: &BTreeMap<u64, usize>, text: &str) -> String {
    let written = anchors::numbers_as_written(text);
    numbers
        .iter()
        .flat_map(|(n, count)| {
            let mut forms: Vec<String> = written
                .iter()
                .filter(|(value, _)| value == n)
                .map(|(_, form)| form.clone())
                .collect();
            // The forms of the occurrences the other side lacks: the last ones.
            let skip = forms.len().saturating_sub(*count);
            forms.drain(..skip);
            forms.resize(*count, n.to_string());
            forms
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Blocks as a finding names them: by label, or by their first words, and their line.
fn describe(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| {
            let what = if b.label.is_empty() {
                let words: Vec<&str> = b.text.split_whitespace().take(6).collect();
                format!("“{}…”", words.join(" "))
            } else {
                b.label.clone()
            };
            format!("{what} (line {})", b.line)
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

fn chars(blocks: &[Block]) -> f64 {
    blocks.iter().map(|b| b.text.chars().count() as f64).sum()
}

/// Length outliers: a row whose share of a version is far from that version's overall
/// ratio to the pivot, over the rows every version has.
pub(super) fn length_findings(documents: &[DocumentInfo], rows: &mut [Row]) {
    let n = documents.len();
    let mut totals = vec![0f64; n];
    for row in rows.iter() {
        if row.blocks.iter().all(|b| !b.is_empty()) {
            for (d, blocks) in row.blocks.iter().enumerate() {
                totals[d] += chars(blocks);
            }
        }
    }
    for row in rows.iter_mut() {
        if row.blocks.iter().any(Vec::is_empty) || row.matched_by.is_none() {
            continue;
        }
        let la = chars(&row.blocks[0]);
        for d in 1..n {
            let lb = chars(&row.blocks[d]);
            let ratio = if totals[0] > 0.0 {
                totals[d] / totals[0]
            } else {
                1.0
            };
            let expected = la * ratio;
            if expected.max(lb) < LENGTH_CHECK_MIN_CHARS {
                continue;
            }
            let r = lb / expected.max(1.0);
            if !LENGTH_RATIO_RANGE.contains(&r) {
                row.findings.push(Discrepancy {
                    check: Check::Length,
                    message: format!(
                        "{} {} is {:.0}% of the length expected from {} {}: possible omission or addition",
                        document_name(documents, d),
                        describe(&row.blocks[d]),
                        r * 100.0,
                        document_name(documents, 0),
                        describe(&row.blocks[0])
                    ),
                });
            }
        }
    }
}
