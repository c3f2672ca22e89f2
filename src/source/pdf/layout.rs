//! The lines of a PDF's pages from where the extractor places each character: a line per
//! baseline, spaces where glyphs stand apart, a blank line where the gap between lines is
//! wider than the text's own spacing, and for each line whether its paragraph goes on past
//! it. Columns are read in the order the page draws them; where the text moves up the page it
//! has moved to the next column, and a paragraph goes on there if the line before reached the
//! column's right edge.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A line of a page, or a blank line between paragraphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Its characters, words separated by one space.
    pub text: String,
    /// Its paragraph goes on in the next line (it reaches its column's edge, or ends in a
    /// broken word).
    pub runs_on: bool,
}

/// Where a line stands on the page.
#[derive(Debug, Clone, Default)]
struct Placed {
    text: String,
    right: f64,
    /// The baseline, measured down from the page's top.
    y: f64,
    size: f64,
}

/// The lines of every page.
pub fn pages(bytes: &[u8]) -> Result<Vec<Vec<Line>>, super::PdfError> {
    let doc = pdf_extract::Document::load_mem(bytes)
        .map_err(|e| super::PdfError::Unreadable(e.to_string()))?;
    if doc.is_encrypted() {
        return Err(super::PdfError::Encrypted);
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let mut out = Vec::with_capacity(numbers.len());
    for number in numbers {
        let mut collector = Collector::default();
        pdf_extract::output_doc_page(&doc, &mut collector, number)
            .map_err(|e| super::PdfError::Unreadable(format!("{e:?}")))?;
        collector.flush();
        out.push(lines(&collector.lines));
    }
    Ok(out)
}

#[derive(Default)]
struct Collector {
    lines: Vec<Placed>,
    current: Option<Placed>,
}

impl Collector {
    fn flush(&mut self) {
        if let Some(line) = self.current.take().filter(|l| !l.text.trim().is_empty()) {
            self.lines.push(line);
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.flush();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let (x, y) = (trm.m31, -trm.m32);
        let scaled = ((font_size * (trm.m11 + trm.m21)) * (font_size * (trm.m12 + trm.m22))).abs();
        let size = scaled.sqrt().max(1e-3);
        // A new line where the baseline moves, or where the text goes back to the left.
        let new_line = self
            .current
            .as_ref()
            .is_none_or(|line| (y - line.y).abs() > size * 0.5 || x < line.right - size * 2.0);
        if new_line {
            self.flush();
            self.current = Some(Placed {
                text: String::new(),
                right: x,
                y,
                size,
            });
        }
        if let Some(line) = self.current.as_mut() {
            // Glyphs set apart by more than a tenth of the type size are separate words.
            if !line.text.is_empty() && x - line.right > size * 0.1 {
                line.text.push(' ');
            }
            line.text.push_str(char);
            line.right = x + width * size;
            line.size = line.size.max(size);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A page's placed lines as text lines: blank lines at wide gaps, and whether each line's
/// paragraph goes on past it.
fn lines(placed: &[Placed]) -> Vec<Line> {
    // The column each line belongs to: a new one where the text moves up the page.
    let mut column = vec![0usize; placed.len()];
    for i in 1..placed.len() {
        column[i] =
            column[i - 1] + usize::from(placed[i].y < placed[i - 1].y - placed[i].size * 0.5);
    }
    // A column's right edge is where most of its lines end: justified lines end there, a
    // paragraph's last line short of it, and a running header drawn with the column may run
    // past it.
    let right_edge = |c: usize| -> f64 {
        let mut rights: Vec<f64> = placed
            .iter()
            .zip(&column)
            .filter(|(_, k)| **k == c)
            .map(|(l, _)| l.right)
            .collect();
        rights.sort_by(f64::total_cmp);
        rights.get(rights.len() / 2).copied().unwrap_or(f64::MAX)
    };
    let edges: Vec<f64> = (0..=column.last().copied().unwrap_or(0))
        .map(right_edge)
        .collect();
    // The usual distance from one line to the next, within a column.
    let mut steps: Vec<f64> = (1..placed.len())
        .filter(|&i| column[i] == column[i - 1])
        .map(|i| placed[i].y - placed[i - 1].y)
        .filter(|d| *d > 0.0)
        .collect();
    steps.sort_by(f64::total_cmp);
    let step = steps.get(steps.len() / 2).copied().unwrap_or(f64::MAX);
    let mut out = Vec::with_capacity(placed.len() * 2);
    for (i, line) in placed.iter().enumerate() {
        let text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let reaches_edge = line.right >= edges[column[i]] - line.size * 1.5;
        let runs_on = text.ends_with('-') || reaches_edge;
        out.push(Line { text, runs_on });
        if let Some(next) = placed.get(i + 1) {
            let same_column = column[i + 1] == column[i];
            let wide_gap = same_column && next.y - line.y > step * 1.2;
            if wide_gap || (!same_column && !runs_on) {
                out.push(Line::default());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, right: f64, y: f64) -> Placed {
        Placed {
            text: text.into(),
            right,
            y,
            size: 10.0,
        }
    }

    #[test]
    fn a_paragraph_goes_on_into_the_next_column_when_its_line_reaches_the_edge() {
        // A running header across the page, then two columns of lines 12 points apart, with
        // 18 between paragraphs; paragraph 2 goes on at the top of the second column.
        let page = [
            at("Declaration 17 September 2021", 500.0, 20.0),
            at("1. The parties agree to meet every", 250.0, 60.0),
            at("year in turn and to report on what", 250.0, 72.0),
            at("was done.", 120.0, 84.0),
            at("2. They will share what they learn", 250.0, 102.0),
            at("and hold joint exercises on a", 250.0, 114.0),
            at("regular basis, as the Council", 250.0, 126.0),
            at("decides, and report.", 400.0, 60.0),
            at("3. This declaration enters into", 520.0, 78.0),
            at("force on signature and stays in", 520.0, 90.0),
            at("force until it is replaced.", 420.0, 102.0),
        ];
        let lines = lines(&page);
        let texts: Vec<(&str, bool)> = lines.iter().map(|l| (l.text.as_str(), l.runs_on)).collect();
        assert_eq!(
            texts,
            [
                ("Declaration 17 September 2021", true),
                ("", false),
                ("1. The parties agree to meet every", true),
                ("year in turn and to report on what", true),
                ("was done.", false),
                ("", false),
                ("2. They will share what they learn", true),
                ("and hold joint exercises on a", true),
                ("regular basis, as the Council", true),
                ("decides, and report.", false),
                ("", false),
                ("3. This declaration enters into", true),
                ("force on signature and stays in", true),
                ("force until it is replaced.", false),
            ]
        );
    }
}
