//! The query model: AO3's works filter and advanced search as one serde struct ([`WorkQuery`]),
//! the inline query syntax (`title:"x" -angst sort:kudos words>1000`) and saved exclusions.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most free-text clauses (terms and phrases) a query may hold; AO3-style queries use a handful.
pub const MAX_TEXT_CLAUSES: usize = 64;
/// The most tags a query may include or exclude in total.
pub const MAX_TAG_FILTERS: usize = 256;
/// The longest query string accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 8 * 1024;
/// The longest tag accepted (AO3's limit is 150 characters).
pub const MAX_TAG_CHARS: usize = 150;
/// The largest page size.
pub const MAX_PER_PAGE: u32 = 1000;

/// A query the user wrote that cannot be run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// A `"` was opened and never closed.
    #[error("unbalanced quote: the phrase starting at character {0} is never closed")]
    UnbalancedQuote(usize),
    /// `name:value` with a name that is not a search field.
    #[error(
        "unknown field {0:?}; fields are title, author, summary, notes, series, text, tag, fandom, \
         relationship, character, freeform, rating, warning, category, language, appears, speaks, \
         pov, pov_character, complete, crossover, sort, order and the ranges words, chapters, hits, \
         kudos, comments, bookmarks, published, updated"
    )]
    UnknownField(String),
    /// The query has more terms than [`MAX_TEXT_CLAUSES`].
    #[error("the query has {0} terms; at most {MAX_TEXT_CLAUSES} are allowed")]
    TooManyTerms(usize),
    /// More tags than [`MAX_TAG_FILTERS`] are included or excluded.
    #[error("{0} tags are included or excluded; at most {MAX_TAG_FILTERS} are allowed")]
    TooManyTags(usize),
    /// The query string is longer than [`MAX_QUERY_BYTES`].
    #[error("the query is {0} bytes long; at most {MAX_QUERY_BYTES} are allowed")]
    TooLong(usize),
    /// A tag longer than [`MAX_TAG_CHARS`].
    #[error("tag {0:?}... is longer than {MAX_TAG_CHARS} characters")]
    TagTooLong(String),
    /// A range such as `words>abc`.
    #[error("invalid range {value:?} for {field}: use >N, <N, N-M or N")]
    BadRange {
        /// The field.
        field: String,
        /// What was written.
        value: String,
    },
    /// A value a field does not accept (`sort:colour`, `rating:purple`).
    #[error("invalid value {value:?} for {field}")]
    BadValue {
        /// The field.
        field: String,
        /// What was written.
        value: String,
    },
}

/// What to sort results by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortField {
    /// Relevance to the free-text query (BM25).
    #[serde(alias = "relevance", alias = "_score", alias = "score")]
    BestMatch,
    /// The first author's name.
    #[serde(alias = "creator", alias = "authors_to_sort_on")]
    Author,
    /// The title.
    #[serde(alias = "title_to_sort_on")]
    Title,
    /// Date first posted.
    #[serde(
        alias = "posted",
        alias = "published",
        alias = "created_at",
        alias = "date"
    )]
    DatePosted,
    /// Date last updated.
    #[serde(alias = "updated", alias = "revised_at")]
    DateUpdated,
    /// Word count.
    #[serde(alias = "word_count", alias = "length")]
    Words,
    /// Hits.
    Hits,
    /// Kudos.
    #[serde(alias = "kudos_count")]
    Kudos,
    /// Comments.
    #[serde(alias = "comments_count")]
    Comments,
    /// Bookmarks.
    #[serde(alias = "bookmarks_count")]
    Bookmarks,
}

impl SortField {
    /// Parses a sort name as written in a URL or inline `sort:` (the serde names and aliases).
    pub fn parse(name: &str) -> Option<SortField> {
        serde_json::from_value(serde_json::Value::String(name.trim().to_ascii_lowercase())).ok()
    }

    /// AO3's default direction: ascending for title and author, descending for the rest.
    pub fn default_order(self) -> SortOrder {
        match self {
            SortField::Author | SortField::Title => SortOrder::Asc,
            _ => SortOrder::Desc,
        }
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Smallest (or A) first.
    #[serde(alias = "ascending")]
    Asc,
    /// Largest (or Z) first.
    #[serde(alias = "descending")]
    Desc,
}

/// How crossovers (works in more than one fandom) are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Crossover {
    /// Crossovers and single-fandom works alike.
    #[default]
    #[serde(alias = "all", alias = "")]
    Include,
    /// Hide crossovers.
    #[serde(alias = "no", alias = "false")]
    Exclude,
    /// Only crossovers.
    #[serde(alias = "yes", alias = "true")]
    Only,
}

