//! Warming the caches before readers arrive: the first answer of several pages is far slower
//! than the next (the search index's whole-archive facet counts and autocomplete tables, which
//! are built once per index generation; the listing results and blurbs; the rendered pages; the
//! operating system's cache of the index and database files). [`warm`] renders those pages once
//! before the server accepts connections, and [`rewarm_forever`] asks the index again every few
//! seconds, so after a commit (a new index generation) the rebuild is paid by a background task
//! instead of the first reader.

use std::time::{Duration, Instant};

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

use crate::AppState;
use crate::listing::Listing;
use crate::pages;

/// The pages rendered by [`warm`]: the home page (recent works, whole-archive fandom counts), the
/// works index's default listing (whole-archive facets), the fandoms page and one autocomplete
/// answer (the index builds its whole tag table on the first prefix asked for).
pub const WARM_PAGES: [&str; 4] = ["/", "/works", "/fandoms", "/api/tags?q=a"];

/// How often [`rewarm_forever`] asks the index the warm-up's questions again (cheap while the
/// index is unchanged: the answers come from its per-generation caches).
pub const REWARM_EVERY: Duration = Duration::from_secs(5);

/// Most bytes of a warm-up page read (the body is read so the whole page is rendered, then
/// dropped).
const WARM_BODY_LIMIT: usize = 64 * 1024 * 1024;

/// What a warm-up did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarmReport {
    /// Pages that answered 200.
    pub warmed: Vec<String>,
    /// Pages that did not, with what they answered ("/works: 500 Internal Server Error").
    pub failed: Vec<String>,
    /// How long it took.
    pub elapsed: Duration,
}

/// Renders every page of [`WARM_PAGES`] once through the site's own router, so the caches they
/// fill are the ones readers use. Never fails: a page that errors is listed in the report (and
/// logged), and the server starts anyway; an empty archive warms in moments.
pub async fn warm(state: &AppState) -> WarmReport {
    let started = Instant::now();
    let app = crate::router(state.clone());
    let mut report = WarmReport::default();
    for path in WARM_PAGES {
        let request = match Request::builder().uri(path).body(Body::empty()) {
            Ok(r) => r,
            Err(e) => {
                report.failed.push(format!("{path}: {e}"));
                continue;
            }
        };
        let outcome = match app.clone().oneshot(request).await {
            Ok(response) => {
                let status = response.status();
                match to_bytes(response.into_body(), WARM_BODY_LIMIT).await {
                    Ok(_) if status == StatusCode::OK => Ok(()),
                    Ok(_) => Err(status.to_string()),
                    Err(e) => Err(format!("{status}, body unreadable: {e}")),
                }
            }
            Err(never) => match never {},
        };
        match outcome {
            Ok(()) => report.warmed.push(path.to_string()),
            Err(why) => report.failed.push(format!("{path}: {why}")),
        }
    }
    report.elapsed = started.elapsed();
    if report.failed.is_empty() {
        tracing::info!(
            "warmed {} pages in {:.0} ms",
            report.warmed.len(),
            report.elapsed.as_secs_f64() * 1e3
        );
    } else {
        tracing::warn!(
            "warm-up took {:.0} ms; these pages failed (the server starts anyway): {}",
            report.elapsed.as_secs_f64() * 1e3,
            report.failed.join("; ")
        );
    }
    report
}

/// The listings the warm-up pages run, with their facet limits, so the background refresh asks
/// the index the same questions (and stores the answers under the same keys).
pub(crate) fn warm_listings() -> Vec<(Listing, usize)> {
    let mut listings: Vec<(Listing, usize)> = pages::home_listings().into_iter().collect();
    listings.push((Listing::new(), pages::LISTING_FACETS));
    listings.push(pages::fandoms_listing());
    listings
}

/// Asks the index the warm-up's questions every [`REWARM_EVERY`], forever, storing the fresh
/// listing results: when a commit has made a new index generation, this task pays for
/// rebuilding its whole-archive caches, not a reader. Failures are logged and retried next time.
pub(crate) async fn rewarm_forever(state: AppState) {
    let mut tick = tokio::time::interval(REWARM_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // The first tick completes at once; the warm-up has just done that work.
    tick.tick().await;
    loop {
        tick.tick().await;
        rewarm_once(&state).await;
    }
}

/// One round of [`rewarm_forever`]; returns how many questions were answered.
pub(crate) async fn rewarm_once(state: &AppState) -> usize {
    let mut answered = 0;
    for (listing, facet_limit) in warm_listings() {
        match state.search.search(&listing, facet_limit).await {
            Ok(page) => {
                state.results.put(
                    pages::result_key(&listing, facet_limit),
                    std::sync::Arc::new(page),
                );
                answered += 1;
            }
            Err(e) => tracing::warn!("refreshing a warm listing failed: {e}"),
        }
    }
    match state.search.suggest_tags("a", 10).await {
        Ok(_) => answered += 1,
        Err(e) => tracing::warn!("refreshing the autocomplete tables failed: {e}"),
    }
    answered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refresh_stores_answers_under_the_keys_the_pages_read() {
        // The works index reads its listing from the (empty) query string.
        let works_index = Listing::from_query("").unwrap_or_else(|e| panic!("{}", e.0));
        let page_keys = [
            pages::result_key(&works_index, pages::LISTING_FACETS),
            pages::result_key(&pages::home_listings()[0].0, pages::home_listings()[0].1),
            pages::result_key(&pages::home_listings()[1].0, pages::home_listings()[1].1),
            pages::result_key(&pages::fandoms_listing().0, pages::fandoms_listing().1),
        ];
        let refreshed: Vec<String> = warm_listings()
            .iter()
            .map(|(l, facets)| pages::result_key(l, *facets))
            .collect();
        for key in page_keys {
            assert!(refreshed.contains(&key), "{key} is not refreshed");
        }
    }
}
