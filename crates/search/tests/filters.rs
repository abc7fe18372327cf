//! Every filter and sort against a small hand-made corpus with known answers.

use chrono::NaiveDate;
use ficarchive_model::{
    Chapter, Note, Paragraph, Rating, Series, Status, TagKind, Taxonomy, Work, WorkDates,
};
use ficarchive_search::{
    AnalysisFields, Completion, Crossover, ExclusionSet, IndexDoc, NumRange, QueryError,
    SearchError, SearchIndex, SortField, SortOrder, WorkCounts, WorkQuery, parse_query_string,
};

const TAXONOMY: &str = r#"
[[fandom]]
name = "Buffy the Vampire Slayer - All Media Types"
[[fandom]]
name = "Buffy the Vampire Slayer (TV)"
synonyms = ["BtVS", "Buffy the Vampire Slayer"]
parents = ["Buffy the Vampire Slayer - All Media Types"]
[[fandom]]
name = "Angel: the Series"
parents = ["Buffy the Vampire Slayer - All Media Types"]
[[fandom]]
name = "Sherlock (TV)"
synonyms = ["Sherlock"]
[[character]]
name = "Spike (Buffy the Vampire Slayer)"
synonyms = ["Spike"]
parents = ["Buffy the Vampire Slayer (TV)"]
[[character]]
name = "Buffy Summers"
parents = ["Buffy the Vampire Slayer (TV)"]
[[relationship]]
name = "Buffy Summers/Spike"
synonyms = ["Spuffy", "Spike/Buffy"]
parents = ["Buffy the Vampire Slayer (TV)"]
[[freeform]]
name = "Alternate Universe"
synonyms = ["AU"]
[[freeform]]
name = "Alternate Universe - Vampire"
parents = ["Alternate Universe"]
"#;

fn taxonomy() -> Taxonomy {
    Taxonomy::from_toml(TAXONOMY).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

struct Spec {
    id: u64,
    title: &'static str,
    author: &'static str,
    fandoms: &'static [&'static str],
    relationships: &'static [&'static str],
    characters: &'static [&'static str],
    freeform: &'static [&'static str],
    rating: Option<Rating>,
    warnings: &'static [&'static str],
    categories: &'static [&'static str],
    language: &'static str,
    status: Status,
    chapters: usize,
    words_per_chapter: usize,
    counts: (u64, u64, u64, u64),
    published: Option<NaiveDate>,
    updated: Option<NaiveDate>,
    body: &'static str,
    summary: &'static str,
}

fn work(s: &Spec) -> Work {
    let mut w = Work {
        title: (!s.title.is_empty()).then(|| s.title.to_string()),
        authors: vec![s.author.to_string()],
        summary: (!s.summary.is_empty()).then(|| s.summary.to_string()),
        language: Some(s.language.to_string()),
        status: s.status,
        dates: WorkDates {
            published: s.published,
            updated: s.updated,
            completed: None,
        },
        ..Work::default()
    };
    for (kind, list) in [
        (TagKind::Fandom, s.fandoms),
        (TagKind::Relationship, s.relationships),
        (TagKind::Character, s.characters),
        (TagKind::Freeform, s.freeform),
        (TagKind::Warning, s.warnings),
        (TagKind::Category, s.categories),
    ] {
        for t in list {
            w.tags.add(kind, t);
        }
    }
    w.tags.rating = s.rating;
    for n in 0..s.chapters {
        let mut text = if n == 0 {
            s.body.to_string()
        } else {
            String::new()
        };
        let have = ficarchive_model::count_words(&text);
        for _ in have..s.words_per_chapter {
            text.push_str(" word");
        }
        let mut ch = Chapter::from_paragraphs(n as u32 + 1, None, vec![Paragraph::plain(text)]);
        if n == 0 && s.id == 3 {
            ch.notes_before
                .push(Note::new("Thanks to my beta, Moonbeam."));
        }
        w.chapters.push(ch);
    }
    if s.id == 4 {
        w.series.push(Series {
            name: "Crossroads Saga".into(),
            part: Some(1),
        });
    }
    w
}

const NONE: &[&str] = &[];

