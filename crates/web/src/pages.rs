//! Routes and handlers: every page, the JSON API and the static files.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use ficarchive_formats::ExportFormat;
use ficarchive_model::{Chapter, Rating, Taxonomy, Work, tag_key};
use ficarchive_store::{StoredWork, WorkChapter, WorkId};

use crate::AppState;
use crate::assets;
use crate::blurb::{Blurb, Stat};
use crate::cache::Cached;
use crate::error::{PageError, error_response};
use crate::fmt::{path_segment, plural, thousands};
use crate::insight::Insight;
use crate::listing::{Listing, SortKey};
use crate::search::{Capabilities, SearchPage, TagInfo};
use crate::work_view::{
    ChapterLink, ChapterView, Outline, PrefaceRow, chapter_index, note_paragraphs, outline_of,
    preface_rows, work_stats,
};

/// Every route of the site.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/works", get(works_index))
        .route("/works/{id}", get(work_page))
        .route("/works/{id}/chapters/{n}", get(chapter_page))
        .route("/works/{id}/{file}", get(work_file))
        .route("/fandoms", get(fandoms))
        .route("/tags/{*name}", get(tag_page))
        .route("/authors/{*name}", get(author_page))
        .route("/series/{*name}", get(series_page))
        .route("/api/works", get(api_works))
        .route("/api/works/{id}", get(api_work))
        .route("/api/tags", get(api_tags))
        .route("/static/style.css", get(style_css))
        .route("/static/app.js", get(app_js))
        .route("/static/favicon.svg", get(favicon))
        .route(
            "/favicon.ico",
            get(|| async { Redirect::permanent("/static/favicon.svg") }),
        )
        .fallback(not_found)
}

type PageResult = Result<Response, PageError>;

fn html<T: Template>(page: &T) -> PageResult {
    Ok(Html(page.render()?).into_response())
}

/// [`html`] into a buffer of `capacity` bytes: a chapter page is mostly its text, so sizing the
/// buffer from it saves the copies of growing a small one page by page.
fn html_sized<T: Template>(page: &T, capacity: usize) -> PageResult {
    let mut out = String::with_capacity(capacity);
    page.render_into(&mut out)?;
    Ok(Html(out).into_response())
}

/// Bytes of a work page besides its story text (header, preface, navigation, footer), with room.
const PAGE_FRAME_BYTES: usize = 16 * 1024;

fn parse_id(raw: &str) -> Result<WorkId, PageError> {
    raw.parse::<WorkId>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| {
            PageError::NotFound(format!(
                "{raw:?} is not a work number: work addresses look like /works/42."
            ))
        })
}

