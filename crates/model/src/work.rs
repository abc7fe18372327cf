use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{ModelError, Span, Tags, count_words};

/// Whether a work is finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The author marked it finished (an end marker, "Chapters: 26/26", a one-shot).
    Complete,
    /// More is expected ("TBC", "Chapters: 3/?").
    InProgress,
    /// Nothing says either way.
    #[default]
    Unknown,
}

impl Status {
    /// The stable name used in the JSON contract, storage and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Complete => "complete",
            Status::InProgress => "in_progress",
            Status::Unknown => "unknown",
        }
    }
}

/// An author's note, disclaimer or similar text that is not part of the story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The note's plain text, paragraphs separated by a blank line.
    pub text: String,
    /// Where the note sits in the source, when the work came from a file.
    pub span: Option<Span>,
}

impl Note {
    /// A note with no source position (posted on the web, or from a format without positions).
    pub fn new(text: impl Into<String>) -> Self {
        Note {
            text: text.into(),
            span: None,
        }
    }
}

/// One paragraph (or other block: a heading, a quoted letter, a list) of story text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Plain text. For works read from plain text, this has the same length as `span` and each
    /// byte `i` is source byte `span.start + i`, line breaks turned into spaces; so an offset
    /// found in the text maps straight back to the source.
    pub text: String,
    /// Sanitised HTML for this block when the source had markup (emphasis, line breaks);
    /// `None` means render `text` escaped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// Where the paragraph sits in the source text.
    pub span: Option<Span>,
}

impl Paragraph {
    /// A paragraph of plain text with no source position.
    pub fn plain(text: impl Into<String>) -> Self {
        Paragraph {
            text: text.into(),
            html: None,
            span: None,
        }
    }
}

/// How a scene begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SceneBreak {
    /// The first scene of a chapter: nothing comes before it.
    Start,
    /// The author put a marker ("* * *", a horizontal rule) before it.
    Explicit,
}

/// A run of story text between scene breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scene {
    /// How the scene begins.
    #[serde(rename = "break")]
    pub break_kind: SceneBreak,
    /// The marker text as the author wrote it ("~*~*~"), for an explicit break.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// From the first to the end of the last paragraph, in the source.
    pub span: Option<Span>,
    /// The scene's paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

impl Scene {
    /// A scene made of paragraphs; its span covers theirs.
    pub fn new(break_kind: SceneBreak, marker: Option<String>, paragraphs: Vec<Paragraph>) -> Self {
        let span = paragraphs.iter().filter_map(|p| p.span).reduce(Span::cover);
        Scene {
            break_kind,
            marker,
            span,
            paragraphs,
        }
    }

    /// Words of story text in the scene.
    pub fn words(&self) -> usize {
        self.paragraphs.iter().map(|p| count_words(&p.text)).sum()
    }
}

/// A chapter: a heading, notes set apart from the story, and the story text as scenes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    /// The chapter's number in the whole work (25 for "Chapter 25" even in an excerpt).
    pub number: u32,
    /// The chapter title without the "Chapter N:" label.
    pub title: Option<String>,
    /// The whole chapter in the source, heading included.
    pub span: Option<Span>,
    /// A chapter summary, as AO3 allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Author's notes before the story text.
    pub notes_before: Vec<Note>,
    /// Author's notes after the story text.
    pub notes_after: Vec<Note>,
    /// The story text. Never empty for a chapter that has text; the first scene's break is `Start`.
    pub scenes: Vec<Scene>,
}

impl Chapter {
    /// A chapter whose story text is one scene of the given paragraphs.
    pub fn from_paragraphs(number: u32, title: Option<String>, paragraphs: Vec<Paragraph>) -> Self {
        let scene = Scene::new(SceneBreak::Start, None, paragraphs);
        let span = scene.span;
        Chapter {
            number,
            title,
            span,
            summary: None,
            notes_before: Vec::new(),
            notes_after: Vec::new(),
            scenes: vec![scene],
        }
    }

    /// Words of story text (notes excluded).
    pub fn words(&self) -> usize {
        self.scenes.iter().map(Scene::words).sum()
    }

