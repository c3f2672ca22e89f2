//! The normalizer's and the diff engine's rules as a specification: many small tests, in the
//! manner of ripgrep's regression tests, each with its own little document inline, exercising
//! one rule and asserting exactly what comes out of it (blocks, findings, repairs, diff
//! entries, words). A test's name states its rule.
//!
//! Blocks are shown one to a string, `KIND[LEVEL] [LABEL #NUMBER] | TEXT`: `H1 3.2. #3.2 |
//! Combating terrorism` is a level-1 heading labelled `3.2.` with number `3.2`; `P | Peace.`
//! an unnumbered paragraph. Findings and repairs are shown with their wire names and lines,
//! diff entries as `kind [moved] [renumbered] OLD→NEW` by block positions.

use accord::diff::{self, Comparison, Entry, MatchedBy, Op};
use accord::model::{Block, BlockType, Document, Version};
use accord::normalize::{self, Options};

fn doc(text: &str) -> Document {
    normalize::document(text, &Options::default())
}

fn doc_unrepaired(text: &str) -> Document {
    normalize::document(text, &Options { repair: false })
}

/// A block as `H1 3.2. #3.2 | Combating terrorism`: kind and level, label and number (each
/// only when present), and text after the bar.
fn show(b: &Block) -> String {
    let mut out = String::from(match b.kind {
        BlockType::Heading => "H",
        BlockType::Paragraph => "P",
    });
    if let Some(level) = b.level {
        out.push_str(&level.to_string());
    }
    if !b.label.is_empty() {
        out.push(' ');
        out.push_str(&b.label);
    }
    if let Some(number) = &b.number {
        out.push_str(" #");
        out.push_str(number);
    }
    out.push_str(" |");
    if !b.text.is_empty() {
        out.push(' ');
        out.push_str(&b.text);
    }
    out
}

fn shown(d: &Document) -> Vec<String> {
    d.blocks.iter().map(show).collect()
}

/// The blocks of `text`, normalized with repairs on.
fn blocks(text: &str) -> Vec<String> {
    shown(&doc(text))
}

fn lines(d: &Document) -> Vec<usize> {
    d.blocks.iter().map(|b| b.line).collect()
}

fn sections(d: &Document) -> Vec<Vec<&str>> {
    d.blocks
        .iter()
        .map(|b| b.section.iter().map(String::as_str).collect())
        .collect()
}

fn preamble(d: &Document) -> Vec<bool> {
    d.blocks.iter().map(|b| b.preamble).collect()
}

/// Findings as `gap at 5: message`.
fn findings(d: &Document) -> Vec<String> {
    d.findings
        .iter()
        .map(|f| format!("{} at {}: {}", f.kind.as_str(), f.line, f.message))
        .collect()
}

/// Repairs as `hyphenation at 1: before → after`.
fn repairs(d: &Document) -> Vec<String> {
    d.repairs
        .iter()
        .map(|r| {
            format!(
                "{} at {}: {} → {}",
                r.kind.as_str(),
                r.line,
                r.before,
                r.after
            )
        })
        .collect()
}

fn compare_with(old: &str, new: &str, options: diff::Options) -> Comparison {
    diff::compare(
        Version::new("old", doc(old)),
        Version::new("new", doc(new)),
        &options,
    )
}

fn compare(old: &str, new: &str) -> Comparison {
    compare_with(old, new, diff::Options::default())
}

/// Entries as `unchanged moved renumbered 0→1`, `split 0→0,1`, `added →2`: kind, flags and
/// the positions of the entry's old and new blocks.
fn entries(c: &Comparison) -> Vec<String> {
    let positions = |p: &[usize]| p.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
    c.entries
        .iter()
        .map(|e| {
            let mut out = e.kind.as_str().to_string();
            if e.moved {
                out.push_str(" moved");
            }
            if e.renumbered {
                out.push_str(" renumbered");
            }
            format!(
                "{out} {}→{}",
                positions(&e.old_positions),
                positions(&e.new_positions)
            )
        })
        .collect()
}

fn words(e: &Entry) -> Vec<(Op, &str)> {
    e.words
        .as_deref()
        .expect("a word diff")
        .iter()
        .map(|w| (w.op, w.text.as_str()))
        .collect()
}

/// No findings, no repairs.
const NONE: [&str; 0] = [];

const STRICT: diff::Options = diff::Options {
    ignore_case: false,
    ignore_punctuation: false,
    strict: true,
};

// Layout: blocks, wrapped lines, line endings, spaces, front matter, Markdown.

#[test]
fn blank_lines_separate_blocks_and_wrapped_lines_are_joined() {
    let d = doc("1. The first paragraph\nis hard-wrapped here.\n\n2. The second one\nis too.\n");
    assert_eq!(
        shown(&d),
        [
            "P 1. #1 | The first paragraph is hard-wrapped here.",
            "P 2. #2 | The second one is too.",
        ]
    );
    assert_eq!(lines(&d), [1, 4]);
}

#[test]
fn lines_wider_than_anyone_wraps_are_one_paragraph_each() {
    let long_a = "Member States shall cooperate in the fight against terrorism, separatism and extremism, and in the prevention of illicit trafficking.";
    let long_b = "They shall also develop cooperation in trade, the economy, science and technology, culture, education, energy, transport and tourism.";
    let d = doc(&format!("{long_a}\n{long_b}\nShort line.\n"));
    assert_eq!(
        shown(&d),
        [
            format!("P | {long_a}"),
            format!("P | {long_b}"),
            "P | Short line.".to_string(),
        ]
    );
    assert_eq!(lines(&d), [1, 2, 3]);
}

#[test]
fn numbered_line_after_a_sentence_end_starts_a_new_block() {
    let d = doc("1. The first item ends here.\n2. The second item\ncontinues here.\n");
    assert_eq!(
        shown(&d),
        [
            "P 1. #1 | The first item ends here.",
            "P 2. #2 | The second item continues here.",
        ]
    );
    assert_eq!(lines(&d), [1, 2]);
}

#[test]
fn numbered_line_after_an_unfinished_sentence_is_a_wrapped_line() {
    assert_eq!(
        blocks("1. Members shall contribute up to\n2. per cent of their budget.\n"),
        ["P 1. #1 | Members shall contribute up to 2. per cent of their budget."]
    );
}

#[test]
fn lone_label_line_is_a_heading_above_its_text() {
    let d = doc("Article 1\nAll human beings are born free and equal.\n");
    assert_eq!(
        shown(&d),
        [
            "H1 Article 1 #1 |",
            "P | All human beings are born free and equal.",
        ]
    );
    assert_eq!(sections(&d), [["1"], ["1"]]);
    assert_eq!(lines(&d), [1, 2]);
}

#[test]
fn label_and_title_line_ended_short_is_a_heading_above_its_text() {
    // The next line's first word would have fitted: the line was ended on purpose.
    let d = doc("Art. 4 Landessprachen\n\
                 Die Landessprachen sind Deutsch, Französisch, Italienisch und Rätoromanisch.\n");
    assert_eq!(
        shown(&d),
        [
            "H1 Art. 4 #4 | Landessprachen",
            "P | Die Landessprachen sind Deutsch, Französisch, Italienisch und Rätoromanisch.",
        ]
    );
    // A paragraph that starts with a label and fills its first line is one paragraph.
    let wrapped = doc("Art. 4 The national languages are German, French,\nItalian and Romansh.\n");
    assert_eq!(
        shown(&wrapped),
        ["P Art. 4 #4 | The national languages are German, French, Italian and Romansh."]
    );
}

#[test]
fn unnumbered_line_that_is_all_an_article_holds_is_its_body() {
    // Thai ends no sentence with punctuation: a short body reads like a title, but as a
    // heading it would leave the article empty and head nothing itself.
    let d = doc(
        "ข้อ 3\n\nคนทุกคนมีสิทธิในการดำรงชีวิต เสรีภาพ และความมั่นคงแห่งร่างกาย\n\n\
                 ข้อ 4\n\nบุคคลใด ๆ จะถูกยึดเป็นทาส หรือต้องภาระจำยอมไม่ได้\n\n\
                 ข้อ 5\n\nบุคคลใด ๆ จะถูกทรมานไม่ได้\n",
    );
    let kinds: Vec<&str> = shown(&d)
        .iter()
        .map(|b| if b.starts_with('H') { "H" } else { "P" })
        .collect();
    assert_eq!(kinds, ["H", "P", "H", "P", "H", "P"]);
}

#[test]
fn keyword_cross_reference_at_a_wrapped_line_start_does_not_split() {
    assert_eq!(
        blocks("(3) Die Landesbehörden werden tätig.\nArtikel 85 Abs. 3 gilt entsprechend.\n"),
        ["P (3) #3 | Die Landesbehörden werden tätig. Artikel 85 Abs. 3 gilt entsprechend."]
    );
}

#[test]
fn crlf_cr_and_unicode_line_breaks_end_lines_as_lf_does() {
    for text in [
        "1. The first line\r\nwraps.\r\n\r\n2. Second.\r\n",
        "1. The first line\rwraps.\r\r2. Second.\r",
        "1. The first line\u{2028}wraps.\u{2029}\u{2029}2. Second.\u{2028}",
    ] {
        let d = doc(text);
        assert_eq!(
            shown(&d),
            ["P 1. #1 | The first line wraps.", "P 2. #2 | Second."],
            "{text:?}"
        );
        assert_eq!(lines(&d), [1, 4], "{text:?}");
    }
}

#[test]
fn unicode_spaces_invisible_characters_and_decomposed_letters_are_normalized() {
    assert_eq!(
        blocks(
            "1. Les\u{00A0}États\u{2009}membres\u{3000}\u{3000}ont adopte\u{0301} la co\u{00AD}opération\u{200B}.\n"
        ),
        ["P 1. #1 | Les États membres ont adopt\u{00E9} la coopération."]
    );
}

#[test]
fn line_of_no_break_spaces_is_a_blank_line() {
    assert_eq!(
        blocks("1. First.\n\u{00A0}\u{00A0}\n2. Second\nwraps.\n"),
        ["P 1. #1 | First.", "P 2. #2 | Second wraps."]
    );
}

#[test]
fn yaml_front_matter_is_metadata_not_blocks() {
    let d = doc("---\ntitle: Charter\nlang: en\n---\n\n1. Members cooperate.\n");
    assert_eq!(
        d.metadata,
        [
            ("title".to_string(), "Charter".to_string()),
            ("lang".to_string(), "en".to_string())
        ]
    );
    assert_eq!(shown(&d), ["P 1. #1 | Members cooperate."]);
    assert_eq!(lines(&d), [6]);
}

#[test]
fn markdown_headings_take_their_level_from_the_hashes() {
    assert_eq!(
        blocks(
            "# Charter\n\n## Chapter I\n\n### Article 1\n\nPeace is the aim.\n\n#### Note\n\nSee above.\n"
        ),
        [
            "H1 | Charter",
            "H2 Chapter I #1 |",
            "H3 Article 1 #1 |",
            "P | Peace is the aim.",
            "H4 | Note",
            "P | See above.",
        ]
    );
}

#[test]
fn markdown_lone_outermost_title_is_left_out_of_section_paths() {
    let d = doc("# Charter\n\n## Chapter I\n\n### Article 1\n\nPeace is the aim.\n");
    assert_eq!(
        sections(&d),
        [vec!["Charter"], vec!["1"], vec!["1", "1"], vec!["1", "1"]]
    );
}

#[test]
fn in_markdown_only_hash_lines_are_headings() {
    assert_eq!(
        blocks("# Charter\n\n1. PURPOSES\n\nPeace is the aim.\n"),
        [
            "H1 | Charter",
            "P 1. #1 | PURPOSES",
            "P | Peace is the aim."
        ]
    );
}

/// The blocks of a web page, through the HTML reader and the normalizer.
fn page_blocks(html: &str) -> Vec<String> {
    let source = accord::source::from_bytes("page".into(), html.as_bytes().to_vec(), None)
        .expect("a page with text");
    shown(&normalize::version(source, &Options::default()).document)
}