async fn load_work(state: &AppState, raw_id: &str) -> Result<Arc<StoredWork>, PageError> {
    let id = parse_id(raw_id)?;
    // A work confirmed current moments ago is served without asking the store: readers paging
    // through chapters cost no query at all, and an edit shows within WORK_RECHECK.
    if let Some(w) = state.works.fresh(id, crate::WORK_RECHECK) {
        return Ok(w);
    }
    let missing = || {
        PageError::NotFound(format!(
            "There is no work {id} in this archive. It may have been deleted, or the address mistyped."
        ))
    };
    // One cheap summary lookup tells whether the cached copy is still current.
    let summary = state
        .store
        .work_summaries(&[id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(missing)?;
    if let Some(w) = state.works.get(id, summary.updated_at) {
        state.works.put(w.clone());
        return Ok(w);
    }
    let stored = Arc::new(state.store.get_work(id).await?.ok_or_else(missing)?);
    state.works.put(stored.clone());
    Ok(stored)
}

/// Runs a search, reusing a result from the last few seconds for the same query; an older result
/// is answered at once while one background task recomputes it.
async fn search(
    state: &AppState,
    listing: &Listing,
    facet_limit: usize,
) -> Result<Arc<SearchPage>, PageError> {
    let key = result_key(listing, facet_limit);
    match state.results.get(&key) {
        Cached::Fresh(hit) => return Ok(hit),
        Cached::Stale { value, refresh } => {
            if refresh {
                let state = state.clone();
                let listing = listing.clone();
                tokio::spawn(async move {
                    match state.search.search(&listing, facet_limit).await {
                        Ok(page) => state.results.put(key, Arc::new(page)),
                        Err(e) => {
                            tracing::warn!("refreshing a cached listing failed: {e}");
                            state.results.release(&key);
                        }
                    }
                });
            }
            return Ok(value);
        }
        Cached::Missing => {}
    }
    // Nothing to answer with: the first request runs the search and every request for the same
    // listing meanwhile waits for its answer, so a burst of readers on a new listing (the first
    // seconds after a start, a link shared widely) costs one search instead of one each.
    let flight = state.searches_in_flight.join(&key);
    let outcome = flight
        .get_or_init(|| async {
            state
                .search
                .search(listing, facet_limit)
                .await
                .map(Arc::new)
        })
        .await
        .clone();
    state.searches_in_flight.land(&key, &flight);
    let page = outcome?;
    state.results.put(key, page.clone());
    Ok(page)
}

/// The results cache's key of a listing searched with `facet_limit` facet values.
pub(crate) fn result_key(listing: &Listing, facet_limit: usize) -> String {
    format!(
        "{}|{}|{}|{facet_limit}",
        listing.to_query(),
        listing.author.as_deref().unwrap_or(""),
        listing.series.as_deref().unwrap_or("")
    )
}

/// The home page's two listings: recently posted (no facets) and recently updated (with the
/// fandom counts beside them), each with its facet limit.
pub(crate) fn home_listings() -> [(Listing, usize); 2] {
    let mut recent = Listing::new();
    recent.sort = Some(SortKey::DatePosted);
    recent.per_page = 5;
    let mut updated = Listing::new();
    updated.sort = Some(SortKey::DateUpdated);
    updated.per_page = 5;
    [(recent, 0), (updated, 40)]
}

/// The fandoms page's listing (one work, every fandom counted) and its facet limit.
pub(crate) fn fandoms_listing() -> (Listing, usize) {
    let mut listing = Listing::new();
    listing.per_page = 1;
    (listing, 5000)
}

/// The facet limit of the works index and the other listing pages.
pub(crate) const LISTING_FACETS: usize = 25;

/// Blurbs for ids, in order: from the cache when the work is unchanged (confirmed with one
/// summaries query, skipped when every work was confirmed in the last WORK_RECHECK), else built
/// from the store.
async fn load_blurbs(state: &AppState, ids: &[WorkId]) -> Result<Vec<Arc<Blurb>>, PageError> {
    let fresh: Vec<Arc<Blurb>> = ids
        .iter()
        .map_while(|id| state.blurbs.fresh(*id, crate::WORK_RECHECK))
        .collect();
    if fresh.len() == ids.len() {
        return Ok(fresh);
    }
    let summaries = state.store.work_summaries(ids).await?;
    let mut out = Vec::with_capacity(summaries.len());
    for s in summaries {
        if let Some(b) = state.blurbs.get(s.id, s.updated_at) {
            state.blurbs.put(s.id, s.updated_at, b.clone());
            out.push(b);
            continue;
        }
        // The preface and outline are all a blurb shows: no chapter's text is read or decoded
        // (no chapter has number 0).
        if let Some(read) = state.store.get_chapter(s.id, NO_CHAPTER).await? {
            let b = Arc::new(Blurb::from_read(&read));
            state.blurbs.put(s.id, read.updated_at, b.clone());
            out.push(b);
        }
    }
    Ok(out)
}

/// A chapter number no work has (chapters are numbered from 1): asking the store for it reads a
/// work's preface and outline without any chapter's text.
const NO_CHAPTER: u32 = 0;

// ---------------------------------------------------------------- home

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    site: String,
    total: String,
    recent: Vec<Arc<Blurb>>,
    updated: Vec<Arc<Blurb>>,
    fandoms: Vec<(String, String)>,
}

async fn home(State(state): State<AppState>) -> PageResult {
    let [(recent_q, recent_facets), (updated_q, updated_facets)] = home_listings();
    let recent = search(&state, &recent_q, recent_facets).await?;
    let updated = search(&state, &updated_q, updated_facets).await?;
    let fandoms = updated
        .facet("fandom")
        .map(|f| {
            f.values
                .iter()
                .take(30)
                .map(|v| (v.name.clone(), thousands(v.count)))
                .collect()
        })
        .unwrap_or_default();
    // Works updated recently and posted recently overlap; show each once.
    let updated_ids: Vec<WorkId> = updated
        .ids
        .iter()
        .copied()
        .filter(|id| !recent.ids.contains(id))
        .collect();
    html(&HomePage {
        site: state.site_name.to_string(),
        total: plural(updated.total, "work", "works"),
        recent: load_blurbs(&state, &recent.ids).await?,
        updated: load_blurbs(&state, &updated_ids).await?,
        fandoms,
    })
}

// ---------------------------------------------------------------- listings

/// A filter checkbox with its facet count.
struct Check {
    name: String,
    count: Option<String>,
    checked: bool,
}

/// A group of filter checkboxes ("Fandoms", include or exclude).
struct CheckGroup {
    legend: &'static str,
    /// The form field the checkboxes set (`include`, `exclude`, `rating`, ...).
    field: &'static str,
    /// Unique id prefix for labels.
    id: String,
    checks: Vec<Check>,
}

struct PageLink {
    label: String,
    href: Option<String>,
    current: bool,
}

#[derive(Template)]
#[template(path = "works.html")]
struct WorksPage {
    site: String,
    heading: String,
    /// Where the filter form submits (this page's path).
    action: String,
    tag: Option<TagInfo>,
    blurbs: Vec<Arc<Blurb>>,
    range: String,
    notice: Option<String>,
    listing: Listing,
    include_groups: Vec<CheckGroup>,
    exclude_groups: Vec<CheckGroup>,
    other_include: String,
    other_exclude: String,
    sorts: Vec<(&'static str, &'static str, bool)>,
    caps: Capabilities,
    languages: Vec<(String, bool)>,
    pages: Vec<PageLink>,
    prev: Option<String>,
    next: Option<String>,
}

const FACET_GROUPS: [(&str, &str); 7] = [
    ("rating", "Ratings"),
    ("warning", "Warnings"),
    ("category", "Categories"),
    ("fandom", "Fandoms"),
    ("relationship", "Relationships"),
    ("character", "Characters"),
    ("freeform", "Additional Tags"),
];

fn groups(
    page: &SearchPage,
    listing: &Listing,
    exclude: bool,
    caps: Capabilities,
) -> (Vec<CheckGroup>, Vec<String>) {
    let mut shown: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (field, legend) in FACET_GROUPS {
        let tag_like = !matches!(field, "rating" | "warning" | "category");
        if !caps.all_tags && !matches!(field, "fandom" | "rating") {
            continue;
        }
        if exclude && field == "rating" {
            continue;
        }
        let (form_field, selected): (&'static str, &Vec<String>) = match (exclude, field) {
            (true, _) => ("exclude", &listing.exclude),
            (false, "rating") => ("rating", &listing.rating),
            (false, "warning") => ("warning", &listing.warning),
            (false, "category") => ("category", &listing.category),
            (false, _) => ("include", &listing.include),
        };
        let mut checks: Vec<Check> = page
            .facet(field)
            .map(|f| {
                f.values
                    .iter()
                    .take(if tag_like { 10 } else { 12 })
                    .map(|v| Check {
                        name: v.name.clone(),
                        count: Some(thousands(v.count)),
                        checked: selected.iter().any(|s| s.eq_ignore_ascii_case(&v.name)),
                    })
                    .collect()
            })
            .unwrap_or_default();
        if field == "rating" && checks.is_empty() {
            checks = Rating::ALL
                .iter()
                .map(|r| Check {
                    name: r.label().to_string(),
                    count: None,
                    checked: selected.iter().any(|s| s.eq_ignore_ascii_case(r.label())),
                })
                .collect();
        }
        shown.extend(checks.iter().map(|c| c.name.to_lowercase()));
        if checks.is_empty() {
            continue;
        }
        out.push(CheckGroup {
            legend,
            field: form_field,
            id: format!("{}-{field}", if exclude { "ex" } else { "in" }),
            checks,
        });
    }
    (out, shown)
}

fn pagination(
    listing: &Listing,
    total: u64,
    action: &str,
) -> (Vec<PageLink>, Option<String>, Option<String>) {
    let per = u64::from(listing.per_page.max(1));
    let last = u32::try_from(total.div_ceil(per).max(1)).unwrap_or(u32::MAX);
    let current = listing.page.min(last.max(1));
    let href = |p: u32| {
        let q = listing.with_page(p).to_query();
        if q.is_empty() {
            action.to_string()
        } else {
            format!("{action}?{q}")
        }
    };
    let mut numbers: Vec<u32> = vec![1, last];
    numbers.extend(current.saturating_sub(2).max(1)..=current.saturating_add(2).min(last));
    numbers.sort_unstable();
    numbers.dedup();
    let mut pages = Vec::new();
    let mut previous = 0;
    for p in numbers {
        if previous != 0 && p > previous + 1 {
            pages.push(PageLink {
                label: "…".into(),
                href: None,
                current: false,
            });
        }
        pages.push(PageLink {
            label: p.to_string(),
            href: (p != current).then(|| href(p)),
            current: p == current,
        });
        previous = p;
    }
    let prev = (current > 1).then(|| href(current - 1));
    let next = (current < last).then(|| href(current + 1));
    (pages, prev, next)
}

const LANGUAGES: [&str; 12] = [
    "English",
    "Español",
    "Français",
    "Deutsch",
    "Italiano",
    "Português",
    "Русский",
    "中文",
    "日本語",
    "한국어",
    "Polski",
    "Nederlands",
];

async fn listing_page(
    state: &AppState,
    listing: Listing,
    heading: String,
    action: String,
    tag: Option<TagInfo>,
) -> PageResult {
    let caps = state.search.capabilities();
    let page = search(state, &listing, LISTING_FACETS).await?;
    let blurbs = load_blurbs(state, &page.ids).await?;
    let (include_groups, shown_in) = groups(&page, &listing, false, caps);
    let (exclude_groups, shown_ex) = groups(&page, &listing, true, caps);
    let fixed_tag = tag.as_ref().map(|t| t.name.to_lowercase());
    let other = |list: &Vec<String>, shown: &Vec<String>| {
        list.iter()
            .filter(|t| {
                !shown.contains(&t.to_lowercase()) && fixed_tag.as_ref() != Some(&t.to_lowercase())
            })
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    let first = listing.offset() + 1;
    let last_shown = listing.offset() + blurbs.len() as u64;
    let range = if page.total == 0 {
        "No works found".to_string()
    } else {
        format!(
            "{} – {} of {}",
            thousands(first),
            thousands(last_shown),
            plural(page.total, "work", "works")
        )
    };
    let notice = (!caps.all_tags && listing.is_filtered()).then(|| {
        "This archive has no search index yet, so only fandoms, rating, completion, word count \
         and words in titles, authors and summaries can be filtered."
            .to_string()
    });
    let effective = listing.effective_sort();
    let sorts = SortKey::ALL
        .iter()
        .filter(|(k, _)| *k != SortKey::BestMatch || !listing.q.is_empty())
        .map(|(k, label)| (k.as_str(), *label, *k == effective))
        .collect();
    let mut languages: Vec<(String, bool)> = LANGUAGES
        .iter()
        .map(|l| (l.to_string(), listing.language.eq_ignore_ascii_case(l)))
        .collect();
    if !listing.language.is_empty() && !languages.iter().any(|(_, s)| *s) {
        languages.push((listing.language.clone(), true));
    }
    let (pages, prev, next) = pagination(&listing, page.total, &action);
    html(&WorksPage {
        site: state.site_name.to_string(),
        heading,
        other_include: other(&listing.include, &shown_in),
        other_exclude: other(&listing.exclude, &shown_ex),
        action,
        tag,
        blurbs,
        range,
        notice,
        include_groups,
        exclude_groups,
        sorts,
        caps,
        languages,
        pages,
        prev,
        next,
        listing,
    })
}

fn parse_listing(raw: Option<String>) -> Result<Listing, PageError> {
    Listing::from_query(raw.as_deref().unwrap_or("")).map_err(|e| PageError::BadRequest(e.0))
}

async fn works_index(State(state): State<AppState>, RawQuery(raw): RawQuery) -> PageResult {
    let listing = parse_listing(raw)?;
    let heading = if listing.is_filtered() {
        "Works matching your filters"
    } else {
        "Works"
    };
    listing_page(&state, listing, heading.into(), "/works".into(), None).await
}

async fn load_taxonomy(state: &AppState) -> Result<Taxonomy, PageError> {
    Ok(match state.store.load_document("taxonomy").await? {
        Some(v) => serde_json::from_value(v).unwrap_or_else(|e| {
            tracing::warn!("the stored taxonomy is unreadable, showing tags unwrangled: {e}");
            Taxonomy::new()
        }),
        None => Taxonomy::new(),
    })
}

fn tag_info(taxonomy: &Taxonomy, name: &str) -> TagInfo {
    let canonical = taxonomy.canonical(name).to_string();
    let key = tag_key(&canonical);
    let children = taxonomy
        .entries()
        .iter()
        .filter(|e| e.is_canonical() && e.parents.iter().any(|p| tag_key(p) == key))
        .map(|e| e.name.clone())
        .collect();
    TagInfo {
        name: name.to_string(),
        kind: taxonomy.kind_of(name).map(|k| k.as_str().to_string()),
        synonyms: taxonomy
            .synonyms_of(name)
            .into_iter()
            .map(str::to_string)
            .collect(),
        parents: taxonomy
            .parents_of(name)
            .into_iter()
            .map(str::to_string)
            .collect(),
        children,
        canonical,
    }
}

fn check_name(name: &str, what: &str) -> Result<String, PageError> {
    let name = name.trim().trim_matches('/');
    if name.is_empty() || name.chars().count() > 300 {
        return Err(PageError::NotFound(format!("That is not a {what} name.")));
    }
    Ok(name.to_string())
}

async fn tag_page(
    State(state): State<AppState>,
    Path(name): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let name = check_name(&name, "tag")?;
    let taxonomy = load_taxonomy(&state).await?;
    let info = tag_info(&taxonomy, &name);
    let mut listing = parse_listing(raw)?;
    if !listing
        .include
        .iter()
        .any(|t| t.eq_ignore_ascii_case(&info.canonical))
    {
        listing.include.insert(0, info.canonical.clone());
    }
    let action = format!("/tags/{}", path_segment(&name));
    listing_page(
        &state,
        listing,
        format!("Works tagged “{}”", info.canonical),
        action,
        Some(info),
    )
    .await
}

async fn author_page(
    State(state): State<AppState>,
    Path(name): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let name = check_name(&name, "author")?;
    let mut listing = parse_listing(raw)?;
    listing.author = Some(name.clone());
    let action = format!("/authors/{}", path_segment(&name));
    listing_page(&state, listing, format!("Works by {name}"), action, None).await
}

async fn series_page(
    State(state): State<AppState>,
    Path(name): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let name = check_name(&name, "series")?;
    let mut listing = parse_listing(raw)?;
    listing.series = Some(name.clone());
    if listing.sort.is_none() {
        listing.sort = Some(SortKey::DatePosted);
    }
    let action = format!("/series/{}", path_segment(&name));
    listing_page(&state, listing, format!("Series: {name}"), action, None).await
}

#[derive(Template)]
#[template(path = "fandoms.html")]
struct FandomsPage {
    site: String,
    fandoms: Vec<(String, String)>,
    total: String,
}

async fn fandoms(State(state): State<AppState>) -> PageResult {
    let (listing, facet_limit) = fandoms_listing();
    let page = search(&state, &listing, facet_limit).await?;
    let fandoms: Vec<(String, String)> = page
        .facet("fandom")
        .map(|f| {
            let mut v: Vec<_> = f
                .values
                .iter()
                .map(|v| (v.name.clone(), thousands(v.count)))
                .collect();
            v.sort_by_key(|(n, _)| n.to_lowercase());
            v
        })
        .unwrap_or_default();
    html(&FandomsPage {
        site: state.site_name.to_string(),
        total: plural(fandoms.len() as u64, "fandom", "fandoms"),
        fandoms,
    })
}

// ---------------------------------------------------------------- work

#[derive(Template)]
#[template(path = "work.html")]
struct WorkPage<'a> {
    site: String,
    id: WorkId,
    title: &'a str,
    authors: &'a [String],
    /// "Title - Authors - Fandoms" for the window title.
    window_title: String,
    preface: Vec<PrefaceRow>,
    language: Option<&'a str>,
    series: Vec<(String, String)>,
    collections: &'a [String],
    stats: Vec<Stat>,
    summary: Vec<String>,
    notes: Vec<Vec<String>>,
    end_notes: Vec<Vec<String>>,
    index: Vec<ChapterLink>,
    chapters: Vec<ChapterView<'a>>,
    /// True when the whole work is on this page.
    full: bool,
    multi: bool,
    prev: Option<u32>,
    next: Option<u32>,
    has_insight: bool,
    /// Previous and next works of each series the work is in.
    series_nav: Vec<SeriesNav>,
    /// The chapter being read (for the reading position), or 0 for the whole work.
    current: u32,
}

fn window_title(w: &ficarchive_model::Work) -> String {
    let authors = if w.authors.is_empty() {
        "Anonymous".to_string()
    } else {
        w.authors.join(", ")
    };
    let fandoms = if w.tags.fandoms.len() > 3 {
        "Multifandom".to_string()
    } else {
        w.tags.fandoms.join(", ")
    };
    let mut t = format!("{} - {}", w.display_title(), authors);
    if !fandoms.is_empty() {
        t.push_str(" - ");
        t.push_str(&fandoms);
    }
    t
}

/// A work's place in one series, with its neighbours (id, title).
struct SeriesNav {
    name: String,
    /// "Part 2 of".
    part: String,
    prev: Option<(WorkId, String)>,
    next: Option<(WorkId, String)>,
}

/// Most works a series' navigation considers (AO3 series rarely come near it).
const SERIES_LIMIT: u32 = 100;

/// The previous and next works in each series of `stored`, ordered by part number, then by date
/// posted. Navigation is a convenience: when the search fails, the page goes without it.
async fn series_nav(state: &AppState, id: WorkId, work: &Work) -> Vec<SeriesNav> {
    let mut out = Vec::new();
    for series in work.series.iter().take(5) {
        let mut listing = Listing::new();
        listing.series = Some(series.name.clone());
        listing.sort = Some(SortKey::DatePosted);
        listing.per_page = SERIES_LIMIT;
        let members = match search(state, &listing, 0).await {
            Ok(page) => load_blurbs(state, &page.ids).await,
            Err(e) => Err(e),
        };
        let members = match members {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!("series navigation for {:?} failed: {e:?}", series.name);
                Vec::new()
            }
        };
        // The search matches the name as a phrase; only exact names belong to the series.
        let mut parts: Vec<(u32, usize, WorkId, String)> = members
            .iter()
            .enumerate()
            .filter_map(|(pos, b)| {
                b.series_parts
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(&series.name))
                    .map(|(_, part)| (part.unwrap_or(u32::MAX), pos, b.id, b.title.clone()))
            })
            .collect();
        parts.sort();
        let at = parts.iter().position(|p| p.2 == id);
        let neighbour = |i: Option<usize>| {
            i.and_then(|i| parts.get(i))
                .map(|(_, _, id, title)| (*id, title.clone()))
        };
        out.push(SeriesNav {
            name: series.name.clone(),
            part: series
                .part
                .map(|n| format!("Part {n} of"))
                .unwrap_or_else(|| "Part of".into()),
            prev: neighbour(at.and_then(|i| i.checked_sub(1))),
            next: neighbour(at.map(|i| i + 1)),
        });
    }
    out
}

