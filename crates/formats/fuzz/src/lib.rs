//! Shared checks for the fuzz targets.

use ficarchive_formats::{ExportFormat, Limits, read, write};
use ficarchive_model::Work;

/// A work any reader returned exports to every format, and each export is read back without
/// an error; the JSON export gives back the same work.
pub fn exports_read_back(work: &Work) {
    for format in ExportFormat::ALL {
        let bytes = match write(work, format) {
            Ok(b) => b,
            Err(e) => panic!("{format:?} export failed: {e}"),
        };
        let name = format!("export.{}", format.extension());
        match read(&bytes, Some(&name), &Limits::default()) {
            Ok(back) if format == ExportFormat::Json => {
                let mut expected = work.clone();
                expected.source.file_name = Some(name);
                if expected.source.format.is_none() {
                    expected.source.format = Some(ficarchive_model::SourceFormat::Json);
                }
                assert_eq!(back.work, expected, "JSON round trip");
            }
            Ok(_) => {}
            // A work whose chapters hold no words has nothing to read back.
            Err(ficarchive_formats::FormatError::NoStory | ficarchive_formats::FormatError::Empty)
                if work.words() == 0 => {}
            Err(e) => panic!("the {format:?} export does not read back: {e}"),
        }
    }
}
