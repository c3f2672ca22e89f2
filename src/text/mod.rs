//! Text utilities every stage shares, and the leaf of the pipeline: it depends on no other
//! module of accord.
//!
//! - [`collapse`](mod@collapse): whitespace and invisible characters, and the collapsed text a block shows;
//! - [`fold`](mod@fold): typographic variants (quotes, dashes, full-width forms) folded for matching;
//! - [`numerals`]: Chinese and Roman numerals, and digits of other scripts read as ASCII;
//! - [`punctuation`]: the punctuation that ends prose in the scripts accord meets;
//! - [`tokens`]: words, punctuation marks and single Han characters, for word diffs;
//! - [`width`](mod@width): width in terminal columns, East Asian wide characters counting two.

#![warn(missing_docs)]

pub mod collapse;
pub mod fold;
pub mod numerals;
pub mod punctuation;
pub mod tokens;
pub mod width;

pub use collapse::{Collapser, collapse, is_collapsed, is_invisible, is_unicode_space};
pub use fold::{fold, fold_char};
pub use punctuation::{is_sentence_end, is_terminal_punctuation, last_significant_char};
pub use width::{truncate_words, wider_than, width};