/// A work as its pages show it: from the whole stored work, or from the store's read of one
/// chapter (then `work.chapters` is empty and the outline, words and chapter count come apart).
struct Reading<'a> {
    id: WorkId,
    /// The work's preface fields (its chapters may be absent: see `outline`).
    work: &'a Work,
    outline: Outline,
    words: u64,
    has_analysis: bool,
}

impl<'a> Reading<'a> {
    fn of_stored(stored: &'a StoredWork) -> Reading<'a> {
        Reading {
            id: stored.id,
            work: &stored.work,
            outline: outline_of(&stored.work),
            words: stored.work.words() as u64,
            has_analysis: stored.analysis.is_some(),
        }
    }

    fn of_chapter_read(read: &'a WorkChapter) -> Reading<'a> {
        Reading {
            id: read.id,
            work: &read.preface,
            outline: read
                .outline
                .iter()
                .map(|h| (h.number, Chapter::heading(h.number, h.title.as_deref())))
                .collect(),
            words: read.words,
            has_analysis: read.has_analysis,
        }
    }
}

/// Which chapters a work page shows.
enum Shown<'a> {
    /// Every chapter (the entire work, or a one-shot).
    All(&'a [Chapter]),
    /// One chapter, at this position in the outline.
    One(usize, &'a Chapter),
}

fn render_work(
    site: &str,
    reading: &Reading<'_>,
    shown: Shown<'_>,
    series_nav: Vec<SeriesNav>,
) -> PageResult {
    let w = reading.work;
    let outline = &reading.outline;
    let multi = outline.len() > 1;
    let (full, chapters, position): (bool, Vec<ChapterView<'_>>, Option<usize>) = match shown {
        Shown::One(pos, c) => (false, vec![ChapterView::new(c, true)], Some(pos)),
        Shown::All(all) => (
            true,
            all.iter().map(|c| ChapterView::new(c, multi)).collect(),
            None,
        ),
    };
    let current_number = position.and_then(|p| outline.get(p)).map(|c| c.0);
    let prev = position
        .filter(|p| *p > 0)
        .and_then(|p| outline.get(p - 1))
        .map(|c| c.0);
    let next = position.and_then(|p| outline.get(p + 1)).map(|c| c.0);
    let page = WorkPage {
        site: site.to_string(),
        id: reading.id,
        title: w.display_title(),
        authors: &w.authors,
        window_title: match &current_number {
            Some(_) if multi => format!(
                "{} - {}",
                chapters.first().map(|c| c.heading.as_str()).unwrap_or(""),
                window_title(w)
            ),
            _ => window_title(w),
        },
        preface: preface_rows(w),
        language: w.language.as_deref().filter(|l| !l.is_empty()),
        series: w
            .series
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    s.part
                        .map(|n| format!("Part {n} of"))
                        .unwrap_or_else(|| "Part of".into()),
                )
            })
            .collect(),
        collections: &w.collections,
        stats: work_stats(w, reading.words, outline.len()),
        summary: w
            .summary
            .as_deref()
            .map(crate::fmt::paragraphs)
            .unwrap_or_default(),
        notes: note_paragraphs(&w.notes),
        end_notes: note_paragraphs(&w.end_notes),
        index: chapter_index(outline, current_number),
        chapters,
        full,
        multi,
        prev,
        next,
        has_insight: reading.has_analysis,
        series_nav,
        current: current_number.unwrap_or(0),
    };
    let text_bytes: usize = page.chapters.iter().map(ChapterView::text_bytes).sum();
    html_sized(&page, PAGE_FRAME_BYTES + text_bytes + text_bytes / 16)
}

