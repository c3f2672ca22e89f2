//! Translation alignment: pair the blocks of two or more language versions and check each
//! pair. One entry point, [`align`].
//!
//! Signals, strongest first: matching number labels in any numbering script (`第一条` =
//! `Статья 1` = `Article premier`, all number `1`), which anchor the alignment; then, in each
//! stretch between anchors, a dynamic programme in the manner of Gale and Church that pairs
//! blocks one-to-one, one-to-two or two-to-one (or leaves one unmatched) by heading
//! structure, shared numbers and Latin-script tokens, and length ratio. Translations keep the
//! order of their original, so the alignment is monotone.

pub mod anchors;
pub mod lang;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::model::{Block, BlockType, Document};

pub const SCHEMA: &str = "accord.align/1";

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum MatchedBy {
    Number,
    Heading,
    Position,
    Anchors,
    Length,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Check {
    Numbers,
    Missing,
    Length,
    Untranslated,
    Empty,
    Heading,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    pub check: Check,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Pair {
    /// One list per document, in argument order; empty where that document has no
    /// counterpart, two blocks where it split what another has as one.
    pub blocks: Vec<Vec<Block>>,
    /// How the pair was found; null for a block no other document matches.
    pub matched_by: Option<MatchedBy>,
    pub confidence: f64,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentInfo {
    pub label: String,
    /// BCP 47 code, detected from the script or given with `--lang`.
    pub language: String,
    /// Number of blocks.
    pub blocks: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    pub pairs: usize,
    /// Pairs with at least one finding.
    pub pairs_with_findings: usize,
    pub findings: usize,
    /// Findings by check.
    pub checks: BTreeMap<String, usize>,
    /// Pairs by how they were matched.
    pub matched_by: BTreeMap<String, usize>,
}

/// The `accord.align/1` contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Alignment {
    /// Always `"accord.align/1"`.
    pub schema: String,
    pub documents: Vec<DocumentInfo>,
    pub pairs: Vec<Pair>,
    pub summary: Summary,
}

/// A link of the pairwise alignment: blocks of A with blocks of B.
#[derive(Debug, Clone, PartialEq)]
struct Link {
    a: Vec<usize>,
    b: Vec<usize>,
    by: Option<MatchedBy>,
    confidence: f64,
}

/// Align documents given as (label, language, document); the first is the pivot the others
/// are aligned to.
pub fn align(documents: &[(String, String, Document)]) -> Alignment {
    let infos: Vec<DocumentInfo> = documents
        .iter()
        .map(|(label, language, d)| DocumentInfo {
            label: label.clone(),
            language: language.clone(),
            blocks: d.blocks.len(),
        })
        .collect();
    let pivot = &documents[0].2;
    let links: Vec<Vec<Link>> = documents[1..]
        .iter()
        .map(|(_, _, d)| pair_documents(pivot, d))
        .collect();
    let mut pairs = rows(documents, &links);
    for pair in &mut pairs {
        pair.findings = check(pair, &infos);
    }
    let mut alignment = Alignment {
        schema: SCHEMA.to_string(),
        documents: infos,
        pairs,
        summary: Summary::default(),
    };
    length_findings(&mut alignment);
    alignment.summary = summarize(&alignment.pairs);
    alignment
}

fn summarize(pairs: &[Pair]) -> Summary {
    let mut summary = Summary {
        pairs: pairs.len(),
        ..Summary::default()
    };
    for p in pairs {
        summary.findings += p.findings.len();
        summary.pairs_with_findings += usize::from(!p.findings.is_empty());
        for f in &p.findings {
            *summary.checks.entry(name(&f.check)).or_default() += 1;
        }
        let by = p.matched_by.map_or("none".to_string(), |m| name(&m));
        *summary.matched_by.entry(by).or_default() += 1;
    }
    summary
}

fn name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Keys that identify a numbered block across languages: a heading by its level and number,
/// a paragraph by its number within the nearest numbered heading.
fn number_keys(d: &Document) -> Vec<Option<String>> {
    let mut context = String::new();
    d.blocks
        .iter()
        .map(|b| {
            let n = b.number.as_ref()?;
            Some(if b.is_heading() {
                context = n.clone();
                format!("H{}:{n}", b.level.unwrap_or(1))
            } else {
                format!("P:{context}:{n}")
            })
        })
        .collect()
}

fn pair_documents(a: &Document, b: &Document) -> Vec<Link> {
    let keys_a = number_keys(a);
    let keys_b = number_keys(b);
    let (pos_a, seq_a): (Vec<usize>, Vec<&String>) = keys_a
        .iter()
        .enumerate()
        .filter_map(|(i, k)| Some((i, k.as_ref()?)))
        .unzip();
    let (pos_b, seq_b): (Vec<usize>, Vec<&String>) = keys_b
        .iter()
        .enumerate()
        .filter_map(|(i, k)| Some((i, k.as_ref()?)))
        .unzip();
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &seq_a, &seq_b) {
        let (tag, ra, rb) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            anchors.extend(ra.zip(rb).map(|(i, j)| (pos_a[i], pos_b[j])));
        }
    }
    let ratio = length_ratio(a, b);
    let mut links = Vec::new();
    let (mut ia, mut ib) = (0, 0);
    for &(i, j) in anchors
        .iter()
        .chain(std::iter::once(&(a.blocks.len(), b.blocks.len())))
    {
        links.extend(gap(&a.blocks[ia..i], &b.blocks[ib..j], ia, ib, ratio));
        if i < a.blocks.len() && j < b.blocks.len() {
            links.push(Link {
                a: vec![i],
                b: vec![j],
                by: Some(MatchedBy::Number),
                confidence: 0.99,
            });
        }
        (ia, ib) = (i + 1, j + 1);
    }
    links
}

