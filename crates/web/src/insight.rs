//! Story insight: what the analysis found (characters, dialogue, points of view, who talks to
//! whom, relationships), read from the stored analysis JSON and drawn as SVG on the server.
//!
//! The JSON is read leniently (missing or oddly shaped fields are skipped), because it comes from
//! an analysis run that may be older or newer than this code. Every string put into SVG goes
//! through [`esc`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use ficarchive_model::{Work, count_words};
use serde_json::Value;

/// Escapes text for XML/HTML content and attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A character and their share of the dialogue.
pub(crate) struct CharacterRow {
    pub(crate) name: String,
    pub(crate) aliases: String,
    pub(crate) mentions: u64,
    pub(crate) lines: u64,
    pub(crate) words: u64,
    /// "34.5 %".
    pub(crate) share: String,
}

/// One scene's point of view.
pub(crate) struct PovRow {
    pub(crate) chapter: u64,
    pub(crate) scene: usize,
    pub(crate) pov: String,
    pub(crate) person: String,
}

/// Lines spoken by one character to another.
pub(crate) struct TalkRow {
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) lines: u64,
}

/// A relationship the analysis inferred.
pub(crate) struct RelationshipRow {
    pub(crate) a: String,
    pub(crate) b: String,
    pub(crate) score: String,
}

/// Everything the insight page shows; the `*_svg` fields are complete, escaped SVG documents.
pub(crate) struct Insight {
    pub(crate) characters: Vec<CharacterRow>,
    pub(crate) dialogue_svg: String,
    pub(crate) pov: Vec<PovRow>,
    pub(crate) pov_svg: String,
    pub(crate) talk: Vec<TalkRow>,
    pub(crate) network_svg: String,
    pub(crate) relationships: Vec<RelationshipRow>,
    pub(crate) relationships_svg: String,
    pub(crate) total_quotes: u64,
}

fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o.get("name").and_then(str_of),
        _ => None,
    }
}

fn count_of(v: Option<&Value>) -> u64 {
    match v {
        Some(Value::Number(n)) => n
            .as_u64()
            .or_else(|| n.as_f64().map(|f| f.max(0.0) as u64))
            .unwrap_or(0),
        Some(Value::Array(a)) => a.len() as u64,
        _ => 0,
    }
}

fn list<'a>(analysis: &'a Value, key: &str) -> &'a [Value] {
    analysis
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

const MAX_CHARACTERS: usize = 40;
/// The one row that stands for every one-off voice of the analysis.
const UNNAMED_VOICES: &str = "Unnamed voices";
const MAX_NETWORK_NODES: usize = 10;
const PALETTE: usize = 8;

