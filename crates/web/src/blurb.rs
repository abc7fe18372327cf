//! The blurb: a work as listings show it (AO3's layout), and the four required-tag symbols.

use ficarchive_model::{Rating, Status, TagKind, Work};
use ficarchive_store::{WorkChapter, WorkId};

use crate::fmt::{paragraphs, thousands};

/// One of the four symbols in a blurb's corner, with the words a screen reader says instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Symbol {
    /// CSS class choosing colour and shape.
    pub(crate) class: &'static str,
    /// The visible mark (a letter or sign), hidden from assistive technology.
    pub(crate) mark: &'static str,
    /// The text alternative.
    pub(crate) label: String,
}

/// The rating symbol.
pub(crate) fn rating_symbol(rating: Option<Rating>) -> Symbol {
    let (class, mark) = match rating {
        Some(Rating::General) => ("rating-general", "G"),
        Some(Rating::Teen) => ("rating-teen", "T"),
        Some(Rating::Mature) => ("rating-mature", "M"),
        Some(Rating::Explicit) => ("rating-explicit", "E"),
        Some(Rating::NotRated) | None => ("rating-notrated", "–"),
    };
    Symbol {
        class,
        mark,
        label: format!(
            "Rating: {}",
            rating.map(Rating::label).unwrap_or("Not Rated")
        ),
    }
}

/// The archive-warning symbol.
pub(crate) fn warning_symbol(warnings: &[String]) -> Symbol {
    let lower: Vec<String> = warnings.iter().map(|w| w.to_lowercase()).collect();
    if lower.is_empty() {
        Symbol {
            class: "warning-unknown",
            mark: "?",
            label: "No archive warnings given".into(),
        }
    } else if lower.iter().any(|w| w.contains("chose not to")) {
        Symbol {
            class: "warning-choosenot",
            mark: "?",
            label: "Creator chose not to use archive warnings".into(),
        }
    } else if lower
        .iter()
        .all(|w| w.contains("no archive warnings apply"))
    {
        Symbol {
            class: "warning-none",
            mark: "·",
            label: "No archive warnings apply".into(),
        }
    } else {
        Symbol {
            class: "warning-yes",
            mark: "!",
            label: format!("Archive warnings: {}", warnings.join(", ")),
        }
    }
}

/// The category symbol.
pub(crate) fn category_symbol(categories: &[String]) -> Symbol {
    let (class, mark) = match categories {
        [] => ("category-none", "·"),
        [one] => match one.to_ascii_lowercase().as_str() {
            "f/f" => ("category-femslash", "F/F"),
            "f/m" => ("category-het", "F/M"),
            "m/m" => ("category-slash", "M/M"),
            "gen" => ("category-gen", "Gen"),
            "multi" => ("category-multi", "Multi"),
            _ => ("category-other", "Oth"),
        },
        _ => ("category-multi", "Multi"),
    };
    Symbol {
        class,
        mark,
        label: if categories.is_empty() {
            "No category".into()
        } else {
            format!("Category: {}", categories.join(", "))
        },
    }
}

/// The completion symbol.
pub(crate) fn status_symbol(status: Status) -> Symbol {
    match status {
        Status::Complete => Symbol {
            class: "status-complete",
            mark: "✓",
            label: "Complete work".into(),
        },
        Status::InProgress => Symbol {
            class: "status-wip",
            mark: "…",
            label: "Work in progress".into(),
        },
        Status::Unknown => Symbol {
            class: "status-unknown",
            mark: "?",
            label: "Completion unknown".into(),
        },
    }
}

/// A tag as a link, with its kind for styling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TagLink {
    /// The kind's stable name (`warning`, `relationship`, ...).
    pub(crate) kind: &'static str,
    /// The tag.
    pub(crate) name: String,
}

/// A labelled number in a blurb's stats line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stat {
    /// "Words".
    pub(crate) label: &'static str,
    /// "12,345".
    pub(crate) value: String,
}