fn specs() -> Vec<Spec> {
    vec![
        Spec {
            id: 1,
            title: "Bloody Soul",
            author: "Kallysten",
            fandoms: &["Buffy the Vampire Slayer"],
            relationships: &["Spike/Buffy"],
            characters: &["Spike", "Buffy Summers"],
            freeform: &["Angst", "AU"],
            rating: Some(Rating::Teen),
            warnings: &["No Archive Warnings Apply"],
            categories: &["F/M"],
            language: "English",
            status: Status::Complete,
            chapters: 3,
            words_per_chapter: 10,
            counts: (100, 2000, 10, 20),
            published: date(2010, 1, 1),
            updated: date(2010, 3, 1),
            body: "The slayer walked into the crypt at midnight.",
            summary: "Spike gets his soul back.",
        },
        Spec {
            id: 2,
            title: "Crypt Keeper",
            author: "Alice",
            fandoms: &["BtVS"],
            relationships: &["Spuffy"],
            characters: &["Spike"],
            freeform: &["Alternate Universe - Vampire"],
            rating: Some(Rating::Explicit),
            warnings: &["Major Character Death"],
            categories: &["F/M"],
            language: "English",
            status: Status::InProgress,
            chapters: 10,
            words_per_chapter: 50,
            counts: (500, 10000, 50, 80),
            published: date(2015, 6, 1),
            updated: date(2016, 1, 1),
            body: "Midnight in the crypt, and the candles burned low.",
            summary: "A vampire story.",
        },
        Spec {
            id: 3,
            title: "Willow's Magic",
            author: "Bob",
            fandoms: &["Buffy the Vampire Slayer (TV)"],
            relationships: &["Tara Maclay/Willow Rosenberg"],
            characters: &["Willow Rosenberg"],
            freeform: &["Fluff"],
            rating: Some(Rating::General),
            warnings: &["No Archive Warnings Apply"],
            categories: &["F/F"],
            language: "English",
            status: Status::Complete,
            chapters: 1,
            words_per_chapter: 1200,
            counts: (50, 800, 5, 3),
            published: date(2012, 2, 2),
            updated: None,
            body: "Willow lit the candles and the magic sang.",
            summary: "",
        },
        Spec {
            id: 4,
            title: "Crossing Over",
            author: "Carol",
            fandoms: &["Buffy the Vampire Slayer", "Angel: the Series"],
            relationships: &["Buffy Summers/Spike"],
            characters: &["Spike", "Angel"],
            freeform: &["Angst"],
            rating: Some(Rating::Mature),
            warnings: &["Graphic Depictions Of Violence"],
            categories: &["F/M", "M/M"],
            language: "English",
            status: Status::Complete,
            chapters: 5,
            words_per_chapter: 400,
            counts: (300, 5000, 30, 40),
            published: date(2018, 4, 4),
            updated: date(2019, 9, 9),
            body: "Los Angeles was warm and the slayer hated it.",
            summary: "Two cities, one slayer.",
        },
        Spec {
            id: 5,
            title: "A Study in Fluff",
            author: "alice",
            fandoms: &["Sherlock"],
            relationships: &["Sherlock Holmes/John Watson"],
            characters: &["Sherlock Holmes", "John Watson"],
            freeform: &["Fluff", "Case Fic"],
            rating: Some(Rating::Teen),
            warnings: &["No Archive Warnings Apply"],
            categories: &["M/M"],
            language: "English",
            status: Status::Complete,
            chapters: 1,
            words_per_chapter: 800,
            counts: (1000, 20000, 100, 200),
            published: date(2011, 5, 5),
            updated: None,
            body: "The game was afoot, said Sherlock.",
            summary: "John makes tea.",
        },
        Spec {
            id: 6,
            title: "Un Cuento",
            author: "Diego",
            fandoms: &["Sherlock (TV)"],
            relationships: NONE,
            characters: &["Sherlock Holmes"],
            freeform: NONE,
            rating: Some(Rating::General),
            warnings: &["Creator Chose Not To Use Archive Warnings"],
            categories: &["Gen"],
            language: "Español",
            status: Status::Unknown,
            chapters: 2,
            words_per_chapter: 1500,
            counts: (5, 100, 0, 1),
            published: date(2020, 1, 1),
            updated: date(2020, 2, 1),
            body: "Había una vez un detective.",
            summary: "",
        },
        Spec {
            id: 7,
            title: "",
            author: "Zed",
            fandoms: &["Buffy the Vampire Slayer"],
            relationships: NONE,
            characters: NONE,
            freeform: &["AU"],
            rating: Some(Rating::NotRated),
            warnings: NONE,
            categories: NONE,
            language: "English",
            status: Status::Complete,
            chapters: 1,
            words_per_chapter: 100,
            counts: (0, 10, 0, 0),
            published: None,
            updated: None,
            body: "Untitled drabble.",
            summary: "",
        },
    ]
}

fn corpus() -> (SearchIndex, Taxonomy) {
    let tax = taxonomy();
    let index = SearchIndex::open_in_ram().unwrap();
    for s in specs() {
        let analysis = match s.id {
            1 => Some(AnalysisFields {
                characters_appearing: vec!["Spike".into(), "Buffy Summers".into()],
                characters_speaking: vec!["Spike".into()],
                pov_persons: vec!["third".into()],
                pov_characters: vec!["Buffy Summers".into()],
                relationships: vec!["Buffy Summers/Spike".into()],
            }),
            2 => Some(AnalysisFields {
                characters_appearing: vec!["Spike (Buffy the Vampire Slayer)".into()],
                characters_speaking: vec!["Spike (Buffy the Vampire Slayer)".into()],
                pov_persons: vec!["first".into()],
                pov_characters: vec!["Spike".into()],
                relationships: vec![],
            }),
            _ => None,
        };
        let (kudos, hits, comments, bookmarks) = s.counts;
        let counts = WorkCounts {
            kudos,
            hits,
            comments,
            bookmarks,
        };
        let doc = IndexDoc::from_work(s.id, &work(&s), counts, analysis, &tax);
        index.upsert(&doc).unwrap();
    }
    index.commit().unwrap();
    (index, tax)
}

