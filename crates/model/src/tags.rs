use serde::{Deserialize, Serialize};

/// The kinds of tag AO3 knows; each tag on a work has exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TagKind {
    /// The source the work is fan fiction of.
    Fandom,
    /// A pairing or friendship: "Buffy Summers/Spike", "Buffy & Willow".
    Relationship,
    /// A character who appears.
    Character,
    /// Any other tag ("Angst", "Alternate Universe").
    Freeform,
    /// The audience rating.
    Rating,
    /// An archive warning.
    Warning,
    /// A category: F/F, F/M, Gen, M/M, Multi, Other.
    Category,
}

impl TagKind {
    /// Every kind, in the order AO3 lists them on a work.
    pub const ALL: [TagKind; 7] = [
        TagKind::Rating,
        TagKind::Warning,
        TagKind::Category,
        TagKind::Fandom,
        TagKind::Relationship,
        TagKind::Character,
        TagKind::Freeform,
    ];

    /// The stable lower-case name used in storage, URLs and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            TagKind::Fandom => "fandom",
            TagKind::Relationship => "relationship",
            TagKind::Character => "character",
            TagKind::Freeform => "freeform",
            TagKind::Rating => "rating",
            TagKind::Warning => "warning",
            TagKind::Category => "category",
        }
    }

    /// Parses [`TagKind::as_str`] output (and the plural forms used in the JSON contract).
    pub fn parse(name: &str) -> Option<TagKind> {
        let name = name.trim().to_ascii_lowercase();
        let name = name.strip_suffix('s').unwrap_or(&name);
        Some(match name {
            "fandom" => TagKind::Fandom,
            "relationship" | "pairing" | "ship" => TagKind::Relationship,
            "character" => TagKind::Character,
            "freeform" | "additional_tag" | "additional tag" => TagKind::Freeform,
            "rating" => TagKind::Rating,
            "warning" | "archive_warning" => TagKind::Warning,
            "category" | "categorie" => TagKind::Category,
            _ => return None,
        })
    }
}

/// AO3's five ratings. Other archives' ratings (FFN's K/K+/T/M/MA, film ratings) map onto them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    /// General Audiences.
    General,
    /// Teen And Up Audiences.
    Teen,
    /// Mature.
    Mature,
    /// Explicit.
    Explicit,
    /// Not Rated.
    NotRated,
}

impl Rating {
    /// Every rating, mildest first.
    pub const ALL: [Rating; 5] = [
        Rating::General,
        Rating::Teen,
        Rating::Mature,
        Rating::Explicit,
        Rating::NotRated,
    ];