/// Characters of B per character of A over the whole documents: Chinese says in one
/// character what English says in three or four.
fn length_ratio(a: &Document, b: &Document) -> f64 {
    let total = |d: &Document| {
        d.blocks
            .iter()
            .map(|x| x.text.chars().count())
            .sum::<usize>() as f64
    };
    let (la, lb) = (total(a), total(b));
    if la == 0.0 || lb == 0.0 { 1.0 } else { lb / la }
}

/// Gale and Church's variance of length per character, scaled for paragraphs.
const LENGTH_VARIANCE: f64 = 6.8;
const SKIP_COST: f64 = 6.0;
const TWO_TO_ONE_COST: f64 = 2.5;
/// Widest stretch compared exhaustively; longer ones are aligned within a band around the
/// diagonal, which is where a translation's paragraphs lie.
const BAND: usize = 40;

struct Features {
    chars: f64,
    heading: bool,
    numbers: BTreeMap<u64, usize>,
    latin: Vec<String>,
}

fn features(blocks: &[Block]) -> Features {
    let text: String = blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Features {
        chars: text.chars().count() as f64,
        heading: blocks.iter().any(Block::is_heading),
        numbers: anchors::numbers(&text),
        latin: anchors::latin_tokens(&text),
    }
}

/// Cost of pairing A-run with B-run (lower is likelier), and how the pair is best described.
fn pair_cost(fa: &Features, fb: &Features, ratio: f64) -> (f64, MatchedBy) {
    let expected = fa.chars * ratio;
    let spread = (LENGTH_VARIANCE * (fa.chars + fb.chars / ratio.max(0.01)) / 2.0 + 1.0).sqrt();
    let delta = (fb.chars - expected) / spread;
    let mut cost = (delta * delta / 2.0).min(30.0);
    let mut by = MatchedBy::Length;
    if fa.heading != fb.heading {
        cost += 8.0;
    } else if fa.heading {
        cost -= 3.0;
        by = MatchedBy::Heading;
    }
    let has_a = !fa.numbers.is_empty();
    let has_b = !fb.numbers.is_empty();
    if has_a && has_b {
        let o = anchors::overlap(&fa.numbers, &fb.numbers);
        cost += 4.0 * (1.0 - o) - 3.0 * o;
        if o > 0.0 && by == MatchedBy::Length {
            by = MatchedBy::Anchors;
        }
    } else if has_a != has_b {
        cost += 1.5;
    }
    if !fa.latin.is_empty() && !fb.latin.is_empty() {
        let shared = fa.latin.iter().filter(|t| fb.latin.contains(t)).count();
        if shared > 0 {
            cost -= 2.0;
            if by == MatchedBy::Length {
                by = MatchedBy::Anchors;
            }
        }
    }
    (cost, by)
}

