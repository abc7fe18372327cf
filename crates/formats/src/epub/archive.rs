//! A ZIP archive opened with limits: entry count, bytes actually read per entry and in total
//! (never trusting the sizes the headers claim), and the compression ratio; entry names that
//! would escape the archive are refused.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::FormatError;

/// Limits for reading an EPUB's ZIP container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZipLimits {
    /// The most entries an archive may list.
    pub max_entries: usize,
    /// The most bytes read from one entry.
    pub max_entry_bytes: u64,
    /// The most bytes read from all entries together.
    pub max_total_bytes: u64,
    /// The largest ratio of read to compressed bytes for entries over 1 MiB.
    pub max_ratio: u64,
}

impl Default for ZipLimits {
    fn default() -> Self {
        ZipLimits {
            max_entries: 10_000,
            max_entry_bytes: 32 * 1024 * 1024,
            max_total_bytes: 128 * 1024 * 1024,
            max_ratio: 100,
        }
    }
}

fn malformed(reason: impl Into<String>) -> FormatError {
    FormatError::Malformed {
        format: "EPUB",
        reason: reason.into(),
    }
}

/// An opened archive and what has been read from it so far.
pub(crate) struct SafeZip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    limits: ZipLimits,
    read_total: u64,
    /// Names of the entries that are safe to read, in archive order.
    names: Vec<String>,
    /// Entries refused for their names.
    pub unsafe_names: Vec<String>,
}

impl<'a> SafeZip<'a> {
    /// Opens an archive, refusing one with too many entries.
    pub fn open(bytes: &'a [u8], limits: ZipLimits) -> Result<Self, FormatError> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| malformed(format!("not a readable ZIP archive: {e}")))?;
        if archive.len() > limits.max_entries {
            return Err(malformed(format!(
                "the archive lists {} entries, over the limit of {}",
                archive.len(),
                limits.max_entries
            )));
        }
        let mut names = Vec::new();
        let mut unsafe_names = Vec::new();
        for i in 0..archive.len() {
            let Some(raw) = archive
                .name_for_index(i)
                .and_then(|r| r.ok())
                .map(|n| n.to_string())
            else {
                continue;
            };
            let traversal = raw.starts_with('/')
                || raw.starts_with('\\')
                || raw.split(['/', '\\']).any(|part| part == "..")
                || raw.contains(':')
                || raw.contains('\0');
            if traversal {
                unsafe_names.push(raw);
            } else {
                names.push(raw);
            }
        }
        Ok(SafeZip {
            archive,
            limits,
            read_total: 0,
            names,
            unsafe_names,
        })
    }

    /// The names of the entries that may be read.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// True when a safe entry of that name exists.
    pub fn contains(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// Reads one entry within the limits.
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, FormatError> {
        if !self.contains(name) {
            return Err(malformed(format!("no entry named {name:?}")));
        }
        let mut file = self
            .archive
            .by_name(name)
            .map_err(|e| malformed(format!("cannot open entry {name:?}: {e}")))?;
        let compressed = file.compressed_size().max(1);
        let remaining_total = self.limits.max_total_bytes.saturating_sub(self.read_total);
        let cap = self.limits.max_entry_bytes.min(remaining_total);
        let mut data = Vec::new();
        (&mut file)
            .take(cap + 1)
            .read_to_end(&mut data)
            .map_err(|e| malformed(format!("entry {name:?} is damaged or truncated: {e}")))?;
        let got = data.len() as u64;
        self.read_total += got;
        if got > cap {
            return Err(
                if cap == remaining_total && cap < self.limits.max_entry_bytes {
                    malformed(format!(
                        "the archive unpacks to more than {} bytes (a zip bomb?)",
                        self.limits.max_total_bytes
                    ))
                } else {
                    malformed(format!(
                        "entry {name:?} unpacks to more than {} bytes (a zip bomb?)",
                        self.limits.max_entry_bytes
                    ))
                },
            );
        }
        if got > 1024 * 1024 && got / compressed > self.limits.max_ratio {
            return Err(malformed(format!(
                "entry {name:?} expands {}-fold, over the limit of {} (a zip bomb?)",
                got / compressed,
                self.limits.max_ratio
            )));
        }
        Ok(data)
    }

    /// Reads an entry as text (UTF-8, falling back to the shared decoder).
    pub fn read_text(&mut self, name: &str) -> Result<String, FormatError> {
        let bytes = self.read(name)?;
        match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(e) => Ok(crate::encoding::decode(e.as_bytes())?.text),
        }
    }
}
