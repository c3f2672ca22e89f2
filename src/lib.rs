//! accord compares versions and translations of numbered documents — declarations,
//! treaties, charters, resolutions, laws — paragraph by paragraph.
//!
//! The pipeline, one module a stage, dependencies pointing down the list:
//! - [`source`] reads bytes (files, stdin) and decodes them;
//! - [`normalize`] turns text into a [`model::Document`] of headings and paragraphs;
//! - [`align`] pairs the blocks of two versions;
//! - [`diff`] computes paragraph- and word-level changes into one [`diff::Comparison`];
//! - [`report`] renders results as terminal text or JSON.
//!
//! ```
//! let text = "1. GENERAL\n\n1. The Parties agree.\n\n2. They cooperate.\n";
//! let doc = accord::normalize::document(text, &accord::normalize::Options::default());
//! assert_eq!(doc.headings().count(), 1);
//! assert_eq!(doc.paragraphs().count(), 2);
//! ```

pub mod align;
pub mod cli;
pub mod diff;
pub mod history;
pub mod manifest;
pub mod model;
pub mod normalize;
pub mod report;
pub mod schemas;
pub mod source;
pub mod text;
pub mod translation;