async fn work_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let stored = load_work(&state, &id).await?;
    let full = raw
        .as_deref()
        .map(|q| {
            form_urlencoded::parse(q.as_bytes()).any(|(k, v)| k == "view_full_work" && v == "true")
        })
        .unwrap_or(false);
    let nav = series_nav(&state, stored.id, &stored.work).await;
    let reading = Reading::of_stored(&stored);
    match stored.work.chapters.first() {
        Some(first) if !full && stored.work.chapters.len() > 1 => {
            render_work(&state.site_name, &reading, Shown::One(0, first), nav)
        }
        _ => render_work(
            &state.site_name,
            &reading,
            Shown::All(&stored.work.chapters),
            nav,
        ),
    }
}

fn no_such_chapter(title: &str, id: WorkId, n: &str) -> PageError {
    PageError::NotFound(format!(
        "“{title}” has no chapter {n}; its chapters are listed on the work page, /works/{id}."
    ))
}

/// A chapter page. A work read moments ago is served from the work cache; any other reads only
/// the chapter asked for, with the work's preface and outline (`Store::get_chapter`), so readers
/// spread over many works cost a small read each instead of decoding whole works.
async fn chapter_page(
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
) -> PageResult {
    let work_id = parse_id(&id)?;
    let number: Option<u32> = n.parse().ok();
    let cached = state.works.fresh(work_id, crate::WORK_RECHECK);
    let (Some(number), None) = (number, &cached) else {
        // A hot work, or a chapter "number" that is none: the whole work answers.
        let stored = match cached {
            Some(w) => w,
            None => load_work(&state, &id).await?,
        };
        let pos = number.and_then(|n| stored.work.chapters.iter().position(|c| c.number == n));
        let chapter = pos.and_then(|p| stored.work.chapters.get(p).map(|c| (p, c)));
        let Some((pos, chapter)) = chapter else {
            return Err(no_such_chapter(stored.work.display_title(), stored.id, &n));
        };
        let nav = series_nav(&state, stored.id, &stored.work).await;
        let reading = Reading::of_stored(&stored);
        return render_work(&state.site_name, &reading, Shown::One(pos, chapter), nav);
    };
    let read = state
        .store
        .get_chapter(work_id, number)
        .await?
        .ok_or_else(|| {
            PageError::NotFound(format!(
                "There is no work {work_id} in this archive. It may have been deleted, or the address mistyped."
            ))
        })?;
    // A cached copy just confirmed current by this read stays hot for the next reader.
    if let Some(w) = state.works.get(work_id, read.updated_at) {
        state.works.put(w);
    }
    let chapter = read.chapter.as_ref().and_then(|c| {
        read.outline
            .iter()
            .position(|h| h.number == number)
            .map(|p| (p, c))
    });
    let Some((pos, chapter)) = chapter else {
        return Err(no_such_chapter(read.preface.display_title(), work_id, &n));
    };
    let nav = series_nav(&state, work_id, &read.preface).await;
    let reading = Reading::of_chapter_read(&read);
    render_work(&state.site_name, &reading, Shown::One(pos, chapter), nav)
}