/// Completion filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Completion {
    /// Any status.
    #[default]
    #[serde(alias = "")]
    All,
    /// Only works marked complete.
    #[serde(alias = "yes", alias = "true", alias = "t")]
    Complete,
    /// Only works not marked complete (in progress or unknown).
    #[serde(
        alias = "wip",
        alias = "no",
        alias = "false",
        alias = "f",
        alias = "incomplete"
    )]
    InProgress,
}

/// An inclusive range of counts: `>1000`, `<5`, `10-50`, `>=10`, `7`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NumRange {
    /// Smallest value accepted.
    pub min: Option<u64>,
    /// Largest value accepted.
    pub max: Option<u64>,
}

fn parse_count(s: &str) -> Option<u64> {
    let cleaned: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    if let Some(k) = lower.strip_suffix('k') {
        return k.parse::<u64>().ok()?.checked_mul(1000);
    }
    if let Some(m) = lower.strip_suffix('m') {
        return m.parse::<u64>().ok()?.checked_mul(1_000_000);
    }
    lower.parse().ok()
}

impl NumRange {
    /// Parses AO3's numeric range syntax; `None` when it is not one.
    pub fn parse(text: &str) -> Option<NumRange> {
        let t = text.trim();
        if let Some(v) = t.strip_prefix(">=") {
            return Some(NumRange {
                min: Some(parse_count(v)?),
                max: None,
            });
        }
        if let Some(v) = t.strip_prefix("<=") {
            return Some(NumRange {
                min: None,
                max: Some(parse_count(v)?),
            });
        }
        if let Some(v) = t.strip_prefix('>') {
            return Some(NumRange {
                min: Some(parse_count(v)?.checked_add(1)?),
                max: None,
            });
        }
        if let Some(v) = t.strip_prefix('<') {
            let max = parse_count(v)?;
            // "<0" admits nothing: an empty range, which the index answers with no works.
            return Some(
                NumRange {
                    min: Some(1),
                    max: Some(max),
                }
                .with_strict_max(max),
            );
        }
        if let Some((a, b)) = t.split_once('-') {
            let (a, b) = (a.trim(), b.trim());
            return Some(NumRange {
                min: if a.is_empty() {
                    None
                } else {
                    Some(parse_count(a)?)
                },
                max: if b.is_empty() {
                    None
                } else {
                    Some(parse_count(b)?)
                },
            });
        }
        let v = parse_count(t)?;
        Some(NumRange {
            min: Some(v),
            max: Some(v),
        })
    }

    fn with_strict_max(self, max: u64) -> NumRange {
        match max.checked_sub(1) {
            Some(m) => NumRange {
                min: None,
                max: Some(m),
            },
            None => NumRange {
                min: Some(1),
                max: Some(0),
            },
        }
    }

    /// True when `value` lies in the range.
    pub fn contains(&self, value: u64) -> bool {
        self.min.is_none_or(|m| value >= m) && self.max.is_none_or(|m| value <= m)
    }
}

impl fmt::Display for NumRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => write!(f, "{a}"),
            (Some(a), Some(b)) => write!(f, "{a}-{b}"),
            (Some(a), None) => write!(f, ">={a}"),
            (None, Some(b)) => write!(f, "<={b}"),
            (None, None) => Ok(()),
        }
    }
}

impl Serialize for NumRange {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NumRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        NumRange::parse(&raw)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid range {raw:?}")))
    }
}

/// An inclusive range of dates: `>2020-01-01`, `<2019-06`, `2015..2016-06-30`, `2012`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DateRange {
    /// First day accepted.
    pub from: Option<NaiveDate>,
    /// Last day accepted.
    pub to: Option<NaiveDate>,
}

