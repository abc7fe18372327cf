//! The work page's pieces: the preface (tags by kind, stats), chapters as readers see them, and
//! the navigation between chapters.

use ficarchive_model::{Chapter, Note, Paragraph, SceneBreak, TagKind, Work};

use crate::blurb::Stat;
use crate::fmt::{paragraphs, thousands};

/// One row of the preface: "Fandom: Buffy the Vampire Slayer, Angel".
pub(crate) struct PrefaceRow {
    /// "Relationships" (singular or plural to match).
    pub(crate) label: &'static str,
    /// The kind's stable name, for styling and links.
    pub(crate) kind: &'static str,
    /// The tags.
    pub(crate) tags: Vec<String>,
}

/// The preface's tag rows, in AO3's order, with labels in the right number.
pub(crate) fn preface_rows(work: &Work) -> Vec<PrefaceRow> {
    TagKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let tags: Vec<String> = work
                .tags
                .of_kind(kind)
                .into_iter()
                .map(str::to_string)
                .collect();
            if tags.is_empty() {
                return None;
            }
            let many = tags.len() > 1;
            let label = match kind {
                TagKind::Rating => "Rating",
                TagKind::Warning if many => "Archive Warnings",
                TagKind::Warning => "Archive Warning",
                TagKind::Category if many => "Categories",
                TagKind::Category => "Category",
                TagKind::Fandom if many => "Fandoms",
                TagKind::Fandom => "Fandom",
                TagKind::Relationship if many => "Relationships",
                TagKind::Relationship => "Relationship",
                TagKind::Character if many => "Characters",
                TagKind::Character => "Character",
                TagKind::Freeform => "Additional Tags",
            };
            Some(PrefaceRow {
                label,
                kind: kind.as_str(),
                tags,
            })
        })
        .collect()
}

/// The stats line: Published, Updated or Completed, Words, Chapters, then the counts. `words` and
/// `posted` (chapters) are given apart because a chapter page reads the work without its chapters.
pub(crate) fn work_stats(work: &Work, words: u64, posted: usize) -> Vec<Stat> {
    let mut stats = Vec::new();
    if let Some(d) = work.dates.published {
        stats.push(Stat {
            label: "Published",
            value: d.to_string(),
        });
    }
    if let Some(d) = work
        .dates
        .completed
        .filter(|d| Some(*d) != work.dates.published)
    {
        stats.push(Stat {
            label: "Completed",
            value: d.to_string(),
        });
    } else if let Some(d) = work
        .dates
        .updated
        .filter(|d| Some(*d) != work.dates.published)
    {
        stats.push(Stat {
            label: "Updated",
            value: d.to_string(),
        });
    }
    stats.push(Stat {
        label: "Words",
        value: thousands(words),
    });
    stats.push(Stat {
        label: "Chapters",
        value: work.chapter_fraction_of(posted),
    });
    for (label, n) in [
        ("Comments", work.stats.comments),
        ("Kudos", work.stats.kudos),
        ("Bookmarks", work.stats.bookmarks),
        ("Hits", work.stats.hits),
    ] {
        if let Some(n) = n {
            stats.push(Stat {
                label,
                value: thousands(n),
            });
        }
    }
    stats
}

/// A note as paragraphs.
pub(crate) fn note_paragraphs(notes: &[Note]) -> Vec<Vec<String>> {
    notes
        .iter()
        .map(|n| paragraphs(&n.text))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A block of story text as the template renders it.
pub(crate) enum Block<'a> {
    /// Sanitised HTML (cleaned on import), emitted as is.
    Html(String),
    /// Plain text, escaped by the template.
    Text(&'a str),
    /// A scene break, with the author's marker when they wrote one.
    SceneBreak(&'a str),
}

const BLOCK_TAGS: [&str; 12] = [
    "<p",
    "<h1",
    "<h2",
    "<h3",
    "<h4",
    "<h5",
    "<h6",
    "<blockquote",
    "<ul",
    "<ol",
    "<div",
    "<pre",
];

fn paragraph_block(p: &Paragraph) -> Block<'_> {
    match p.html.as_deref() {
        Some(h) => {
            let lower = h
                .trim_start()
                .get(..12)
                .unwrap_or(h.trim_start())
                .to_ascii_lowercase();
            if BLOCK_TAGS.iter().any(|t| lower.starts_with(t)) {
                Block::Html(h.to_string())
            } else {
                Block::Html(format!("<p>{h}</p>"))
            }
        }
        None => Block::Text(&p.text),
    }
}

/// A chapter ready for the template.
pub(crate) struct ChapterView<'a> {
    /// Its number in the work.
    pub(crate) number: u32,
    /// "Chapter 3: Title".
    pub(crate) heading: String,
    /// Whether to show the heading (a one-shot has none of its own).
    pub(crate) show_heading: bool,
    pub(crate) summary: Vec<String>,
    pub(crate) notes_before: Vec<Vec<String>>,
    pub(crate) notes_after: Vec<Vec<String>>,
    pub(crate) blocks: Vec<Block<'a>>,
}

