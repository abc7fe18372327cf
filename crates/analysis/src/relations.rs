//! Relationships: pairings declared by tags and summaries (including portmanteau ship names such as
//! "spuffy") and pairings the text itself shows (romance words, shared paragraphs, dialogue).

use crate::hash::HashMap;

use ficarchive_model::Work;

use crate::Relationship;
use crate::characters::{Cluster, name_key, split_declared};
use crate::engine::Evidence;

/// Finds the character a declared name refers to.
fn find_cluster(clusters: &[Cluster], name: &str) -> Option<usize> {
    let key = name_key(name);
    if key.is_empty() {
        return None;
    }
    clusters
        .iter()
        .position(|c| c.keys.contains(&key))
        .or_else(|| {
            // "Buffy Summers" for a character known as "Buffy"
            let words: Vec<&str> = key.split(' ').collect();
            clusters.iter().position(|c| {
                c.keys
                    .iter()
                    .any(|k| !k.contains(' ') && words.contains(&k.as_str()))
            })
        })
}

fn pair(a: usize, b: usize) -> (usize, usize) {
    if a < b { (a, b) } else { (b, a) }
}

/// "A/B" pairings written in free text ("Buffy/Angel for part of the story").
fn slash_pairs(text: &str, clusters: &[Cluster], out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('/') {
        let before = text[..i]
            .rsplit(|c: char| !c.is_alphanumeric() && c != ' ')
            .next()
            .unwrap_or("");
        let after = text[i + 1..]
            .split(|c: char| !c.is_alphanumeric() && c != ' ')
            .next()
            .unwrap_or("");
        let left: Vec<&str> = before
            .split_whitespace()
            .rev()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .collect();
        let right: Vec<&str> = after
            .split_whitespace()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .collect();
        let (Some(l), Some(r)) = (left.first(), right.first()) else {
            continue;
        };
        let _ = bytes;
        if let (Some(a), Some(b)) = (find_cluster(clusters, l), find_cluster(clusters, r))
            && a != b
        {
            out.push(pair(a, b));
        }
    }
}

/// Portmanteau ship names: the start of one character's name joined to the end of another's
/// ("sp" + "uffy" = Spike/Buffy, "b" + "angel" = Buffy/Angel).
fn portmanteaus(text: &str, clusters: &[Cluster], top: &[usize], out: &mut Vec<(usize, usize)>) {
    let tokens: Vec<(usize, &str)> = top
        .iter()
        .flat_map(|&c| {
            clusters[c]
                .keys
                .iter()
                .flat_map(move |k| k.split(' ').map(move |w| (c, w)))
        })
        .filter(|(_, w)| w.len() >= 3 && *w != "the")
        .collect();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.len() < 5 || word.len() > 24 {
            continue;
        }
        let w = word.to_lowercase();
        if tokens.iter().any(|(_, t)| *t == w) {
            continue;
        }
        'split: for cut in 1..w.len().saturating_sub(2) {
            if !w.is_char_boundary(cut) {
                continue;
            }
            let (pre, suf) = w.split_at(cut);
            for &(a, ta) in &tokens {
                if !ta.starts_with(pre) || ta == pre {
                    continue;
                }
                for &(b, tb) in &tokens {
                    let whole = tb == suf && suf.len() >= 4;
                    if a == b || !tb.ends_with(suf) || (pre.len() < 2 && !whole) || (suf.len() < 3)
                    {
                        continue;
                    }
                    out.push(pair(a, b));
                    break 'split;
                }
            }
        }
    }
}