#[test]
fn in_a_structured_document_undeclared_headings_sit_below_the_declared() {
    // EUR-Lex sets its chapters in headings, its articles and sections in paragraphs: a
    // keyword label alone is a heading, a level below the declared one before it. (A style
    // takes its level by first appearance, so a section first met after articles sits below
    // them, as in plain text.)
    assert_eq!(
        page_blocks(
            "<html><body><h2>CHAPTER I</h2><p>Article 1</p><p>Subject-matter</p>\
             <p>1. This Regulation lays down rules.</p><p>Article 2</p><p>Scope</p>\
             <p>1. It applies to processing.</p><h2>CHAPTER II</h2><p>Article 3</p>\
             <p>1. Principles.</p><p>Section 1</p><p>Article 4</p><p>Rights.</p></body></html>"
        ),
        [
            "H1 CHAPTER I #1 |",
            "H2 Article 1 #1 |",
            "P | Subject-matter",
            "P 1. #1 | This Regulation lays down rules.",
            "H2 Article 2 #2 |",
            "P | Scope",
            "P 1. #1 | It applies to processing.",
            "H1 CHAPTER II #2 |",
            "H2 Article 3 #3 |",
            "P 1. #1 | Principles.",
            "H3 Section 1 #1 |",
            "H2 Article 4 #4 |",
            "P | Rights."
        ]
    );
}

#[test]
fn akoma_ntoso_units_are_headings_and_provisions_paragraphs() {
    // An article is a heading over its paragraphs even without a heading of its own; a
    // paragraph with points is its intro, then its points; the metadata is no text.
    let xml = "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act>\
        <meta><identification source=\"#x\"><FRBRWork><FRBRthis value=\"/akn/x\"/></FRBRWork>\
        </identification></meta><preamble><recitals><recital eId=\"rec_1\"><num>(1)</num>\
        <p>Whereas peace matters.</p></recital></recitals></preamble><body>\
        <chapter eId=\"chp_I\"><num>CHAPTER I</num><heading>General</heading>\
        <article eId=\"art_1\"><num>Article 1</num>\
        <paragraph eId=\"art_1__para_1\"><num>1.</num><content><p>It applies.</p></content></paragraph>\
        <paragraph eId=\"art_1__para_2\"><num>2.</num><list><intro><p>It covers:</p></intro>\
        <point eId=\"art_1__para_2__point_a\"><num>(a)</num><content><p>goods;</p></content></point>\
        </list></paragraph></article></chapter></body></act></akomaNtoso>";
    let source = accord::source::from_bytes("act".into(), xml.as_bytes().to_vec(), None).unwrap();
    let doc = normalize::version(source, &Options::default()).document;
    assert_eq!(
        shown(&doc),
        [
            "P (1) #1 | Whereas peace matters.",
            "H1 CHAPTER I #1 | General",
            "H2 Article 1 #1 |",
            "P 1. #1 | It applies.",
            "P 2. #2 | It covers:",
            "P (a) #a | goods;"
        ]
    );
    let eids: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| b.eid.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        eids,
        [
            "rec_1",
            "chp_I",
            "art_1",
            "art_1__para_1",
            "art_1__para_2",
            "art_1__para_2__point_a"
        ]
    );
}

#[test]
fn in_a_structured_document_short_numbered_paragraphs_are_not_titles() {
    // Notes of a Word document: short, numbered, recurring ("See supra Section …"), and
    // paragraphs all the same.
    assert_eq!(
        page_blocks(
            "<html><body><h1>Notes</h1><ol start=\"25\"><li>Id.</li>\
             <li>See supra Section III.B.2.</li><li>47 C.F.R. § 8.3.</li>\
             <li>See supra Section IV.C.</li><li>See supra Section V.</li></ol></body></html>"
        ),
        [
            "H1 | Notes",
            "P 25. #25 | Id.",
            "P 26. #26 | See supra Section III.B.2.",
            "P 27. #27 | 47 C.F.R. § 8.3.",
            "P 28. #28 | See supra Section IV.C.",
            "P 29. #29 | See supra Section V."
        ]
    );
}

#[test]
fn markdown_closing_hashes_are_dropped_and_a_hash_without_a_space_is_text() {
    assert_eq!(
        blocks("## Chapter I ##\n\n#hashtag is text.\n"),
        ["H2 Chapter I #1 |", "P | #hashtag is text."]
    );
}

// Labels: each numbering style, and prose that only looks numbered.

#[test]
fn label_number_closed_by_a_dot_or_parentheses() {
    assert_eq!(
        blocks("35. The Member States agree.\n\n36) They act.\n\n(37) They report.\n"),
        [
            "P 35. #35 | The Member States agree.",
            "P 36) #36 | They act.",
            "P (37) #37 | They report.",
        ]
    );
}

#[test]
fn label_dotted_number_with_final_dot() {
    assert_eq!(
        blocks("3.2. Combating terrorism\n\nMembers cooperate.\n"),
        [
            "H1 3.2. #3.2 | Combating terrorism",
            "P | Members cooperate."
        ]
    );
}

#[test]
fn label_dotted_number_before_a_title() {
    assert_eq!(
        blocks("4.1 New Coronavirus Pandemic\n\nThe pandemic spread.\n"),
        [
            "H1 4.1 #4.1 | New Coronavirus Pandemic",
            "P | The pandemic spread."
        ]
    );
}

#[test]
fn label_lettered_number() {
    assert_eq!(
        blocks("4c. The Parties consult each other.\n"),
        ["P 4c. #4c | The Parties consult each other."]
    );
}

#[test]
fn label_roman_numeral_with_dot() {
    assert_eq!(
        blocks("IV. FINAL PROVISIONS\n\nThis Charter enters into force on signature.\n"),
        [
            "H1 IV. #4 | FINAL PROVISIONS",
            "P | This Charter enters into force on signature.",
        ]
    );
}

#[test]
fn label_bare_roman_numeral_alone_on_its_line() {
    assert_eq!(
        blocks("I\n\nAll human beings are born free.\n"),
        ["H1 I #1 |", "P | All human beings are born free."]
    );
}

#[test]
fn label_article_keyword() {
    assert_eq!(
        blocks("Article 5\n\nNo one shall be subjected to torture.\n"),
        [
            "H1 Article 5 #5 |",
            "P | No one shall be subjected to torture."
        ]
    );
}

#[test]
fn label_abbreviated_article_keyword() {
    assert_eq!(
        blocks("Art 5\n\nJeder hat das Recht auf Leben.\n"),
        ["H1 Art 5 #5 |", "P | Jeder hat das Recht auf Leben."]
    );
}

#[test]
fn label_article_keyword_with_a_lettered_number() {
    assert_eq!(
        blocks("Artikel 143a\n\nDas Nähere regelt ein Bundesgesetz.\n"),
        [
            "H1 Artikel 143a #143a |",
            "P | Das Nähere regelt ein Bundesgesetz."
        ]
    );
}

#[test]
fn label_russian_article_keyword() {
    assert_eq!(
        blocks("Статья 5\n\nНикто не должен подвергаться пыткам.\n"),
        [
            "H1 Статья 5 #5 |",
            "P | Никто не должен подвергаться пыткам."
        ]
    );
}

#[test]
fn label_article_premier_is_number_one() {
    assert_eq!(
        blocks("Article premier\n\nTous les êtres humains naissent libres.\n"),
        [
            "H1 Article premier #1 |",
            "P | Tous les êtres humains naissent libres.",
        ]
    );
}

#[test]
fn label_arabic_article_keyword() {
    assert_eq!(
        blocks("المادة 5\n\nلا يعرض أي إنسان للتعذيب.\n"),
        ["H1 المادة 5 #5 |", "P | لا يعرض أي إنسان للتعذيب."]
    );
}

#[test]
fn label_chinese_ordinal_article() {
    assert_eq!(
        blocks("第二十一条\n\n人人有权参与治理本国。\n"),
        ["H1 第二十一条 #21 |", "P | 人人有权参与治理本国。"]
    );
}

#[test]
fn label_chinese_enumeration() {
    assert_eq!(
        blocks("一、总则\n\n本组织的宗旨是维护和平。\n"),
        ["H1 一、 #1 | 总则", "P | 本组织的宗旨是维护和平。"]
    );
}

#[test]
fn label_chinese_parenthesised_numeral() {
    assert_eq!(
        blocks("（一）维护地区和平；\n\n（二）加强相互信任。\n"),
        [
            "P （一） #1 | 维护地区和平；",
            "P （二） #2 | 加强相互信任。"
        ]
    );
}

#[test]
fn label_circled_numeral() {
    assert_eq!(
        blocks("① 人人有权享有生命。\n\n② 任何人不得使为奴隶。\n"),
        [
            "P ① #1 | 人人有权享有生命。",
            "P ② #2 | 任何人不得使为奴隶。"
        ]
    );
}

#[test]
fn label_full_width_digits() {
    assert_eq!(
        blocks("３５． 会员国同意。\n"),
        ["P ３５． #35 | 会员国同意。"]
    );
}

#[test]
fn number_going_on_as_a_sentence_is_not_a_label() {
    assert_eq!(
        blocks(
            "2.5 million people were displaced.\n\nArticle 5 of the Charter provides for consultations.\n"
        ),
        [
            "P | 2.5 million people were displaced.",
            "P | Article 5 of the Charter provides for consultations.",
        ]
    );
}

// Headings and paragraphs, levels, sections, title and preamble.

#[test]
fn heading_and_paragraph_share_a_number() {
    let d = doc(
        "1. PURPOSES AND PRINCIPLES\n\n1. The purposes of the Organization are to maintain peace.\n\n2. It is based on equality.\n",
    );
    assert_eq!(
        shown(&d),
        [
            "H1 1. #1 | PURPOSES AND PRINCIPLES",
            "P 1. #1 | The purposes of the Organization are to maintain peace.",
            "P 2. #2 | It is based on equality.",
        ]
    );
    assert_eq!(sections(&d), [["1"], ["1"], ["1"]]);
    assert_eq!(findings(&d), NONE);
}

#[test]
fn all_capitals_title_ending_with_a_full_stop_is_still_a_heading() {
    assert_eq!(
        blocks("1. GENERAL PROVISIONS.\n\n1. This Charter is binding.\n"),
        [
            "H1 1. #1 | GENERAL PROVISIONS.",
            "P 1. #1 | This Charter is binding.",
        ]
    );
}

#[test]
fn numbered_line_of_more_than_fifteen_words_is_a_paragraph() {
    let text = "The Member States shall take all necessary measures to ensure the fullest implementation of this Charter in their territory";
    assert_eq!(
        blocks(&format!("1. {text}\n")),
        [format!("P 1. #1 | {text}")]
    );
}

#[test]
fn list_item_labels_never_make_headings() {
    assert_eq!(
        blocks("(1) Short title\n\n(2) Definitions\n"),
        ["P (1) #1 | Short title", "P (2) #2 | Definitions"]
    );
}

#[test]
fn each_label_style_takes_the_next_heading_level_in_order_of_first_appearance() {
    let d = doc(
        "Chapter I. Purposes\n\nArticle 1. Aims\n\nPeace is the aim.\n\nChapter II. Members\n\nArticle 2. Admission\n\nMembership is open.\n",
    );
    assert_eq!(
        shown(&d),
        [
            "H1 Chapter I. #1 | Purposes",
            "H2 Article 1. #1 | Aims",
            "P | Peace is the aim.",
            "H1 Chapter II. #2 | Members",
            "H2 Article 2. #2 | Admission",
            "P | Membership is open.",
        ]
    );
    assert_eq!(
        sections(&d),
        [
            vec!["1"],
            vec!["1", "1"],
            vec!["1", "1"],
            vec!["2"],
            vec!["2", "2"],
            vec!["2", "2"]
        ]
    );
}

