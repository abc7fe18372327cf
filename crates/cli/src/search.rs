//! `ficarchive search`, `tags` and `exclusions`: the works filter, tag wrangling and saved
//! exclusions from the command line.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use ficarchive_model::{TagKind, Taxonomy};
use ficarchive_search::{ExclusionSet, WorkQuery};
use serde::Serialize;

use crate::archive::Archive;
use crate::{ExclusionsCommand, TagsCommand};

/// The saved exclusion sets live in the store document the web's listings read them from.
use ficarchive_web::EXCLUSIONS_DOCUMENT;

/// A search as given on the command line.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Free text with inline syntax: title:, author:, summary:, notes:, tag:, quoted phrases,
    /// -term, words>1000, sort:kudos.
    query: Vec<String>,
    /// A tag every result must have (repeatable; synonyms and child tags match).
    #[arg(long)]
    include: Vec<String>,
    /// A tag no result may have (repeatable; excluding a parent hides its children).
    #[arg(long)]
    exclude: Vec<String>,
    /// Sort: best_match, author, title, date_posted, date_updated, words, hits, kudos,
    /// comments, bookmarks.
    #[arg(long)]
    sort: Option<String>,
    /// asc or desc.
    #[arg(long)]
    order: Option<String>,
    /// Any other filter as NAME=VALUE, with the URL parameter names of docs/search.md
    /// (rating=, warning=, complete=, words=, updated=, language=, crossover=, ...).
    #[arg(long = "filter", value_name = "NAME=VALUE")]
    filters: Vec<String>,
    /// Saved exclusion sets to apply (see `ficarchive exclusions`).
    #[arg(long)]
    exclusions: Vec<String>,
    /// The page to show, from 1.
    #[arg(long, default_value_t = 1)]
    page: u32,
    /// Works per page.
    #[arg(long, default_value_t = 20)]
    per_page: u32,
    /// Print the results, total and facet counts as JSON.
    #[arg(long)]
    json: bool,
}

impl SearchArgs {
    /// The query, built through the same URL parameters the web's works filter uses.
    fn to_query(&self) -> Result<WorkQuery> {
        let mut params = form_urlencoded::Serializer::new(String::new());
        for filter in &self.filters {
            let (name, value) = filter
                .split_once('=')
                .with_context(|| format!("--filter {filter:?} is not NAME=VALUE"))?;
            params.append_pair(name.trim(), value.trim());
        }
        params.append_pair("q", &self.query.join(" "));
        for t in &self.include {
            params.append_pair("include", t);
        }
        for t in &self.exclude {
            params.append_pair("exclude", t);
        }
        if let Some(sort) = &self.sort {
            params.append_pair("sort", sort);
        }
        if let Some(order) = &self.order {
            params.append_pair("order", order);
        }
        params.append_pair("page", &self.page.to_string());
        params.append_pair("per_page", &self.per_page.to_string());
        let mut query = WorkQuery::from_url_query(&params.finish())?;
        // Tags may contain commas ("Tara Maclay, Willow Rosenberg"): one flag is one tag.
        query.include.clone_from(&self.include);
        query.exclude.clone_from(&self.exclude);
        Ok(query)
    }
}

/// One result line of `search --json`.
#[derive(Serialize)]
struct Hit<'a> {
    #[serde(flatten)]
    summary: &'a ficarchive_store::WorkSummary,
}

/// Runs a search and prints the page of results, the total and the facet counts.
pub async fn run(archive: &Archive, request: &SearchArgs) -> Result<()> {
    let json = request.json;
    let mut query = request.to_query()?;
    let sets = load_exclusions(archive).await?;
    for name in &request.exclusions {
        let set = sets.get(name).with_context(|| {
            format!("no saved exclusion set named {name:?} (see `ficarchive exclusions list`)")
        })?;
        set.apply_to(&mut query);
    }
    let taxonomy = archive.taxonomy().await?;
    let index = archive.open_index()?;
    let results = index.search(&query, &taxonomy)?;
    let ids: Vec<i64> = results
        .ids
        .iter()
        .filter_map(|id| i64::try_from(*id).ok())
        .collect();
    let summaries = archive.store.work_summaries(&ids).await?;
    let mut out = std::io::stdout().lock();
    if json {
        let hits: Vec<Hit> = summaries.iter().map(|summary| Hit { summary }).collect();
        let value = serde_json::json!({
            "total": results.total,
            "page": query.page.max(1),
            "per_page": query.per_page,
            "sort": results.sort,
            "order": results.order,
            "works": hits,
            "facets": results.facets,
        });
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
    } else {
        for w in &summaries {
            writeln!(out, "{}", crate::summary_line(w))?;
        }
        writeln!(
            out,
            "{} works match (page {}, sorted by {:?} {:?})",
            results.total,
            query.page.max(1),
            results.sort,
            results.order
        )?;
    }
    Ok(())
}

/// The saved exclusion sets, by name.
async fn load_exclusions(archive: &Archive) -> Result<BTreeMap<String, ExclusionSet>> {
    match archive.store.load_document(EXCLUSIONS_DOCUMENT).await? {
        Some(v) => serde_json::from_value(v)
            .context("the saved exclusion sets are unreadable (store document `exclusions`)"),
        None => Ok(BTreeMap::new()),
    }
}