async fn work_file(
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
) -> PageResult {
    match file.as_str() {
        "insight" => {
            let stored = load_work(&state, &id).await?;
            insight_page(&state.site_name, &stored)
        }
        name if name.starts_with("download.") => {
            let Some(format) = name.strip_prefix("download.").and_then(ExportFormat::parse) else {
                return Err(PageError::NotFound(format!(
                    "{name:?} is not a download format; this archive offers EPUB, HTML, TXT and JSON."
                )));
            };
            let stored = load_work(&state, &id).await?;
            let file_name = format!(
                "{}.{}",
                download_name(stored.work.display_title()),
                format.extension()
            );
            let work = stored.clone();
            let bytes =
                tokio::task::spawn_blocking(move || ficarchive_formats::write(&work.work, format))
                    .await
                    .map_err(|e| PageError::Internal(format!("download task failed: {e}")))?
                    .map_err(|e| PageError::Internal(format!("writing {file_name}: {e}")))?;
            Ok((
                [
                    (header::CONTENT_TYPE, format.mime_type().to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{file_name}\""),
                    ),
                ],
                bytes,
            )
                .into_response())
        }
        _ => Err(PageError::NotFound(format!(
            "There is nothing called {file:?} under this work. Try the work page itself."
        ))),
    }
}