    /// Every paragraph of story text in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.scenes.iter().flat_map(|s| s.paragraphs.iter())
    }

    /// The heading a reader sees: "Chapter 25: Poisons", or just "Chapter 3".
    pub fn display_title(&self) -> String {
        Chapter::heading(self.number, self.title.as_deref())
    }

    /// [`Chapter::display_title`] of a chapter known only by its number and title.
    pub fn heading(number: u32, title: Option<&str>) -> String {
        match title {
            Some(t) if !t.is_empty() => format!("Chapter {number}: {t}"),
            _ => format!("Chapter {number}"),
        }
    }
}

/// A work's place in a series.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Series {
    /// The series title.
    pub name: String,
    /// The part number of this work in it.
    pub part: Option<u32>,
}

/// Dates a source gives for a work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkDates {
    /// First posted.
    pub published: Option<NaiveDate>,
    /// Last chapter added or edited.
    pub updated: Option<NaiveDate>,
    /// Marked complete.
    pub completed: Option<NaiveDate>,
}

/// Reader counts a source reports (AO3's stats line); the archive's own counts live in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Stats {
    /// Kudos.
    pub kudos: Option<u64>,
    /// Hits.
    pub hits: Option<u64>,
    /// Comments.
    pub comments: Option<u64>,
    /// Bookmarks.
    pub bookmarks: Option<u64>,
}

/// The file format a work was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// Generic HTML.
    Html,
    /// An AO3 HTML download.
    Ao3Html,
    /// An AO3 EPUB download.
    Ao3Epub,
    /// FanFicFare HTML output.
    FanficfareHtml,
    /// FanFicFare EPUB output.
    FanficfareEpub,
    /// FanFicFare TXT output.
    FanficfareText,
    /// A generic EPUB 2 or 3.
    Epub,
    /// ficarchive's own JSON contract.
    Json,
    /// Posted on this archive.
    Posted,
}

/// Where a work came from: what recognises it when it is imported again.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceInfo {
    /// The format it was read from.
    pub format: Option<SourceFormat>,
    /// The URL of the work on its home archive.
    pub url: Option<String>,
    /// A stable identifier from the source (FanFicFare's uid, an EPUB's dc:identifier).
    pub uid: Option<String>,
    /// The file name it was imported from.
    pub file_name: Option<String>,
}

/// Something a reader dropped or could not understand, reported rather than silently lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportWarning {
    /// What happened, in words a reader understands.
    pub message: String,
}

/// A fan work: metadata, notes and chapters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Work {
    /// The title, when the source gives one.
    pub title: Option<String>,
    /// Author names as written (pseuds).
    pub authors: Vec<String>,
    /// The work summary.
    pub summary: Option<String>,
    /// Work-level notes, including disclaimers and notes before the first chapter.
    pub notes: Vec<Note>,
    /// Work-level end notes (AO3's afterword).
    pub end_notes: Vec<Note>,
    /// Tags by kind.
    pub tags: Tags,
    /// Language (a name such as "English" or an ISO code, as the source gives it).
    pub language: Option<String>,
    /// Complete, in progress or unknown.
    pub status: Status,
    /// When the file holds only some chapters of a longer work ("Chapters 25-26"), their range.
    pub excerpt_of_chapters: Option<(u32, u32)>,
    /// The number of chapters the author plans, when known ("3/10"); `None` for "3/?".
    pub expected_chapters: Option<u32>,
    /// Series this work belongs to.
    pub series: Vec<Series>,
    /// Collections (AO3) the work is in.
    pub collections: Vec<String>,
    /// Dates the source reports.
    pub dates: WorkDates,
    /// Counts the source reports.
    pub stats: Stats,
    /// Where the work came from.
    pub source: SourceInfo,
    /// The chapters, in order.
    pub chapters: Vec<Chapter>,
    /// What the reader dropped or guessed.
    pub warnings: Vec<ImportWarning>,
}

/// The JSON contract's envelope: the work plus derived fields such as `words`.
#[derive(Serialize)]
struct WorkJson<'a> {
    #[serde(flatten)]
    work: &'a Work,
    words: usize,
}

impl Work {
    /// Words of story text across all chapters (notes and summary excluded), as AO3 counts them.
    pub fn words(&self) -> usize {
        self.chapters.iter().map(Chapter::words).sum()
    }

    /// The title to show when the work has none.
    pub fn display_title(&self) -> &str {
        self.title
            .as_deref()
            .filter(|t| !t.is_empty())
            .unwrap_or("Untitled")
    }