impl Insight {
    /// Reads the analysis JSON of `work` (shape: `characters`, `relationships`, `scenes`, `quotes`).
    pub(crate) fn from_analysis(work: &Work, analysis: &Value) -> Insight {
        // The analysis object may be the whole `ficarchive analyze` output or just its `analysis`.
        let analysis = analysis
            .get("analysis")
            .filter(|a| a.is_object())
            .unwrap_or(analysis);

        // One-off voices ("said another", "a thin elderly gentleman") are pooled in one row: a
        // row each would crowd the people of the story out of the table and the charts.
        let voices: BTreeSet<String> = list(analysis, "characters")
            .iter()
            .filter(|c| c.get("voice").and_then(Value::as_bool) == Some(true))
            .filter_map(|c| c.get("name").and_then(str_of))
            .collect();
        let mut by_speaker: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        let mut talk: BTreeMap<(String, String), u64> = BTreeMap::new();
        let quotes = list(analysis, "quotes");
        for q in quotes {
            let Some(mut speaker) = q.get("speaker").and_then(str_of) else {
                continue;
            };
            let one_off = voices.contains(&speaker);
            if one_off {
                speaker = UNNAMED_VOICES.to_string();
            }
            let words = q
                .get("text")
                .and_then(Value::as_str)
                .map(count_words)
                .unwrap_or(0) as u64;
            let e = by_speaker.entry(speaker.clone()).or_default();
            e.0 += 1;
            e.1 += words;
            if let Some(to) = q.get("addressee").and_then(str_of)
                && to != speaker
                && !one_off
                && !voices.contains(&to)
            {
                *talk.entry((speaker, to)).or_default() += 1;
            }
        }

        let mut characters: Vec<CharacterRow> = list(analysis, "characters")
            .iter()
            .filter_map(|c| {
                let name = c.get("name").and_then(str_of)?;
                if voices.contains(&name) {
                    return None;
                }
                let aliases = c
                    .get("aliases")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(str_of)
                            .filter(|x| *x != name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                let (lines, words) = by_speaker
                    .get(&name)
                    .copied()
                    .unwrap_or((count_of(c.get("quotes")), 0));
                Some(CharacterRow {
                    mentions: count_of(c.get("mentions")),
                    lines,
                    words,
                    share: String::new(),
                    aliases,
                    name,
                })
            })
            .collect();
        // Speakers the character list missed still count.
        for (name, (lines, words)) in &by_speaker {
            if !characters.iter().any(|c| &c.name == name) {
                characters.push(CharacterRow {
                    name: name.clone(),
                    aliases: String::new(),
                    mentions: 0,
                    lines: *lines,
                    words: *words,
                    share: String::new(),
                });
            }
        }
        // Share by words when quotes carry text, else by lines.
        let by_words = characters.iter().any(|c| c.words > 0);
        let weight = |c: &CharacterRow| if by_words { c.words } else { c.lines };
        let total: u64 = characters.iter().map(weight).sum();
        for c in &mut characters {
            c.share = if total == 0 {
                "–".into()
            } else {
                format!("{:.1} %", weight(c) as f64 * 100.0 / total as f64)
            };
        }
        characters.sort_by(|a, b| {
            weight(b)
                .cmp(&weight(a))
                .then(b.mentions.cmp(&a.mentions))
                .then(a.name.cmp(&b.name))
        });
        characters.truncate(MAX_CHARACTERS);

        let mut pov = Vec::new();
        let mut scene_in_chapter: BTreeMap<u64, usize> = BTreeMap::new();
        for s in list(analysis, "scenes") {
            let chapter = count_of(s.get("chapter"));
            let n = scene_in_chapter.entry(chapter).or_default();
            *n += 1;
            pov.push(PovRow {
                chapter,
                scene: *n,
                pov: s
                    .get("pov")
                    .and_then(str_of)
                    .unwrap_or_else(|| "unknown".into()),
                person: s
                    .get("person")
                    .and_then(str_of)
                    .unwrap_or_else(|| "unknown".into()),
            });
        }

        let mut talk: Vec<TalkRow> = talk
            .into_iter()
            .map(|((from, to), lines)| TalkRow { from, to, lines })
            .collect();
        talk.sort_by(|a, b| b.lines.cmp(&a.lines).then(a.from.cmp(&b.from)));

        let mut relationships: Vec<(String, String, f64)> = list(analysis, "relationships")
            .iter()
            .filter_map(|r| {
                let pair = r.get("characters").and_then(Value::as_array)?;
                let a = pair.first().and_then(str_of)?;
                let b = pair.get(1).and_then(str_of)?;
                let score = r.get("score").and_then(Value::as_f64).unwrap_or(0.0);
                Some((a, b, if score.is_finite() { score } else { 0.0 }))
            })
            .collect();
        relationships.sort_by(|x, y| y.2.total_cmp(&x.2));
        relationships.truncate(MAX_CHARACTERS);

        let chapters: Vec<u64> = work.chapters.iter().map(|c| u64::from(c.number)).collect();
        Insight {
            dialogue_svg: dialogue_chart(&characters, by_words),
            pov_svg: pov_timeline(&pov, &chapters),
            network_svg: network(&talk),
            relationships_svg: relationship_chart(&relationships),
            relationships: relationships
                .into_iter()
                .map(|(a, b, s)| RelationshipRow {
                    a,
                    b,
                    score: format!("{s:.2}"),
                })
                .collect(),
            total_quotes: quotes.len() as u64,
            characters,
            pov,
            talk,
        }
    }
}

fn svg_open(out: &mut String, id: &str, width: u32, height: u32, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        esc(title),
        esc(desc)
    );
}