/// AO3's download name: the title folded to ASCII letters and digits, at most 24 characters.
fn download_name(title: &str) -> String {
    let mut name: String = title
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect::<String>()
        .split('_')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    name.truncate(24);
    if name.is_empty() { "work".into() } else { name }
}

fn insight_page(site: &str, stored: &StoredWork) -> PageResult {
    let Some(analysis) = &stored.analysis else {
        return Err(PageError::NotFound(format!(
            "“{}” has not been analysed yet. Run `ficarchive analyze {}` and reload this page.",
            stored.work.display_title(),
            stored.id
        )));
    };
    let insight = Insight::from_analysis(&stored.work, analysis);
    #[derive(Template)]
    #[template(path = "insight.html")]
    struct InsightPage<'a> {
        site: String,
        id: WorkId,
        title: &'a str,
        insight: Insight,
    }
    html(&InsightPage {
        site: site.to_string(),
        id: stored.id,
        title: stored.work.display_title(),
        insight,
    })
}

// ---------------------------------------------------------------- API

async fn api_works(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let listing = match parse_listing(raw) {
        Ok(l) => l,
        Err(e) => return e.into_json(),
    };
    let result = async {
        let page = search(&state, &listing, 25).await?;
        let works = state.store.work_summaries(&page.ids).await?;
        Ok::<_, PageError>(serde_json::json!({
            "total": page.total,
            "page": listing.page,
            "per_page": listing.per_page,
            "works": works,
            "facets": page.facets,
        }))
    }
    .await;
    match result {
        Ok(v) => axum::Json(v).into_response(),
        Err(e) => e.into_json(),
    }
}

