//! References across a revision: one entry point, [`check`], from two versions and their
//! comparison to one [`References`], the `accord.refs/1` contract.
//!
//! Every citation of a numbered unit in the new version ([`cite`]) is resolved through the
//! comparison's pairing. A citation the revision left as it was, whose target was
//! renumbered, is **stale** (and the new number is suggested); one whose target was removed,
//! or that cites a number the new version does not have, is **dangling**; one changed along
//! with its target, or whose target kept its number, is **ok**. Citations of other
//! instruments are recognised and left alone.

#![warn(missing_docs)]

pub mod cite;

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diff::Comparison;
use crate::model::{Block, Version};

/// The `schema` field of [`References`].
pub const SCHEMA: &str = "accord.refs/1";

/// What a citation's target became.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Left as it was while its target was renumbered: it points at another unit now.
    Stale,
    /// Its target was removed, or the new version has no unit of that number.
    Dangling,
    /// It points where it did (or was updated along with its target).
    Ok,
}

impl Status {
    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Stale => "stale",
            Status::Dangling => "dangling",
            Status::Ok => "ok",
        }
    }
}

/// One cited number in the new version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Reference {
    /// What its target became.
    pub status: Status,
    /// The 1-based line of the new version where the citation stands.
    pub line: usize,
    /// The number as cited.
    pub target: String,
    /// What it should cite now: the target's new number (stale references only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggest: Option<String>,
    /// The unit word as written (`Artikel`, `paragraph`, `§§`, `第…条`).
    pub unit: String,
    /// Whether the citation was changed by the revision along with its target's number.
    pub updated: bool,
    /// The cited unit's number in the old version, where the citation stood there too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
    /// The citation in its words: the text around it.
    pub context: String,
}

/// Counts of the references by status, and of those left alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    /// References left pointing at a renumbered unit.
    pub stale: usize,
    /// References to a unit that is gone.
    pub dangling: usize,
    /// References that point where they should.
    pub ok: usize,
    /// Citations of other instruments, or of numbers neither version has: not resolved.
    pub external: usize,
}

/// The `accord.refs/1` contract: the internal references of a new version, resolved
/// through its comparison with the old.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct References {
    /// Always `"accord.refs/1"`.
    pub schema: String,
    /// The old version's label.
    pub old: String,
    /// The new version's label.
    pub new: String,
    /// Every internal reference of the new version, in its order.
    pub references: Vec<Reference>,
    /// Counts.
    pub summary: Summary,
}

impl References {
    /// Whether any reference is stale or dangling: what fails a run.
    pub fn broken(&self) -> bool {
        self.summary.stale + self.summary.dangling > 0
    }
}

/// Which numbered units a citation means: the document's numbered headings (articles,
/// sections) or its numbered paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    Heading,
    Paragraph,
}

fn kind_of(block: &Block) -> Kind {
    if block.is_heading() {
        Kind::Heading
    } else {
        Kind::Paragraph
    }
}

/// The unit words of a version's numbered headings, lower case (`art` for `Art 93`,
/// `§` for `§ 1`): a citation with such a word means a heading.
fn heading_units(version: &Version) -> Vec<String> {
    let mut units: Vec<String> = version
        .document
        .blocks
        .iter()
        .filter(|b| b.is_heading() && b.number.is_some())
        .filter_map(|b| {
            let first = b.label.split_whitespace().next()?;
            let word = first.trim_end_matches('.').to_lowercase();
            (word.chars().any(char::is_alphabetic) || word == "§").then_some(word)
        })
        .collect();
    units.sort();
    units.dedup();
    units
}

/// The words of a version's title (its first heading), by which it names itself
/// (`Grundgesetz`), lower case.
fn title_words(version: &Version) -> Vec<String> {
    version
        .document
        .blocks
        .iter()
        .find(|b| b.is_heading())
        .map(|b| {
            b.text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4)
                .map(str::to_lowercase)
                .collect()
        })
        .unwrap_or_default()
}

/// Which kind of unit a citation's word means in a version with these heading units: one
/// of its heading units, or a paragraph word (`paragraph`, `Absatz`, `пункт`) for its
/// numbered paragraphs. `None` for another unit word in a version whose headings use their
/// own (`Artikel 28` in a law of `§`s): that cites another instrument.
fn cited_kind(unit: &str, headings: &[String], has_paragraphs: bool) -> Option<Kind> {
    let heading = unit.starts_with('第') || headings.iter().any(|h| cite::same_unit(unit, h));
    if heading {
        Some(Kind::Heading)
    } else if has_paragraphs && cite::is_paragraph_word(unit) {
        Some(Kind::Paragraph)
    } else if !headings.is_empty() {
        None
    } else if has_paragraphs {
        Some(Kind::Paragraph)
    } else {
        Some(Kind::Heading)
    }
}