    /// "3/?" or "26/26": chapters posted over chapters planned, as AO3 shows it. A complete
    /// work always reads "n/n" (AO3's sign of completion): for an excerpt of a complete work
    /// (chapters 25-26 of 26) that is the whole work's count, not the file's.
    pub fn chapter_fraction(&self) -> String {
        self.chapter_fraction_of(self.chapters.len())
    }

    /// [`Work::chapter_fraction`] for `posted` chapters, for a work read without its chapters
    /// (the store's per-chapter read gives the preface and the chapter count).
    pub fn chapter_fraction_of(&self, posted: usize) -> String {
        match (self.status, self.expected_chapters) {
            (Status::Complete, planned) => {
                let n = planned.map_or(posted, |p| (p as usize).max(posted));
                format!("{n}/{n}")
            }
            (_, Some(n)) => format!("{posted}/{n}"),
            _ => format!("{posted}/?"),
        }
    }

    /// The work as a JSON value in the public contract (`docs/json.md`).
    pub fn to_json_value(&self) -> serde_json::Value {
        serde_json::to_value(WorkJson {
            work: self,
            words: self.words(),
        })
        .expect("a Work always serialises: every field is plain data")
    }

    /// The work as pretty-printed JSON in the public contract.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&WorkJson {
            work: self,
            words: self.words(),
        })
        .expect("a Work always serialises: every field is plain data")
    }

    /// Reads a work back from its JSON contract (derived fields such as `words` are ignored).
    pub fn from_json(json: &str) -> Result<Work, ModelError> {
        Ok(serde_json::from_str(json)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Rating, TagKind};

    fn sample() -> Work {
        let mut w = Work {
            title: Some("Bloody Soul".into()),
            authors: vec!["Kallysten".into()],
            ..Work::default()
        };
        w.tags.add(TagKind::Rating, "Teen And Up Audiences");
        w.tags.add(TagKind::Relationship, "Buffy/Angel");
        let p = Paragraph {
            text: "Hello there, Spike.".into(),
            html: None,
            span: Some(Span::new(10, 29)),
        };
        let mut ch = Chapter::from_paragraphs(25, Some("Poisons".into()), vec![p]);
        ch.notes_before.push(Note {
            text: "A/N: thanks".into(),
            span: Some(Span::new(0, 9)),
        });
        w.chapters.push(ch);
        w.status = Status::Complete;
        w.excerpt_of_chapters = Some((25, 26));
        w
    }

    #[test]
    fn json_contract_field_names() {
        let v = sample().to_json_value();
        assert_eq!(v["title"], "Bloody Soul");
        assert_eq!(v["authors"][0], "Kallysten");
        assert_eq!(v["status"], "complete");
        assert_eq!(v["words"], 3);
        assert_eq!(v["excerpt_of_chapters"], serde_json::json!([25, 26]));
        assert_eq!(v["tags"]["rating"], "Teen And Up Audiences");
        assert_eq!(v["tags"]["relationships"][0], "Buffy/Angel");
        let ch = &v["chapters"][0];
        assert_eq!(ch["number"], 25);
        assert_eq!(ch["title"], "Poisons");
        assert_eq!(ch["notes_before"][0]["span"], serde_json::json!([0, 9]));
        assert_eq!(ch["scenes"][0]["break"], "start");
        assert_eq!(ch["scenes"][0]["span"], serde_json::json!([10, 29]));
        assert!(v["summary"].is_null());
        assert!(v["language"].is_null());
    }

    #[test]
    fn json_round_trips() {
        let w = sample();
        let back = Work::from_json(&w.to_json()).unwrap();
        assert_eq!(back, w);
        assert_eq!(back.tags.rating, Some(Rating::Teen));
    }

    #[test]
    fn chapter_fraction_follows_ao3() {
        let mut w = sample();
        assert_eq!(w.chapter_fraction(), "1/1");
        w.status = Status::InProgress;
        assert_eq!(w.chapter_fraction(), "1/?");
        w.expected_chapters = Some(10);
        assert_eq!(w.chapter_fraction(), "1/10");
        // An excerpt of a complete work still reads as complete.
        w.status = Status::Complete;
        assert_eq!(w.chapter_fraction(), "10/10");
    }
}