async fn api_work(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match load_work(&state, &id).await {
        Ok(stored) => {
            let mut v = stored.work.to_json_value();
            if let Some(obj) = v.as_object_mut() {
                obj.insert("id".into(), stored.id.into());
                obj.insert("created_at".into(), stored.created_at.to_rfc3339().into());
                obj.insert("updated_at".into(), stored.updated_at.to_rfc3339().into());
                if let Some(a) = &stored.analysis {
                    obj.insert("analysis".into(), a.clone());
                }
            }
            axum::Json(v).into_response()
        }
        Err(e) => e.into_json(),
    }
}

async fn api_tags(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let q = raw
        .as_deref()
        .and_then(|r| {
            form_urlencoded::parse(r.as_bytes())
                .find(|(k, _)| k == "q")
                .map(|(_, v)| v.into_owned())
        })
        .unwrap_or_default();
    if q.len() > 150 {
        return PageError::BadRequest("a tag is at most 150 characters long".into()).into_json();
    }
    match state.search.suggest_tags(&q, 10).await {
        Ok(hints) => axum::Json(serde_json::json!({ "tags": hints })).into_response(),
        Err(e) => PageError::from(e).into_json(),
    }
}

// ---------------------------------------------------------------- static and errors

fn static_file(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        body,
    )
        .into_response()
}