#[test]
fn sections_nest_by_depth() {
    let d = doc(
        "3. COOPERATION\n\n3.1. Security\n\n1. Members cooperate.\n\n3.2. Economy\n\n2. Members trade.\n\n4. FINAL PROVISIONS\n\n3. This Charter is binding.\n",
    );
    assert_eq!(
        shown(&d),
        [
            "H1 3. #3 | COOPERATION",
            "H2 3.1. #3.1 | Security",
            "P 1. #1 | Members cooperate.",
            "H2 3.2. #3.2 | Economy",
            "P 2. #2 | Members trade.",
            "H1 4. #4 | FINAL PROVISIONS",
            "P 3. #3 | This Charter is binding.",
        ]
    );
    assert_eq!(
        sections(&d),
        [
            vec!["3"],
            vec!["3", "3.1"],
            vec!["3", "3.1"],
            vec!["3", "3.2"],
            vec!["3", "3.2"],
            vec!["4"],
            vec!["4"],
        ]
    );
}

#[test]
fn unnumbered_title_and_preamble_before_the_first_article() {
    let d = doc(
        "Charter of the Organization\n\nThe Member States,\n\nDesiring lasting peace,\n\nHave agreed as follows:\n\nArticle 1\n\nPeace is the aim.\n",
    );
    assert_eq!(
        shown(&d),
        [
            "H1 | Charter of the Organization",
            "P | The Member States,",
            "P | Desiring lasting peace,",
            "P | Have agreed as follows:",
            "H1 Article 1 #1 |",
            "P | Peace is the aim.",
        ]
    );
    assert_eq!(preamble(&d), [false, true, true, true, false, false]);
}

#[test]
fn preamble_starts_after_the_last_heading_before_the_first_article() {
    let d = doc(
        "Universal Declaration of Human Rights\n\nAdopted by resolution 217 A (III) of 10 December 1948.\n\nPreamble\n\nWhereas recognition of dignity is the foundation of freedom,\n\nArticle 1\n\nAll human beings are born free.\n",
    );
    assert_eq!(
        shown(&d),
        [
            "H1 | Universal Declaration of Human Rights",
            "P | Adopted by resolution 217 A (III) of 10 December 1948.",
            "H1 | Preamble",
            "P | Whereas recognition of dignity is the foundation of freedom,",
            "H1 Article 1 #1 |",
            "P | All human beings are born free.",
        ]
    );
    assert_eq!(preamble(&d), [false, false, false, true, false, false]);
}

#[test]
fn short_line_after_a_comma_continues_the_sentence_and_is_no_heading() {
    assert_eq!(
        blocks(
            "The General Assembly,\n\nProclaims this Declaration\n\nArticle 1\n\nAll are free.\n"
        ),
        [
            "P | The General Assembly,",
            "P | Proclaims this Declaration",
            "H1 Article 1 #1 |",
            "P | All are free.",
        ]
    );
}

#[test]
fn last_block_is_never_an_unnumbered_heading() {
    assert_eq!(
        blocks("Article 1\n\nPeace is the aim.\n\nDone at Shanghai\n"),
        [
            "H1 Article 1 #1 |",
            "P | Peace is the aim.",
            "P | Done at Shanghai"
        ]
    );
}

// Repairs of PDF damage: hyphenation, lost spaces, run-in paragraphs.

#[test]
fn pdf_hyphenation_is_closed_where_the_document_spells_the_word() {
    let d = doc("1. They keep neigh-\nbourly relations.\n\n2. Neighbourly ties grow.\n");
    assert_eq!(
        shown(&d),
        [
            "P 1. #1 | They keep neighbourly relations.",
            "P 2. #2 | Neighbourly ties grow.",
        ]
    );
    assert_eq!(
        repairs(&d),
        ["hyphenation at 1: neigh- bourly → neighbourly"]
    );
}

#[test]
fn pdf_hyphenation_keeps_the_hyphen_where_the_document_never_spells_the_closed_word() {
    let d = doc("1. They develop good-\nneighbourly relations.\n");
    assert_eq!(
        shown(&d),
        ["P 1. #1 | They develop good-neighbourly relations."]
    );
    assert_eq!(
        repairs(&d),
        ["hyphenation at 1: good- neighbourly → good-neighbourly"]
    );
}

#[test]
fn pdf_hyphenation_in_a_number_range_keeps_the_hyphen() {
    let d = doc("1. The plan for 2022-\n2024 is adopted.\n");
    assert_eq!(shown(&d), ["P 1. #1 | The plan for 2022-2024 is adopted."]);
    assert_eq!(repairs(&d), ["hyphenation at 1: 2022- 2024 → 2022-2024"]);
}

#[test]
fn suspended_hyphen_is_kept() {
    let d = doc("1. The medium-\nand long-term plans are adopted.\n");
    assert_eq!(
        shown(&d),
        ["P 1. #1 | The medium- and long-term plans are adopted."]
    );
    assert_eq!(repairs(&d), NONE);
}

#[test]
fn suspended_hyphen_before_a_joining_word_of_any_language_is_kept() {
    // German joining words the hints know, and a Swahili one (`au`, "or") that the document
    // itself shows is a word of its own: used alone three times besides.
    let d = doc("1. Wer weder antrags-\nnoch stimmberechtigt ist.\n\n\
         2. Die Haupt- bzw. Nebenwohnung und der Vor- wie der Nacherbe.\n\n\
         3. Mkataba wa kudumu-\nau wa muda, au mwingine, au wowote, au la.\n\n\
         4. Kranken- Pflege- und Unfallversicherung.\n");
    assert_eq!(
        shown(&d),
        [
            "P 1. #1 | Wer weder antrags- noch stimmberechtigt ist.",
            "P 2. #2 | Die Haupt- bzw. Nebenwohnung und der Vor- wie der Nacherbe.",
            "P 3. #3 | Mkataba wa kudumu- au wa muda, au mwingine, au wowote, au la.",
            "P 4. #4 | Kranken- Pflege- und Unfallversicherung.",
        ]
    );
    assert_eq!(repairs(&d), NONE);
}

#[test]
fn a_word_broken_across_lines_is_repaired_however_often_its_tail_recurs() {
    // `tion` follows three broken lines but never stands alone: not a joining word.
    let d = doc("1. The inten-\ntion, the na-\ntion and the ac-\ntion.\n");
    assert_eq!(
        repairs(&d),
        [
            "hyphenation at 1: inten- tion → inten-tion",
            "hyphenation at 2: na- tion → na-tion",
            "hyphenation at 3: ac- tion → ac-tion",
        ]
    );
}

#[test]
fn spaced_dash_is_untouched() {
    let d = doc("1. The bodies -\nthe Council and the Secretariat - meet.\n");
    assert_eq!(
        shown(&d),
        ["P 1. #1 | The bodies - the Council and the Secretariat - meet."]
    );
    assert_eq!(repairs(&d), NONE);
}

#[test]
fn missing_space_after_a_sentence_is_put_back() {
    let d = doc("1. They fight extremism.Member States agree.\n");
    assert_eq!(
        shown(&d),
        ["P 1. #1 | They fight extremism. Member States agree."]
    );
    assert_eq!(
        repairs(&d),
        ["missing-space at 1: extremism.Member → extremism. Member"]
    );
}

#[test]
fn abbreviations_decimal_numbers_and_addresses_keep_their_dots() {
    let text = "The U.N.Charter, e.g.Article 3.2, is at www.sectsco.Org today.";
    let d = doc(&format!("1. {text}\n"));
    assert_eq!(shown(&d), [format!("P 1. #1 | {text}")]);
    assert_eq!(repairs(&d), NONE);
}

#[test]
fn word_repairs_are_left_undone_with_repair_off() {
    let d = doc_unrepaired(
        "1. They keep neigh-\nbourly relations.\n\n2. Neighbourly ties fight extremism.Member States agree.\n",
    );
    assert_eq!(
        shown(&d),
        [
            "P 1. #1 | They keep neigh- bourly relations.",
            "P 2. #2 | Neighbourly ties fight extremism.Member States agree.",
        ]
    );
    assert_eq!(repairs(&d), NONE);
}

#[test]
fn run_in_paragraph_is_split() {
    let d = doc("1. The first ends.\n\n2. The second ends here.3. The third starts.\n");
    assert_eq!(
        shown(&d),
        [
            "P 1. #1 | The first ends.",
            "P 2. #2 | The second ends here.",
            "P 3. #3 | The third starts.",
        ]
    );
    assert_eq!(lines(&d), [1, 3, 3]);
    assert_eq!(repairs(&d), ["run-in at 3: here.3. The → here.\n3. The"]);
    assert_eq!(
        findings(&d),
        ["run-in at 3: paragraph 3 is run into the end of paragraph 2"]
    );
}

#[test]
fn run_in_paragraph_is_only_reported_with_repair_off() {
    let d = doc_unrepaired("1. The first ends.\n\n2. The second ends here.3. The third starts.\n");
    assert_eq!(
        shown(&d),
        [
            "P 1. #1 | The first ends.",
            "P 2. #2 | The second ends here.3. The third starts.",
        ]
    );
    assert_eq!(repairs(&d), NONE);
    assert_eq!(
        findings(&d),
        ["run-in at 3: paragraph 3 is run into the end of paragraph 2"]
    );
}

#[test]
fn run_in_after_a_space_must_be_the_very_next_number() {
    let d = doc("1. The first ends.\n\n2. The second ends. 4. The fourth starts.\n");
    assert_eq!(
        shown(&d),
        [
            "P 1. #1 | The first ends.",
            "P 2. #2 | The second ends. 4. The fourth starts.",
        ]
    );
    assert_eq!(repairs(&d), NONE);
    assert_eq!(findings(&d), NONE);
}

#[test]
fn run_in_without_a_space_may_skip_a_missing_number() {
    let d = doc("1. The first ends.\n\n2. The second ends.4. The fourth starts.\n");
    assert_eq!(
        shown(&d),
        [
            "P 1. #1 | The first ends.",
            "P 2. #2 | The second ends.",
            "P 4. #4 | The fourth starts.",
        ]
    );
    assert_eq!(
        findings(&d),
        [
            "gap at 3: paragraph numbering skips 3: 2 is followed by 4",
            "run-in at 3: paragraph 4 is run into the end of paragraph 2",
        ]
    );
}

#[test]
fn run_in_must_come_before_the_next_paragraph_of_its_style() {
    let d = doc("1. The first ends.\n\n2. The second ends.3. Quoted.\n\n3. The third.\n");
    assert_eq!(
        shown(&d),
        [
            "P 1. #1 | The first ends.",
            "P 2. #2 | The second ends.3. Quoted.",
            "P 3. #3 | The third.",
        ]
    );
    assert_eq!(findings(&d), NONE);
}

#[test]
fn run_in_of_a_parenthesised_number_is_split() {
    let d = doc("(1) Die Würde ist unantastbar.(2) Das Volk bekennt sich.\n");
    assert_eq!(
        shown(&d),
        [
            "P (1) #1 | Die Würde ist unantastbar.",
            "P (2) #2 | Das Volk bekennt sich.",
        ]
    );
    assert_eq!(
        repairs(&d),
        ["run-in at 1: unantastbar.(2) Das → unantastbar.\n(2) Das"]
    );
}

// Findings on the numbering.

#[test]
fn skipped_numbers_are_a_gap() {
    let d = doc("1. One.\n\n2. Two.\n\n4. Four.\n\n8. Eight.\n");
    assert_eq!(
        findings(&d),
        [
            "gap at 5: paragraph numbering skips 3: 2 is followed by 4",
            "gap at 7: paragraph numbering skips 5–7: 4 is followed by 8",
        ]
    );
}

#[test]
fn repeated_number_is_a_duplicate() {
    let d = doc("1. One.\n\n2. Two.\n\n2. Two again.\n");
    assert_eq!(
        findings(&d),
        ["duplicate at 5: paragraph number 2 appears twice in a row"]
    );
}