/// Align an unanchored stretch by dynamic programming over 1-1, 1-2, 2-1, 1-0 and 0-1 moves.
fn gap(a: &[Block], b: &[Block], offset_a: usize, offset_b: usize, ratio: f64) -> Vec<Link> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        let mut links: Vec<Link> = (0..n).map(|i| lone(vec![offset_a + i], vec![])).collect();
        links.extend((0..m).map(|j| lone(vec![], vec![offset_b + j])));
        return links;
    }
    if n == 1 && m == 1 {
        let (fa, fb) = (features(a), features(b));
        let (cost, by) = pair_cost(&fa, &fb, ratio);
        if fa.heading == fb.heading {
            let by = if by == MatchedBy::Length {
                MatchedBy::Position
            } else {
                by
            };
            return vec![Link {
                a: vec![offset_a],
                b: vec![offset_b],
                by: Some(by),
                confidence: confidence(cost).max(0.6),
            }];
        }
    }
    let single_a: Vec<Features> = (0..n).map(|i| features(&a[i..=i])).collect();
    let single_b: Vec<Features> = (0..m).map(|j| features(&b[j..=j])).collect();
    // Two-block features, computed once: the 2-1 and 1-2 moves look at every neighbour pair.
    let double_a: Vec<Option<Features>> = (0..n)
        .map(|i| (i >= 1).then(|| features(&a[i - 1..=i])))
        .collect();
    let double_b: Vec<Option<Features>> = (0..m)
        .map(|j| (j >= 1).then(|| features(&b[j - 1..=j])))
        .collect();
    // Banded storage: row i keeps columns lo[i]..=hi[i] around the diagonal, so memory and
    // time grow with the stretch's length, not its square.
    let lo: Vec<usize> = (0..=n).map(|i| (i * m / n).saturating_sub(BAND)).collect();
    let mut hi: Vec<usize> = (0..=n)
        .map(|i| ((i * m).div_ceil(n) + BAND).min(m))
        .collect();
    // Where one side has many times the blocks of the other, the diagonal climbs more than
    // a band's width per row: each row reaches on to where the next begins, or no path
    // would cross from one to the next.
    for i in 0..n {
        hi[i] = hi[i].max(lo[i + 1]);
    }
    const INF: f64 = f64::INFINITY;
    let mut cost: Vec<Vec<f64>> = (0..=n).map(|i| vec![INF; hi[i] - lo[i] + 1]).collect();
    let mut back: Vec<Vec<(u8, u8, MatchedBy)>> = (0..=n)
        .map(|i| vec![(0, 0, MatchedBy::Length); hi[i] - lo[i] + 1])
        .collect();
    let at = |cost: &Vec<Vec<f64>>, i: usize, j: usize| -> f64 {
        if j < lo[i] || j > hi[i] {
            INF
        } else {
            cost[i][j - lo[i]]
        }
    };
    cost[0][0] = 0.0;
    for i in 0..=n {
        for j in lo[i]..=hi[i] {
            if (i, j) == (0, 0) {
                continue;
            }
            let mut best = (INF, (0u8, 0u8, MatchedBy::Length));
            let mut consider = |di: usize, dj: usize, step: f64, by: MatchedBy| {
                if i >= di && j >= dj {
                    let c = at(&cost, i - di, j - dj) + step;
                    if c < best.0 {
                        best = (c, (di as u8, dj as u8, by));
                    }
                }
            };
            if i >= 1 && j >= 1 {
                let (c, by) = pair_cost(&single_a[i - 1], &single_b[j - 1], ratio);
                consider(1, 1, c, by);
            }
            if i >= 1 {
                consider(1, 0, SKIP_COST, MatchedBy::Length);
            }
            if j >= 1 {
                consider(0, 1, SKIP_COST, MatchedBy::Length);
            }
            if i >= 2
                && j >= 1
                && !single_a[i - 1].heading
                && !single_a[i - 2].heading
                && let Some(pair) = &double_a[i - 1]
            {
                let (c, by) = pair_cost(pair, &single_b[j - 1], ratio);
                consider(2, 1, c + TWO_TO_ONE_COST, by);
            }
            if i >= 1
                && j >= 2
                && !single_b[j - 1].heading
                && !single_b[j - 2].heading
                && let Some(pair) = &double_b[j - 1]
            {
                let (c, by) = pair_cost(&single_a[i - 1], pair, ratio);
                consider(1, 2, c + TWO_TO_ONE_COST, by);
            }
            cost[i][j - lo[i]] = best.0;
            back[i][j - lo[i]] = best.1;
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj, by) = back[i][j - lo[i]];
        let (di, dj) = (usize::from(di), usize::from(dj));
        if di == 0 && dj == 0 {
            // The bands chain, so every cell is reachable; should that ever fail, what is
            // left is reported unmatched rather than lost.
            links.extend((0..i).rev().map(|k| lone(vec![offset_a + k], vec![])));
            links.extend((0..j).rev().map(|k| lone(vec![], vec![offset_b + k])));
            break;
        }
        let step = at(&cost, i, j) - at(&cost, i - di, j - dj);
        let a_ids: Vec<usize> = (i - di..i).map(|k| offset_a + k).collect();
        let b_ids: Vec<usize> = (j - dj..j).map(|k| offset_b + k).collect();
        links.push(if di == 0 || dj == 0 {
            lone(a_ids, b_ids)
        } else {
            Link {
                a: a_ids,
                b: b_ids,
                by: Some(by),
                confidence: confidence(step),
            }
        });
        (i, j) = (i - di, j - dj);
    }
    links.reverse();
    links
}