fn ids(index: &SearchIndex, tax: &Taxonomy, q: &WorkQuery) -> Vec<u64> {
    let r = index.search(q, tax).unwrap();
    assert_eq!(r.total as usize, r.ids.len().max(r.total as usize));
    r.ids
}

/// Runs a query sorted by id-friendly order (kudos ascending gives a fixed order) and returns ids
/// sorted, for set comparisons.
fn set(index: &SearchIndex, tax: &Taxonomy, mut q: WorkQuery) -> Vec<u64> {
    q.per_page = 100;
    let mut v = ids(index, tax, &q);
    v.sort_unstable();
    v
}

fn inline(index: &SearchIndex, tax: &Taxonomy, s: &str) -> Vec<u64> {
    set(index, tax, parse_query_string(s).unwrap())
}

#[test]
fn include_tags_and_synonyms() {
    let (ix, tax) = corpus();
    let q = |tags: &[&str]| WorkQuery {
        include: tags.iter().map(|t| t.to_string()).collect(),
        ..WorkQuery::default()
    };
    // Canonical, synonym and spelling variants find every work tagged with any synonym.
    assert_eq!(set(&ix, &tax, q(&["Buffy Summers/Spike"])), vec![1, 2, 4]);
    assert_eq!(set(&ix, &tax, q(&["spuffy"])), vec![1, 2, 4]);
    assert_eq!(set(&ix, &tax, q(&["SPIKE / buffy"])), vec![1, 2, 4]);
    // Include is AND.
    assert_eq!(set(&ix, &tax, q(&["Spuffy", "Angst"])), vec![1, 4]);
    // A fandom includes works tagged with a synonym of it; the metatag includes its subtags.
    assert_eq!(
        set(&ix, &tax, q(&["Buffy the Vampire Slayer (TV)"])),
        vec![1, 2, 3, 4, 7]
    );
    assert_eq!(
        set(
            &ix,
            &tax,
            q(&["Buffy the Vampire Slayer - All Media Types"])
        ),
        vec![1, 2, 3, 4, 7]
    );
    assert_eq!(set(&ix, &tax, q(&["Angel: the Series"])), vec![4]);
    // Including a metatag finds subtags: "AU" covers "Alternate Universe - Vampire".
    assert_eq!(set(&ix, &tax, q(&["AU"])), vec![1, 2, 7]);
    // A tag nobody used: an empty result, not an error.
    assert_eq!(set(&ix, &tax, q(&["No Such Tag"])), Vec::<u64>::new());
    assert_eq!(set(&ix, &tax, q(&["!!!"])), Vec::<u64>::new());
}

#[test]
fn exclude_tags_hide_children_and_synonyms() {
    let (ix, tax) = corpus();
    let q = |tags: &[&str]| WorkQuery {
        exclude: tags.iter().map(|t| t.to_string()).collect(),
        ..WorkQuery::default()
    };
    // Excluding the parent metatag hides the subtag "Alternate Universe - Vampire" and synonym "AU".
    assert_eq!(set(&ix, &tax, q(&["Alternate Universe"])), vec![3, 4, 5, 6]);
    // Excluding a fandom hides works tagged only with its characters' synonyms too.
    assert_eq!(set(&ix, &tax, q(&["BtVS"])), vec![5, 6]);
    // Exclude is any.
    assert_eq!(set(&ix, &tax, q(&["Fluff", "Spuffy"])), vec![6, 7]);
    assert_eq!(
        set(&ix, &tax, q(&["Nothing Like This"])),
        vec![1, 2, 3, 4, 5, 6, 7]
    );
}

#[test]
fn rating_warning_category_language() {
    let (ix, tax) = corpus();
    let base = WorkQuery::default;
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                rating: vec!["Teen And Up Audiences".into(), "E".into()],
                ..base()
            }
        ),
        vec![1, 2, 5]
    );
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                exclude_rating: vec!["General".into()],
                ..base()
            }
        ),
        vec![1, 2, 4, 5, 7]
    );
    let bad = ix.search(
        &WorkQuery {
            rating: vec!["purple".into()],
            ..base()
        },
        &tax,
    );
    assert!(matches!(
        bad,
        Err(SearchError::Query(QueryError::BadValue { .. }))
    ));
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                warning: vec!["No Archive Warnings Apply".into()],
                ..base()
            }
        ),
        vec![1, 3, 5]
    );
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                category: vec!["F/M".into(), "M/M".into()],
                ..base()
            }
        ),
        vec![4]
    );
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                language: Some("es".into()),
                ..base()
            }
        ),
        vec![6]
    );
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                language: Some("english".into()),
                ..base()
            }
        ),
        vec![1, 2, 3, 4, 5, 7]
    );
}

