//! Bytes to text. Order of trust: an explicit `--encoding`, a byte-order mark, valid
//! UTF-8. Anything else is an error that names the byte offset, because guessing a legacy
//! encoding silently would turn a Russian text into plausible-looking garbage.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Why bytes could not become text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[allow(missing_docs, reason = "each variant's message says what it is")]
pub enum DecodeError {
    #[error("unknown encoding {0:?} (try utf-8, utf-16le, windows-1251, gb18030, shift_jis, …)")]
    UnknownEncoding(String),
    #[error(
        "not valid UTF-8 at byte offset {offset}; if the file is in a legacy encoding, name it with --encoding (e.g. windows-1251, gb18030)"
    )]
    InvalidUtf8 { offset: usize },
    #[error("not valid {encoding} at byte offset {offset}")]
    Malformed {
        encoding: &'static str,
        offset: usize,
    },
    #[error("binary data (NUL byte at offset {offset}), not a text document")]
    Binary { offset: usize },
    #[error(
        "looks like {encoding} text without a byte-order mark; read it with --encoding {label}"
    )]
    Utf16WithoutBom {
        encoding: &'static str,
        label: &'static str,
    },
}

/// Decode a whole input. `encoding` is a WHATWG label such as `windows-1251`. The bytes are
/// taken over: plain UTF-8, by far the commonest input, becomes text in place, without a copy.
pub fn decode(bytes: Vec<u8>, encoding: Option<&str>) -> Result<String, DecodeError> {
    if let Some(label) = encoding {
        let enc = Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| DecodeError::UnknownEncoding(label.to_string()))?;
        // A BOM of the named encoding is still a BOM, not text.
        let body = strip_bom(&bytes, enc);
        return decode_strict(body, enc);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        return decode_strict(&bytes[bom_len..], enc);
    }
    if let Some(offset) = memchr_nul(&bytes) {
        return Err(match utf16_without_bom(&bytes) {
            Some(enc) => DecodeError::Utf16WithoutBom {
                encoding: enc.name(),
                label: if enc == UTF_16LE {
                    "utf-16le"
                } else {
                    "utf-16be"
                },
            },
            None => DecodeError::Binary { offset },
        });
    }
    String::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

fn strip_bom<'a>(bytes: &'a [u8], enc: &'static Encoding) -> &'a [u8] {
    match Encoding::for_bom(bytes) {
        Some((found, len)) if found == enc => &bytes[len..],
        _ => bytes,
    }
}

fn decode_strict(bytes: &[u8], enc: &'static Encoding) -> Result<String, DecodeError> {
    if enc == UTF_8 {
        return std::str::from_utf8(bytes).map(str::to_string).map_err(|e| {
            DecodeError::InvalidUtf8 {
                offset: e.valid_up_to(),
            }
        });
    }
    let mut decoder = enc.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => {}
        encoding_rs::DecoderResult::Malformed(bad, _) => {
            return Err(DecodeError::Malformed {
                encoding: enc.name(),
                offset: read.saturating_sub(bad as usize),
            });
        }
        encoding_rs::DecoderResult::OutputFull => unreachable!("buffer sized for the whole input"),
    }
    if enc != UTF_16LE
        && enc != UTF_16BE
        && let Some(offset) = out.find('\0')
    {
        return Err(DecodeError::Binary { offset });
    }
    Ok(out)
}

/// The UTF-16 these bytes are, when they carry no byte-order mark but read as text in it:
/// the zero bytes fall on one side of the byte pairs nearly always (the high bytes of the
/// Latin, digits and spaces every text has), and the whole decodes with no control character
/// but tab and line ends. An image or an archive has zero bytes on both sides.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // A character such as 一 (U+4E00) puts a zero on the other side now and then.
    let enc = if odd > 0 && even * 8 <= odd {
        UTF_16LE
    } else if even > 0 && odd * 8 <= even {
        UTF_16BE
    } else {
        return None;
    };
    let (text, malformed) = enc.decode_without_bom_handling(bytes);
    let clean = !malformed
        && !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    clean.then_some(enc)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc".to_vec(), None).unwrap(), "abc");
        assert_eq!(
            decode("Статья".as_bytes().to_vec(), None).unwrap(),
            "Статья"
        );
    }

    #[test]
    fn utf16_without_bom_is_named_with_the_flag_that_reads_it() {
        let le: Vec<u8> = "Article 1\nТекст 第一条\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Article 1\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode(le.clone(), None).unwrap_err().to_string(),
            "looks like UTF-16LE text without a byte-order mark; read it with --encoding utf-16le"
        );
        assert!(matches!(
            decode(be.clone(), None),
            Err(DecodeError::Utf16WithoutBom {
                label: "utf-16be",
                ..
            })
        ));
        assert_eq!(
            decode(le, Some("utf-16le")).unwrap(),
            "Article 1\nТекст 第一条\n"
        );
        // Binary data with zero bytes on both sides of the pairs stays binary.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec();
        assert!(matches!(decode(png, None), Err(DecodeError::Binary { .. })));
    }

    #[test]
    fn utf16_by_bom() {
        let le: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        assert_eq!(decode(le, None).unwrap(), "hi");
        let be: Vec<u8> = [0xFE, 0xFF, 0, b'h', 0, b'i'].to_vec();
        assert_eq!(decode(be, None).unwrap(), "hi");
    }

    #[test]
    fn legacy_encoding_by_name() {
        // "Статья" in windows-1251.
        let bytes = [0xD1, 0xF2, 0xE0, 0xF2, 0xFC, 0xFF];
        assert_eq!(
            decode(bytes.to_vec(), Some("windows-1251")).unwrap(),
            "Статья"
        );
        assert!(matches!(
            decode(bytes.to_vec(), Some("no-such")),
            Err(DecodeError::UnknownEncoding(_))
        ));
    }

    #[test]
    fn invalid_utf8_names_offset() {
        assert_eq!(
            decode(b"abc\xFFdef".to_vec(), None),
            Err(DecodeError::InvalidUtf8 { offset: 3 })
        );
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert_eq!(
            decode(b"ab\0cd".to_vec(), None),
            Err(DecodeError::Binary { offset: 2 })
        );
    }
}