#[test]
fn lower_number_after_a_higher_one_is_out_of_order() {
    let d = doc("1. One.\n\n3. Three.\n\n2. Two.\n");
    assert_eq!(
        findings(&d),
        [
            "gap at 3: paragraph numbering skips 2: 1 is followed by 3",
            "out-of-order at 5: paragraph 2 comes after 3",
        ]
    );
}

#[test]
fn heading_numbers_are_checked_as_their_own_sequence() {
    let d = doc("Article 1\n\n1. One.\n\nArticle 3\n\n2. Two.\n");
    assert_eq!(
        findings(&d),
        ["gap at 5: heading numbering skips 2: 1 is followed by 3"]
    );
}

#[test]
fn lettered_number_inserted_after_its_base_is_no_gap() {
    let d = doc("4. Four.\n\n4a. Four a.\n\n4b. Four b.\n\n5. Five.\n");
    assert_eq!(findings(&d), NONE);
}

#[test]
fn heading_punctuation_minority_is_reported() {
    let d = doc(
        "4. PEACE\n\n4.1 Security\n\nText one.\n\n4.2. Economy\n\nText two.\n\n4.3. Culture\n\nText three.\n",
    );
    assert_eq!(
        findings(&d),
        [
            "heading-punctuation at 3: heading 4.1 is written without a final dot, unlike 2 other headings of its level such as 4.2."
        ]
    );
}

#[test]
fn numbered_heading_without_paragraphs_is_an_empty_section() {
    let d = doc("1. GENERAL\n\n2. MEMBERS\n\n1. Membership is open.\n\n3. FINAL\n");
    assert_eq!(
        findings(&d),
        [
            "empty-section at 1: section 1. has no paragraphs",
            "empty-section at 7: section 3. has no paragraphs",
        ]
    );
}

#[test]
fn list_restarting_under_each_item_is_not_reported() {
    let d = doc(
        "(1) Everyone has the right:\n\n1. to life;\n\n2. to liberty.\n\n(2) No one shall be held:\n\n1. in slavery;\n\n2. in servitude.\n",
    );
    assert_eq!(
        shown(&d),
        [
            "P (1) #1 | Everyone has the right:",
            "P 1. #1 | to life;",
            "P 2. #2 | to liberty.",
            "P (2) #2 | No one shall be held:",
            "P 1. #1 | in slavery;",
            "P 2. #2 | in servitude.",
        ]
    );
    assert_eq!(findings(&d), NONE);
}

#[test]
fn paragraph_numbering_restarting_in_a_new_section_is_not_reported() {
    let d = doc("Article 1\n\n1. One.\n\n2. Two.\n\nArticle 2\n\n1. One again.\n");
    assert_eq!(findings(&d), NONE);
}

// The diff: entries, moves, renumbering, words and what is ignored.

#[test]
fn identical_documents_are_all_unchanged() {
    let text = "Article 1\n\nPeace is the aim.\n\nArticle 2\n\nTrade grows.\n";
    let c = compare(text, text);
    assert_eq!(
        entries(&c),
        [
            "unchanged 0→0",
            "unchanged 1→1",
            "unchanged 2→2",
            "unchanged 3→3"
        ]
    );
    assert!(
        c.entries
            .iter()
            .all(|e| e.matched_by == Some(MatchedBy::Text)
                && e.similarity == 1.0
                && e.words.is_none())
    );
}

#[test]
fn insertion_renumbers_later_paragraphs_without_changing_them() {
    let c = compare(
        "1. Peace is the aim.\n\n2. Trade grows.\n",
        "1. Security comes first.\n\n2. Peace is the aim.\n\n3. Trade grows.\n",
    );
    assert_eq!(
        entries(&c),
        [
            "added →0",
            "unchanged renumbered 0→1",
            "unchanged renumbered 1→2"
        ]
    );
}

#[test]
fn changed_word_gives_exact_words() {
    let c = compare(
        "1. Member States shall cooperate closely.\n",
        "1. Member States shall cooperate actively.\n",
    );
    assert_eq!(entries(&c), ["changed 0→0"]);
    assert_eq!(c.entries[0].matched_by, Some(MatchedBy::Number));
    assert_eq!(
        words(&c.entries[0]),
        [
            (Op::Equal, "Member States shall cooperate "),
            (Op::Delete, "closely"),
            (Op::Insert, "actively"),
            (Op::Equal, "."),
        ]
    );
}

#[test]
fn moved_paragraph_is_moved_and_unchanged() {
    let c = compare(
        "Peace is the aim.\n\nTrade grows.\n\nCulture unites.\n\nScience helps.\n",
        "Trade grows.\n\nCulture unites.\n\nScience helps.\n\nPeace is the aim.\n",
    );
    assert_eq!(
        entries(&c),
        [
            "unchanged 1→0",
            "unchanged 2→1",
            "unchanged 3→2",
            "unchanged moved 0→3"
        ]
    );
}

#[test]
fn paragraph_split_in_two_is_one_split_entry() {
    let c = compare(
        "The Members shall meet once a year. The chair shall rotate among them.\n\nDecisions are taken by consensus.\n",
        "The Members shall meet once a year.\n\nThe chair shall rotate among them.\n\nDecisions are taken by consensus.\n",
    );
    assert_eq!(entries(&c), ["split 0→0,1", "unchanged 1→2"]);
    assert_eq!(
        words(&c.entries[0]),
        [(
            Op::Equal,
            "The Members shall meet once a year. The chair shall rotate among them."
        )]
    );
}

#[test]
fn paragraphs_merged_into_one_are_one_merged_entry() {
    let c = compare(
        "The Members shall meet once a year.\n\nThe chair shall rotate among them.\n\nDecisions are taken by consensus.\n",
        "The Members shall meet once a year. The chair shall rotate among them.\n\nDecisions are taken by consensus.\n",
    );
    assert_eq!(entries(&c), ["merged 0,1→0", "unchanged 2→1"]);
}

#[test]
fn rewritten_paragraph_between_unchanged_neighbours_is_changed_in_place() {
    let c = compare(
        "Peace is the aim.\n\nThe chair rotates every year.\n\nTrade grows.\n",
        "Peace is the aim.\n\nThe presidency passes to another member every year.\n\nTrade grows.\n",
    );
    assert_eq!(
        entries(&c),
        ["unchanged 0→0", "changed 1→1", "unchanged 2→2"]
    );
    assert_eq!(c.entries[1].matched_by, Some(MatchedBy::Position));
}

#[test]
fn renamed_heading_pairs_with_its_number() {
    let c = compare(
        "Article 1. Purposes\n\nPeace is the aim.\n",
        "Article 1. Aims\n\nPeace is the aim.\n",
    );
    assert_eq!(entries(&c), ["changed 0→0", "unchanged 1→1"]);
    assert_eq!(c.entries[0].matched_by, Some(MatchedBy::Number));
    assert_eq!(
        words(&c.entries[0]),
        [(Op::Delete, "Purposes"), (Op::Insert, "Aims")]
    );
}

#[test]
fn removed_paragraph_sits_after_its_old_neighbour() {
    let c = compare(
        "Peace is the aim.\n\nTrade grows.\n\nCulture unites.\n\nScience helps.\n",
        "Trade grows.\n\nScience helps.\n",
    );
    assert_eq!(
        entries(&c),
        ["removed 0→", "unchanged 1→0", "removed 2→", "unchanged 3→1"]
    );
}

#[test]
fn quote_and_dash_style_is_ignored_by_default_and_a_change_under_strict() {
    let old = "1. The “Shanghai spirit” – mutual trust.\n";
    let new = "1. The \"Shanghai spirit\" - mutual trust.\n";
    assert_eq!(entries(&compare(old, new)), ["unchanged 0→0"]);
    let c = compare_with(old, new, STRICT);
    assert_eq!(entries(&c), ["changed 0→0"]);
    assert_eq!(
        words(&c.entries[0]),
        [
            (Op::Equal, "The "),
            (Op::Delete, "“"),
            (Op::Insert, "\""),
            (Op::Equal, "Shanghai spirit"),
            (Op::Delete, "” –"),
            (Op::Insert, "\" -"),
            (Op::Equal, " mutual trust."),
        ]
    );
}

#[test]
fn ignored_spelling_inside_a_changed_paragraph_shows_the_new_one_and_keeps_the_old() {
    let c = compare(
        "1. The “Shanghai spirit” guides us.\n",
        "1. The \"Shanghai spirit\" guides them.\n",
    );
    assert_eq!(entries(&c), ["changed 0→0"]);
    let words: Vec<_> = c.entries[0]
        .words
        .as_deref()
        .expect("a word diff")
        .iter()
        .map(|w| (w.op, w.text.as_str(), w.old.as_deref()))
        .collect();
    assert_eq!(
        words,
        [
            (
                Op::Equal,
                "The \"Shanghai spirit\" guides ",
                Some("The “Shanghai spirit” guides ")
            ),
            (Op::Delete, "us", None),
            (Op::Insert, "them", None),
            (Op::Equal, ".", None),
        ]
    );
}

#[test]
fn repaired_pdf_damage_is_a_difference_only_under_strict() {
    let old = "1. They develop good-\nneighbourly relations.\n";
    let new = "1. They develop good-neighbourly relations.\n";
    assert_eq!(entries(&compare(old, new)), ["unchanged 0→0"]);
    assert_eq!(entries(&compare_with(old, new, STRICT)), ["changed 0→0"]);
}

/// A difference that counts by default, shown by `expected` words, and is no change under
/// `ignoring`.
fn differs_unless_ignored(old: &str, new: &str, expected: &[(Op, &str)], ignoring: diff::Options) {
    let c = compare(old, new);
    assert_eq!(entries(&c), ["changed 0→0"]);
    assert_eq!(words(&c.entries[0]), expected);
    assert_eq!(
        entries(&compare_with(old, new, ignoring)),
        ["unchanged 0→0"]
    );
}

#[test]
fn case_is_a_change_unless_ignored() {
    differs_unless_ignored(
        "1. The member states agree.\n",
        "1. The Member States agree.\n",
        &[
            (Op::Equal, "The "),
            (Op::Delete, "member states"),
            (Op::Insert, "Member States"),
            (Op::Equal, " agree."),
        ],
        diff::Options {
            ignore_case: true,
            ..diff::Options::default()
        },
    );
}

#[test]
fn punctuation_is_a_change_unless_ignored() {
    // The comma is deleted, not a space inserted before `, `: the space after it is the one
    // the new text has after `agree`.
    let words = [
        (Op::Equal, "Members agree"),
        (Op::Delete, ","),
        (Op::Equal, " and act."),
    ];
    let ignoring = diff::Options {
        ignore_punctuation: true,
        ..diff::Options::default()
    };
    let (old, new) = (
        "1. Members agree, and act.\n",
        "1. Members agree and act.\n",
    );
    differs_unless_ignored(old, new, &words, ignoring);
}