#[test]
fn crossovers_completion_single_chapter() {
    let (ix, tax) = corpus();
    let base = WorkQuery::default;
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                crossover: Crossover::Only,
                ..base()
            }
        ),
        vec![4]
    );
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                crossover: Crossover::Exclude,
                ..base()
            }
        ),
        vec![1, 2, 3, 5, 6, 7]
    );
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                complete: Completion::Complete,
                ..base()
            }
        ),
        vec![1, 3, 4, 5, 7]
    );
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                complete: Completion::InProgress,
                ..base()
            }
        ),
        vec![2, 6]
    );
    assert_eq!(
        set(
            &ix,
            &tax,
            WorkQuery {
                single_chapter: true,
                ..base()
            }
        ),
        vec![3, 5, 7]
    );
}

#[test]
fn numeric_and_date_ranges() {
    let (ix, tax) = corpus();
    // Words: 1 -> 30, 2 -> 500, 3 -> 1200, 4 -> 2000, 5 -> 800, 6 -> 3000, 7 -> 100.
    assert_eq!(inline(&ix, &tax, "words>1000"), vec![3, 4, 6]);
    assert_eq!(inline(&ix, &tax, "words<100"), vec![1]);
    assert_eq!(inline(&ix, &tax, "words:500-1200"), vec![2, 3, 5]);
    assert_eq!(inline(&ix, &tax, "kudos>=300"), vec![2, 4, 5]);
    assert_eq!(inline(&ix, &tax, "hits<1000"), vec![3, 6, 7]);
    assert_eq!(inline(&ix, &tax, "comments:10-50"), vec![1, 2, 4]);
    assert_eq!(inline(&ix, &tax, "bookmarks>100"), vec![5]);
    assert_eq!(inline(&ix, &tax, "chapters>2"), vec![1, 2, 4]);
    assert_eq!(inline(&ix, &tax, "published:2010..2012"), vec![1, 3, 5]);
    assert_eq!(inline(&ix, &tax, "published<2011"), vec![1]);
    // Updated falls back to published for works without an update date.
    assert_eq!(inline(&ix, &tax, "updated>2016-01-01"), vec![4, 6]);
    assert_eq!(inline(&ix, &tax, "updated:2016"), vec![2]);
    assert_eq!(inline(&ix, &tax, "words:50-10"), Vec::<u64>::new());
    let q = WorkQuery {
        words: Some(NumRange {
            min: Some(100),
            max: Some(800),
        }),
        ..WorkQuery::default()
    };
    assert_eq!(set(&ix, &tax, q), vec![2, 5, 7]);
}

#[test]
fn free_text_fields_phrases_and_negation() {
    let (ix, tax) = corpus();
    assert_eq!(inline(&ix, &tax, "crypt"), vec![1, 2]);
    assert_eq!(inline(&ix, &tax, "crypt -candles"), vec![1]);
    assert_eq!(inline(&ix, &tax, "\"the crypt at midnight\""), vec![1]);
    assert_eq!(
        inline(&ix, &tax, "\"midnight the crypt\""),
        Vec::<u64>::new()
    );
    assert_eq!(inline(&ix, &tax, "title:crypt"), vec![2]);
    assert_eq!(inline(&ix, &tax, "author:alice"), vec![2, 5]);
    assert_eq!(inline(&ix, &tax, "summary:soul"), vec![1]);
    assert_eq!(inline(&ix, &tax, "notes:moonbeam"), vec![3]);
    assert_eq!(inline(&ix, &tax, "series:crossroads"), vec![4]);
    assert_eq!(inline(&ix, &tax, "text:afoot"), vec![5]);
    // Stemming: "vampires" finds "vampire".
    assert_eq!(inline(&ix, &tax, "summary:vampires"), vec![2]);
    // tag: filters on whole tags through the taxonomy; -tag: excludes.
    assert_eq!(inline(&ix, &tax, "tag:spuffy"), vec![1, 2, 4]);
    assert_eq!(inline(&ix, &tax, "tag:spuffy -tag:angst"), vec![2]);
    // Plain words search every field, tags included ("Buffy the Vampire Slayer").
    assert_eq!(inline(&ix, &tax, "slayer NOT tag:Angst"), vec![2, 3, 7]);
    assert_eq!(inline(&ix, &tax, "-crypt -sherlock"), vec![3, 4, 7]);
    // Search within results is ANDed.
    let q = WorkQuery {
        q: "slayer".into(),
        within: "angeles".into(),
        ..WorkQuery::default()
    };
    assert_eq!(set(&ix, &tax, q), vec![4]);
    // Inline filters combine with text.
    assert_eq!(
        inline(&ix, &tax, "slayer words>1000 sort:kudos"),
        vec![3, 4]
    );
}

#[test]
fn analysis_fields() {
    let (ix, tax) = corpus();
    assert_eq!(inline(&ix, &tax, "appears:Spike"), vec![1, 2]);
    assert_eq!(
        inline(&ix, &tax, "speaks:\"Spike (Buffy the Vampire Slayer)\""),
        vec![1, 2]
    );
    assert_eq!(
        inline(&ix, &tax, "appears:\"Buffy Summers\" speaks:spike"),
        vec![1]
    );
    assert_eq!(inline(&ix, &tax, "pov:first"), vec![2]);
    assert_eq!(inline(&ix, &tax, "pov:3rd"), vec![1]);
    assert_eq!(inline(&ix, &tax, "pov_character:spike"), vec![2]);
    assert_eq!(inline(&ix, &tax, "inferred:spuffy"), vec![1]);
}