/// The first and last day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date.
fn parse_date_span(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| -> Option<u32> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            p.parse().ok()
        }
    };
    match parts.as_slice() {
        [y] => {
            let y = i32::try_from(num(y)?).ok()?;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
        [y, m] => {
            let y = i32::try_from(num(y)?).ok()?;
            let first = NaiveDate::from_ymd_opt(y, num(m)?, 1)?;
            let next = if first.month() == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, first.month() + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(i32::try_from(num(y)?).ok()?, num(m)?, num(d)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

impl DateRange {
    /// Parses a date range; `None` when it is not one.
    pub fn parse(text: &str) -> Option<DateRange> {
        let t = text.trim();
        if let Some(v) = t.strip_prefix(">=") {
            return Some(DateRange {
                from: Some(parse_date_span(v)?.0),
                to: None,
            });
        }
        if let Some(v) = t.strip_prefix("<=") {
            return Some(DateRange {
                from: None,
                to: Some(parse_date_span(v)?.1),
            });
        }
        if let Some(v) = t.strip_prefix('>') {
            return Some(DateRange {
                from: Some(parse_date_span(v)?.1.succ_opt()?),
                to: None,
            });
        }
        if let Some(v) = t.strip_prefix('<') {
            return Some(DateRange {
                from: None,
                to: Some(parse_date_span(v)?.0.pred_opt()?),
            });
        }
        if let Some((a, b)) = t.split_once("..") {
            let (a, b) = (a.trim(), b.trim());
            return Some(DateRange {
                from: if a.is_empty() {
                    None
                } else {
                    Some(parse_date_span(a)?.0)
                },
                to: if b.is_empty() {
                    None
                } else {
                    Some(parse_date_span(b)?.1)
                },
            });
        }
        // "2019-01-01-2020-12-31": two full dates joined by a dash.
        if t.len() == 21 && t.as_bytes().get(10) == Some(&b'-') {
            return Some(DateRange {
                from: Some(parse_date_span(&t[..10])?.0),
                to: Some(parse_date_span(&t[11..])?.1),
            });
        }
        let (from, to) = parse_date_span(t)?;
        Some(DateRange {
            from: Some(from),
            to: Some(to),
        })
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.to) {
            (Some(a), Some(b)) => write!(f, "{a}..{b}"),
            (Some(a), None) => write!(f, ">={a}"),
            (None, Some(b)) => write!(f, "<={b}"),
            (None, None) => Ok(()),
        }
    }
}

impl Serialize for DateRange {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        DateRange::parse(&raw)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid date range {raw:?}")))
    }
}

/// A list that URL parameters can give as one comma-separated string (AO3 tags never hold
/// commas) and JSON as an array.
fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => s
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        OneOrMany::Many(v) => v,
    })
}

/// Everything a works listing or search can ask for. Built by the web layer from URL query
/// parameters (the field names below, documented in `docs/search.md`), by the CLI from flags,
/// or by [`parse_query_string`] from one line of inline syntax.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkQuery {
    /// Free text, which may hold inline syntax (`title:"x"`, `-term`, `sort:kudos`, `words>1000`).
    pub q: String,
    /// "Search within results": a second free-text query, ANDed with `q`.
    pub within: String,
    /// Tags every result must have (any kind; synonyms, subtags and children match too).
    #[serde(deserialize_with = "list")]
    pub include: Vec<String>,
    /// Tags no result may have (excluding a parent or metatag hides its children and synonyms).
    #[serde(deserialize_with = "list")]
    pub exclude: Vec<String>,
    /// Ratings accepted (any of them); empty accepts all.
    #[serde(deserialize_with = "list")]
    pub rating: Vec<String>,
    /// Ratings hidden.
    #[serde(deserialize_with = "list")]
    pub exclude_rating: Vec<String>,
    /// Archive warnings every result must carry.
    #[serde(deserialize_with = "list")]
    pub warning: Vec<String>,
    /// Categories every result must carry.
    #[serde(deserialize_with = "list")]
    pub category: Vec<String>,
    /// Crossovers: include, exclude or only.
    pub crossover: Crossover,
    /// Completion: all, complete or in progress.
    pub complete: Completion,
    /// Only works of exactly one chapter.
    pub single_chapter: bool,
    /// Language name or code, as the work gives it (matched case- and punctuation-insensitively).
    pub language: Option<String>,
    /// Word count range.
    pub words: Option<NumRange>,
    /// Chapter count range.
    pub chapters: Option<NumRange>,
    /// Hits range.
    pub hits: Option<NumRange>,
    /// Kudos range.
    pub kudos: Option<NumRange>,
    /// Comments range.
    pub comments: Option<NumRange>,
    /// Bookmarks range.
    pub bookmarks: Option<NumRange>,
    /// Date posted range.
    pub published: Option<DateRange>,
    /// Date updated range.
    pub updated: Option<DateRange>,
    /// Characters the analysis found appearing (all must appear).
    #[serde(deserialize_with = "list")]
    pub appears: Vec<String>,
    /// Characters the analysis found speaking (all must speak).
    #[serde(deserialize_with = "list")]
    pub speaks: Vec<String>,
    /// Narrative person of the point of view: first, second or third (any of them).
    #[serde(deserialize_with = "list")]
    pub pov: Vec<String>,
    /// Point-of-view characters (any of them).
    #[serde(deserialize_with = "list")]
    pub pov_character: Vec<String>,
    /// Relationships the analysis inferred (all must be present).
    #[serde(deserialize_with = "list")]
    pub inferred_relationship: Vec<String>,
    /// Sort field; by default best match when there is free text, else date updated.
    pub sort: Option<SortField>,
    /// Sort direction; by default AO3's for the field.
    pub order: Option<SortOrder>,
    /// 1-based page number.
    pub page: u32,
    /// Results per page (at most [`MAX_PER_PAGE`]).
    pub per_page: u32,
    /// Names of saved exclusion sets to apply; the caller loads them and calls
    /// [`ExclusionSet::apply_to`] (the search crate does not read the store).
    #[serde(deserialize_with = "list")]
    pub exclusions: Vec<String>,
    /// Whether to count facets.
    pub facets: bool,
    /// How many values per tag kind the facet counts keep.
    pub facet_limit: u32,
}