async fn save_exclusions(archive: &Archive, sets: &BTreeMap<String, ExclusionSet>) -> Result<()> {
    let value = serde_json::to_value(sets)?;
    archive
        .store
        .save_document(EXCLUSIONS_DOCUMENT, &value)
        .await?;
    Ok(())
}

/// `ficarchive exclusions ...`.
pub async fn exclusions(archive: &Archive, cmd: ExclusionsCommand) -> Result<ExitCode> {
    let mut sets = load_exclusions(archive).await?;
    match cmd {
        ExclusionsCommand::Set {
            name,
            tag,
            rating,
            no_crossovers,
            complete_only,
            min_words,
        } => {
            if name.trim().is_empty() {
                bail!("an exclusion set needs a name");
            }
            let set = ExclusionSet {
                name: name.clone(),
                tags: tag,
                ratings: rating,
                crossovers: no_crossovers,
                in_progress: complete_only,
                min_words,
            };
            sets.insert(name.clone(), set);
            save_exclusions(archive, &sets).await?;
            println!("saved exclusion set {name:?}");
        }
        ExclusionsCommand::List { json } => {
            if json {
                println!("{}", serde_json::to_string_pretty(&sets)?);
            } else {
                for set in sets.values() {
                    let mut parts = Vec::new();
                    if !set.tags.is_empty() {
                        parts.push(format!("tags: {}", set.tags.join(", ")));
                    }
                    if !set.ratings.is_empty() {
                        parts.push(format!("ratings: {}", set.ratings.join(", ")));
                    }
                    if set.crossovers {
                        parts.push("no crossovers".into());
                    }
                    if set.in_progress {
                        parts.push("complete only".into());
                    }
                    if let Some(m) = set.min_words {
                        parts.push(format!("at least {m} words"));
                    }
                    println!("{}: {}", set.name, parts.join("; "));
                }
            }
        }
        ExclusionsCommand::Delete { name } => {
            if sets.remove(&name).is_none() {
                bail!("no saved exclusion set named {name:?}");
            }
            save_exclusions(archive, &sets).await?;
            println!("deleted exclusion set {name:?}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `ficarchive tags ...`. Every change is saved to the store; filters use it at once, facets
/// after `ficarchive reindex`.
pub async fn tags(archive: &Archive, cmd: TagsCommand) -> Result<ExitCode> {
    let mut taxonomy = archive.taxonomy().await?;
    let changed = match cmd {
        TagsCommand::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let other =
                Taxonomy::from_toml(&text).with_context(|| format!("{}", file.display()))?;
            taxonomy
                .import(&other)
                .with_context(|| format!("{}", file.display()))?;
            println!(
                "{} tags imported from {}; the archive knows {} tags",
                other.len(),
                file.display(),
                taxonomy.len()
            );
            true
        }
        TagsCommand::Canonical { kind, name } => {
            let kind = TagKind::parse(&kind).with_context(|| {
                format!("unknown tag kind {kind:?}: use fandom, relationship, character, freeform, warning or category")
            })?;
            taxonomy.make_canonical(kind, &name)?;
            println!("{name:?} is canonical");
            true
        }
        TagsCommand::Synonym { synonym, canonical } => {
            taxonomy.merge_synonym(&synonym, &canonical)?;
            println!(
                "{synonym:?} is now a synonym of {:?}",
                taxonomy.canonical(&canonical)
            );
            true
        }
        TagsCommand::Parent { child, parent } => {
            taxonomy.set_parent(&child, &parent)?;
            println!("{parent:?} is now a parent of {child:?}");
            true
        }
        TagsCommand::Unparent { child, parent } => {
            if !taxonomy.remove_parent(&child, &parent) {
                bail!("{parent:?} is not a parent of {child:?}");
            }
            println!("{parent:?} is no longer a parent of {child:?}");
            true
        }
        TagsCommand::Show { name } => {
            let entry = taxonomy
                .get(&name)
                .with_context(|| format!("{name:?} is not a wrangled tag"))?;
            let canonical = taxonomy.canonical(&name);
            println!("{} ({})", entry.name, entry.kind.as_str());
            if canonical != entry.name {
                println!("  synonym of: {canonical}");
            }
            let synonyms = taxonomy.synonyms_of(canonical);
            if !synonyms.is_empty() {
                println!("  synonyms:   {}", synonyms.join(", "));
            }
            let parents = taxonomy.parents_of(canonical);
            if !parents.is_empty() {
                println!("  parents:    {}", parents.join(", "));
            }
            let children: Vec<&str> = taxonomy
                .entries()
                .iter()
                .filter(|e| e.is_canonical() && e.parents.iter().any(|p| p == canonical))
                .map(|e| e.name.as_str())
                .collect();
            if !children.is_empty() {
                println!("  children:   {}", children.join(", "));
            }
            false
        }
        TagsCommand::List { json } => {
            if json {
                println!("{}", serde_json::to_string_pretty(&taxonomy)?);
            } else {
                for e in taxonomy.entries().iter().filter(|e| e.is_canonical()) {
                    let synonyms = taxonomy.synonyms_of(&e.name);
                    let also = if synonyms.is_empty() {
                        String::new()
                    } else {
                        format!("  = {}", synonyms.join(", "))
                    };
                    println!("{:<13} {}{also}", e.kind.as_str(), e.name);
                }
            }
            false
        }
    };
    if changed {
        archive.save_taxonomy(&taxonomy).await?;
    }
    Ok(ExitCode::SUCCESS)
}
