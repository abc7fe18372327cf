//! ficarchive's file formats: every reader turns bytes into a [`Work`]; every writer turns a
//! [`Work`] into bytes. Readers never panic on bad input: they return a [`FormatError`] that says
//! what is wrong, or a work with [`ficarchive_model::ImportWarning`]s listing what was dropped.
//!
//! [`read`] is the front door: it detects the format from the content (the file name is only a hint).

use ficarchive_model::Work;

pub mod ao3;
pub mod detect;
pub mod encoding;
pub mod epub;
pub mod fanficfare;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;
pub mod write;

pub use detect::{DetectedFormat, detect};
pub use epub::ZipLimits;
pub use write::{ExportFormat, write};

/// Limits that keep hostile input from exhausting memory or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest input file accepted, in bytes.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 * 1024 * 1024,
        }
    }
}

/// What a reader could not accept. Messages say what is wrong; callers add the file name.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The file has no bytes, or only white space.
    #[error("the file is empty")]
    Empty,
    /// The file is larger than [`Limits::max_file_bytes`].
    #[error("the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The bytes are not text in any supported encoding, nor a known binary format.
    #[error("not a fan-fiction file: {0}")]
    Unrecognised(String),
    /// The bytes decode neither as UTF-8 nor as Windows-1252 text.
    #[error("the text is neither UTF-8 nor Windows-1252: {0}")]
    Encoding(String),
    /// The file is of a known format but broken.
    #[error("malformed {format}: {reason}")]
    Malformed {
        /// The format ("EPUB", "HTML", "JSON" ...).
        format: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// The file holds no story text.
    #[error("no story text found")]
    NoStory,
}

/// A work read from a file, with the decoded source text its spans point into.
#[derive(Debug, Clone)]
pub struct ReadWork {
    /// The work.
    pub work: Work,
    /// The decoded text (UTF-8) that the work's spans index, for text-like formats.
    pub source_text: Option<String>,
}

/// Reads a work from a file's bytes, detecting the format from the content; `file_name` is a hint
/// (its extension breaks ties) and is recorded as the work's source file name.
pub fn read(
    bytes: &[u8],
    file_name: Option<&str>,
    limits: &Limits,
) -> Result<ReadWork, FormatError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(FormatError::TooLarge {
            size: bytes.len() as u64,
            limit: limits.max_file_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FormatError::Empty);
    }
    if detect::is_zip(bytes) {
        let mut work = epub::read_epub_with(bytes, ZipLimits::default())?;
        work.source.file_name = file_name.map(str::to_string);
        return Ok(ReadWork {
            work,
            source_text: None,
        });
    }
    let decoded = encoding::decode(bytes)?;
    let format = detect::detect_text(&decoded.text, file_name);
    let rich = match format {
        DetectedFormat::Json => Some(json::read_json(&decoded.text)),
        DetectedFormat::Ao3Html => Some(ao3::read_ao3_html(&decoded.text)),
        DetectedFormat::FanficfareHtml => Some(fanficfare::read_fff_html(&decoded.text)),
        DetectedFormat::Html => Some(html::read_html(&decoded.text)),
        DetectedFormat::FanficfareText => Some(fanficfare::read_fff_txt(&decoded.text)),
        DetectedFormat::Markdown => Some(markdown::read_markdown(&decoded.text)),
        DetectedFormat::Epub | DetectedFormat::Text => None,
    };
    let mut work = match rich {
        Some(Ok(work)) => {
            let mut work = work;
            work.source.file_name = file_name.map(str::to_string);
            return Ok(ReadWork {
                work,
                source_text: None,
            });
        }
        // JSON that does not match the contract is an error, not a story.
        Some(Err(e)) if format == DetectedFormat::Json => return Err(e),
        Some(Err(_))
            if matches!(
                format,
                DetectedFormat::Ao3Html | DetectedFormat::FanficfareHtml
            ) && html::read_html(&decoded.text).is_ok() =>
        {
            // The layout markers were there but the layout was not: read it as generic HTML.
            let mut work = html::read_html(&decoded.text)?;
            work.source.file_name = file_name.map(str::to_string);
            return Ok(ReadWork {
                work,
                source_text: None,
            });
        }
        Some(Err(e)) => {
            // A layout reader that found nothing falls back to the text reader.
            let mut work = text::read_text(&decoded.text)?;
            work.warnings.push(ficarchive_model::ImportWarning {
                message: format!(
                    "read as plain text: the {} reader failed ({e})",
                    format.name()
                ),
            });
            work
        }
        None => text::read_text(&decoded.text)?,
    };
    work.source.file_name = file_name.map(str::to_string);
    Ok(ReadWork {
        work,
        source_text: Some(decoded.text),
    })
}