impl Default for WorkQuery {
    fn default() -> Self {
        WorkQuery {
            q: String::new(),
            within: String::new(),
            include: Vec::new(),
            exclude: Vec::new(),
            rating: Vec::new(),
            exclude_rating: Vec::new(),
            warning: Vec::new(),
            category: Vec::new(),
            crossover: Crossover::Include,
            complete: Completion::All,
            single_chapter: false,
            language: None,
            words: None,
            chapters: None,
            hits: None,
            kudos: None,
            comments: None,
            bookmarks: None,
            published: None,
            updated: None,
            appears: Vec::new(),
            speaks: Vec::new(),
            pov: Vec::new(),
            pov_character: Vec::new(),
            inferred_relationship: Vec::new(),
            sort: None,
            order: None,
            page: 1,
            per_page: 20,
            exclusions: Vec::new(),
            facets: true,
            facet_limit: 20,
        }
    }
}

impl WorkQuery {
    /// Reads a query from URL query parameters (`include=Spike,Angst&words=>1000&sort=kudos`).
    pub fn from_url_query(params: &str) -> Result<WorkQuery, QueryError> {
        serde_urlencoded_like(params)
    }

    /// The sort field after defaults: best match with free text, else date updated.
    pub fn effective_sort(&self, has_text: bool) -> (SortField, SortOrder) {
        let field = self.sort.unwrap_or(if has_text {
            SortField::BestMatch
        } else {
            SortField::DateUpdated
        });
        (field, self.order.unwrap_or(field.default_order()))
    }
}

/// Decodes `a=b&c=d` into a [`WorkQuery`] through serde's value model, so that the web layer and
/// the CLI read URL parameters the same way without another dependency.
fn serde_urlencoded_like(params: &str) -> Result<WorkQuery, QueryError> {
    let mut map = serde_json::Map::new();
    for pair in params
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (percent_decode(k), percent_decode(v));
        let value = match k.as_str() {
            "page" | "per_page" | "facet_limit" => match v.parse::<u64>() {
                Ok(n) => serde_json::Value::from(n),
                Err(_) => {
                    return Err(QueryError::BadValue { field: k, value: v });
                }
            },
            "single_chapter" | "facets" => {
                serde_json::Value::Bool(matches!(v.as_str(), "true" | "1" | "on" | "yes"))
            }
            _ => serde_json::Value::String(v),
        };
        match map.get_mut(&k) {
            // Repeated list parameters (include=a&include=b) join with commas.
            Some(serde_json::Value::String(prev)) if value.is_string() => {
                prev.push(',');
                prev.push_str(value.as_str().unwrap_or_default());
            }
            _ => {
                map.insert(k, value);
            }
        }
    }
    serde_json::from_value(serde_json::Value::Object(map)).map_err(|e| QueryError::BadValue {
        field: "query parameters".into(),
        value: e.to_string(),
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A text field a free-text clause can be limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    /// The title.
    Title,
    /// Author names.
    Author,
    /// The summary.
    Summary,
    /// Notes and end notes.
    Notes,
    /// Series names.
    Series,
    /// The story text.
    Body,
    /// Tag names (words inside tags, as opposed to whole-tag filters).
    Tags,
}

/// One free-text clause: a term or a quoted phrase, maybe limited to a field, maybe negated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextClause {
    /// The field, or every text field when `None`.
    pub field: Option<TextField>,
    /// The words.
    pub text: String,
    /// Written in quotes: the words must appear in this order.
    pub phrase: bool,
    /// Written with `-` or `NOT`: results must not match.
    pub negated: bool,
}