fn sorted(ix: &SearchIndex, tax: &Taxonomy, sort: SortField, order: Option<SortOrder>) -> Vec<u64> {
    let q = WorkQuery {
        sort: Some(sort),
        order,
        per_page: 100,
        ..WorkQuery::default()
    };
    ids(ix, tax, &q)
}

#[test]
fn every_sort_both_ways() {
    let (ix, tax) = corpus();
    use SortField::*;
    // Kudos: 1 100, 2 500, 3 50, 4 300, 5 1000, 6 5, 7 0.
    assert_eq!(sorted(&ix, &tax, Kudos, None), vec![5, 2, 4, 1, 3, 6, 7]);
    assert_eq!(
        sorted(&ix, &tax, Kudos, Some(SortOrder::Asc)),
        vec![7, 6, 3, 1, 4, 2, 5]
    );
    assert_eq!(sorted(&ix, &tax, Hits, None), vec![5, 2, 4, 1, 3, 6, 7]);
    assert_eq!(sorted(&ix, &tax, Comments, None), vec![5, 2, 4, 1, 3, 6, 7]);
    assert_eq!(
        sorted(&ix, &tax, Bookmarks, None),
        vec![5, 2, 4, 1, 3, 6, 7]
    );
    assert_eq!(sorted(&ix, &tax, Words, None), vec![6, 4, 3, 5, 2, 7, 1]);
    assert_eq!(
        sorted(&ix, &tax, Words, Some(SortOrder::Asc)),
        vec![1, 7, 2, 5, 3, 4, 6]
    );
    // Dates: undated (7) sorts last descending.
    assert_eq!(
        sorted(&ix, &tax, DatePosted, None),
        vec![6, 4, 2, 3, 5, 1, 7]
    );
    assert_eq!(
        sorted(&ix, &tax, DatePosted, Some(SortOrder::Asc)),
        vec![7, 1, 5, 3, 2, 4, 6]
    );
    assert_eq!(
        sorted(&ix, &tax, DateUpdated, None),
        vec![6, 4, 2, 3, 5, 1, 7]
    );
    // Title ascending by default, untitled last; case-insensitive.
    assert_eq!(sorted(&ix, &tax, Title, None), vec![5, 1, 4, 2, 6, 3, 7]);
    assert_eq!(
        sorted(&ix, &tax, Title, Some(SortOrder::Desc)),
        vec![3, 6, 2, 4, 1, 5, 7]
    );
    // Author: alice and Alice tie and break by id.
    assert_eq!(sorted(&ix, &tax, Author, None), vec![2, 5, 3, 4, 6, 1, 7]);
    assert_eq!(
        sorted(&ix, &tax, Author, Some(SortOrder::Desc)),
        vec![7, 1, 6, 4, 3, 2, 5]
    );
    // Default listing sort is date updated, descending.
    assert_eq!(
        ids(&ix, &tax, &WorkQuery::default()),
        vec![6, 4, 2, 3, 5, 1, 7]
    );
    // Best match: the title match (×7) beats body matches.
    let q = WorkQuery {
        q: "crypt".into(),
        ..WorkQuery::default()
    };
    assert_eq!(ids(&ix, &tax, &q), vec![2, 1]);
    let r = ix.search(&q, &tax).unwrap();
    assert_eq!(r.sort, BestMatch);
}

#[test]
fn pagination_is_stable_and_uncapped() {
    let (ix, tax) = corpus();
    let all = sorted(&ix, &tax, SortField::Kudos, None);
    let mut paged = Vec::new();
    for page in 1..=4 {
        let q = WorkQuery {
            sort: Some(SortField::Kudos),
            page,
            per_page: 2,
            ..WorkQuery::default()
        };
        let r = ix.search(&q, &tax).unwrap();
        assert_eq!(r.total, 7);
        paged.extend(r.ids);
    }
    assert_eq!(paged, all);
    let far = WorkQuery {
        page: u32::MAX,
        per_page: MAX,
        ..WorkQuery::default()
    };
    let r = ix.search(&far, &tax).unwrap();
    assert_eq!((r.total, r.ids.len()), (7, 0));
}

const MAX: u32 = ficarchive_search::MAX_PER_PAGE;

