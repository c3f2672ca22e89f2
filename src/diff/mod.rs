//! The diff engine: one entry point, [`compare`], from two versions to one [`Comparison`] —
//! the `accord.diff/1` contract every report renders.
//!
//! The steps: pair the blocks (`pairing`, on the aligner), order the
//! pairs as entries in the new version's order (`entries`), flag the pairs
//! that left their place (`moves`), and diff the words of every changed,
//! split and merged entry (`words`).

#![warn(missing_docs)]

mod entries;
mod moves;
mod pairing;
pub mod scope;
mod words;

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::align::MatchedBy;
use crate::model::{Block, Version};
use entries::{BlockPool, Blocks};
pub use pairing::key;
pub use words::{WordDiff, join_texts, rebuild, word_diff};

/// The `schema` field of a [`Comparison`].
pub const SCHEMA: &str = "accord.diff/1";

/// What counts as a difference.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Options {
    /// Treat upper and lower case as the same.
    pub ignore_case: bool,
    /// Ignore punctuation differences.
    pub ignore_punctuation: bool,
    /// Report differences of whitespace, quote and dash style, full-width and half-width forms
    /// and repaired PDF damage too.
    pub strict: bool,
}

/// The `accord.diff/1` contract: two versions compared block by block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Comparison {
    /// Always `"accord.diff/1"`.
    pub schema: String,
    /// The old version.
    pub old: Side,
    /// The new version.
    pub new: Side,
    /// What counted as a difference.
    pub options: Options,
    /// Entries by kind, and how many moved or were renumbered.
    pub summary: Summary,
    /// With `--allow`: the allow list and the changes outside it. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<scope::Scope>,
    /// Every block of each version in exactly one entry; in the new version's order, removed
    /// blocks at their old place.
    pub entries: Vec<Entry>,
}

/// One version as the comparison names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Side {
    /// The input as named on the command line.
    pub label: String,
    /// Number of blocks.
    pub blocks: usize,
    /// Heading titles by section number, for naming sections in reports.
    #[serde(default)]
    pub sections: BTreeMap<String, String>,
}

/// How many entries of each kind a comparison has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    /// Entries whose text is the same (up to what is ignored).
    pub unchanged: usize,
    /// One block against one, with other words.
    pub changed: usize,
    /// Blocks only the new version has.
    pub added: usize,
    /// Blocks only the old version has.
    pub removed: usize,
    /// One old block become several.
    pub split: usize,
    /// Several old blocks become one.
    pub merged: usize,
    /// Entries out of the order of those around them.
    pub moved: usize,
    /// Entries whose number changed.
    pub renumbered: usize,
}

impl Summary {
    /// The counts of a list of entries.
    pub fn of(entries: &[Entry]) -> Summary {
        let mut summary = Summary::default();
        for e in entries {
            let count = match e.kind {
                Kind::Unchanged => &mut summary.unchanged,
                Kind::Changed => &mut summary.changed,
                Kind::Added => &mut summary.added,
                Kind::Removed => &mut summary.removed,
                Kind::Split => &mut summary.split,
                Kind::Merged => &mut summary.merged,
            };
            *count += 1;
            summary.moved += usize::from(e.moved);
            summary.renumbered += usize::from(e.renumbered);
        }
        summary
    }

    /// The counts in reading order, each with its name: differences first, unchanged last.
    pub fn counts(&self) -> [(&'static str, usize); 8] {
        [
            ("changed", self.changed),
            ("added", self.added),
            ("removed", self.removed),
            ("split", self.split),
            ("merged", self.merged),
            ("moved", self.moved),
            ("renumbered", self.renumbered),
            ("unchanged", self.unchanged),
        ]
    }

    /// The non-zero counts as `4 changed, 1 added`, unchanged ones included or not.
    pub fn describe(&self, with_unchanged: bool) -> Option<String> {
        let listed: Vec<String> = self
            .counts()
            .iter()
            .filter(|(name, n)| *n > 0 && (with_unchanged || *name != "unchanged"))
            .map(|(name, n)| format!("{n} {name}"))
            .collect();
        (!listed.is_empty()).then(|| listed.join(", "))
    }
}

/// What happened to the blocks of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The same text (up to what is ignored).
    Unchanged,
    /// One block against one, with other words.
    Changed,
    /// A block only the new version has.
    Added,
    /// A block only the old version has.
    Removed,
    /// One old block become several.
    Split,
    /// Several old blocks become one.
    Merged,
}

