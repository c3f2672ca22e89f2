//! [`Text`]: a block's normalized text, shared with the document's source where the two
//! read the same.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A block's normalized text. Most paragraphs read exactly as their source does (one line,
/// single spaces, composed characters); their text is then a range of the document's source,
/// shared rather than copied, so a large document costs little more than its own size.
/// Anything rewritten (lines joined, spaces collapsed, repairs) holds its own string. It reads
/// as a `str` either way, and serialises as a JSON string.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Shared {
        source: Arc<String>,
        start: u32,
        end: u32,
    },
    Owned(Box<str>),
}

impl Text {
    /// `source[range]`, shared. Falls back to a copy where offsets exceed 32 bits (accord
    /// reads at most 1 GiB, but the library takes any string).
    pub fn shared(source: &Arc<String>, range: Range<usize>) -> Text {
        match (u32::try_from(range.start), u32::try_from(range.end)) {
            (Ok(start), Ok(end)) if source.get(range.clone()).is_some() => Text(Repr::Shared {
                source: Arc::clone(source),
                start,
                end,
            }),
            _ => Text::from(source.get(range).unwrap_or("")),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Shared { source, start, end } => &source[*start as usize..*end as usize],
            Repr::Owned(text) => text,
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text(Repr::Owned(Box::from("")))
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text(Repr::Owned(text.into_boxed_str()))
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text(Repr::Owned(Box::from(text)))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> Self {
        text.as_str().to_string()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Text::from)
    }
}

impl schemars::JsonSchema for Text {
    fn inline_schema() -> bool {
        <String as schemars::JsonSchema>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <String as schemars::JsonSchema>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <String as schemars::JsonSchema>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String as schemars::JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_and_owned_read_alike() {
        let source = Arc::new("1. Member States agree.".to_string());
        let shared = Text::shared(&source, 3..23);
        let owned = Text::from("Member States agree.");
        assert_eq!(shared, owned);
        assert_eq!(shared, "Member States agree.");
        assert_eq!(
            serde_json::to_string(&shared).unwrap(),
            serde_json::to_string(&owned).unwrap()
        );
        let back: Text = serde_json::from_str("\"Member States agree.\"").unwrap();
        assert_eq!(back, shared);
    }

    #[test]
    fn a_range_outside_the_source_is_empty_not_a_panic() {
        let source = Arc::new("short".to_string());
        assert_eq!(Text::shared(&source, 2..99), "");
    }
}