impl<'a> ChapterView<'a> {
    /// Prepares a chapter.
    pub(crate) fn new(chapter: &'a Chapter, show_heading: bool) -> Self {
        let mut blocks = Vec::new();
        for scene in &chapter.scenes {
            if scene.break_kind == SceneBreak::Explicit {
                blocks.push(Block::SceneBreak(
                    scene.marker.as_deref().unwrap_or("* * *"),
                ));
            }
            blocks.extend(scene.paragraphs.iter().map(paragraph_block));
        }
        ChapterView {
            number: chapter.number,
            heading: chapter.display_title(),
            show_heading,
            summary: chapter
                .summary
                .as_deref()
                .map(paragraphs)
                .unwrap_or_default(),
            notes_before: note_paragraphs(&chapter.notes_before),
            notes_after: note_paragraphs(&chapter.notes_after),
            blocks,
        }
    }
}

impl ChapterView<'_> {
    /// Bytes of the chapter's story text (before escaping): most of a chapter page.
    pub(crate) fn text_bytes(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| match b {
                Block::Html(h) => h.len(),
                Block::Text(t) | Block::SceneBreak(t) => t.len(),
            })
            .sum()
    }
}

/// An entry of the chapter index.
pub(crate) struct ChapterLink {
    pub(crate) number: u32,
    pub(crate) title: String,
    pub(crate) current: bool,
}

/// A work's chapters by number and display title ("Chapter 3: Title"), in order.
pub(crate) type Outline = Vec<(u32, String)>;

/// The outline of a whole work.
pub(crate) fn outline_of(work: &Work) -> Outline {
    work.chapters
        .iter()
        .map(|c| (c.number, c.display_title()))
        .collect()
}

/// The chapter index of a work, marking the chapter being read.
pub(crate) fn chapter_index(outline: &[(u32, String)], current: Option<u32>) -> Vec<ChapterLink> {
    outline
        .iter()
        .map(|(number, title)| ChapterLink {
            number: *number,
            title: title.clone(),
            current: Some(*number) == current,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ficarchive_model::{Rating, Scene};

    #[test]
    fn preface_labels_follow_number_and_order() {
        let mut w = Work::default();
        w.tags.add(TagKind::Freeform, "Angst");
        w.tags.add(TagKind::Fandom, "Buffy");
        w.tags.add(TagKind::Fandom, "Angel");
        w.tags.rating = Some(Rating::Mature);
        let rows = preface_rows(&w);
        let labels: Vec<_> = rows.iter().map(|r| r.label).collect();
        assert_eq!(labels, vec!["Rating", "Fandoms", "Additional Tags"]);
        assert_eq!(rows[0].tags, vec!["Mature"]);
    }

    #[test]
    fn inline_html_is_wrapped_and_block_html_kept() {
        let mut p = Paragraph::plain("x");
        p.html = Some("<em>x</em>".into());
        assert!(matches!(paragraph_block(&p), Block::Html(h) if h == "<p><em>x</em></p>"));
        p.html = Some("<blockquote>x</blockquote>".into());
        assert!(matches!(paragraph_block(&p), Block::Html(h) if h == "<blockquote>x</blockquote>"));
        p.html = None;
        assert!(matches!(paragraph_block(&p), Block::Text("x")));
    }

    #[test]
    fn scene_breaks_come_between_scenes() {
        let mut ch = Chapter::from_paragraphs(1, None, vec![Paragraph::plain("a")]);
        ch.scenes.push(Scene::new(
            SceneBreak::Explicit,
            Some("~*~".into()),
            vec![Paragraph::plain("b")],
        ));
        let v = ChapterView::new(&ch, true);
        assert!(matches!(v.blocks[1], Block::SceneBreak("~*~")));
        assert_eq!(v.blocks.len(), 3);
    }
}