impl Kind {
    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Unchanged => "unchanged",
            Kind::Changed => "changed",
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Split => "split",
            Kind::Merged => "merged",
        }
    }
}

/// What a word of a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

impl Op {
    /// The name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Equal => "equal",
            Op::Delete => "delete",
            Op::Insert => "insert",
        }
    }
}

/// A run of words of one [`Op`], with the whitespace after them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Word {
    /// Whether the words are equal, deleted or inserted.
    pub op: Op,
    /// The words as the new text spells them (the old text for deleted words).
    pub text: String,
    /// On an equal word, the old version's spelling where it differs only in what the
    /// comparison ignores (quote style, case): `text` shows the new spelling unhighlighted,
    /// and this keeps the old text rebuildable exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
}

/// Blocks of the old version paired with blocks of the new, and what happened to them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entry {
    /// What happened to the blocks.
    pub kind: Kind,
    /// The entry is out of the order of those around it.
    pub moved: bool,
    /// The number changed.
    pub renumbered: bool,
    /// How the blocks were paired; null for added and removed blocks.
    pub matched_by: Option<MatchedBy>,
    /// How much of the words the two sides share, from 0 to 1 (1 when unchanged, 0 when
    /// added or removed).
    pub similarity: f64,
    /// The old version's blocks: none when added, several when merged.
    pub old: Vec<Block>,
    /// The new version's blocks: none when removed, several when split.
    pub new: Vec<Block>,
    /// The word diff, on changed, split and merged entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<Word>>,
    /// Set when the word diff ran out of time and shows the texts as one replacement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<String>,
    /// Where `old`'s blocks are in the old version: indices into its blocks, from 0.
    #[serde(default)]
    pub old_positions: Vec<usize>,
    /// Where `new`'s blocks are in the new version: indices into its blocks, from 0.
    #[serde(default)]
    pub new_positions: Vec<usize>,
}

impl Entry {
    /// Whether this entry is a difference at all.
    pub fn differs(&self) -> bool {
        self.kind != Kind::Unchanged || self.moved || self.renumbered
    }
}

/// Compare two versions. Versions given by value have their blocks moved into the entries
/// that report them, so the comparison costs no copy of either text; borrowed ones are
/// copied block by block.
pub fn compare<'a>(
    old: impl Into<Cow<'a, Version>>,
    new: impl Into<Cow<'a, Version>>,
    options: &Options,
) -> Comparison {
    let (old, new) = (old.into(), new.into());
    // The section titles of each side are independent of the pairing: gathered on another
    // core meanwhile.
    let (pairing, (old_sections, new_sections)) = rayon::join(
        || pairing::pair_blocks(&old.document, &new.document, options),
        || {
            rayon::join(
                || entries::section_titles(&old.document),
                || entries::section_titles(&new.document),
            )
        },
    );
    let order = entries::order(&pairing.pairs, old.document.blocks.len());
    let moved = moves::moved_flags(&pairing.pairs, &order);
    let old_side = side(&old, old_sections);
    let new_side = side(&new, new_sections);
    let plan = entries::Plan {
        pairs: &pairing.pairs,
        order: &order,
        unchanged: &pairing.unchanged,
        moved: &moved,
    };
    let mut entries = entries::build(&plan, blocks_of(old), blocks_of(new));
    drop(pairing);
    words::diff_entries(&mut entries, options);
    Comparison {
        schema: SCHEMA.to_string(),
        old: old_side,
        new: new_side,
        options: *options,
        summary: Summary::of(&entries),
        scope: None,
        entries,
    }
}