#[test]
fn facets_count_canonical_tags_on_the_result_set() {
    let (ix, tax) = corpus();
    let q = WorkQuery {
        include: vec!["BtVS".into()],
        ..WorkQuery::default()
    };
    let r = ix.search(&q, &tax).unwrap();
    assert_eq!(r.total, 5);
    let rel = &r.facets["relationship"];
    assert_eq!(rel[0], ("Buffy Summers/Spike".to_string(), 3));
    let fandoms = &r.facets["fandom"];
    assert_eq!(fandoms[0], ("Buffy the Vampire Slayer (TV)".to_string(), 5));
    assert!(fandoms.contains(&("Angel: the Series".to_string(), 1)));
    let chars = &r.facets["character"];
    assert_eq!(
        chars[0],
        ("Spike (Buffy the Vampire Slayer)".to_string(), 3)
    );
    let ff = &r.facets["freeform"];
    assert!(ff.contains(&("Alternate Universe".to_string(), 2)));
    assert!(ff.contains(&("Angst".to_string(), 2)));
    assert!(r.facets["rating"].contains(&("Explicit".to_string(), 1)));
    assert!(r.facets["category"].contains(&("F/M".to_string(), 3)));
    assert!(r.facets["warning"].contains(&("No Archive Warnings Apply".to_string(), 2)));
    let limited = ix
        .search(
            &WorkQuery {
                facet_limit: 1,
                ..q.clone()
            },
            &tax,
        )
        .unwrap();
    assert!(limited.facets.values().all(|v| v.len() <= 1));
    let none = ix.search(&WorkQuery { facets: false, ..q }, &tax).unwrap();
    assert!(none.facets.is_empty());
}

/// A facet limit keeps the most frequent values (ties by name) of the full counts, whether the
/// index is one segment (which keeps only its top values) or several (which are added up).
#[test]
fn facet_limit_keeps_the_top_of_the_full_counts() {
    let (ix, tax) = corpus();
    let check = |ix: &SearchIndex| {
        let full = ix
            .search(
                &WorkQuery {
                    facet_limit: 1_000,
                    ..WorkQuery::default()
                },
                &tax,
            )
            .unwrap();
        for limit in 1..=3u32 {
            let r = ix
                .search(
                    &WorkQuery {
                        facet_limit: limit,
                        ..WorkQuery::default()
                    },
                    &tax,
                )
                .unwrap();
            for (kind, values) in &full.facets {
                let want: Vec<_> = values.iter().take(limit as usize).cloned().collect();
                assert_eq!(r.facets[kind], want, "{kind} limit {limit}");
            }
        }
        full
    };
    let before = check(&ix);
    // A second segment: the same works again under new ids doubles every count.
    for s in specs() {
        let (kudos, hits, comments, bookmarks) = s.counts;
        let counts = WorkCounts {
            kudos,
            hits,
            comments,
            bookmarks,
        };
        let doc = IndexDoc::from_work(s.id + 1_000, &work(&s), counts, None, &tax);
        ix.upsert(&doc).unwrap();
    }
    ix.commit().unwrap();
    let after = check(&ix);
    for (kind, values) in &before.facets {
        let doubled: Vec<_> = values.iter().map(|(n, c)| (n.clone(), c * 2)).collect();
        assert_eq!(after.facets[kind], doubled, "{kind}");
    }
}

#[test]
fn empty_result_and_exclusion_sets() {
    let (ix, tax) = corpus();
    let q = parse_query_string("tag:Fluff rating:explicit").unwrap();
    let r = ix.search(&q, &tax).unwrap();
    assert_eq!((r.total, r.ids.len()), (0, 0));
    assert!(r.facets.is_empty());

    let set_def = ExclusionSet {
        name: "safe".into(),
        tags: vec!["Major Character Death".into(), "Alternate Universe".into()],
        ratings: vec!["Explicit".into()],
        crossovers: true,
        in_progress: false,
        min_words: None,
    };
    let mut q = WorkQuery::default();
    set_def.apply_to(&mut q);
    assert_eq!(set(&ix, &tax, q), vec![3, 5, 6]);
}

#[test]
fn updates_and_deletes_are_atomic_per_commit() {
    let (ix, tax) = corpus();
    let spec = &specs()[0];
    let mut w = work(spec);
    w.title = Some("Soulless".into());
    let doc = IndexDoc::from_work(1, &w, WorkCounts::default(), None, &tax);
    ix.upsert(&doc).unwrap();
    // Not visible before the commit: the old version still answers.
    assert_eq!(inline(&ix, &tax, "title:bloody"), vec![1]);
    ix.commit().unwrap();
    assert_eq!(inline(&ix, &tax, "title:bloody"), Vec::<u64>::new());
    assert_eq!(inline(&ix, &tax, "title:soulless"), vec![1]);
    assert_eq!(ix.num_works(), 7);
    ix.delete(1).unwrap();
    ix.commit().unwrap();
    assert_eq!(ix.num_works(), 6);
    assert_eq!(inline(&ix, &tax, "title:soulless"), Vec::<u64>::new());
}

#[test]
fn rebuild_replaces_everything_and_reports_progress() {
    let (ix, tax) = corpus();
    let docs: Vec<IndexDoc> = specs()
        .iter()
        .filter(|s| s.id <= 3)
        .map(|s| IndexDoc::from_work(s.id * 10, &work(s), WorkCounts::default(), None, &tax))
        .collect();
    let mut seen = Vec::new();
    let n = ix.rebuild(docs, |done| seen.push(done)).unwrap();
    assert_eq!(n, 3);
    assert_eq!(seen, vec![1, 2, 3]);
    assert_eq!(set(&ix, &tax, WorkQuery::default()), vec![10, 20, 30]);
}

