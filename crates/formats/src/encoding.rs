//! Turning a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252
//! (the encoding of many old fics, with curly quotes as bytes 0x93/0x94).

use crate::FormatError;

/// Text decoded from a file, and the encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, byte-order mark removed. Spans in a work point into this string.
    pub text: String,
    /// The encoding the bytes were in: "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1252".
    pub encoding: &'static str,
}

/// Bytes that Windows-1252 leaves undefined: text that holds them is in some other encoding.
const UNDEFINED_IN_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// Decodes a text file. Refuses empty files, binary data and bytes that are neither UTF-8 nor
/// Windows-1252, saying where the problem is.
pub fn decode(bytes: &[u8]) -> Result<Decoded, FormatError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let text = std::str::from_utf8(rest).map_err(|e| {
            FormatError::Encoding(format!(
                "it starts with a UTF-8 byte-order mark but byte {} is not UTF-8",
                e.valid_up_to() + 3
            ))
        })?;
        return finish(text.to_string(), "UTF-8");
    }
    for (bom, enc) in [
        ([0xFF, 0xFE], encoding_rs::UTF_16LE),
        ([0xFE, 0xFF], encoding_rs::UTF_16BE),
    ] {
        if bytes.starts_with(&bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
            if had_errors {
                return Err(FormatError::Encoding(format!(
                    "it starts with a {} byte-order mark but is not valid {}",
                    enc.name(),
                    enc.name()
                )));
            }
            return finish(
                text.into_owned(),
                if enc == encoding_rs::UTF_16LE {
                    "UTF-16LE"
                } else {
                    "UTF-16BE"
                },
            );
        }
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(FormatError::Unrecognised(format!(
            "binary data (a NUL byte at offset {pos})"
        )));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => finish(text.to_string(), "UTF-8"),
        Err(utf8_error) => {
            if let Some(pos) = bytes.iter().position(|b| UNDEFINED_IN_1252.contains(b)) {
                return Err(FormatError::Encoding(format!(
                    "byte {pos} (0x{:02X}) is invalid UTF-8 (first bad byte at {}) and undefined in Windows-1252",
                    bytes[pos],
                    utf8_error.valid_up_to()
                )));
            }
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            finish(text.into_owned(), "windows-1252")
        }
    }
}

/// Final checks shared by every encoding: not empty, not binary.
fn finish(text: String, encoding: &'static str) -> Result<Decoded, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let mut controls = 0usize;
    let mut total = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            controls += 1;
        }
    }
    // Real text has next to no control characters; binary data decoded as 1252 has many.
    if controls * 50 > total {
        return Err(FormatError::Unrecognised(format!(
            "binary data ({controls} control characters in the first {total} characters)"
        )));
    }
    Ok(Decoded { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("\u{FEFF}Hello “you”".as_bytes()).unwrap();
        assert_eq!(d.text, "Hello “you”");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(decode(b"plain").unwrap().text, "plain");
    }

    #[test]
    fn windows_1252_curly_quotes() {
        let d = decode(b"\x93Hello,\x94 she said \x96 caf\xe9").unwrap();
        assert_eq!(d.text, "“Hello,” she said – café");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Hi “there”".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Hi “there”");
    }

    #[test]
    fn refuses_empty_binary_and_undecodable() {
        assert!(matches!(decode(b""), Err(FormatError::Empty)));
        assert!(matches!(decode(b" \n\t\r\n"), Err(FormatError::Empty)));
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(FormatError::Unrecognised(_))
        ));
        assert!(matches!(
            decode(b"abc \x81 def"),
            Err(FormatError::Encoding(_))
        ));
        let noise: Vec<u8> = (1u8..32).cycle().take(400).collect();
        assert!(matches!(decode(&noise), Err(FormatError::Unrecognised(_))));
    }
}
