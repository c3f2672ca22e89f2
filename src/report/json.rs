//! The JSON report of every contract: serde_json's pretty layout and a final newline,
//! written by one formatter; the diff's entries, nearly all of a large report, streamed and
//! serialised on every core.

use std::io::{self, Write};

use serde::Serialize;

use super::View;
use crate::diff::scope::Scope;
use crate::diff::{Comparison, Entry, Options, Side, Summary};

/// Output buffer: large writes, few system calls.
const BUFFER: usize = 256 * 1024;

/// Any contract as pretty JSON and a newline: byte for byte what
/// `serde_json::to_writer_pretty` writes.
pub fn write<T: Serialize>(value: &T, _: &View, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(BUFFER, out);
    pretty(&mut out, value, 0)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// `value` in the pretty layout, as if it sat `depth` levels deep in a larger document.
fn pretty<W: Write, T: Serialize + ?Sized>(out: &mut W, value: &T, depth: usize) -> io::Result<()> {
    let formatter = Pretty {
        depth,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// The `accord.diff/1` report, written straight into `out` as [`write()`] writes it. Entries,
/// nearly all of a large report, are serialised on every core, a batch at a time so memory
/// stays bounded.
pub fn comparison(comparison: &Comparison, _: &View, out: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    // serde_json writes a report as many small pieces: a buffer of a concrete type takes
    // them with an inlined copy each, where the `dyn` writer would cost a call per piece.
    let mut out = io::BufWriter::with_capacity(BUFFER, out);
    if comparison.entries.is_empty() {
        pretty(&mut out, comparison, 0)?;
        out.write_all(b"\n")?;
        return out.flush();
    }
    // Everything but the entries, with the entries written as `[]`: the array is then
    // opened after its `[` and closed as serde_json closes a non-empty one.
    let mut head = Vec::new();
    pretty(
        &mut head,
        &Head {
            schema: &comparison.schema,
            old: &comparison.old,
            new: &comparison.new,
            options: &comparison.options,
            summary: &comparison.summary,
            scope: &comparison.scope,
            entries: &[],
        },
        0,
    )?;
    let open = head.len() - b"[]\n}".len();
    out.write_all(&head[..=open])?;
    const BATCH: usize = 1024;
    for (b, batch) in comparison.entries.chunks(BATCH).enumerate() {
        let pieces: Vec<Vec<u8>> = batch
            .par_chunks(64)
            .enumerate()
            .map(|(c, chunk)| {
                let mut piece = Vec::new();
                for (k, entry) in chunk.iter().enumerate() {
                    let first = b == 0 && c == 0 && k == 0;
                    piece.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    // Entries sit two levels deep (the report, its `entries`).
                    pretty(&mut piece, entry, 2).expect("entries serialise to memory");
                }
                piece
            })
            .collect();
        for piece in pieces {
            out.write_all(&piece)?;
        }
    }
    out.write_all(b"\n  ]\n}\n")?;
    out.flush()
}

/// serde_json's `PrettyFormatter` (two-space indents), byte for byte, but with each line
/// break and its indentation written as one piece: the original writes the indent two
/// spaces at a time, and at an entry's depth of four to five levels those small copies
/// add up to a good part of a large report's time.
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break, or a comma and a line break, then `depth` indents.
    fn new_line<W: ?Sized + Write>(&self, writer: &mut W, comma: bool) -> io::Result<()> {
        const BREAK: &[u8; 66] =
            b",\n                                                                ";
        let start = usize::from(!comma);
        match BREAK.get(start..2 + 2 * self.depth) {
            Some(line) => writer.write_all(line),
            None => {
                writer.write_all(&BREAK[start..2])?;
                (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
            }
        }
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// `]` or `}`, on a line of its own unless the container was empty.
    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(writer, false)?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.new_line(writer, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.new_line(writer, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// [`Comparison`] without its entries, fields in the same order.
#[derive(serde::Serialize)]
struct Head<'a> {
    schema: &'a str,
    old: &'a Side,
    new: &'a Side,
    options: &'a Options,
    summary: &'a Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: &'a Option<Scope>,
    entries: &'a [Entry],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Version;
    use crate::normalize;

    fn compare(old: &str, new: &str) -> Comparison {
        let options = normalize::Options::default();
        crate::diff::compare(
            Version::new("old", normalize::document(old, &options)),
            Version::new("new", normalize::document(new, &options)),
            &crate::diff::Options::default(),
        )
    }

    fn written(c: &Comparison) -> String {
        let mut out = Vec::new();
        comparison(c, &View::default(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn parallel_json_is_byte_for_byte_serde_json() {
        // Over batch boundaries, with changed, added and unchanged entries, and empty.
        let old: String = (1..=5000)
            .map(|n| format!("{n}. Paragraph number {n} says \"this\".\n\n"))
            .collect();
        let new = old.replace("number 4097 says", "number 4097 now says") + "5001. Added.\n";
        for c in [compare(&old, &new), compare("", "")] {
            let expected = serde_json::to_string_pretty(&c).unwrap() + "\n";
            assert_eq!(written(&c), expected);
        }
    }

    #[test]
    fn the_formatter_indents_as_serde_json_at_any_depth() {
        // Deeper than the formatter's one-piece indents reach, with empty containers.
        let mut value = serde_json::json!({"a": [], "b": {}, "c": [1, "x"]});
        for depth in 0..40 {
            value = serde_json::json!({ "depth": depth, "inner": [value, null] });
        }
        let mut ours = Vec::new();
        write(&value, &View::default(), &mut ours).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string_pretty(&value).unwrap() + "\n"
        );
    }
}