#[test]
fn bad_queries_error_or_come_back_empty_quickly() {
    let (ix, tax) = corpus();
    let run = |s: &str| {
        ix.search(
            &WorkQuery {
                q: s.into(),
                ..WorkQuery::default()
            },
            &tax,
        )
    };
    assert!(matches!(
        run("\"unbalanced"),
        Err(SearchError::Query(QueryError::UnbalancedQuote(_)))
    ));
    assert!(matches!(
        run("colour:red"),
        Err(SearchError::Query(QueryError::UnknownField(_)))
    ));
    let huge = (0..10_000)
        .map(|i| format!("t{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(matches!(
        run(&huge),
        Err(SearchError::Query(QueryError::TooLong(_)))
    ));
    let many = (0..1_000)
        .map(|i| format!("t{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(matches!(
        run(&many),
        Err(SearchError::Query(QueryError::TooManyTerms(_)))
    ));
    let tags = WorkQuery {
        exclude: (0..10_000).map(|i| format!("tag {i}")).collect(),
        ..WorkQuery::default()
    };
    assert!(matches!(
        ix.search(&tags, &tax),
        Err(SearchError::Query(QueryError::TooManyTags(_)))
    ));
    let long_tag = WorkQuery {
        include: vec!["x".repeat(1000)],
        ..WorkQuery::default()
    };
    assert!(matches!(
        ix.search(&long_tag, &tax),
        Err(SearchError::Query(QueryError::TagTooLong(_)))
    ));
    // Punctuation-only text has no words: it filters nothing.
    assert_eq!(run("*** ...").unwrap().total, 7);
    assert_eq!(run("zzzzzz").unwrap().total, 0);
}

#[test]
fn tag_suggestions() {
    let (ix, tax) = corpus();
    let s = ix.suggest_tags("spu", None, 5, &tax).unwrap();
    assert_eq!(s[0].name, "Buffy Summers/Spike");
    assert_eq!(s[0].works, 3);
    let s = ix
        .suggest_tags("spike", Some(TagKind::Character), 5, &tax)
        .unwrap();
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].name, "Spike (Buffy the Vampire Slayer)");
    let s = ix
        .suggest_tags("alt", Some(TagKind::Freeform), 5, &tax)
        .unwrap();
    let names: Vec<&str> = s.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Alternate Universe", "Alternate Universe - Vampire"]
    );
    assert!(ix.suggest_tags("", None, 5, &tax).unwrap().is_empty());
}

#[test]
fn index_on_disk_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let tax = taxonomy();
    {
        let ix = SearchIndex::open(dir.path()).unwrap();
        for s in specs() {
            ix.upsert(&IndexDoc::from_work(
                s.id,
                &work(&s),
                WorkCounts::default(),
                None,
                &tax,
            ))
            .unwrap();
        }
        ix.commit().unwrap();
    }
    let ix = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(ix.num_works(), 7);
    assert!(ix.size_bytes() > 0);
}

#[test]
fn starter_taxonomy_file_loads() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/taxonomy.toml"
    ))
    .unwrap();
    let tax = Taxonomy::from_toml(&text).unwrap();
    assert_eq!(tax.canonical("spuffy"), "Buffy Summers/Spike");
    assert_eq!(tax.canonical("Buffy/Spike"), "Buffy Summers/Spike");
    assert_eq!(tax.canonical("johnlock"), "Sherlock Holmes/John Watson");
    assert!(tax.expand("Buffyverse").contains(&"Spangel"));
    assert!(tax.expand("AU").contains(&"All Human"));
    assert_ne!(
        tax.canonical("Buffy & Willow"),
        tax.canonical("Buffy/Willow")
    );
}

/// A metadata-only document with one freeform tag.
fn tagged_doc(id: u64, freeform: &str, tax: &Taxonomy) -> IndexDoc {
    let mut doc = IndexDoc {
        id,
        title: format!("Work {id}"),
        authors: vec!["someone".into()],
        tags: vec![
            (TagKind::Fandom, "Sherlock".into()),
            (TagKind::Freeform, freeform.into()),
        ],
        rating: Some(Rating::General),
        ..IndexDoc::default()
    };
    doc.canonicalize(tax);
    doc
}

fn facet_count(r: &ficarchive_search::SearchResults, kind: &str, name: &str) -> Option<u64> {
    r.facets
        .get(kind)?
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, c)| *c)
}