/// Horizontal bars: each character's share of the dialogue.
fn dialogue_chart(characters: &[CharacterRow], by_words: bool) -> String {
    let rows: Vec<&CharacterRow> = characters.iter().filter(|c| c.lines > 0).take(12).collect();
    let mut out = String::new();
    let height = 20 + 26 * rows.len().max(1) as u32;
    svg_open(
        &mut out,
        "dialogue",
        600,
        height,
        "Share of dialogue by character",
        &format!(
            "Bar chart of the {} characters who speak most, by {} of dialogue; the table beside it gives the numbers.",
            rows.len(),
            if by_words { "words" } else { "lines" }
        ),
    );
    let max = rows
        .iter()
        .map(|c| if by_words { c.words } else { c.lines })
        .max()
        .unwrap_or(1)
        .max(1);
    for (i, c) in rows.iter().enumerate() {
        let y = 10 + 26 * i as u32;
        let v = if by_words { c.words } else { c.lines };
        let w = (v as f64 / max as f64 * 360.0).max(1.0);
        let _ = write!(
            out,
            "<text class=\"label\" x=\"150\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"c{}\" x=\"160\" y=\"{y}\" width=\"{w:.1}\" height=\"18\"/>\
             <text class=\"value\" x=\"{:.1}\" y=\"{}\">{}</text>",
            y + 14,
            esc(&truncate(&c.name, 22)),
            i % PALETTE,
            160.0 + w + 6.0,
            y + 14,
            esc(&c.share)
        );
    }
    if rows.is_empty() {
        out.push_str("<text class=\"label\" x=\"10\" y=\"30\">No attributed dialogue.</text>");
    }
    out.push_str("</svg>");
    out
}

/// A strip per chapter: one block per scene, coloured by its point-of-view character.
fn pov_timeline(rows: &[PovRow], chapters: &[u64]) -> String {
    let mut by_chapter: BTreeMap<u64, Vec<&PovRow>> = BTreeMap::new();
    for r in rows {
        by_chapter.entry(r.chapter).or_default().push(r);
    }
    for c in chapters {
        by_chapter.entry(*c).or_default();
    }
    let mut names: Vec<&str> = Vec::new();
    for r in rows {
        if !names.contains(&r.pov.as_str()) {
            names.push(&r.pov);
        }
    }
    let colour = |name: &str| names.iter().position(|n| *n == name).unwrap_or(0) % PALETTE;
    let lanes = by_chapter.len().clamp(1, 200) as u32;
    let legend_rows = names.len().div_ceil(3).min(6) as u32;
    let height = 16 + lanes * 22 + legend_rows * 20 + 10;
    let mut out = String::new();
    svg_open(
        &mut out,
        "pov",
        600,
        height,
        "Point of view across chapters and scenes",
        &format!(
            "{} scenes in {} chapters, each coloured by its point-of-view character; the table lists every scene.",
            rows.len(),
            by_chapter.len()
        ),
    );
    for (lane, (chapter, scenes)) in by_chapter.iter().take(200).enumerate() {
        let y = 10 + lane as u32 * 22;
        let _ = write!(
            out,
            "<text class=\"label\" x=\"70\" y=\"{}\" text-anchor=\"end\">Ch. {chapter}</text>",
            y + 14
        );
        if scenes.is_empty() {
            let _ = write!(
                out,
                "<rect class=\"empty\" x=\"80\" y=\"{y}\" width=\"500\" height=\"18\"/>"
            );
            continue;
        }
        let w = 500.0 / scenes.len() as f64;
        for (i, s) in scenes.iter().enumerate() {
            let _ = write!(
                out,
                "<rect class=\"c{}\" x=\"{:.1}\" y=\"{y}\" width=\"{:.1}\" height=\"18\"><title>Chapter {chapter}, scene {}: {} ({})</title></rect>",
                colour(&s.pov),
                80.0 + i as f64 * w,
                (w - 2.0).max(1.0),
                s.scene,
                esc(&s.pov),
                esc(&s.person)
            );
        }
    }
    let legend_y = 16 + lanes * 22;
    for (i, n) in names.iter().take(18).enumerate() {
        let x = 10 + (i as u32 % 3) * 195;
        let y = legend_y + (i as u32 / 3) * 20;
        let _ = write!(
            out,
            "<rect class=\"c{}\" x=\"{x}\" y=\"{y}\" width=\"14\" height=\"14\"/><text class=\"label\" x=\"{}\" y=\"{}\">{}</text>",
            colour(n),
            x + 20,
            y + 12,
            esc(&truncate(n, 24))
        );
    }
    out.push_str("</svg>");
    out
}