fn lone(a: Vec<usize>, b: Vec<usize>) -> Link {
    Link {
        a,
        b,
        by: None,
        confidence: 0.0,
    }
}

fn confidence(cost: f64) -> f64 {
    let c = (-cost.max(0.0) / 6.0).exp();
    (c * 100.0).round() / 100.0
}

/// Rows across all documents: the pivot's links to each other document, joined on the pivot's
/// blocks. Blocks only another document has get rows of their own at their place.
fn rows(documents: &[(String, String, Document)], links: &[Vec<Link>]) -> Vec<Pair> {
    let pivot_len = documents[0].2.blocks.len();
    // For each pivot block, the row it belongs to; rows by pivot group.
    let mut row_of_pivot: Vec<Option<usize>> = vec![None; pivot_len];
    struct Row {
        members: Vec<Vec<usize>>,
        by: Option<MatchedBy>,
        confidence: f64,
        position: f64,
    }
    let mut rows: Vec<Row> = Vec::new();
    for (k, doc_links) in links.iter().enumerate() {
        let doc = k + 1;
        let mut last_pivot: f64 = -1.0;
        for (order, link) in doc_links.iter().enumerate() {
            if link.a.is_empty() {
                let mut members = vec![Vec::new(); documents.len()];
                members[doc] = link.b.clone();
                rows.push(Row {
                    members,
                    by: None,
                    confidence: 0.0,
                    position: last_pivot + 0.5 + order as f64 * 1e-6,
                });
                continue;
            }
            last_pivot = link.a[0] as f64;
            // The link may join pivot blocks that links to other documents put in different
            // rows (one translation merged two paragraphs another kept apart): those rows
            // become one, so every block stays in exactly one row.
            let mut existing: Vec<usize> = link.a.iter().filter_map(|&i| row_of_pivot[i]).collect();
            existing.sort_unstable();
            existing.dedup();
            let id = match existing.first() {
                Some(&id) => id,
                None => {
                    rows.push(Row {
                        members: vec![Vec::new(); documents.len()],
                        by: link.by,
                        confidence: link.confidence,
                        position: link.a[0] as f64,
                    });
                    rows.len() - 1
                }
            };
            for &other in existing.iter().skip(1) {
                let moved = std::mem::take(&mut rows[other].members);
                for (d, ids) in moved.into_iter().enumerate() {
                    for i in ids {
                        if d == 0 {
                            row_of_pivot[i] = Some(id);
                        }
                        if !rows[id].members[d].contains(&i) {
                            rows[id].members[d].push(i);
                        }
                    }
                }
                rows[other].members = vec![Vec::new(); documents.len()];
                rows[id].position = rows[id].position.min(rows[other].position);
            }
            let row = &mut rows[id];
            for &i in &link.a {
                if !row.members[0].contains(&i) {
                    row.members[0].push(i);
                }
                row_of_pivot[i] = Some(id);
            }
            row.members[doc].extend(&link.b);
            if link.by.is_some() {
                // The weakest pairing in the row describes it.
                if row.by.is_none() || link.confidence < row.confidence {
                    row.by = link.by;
                    row.confidence = link.confidence;
                }
            }
        }
    }
    // Pivot blocks no link mentioned (only possible with one document).
    for (i, row) in row_of_pivot.iter().enumerate() {
        if row.is_none() {
            let mut members = vec![Vec::new(); documents.len()];
            members[0].push(i);
            rows.push(Row {
                members,
                by: None,
                confidence: 0.0,
                position: i as f64,
            });
        }
    }
    rows.retain(|r| r.members.iter().any(|m| !m.is_empty()));
    rows.sort_by(|x, y| x.position.total_cmp(&y.position));
    // Blocks the pivot lacks, found at the same place in several documents, are one another's
    // counterparts (the adoption notes of the Russian and Chinese texts that the English one
    // lacks): zip them in order into shared rows.
    let mut merged: Vec<Row> = Vec::new();
    for row in rows {
        let pivotless = row.members[0].is_empty();
        let joins = pivotless
            && merged.last().is_some_and(|last: &Row| {
                last.members[0].is_empty()
                    && last.position.floor() == row.position.floor()
                    && row
                        .members
                        .iter()
                        .zip(&last.members)
                        .all(|(a, b)| a.is_empty() || b.is_empty())
            });
        if joins {
            let last = merged.last_mut().expect("checked above");
            for (slot, ids) in last.members.iter_mut().zip(row.members) {
                slot.extend(ids);
            }
            last.by = Some(MatchedBy::Position);
            last.confidence = 0.5;
        } else {
            merged.push(row);
        }
    }
    merged
        .into_iter()
        .map(|r| {
            let any_pair = r.members.iter().filter(|m| !m.is_empty()).count() > 1;
            Pair {
                blocks: r
                    .members
                    .iter()
                    .enumerate()
                    .map(|(d, ids)| {
                        let mut ids = ids.clone();
                        ids.sort_unstable();
                        ids.iter()
                            .map(|&i| documents[d].2.blocks[i].clone())
                            .collect()
                    })
                    .collect(),
                matched_by: if any_pair { r.by } else { None },
                confidence: if any_pair { r.confidence } else { 0.0 },
                findings: Vec::new(),
            }
        })
        .collect()
}

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