#[test]
fn whole_archive_facets_follow_every_commit() {
    let (ix, tax) = corpus();
    let all = WorkQuery {
        facet_limit: 100,
        ..WorkQuery::default()
    };
    let before = ix.search(&all, &tax).expect("index operation");
    // Served from the cache the second time: the same answer.
    assert_eq!(ix.search(&all, &tax).expect("index operation"), before);
    let sherlock = facet_count(&before, "fandom", "Sherlock (TV)").unwrap_or(0);
    assert_eq!(facet_count(&before, "freeform", "Cache Probe"), None);
    // The facet limit applies to cached counts as to computed ones.
    let one = ix
        .search(
            &WorkQuery {
                facet_limit: 1,
                ..WorkQuery::default()
            },
            &tax,
        )
        .expect("index operation");
    assert!(one.facets.values().all(|v| v.len() == 1));
    assert_eq!(one.facets["fandom"][0], before.facets["fandom"][0]);

    ix.upsert(&tagged_doc(500, "Cache Probe", &tax))
        .expect("index operation");
    ix.upsert(&tagged_doc(501, "Cache Probe", &tax))
        .expect("index operation");
    // Not committed: searches still see the old contents.
    assert_eq!(ix.search(&all, &tax).expect("index operation"), before);
    ix.commit().expect("index operation");
    let added = ix.search(&all, &tax).expect("index operation");
    assert_eq!(added.total, before.total + 2);
    assert_eq!(facet_count(&added, "freeform", "Cache Probe"), Some(2));
    assert_eq!(
        facet_count(&added, "fandom", "Sherlock (TV)"),
        Some(sherlock + 2)
    );

    ix.delete(500).expect("index operation");
    ix.commit().expect("index operation");
    let deleted = ix.search(&all, &tax).expect("index operation");
    assert_eq!(facet_count(&deleted, "freeform", "Cache Probe"), Some(1));
    // The cached whole-archive counts equal those a filtered query over everything counts.
    let filtered = ix
        .search(
            &WorkQuery {
                words: Some(NumRange {
                    min: Some(0),
                    max: None,
                }),
                ..all.clone()
            },
            &tax,
        )
        .expect("index operation");
    assert_eq!(filtered.total, deleted.total);
    assert_eq!(filtered.facets, deleted.facets);

    // A rebuild replaces everything in one commit, and the cache with it.
    let mut rebuild = ix.begin_rebuild().expect("index operation");
    rebuild
        .add(&tagged_doc(1, "Only Tag", &tax))
        .expect("index operation");
    rebuild.finish().expect("index operation");
    let rebuilt = ix.search(&all, &tax).expect("index operation");
    assert_eq!(rebuilt.total, 1);
    assert_eq!(facet_count(&rebuilt, "freeform", "Cache Probe"), None);
    assert_eq!(facet_count(&rebuilt, "freeform", "Only Tag"), Some(1));
}

#[test]
fn tag_suggestions_follow_every_commit() {
    let (ix, tax) = corpus();
    assert!(
        ix.suggest_tags("zebra", None, 5, &tax)
            .expect("index operation")
            .is_empty()
    );
    let spuffy = ix
        .suggest_tags("spu", None, 5, &tax)
        .expect("index operation")[0]
        .works;
    ix.upsert(&tagged_doc(600, "Zebra Crossing", &tax))
        .expect("index operation");
    // Not committed yet: not suggested.
    assert!(
        ix.suggest_tags("zebra", None, 5, &tax)
            .expect("index operation")
            .is_empty()
    );
    ix.commit().expect("index operation");
    let s = ix
        .suggest_tags("zebra", None, 5, &tax)
        .expect("index operation");
    assert_eq!(s.len(), 1);
    assert_eq!((s[0].name.as_str(), s[0].works), ("Zebra Crossing", 1));
    // A word inside the name matches too.
    assert_eq!(
        ix.suggest_tags("cross", Some(TagKind::Freeform), 5, &tax)
            .expect("index operation")[0]
            .name,
        "Zebra Crossing"
    );
    ix.upsert(&tagged_doc(601, "Zebra Crossing", &tax))
        .expect("index operation");
    ix.commit().expect("index operation");
    assert_eq!(
        ix.suggest_tags("zebra", None, 5, &tax)
            .expect("index operation")[0]
            .works,
        2
    );
    ix.delete(600).expect("index operation");
    ix.delete(601).expect("index operation");
    ix.commit().expect("index operation");
    // Counts are of live works: deleted ones leave at the commit, before any merge.
    assert!(
        ix.suggest_tags("zebra", None, 5, &tax)
            .expect("index operation")
            .is_empty()
    );
    // Other tags are untouched.
    assert_eq!(
        ix.suggest_tags("spu", None, 5, &tax)
            .expect("index operation")[0]
            .works,
        spuffy
    );
}

#[test]
fn an_abandoned_rebuild_never_reaches_a_later_commit() {
    let (ix, tax) = corpus();
    let before = ix.num_works();
    {
        let mut rebuild = ix.begin_rebuild().expect("rebuild");
        rebuild
            .add(&tagged_doc(700, "Half Done", &tax))
            .expect("add");
        // Dropped without finish, as when reading the store fails half-way.
    }
    ix.upsert(&tagged_doc(701, "Later Update", &tax))
        .expect("upsert");
    ix.commit().expect("commit");
    assert_eq!(ix.num_works(), before + 1);
    let half = WorkQuery {
        include: vec!["Half Done".into()],
        ..WorkQuery::default()
    };
    assert_eq!(ix.search(&half, &tax).expect("search").total, 0);
}