async fn style_css() -> Response {
    static_file("text/css; charset=utf-8", assets::STYLE_CSS)
}

async fn app_js() -> Response {
    static_file("text/javascript; charset=utf-8", assets::APP_JS)
}

async fn favicon() -> Response {
    static_file("image/svg+xml", assets::FAVICON_SVG)
}

async fn not_found() -> Response {
    error_response(
        StatusCode::NOT_FOUND,
        "Page not found",
        "Nothing lives at this address. It may have moved, or the link may be mistyped.".into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_are_ascii_and_short() {
        assert_eq!(download_name("Bloody Soul"), "Bloody_Soul");
        assert_eq!(
            download_name("¡Olé! — a very long title indeed, really"),
            "Ol_a_very_long_title_ind"
        );
        assert_eq!(download_name("—"), "work");
    }

    #[test]
    fn pagination_elides_far_pages() {
        let mut l = Listing::new();
        l.page = 10;
        let (pages, prev, next) = pagination(&l, 20 * 40, "/works");
        let labels: Vec<_> = pages.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(
            labels,
            vec!["1", "…", "8", "9", "10", "11", "12", "…", "40"]
        );
        assert_eq!(prev.as_deref(), Some("/works?page=9"));
        assert_eq!(next.as_deref(), Some("/works?page=11"));
        assert!(pages.iter().any(|p| p.current && p.href.is_none()));
    }
}