/// Everything a blurb shows, prepared once and cached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Blurb {
    pub(crate) id: WorkId,
    pub(crate) title: String,
    pub(crate) authors: Vec<String>,
    pub(crate) fandoms: Vec<String>,
    pub(crate) symbols: [Symbol; 4],
    /// Warnings, relationships, characters, freeform: AO3's order in blurbs.
    pub(crate) tags: Vec<TagLink>,
    pub(crate) summary: Vec<String>,
    /// (series name, "Part N of")
    pub(crate) series: Vec<(String, String)>,
    /// (series name, part number) as stored, for ordering a series.
    pub(crate) series_parts: Vec<(String, Option<u32>)>,
    pub(crate) date: String,
    pub(crate) stats: Vec<Stat>,
}

impl Blurb {
    /// Prepares the blurb from the store's read of a work without its chapters' text (the
    /// preface and the outline: what `Store::get_chapter` gives), so a listing never decodes a
    /// whole work's text.
    pub(crate) fn from_read(read: &WorkChapter) -> Blurb {
        Blurb::of(
            read.id,
            &read.preface,
            read.words,
            read.outline.len(),
            read.updated_at,
        )
    }

    /// The blurb of work `id` whose preface is `w` (its chapters are not read), with `words`
    /// words in `posted` chapters.
    fn of(
        id: WorkId,
        w: &Work,
        words: u64,
        posted: usize,
        updated_at: chrono::DateTime<chrono::Utc>,
    ) -> Blurb {
        let mut tags = Vec::new();
        for kind in [
            TagKind::Warning,
            TagKind::Relationship,
            TagKind::Character,
            TagKind::Freeform,
        ] {
            for t in w.tags.of_kind(kind) {
                tags.push(TagLink {
                    kind: kind.as_str(),
                    name: t.to_string(),
                });
            }
        }
        let date = w
            .dates
            .updated
            .or(w.dates.completed)
            .or(w.dates.published)
            .unwrap_or_else(|| updated_at.date_naive())
            .format("%d %b %Y")
            .to_string();
        let mut stats = Vec::new();
        if let Some(l) = w.language.as_deref().filter(|l| !l.is_empty()) {
            stats.push(Stat {
                label: "Language",
                value: l.to_string(),
            });
        }
        stats.push(Stat {
            label: "Words",
            value: thousands(words),
        });
        stats.push(Stat {
            label: "Chapters",
            value: w.chapter_fraction_of(posted),
        });
        for (label, n) in [
            ("Comments", w.stats.comments),
            ("Kudos", w.stats.kudos),
            ("Bookmarks", w.stats.bookmarks),
            ("Hits", w.stats.hits),
        ] {
            if let Some(n) = n.filter(|n| *n > 0) {
                stats.push(Stat {
                    label,
                    value: thousands(n),
                });
            }
        }
        Blurb {
            id,
            title: w.display_title().to_string(),
            authors: w.authors.clone(),
            fandoms: w.tags.fandoms.clone(),
            symbols: [
                rating_symbol(w.tags.rating),
                warning_symbol(&w.tags.warnings),
                category_symbol(&w.tags.categories),
                status_symbol(w.status),
            ],
            tags,
            summary: w.summary.as_deref().map(paragraphs).unwrap_or_default(),
            series: w
                .series
                .iter()
                .map(|s| {
                    let part = match s.part {
                        Some(n) => format!("Part {n} of"),
                        None => "Part of".to_string(),
                    };
                    (s.name.clone(), part)
                })
                .collect(),
            series_parts: w.series.iter().map(|s| (s.name.clone(), s.part)).collect(),
            date,
            stats,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_have_text_alternatives() {
        assert_eq!(
            rating_symbol(Some(Rating::Teen)).label,
            "Rating: Teen And Up Audiences"
        );
        assert_eq!(rating_symbol(None).mark, "–");
        assert_eq!(warning_symbol(&[]).class, "warning-unknown");
        let none = warning_symbol(&["No Archive Warnings Apply".to_string()]);
        assert_eq!(none.class, "warning-none");
        let yes = warning_symbol(&["Major Character Death".to_string()]);
        assert!(yes.label.contains("Major Character Death"));
        assert_eq!(category_symbol(&["F/M".into(), "M/M".into()]).mark, "Multi");
        assert_eq!(category_symbol(&["Gen".into()]).class, "category-gen");
        assert_eq!(status_symbol(Status::InProgress).label, "Work in progress");
    }
}