    /// AO3's label for the rating.
    pub fn label(self) -> &'static str {
        match self {
            Rating::General => "General Audiences",
            Rating::Teen => "Teen And Up Audiences",
            Rating::Mature => "Mature",
            Rating::Explicit => "Explicit",
            Rating::NotRated => "Not Rated",
        }
    }

    /// Recognises AO3 labels and the ratings other archives and authors write.
    pub fn parse(raw: &str) -> Option<Rating> {
        let key: String = raw
            .trim()
            .trim_end_matches('.')
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
            .collect::<String>()
            .to_ascii_lowercase();
        Some(match key.as_str() {
            "generalaudiences" | "general" | "g" | "k" | "k+" | "gen" | "pg" | "fictionratedk"
            | "fictionratedk+" | "allages" | "everyone" => Rating::General,
            "teenandupaudiences" | "teen" | "teens" | "t" | "pg13" | "fictionratedt" | "13+" => {
                Rating::Teen
            }
            "mature" | "m" | "r" | "fictionratedm" | "16+" | "17+" => Rating::Mature,
            "explicit" | "e" | "ma" | "nc17" | "x" | "xxx" | "18+" | "adult" | "fictionratedma" => {
                Rating::Explicit
            }
            "notrated" | "unrated" | "none" => Rating::NotRated,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Rating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl Serialize for Rating {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Rating::parse(&raw)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rating {raw:?}")))
    }
}

/// A work's tags, grouped by kind, each list in the order the source gave it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Tags {
    /// Fandoms.
    pub fandoms: Vec<String>,
    /// Relationships as written ("Buffy/Angel").
    pub relationships: Vec<String>,
    /// Characters.
    pub characters: Vec<String>,
    /// Additional (freeform) tags.
    pub freeform: Vec<String>,
    /// The rating, when the source gives one.
    pub rating: Option<Rating>,
    /// Archive warnings.
    pub warnings: Vec<String>,
    /// Categories (F/F, F/M, Gen, M/M, Multi, Other).
    pub categories: Vec<String>,
}

impl Tags {
    /// The list of tags of one kind (the rating as a one-element list).
    pub fn of_kind(&self, kind: TagKind) -> Vec<&str> {
        match kind {
            TagKind::Fandom => self.fandoms.iter().map(String::as_str).collect(),
            TagKind::Relationship => self.relationships.iter().map(String::as_str).collect(),
            TagKind::Character => self.characters.iter().map(String::as_str).collect(),
            TagKind::Freeform => self.freeform.iter().map(String::as_str).collect(),
            TagKind::Warning => self.warnings.iter().map(String::as_str).collect(),
            TagKind::Category => self.categories.iter().map(String::as_str).collect(),
            TagKind::Rating => self.rating.map(Rating::label).into_iter().collect(),
        }
    }

    /// Every tag with its kind, in AO3's display order.
    pub fn iter(&self) -> impl Iterator<Item = (TagKind, &str)> + '_ {
        TagKind::ALL
            .into_iter()
            .flat_map(move |k| self.of_kind(k).into_iter().map(move |t| (k, t)))
    }

    /// Adds a tag of `kind` unless it is empty or already present (case-insensitively).
    /// A rating that cannot be recognised is kept as a freeform tag so that nothing is lost.
    pub fn add(&mut self, kind: TagKind, tag: &str) {
        let tag = tag.trim();
        if tag.is_empty() {
            return;
        }
        let list = match kind {
            TagKind::Fandom => &mut self.fandoms,
            TagKind::Relationship => &mut self.relationships,
            TagKind::Character => &mut self.characters,
            TagKind::Freeform => &mut self.freeform,
            TagKind::Warning => &mut self.warnings,
            TagKind::Category => &mut self.categories,
            TagKind::Rating => {
                match Rating::parse(tag) {
                    Some(r) => self.rating = Some(r),
                    None => self.add(TagKind::Freeform, &format!("Rating: {tag}")),
                }
                return;
            }
        };
        if !list.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            list.push(tag.to_string());
        }
    }

    /// True when no tag of any kind is set.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_from_other_archives_map_to_ao3() {
        assert_eq!(Rating::parse("Teen And Up Audiences"), Some(Rating::Teen));
        assert_eq!(Rating::parse("PG-13"), Some(Rating::Teen));
        assert_eq!(Rating::parse("K+"), Some(Rating::General));
        assert_eq!(Rating::parse("NC-17"), Some(Rating::Explicit));
        assert_eq!(Rating::parse("M"), Some(Rating::Mature));
        assert_eq!(Rating::parse("banana"), None);
    }

    #[test]
    fn add_dedups_and_keeps_unknown_ratings() {
        let mut t = Tags::default();
        t.add(TagKind::Fandom, "Buffy the Vampire Slayer");
        t.add(TagKind::Fandom, "buffy the vampire slayer");
        t.add(TagKind::Rating, "weird");
        t.add(TagKind::Rating, "R");
        assert_eq!(t.fandoms.len(), 1);
        assert_eq!(t.rating, Some(Rating::Mature));
        assert_eq!(t.freeform, vec!["Rating: weird"]);
        let kinds: Vec<_> = t.iter().map(|(k, _)| k).collect();
        assert_eq!(
            kinds,
            vec![TagKind::Rating, TagKind::Fandom, TagKind::Freeform]
        );
    }

    #[test]
    fn kind_names_round_trip() {
        for k in TagKind::ALL {
            assert_eq!(TagKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(TagKind::parse("Relationships"), Some(TagKind::Relationship));
    }
}
