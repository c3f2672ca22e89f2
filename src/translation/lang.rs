//! Language of a document from its script, and for Latin script from its commonest words.
//! Enough to label columns and pick TMX language codes; `--lang` overrides it.

use crate::model::Document;

/// Function words that tell Latin-script languages apart.
const LATIN_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &["the", "and", "of", "to", "in", "is", "shall", "with"],
    ),
    (
        "fr",
        &["le", "la", "les", "et", "des", "du", "est", "une", "dans"],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "zu", "den", "ist", "nicht", "mit",
        ],
    ),
    (
        "es",
        &["el", "los", "las", "y", "del", "que", "por", "una", "con"],
    ),
    ("it", &["il", "della", "che", "per", "una", "sono", "gli"]),
    ("pt", &["os", "das", "não", "uma", "com", "pelo", "são"]),
];

/// A BCP 47 code for the document's main language, or `und` when it cannot be told.
pub fn detect(document: &Document) -> String {
    let mut counts = [0usize; 8];
    let mut latin_words: Vec<String> = Vec::new();
    for block in document.blocks.iter().take(400) {
        for c in block.text.chars() {
            let slot = match c as u32 {
                0x0041..=0x024F if c.is_alphabetic() => 0,
                0x0400..=0x04FF => 1,
                0x4E00..=0x9FFF | 0x3400..=0x4DBF => 2,
                0x3040..=0x30FF => 3,
                0x0600..=0x06FF | 0x0750..=0x077F => 4,
                0xAC00..=0xD7AF => 5,
                0x0370..=0x03FF => 6,
                0x0590..=0x05FF => 7,
                _ => continue,
            };
            counts[slot] += 1;
        }
        latin_words.extend(
            block
                .text
                .split_whitespace()
                .take(60)
                .map(str::to_lowercase),
        );
    }
    let (best, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .unwrap_or((0, &0));
    if *n == 0 {
        return "und".to_string();
    }
    match best {
        1 => "ru".into(),
        // Kana beside Han is Japanese.
        2 if counts[3] * 10 > counts[2] => "ja".into(),
        2 => "zh".into(),
        3 => "ja".into(),
        4 => "ar".into(),
        5 => "ko".into(),
        6 => "el".into(),
        7 => "he".into(),
        _ => {
            let score = |words: &[&str]| {
                latin_words
                    .iter()
                    .filter(|w| words.contains(&w.as_str()))
                    .count()
            };
            LATIN_WORDS
                .iter()
                .map(|(code, words)| (score(words), *code))
                .max()
                .filter(|(s, _)| *s > 0)
                .map_or("und".to_string(), |(_, code)| code.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{self, Options};

    fn lang(text: &str) -> String {
        detect(&normalize::document(text, &Options::default()))
    }

    #[test]
    fn scripts_and_latin_languages() {
        assert_eq!(lang("Статья 1\n\nВсе люди рождаются свободными.\n"), "ru");
        assert_eq!(
            lang("第一条\n\n人人生而自由,在尊严和权利上一律平等。\n"),
            "zh"
        );
        assert_eq!(lang("المادة 1\n\nيولد جميع الناس أحرارًا.\n"), "ar");
        assert_eq!(
            lang("Article 1\n\nAll human beings are born free and equal in dignity and rights.\n"),
            "en"
        );
        assert_eq!(
            lang(
                "Article premier\n\nTous les êtres humains naissent libres et égaux en dignité et en droits.\n"
            ),
            "fr"
        );
        assert_eq!(
            lang("Artikel 1\n\nAlle Menschen sind frei und gleich an Würde und Rechten geboren.\n"),
            "de"
        );
        assert_eq!(
            lang(
                "Artículo 1\n\nTodos los seres humanos nacen libres e iguales en dignidad y derechos.\n"
            ),
            "es"
        );
    }
}