impl fmt::Display for TextClause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        if let Some(field) = self.field {
            let name = match field {
                TextField::Title => "title",
                TextField::Author => "author",
                TextField::Summary => "summary",
                TextField::Notes => "notes",
                TextField::Series => "series",
                TextField::Body => "text",
                TextField::Tags => "tags",
            };
            write!(f, "{name}:")?;
        }
        if self.phrase {
            write!(f, "\"{}\"", self.text)
        } else {
            f.write_str(&self.text)
        }
    }
}

/// One token of the inline syntax.
struct Token {
    negated: bool,
    field: Option<String>,
    op: &'static str,
    value: String,
    quoted: bool,
}

/// Splits inline syntax into tokens, honouring quotes; errors on an unclosed quote.
fn tokenize(input: &str) -> Result<Vec<Token>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut negate_next = false;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut negated = std::mem::take(&mut negate_next);
        if chars[i] == '-' || chars[i] == '!' {
            negated = true;
            i += 1;
            if i >= chars.len() || chars[i].is_whitespace() {
                continue;
            }
        }
        // A field name: letters and underscores followed by an operator.
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_alphabetic() || chars[j] == '_') {
            j += 1;
        }
        let mut field = None;
        let mut op = "";
        if j > i && j < chars.len() {
            let rest: String = chars[j..chars.len().min(j + 2)].iter().collect();
            for candidate in [">=", "<=", ":", ">", "<", "="] {
                if rest.starts_with(candidate) {
                    op = candidate;
                    break;
                }
            }
            if !op.is_empty() {
                field = Some(chars[i..j].iter().collect::<String>().to_ascii_lowercase());
                i = j + op.chars().count();
                // "field:>100" is the same as "field>100".
                if op == ":" && i < chars.len() && matches!(chars[i], '>' | '<') {
                    op = if chars.get(i + 1) == Some(&'=') {
                        i += 1;
                        if chars[i - 1] == '>' { ">=" } else { "<=" }
                    } else if chars[i] == '>' {
                        ">"
                    } else {
                        "<"
                    };
                    i += 1;
                }
            }
        }
        let (value, quoted) = if i < chars.len() && chars[i] == '"' {
            let start = i;
            let close = chars[i + 1..].iter().position(|&c| c == '"');
            let Some(close) = close else {
                return Err(QueryError::UnbalancedQuote(start));
            };
            let v: String = chars[i + 1..i + 1 + close].iter().collect();
            i = i + close + 2;
            (v, true)
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                if chars[i] == '"' {
                    return Err(QueryError::UnbalancedQuote(i));
                }
                i += 1;
            }
            (chars[start..i].iter().collect(), false)
        };
        if field.is_none() && !quoted {
            match value.as_str() {
                "AND" | "&&" => continue,
                "NOT" => {
                    negate_next = true;
                    continue;
                }
                _ => {}
            }
        }
        tokens.push(Token {
            negated,
            field,
            op,
            value,
            quoted,
        });
    }
    Ok(tokens)
}

/// A parsed free-text query: its clauses, with the inline filters moved into the [`WorkQuery`].
pub(crate) struct ParsedText {
    pub clauses: Vec<TextClause>,
}

