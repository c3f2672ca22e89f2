//! Language of a document, by whatlang (trigram profiles of 69 languages and the scripts they
//! are written in): a maintained model tells Polish from English and Ukrainian from Russian,
//! which hand-kept word lists did not. Enough to label columns and pick TMX language codes;
//! `--lang` overrides it.

use crate::model::Document;

/// Text read for the guess: a few pages tell a language as well as the whole book.
const SAMPLE_BYTES: usize = 16_384;

/// A BCP 47 code for the document's main language, or `und` when it cannot be told.
pub fn detect(document: &Document) -> String {
    let mut sample = String::new();
    for block in &document.blocks {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(&block.text);
        sample.push('\n');
    }
    match whatlang::detect(&sample) {
        // An unreliable guess is no guess: a language whatlang does not know (Basque, Somali,
        // Swahili, Maltese, Uyghur) would be named as the nearest one it does.
        Some(info) if info.is_reliable() => bcp47(info.lang()).to_string(),
        _ => "und".to_string(),
    }
}

/// The shortest BCP 47 tag of a language: its ISO 639-1 code where it has one.
fn bcp47(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
        // A language added to whatlang later is still named, by its three-letter code.
        #[allow(unreachable_patterns)]
        other => other.code(),
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
        assert_eq!(
            lang(
                "Статья 1\n\nВсе люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью и должны поступать в отношении друг друга в духе братства.\n"
            ),
            "ru"
        );
        assert_eq!(
            lang(
                "第一条\n\n人人生而自由,在尊严和权利上一律平等。他们赋有理性和良心,并应以兄弟关系的精神相对待。\n"
            ),
            "zh"
        );
        assert_eq!(
            lang(
                "المادة 1\n\nيولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء.\n"
            ),
            "ar"
        );
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

    #[test]
    fn languages_the_word_lists_missed() {
        assert_eq!(
            lang(
                "Artykuł 1\n\nWszyscy ludzie rodzą się wolni i równi pod względem swej godności i swych praw. Są oni obdarzeni rozumem i sumieniem i powinni postępować wobec innych w duchu braterstwa.\n"
            ),
            "pl"
        );
        assert_eq!(
            lang(
                "Điều 1\n\nTất cả mọi người sinh ra đều được tự do và bình đẳng về nhân phẩm và quyền lợi. Mọi con người đều được tạo hóa ban cho lý trí và lương tâm.\n"
            ),
            "vi"
        );
        assert_eq!(
            lang(
                "Стаття 1\n\nВсі люди народжуються вільними і рівними у своїй гідності та правах. Вони наділені розумом і совістю і повинні діяти у відношенні один до одного в дусі братерства.\n"
            ),
            "uk"
        );
        assert_eq!(
            lang(
                "Madde 1\n\nBütün insanlar hür, haysiyet ve haklar bakımından eşit doğarlar. Akıl ve vicdana sahiptirler ve birbirlerine karşı kardeşlik zihniyeti ile hareket etmelidirler.\n"
            ),
            "tr"
        );
        assert_eq!(
            lang(
                "अनुच्छेद 1\n\nसभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता और समानता प्राप्त है। उन्हें बुद्धि और अन्तरात्मा की देन प्राप्त है।\n"
            ),
            "hi"
        );
    }
}
