//! accord compares versions and translations of numbered documents — declarations,
//! treaties, charters, resolutions, laws — paragraph by paragraph.
//!
//! The pipeline, one module a stage, each importing only the modules listed before it:
//! - [`text`] holds what every stage needs of Unicode: folding, widths, numerals, tokens;
//! - [`model`] is the document every stage shares: blocks, findings, repairs;
//! - [`source`] reads bytes (files, standard input, git history) and decodes them;
//! - [`normalize`] turns text into a [`model::Document`] of headings and paragraphs;
//! - [`align`] pairs the blocks of two versions;
//! - [`diff`] computes paragraph- and word-level changes into one [`diff::Comparison`];
//! - [`translation`] aligns language versions and checks each row;
//! - [`history`] follows paragraphs through a file's git history (log, blame, timeline);
//! - [`report`] renders every result as terminal text, JSON, HTML, Markdown, TSV or TMX.
//!
//! ```
//! use accord::model::Version;
//! use accord::normalize::{self, Options};
//!
//! let draft = "1. GENERAL\n\n1. The Parties agree.\n\n2. They cooperate.\n";
//! let final_text = "1. GENERAL\n\n1. The Parties agree.\n\n2. They cooperate closely.\n";
//! let old = Version::new("draft", normalize::document(draft, &Options::default()));
//! let new = Version::new("final", normalize::document(final_text, &Options::default()));
//! assert_eq!(old.document.headings().count(), 1);
//! let comparison = accord::diff::compare(&old, &new, &accord::diff::Options::default());
//! assert_eq!(comparison.summary.changed, 1);
//! assert_eq!(comparison.summary.unchanged, 2);
//! ```

pub mod align;
pub mod diff;
pub mod history;
pub mod model;
pub mod normalize;
pub mod refs;
pub mod report;
pub mod source;
pub mod text;
pub mod translation;