/// Parses one line of inline syntax into `query` (filters are added to it) and returns its
/// free-text clauses.
pub(crate) fn parse_into(input: &str, query: &mut WorkQuery) -> Result<ParsedText, QueryError> {
    if input.len() > MAX_QUERY_BYTES {
        return Err(QueryError::TooLong(input.len()));
    }
    let mut clauses = Vec::new();
    for token in tokenize(input)? {
        let Token {
            negated,
            field,
            op,
            value,
            quoted,
        } = token;
        let Some(field) = field else {
            clauses.push(TextClause {
                field: None,
                text: value,
                phrase: quoted,
                negated,
            });
            check_clause_count(clauses.len())?;
            continue;
        };
        let text_field = match field.as_str() {
            "title" => Some(TextField::Title),
            "author" | "authors" | "creator" | "creators" | "by" => Some(TextField::Author),
            "summary" => Some(TextField::Summary),
            "notes" | "note" | "endnotes" => Some(TextField::Notes),
            "series" => Some(TextField::Series),
            "text" | "body" | "content" => Some(TextField::Body),
            "tags" => Some(TextField::Tags),
            _ => None,
        };
        if let Some(text_field) = text_field {
            if op != ":" && op != "=" {
                return Err(QueryError::BadValue {
                    field,
                    value: format!("{op}{value}"),
                });
            }
            clauses.push(TextClause {
                field: Some(text_field),
                text: value,
                phrase: quoted,
                negated,
            });
            check_clause_count(clauses.len())?;
            continue;
        }
        let range_text = || match op {
            ":" | "=" => value.clone(),
            _ => format!("{op}{value}"),
        };
        let num = |name: &str| {
            NumRange::parse(&range_text()).ok_or_else(|| QueryError::BadRange {
                field: name.to_string(),
                value: range_text(),
            })
        };
        let date = |name: &str| {
            DateRange::parse(&range_text()).ok_or_else(|| QueryError::BadRange {
                field: name.to_string(),
                value: range_text(),
            })
        };
        let bad = || QueryError::BadValue {
            field: field.clone(),
            value: value.clone(),
        };
        match field.as_str() {
            "words" | "word_count" => query.words = Some(num("words")?),
            "chapters" => query.chapters = Some(num("chapters")?),
            "hits" => query.hits = Some(num("hits")?),
            "kudos" => query.kudos = Some(num("kudos")?),
            "comments" => query.comments = Some(num("comments")?),
            "bookmarks" => query.bookmarks = Some(num("bookmarks")?),
            "published" | "posted" | "date" => query.published = Some(date("published")?),
            "updated" | "revised" => query.updated = Some(date("updated")?),
            "sort" | "sort_by" => {
                // "sort:kudos_asc" / "sort:title-desc" set the direction too.
                let lower = value.to_ascii_lowercase();
                let (name, dir) = match lower.rsplit_once(['_', '-']) {
                    Some((n, "asc")) => (n.to_string(), Some(SortOrder::Asc)),
                    Some((n, "desc")) => (n.to_string(), Some(SortOrder::Desc)),
                    _ => (lower.clone(), None),
                };
                query.sort = Some(SortField::parse(&name).ok_or_else(bad)?);
                if dir.is_some() {
                    query.order = dir;
                }
            }
            "order" | "sort_direction" | "direction" => {
                query.order = Some(match value.to_ascii_lowercase().as_str() {
                    "asc" | "ascending" => SortOrder::Asc,
                    "desc" | "descending" => SortOrder::Desc,
                    _ => return Err(bad()),
                });
            }
            "tag" | "fandom" | "fandoms" | "relationship" | "relationships" | "ship"
            | "character" | "characters" | "freeform" | "additional" => {
                if negated {
                    query.exclude.push(value);
                } else {
                    query.include.push(value);
                }
            }
            "warning" | "warnings" => {
                if negated {
                    query.exclude.push(value);
                } else {
                    query.warning.push(value);
                }
            }
            "category" | "categories" => {
                if negated {
                    query.exclude.push(value);
                } else {
                    query.category.push(value);
                }
            }
            "rating" => {
                if negated {
                    query.exclude_rating.push(value);
                } else {
                    query.rating.push(value);
                }
            }
            "language" | "lang" => query.language = Some(value),
            "complete" | "completion" | "status" => {
                let v = value.to_ascii_lowercase();
                let c = match v.as_str() {
                    "true" | "yes" | "complete" | "t" => Completion::Complete,
                    "false" | "no" | "wip" | "in_progress" | "incomplete" | "f" => {
                        Completion::InProgress
                    }
                    "all" => Completion::All,
                    _ => return Err(bad()),
                };
                query.complete = match (negated, c) {
                    (true, Completion::Complete) => Completion::InProgress,
                    (true, Completion::InProgress) => Completion::Complete,
                    (_, c) => c,
                };
            }
            "crossover" | "crossovers" => {
                let v = value.to_ascii_lowercase();
                query.crossover = match (negated, v.as_str()) {
                    (false, "only" | "true" | "yes") | (true, "exclude" | "false" | "no") => {
                        Crossover::Only
                    }
                    (false, "exclude" | "false" | "no") | (true, "only" | "true" | "yes") => {
                        Crossover::Exclude
                    }
                    (_, "include" | "all") => Crossover::Include,
                    _ => return Err(bad()),
                };
            }
            "single_chapter" | "oneshot" => {
                query.single_chapter = !negated
                    && !matches!(value.to_ascii_lowercase().as_str(), "false" | "no" | "0");
            }
            "appears" | "appearing" => query.appears.push(value),
            "speaks" | "speaking" => query.speaks.push(value),
            "pov" => query.pov.push(value),
            "pov_character" | "narrator" => query.pov_character.push(value),
            "inferred_relationship" | "inferred" => query.inferred_relationship.push(value),
            _ => return Err(QueryError::UnknownField(field)),
        }
    }
    Ok(ParsedText { clauses })
}

