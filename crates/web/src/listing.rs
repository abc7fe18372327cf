//! The works filter as the web form sends it: parsed from URL query parameters (repeated keys and
//! comma-separated lists both work) and written back for pagination and facet links.

use chrono::NaiveDate;
use serde::Serialize;

/// Most tags a filter may include or exclude (more is refused rather than silently cut).
pub const MAX_FILTER_TAGS: usize = 100;
/// Largest page size a listing accepts.
pub const MAX_PER_PAGE: u32 = 100;
/// Default page size.
pub const DEFAULT_PER_PAGE: u32 = 20;
/// Longest free-text query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 2048;

/// Completion filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Completion {
    /// Every work.
    #[default]
    All,
    /// Only complete works.
    Complete,
    /// Only works in progress.
    InProgress,
}

impl Completion {
    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Completion::All => "",
            Completion::Complete => "complete",
            Completion::InProgress => "in_progress",
        }
    }
}

/// Sort orders offered by the filter form (AO3's, with their default directions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Relevance to the text query (the default when there is one).
    BestMatch,
    /// Date updated, newest first (the default listing order).
    #[default]
    DateUpdated,
    /// Date posted, newest first.
    DatePosted,
    /// Title A–Z.
    Title,
    /// First author A–Z.
    Author,
    /// Word count, longest first.
    Words,
    /// Kudos, most first.
    Kudos,
    /// Hits, most first.
    Hits,
    /// Comments, most first.
    Comments,
    /// Bookmarks, most first.
    Bookmarks,
}

impl SortKey {
    /// Every sort, in the order the form lists them, with its label.
    pub const ALL: [(SortKey, &'static str); 10] = [
        (SortKey::BestMatch, "Best match"),
        (SortKey::DateUpdated, "Date updated"),
        (SortKey::DatePosted, "Date posted"),
        (SortKey::Title, "Title"),
        (SortKey::Author, "Author"),
        (SortKey::Words, "Word count"),
        (SortKey::Kudos, "Kudos"),
        (SortKey::Hits, "Hits"),
        (SortKey::Comments, "Comments"),
        (SortKey::Bookmarks, "Bookmarks"),
    ];

    /// The URL value (the search crate's sort names).
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::BestMatch => "best_match",
            SortKey::DateUpdated => "date_updated",
            SortKey::DatePosted => "date_posted",
            SortKey::Title => "title",
            SortKey::Author => "author",
            SortKey::Words => "words",
            SortKey::Kudos => "kudos",
            SortKey::Hits => "hits",
            SortKey::Comments => "comments",
            SortKey::Bookmarks => "bookmarks",
        }
    }

    fn parse(value: &str) -> Option<SortKey> {
        SortKey::ALL
            .iter()
            .map(|(k, _)| *k)
            .find(|k| k.as_str() == value)
    }
}

/// One works listing request: the filter form's fields, the page, and the fixed scope of the page
/// it is shown on (an author's or a series' works).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Listing {
    /// Free text.
    pub q: String,
    /// Tags every result must have.
    pub include: Vec<String>,
    /// Tags no result may have.
    pub exclude: Vec<String>,
    /// Ratings accepted (any of them).
    pub rating: Vec<String>,
    /// Archive warnings every result must carry.
    pub warning: Vec<String>,
    /// Categories every result must carry.
    pub category: Vec<String>,
    /// Completion.
    pub complete: Completion,
    /// Language (empty for any).
    pub language: String,
    /// Fewest words.
    pub words_from: Option<u64>,
    /// Most words.
    pub words_to: Option<u64>,
    /// Updated on or after.
    pub updated_from: Option<NaiveDate>,
    /// Updated on or before.
    pub updated_to: Option<NaiveDate>,
    /// Sort order; `None` for the default (best match with text, else date updated).
    pub sort: Option<SortKey>,
    /// 1-based page.
    pub page: u32,
    /// Results per page.
    pub per_page: u32,
    /// Only works by this author (an author page).
    pub author: Option<String>,
    /// Only works in this series (a series page).
    pub series: Option<String>,
    /// Names of saved exclusion sets to apply (`ficarchive exclusions set NAME ...`).
    pub exclusions: Vec<String>,
}

/// A filter value the reader typed that cannot be used; the message says which and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingError(pub String);

fn split_list(value: &str, out: &mut Vec<String>) {
    for part in value.split(',') {
        let part = part.trim();
        if !part.is_empty() && !out.iter().any(|t| t.eq_ignore_ascii_case(part)) {
            out.push(part.to_string());
        }
    }
}

