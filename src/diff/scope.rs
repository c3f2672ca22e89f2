//! The scope a revision was agreed to stay within (`--allow 12-15,4.2,Art 93`), and the
//! changes that fall outside it. A change is inside when one of its blocks, old or new, is
//! numbered within the list, or stands in an allowed section. Renumbering alone is no
//! change, so the paragraphs an allowed insertion pushes down are never outside.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Comparison, Entry, Kind};
use crate::model::Block;

/// One item of an allow list.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    /// A paragraph or heading number (`12`, `87a`).
    Number(String),
    /// Numbers from one to another, both included (`12-15`).
    Range(u64, u64),
    /// A section: its heading and everything under it (`4.2`, `Art 93`, `Chapter III`).
    Section(String),
}

/// An allow list, as `--allow` takes it: numbers, ranges and sections, comma-separated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowList {
    spec: String,
    items: Vec<Item>,
}

/// The changes of a comparison outside its allow list: part of `accord.diff/1` when
/// `--allow` is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Scope {
    /// The allow list as given.
    pub allow: String,
    /// The entries (indices into `entries`) that change something outside it.
    pub outside: Vec<usize>,
}

impl AllowList {
    /// Read `12-15,4.2,Art 93`: a number, a range of numbers, a dotted section number, or a
    /// unit word and a number (a section by its heading).
    pub fn parse(spec: &str) -> Result<AllowList, String> {
        let mut items = Vec::new();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let item = if let Some((from, to)) = part.split_once(['-', '–'])
                && let (Ok(a), Ok(b)) = (from.trim().parse::<u64>(), to.trim().parse::<u64>())
            {
                if a > b {
                    return Err(format!("{part:?}: a range runs from the lower number"));
                }
                Item::Range(a, b)
            } else if let Some((_, number)) = part.rsplit_once(char::is_whitespace) {
                Item::Section(number.trim_end_matches('.').to_string())
            } else if part.trim_end_matches('.').contains('.') {
                Item::Section(part.trim_end_matches('.').to_string())
            } else if part.chars().next().is_some_and(|c| c.is_ascii_digit())
                && part
                    .trim_end_matches('.')
                    .chars()
                    .all(char::is_alphanumeric)
            {
                Item::Number(part.trim_end_matches('.').to_string())
            } else {
                return Err(format!(
                    "{part:?} is not a number, a range (12-15), a section (4.2) or a unit and its number (Art 93)"
                ));
            };
            items.push(item);
        }
        if items.is_empty() {
            return Err("an empty allow list; give numbers, ranges or sections".to_string());
        }
        Ok(AllowList {
            spec: spec.to_string(),
            items,
        })
    }

    fn allows(&self, block: &Block) -> bool {
        let number = block.number.as_deref();
        let leading = number.and_then(|n| {
            let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u64>().ok()
        });
        self.items.iter().any(|item| match item {
            Item::Number(n) => number == Some(n.as_str()),
            Item::Range(a, b) => leading.is_some_and(|n| (*a..=*b).contains(&n)),
            Item::Section(s) => {
                number == Some(s.as_str()) && block.is_heading()
                    || block.section.iter().any(|path| path == s)
            }
        })
    }

    fn covers(&self, entry: &Entry) -> bool {
        entry.old.iter().chain(&entry.new).any(|b| self.allows(b))
    }

    /// The entries of `comparison` that change something outside the list.
    pub fn check(&self, comparison: &Comparison) -> Scope {
        let outside = comparison
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| changes(e) && !self.covers(e))
            .map(|(k, _)| k)
            .collect();
        Scope {
            allow: self.spec.clone(),
            outside,
        }
    }
}

/// Whether an entry changes the text or its order; renumbering alone does not.
fn changes(entry: &Entry) -> bool {
    entry.kind != Kind::Unchanged || entry.moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read_item_by_item() {
        let list = AllowList::parse("12-15, 4.2,Art 93, 7").unwrap();
        assert_eq!(
            list.items,
            [
                Item::Range(12, 15),
                Item::Section("4.2".into()),
                Item::Section("93".into()),
                Item::Number("7".into()),
            ]
        );
        assert!(AllowList::parse("").is_err());
        assert!(AllowList::parse("15-12").is_err());
        assert!(AllowList::parse("OP").is_err());
        assert!(AllowList::parse("12-").is_err());
    }
}