fn check_clause_count(n: usize) -> Result<(), QueryError> {
    if n > MAX_TEXT_CLAUSES {
        Err(QueryError::TooManyTerms(n))
    } else {
        Ok(())
    }
}

/// Parses one line of inline syntax (`spike "bloody soul" -angel title:dawn sort:kudos
/// words>1000 rating:explicit -tag:"Major Character Death"`) into a [`WorkQuery`]: filters land
/// in their fields and the remaining free text in `q`.
pub fn parse_query_string(input: &str) -> Result<WorkQuery, QueryError> {
    let mut query = WorkQuery::default();
    let parsed = parse_into(input, &mut query)?;
    query.q = parsed
        .clauses
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    Ok(query)
}

/// A named, reusable set of exclusions (AO3's most requested missing feature), applied to
/// every listing. The CLI and web keep them as store documents.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ExclusionSet {
    /// The set's name.
    pub name: String,
    /// Tags to hide (any kind, warnings and categories included; parents hide their children).
    pub tags: Vec<String>,
    /// Ratings to hide.
    pub ratings: Vec<String>,
    /// Hide crossovers.
    pub crossovers: bool,
    /// Hide works not marked complete.
    pub in_progress: bool,
    /// Hide works shorter than this many words.
    pub min_words: Option<u64>,
}