fn parse_number(field: &str, value: &str) -> Result<Option<u64>, ListingError> {
    let cleaned: String = value
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    cleaned
        .parse()
        .map(Some)
        .map_err(|_| ListingError(format!("{field} must be a whole number, not {value:?}")))
}

fn parse_date(field: &str, value: &str) -> Result<Option<NaiveDate>, ListingError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            ListingError(format!(
                "{field} must be a date like 2024-05-31, not {value:?}"
            ))
        })
}

impl Listing {
    /// The first page of an unfiltered listing.
    pub fn new() -> Self {
        Listing {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            ..Listing::default()
        }
    }

    /// Reads the form's fields from a raw URL query string (`include=A&include=B,C&page=2`).
    /// Unknown parameters are ignored (so links carrying extra parameters still work).
    pub fn from_query(raw: &str) -> Result<Listing, ListingError> {
        if raw.len() > 16 * 1024 {
            return Err(ListingError("the address is too long".into()));
        }
        let mut l = Listing::new();
        for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
            let value = value.trim();
            match key.as_ref() {
                "q" => {
                    if !l.q.is_empty() && !value.is_empty() {
                        l.q.push(' ');
                    }
                    l.q.push_str(value);
                }
                "include" | "tag" => split_list(value, &mut l.include),
                "exclude" => split_list(value, &mut l.exclude),
                "exclusions" => split_list(value, &mut l.exclusions),
                "rating" => split_list(value, &mut l.rating),
                "warning" => split_list(value, &mut l.warning),
                "category" => split_list(value, &mut l.category),
                "complete" => {
                    l.complete = match value {
                        "" | "all" => Completion::All,
                        "complete" | "true" | "1" => Completion::Complete,
                        "in_progress" | "wip" | "false" => Completion::InProgress,
                        other => {
                            return Err(ListingError(format!(
                                "completion must be complete or in_progress, not {other:?}"
                            )));
                        }
                    }
                }
                "language" => l.language = value.to_string(),
                "words_from" => l.words_from = parse_number("words from", value)?,
                "words_to" => l.words_to = parse_number("words to", value)?,
                "updated_from" => l.updated_from = parse_date("updated from", value)?,
                "updated_to" => l.updated_to = parse_date("updated to", value)?,
                "sort" => {
                    l.sort =
                        if value.is_empty() {
                            None
                        } else {
                            Some(SortKey::parse(value).ok_or_else(|| {
                                ListingError(format!("unknown sort order {value:?}"))
                            })?)
                        }
                }
                "page" => {
                    l.page = match parse_number("page", value)? {
                        Some(p) => u32::try_from(p.max(1)).unwrap_or(u32::MAX),
                        None => 1,
                    }
                }
                "per_page" => {
                    if let Some(n) = parse_number("per page", value)? {
                        l.per_page = u32::try_from(n)
                            .unwrap_or(MAX_PER_PAGE)
                            .clamp(1, MAX_PER_PAGE);
                    }
                }
                _ => {}
            }
        }
        if l.q.len() > MAX_QUERY_BYTES {
            return Err(ListingError(format!(
                "the search text is {} bytes long; at most {MAX_QUERY_BYTES} are allowed",
                l.q.len()
            )));
        }
        let tags = l.include.len() + l.exclude.len();
        if tags > MAX_FILTER_TAGS {
            return Err(ListingError(format!(
                "{tags} tags are included or excluded; at most {MAX_FILTER_TAGS} are allowed"
            )));
        }
        if let (Some(a), Some(b)) = (l.words_from, l.words_to)
            && a > b
        {
            return Err(ListingError(format!(
                "the word count range {a}–{b} is empty: the first number must not be larger"
            )));
        }
        Ok(l)
    }

    /// True when any filter (not the page or sort) is set.
    pub fn is_filtered(&self) -> bool {
        !(self.q.is_empty()
            && self.include.is_empty()
            && self.exclude.is_empty()
            && self.exclusions.is_empty()
            && self.rating.is_empty()
            && self.warning.is_empty()
            && self.category.is_empty()
            && self.complete == Completion::All
            && self.language.is_empty()
            && self.words_from.is_none()
            && self.words_to.is_none()
            && self.updated_from.is_none()
            && self.updated_to.is_none())
    }

    /// The effective sort: the chosen one, else best match with text, else date updated.
    pub fn effective_sort(&self) -> SortKey {
        self.sort.unwrap_or(if self.q.trim().is_empty() {
            SortKey::DateUpdated
        } else {
            SortKey::BestMatch
        })
    }

    /// The filter as URL query parameters (without `page` when it is 1), for links.
    pub fn to_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            s.append_pair("q", &self.q);
        }
        for t in &self.include {
            s.append_pair("include", t);
        }
        for t in &self.exclude {
            s.append_pair("exclude", t);
        }
        for t in &self.exclusions {
            s.append_pair("exclusions", t);
        }
        for t in &self.rating {
            s.append_pair("rating", t);
        }
        for t in &self.warning {
            s.append_pair("warning", t);
        }
        for t in &self.category {
            s.append_pair("category", t);
        }
        if self.complete != Completion::All {
            s.append_pair("complete", self.complete.as_str());
        }
        if !self.language.is_empty() {
            s.append_pair("language", &self.language);
        }
        if let Some(n) = self.words_from {
            s.append_pair("words_from", &n.to_string());
        }
        if let Some(n) = self.words_to {
            s.append_pair("words_to", &n.to_string());
        }
        if let Some(d) = self.updated_from {
            s.append_pair("updated_from", &d.to_string());
        }
        if let Some(d) = self.updated_to {
            s.append_pair("updated_to", &d.to_string());
        }
        if let Some(k) = self.sort {
            s.append_pair("sort", k.as_str());
        }
        if self.per_page != DEFAULT_PER_PAGE {
            s.append_pair("per_page", &self.per_page.to_string());
        }
        if self.page > 1 {
            s.append_pair("page", &self.page.to_string());
        }
        s.finish()
    }

    /// The same filter on another page.
    pub fn with_page(&self, page: u32) -> Listing {
        Listing {
            page,
            ..self.clone()
        }
    }

    /// Zero-based offset of the first result on this page.
    pub fn offset(&self) -> u64 {
        u64::from(self.page.saturating_sub(1)) * u64::from(self.per_page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_and_comma_separated_tags_both_work() {
        let l = Listing::from_query(
            "include=Angst&include=Fluff,%20Humor&exclude=Major+Character+Death",
        )
        .unwrap();
        assert_eq!(l.include, vec!["Angst", "Fluff", "Humor"]);
        assert_eq!(l.exclude, vec!["Major Character Death"]);
        assert!(l.is_filtered());
    }

    #[test]
    fn round_trips_through_the_query_string() {
        let l = Listing::from_query(
            "q=vampire&include=Buffy%2FSpike&rating=Mature&complete=complete&words_from=1%2C000\
             &words_to=50000&updated_from=2020-01-02&sort=kudos&page=3&language=English",
        )
        .unwrap();
        assert_eq!(l.words_from, Some(1000));
        assert_eq!(l.page, 3);
        assert_eq!(l.sort, Some(SortKey::Kudos));
        let back = Listing::from_query(&l.to_query()).unwrap();
        assert_eq!(back, l);
    }

    #[test]
    fn bad_values_give_clear_errors() {
        assert!(
            Listing::from_query("words_from=lots")
                .unwrap_err()
                .0
                .contains("words from")
        );
        assert!(
            Listing::from_query("updated_from=yesterday")
                .unwrap_err()
                .0
                .contains("date")
        );
        assert!(
            Listing::from_query("sort=colour")
                .unwrap_err()
                .0
                .contains("sort")
        );
        assert!(Listing::from_query("words_from=10&words_to=5").is_err());
        let many: String = (0..=MAX_FILTER_TAGS)
            .map(|i| format!("include=t{i}&"))
            .collect();
        assert!(Listing::from_query(&many).is_err());
    }

    #[test]
    fn page_and_per_page_are_clamped() {
        let l = Listing::from_query("page=0&per_page=100000").unwrap();
        assert_eq!(l.page, 1);
        assert_eq!(l.per_page, MAX_PER_PAGE);
        assert_eq!(
            Listing::from_query("page=99999999999").unwrap().page,
            u32::MAX
        );
        assert_eq!(l.with_page(3).offset(), 2 * u64::from(MAX_PER_PAGE));
    }

    #[test]
    fn default_sort_follows_the_text_query() {
        assert_eq!(Listing::new().effective_sort(), SortKey::DateUpdated);
        let l = Listing::from_query("q=spike").unwrap();
        assert_eq!(l.effective_sort(), SortKey::BestMatch);
    }
}