/// Who talks to whom: characters on a circle, lines as thick as the number of lines spoken.
fn network(talk: &[TalkRow]) -> String {
    let mut weight: BTreeMap<&str, u64> = BTreeMap::new();
    for t in talk {
        *weight.entry(&t.from).or_default() += t.lines;
        *weight.entry(&t.to).or_default() += t.lines;
    }
    let mut nodes: Vec<(&str, u64)> = weight.into_iter().collect();
    nodes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    nodes.truncate(MAX_NETWORK_NODES);
    let mut out = String::new();
    svg_open(
        &mut out,
        "network",
        600,
        420,
        "Who talks to whom",
        &format!(
            "{} characters placed on a circle; a line joins two who speak to each other, thicker for more lines. The table gives each direction.",
            nodes.len()
        ),
    );
    if nodes.is_empty() {
        out.push_str("<text class=\"label\" x=\"10\" y=\"30\">No dialogue with a known addressee.</text></svg>");
        return out;
    }
    let n = nodes.len();
    let pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
            (300.0 + 150.0 * a.cos(), 210.0 + 150.0 * a.sin())
        })
        .collect();
    let index = |name: &str| nodes.iter().position(|(n, _)| *n == name);
    let mut pairs: BTreeMap<(usize, usize), u64> = BTreeMap::new();
    for t in talk {
        if let (Some(a), Some(b)) = (index(&t.from), index(&t.to)) {
            *pairs.entry((a.min(b), a.max(b))).or_default() += t.lines;
        }
    }
    let max = pairs.values().copied().max().unwrap_or(1).max(1);
    for ((a, b), lines) in &pairs {
        let w = 1.0 + 9.0 * *lines as f64 / max as f64;
        let _ = write!(
            out,
            "<line class=\"edge\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke-width=\"{w:.1}\"><title>{} and {}: {lines} lines</title></line>",
            pos[*a].0,
            pos[*a].1,
            pos[*b].0,
            pos[*b].1,
            esc(nodes[*a].0),
            esc(nodes[*b].0)
        );
    }
    for (i, (name, _)) in nodes.iter().enumerate() {
        let (x, y) = pos[i];
        let anchor = if x < 290.0 {
            "end"
        } else if x > 310.0 {
            "start"
        } else {
            "middle"
        };
        let dx = if x < 290.0 {
            -16.0
        } else if x > 310.0 {
            16.0
        } else {
            0.0
        };
        let dy = if (x - 300.0).abs() <= 10.0 {
            if y < 210.0 { -16.0 } else { 24.0 }
        } else {
            5.0
        };
        let _ = write!(
            out,
            "<circle class=\"c{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"11\"/><text class=\"label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
            i % PALETTE,
            x + dx,
            y + dy,
            esc(&truncate(name, 20))
        );
    }
    out.push_str("</svg>");
    out
}