#[test]
fn every_block_is_in_exactly_one_entry() {
    let old = "Article 1\n\nPeace is the aim.\n\nThe Members shall meet once a year. The chair shall rotate among them.\n\nArticle 2\n\nTrade grows.\n\nCulture unites.\n";
    let new = "Article 1\n\nCulture unites.\n\nPeace is the main aim.\n\nThe Members shall meet once a year.\n\nThe chair shall rotate among them.\n\nArticle 2\n\nScience helps.\n";
    let c = compare(old, new);
    let mut old_seen: Vec<usize> = c
        .entries
        .iter()
        .flat_map(|e| e.old_positions.clone())
        .collect();
    let mut new_seen: Vec<usize> = c
        .entries
        .iter()
        .flat_map(|e| e.new_positions.clone())
        .collect();
    old_seen.sort_unstable();
    new_seen.sort_unstable();
    assert_eq!(old_seen, [0, 1, 2, 3, 4, 5]);
    assert_eq!(new_seen, [0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(
        entries(&c),
        [
            "unchanged 0→0",
            "unchanged moved 5→1",
            "changed 1→2",
            "split 2→3,4",
            "unchanged 3→5",
            "changed 4→6",
        ]
    );
}

// Versions of real texts: headings travel with their articles, in any language.

/// Articles of the given bodies under the headings `heading(1)`, `heading(2)`, ….
fn articles(heading: impl Fn(usize) -> String, bodies: &[&str]) -> String {
    bodies
        .iter()
        .enumerate()
        .map(|(k, body)| format!("{}\n\n{body}\n\n", heading(k + 1)))
        .collect()
}

#[test]
fn recurring_line_shape_with_counting_numbers_is_a_heading_sequence() {
    // No article word of Turkish is known: the recurrence of "Madde N" makes the headings.
    let text = articles(
        |n| format!("Madde {n}"),
        &[
            "Herkes özgür doğar.",
            "Herkes eşittir.",
            "Herkesin yaşama hakkı vardır.",
        ],
    );
    assert_eq!(
        blocks(&text),
        [
            "H1 Madde 1 #1 |",
            "P | Herkes özgür doğar.",
            "H1 Madde 2 #2 |",
            "P | Herkes eşittir.",
            "H1 Madde 3 #3 |",
            "P | Herkesin yaşama hakkı vardır.",
        ]
    );
}

#[test]
fn digits_of_any_script_number_a_heading_sequence() {
    let text = articles(
        |n| format!("अनुच्छेद {}", ['०', '१', '२', '३'][n]),
        &["सभी मनुष्य स्वतंत्र हैं।", "सभी समान हैं।", "सबको जीवन का अधिकार है।"],
    );
    assert_eq!(
        blocks(&text),
        [
            "H1 अनुच्छेद १ #1 |",
            "P | सभी मनुष्य स्वतंत्र हैं।",
            "H1 अनुच्छेद २ #2 |",
            "P | सभी समान हैं।",
            "H1 अनुच्छेद ३ #3 |",
            "P | सबको जीवन का अधिकार है।",
        ]
    );
}

#[test]
fn spelled_out_ordinals_sharing_a_word_are_a_heading_sequence() {
    let text = articles(
        |n| format!("{} зүйл", ["Нэгдүгээр", "Хоёрдугаар", "Гуравдугаар"][n - 1]),
        &[
            "Хүн бүр эрх чөлөөтэй.",
            "Хүн бүр тэгш эрхтэй.",
            "Хүн бүр амьд явах эрхтэй.",
        ],
    );
    assert_eq!(
        blocks(&text),
        [
            "H1 Нэгдүгээр | зүйл",
            "P | Хүн бүр эрх чөлөөтэй.",
            "H1 Хоёрдугаар | зүйл",
            "P | Хүн бүр тэгш эрхтэй.",
            "H1 Гуравдугаар | зүйл",
            "P | Хүн бүр амьд явах эрхтэй.",
        ]
    );
}

const UDHR_THREE: [&str; 4] = [
    "All human beings are born free and equal in dignity and rights.",
    "Everyone is entitled to all the rights and freedoms set forth in this Declaration.",
    "Everyone has the right to life, liberty and security of person.",
    "No one shall be held in slavery or servitude.",
];

#[test]
fn label_only_heading_pairs_with_the_heading_of_the_same_article() {
    // Article 2 deleted: old Article 3 and 4 are new Article 2 and 3, renumbered, not moved;
    // old Article 2 goes with its body.
    let old = articles(|n| format!("Article {n}"), &UDHR_THREE);
    let new = articles(
        |n| format!("Article {n}"),
        &[UDHR_THREE[0], UDHR_THREE[2], UDHR_THREE[3]],
    );
    assert_eq!(
        entries(&compare(&old, &new)),
        [
            "unchanged 0→0",
            "unchanged 1→1",
            "removed 2→",
            "removed 3→",
            "unchanged renumbered 4→2",
            "unchanged 5→3",
            "unchanged renumbered 6→4",
            "unchanged 7→5",
        ]
    );
}

#[test]
fn moved_article_is_one_move_with_its_heading() {
    let old = articles(|n| format!("Article {n}"), &UDHR_THREE);
    let new = articles(
        |n| format!("Article {n}"),
        &[UDHR_THREE[3], UDHR_THREE[0], UDHR_THREE[1], UDHR_THREE[2]],
    );
    assert_eq!(
        entries(&compare(&old, &new)),
        [
            "unchanged moved renumbered 6→0",
            "unchanged moved 7→1",
            "unchanged renumbered 0→2",
            "unchanged 1→3",
            "unchanged renumbered 2→4",
            "unchanged 3→5",
            "unchanged renumbered 4→6",
            "unchanged 5→7",
        ]
    );
}

#[test]
fn boilerplate_pairs_in_place_and_never_moves() {
    // "(repealed)" recurs: deleting § 2 must not pair old § 2's "(repealed)" with § 3's.
    let old = "§ 1\n\n(repealed)\n\n§ 2\n\nThe Members shall meet.\n\n§ 3\n\n(repealed)\n";
    let new = "§ 1\n\n(repealed)\n\n§ 3\n\nThe Members shall meet yearly.\n\n§ 2\n\n(repealed)\n";
    assert_eq!(
        entries(&compare(old, new)),
        [
            "unchanged 0→0",
            "unchanged 1→1",
            "unchanged renumbered 2→2",
            "changed 3→3",
            "unchanged renumbered 4→4",
            "unchanged 5→5",
        ]
    );
}

#[test]
fn lone_block_between_paired_neighbours_is_changed_however_rewritten() {
    let c = compare(
        "Peace is the aim.\n\nThe chair rotates every year.\n\nTrade grows.\n",
        "Peace is the aim.\n\nNothing in common here at all.\n\nTrade grows.\n",
    );
    assert_eq!(
        entries(&c),
        ["unchanged 0→0", "changed 1→1", "unchanged 2→2"]
    );
    assert_eq!(c.entries[1].matched_by, Some(MatchedBy::Position));
}

#[test]
fn item_keeping_its_letter_is_changed_however_rewritten() {
    let c = compare(
        "1. The Members:\n\na) meet yearly;\n\nb) elect a chair;\n\nc) adopt a budget.\n",
        "1. The Members:\n\na) meet yearly;\n\nb) publish their reports;\n\nb) elect a chair;\n\nc) adopt a budget.\n",
    );
    assert_eq!(
        entries(&c),
        [
            "unchanged 0→0",
            "unchanged 1→1",
            "added →2",
            "unchanged 2→3",
            "unchanged 3→4"
        ]
    );
    let c = compare(
        "1. The Members:\n\na) meet yearly;\n\nb) elect a chair;\n\nInterpretation.\n\nc) adopt a budget.\n",
        "1. The Members:\n\na) meet yearly;\n\nb) publish their reports;\n\nA note.\n\nc) adopt a budget.\n",
    );
    assert_eq!(
        entries(&c),
        [
            "unchanged 0→0",
            "unchanged 1→1",
            "changed 2→2",
            "removed 3→",
            "added →3",
            "unchanged 4→4",
        ]
    );
    assert_eq!(c.entries[2].matched_by, Some(MatchedBy::Number));
}

#[test]
fn split_is_found_across_punctuation_width_and_the_profile_names_the_folding() {
    let old = "第三条\n\n人人有权享有生命、自由和人身安全，任何人不得使为奴隶或奴役，一切形式的奴隶制度均应予以禁止。\n";
    let new = "第三条\n\n人人有权享有生命、自由和人身安全,\n\n任何人不得使为奴隶或奴役,\n\n一切形式的奴隶制度均应予以禁止。\n";
    let c = compare(old, new);
    assert_eq!(entries(&c), ["unchanged 0→0", "split 1→1,2,3"]);
    assert_eq!(
        words(&c.entries[1])
            .iter()
            .filter(|w| w.0 != Op::Equal)
            .count(),
        0
    );
    let text = accord::report::to_string(
        &c,
        accord::report::Format::Text,
        &accord::report::View::default(),
    )
    .unwrap();
    assert!(text.contains(
        "\nignoring whitespace, quote and dash style, full-width and half-width forms, repaired PDF damage\n"
    ));
    let strict = compare_with(old, new, STRICT);
    assert_eq!(entries(&strict), ["unchanged 0→0", "split 1→1,2,3"]);
    assert_eq!(
        words(&strict.entries[1])
            .into_iter()
            .filter(|w| w.0 != Op::Equal)
            .collect::<Vec<_>>(),
        // Strict: the space that joins the parts for the word diff counts too.
        [
            (Op::Delete, "，"),
            (Op::Insert, ", "),
            (Op::Delete, "，"),
            (Op::Insert, ", "),
        ]
    );
}

#[test]
fn setext_underline_makes_a_heading_and_is_not_text() {
    let d = doc(
        "Article 247\n-----------\nThe Parties agree.\n\nArticle 248\n===========\n\nThey act.\n",
    );
    assert_eq!(
        shown(&d),
        [
            "H2 Article 247 #247 |",
            "P | The Parties agree.",
            "H1 Article 248 #248 |",
            "P | They act.",
        ]
    );
}

#[test]
fn definition_list_entry_is_one_block_however_long_its_definition() {
    let definition = format!(
        "Art. 2 V v. 18.5.2021 {}",
        "textlich nachgewiesen ".repeat(8)
    );
    let d = doc(&format!(
        "# Gesetz\n\nÄnderung durch\n:   {definition}\n\nFundstelle\n:   BGBl I: 1989, 1489\n"
    ));
    assert_eq!(
        shown(&d),
        [
            "H1 | Gesetz".to_string(),
            format!("P | Änderung durch : {}", definition.trim_end()),
            "P | Fundstelle : BGBl I: 1989, 1489".to_string(),
        ]
    );
}

#[test]
fn bare_cjk_numeral_line_is_a_label_as_a_bare_roman_one_is() {
    assert_eq!(
        blocks("一\n人人生而自由。\n"),
        ["H1 一 #1 |", "P | 人人生而自由。"]
    );
    assert_eq!(
        blocks("I\nAll are born free.\n"),
        ["H1 I #1 |", "P | All are born free."]
    );
}

#[test]
fn title_read_as_heading_in_one_version_and_paragraph_in_the_other_is_one_entry() {
    let old = "# Declaration\n\n## Peace and security\n\n1. Member States agree.\n";
    let new = "# Declaration\n\nPeace and security\n\n1. Member States agree.\n";
    let c = compare(old, new);
    // Its words are the same: only how the two texts set it differs.
    assert_eq!(
        entries(&c),
        ["unchanged 0→0", "unchanged 1→1", "unchanged 2→2"]
    );
    assert_eq!(
        (c.entries[1].old[0].kind, c.entries[1].new[0].kind),
        (BlockType::Heading, BlockType::Paragraph)
    );
}

/// A Markdown code in the style of published German law: `§` headings under `Abschnitt`
/// headings, the given lines between.
fn code(lines: &str) -> String {
    format!("# Gesetz\n\n## Abschnitt 1 - Personen\n\n{lines}")
}

#[test]
fn each_kind_of_heading_is_its_own_sequence() {
    let d = doc(&code(
        "### § 88 Erste\n\nText.\n\n### § 89 Zweite\n\nText.\n\n\
         ## Abschnitt 2 - Sachen\n\n### § 90 Dritte\n\nText.\n",
    ));
    assert_eq!(findings(&d), NONE);
    let gap = doc(&code(
        "### § 88 Erste\n\nText.\n\n## Abschnitt 3 - Sachen\n\n### § 90 Dritte\n\nText.\n",
    ));
    assert_eq!(
        findings(&gap),
        [
            "gap at 9: heading numbering skips 2: 1 is followed by 3",
            "gap at 11: heading numbering skips 89: 88 is followed by 90",
        ]
    );
}

#[test]
fn a_range_heading_fills_its_numbers() {
    let d = doc(&code(
        "### § 2 Erste\n\nText.\n\n### (XXXX) §§ 3 bis 6 (weggefallen)\n\n\
         ### § 7 Zweite\n\nText.\n\n### §§ 8, 9 (weggefallen)\n\n### § 10 Dritte\n\nText.\n",
    ));
    assert_eq!(findings(&d), NONE);
    let short = doc(&code(
        "### § 2 Erste\n\nText.\n\n### §§ 3 bis 5 (weggefallen)\n\n### § 7 Zweite\n\nText.\n",
    ));
    assert_eq!(
        findings(&short),
        ["gap at 11: heading numbering skips 6: 5 is followed by 7"]
    );
}

#[test]
fn a_paragraph_citing_a_provision_is_not_labelled_by_it() {
    let d = doc(&code(
        "### § 1757 Name des Kindes\n\n§ 1746 Abs. 1 Satz 2 ist entsprechend anzuwenden.\n\n\
         ### § 1758 Offenbarungsverbot\n\nText.\n",
    ));
    assert_eq!(
        shown(&d)[2..],
        [
            "H3 § 1757 #1757 | Name des Kindes",
            "P | § 1746 Abs. 1 Satz 2 ist entsprechend anzuwenden.",
            "H3 § 1758 #1758 | Offenbarungsverbot",
            "P | Text.",
        ]
    );
    assert_eq!(findings(&d), NONE);
}

#[test]
fn a_parenthesised_number_before_a_parenthesis_is_a_label() {
    let d =
        doc("(3) Der Bürgermeister soll hinweisen.\n\n(4)(weggefallen)\n\n(5) Das Testament.\n");
    assert_eq!(
        shown(&d),
        [
            "P (3) #3 | Der Bürgermeister soll hinweisen.",
            "P (4) #4 | (weggefallen)",
            "P (5) #5 | Das Testament.",
        ]
    );
    assert_eq!(findings(&d), NONE);
}

#[test]
fn lists_parted_by_prose_each_start_at_one() {
    let d = doc(
        "(2) Er hat\n\n1. erstens,\n\n2. zweitens.\n\nIm Falle des Widerrufs gilt, wenn er\n\n1. erstens,\n\n2. zweitens.\n",
    );
    assert_eq!(findings(&d), NONE);
}

#[test]
fn repealed_placeholders_and_headings_of_another_kind_are_not_empty_sections() {
    let d = doc(&code(
        "### § 10 (weggefallen)\n\n### § 11 Wohnsitz\n\nText.\n\n### § 12 (weggefallen)\n\n\
         ### Kapitel 1 - Vereine\n\n### § 13 Verein\n\nText.\n\n### § 14 Leer\n\n### § 15 Voll\n\nText.\n",
    ));
    assert_eq!(
        findings(&d),
        ["empty-section at 19: section § 14 has no paragraphs"]
    );
}

#[test]
fn markdown_escapes_are_markup_and_an_escaped_lone_label_is_an_item() {
    let d = doc(
        "# Gesetz\n\nDie Organe sind\n\n1. der Vorstand,\n\n2. der Rat,\n\n3\\.\n4\\.\n\n\
         5. die Versammlung, gewählt am\n13\\. Juni 1990.\n",
    );
    assert_eq!(
        shown(&d),
        [
            "H1 | Gesetz",
            "P | Die Organe sind",
            "P 1. #1 | der Vorstand,",
            "P 2. #2 | der Rat,",
            "P 3. #3 |",
            "P 4. #4 |",
            "P 5. #5 | die Versammlung, gewählt am 13. Juni 1990.",
        ]
    );
    assert_eq!(findings(&d), NONE);
}

#[test]
fn markdown_marks_render_under_gfm_whatever_they_start_or_end_with() {
    let c = compare(
        "1. The Parties agree, in good faith, to act.\n",
        "1. The Parties agree to act (at once).\n",
    );
    let markdown = accord::report::to_string(
        &c,
        accord::report::Format::Markdown,
        &accord::report::View::default(),
    )
    .unwrap();
    let html = crate::util::gfm_html(&markdown);
    assert!(
        html.contains("agree<del>, in good faith,</del> to act"),
        "{html}"
    );
    assert!(html.contains("to act <b>(at once)</b>."), "{html}");
}

// Reports of versions: what they name and note (versions issue, rule 10).

fn report_text(c: &Comparison) -> String {
    accord::report::to_string(
        c,
        accord::report::Format::Text,
        &accord::report::View::default(),
    )
    .unwrap()
}

#[test]
fn an_unnumbered_heading_is_listed_as_a_heading_in_the_timeline() {
    let versions: Vec<Version> = [
        "# Charter\n\nPurposes\n\nPeace.\n",
        "# Charter\n\nPurposes\n\nPeace and trade.\n",
        "# Charter\n\nPurposes\n\nPeace and trade grow.\n",
    ]
    .iter()
    .enumerate()
    .map(|(k, text)| Version::new(format!("v{k}"), doc(text)))
    .collect();
    let timeline = accord::history::timeline(&versions, &diff::Options::default());
    let text = accord::report::to_string(
        &timeline,
        accord::report::Format::Text,
        &accord::report::View::default(),
    )
    .unwrap();
    assert!(text.contains(" § Charter\n"), "{text}");
    assert!(text.contains(" ¶ Peace and trade grow.\n"), "{text}");
}

#[test]
fn a_moved_block_with_no_place_name_is_placed_by_its_line() {
    let c = compare(
        "Article 1\n\nAll are free.\n\nArticle 2\n\nAll are equal.\n\nArticle 3\n\nAll may live.\n",
        "Article 1\n\nAll are equal.\n\nArticle 2\n\nAll may live.\n\nArticle 3\n\nAll are free.\n",
    );
    let text = report_text(&c);
    assert!(!text.contains("from  ("), "{text}");
    assert!(text.contains("moved from line 1"), "{text}");
}

#[test]
fn a_change_no_word_shows_is_said_to_be_in_the_text_as_written() {
    let c = compare_with(
        "1. Alpha beta.\n\n2. Gamma delta.\n",
        "1. Alpha beta.\n\n2. Gamma\ndelta.\n",
        STRICT,
    );
    assert_eq!(entries(&c), ["unchanged 0→0", "changed 1→1"]);
    let text = report_text(&c);
    assert!(
        text.contains("(no word differs, only the text as written: its line breaks or spacing)"),
        "{text}"
    );
}

// History as git tells it (versions issue, rule 8).

#[test]
fn a_block_a_merge_kept_from_a_branch_is_credited_to_the_branch_commit() {
    // 0 the start; 1 a branch amends ¶ 2; 2 the main line amends ¶ 1; 3 merges both.
    let texts = [
        "1. Members meet.\n\n2. Members vote.\n",
        "1. Members meet.\n\n2. Members vote by majority.\n",
        "1. Members meet yearly.\n\n2. Members vote.\n",
        "1. Members meet yearly.\n\n2. Members vote by majority.\n",
    ];
    let versions: Vec<Version> = texts
        .iter()
        .enumerate()
        .map(|(k, t)| Version::new(format!("v{k}"), doc(t)))
        .collect();
    let parents = [vec![], vec![0], vec![0], vec![2, 1]];
    let lineages = accord::history::lineages_from(&versions, &parents, &diff::Options::default());
    let last_changed: Vec<usize> = lineages.iter().map(|l| l.last_changed()).collect();
    assert_eq!(last_changed, [2, 1]);
    // Along the first parent alone, the merge would seem to have made ¶ 2.
    let line = accord::history::lineages(
        &[
            versions[0].clone(),
            versions[2].clone(),
            versions[3].clone(),
        ],
        &diff::Options::default(),
    );
    assert_eq!(
        line.iter().map(|l| l.last_changed()).collect::<Vec<_>>(),
        [1, 2]
    );
}

// Translations (translations issue).

fn aligned(texts: &[(&str, &str)]) -> accord::translation::Alignment {
    let versions: Vec<accord::translation::LanguageVersion> = texts
        .iter()
        .map(|(language, text)| accord::translation::LanguageVersion {
            version: Version::new(format!("udhr.{language}.txt"), doc(text)),
            language: language.to_string(),
        })
        .collect();
    accord::translation::align(&versions)
}

/// Every finding's message, row by row.
fn messages(a: &accord::translation::Alignment) -> Vec<&str> {
    a.pairs
        .iter()
        .flat_map(|r| r.findings.iter().map(|f| f.message.as_str()))
        .collect()
}

#[test]
fn a_number_opening_a_text_beside_the_other_sides_label_is_no_numbers_finding() {
    // Tibetan digits without a dot are not read as a label; beside `1.` they are one.
    let a = aligned(&[
        (
            "en",
            "Article 11\n\n1. Everyone charged has the right to be presumed innocent.\n",
        ),
        ("bo", "Article 11\n\n༡ སྐྱེ་བོ་རེ་རེར་ཁྲིམས་འགལ་ཉེས་སྐྱོན་བཙུགས་རིགས་ལ།\n"),
    ]);
    let findings = messages(&a);
    assert_eq!(findings, Vec::<&str>::new());
    // Nor a parenthesised one in Urdu digits.
    let u = aligned(&[
        (
            "en",
            "Article 13

1. Everyone has the right to freedom of movement.
",
        ),
        (
            "ur",
            "Article 13

( ۱) ہر شخص کا حق ہے کہ نقل و حرکت کرے۔
",
        ),
    ]);
    assert_eq!(u.summary.checks.get("numbers"), None);
    // A number the text itself says is still compared.
    let b = aligned(&[
        ("en", "Article 11\n\n1. Everyone has 2 rights.\n"),
        ("bo", "Article 11\n\n༡ སྐྱེ་བོ་རེ་རེར་༣ ཁྲིམས།\n"),
    ]);
    assert_eq!(b.summary.checks.get("numbers"), Some(&1));
}

#[test]
fn findings_name_documents_by_place_and_label_not_only_language() {
    let a = aligned(&[
        (
            "en",
            "Article 1\n\nAll are free.\n\nArticle 2\n\nAll are equal.\n",
        ),
        ("en", "Article 1\n\nAll are free.\n"),
    ]);
    let findings = messages(&a);
    assert!(!findings.is_empty());
    assert!(
        findings
            .iter()
            .all(|f| f
                .starts_with("[2] udhr.en.txt (en) has no counterpart for [1] udhr.en.txt (en)")),
        "{findings:?}"
    );
}

#[test]
fn spelled_out_numbers_and_names_with_digits_are_not_compared_but_dates_are() {
    let numbers_findings = |en: &str, zh: &str| {
        let a = aligned(&[("en", en), ("zh", zh)]);
        a.summary.checks.get("numbers").copied().unwrap_or(0)
    };
    assert_eq!(
        numbers_findings(
            "On the twentieth anniversary, Member States fought COVID-19 together.\n",
            "在二十周年之际，成员国共同抗击新冠肺炎疫情。\n",
        ),
        0
    );
    assert_eq!(
        numbers_findings(
            "Adopted on 10 December 1948 by the General Assembly of the nations.\n",
            "联合国大会一九四八年十二月十一日通过。\n",
        ),
        1
    );
    // A footnote mark written against a word is numbered by each edition its own way.
    assert_eq!(
        numbers_findings(
            "The Swiss People and the Cantons adopt the following Constitution1:\n",
            "Le peuple et les cantons suisses arrêtent la Constitution2 que voici:\n",
        ),
        0
    );
    // A number a script without case writes against its words is still one.
    assert_eq!(
        numbers_findings(
            "Resolution 217 of the General Assembly of the nations.\n",
            "联合国大会第218号决议。\n",
        ),
        1
    );
}

#[test]
fn two_versions_in_one_language_pair_their_identical_paragraphs_by_text() {
    let a = aligned(&[
        (
            "en",
            "# Charter\n\n## Article 1\n\nAll human beings are born free and equal.\n\n\
             They are endowed with reason and conscience.\n",
        ),
        (
            "en",
            "CHARTER\n\nArticle 1. All human beings are born free and equal.\n\n\
             A paragraph inserted here.\n\nThey are endowed with reason and conscience.\n",
        ),
    ]);
    let row = a
        .pairs
        .iter()
        .find(|r| {
            r.blocks[0]
                .first()
                .is_some_and(|b| b.text.starts_with("They are"))
        })
        .expect("the paragraph's row");
    assert_eq!(
        row.blocks[1][0].text,
        "They are endowed with reason and conscience."
    );
    assert_eq!(row.matched_by, Some(accord::translation::Evidence::Text));
}

#[test]
fn a_numbers_finding_quotes_the_numbers_as_the_texts_write_them() {
    let a = aligned(&[
        ("en", "Adopted on 17 September 2021 by the Council.\n"),
        ("ru", "Принята 17 октября 2021 года Советом.\n"),
    ]);
    let findings = messages(&a);
    assert_eq!(findings.len(), 1);
    assert!(
        findings[0]
            .ends_with("[1] udhr.en.txt (en) has September; [2] udhr.ru.txt (ru) has октября"),
        "{findings:?}"
    );
}

/// Each row of an alignment as `a | b`: each block by its label, or by its first three words,
/// `—` for a side without blocks.
fn aligned_rows(a: &accord::translation::Alignment) -> Vec<String> {
    a.pairs.iter().map(aligned_rows_of).collect()
}

/// One row as [`aligned_rows`] shows it.
fn aligned_rows_of(r: &accord::translation::Row) -> String {
    let name = |b: &Block| {
        if b.label.is_empty() {
            b.text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            b.label.trim().to_string()
        }
    };
    r.blocks
        .iter()
        .map(|side| {
            if side.is_empty() {
                "—".to_string()
            } else {
                side.iter().map(name).collect::<Vec<_>>().join(" + ")
            }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// A sentence of `words` made-up words, chosen by `seed` from the twelve of `group` (of
/// three): prose whose words recur from sentence to sentence of a group and never leave it,
/// and whose translation a test can write by changing every word the same way.
fn prose(seed: usize, words: usize, group: usize) -> String {
    const SYLLABLES: [&str; 6] = ["ka", "lo", "mi", "ne", "ru", "ta"];
    (0..words)
        .map(|w| {
            let k = group * 12 + (seed * 5 + w * 7) % 12;
            format!(
                "{}{}{}",
                SYLLABLES[k % 6],
                SYLLABLES[k / 6],
                SYLLABLES[(k + 3) % 6]
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
        + "."
}

#[test]
fn an_excerpt_pairs_from_the_start_and_leaves_the_rest_of_the_longer_text_unmatched() {
    // Rule 1: the translation stops inside article 2. Its last paragraph is the first of
    // article 2, not whichever later paragraph has the closest length.
    let en = "Article 1\n\nAll human beings are born free and equal in dignity and rights.\n\n\
              Article 2\n\nEveryone is entitled to all the rights and freedoms set forth here.\n\n\
              Furthermore, no distinction shall be made on the basis of the political status of the country.\n\n\
              Article 3\n\nEveryone has the right to life, liberty and security of person.\n";
    let de = "Artikel 1\n\nAlle Menschen sind frei und gleich an Würde und Rechten geboren.\n\n\
              Artikel 2\n\nJeder hat Anspruch auf die in dieser Erklärung verkündeten Rechte.\n";
    let a = aligned(&[("en", en), ("de", de)]);
    assert_eq!(
        aligned_rows(&a),
        [
            "Article 1 | Artikel 1",
            "All human beings | Alle Menschen sind",
            "Article 2 | Artikel 2",
            "Everyone is entitled | Jeder hat Anspruch",
            "Furthermore, no distinction | —",
            "Article 3 | —",
            "Everyone has the | —",
        ]
    );
}

#[test]
fn a_late_start_pairs_next_to_the_first_shared_anchor() {
    // Rule 1: an extract of the operative part, without title, preamble or the first
    // article's heading: its first paragraph is article 1's, beside the first shared label.
    let en = "Universal Declaration\n\nPreamble\n\n\
              Whereas recognition of the inherent dignity is the foundation of freedom,\n\n\
              Whereas disregard for human rights has resulted in barbarous acts,\n\n\
              Article 1\n\nAll human beings are born free and equal in dignity and rights.\n\n\
              Article 2\n\nEveryone is entitled to all the rights and freedoms set forth here.\n";
    let fr = "Tous les êtres humains naissent libres et égaux en dignité et en droits.\n\n\
              Article 2\n\nChacun peut se prévaloir de tous les droits et de toutes les libertés.\n";
    let a = aligned(&[("en", en), ("fr", fr)]);
    assert_eq!(
        aligned_rows(&a),
        [
            "Universal Declaration | —",
            "Preamble | —",
            "Whereas recognition of | —",
            "Whereas disregard for | —",
            "Article 1 | —",
            "All human beings | Tous les êtres",
            "Article 2 | Article 2",
            "Everyone is entitled | Chacun peut se",
        ]
    );
}

#[test]
fn a_block_without_counterpart_is_not_merged_into_its_neighbour() {
    // Rule 1: two blocks against one need the combined length to fit; a translator's
    // credit line after the last article fits nothing and stays unmatched.
    let en = "Article 1\n\nAll human beings are born free and equal in dignity and rights.\n\n\
              Article 2\n\nNothing in this Declaration may be interpreted as implying any right to destroy the rights set forth herein.\n";
    let fr = "Article 1\n\nTous les êtres humains naissent libres et égaux en dignité et en droits.\n\n\
              Article 2\n\nAucune disposition de la présente Déclaration ne peut être interprétée comme impliquant un droit de détruire les droits.\n\n\
              Traduit par un volontaire.\n";
    let a = aligned(&[("en", en), ("fr", fr)]);
    assert_eq!(
        aligned_rows(&a)[3..],
        [
            "Nothing in this | Aucune disposition de",
            "— | Traduit par un"
        ]
    );
}

#[test]
fn a_shared_date_resynchronises_unnumbered_paragraphs() {
    // Rule 2: the Chinese version has one paragraph more at the start; the paragraph with
    // the same date in both, however the date is written, pairs, and the rest after it
    // returns to one for one.
    let en = "The heads of state met in Samarkand on 16 September 2022.\n\n\
              They agreed to strengthen cooperation in trade and transport.\n\n\
              They adopted the programme of action until 2030.\n";
    let zh = "上海合作组织成员国元首理事会会议\n\n\
              2022年9月16日，成员国元首在撒马尔罕举行会议。\n\n\
              各方同意加强贸易和交通合作。\n\n\
              各方通过了至2030年的行动纲要。\n";
    let a = aligned(&[("en", en), ("zh", zh)]);
    assert_eq!(
        aligned_rows(&a),
        [
            "— | 上海合作组织成员国元首理事会会议",
            "The heads of | 2022年9月16日，成员国元首在撒马尔罕举行会议。",
            "They agreed to | 各方同意加强贸易和交通合作。",
            "They adopted the | 各方通过了至2030年的行动纲要。",
        ]
    );
}

/// `text` in a made-up language: every word of `prose` spelled backwards and doubled in its
/// last letter, so that lengths keep and a lexicon can learn the words.
fn ciphered(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let w = w.trim_end_matches('.');
            let mut out: String = w.chars().rev().collect();
            out.push(out.chars().last().unwrap_or('x'));
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
        + "."
}

#[test]
fn words_the_versions_share_tell_which_of_two_paragraphs_a_translation_left_out() {
    // Rule 2: twelve articles pair by number, and their paragraphs teach the lexicon (three
    // groups of words, four articles each); in article 9 the translation has one paragraph
    // for two of the same length, and its words are those of the second.
    let mut en = String::new();
    let mut xx = String::new();
    let (first, second) = (prose(21, 12, 1), prose(22, 12, 2));
    for n in 1..=12 {
        let body = prose(n, 12, n % 3);
        en += &format!("Article {n}\n\n{body}\n\n");
        xx += &format!("Artikla {n}\n\n{}\n\n", ciphered(&body));
        if n == 9 {
            en += &format!("{first}\n\n{second}\n\n");
            xx += &format!("{}\n\n", ciphered(&second));
        }
    }
    let a = aligned(&[("en", &en), ("fi", &xx)]);
    let first_words = |t: &str| t.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    let rows = aligned_rows(&a);
    let at = rows
        .iter()
        .position(|r| r.starts_with(&first_words(&first)))
        .unwrap_or_else(|| panic!("no row for the first paragraph: {rows:#?}"));
    assert_eq!(
        rows[at..at + 2],
        [
            format!("{} | —", first_words(&first)),
            format!(
                "{} | {}",
                first_words(&second),
                first_words(&ciphered(&second))
            ),
        ]
    );
    assert_eq!(
        a.pairs[at + 1].matched_by,
        Some(accord::translation::Evidence::Words)
    );
}

#[test]
fn omission_merge_and_split_are_told_apart_each_on_its_blocks() {
    // Rule 3. Articles 1 to 3 agree. Article 4: the translation leaves out the second
    // paragraph. Article 5: it joins two into one. Article 6: it cuts one in two.
    let en = "Article 1\n\nAll human beings are born free and equal in dignity and rights.\n\n\
              Article 2\n\nEveryone has the right to life, liberty and security of person.\n\n\
              Article 3\n\nNo one shall be held in slavery or servitude.\n\n\
              Article 4\n\n\
              Everyone has the right to take part in the government of his country.\n\n\
              Everyone has the right of equal access to public service in his country. The will of the people shall be the basis of the authority of government; this will shall be expressed in periodic and genuine elections which shall be by universal and equal suffrage.\n\n\
              Article 5\n\n\
              Everyone has the right to education, which shall be free, at least in the elementary and fundamental stages.\n\n\
              Technical and professional education shall be made generally available.\n\n\
              Article 6\n\n\
              Everyone has the right to rest and leisure. This includes reasonable limitation of working hours and periodic holidays with pay.\n";
    let fr = "Article 1\n\nTous les êtres humains naissent libres et égaux en dignité et en droits.\n\n\
              Article 2\n\nTout individu a droit à la vie, à la liberté et à la sûreté de sa personne.\n\n\
              Article 3\n\nNul ne sera tenu en esclavage ni en servitude.\n\n\
              Article 4\n\n\
              Toute personne a le droit de prendre part à la direction des affaires publiques de son pays.\n\n\
              Article 5\n\n\
              Toute personne a droit à l'éducation, qui doit être gratuite, au moins en ce qui concerne l'enseignement élémentaire et fondamental. L'enseignement technique et professionnel doit être généralisé.\n\n\
              Article 6\n\n\
              Toute personne a droit au repos et aux loisirs.\n\n\
              Cela comprend une limitation raisonnable de la durée du travail et des congés payés périodiques.\n";
    let a = aligned(&[("en", en), ("fr", fr)]);
    assert_eq!(
        aligned_rows(&a)[6..],
        [
            "Article 4 | Article 4",
            "Everyone has the | Toute personne a",
            "Everyone has the | —",
            "Article 5 | Article 5",
            "Everyone has the + Technical and professional | Toute personne a",
            "Article 6 | Article 6",
            "Everyone has the | Toute personne a + Cela comprend une",
        ]
    );
    let said: Vec<(usize, &str)> = a
        .pairs
        .iter()
        .enumerate()
        .flat_map(|(k, r)| r.findings.iter().map(move |f| (k, f.message.as_str())))
        .collect();
    assert_eq!(
        said,
        [
            (
                8,
                "[2] udhr.fr.txt (fr) has no counterpart for [1] udhr.en.txt (en) “Everyone has the right of equal…” (line 17)"
            ),
            (
                10,
                "[1] udhr.en.txt (en) “Everyone has the right to education,…” (line 21) + “Technical and professional education shall be…” (line 23) correspond to one block in [2] udhr.fr.txt (fr): “Toute personne a droit à l'éducation,…” (line 19)"
            ),
            (
                12,
                "[2] udhr.fr.txt (fr) “Toute personne a droit au repos…” (line 23) + “Cela comprend une limitation raisonnable de…” (line 25) correspond to one block in [1] udhr.en.txt (en): “Everyone has the right to rest…” (line 27)"
            ),
        ]
    );
}

#[test]
fn one_block_fitting_two_equally_says_one_of_them_is_missing_not_which() {
    // Rule 3: nothing tells which of two paragraphs of equal length the translation left out;
    // the finding names both, and the pair's confidence says to look at it.
    let en = "Article 1\n\nAll are equal before the law.\n\nAll are entitled to protection.\n\n\
              Article 2\n\nEveryone has the right to an effective remedy.\n\n\
              Article 3\n\nNo one shall be subjected to arbitrary arrest.\n";
    let fi = "Artikla 1\n\nKaikki ovat yhdenvertaisia.\n\n\
              Artikla 2\n\nJokaisella on oikeus tehokkaaseen oikeussuojaan.\n\n\
              Artikla 3\n\nKetään ei saa mielivaltaisesti pidättää.\n";
    let a = aligned(&[("en", en), ("fi", fi)]);
    assert_eq!(
        aligned_rows(&a)[1],
        "All are equal + All are entitled | Kaikki ovat yhdenvertaisia."
    );
    assert_eq!(a.pairs[1].undecided, [1]);
    assert!(a.pairs[1].confidence < 0.8, "{}", a.pairs[1].confidence);
    assert_eq!(
        messages(&a),
        [
            "[2] udhr.fi.txt (fi) “Kaikki ovat yhdenvertaisia.…” (line 3) renders one of [1] udhr.en.txt (en) “All are equal before the law.…” (line 3) + “All are entitled to protection.…” (line 5), not both: the other has no counterpart, and length and words fit either"
        ]
    );
}

#[test]
fn a_pair_its_neighbours_would_fit_as_well_has_a_low_confidence() {
    // Rule 6: the paragraphs of article 1 pair as surely as lengths can tell; in article 2
    // the translation's one paragraph fits either of two, not both, and that pair is the one
    // to look at.
    let en = "Article 1\n\nEveryone has the right to life, liberty and security of person.\n\n\
              Article 2\n\nAll are equal before the law and are entitled without any discrimination to equal protection.\n\n\
              All are entitled to equal protection against any discrimination in violation of this Declaration.\n\n\
              Article 3\n\nNo one shall be held in slavery or servitude.\n\n\
              Article 4\n\nNo one shall be subjected to torture or to cruel, inhuman or degrading treatment.\n\n\
              Article 5\n\nEveryone has the right to recognition everywhere as a person before the law.\n";
    let de = "Artikel 1\n\nJeder hat das Recht auf Leben, Freiheit und Sicherheit der Person.\n\n\
              Artikel 2\n\nAlle Menschen sind vor dem Gesetz gleich und haben ohne Unterschied Anspruch auf gleichen Schutz.\n\n\
              Artikel 3\n\nNiemand darf in Sklaverei oder Leibeigenschaft gehalten werden.\n\n\
              Artikel 4\n\nNiemand darf der Folter oder grausamer, unmenschlicher oder erniedrigender Behandlung unterworfen werden.\n\n\
              Artikel 5\n\nJeder hat das Recht, überall als rechtsfähig anerkannt zu werden.\n";
    let a = aligned(&[("en", en), ("de", de)]);
    let confidence = |starts: &str| {
        a.pairs
            .iter()
            .find(|r| {
                r.blocks[0]
                    .first()
                    .is_some_and(|b| b.text.starts_with(starts))
            })
            .map(|r| r.confidence)
            .unwrap()
    };
    assert!(
        confidence("Everyone has") >= 0.8,
        "{}",
        confidence("Everyone has")
    );
    assert!(
        confidence("All are equal") < 0.8,
        "{}",
        confidence("All are equal")
    );
}

#[test]
fn three_versions_keep_every_block_once_with_excerpts_and_omissions() {
    // Rule 7: a full text, an excerpt and a version that leaves a paragraph out, at once.
    let en = "Article 1\n\nAll human beings are born free and equal in dignity and rights.\n\n\
              Article 2\n\nEveryone is entitled to all the rights and freedoms set forth here.\n\n\
              Furthermore, no distinction shall be made on the basis of the political, jurisdictional or international status of the country.\n\n\
              Article 3\n\nEveryone has the right to life, liberty and security of person.\n";
    let de = "Artikel 1\n\nAlle Menschen sind frei und gleich an Würde und Rechten geboren.\n\n\
              Artikel 2\n\nJeder hat Anspruch auf die in dieser Erklärung verkündeten Rechte und Freiheiten.\n";
    let fr = "Article 1\n\nTous les êtres humains naissent libres et égaux en dignité et en droits.\n\n\
              Article 2\n\nChacun peut se prévaloir de tous les droits proclamés ici.\n\n\
              Article 3\n\nTout individu a droit à la vie, à la liberté et à la sûreté de sa personne.\n";
    let a = aligned(&[("en", en), ("de", de), ("fr", fr)]);
    assert_eq!(
        aligned_rows(&a),
        [
            "Article 1 | Artikel 1 | Article 1",
            "All human beings | Alle Menschen sind | Tous les êtres",
            "Article 2 | Artikel 2 | Article 2",
            "Everyone is entitled | Jeder hat Anspruch | Chacun peut se",
            "Furthermore, no distinction | — | —",
            "Article 3 | — | Article 3",
            "Everyone has the | — | Tout individu a",
        ]
    );
    for (d, doc) in a.documents.iter().enumerate() {
        let placed: usize = a.pairs.iter().map(|r| r.blocks[d].len()).sum();
        assert_eq!(placed, doc.blocks, "{}", doc.label);
    }
}

#[test]
fn articles_pair_by_number_when_one_version_spells_out_the_titles_above_them() {
    // Rule 2: `1. Titel` is a numbered level above the articles in German; `Titolo primo`
    // is not one in Italian. The articles pair by number all the same.
    let de = "1. Titel: Allgemeine Bestimmungen\n\n\
              Art. 1 Eidgenossenschaft\n\nDas Schweizervolk und die Kantone bilden die Eidgenossenschaft.\n\n\
              Art. 2 Zweck\n\nDie Eidgenossenschaft schützt die Freiheit und die Rechte des Volkes.\n\n\
              2. Titel: Grundrechte\n\n\
              Art. 3 Menschenwürde\n\nDie Würde des Menschen ist zu achten und zu schützen.\n";
    let it = "Titolo primo: Disposizioni generali\n\n\
              Art. 1 Confederazione\n\nIl Popolo svizzero e i Cantoni costituiscono la Confederazione.\n\n\
              Art. 2 Scopo\n\nLa Confederazione tutela la libertà e i diritti del Popolo.\n\n\
              Titolo secondo: Diritti fondamentali\n\n\
              Art. 3 Dignità umana\n\nLa dignità della persona va rispettata e protetta.\n";
    let a = aligned(&[("de", de), ("it", it)]);
    let by_number: Vec<String> = a
        .pairs
        .iter()
        .filter(|r| r.matched_by == Some(accord::translation::Evidence::Number))
        .map(aligned_rows_of)
        .collect();
    assert_eq!(
        by_number,
        ["Art. 1 | Art. 1", "Art. 2 | Art. 2", "Art. 3 | Art. 3"]
    );
    assert!(
        a.pairs
            .iter()
            .all(|r| r.blocks.iter().all(|b| !b.is_empty()))
    );
}

#[test]
fn short_openings_of_a_sentence_go_with_the_block_that_finishes_it() {
    // Rule 3: "Now, therefore," and "The General Assembly" open the sentence that
    // "Proclaims …" finishes; a version that writes it as one block renders all three.
    let en = "Article 1\n\nAll human beings are born free and equal in dignity and rights.\n\n\
              Article 2\n\n\
              Whereas the peoples have reaffirmed their faith in fundamental human rights,\n\n\
              Whereas Member States have pledged themselves to achieve universal respect for human rights,\n\n\
              Now, therefore,\n\nThe General Assembly\n\n\
              Proclaims this Universal Declaration of Human Rights as a common standard of achievement for all peoples and all nations, to the end that every individual and every organ of society, keeping this Declaration constantly in mind, shall strive by teaching and education to promote respect for these rights and freedoms and by progressive measures, national and international, to secure their universal and effective recognition and observance.\n\n\
              Article 3\n\nEveryone has the right to life, liberty and security of person.\n";
    let zh = "第一条\n\n人人生而自由，在尊严和权利上一律平等。\n\n\
              第二条\n\n\
              鉴于各联合国国家的人民已重申他们对基本人权的信念，\n\n\
              鉴于各会员国业已誓愿促进对人权的普遍尊重，\n\n\
              因此现在，大会，发布这一世界人权宣言，作为所有人民和所有国家努力实现的共同标准，以期每一个人和社会机构经常铭念本宣言，努力通过教诲和教育促进对权利和自由的尊重。\n\n\
              第三条\n\n人人有权享有生命、自由和人身安全。\n";
    let a = aligned(&[("en", en), ("zh", zh)]);
    let rows = aligned_rows(&a);
    assert!(
        rows.contains(&"Now, therefore, + The General Assembly + Proclaims this Universal | 因此现在，大会，发布这一世界人权宣言，作为所有人民和所有国家努力实现的共同标准，以期每一个人和社会机构经常铭念本宣言，努力通过教诲和教育促进对权利和自由的尊重。".to_string()),
        "{rows:#?}"
    );
    assert_eq!(
        messages(&a),
        [
            "[1] udhr.en.txt (en) “Now, therefore,…” (line 11) + “The General Assembly…” (line 13) + “Proclaims this Universal Declaration of Human…” (line 15) correspond to one block in [2] udhr.zh.txt (zh): “因此现在，大会，发布这一世界人权宣言，作为所有人民和所有国家努力实现的共同标准，以期每一个人和社会机构经常铭念本宣言，努力通过教诲和教育促进对权利和自由的尊重。…” (line 11)"
        ]
    );
}

#[test]
fn languages_are_identified_by_the_library_and_a_short_or_mixed_text_is_und() {
    // Rule 5: whatlang, where it is sure; `und` where it is not; `--lang` overrides (the
    // CLI's test, tests/align.rs).
    let detect = |text: &str| accord::translation::lang::detect(&doc(text));
    assert_eq!(
        detect(
            "Artykuł 1\n\nWszyscy ludzie rodzą się wolni i równi pod względem swej godności i swych praw.\n"
        ),
        "pl"
    );
    assert_eq!(
        detect(
            "Стаття 1\n\nВсі люди народжуються вільними і рівними у своїй гідності та правах. Вони наділені розумом і совістю.\n"
        ),
        "uk"
    );
    assert_eq!(detect("Art. 1\n\nOK.\n"), "und");
}

// Word diffs in scripts with combining marks: a cluster is never cut.

#[test]
fn a_thai_word_diff_keeps_tone_marks_with_their_consonant() {
    // มั่นคง (secure) becomes มั่งคั่ง (prosperous): the changed clusters are whole.
    let c = compare("1. ความมั่นคง\n", "1. ความมั่งคั่ง\n");
    let changed = c.entries.iter().find(|e| e.words.is_some()).unwrap();
    let marked: Vec<(Op, &str)> = words(changed)
        .into_iter()
        .filter(|(op, _)| *op != Op::Equal)
        .collect();
    assert_eq!(marked, [(Op::Delete, "นค"), (Op::Insert, "คั่ง")]);
    // Before, the diff ran between ค and its marks: `[-…ความมั-]{+…ความมั+}่นคง`.
    for (_, text) in words(changed) {
        let first = text.chars().next().unwrap();
        assert!(
            !('\u{e31}'..='\u{e4e}').contains(&first),
            "{text:?} starts with a mark"
        );
    }
}