fn side(version: &Version, sections: BTreeMap<String, String>) -> Side {
    Side {
        label: version.label.clone(),
        blocks: version.document.blocks.len(),
        sections,
    }
}

fn blocks_of<'a>(version: Cow<'a, Version>) -> Blocks<'a> {
    match version {
        Cow::Owned(v) => Blocks::Owned(BlockPool::new(v.document.blocks)),
        Cow::Borrowed(v) => Blocks::Borrowed(&v.document.blocks),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::Version;
    use crate::normalize::{self, Options as NormalizeOptions};

    fn doc(text: &str) -> Version {
        Version::new("", normalize::document(text, &NormalizeOptions::default()))
    }

    #[test]
    fn word_diff_rebuilds_both_sides() {
        let WordDiff {
            words,
            similarity,
            fallback,
        } = word_diff(
            "The Member States support it.",
            "The States firmly support it!",
            &Options::default(),
        );
        let (old, new) = rebuild(&words);
        assert_eq!(old, "The Member States support it.");
        assert_eq!(new, "The States firmly support it!");
        assert!(similarity > 0.7 && similarity < 1.0);
        assert!(fallback.is_none());
    }

    #[test]
    fn ignored_spellings_show_the_new_one_and_keep_the_old() {
        let options = Options {
            ignore_case: true,
            ..Options::default()
        };
        let old = "The S`CO, the Organization's members agree.";
        let new = "the S’CO, the Organization’s Members now agree.";
        let words = word_diff(old, new, &options).words;
        assert_eq!(rebuild(&words), (old.to_string(), new.to_string()));
        assert_eq!(words[0].op, Op::Equal);
        assert_eq!(words[0].text, "the S’CO, the Organization’s Members ");
        assert_eq!(
            words[0].old.as_deref(),
            Some("The S`CO, the Organization's members ")
        );
        assert!(
            words
                .iter()
                .filter(|w| w.op == Op::Equal)
                .nth(1)
                .unwrap()
                .old
                .is_none(),
            "a spelling that does not differ carries no old one: {words:?}"
        );
    }

    #[test]
    fn huge_paragraphs_get_a_coarse_diff_that_still_rebuilds_both() {
        let old = "word ".repeat(1_000_000);
        let new = format!(
            "{}changed {}",
            "word ".repeat(500_000),
            "word ".repeat(499_999)
        );
        let WordDiff {
            words,
            similarity,
            fallback: note,
        } = word_diff(&old, &new, &Options::default());
        let (rebuilt_old, rebuilt_new) = rebuild(&words);
        assert_eq!(rebuilt_old, old);
        assert_eq!(rebuilt_new, new);
        assert!(note.is_some() && similarity > 0.9);
    }

    #[test]
    fn renumbered_only_is_unchanged_and_renumbered() {
        let old = doc("1. A\n\n1. First paragraph text.\n\n2. Second paragraph text.\n");
        let new = doc(
            "1. A\n\n1. Inserted paragraph here.\n\n2. First paragraph text.\n\n3. Second paragraph text.\n",
        );
        let c = compare(&old, &new, &Options::default());
        assert_eq!(c.summary.added, 1);
        assert_eq!(c.summary.unchanged, 3);
        assert_eq!(c.summary.renumbered, 2);
        assert_eq!(c.summary.changed, 0);
        assert_eq!(c.entries[1].kind, Kind::Added);
    }

    #[test]
    fn quote_and_dash_style_ignored_unless_strict() {
        let old = doc("1. The “Shanghai spirit” – trust.\n");
        let new = doc("1. The \"Shanghai spirit\" - trust.\n");
        assert_eq!(
            compare(&old, &new, &Options::default()).summary.unchanged,
            1
        );
        let strict = Options {
            strict: true,
            ..Options::default()
        };
        assert_eq!(compare(&old, &new, &strict).summary.changed, 1);
    }
}