/// Scores character pairs; returns the pairings worth showing, strongest first.
pub(crate) fn score(
    work: &Work,
    clusters: &[Cluster],
    evidence: &Evidence,
    present_ids: &[u32],
    dialogue: &HashMap<(usize, usize), u32>,
    mentions: &[u32],
    quotes: &[u32],
) -> Vec<Relationship> {
    let mut declared: HashMap<(usize, usize), (f64, Vec<&'static str>)> = HashMap::default();
    for tag in &work.tags.relationships {
        let names = split_declared(tag);
        let romantic = tag.contains('/');
        let ids: Vec<usize> = names
            .iter()
            .filter_map(|n| find_cluster(clusters, n))
            .collect();
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                if a != b {
                    let e = declared.entry(pair(a, b)).or_insert((0.0, Vec::new()));
                    e.0 = e.0.max(if romantic { 1.0 } else { 0.5 });
                    e.1.push("tags");
                }
            }
        }
    }
    let mut top: Vec<usize> = (0..clusters.len())
        .filter(|&c| !clusters[c].keys.is_empty())
        .collect();
    top.sort_by_key(|&c| std::cmp::Reverse(mentions[c] + quotes[c]));
    top.truncate(15);
    let mut free_text: Vec<&str> = Vec::new();
    free_text.extend(work.summary.as_deref());
    free_text.extend(work.notes.iter().map(|n| n.text.as_str()));
    free_text.extend(work.tags.freeform.iter().map(String::as_str));
    for ch in &work.chapters {
        free_text.extend(ch.summary.as_deref());
        free_text.extend(
            ch.notes_before
                .iter()
                .chain(&ch.notes_after)
                .map(|n| n.text.as_str()),
        );
        // notes left inside the story text by a plain reader
        for p in ch.paragraphs().take(3) {
            let t = p
                .text
                .trim_start_matches(['(', '[', ' '])
                .to_ascii_lowercase();
            if t.starts_with("a/n") || t.starts_with("author") || t.starts_with("summary") {
                free_text.push(&p.text);
            }
        }
    }
    for text in free_text {
        let mut found = Vec::new();
        slash_pairs(text, clusters, &mut found);
        for p in found.drain(..) {
            let e = declared.entry(p).or_insert((0.0, Vec::new()));
            e.0 = e.0.max(0.8);
            e.1.push("summary");
        }
        portmanteaus(text, clusters, &top, &mut found);
        for p in found {
            let e = declared.entry(p).or_insert((0.0, Vec::new()));
            e.0 = e.0.max(0.6);
            e.1.push("summary");
        }
    }

    let mut raw: HashMap<(usize, usize), f64> = HashMap::default();
    for (k, ev) in evidence.iter().enumerate() {
        let present = crate::engine::present_of(evidence, k, present_ids);
        for (i, &a) in present.iter().enumerate() {
            let a = a as usize;
            for &b in &present[i + 1..] {
                let b = b as usize;
                if a != b {
                    *raw.entry(pair(a, b)).or_default() += 0.2 + f64::from(ev.romance.min(5));
                }
            }
        }
    }
    for (&p, &n) in dialogue {
        *raw.entry(p).or_default() += 0.5 * f64::from(n);
    }
    let max_raw = raw.values().copied().fold(0.0, f64::max);
    let mut pairs: Vec<(usize, usize)> = declared.keys().chain(raw.keys()).copied().collect();
    pairs.sort();
    pairs.dedup();
    let mut out: Vec<Relationship> = pairs
        .into_iter()
        .map(|p| {
            let r = raw.get(&p).copied().unwrap_or(0.0);
            let text = if max_raw > 0.0 {
                0.75 * (r / max_raw) * (r / 5.0).min(1.0)
            } else {
                0.0
            };
            let (d, mut sources) = declared.get(&p).cloned().unwrap_or((0.0, Vec::new()));
            if text >= 0.2 {
                sources.push("text");
            }
            sources.sort();
            sources.dedup();
            let score = 1.0 - (1.0 - d) * (1.0 - text);
            Relationship {
                characters: [clusters[p.0].name.clone(), clusters[p.1].name.clone()],
                score: (score * 1000.0).round() / 1000.0,
                sources: sources.into_iter().map(str::to_string).collect(),
            }
        })
        .filter(|r| r.score >= 0.2)
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.characters.cmp(&b.characters))
    });
    out.truncate(10);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cl(name: &str) -> Cluster {
        Cluster {
            name: name.into(),
            keys: vec![name_key(name)],
            count: 5,
            ..Cluster::default()
        }
    }

    #[test]
    fn portmanteau_joins_two_names() {
        let clusters = vec![cl("Spike"), cl("Buffy"), cl("Angel")];
        let mut out = Vec::new();
        portmanteaus(
            "spuffy undertones, some Bangel",
            &clusters,
            &[0, 1, 2],
            &mut out,
        );
        assert!(out.contains(&(0, 1)));
        assert!(out.contains(&(1, 2)));
        out.clear();
        portmanteaus("undertones throughout", &clusters, &[0, 1, 2], &mut out);
        assert!(out.is_empty());
    }
}