impl ExclusionSet {
    /// Adds the set's exclusions to a query. An explicit `crossover=only` or
    /// `complete=in_progress` in the query wins over the set, since the reader asked for it.
    pub fn apply_to(&self, query: &mut WorkQuery) {
        for t in &self.tags {
            if !query.exclude.iter().any(|e| e == t) {
                query.exclude.push(t.clone());
            }
        }
        for r in &self.ratings {
            if !query.exclude_rating.iter().any(|e| e == r) {
                query.exclude_rating.push(r.clone());
            }
        }
        if self.crossovers && query.crossover == Crossover::Include {
            query.crossover = Crossover::Exclude;
        }
        if self.in_progress && query.complete == Completion::All {
            query.complete = Completion::Complete;
        }
        if let Some(min) = self.min_words {
            let range = query.words.get_or_insert_default();
            range.min = Some(range.min.map_or(min, |m| m.max(min)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_follow_ao3_syntax() {
        assert_eq!(
            NumRange::parse(">1000"),
            Some(NumRange {
                min: Some(1001),
                max: None
            })
        );
        assert_eq!(
            NumRange::parse("<5"),
            Some(NumRange {
                min: None,
                max: Some(4)
            })
        );
        assert_eq!(
            NumRange::parse("10-50"),
            Some(NumRange {
                min: Some(10),
                max: Some(50)
            })
        );
        assert_eq!(
            NumRange::parse("1,000-2k"),
            Some(NumRange {
                min: Some(1000),
                max: Some(2000)
            })
        );
        assert_eq!(
            NumRange::parse("7"),
            Some(NumRange {
                min: Some(7),
                max: Some(7)
            })
        );
        assert!(!NumRange::parse("<0").unwrap().contains(0));
        assert_eq!(NumRange::parse("abc"), None);
        assert_eq!(NumRange::parse(">99999999999999999999999"), None);
        let d = DateRange::parse("2015").unwrap();
        assert_eq!(d.from, NaiveDate::from_ymd_opt(2015, 1, 1));
        assert_eq!(d.to, NaiveDate::from_ymd_opt(2015, 12, 31));
        let d = DateRange::parse(">2015-02").unwrap();
        assert_eq!(d.from, NaiveDate::from_ymd_opt(2015, 3, 1));
        let d = DateRange::parse("2019-01-01-2020-12-31").unwrap();
        assert_eq!(d.to, NaiveDate::from_ymd_opt(2020, 12, 31));
        assert_eq!(DateRange::parse("2019-13-01"), None);
        assert_eq!(DateRange::parse("yesterday"), None);
    }

    #[test]
    fn inline_syntax_fills_filters() {
        let q = parse_query_string(
            r#"spike "bloody soul" -angel title:dawn author:"Kallysten" sort:kudos words>1000 kudos:10-50 rating:explicit -tag:"Major Character Death" tag:Spuffy complete:yes crossover:only NOT willow"#,
        )
        .unwrap();
        assert_eq!(
            q.q,
            r#"spike "bloody soul" -angel title:dawn author:"Kallysten" -willow"#
        );
        assert_eq!(q.sort, Some(SortField::Kudos));
        assert_eq!(
            q.words,
            Some(NumRange {
                min: Some(1001),
                max: None
            })
        );
        assert_eq!(
            q.kudos,
            Some(NumRange {
                min: Some(10),
                max: Some(50)
            })
        );
        assert_eq!(q.rating, vec!["explicit"]);
        assert_eq!(q.exclude, vec!["Major Character Death"]);
        assert_eq!(q.include, vec!["Spuffy"]);
        assert_eq!(q.complete, Completion::Complete);
        assert_eq!(q.crossover, Crossover::Only);
        let q = parse_query_string("sort:title_desc words:<=500 updated>2020").unwrap();
        assert_eq!(
            (q.sort, q.order),
            (Some(SortField::Title), Some(SortOrder::Desc))
        );
        assert_eq!(
            q.words,
            Some(NumRange {
                min: None,
                max: Some(500)
            })
        );
        assert_eq!(q.updated.unwrap().from, NaiveDate::from_ymd_opt(2021, 1, 1));
    }

    #[test]
    fn bad_queries_are_clear_errors() {
        assert_eq!(
            parse_query_string(r#"spike "bloody"#).unwrap_err(),
            QueryError::UnbalancedQuote(6)
        );
        assert_eq!(
            parse_query_string("ab\"c").unwrap_err(),
            QueryError::UnbalancedQuote(2)
        );
        assert!(
            matches!(parse_query_string("colour:red"), Err(QueryError::UnknownField(f)) if f == "colour")
        );
        assert!(matches!(
            parse_query_string("words>lots"),
            Err(QueryError::BadRange { .. })
        ));
        assert!(matches!(
            parse_query_string("sort:colour"),
            Err(QueryError::BadValue { .. })
        ));
        let long = "word ".repeat(10_000);
        assert!(matches!(
            parse_query_string(&long),
            Err(QueryError::TooLong(_))
        ));
        let many = "w ".repeat(MAX_TEXT_CLAUSES + 1);
        assert!(matches!(
            parse_query_string(&many),
            Err(QueryError::TooManyTerms(_))
        ));
        // Times and URLs are text, not fields.
        assert!(parse_query_string("10:30 at night").is_ok());
    }

    #[test]
    fn url_parameters_decode() {
        let q = WorkQuery::from_url_query(
            "q=vampire+slayer&include=Spike,Angst&include=Fluff&exclude=Major%20Character%20Death&words=%3E1000&sort=kudos&order=asc&page=3&per_page=50&crossover=exclude&complete=complete&single_chapter=true&updated=2020..2021",
        )
        .unwrap();
        assert_eq!(q.q, "vampire slayer");
        assert_eq!(q.include, vec!["Spike", "Angst", "Fluff"]);
        assert_eq!(q.exclude, vec!["Major Character Death"]);
        assert_eq!(
            q.words,
            Some(NumRange {
                min: Some(1001),
                max: None
            })
        );
        assert_eq!(
            (q.sort, q.order),
            (Some(SortField::Kudos), Some(SortOrder::Asc))
        );
        assert_eq!((q.page, q.per_page), (3, 50));
        assert_eq!(q.crossover, Crossover::Exclude);
        assert_eq!(q.complete, Completion::Complete);
        assert!(q.single_chapter);
        assert!(WorkQuery::from_url_query("page=abc").is_err());
        assert!(WorkQuery::from_url_query("words=lots").is_err());
        assert!(WorkQuery::from_url_query("%zz=%").is_ok());
        let json = serde_json::to_string(&q).unwrap();
        let back: WorkQuery = serde_json::from_str(&json).unwrap();
        assert_eq!(back, q);
    }

    #[test]
    fn exclusion_sets_add_to_queries() {
        let set = ExclusionSet {
            name: "no angst".into(),
            tags: vec!["Angst".into()],
            ratings: vec!["Explicit".into()],
            crossovers: true,
            in_progress: true,
            min_words: Some(1000),
        };
        let mut q = WorkQuery::default();
        set.apply_to(&mut q);
        assert_eq!(q.exclude, vec!["Angst"]);
        assert_eq!(q.exclude_rating, vec!["Explicit"]);
        assert_eq!(q.crossover, Crossover::Exclude);
        assert_eq!(q.complete, Completion::Complete);
        assert_eq!(q.words.unwrap().min, Some(1000));
        let mut q = WorkQuery {
            crossover: Crossover::Only,
            ..WorkQuery::default()
        };
        set.apply_to(&mut q);
        assert_eq!(q.crossover, Crossover::Only);
    }
}
