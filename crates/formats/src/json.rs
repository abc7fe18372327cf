//! ficarchive's own JSON contract (`docs/json.md`): the work as [`Work::to_json`] writes it.

use ficarchive_model::{SourceFormat, Work};

use crate::FormatError;

/// Reads a work from its JSON contract; derived fields (`words`) are ignored.
pub fn read_json(text: &str) -> Result<Work, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    // The contract is an object; serde would also take `[]` as an empty work.
    if !text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        return Err(FormatError::Malformed {
            format: "JSON",
            reason: "a work is a JSON object".into(),
        });
    }
    let mut work = Work::from_json(text).map_err(|e| FormatError::Malformed {
        format: "JSON",
        reason: e.to_string(),
    })?;
    if work.source.format.is_none() {
        work.source.format = Some(SourceFormat::Json);
    }
    Ok(work)
}

/// True when the text is a JSON object that reads as a work (has `chapters` or `title`).
pub fn looks_like_work_json(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('{') && (t.contains("\"chapters\"") || t.contains("\"title\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        let mut w = Work {
            title: Some("T".into()),
            ..Work::default()
        };
        w.chapters.push(ficarchive_model::Chapter::from_paragraphs(
            1,
            None,
            vec![ficarchive_model::Paragraph::plain("x")],
        ));
        let back = read_json(&w.to_json()).unwrap();
        assert_eq!(back.title, w.title);
        assert_eq!(back.chapters, w.chapters);
        assert!(matches!(
            read_json("{\"title\": 3}"),
            Err(FormatError::Malformed { .. })
        ));
    }
}