/// Resolve every internal reference of `new` through the comparison of `old` with `new`.
pub fn check(old: &Version, new: &Version, comparison: &Comparison) -> References {
    let has_paragraphs = |v: &Version| {
        v.document
            .blocks
            .iter()
            .any(|b| !b.is_heading() && b.number.is_some())
    };
    let reading = Reading {
        pairing: Pairing::of(comparison),
        units: heading_units(old)
            .into_iter()
            .chain(heading_units(new))
            .collect(),
        titles: title_words(old)
            .into_iter()
            .chain(title_words(new))
            .collect(),
        paragraphs: has_paragraphs(old) || has_paragraphs(new),
        lines: new.document.source.lines().collect(),
    };
    let mut references = Vec::new();
    let mut summary = Summary::default();
    for (position, block) in new.document.blocks.iter().enumerate() {
        // A heading's words name the unit it opens (`Art 74a und 75 (weggefallen)`): they
        // are its title, not a reference to it.
        if !block.is_heading() {
            reading.block(position, block, &mut references, &mut summary);
        }
    }
    References {
        schema: SCHEMA.to_string(),
        old: old.label.clone(),
        new: new.label.clone(),
        references,
        summary,
    }
}

/// What resolving citations needs of both versions.
struct Reading<'a> {
    pairing: Pairing<'a>,
    /// The unit words of both versions' numbered headings.
    units: Vec<String>,
    /// The words of both versions' titles.
    titles: Vec<String>,
    /// Whether either version numbers its paragraphs.
    paragraphs: bool,
    /// The new version's lines, to say where a citation stands.
    lines: Vec<&'a str>,
}

impl Reading<'_> {
    fn kind(&self, c: &cite::Citation) -> Option<Kind> {
        cited_kind(&c.unit, &self.units, self.paragraphs)
    }

    /// The citations of a block's text that can be resolved: internal, and of a number
    /// only one unit has (not the `(2)` of every article).
    fn resolvable(&self, text: &str) -> (Vec<(cite::Citation, Kind)>, usize) {
        let citations = cite::citations(text, &self.units, &self.titles);
        let external = citations
            .iter()
            .filter(|c| c.external || self.kind(c).is_none())
            .count();
        let internal = citations
            .into_iter()
            .filter(|c| !c.external)
            .filter_map(|c| self.kind(&c).map(|k| (c, k)))
            .filter(|(c, k)| self.pairing.unique(*k, &c.number))
            .collect();
        (internal, external)
    }

    /// The references of one block of the new version at `position`.
    fn block(
        &self,
        position: usize,
        block: &Block,
        out: &mut Vec<Reference>,
        summary: &mut Summary,
    ) {
        let (internal, external) = self.resolvable(&block.text);
        summary.external += external;
        // The same citations in the block's old self, in order, to tell a citation the
        // revision left alone from one it updated.
        let old_citations: Vec<(cite::Citation, Kind)> =
            match self.pairing.old_of_new.get(&position) {
                Some(olds) if !internal.is_empty() => olds
                    .iter()
                    .flat_map(|b| self.resolvable(&b.text).0)
                    .collect(),
                _ => Vec::new(),
            };
        // A paragraph the revision rewrote was read by its drafters: a citation in it that
        // still names a unit the new version has is taken as meant.
        let rewritten = self.pairing.rewritten.contains(&position);
        for (k, (citation, kind)) in internal.iter().enumerate() {
            let before = old_citations
                .get(k)
                .filter(|(_, k)| k == kind)
                .map(|(c, _)| c);
            // A number neither version has a unit of cites something else (another
            // instrument named too far away to tell, a unit of a range): left alone.
            if !self.pairing.has(*kind, &citation.number) {
                summary.external += 1;
                continue;
            }
            let (mut status, mut suggest) = resolve(citation, before, *kind, &self.pairing);
            let exists = (*kind, citation.number.clone());
            if rewritten
                && status == Status::Stale
                && self.pairing.new_numbers.contains_key(&exists)
            {
                (status, suggest) = (Status::Ok, None);
            }
            match status {
                Status::Stale => summary.stale += 1,
                Status::Dangling => summary.dangling += 1,
                Status::Ok => summary.ok += 1,
            }
            let nth = occurrence(&block.text, citation);
            out.push(Reference {
                status,
                line: locate(&self.lines, block, &citation.number, nth),
                target: citation.number.clone(),
                suggest,
                unit: citation.unit.clone(),
                updated: before.is_some_and(|b| b.number != citation.number),
                was: before.map(|b| b.number.clone()),
                context: context(&block.text, citation.at),
            });
        }
    }
}