fn numbers_text(numbers: &BTreeMap<u64, usize>) -> String {
    numbers
        .iter()
        .flat_map(|(n, c)| std::iter::repeat_n(n.to_string(), *c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The QA checks of one row, each comparing the pivot with another document.
fn check(pair: &Pair, docs: &[DocumentInfo]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let pivot = &pair.blocks[0];
    let lang = |d: usize| docs[d].language.clone();
    for (d, blocks) in pair.blocks.iter().enumerate() {
        for b in blocks {
            if b.kind == BlockType::Paragraph && b.text.trim().is_empty() {
                findings.push(Finding {
                    check: Check::Empty,
                    message: format!(
                        "{}: {} is empty",
                        lang(d),
                        describe(std::slice::from_ref(b))
                    ),
                });
            }
        }
    }
    for (d, other) in pair.blocks.iter().enumerate().skip(1) {
        match (pivot.is_empty(), other.is_empty()) {
            (true, true) => continue,
            (false, true) => {
                findings.push(Finding {
                    check: Check::Missing,
                    message: format!(
                        "{} has no counterpart for {} {}",
                        lang(d),
                        lang(0),
                        describe(pivot)
                    ),
                });
                continue;
            }
            (true, false) => {
                findings.push(Finding {
                    check: Check::Missing,
                    message: format!(
                        "{} has no counterpart for {} {}",
                        lang(0),
                        lang(d),
                        describe(other)
                    ),
                });
                continue;
            }
            (false, false) => {}
        }
        if pivot.len() != other.len() {
            let (more, fewer) = if pivot.len() > other.len() {
                (0, d)
            } else {
                (d, 0)
            };
            findings.push(Finding {
                check: Check::Missing,
                message: format!(
                    "{} {} correspond to one block in {}: {}",
                    lang(more),
                    describe(&pair.blocks[more]),
                    lang(fewer),
                    describe(&pair.blocks[fewer])
                ),
            });
        }
        let heading_a = pivot.iter().any(Block::is_heading);
        let heading_b = other.iter().any(Block::is_heading);
        // An unnumbered short line may be read as a heading in one language and a paragraph
        // in another (Arabic has no capitals to tell): only numbered headings are structure
        // enough to report.
        let numbered = pivot
            .iter()
            .chain(other.iter())
            .any(|b| b.is_heading() && b.number.is_some());
        if heading_a != heading_b && numbered {
            findings.push(Finding {
                check: Check::Heading,
                message: format!(
                    "a heading in {} is a paragraph in {}: {} / {}",
                    lang(if heading_a { 0 } else { d }),
                    lang(if heading_a { d } else { 0 }),
                    describe(pivot),
                    describe(other)
                ),
            });
        } else if heading_a && pivot[0].level != other[0].level {
            findings.push(Finding {
                check: Check::Heading,
                message: format!(
                    "heading level {} in {} but {} in {}: {} / {}",
                    pivot[0].level.unwrap_or(0),
                    lang(0),
                    other[0].level.unwrap_or(0),
                    lang(d),
                    describe(pivot),
                    describe(other)
                ),
            });
        }
        let text_a: String = pivot
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let text_b: String = other
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let (na, nb) = (anchors::numbers(&text_a), anchors::numbers(&text_b));
        if na != nb {
            let only =
                |x: &BTreeMap<u64, usize>, y: &BTreeMap<u64, usize>| -> BTreeMap<u64, usize> {
                    x.iter()
                        .filter_map(|(k, n)| {
                            let extra = n.saturating_sub(y.get(k).copied().unwrap_or(0));
                            (extra > 0).then_some((*k, extra))
                        })
                        .collect()
                };
            let (in_a, in_b) = (only(&na, &nb), only(&nb, &na));
            let side = |l: String, n: &BTreeMap<u64, usize>| {
                if n.is_empty() {
                    format!("{l} has none of them")
                } else {
                    format!("{l} has {}", numbers_text(n))
                }
            };
            findings.push(Finding {
                check: Check::Numbers,
                message: format!(
                    "numbers differ in {} / {}: {}; {}",
                    describe(pivot),
                    describe(other),
                    side(lang(0), &in_a),
                    side(lang(d), &in_b)
                ),
            });
        }
        if docs[0].language != docs[d].language
            && text_a.split_whitespace().count() >= 3
            && text_a.to_lowercase() == text_b.to_lowercase()
        {
            findings.push(Finding {
                check: Check::Untranslated,
                message: format!(
                    "{} {} reads the same as in {}: not translated?",
                    lang(d),
                    describe(other),
                    lang(0)
                ),
            });
        }
    }
    findings
}

/// The length check needs the documents' overall ratio, so it runs over the finished rows.
fn length_findings(alignment: &mut Alignment) {
    let n = alignment.documents.len();
    let mut totals = vec![0f64; n];
    for p in &alignment.pairs {
        if p.blocks.iter().all(|b| !b.is_empty()) {
            for (d, blocks) in p.blocks.iter().enumerate() {
                totals[d] += blocks
                    .iter()
                    .map(|b| b.text.chars().count() as f64)
                    .sum::<f64>();
            }
        }
    }
    for p in &mut alignment.pairs {
        if p.blocks.iter().any(Vec::is_empty) || p.matched_by.is_none() {
            continue;
        }
        let la: f64 = p.blocks[0]
            .iter()
            .map(|b| b.text.chars().count() as f64)
            .sum();
        for d in 1..n {
            let lb: f64 = p.blocks[d]
                .iter()
                .map(|b| b.text.chars().count() as f64)
                .sum();
            let ratio = if totals[0] > 0.0 {
                totals[d] / totals[0]
            } else {
                1.0
            };
            let expected = la * ratio;
            // Only long passages: short ones vary too much to say anything.
            if expected.max(lb) < 150.0 {
                continue;
            }
            let r = lb / expected.max(1.0);
            if !(0.45..=2.2).contains(&r) {
                let lang = &alignment.documents[d].language;
                p.findings.push(Finding {
                    check: Check::Length,
                    message: format!(
                        "{lang} {} is {:.0}% of the length expected from {} {}: possible omission or addition",
                        describe(&p.blocks[d]),
                        r * 100.0,
                        alignment.documents[0].language,
                        describe(&p.blocks[0])
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{self, Options};

    /// Every block of both sides in exactly one link.
    fn assert_covered(links: &[Link], n: usize, m: usize) {
        let mut a: Vec<usize> = links.iter().flat_map(|l| l.a.clone()).collect();
        let mut b: Vec<usize> = links.iter().flat_map(|l| l.b.clone()).collect();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, (0..n).collect::<Vec<_>>());
        assert_eq!(b, (0..m).collect::<Vec<_>>());
    }

    /// One side with many times the paragraphs of the other puts the diagonal more than a
    /// band's width apart from row to row; every block must still land in a link.
    #[test]
    fn a_lopsided_stretch_keeps_every_block() {
        let paragraphs = |count: usize, word: &str| {
            (0..count)
                .map(|k| format!("{word} paragraph {k} of a text without numbers."))
                .collect::<Vec<_>>()
                .join("\n\n")
        };
        for (n, m) in [(1, 96), (96, 1), (2, 300), (3, 3 * BAND * 2 + 7)] {
            let a = normalize::document(paragraphs(n, "one"), &Options::default());
            let b = normalize::document(paragraphs(m, "two"), &Options::default());
            assert_eq!((a.blocks.len(), b.blocks.len()), (n, m));
            let links = gap(&a.blocks, &b.blocks, 0, 0, 1.0);
            assert_covered(&links, n, m);
        }
    }
}