/// Horizontal bars of relationship scores.
fn relationship_chart(rels: &[(String, String, f64)]) -> String {
    let rows: Vec<_> = rels.iter().take(10).collect();
    let height = 20 + 26 * rows.len().max(1) as u32;
    let mut out = String::new();
    svg_open(
        &mut out,
        "relationships",
        600,
        height,
        "Relationships found in the story",
        &format!(
            "Bar chart of the {} strongest relationships by score; the table gives the numbers.",
            rows.len()
        ),
    );
    let max = rows
        .iter()
        .map(|r| r.2)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    for (i, (a, b, score)) in rows.iter().enumerate() {
        let y = 10 + 26 * i as u32;
        let w = (score / max * 300.0).max(1.0);
        let _ = write!(
            out,
            "<text class=\"label\" x=\"230\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"c{}\" x=\"240\" y=\"{y}\" width=\"{w:.1}\" height=\"18\"/>\
             <text class=\"value\" x=\"{:.1}\" y=\"{}\">{score:.2}</text>",
            y + 14,
            esc(&truncate(&format!("{a} & {b}"), 34)),
            i % PALETTE,
            240.0 + w + 6.0,
            y + 14
        );
    }
    if rows.is_empty() {
        out.push_str("<text class=\"label\" x=\"10\" y=\"30\">No relationships found.</text>");
    }
    out.push_str("</svg>");
    out
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut t: String = text.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ficarchive_model::{Chapter, Paragraph};
    use serde_json::json;

    fn work() -> Work {
        Work {
            chapters: vec![
                Chapter::from_paragraphs(1, None, vec![Paragraph::plain("a")]),
                Chapter::from_paragraphs(2, None, vec![Paragraph::plain("b")]),
            ],
            ..Work::default()
        }
    }

    fn analysis() -> Value {
        json!({
            "characters": [
                {"name": "Buffy", "aliases": ["Buffy", "Buffy Summers"], "mentions": 40, "quotes": 3},
                {"name": "Spike", "aliases": ["William"], "mentions": 30, "quotes": 1},
                {"name": "<script>alert(1)</script>", "aliases": [], "mentions": 1, "quotes": 0}
            ],
            "relationships": [{"characters": ["Buffy", "Spike"], "score": 0.8}],
            "scenes": [
                {"chapter": 1, "span": [0, 10], "person": "third", "pov": "Buffy"},
                {"chapter": 1, "span": [10, 20], "person": "third", "pov": "Spike"},
                {"chapter": 2, "span": [20, 30], "person": "first", "pov": null}
            ],
            "quotes": [
                {"span": [1, 5], "text": "Hello there, Spike.", "speaker": "Buffy", "addressee": "Spike"},
                {"span": [6, 9], "text": "Slayer.", "speaker": "Spike", "addressee": "Buffy"},
                {"span": [6, 9], "text": "Go away now.", "speaker": "Buffy", "addressee": "Spike"},
                {"span": [6, 9], "text": "Who said that?", "speaker": null, "addressee": null}
            ]
        })
    }

    #[test]
    fn dialogue_share_is_by_words_of_attributed_quotes() {
        let i = Insight::from_analysis(&work(), &analysis());
        assert_eq!(i.characters[0].name, "Buffy");
        assert_eq!(i.characters[0].lines, 2);
        assert_eq!(i.characters[0].words, 6);
        assert_eq!(i.characters[0].share, "85.7 %");
        assert_eq!(i.characters[1].share, "14.3 %");
        assert_eq!(i.characters[0].aliases, "Buffy Summers");
        assert_eq!(i.total_quotes, 4);
    }

    #[test]
    fn one_off_voices_share_one_row_and_stay_out_of_the_talk() {
        let mut a = analysis();
        a["characters"].as_array_mut().unwrap().extend([
            json!({"name": "another", "aliases": [], "mentions": 0, "quotes": 1, "voice": true}),
            json!({"name": "a thin elderly gentleman", "aliases": [], "mentions": 0, "quotes": 1, "voice": true}),
        ]);
        a["quotes"].as_array_mut().unwrap().extend([
            json!({"span": [9, 9], "text": "Not so.", "speaker": "another", "addressee": "Buffy"}),
            json!({"span": [9, 9], "text": "Indeed.", "speaker": "a thin elderly gentleman", "addressee": null}),
        ]);
        let i = Insight::from_analysis(&work(), &a);
        let names: Vec<&str> = i.characters.iter().map(|c| c.name.as_str()).collect();
        assert!(!names.contains(&"another"), "{names:?}");
        let pooled = i
            .characters
            .iter()
            .find(|c| c.name == UNNAMED_VOICES)
            .unwrap();
        assert_eq!((pooled.lines, pooled.words), (2, 3));
        assert!(
            i.talk
                .iter()
                .all(|t| t.from != UNNAMED_VOICES && t.from != "another")
        );
    }

    #[test]
    fn talk_pov_and_relationships_are_read() {
        let i = Insight::from_analysis(&work(), &analysis());
        assert_eq!(i.talk.len(), 2);
        assert_eq!(
            (
                i.talk[0].from.as_str(),
                i.talk[0].to.as_str(),
                i.talk[0].lines
            ),
            ("Buffy", "Spike", 2)
        );
        assert_eq!(i.pov.len(), 3);
        assert_eq!((i.pov[1].chapter, i.pov[1].scene), (1, 2));
        assert_eq!(i.pov[2].pov, "unknown");
        assert_eq!(i.relationships[0].score, "0.80");
        assert!(i.network_svg.contains("<line"));
        assert!(i.pov_svg.contains("Ch. 2"));
    }

    #[test]
    fn hostile_names_are_escaped_in_svg() {
        let mut a = analysis();
        a["quotes"][0]["speaker"] = json!("<script>alert(1)</script>");
        let i = Insight::from_analysis(&work(), &a);
        for svg in [
            &i.dialogue_svg,
            &i.network_svg,
            &i.pov_svg,
            &i.relationships_svg,
        ] {
            assert!(!svg.contains("<script"), "{svg}");
        }
        assert!(i.dialogue_svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn empty_or_odd_analysis_gives_empty_pictures() {
        for a in [
            json!({}),
            json!({"characters": "nope", "quotes": [1, 2]}),
            json!(null),
        ] {
            let i = Insight::from_analysis(&work(), &a);
            assert!(i.characters.is_empty());
            assert!(i.dialogue_svg.starts_with("<svg"));
            assert!(i.network_svg.ends_with("</svg>"));
        }
    }
}