/// A citation's status and, for a stale one, the number it should cite.
fn resolve(
    citation: &cite::Citation,
    before: Option<&cite::Citation>,
    kind: Kind,
    pairing: &Pairing,
) -> (Status, Option<String>) {
    let exists_now = pairing
        .new_numbers
        .contains_key(&(kind, citation.number.clone()));
    let present = if exists_now {
        Status::Ok
    } else {
        Status::Dangling
    };
    // A new citation is fine when it cites a unit that is there.
    let Some(before) = before else {
        return (present, None);
    };
    match pairing.renumbering.get(&(kind, before.number.clone())) {
        // Its target was removed: fine only if it now cites one that is there.
        Some(None) => (present, None),
        Some(Some(now)) if *now == citation.number => (Status::Ok, None),
        // Left as it was, or changed to another number than its target's.
        Some(Some(now)) => (Status::Stale, Some(now.clone())),
        // Neither version has such a unit as a block of its own (it is part of a range, or
        // was never there): the revision did not break it.
        None if before.number == citation.number => (Status::Ok, None),
        None => (present, None),
    }
}

/// What the comparison says about numbers: each old numbered unit's new number (`None`
/// when it was removed), the old blocks each new block comes from, and the new version's
/// numbers.
struct Pairing<'a> {
    renumbering: HashMap<(Kind, String), Option<String>>,
    old_of_new: HashMap<usize, Vec<&'a Block>>,
    new_numbers: BTreeMap<(Kind, String), usize>,
    /// Numbers that more than one unit of a kind has, in either version.
    repeated: std::collections::HashSet<(Kind, String)>,
    /// New blocks whose text the revision changed (or split, or merged).
    rewritten: std::collections::HashSet<usize>,
}

impl<'a> Pairing<'a> {
    fn of(comparison: &'a Comparison) -> Pairing<'a> {
        let mut renumbering = HashMap::new();
        let mut old_of_new: HashMap<usize, Vec<&Block>> = HashMap::new();
        let mut new_numbers = BTreeMap::new();
        let mut seen: [std::collections::HashSet<(Kind, String)>; 2] = Default::default();
        let mut repeated = std::collections::HashSet::new();
        let mut rewritten = std::collections::HashSet::new();
        for entry in &comparison.entries {
            for (side, blocks) in [(0, &entry.old), (1, &entry.new)] {
                for b in blocks.iter() {
                    if let Some(n) = &b.number
                        && !seen[side].insert((kind_of(b), n.clone()))
                    {
                        repeated.insert((kind_of(b), n.clone()));
                    }
                }
            }
            if entry.kind != crate::diff::Kind::Unchanged {
                rewritten.extend(entry.new_positions.iter().copied());
            }
            for (block, &position) in entry.new.iter().zip(&entry.new_positions) {
                if let Some(n) = &block.number {
                    new_numbers.insert((kind_of(block), n.clone()), position);
                }
                old_of_new
                    .entry(position)
                    .or_default()
                    .extend(entry.old.iter());
            }
            for old in &entry.old {
                let Some(n) = &old.number else { continue };
                let kind = kind_of(old);
                let now = entry
                    .new
                    .iter()
                    .find(|b| kind_of(b) == kind)
                    .and_then(|b| b.number.clone());
                let now = if entry.new.is_empty() {
                    None
                } else {
                    now.or(Some(n.clone()))
                };
                renumbering.entry((kind, n.clone())).or_insert(now);
            }
        }
        Pairing {
            renumbering,
            old_of_new,
            new_numbers,
            repeated,
            rewritten,
        }
    }

    /// Whether either version has a unit of this kind and number.
    fn has(&self, kind: Kind, number: &str) -> bool {
        let key = (kind, number.to_string());
        self.new_numbers.contains_key(&key) || self.renumbering.contains_key(&key)
    }

    /// Whether a number names one unit of its kind only, in both versions.
    fn unique(&self, kind: Kind, number: &str) -> bool {
        !self.repeated.contains(&(kind, number.to_string()))
    }
}

/// Where `number` stands as a word in `text`, in order.
fn whole_matches<'t>(text: &'t str, number: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(number).filter_map(move |(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        (!before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric))
            .then_some(at)
    })
}

/// How many times the citation's number stands in its block's text before the citation.
fn occurrence(text: &str, citation: &cite::Citation) -> usize {
    whole_matches(text, &citation.number)
        .take_while(|&at| at < citation.at)
        .count()
}

/// The line of the new version where the `nth` (from 0) occurrence of `number` in `block`
/// stands: counted over the block's lines, from its first; the block's first line when the
/// source writes it otherwise (a reader that rewrote the text).
fn locate(lines: &[&str], block: &Block, number: &str, nth: usize) -> usize {
    let start = block.line.max(1);
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate().skip(start - 1).take(400) {
        if i + 1 > start && line.trim().is_empty() {
            break;
        }
        let here = whole_matches(line, number).count();
        if seen + here > nth {
            return i + 1;
        }
        seen += here;
    }
    start
}

/// A few words either side of a citation.
fn context(text: &str, at: usize) -> String {
    let start = text[..at]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(3)
        .map_or(0, |(i, _)| i + 1);
    let end = text[at..]
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(4)
        .map_or(text.len(), |(i, _)| at + i);
    text[start..end].to_string()
}
