//! Closed word lists of English: pronouns, speech verbs, function words. These are properties of the
//! language, not of any text, so the analysis stays general.

/// Lower-cases an ASCII-ish word into `buf` and returns it (non-ASCII letters are lowered too).
pub(crate) fn lower<'a>(word: &str, buf: &'a mut String) -> &'a str {
    buf.clear();
    if word.is_ascii() {
        // the common case: one copy and an in-place lower-casing, no per-char iteration
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return buf.as_str();
    }
    for c in word.chars() {
        if c == '’' {
            buf.push('\'');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    buf.as_str()
}

/// Verbs that introduce or tag direct speech.
pub(crate) fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "say" | "asked" | "asks" | "replied" | "replies" | "answered" | "answers"
            | "murmured" | "muttered" | "mumbled" | "whispered" | "shouted" | "yelled" | "cried"
            | "called" | "added" | "continued" | "insisted" | "interrupted" | "snapped" | "spat"
            | "growled" | "hissed" | "sighed" | "laughed" | "exclaimed" | "demanded" | "began"
            | "repeated" | "responded" | "retorted" | "suggested" | "admitted" | "agreed" | "explained"
            | "declared" | "observed" | "remarked" | "returned" | "rejoined" | "inquired" | "enquired"
            | "pleaded" | "begged" | "breathed" | "groaned" | "grumbled" | "stammered" | "stuttered"
            | "screamed" | "sobbed" | "teased" | "warned" | "whined" | "protested" | "persisted"
            | "urged" | "announced" | "offered" | "conceded" | "corrected" | "noted" | "told"
            | "thought" | "wondered" | "chuckled" | "snorted" | "drawled" | "purred" | "barked"
            | "indulged" | "cut" | "went" | "put" | "joked" | "sneered" | "queried" | "mused"
            | "ventured" | "assured" | "confessed" | "concluded" | "commented" | "blurted"
            | "gasped" | "moaned" | "roared" | "shrieked" | "squeaked" | "stated" | "quoth"
            | "smiled" | "grinned" | "nodded" | "shrugged"
    )
}

/// Verbs of perception and cognition: their subject is usually the point-of-view character.
pub(crate) fn is_cognition_verb(w: &str) -> bool {
    matches!(
        w,
        "thought" | "knew" | "felt" | "wondered" | "realized" | "realised" | "hoped" | "wanted"
            | "remembered" | "decided" | "understood" | "saw" | "heard" | "noticed" | "feared"
            | "believed" | "smelled" | "smelt" | "tasted" | "watched" | "expected" | "sensed"
            | "wished" | "needed" | "recalled" | "considered" | "imagined" | "doubted" | "suspected"
            | "worried" | "forgot" | "forced" | "let" | "tried" | "couldn't" | "could" | "didn't"
            | "wasn't" | "hadn't" | "loved" | "hated" | "missed" | "guessed" | "supposed"
    )
}

/// Third-person singular pronouns and their gender (true = feminine).
pub(crate) fn gendered_pronoun(w: &str) -> Option<(bool, PronounCase)> {
    Some(match w {
        "he" | "he'd" | "he's" | "he'll" => (false, PronounCase::Subject),
        "him" | "himself" => (false, PronounCase::Object),
        "his" => (false, PronounCase::Possessive),
        "she" | "she'd" | "she's" | "she'll" => (true, PronounCase::Subject),
        "herself" => (true, PronounCase::Object),
        "her" => (true, PronounCase::Possessive),
        "hers" => (true, PronounCase::Object),
        _ => return None,
    })
}

/// The grammatical role a pronoun form shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum PronounCase {
    /// he, she.
    Subject,
    /// him, herself.
    Object,
    /// his, her (ambiguous with object for "her").
    Possessive,
}

/// First-person singular pronouns (narration in the first person).
pub(crate) fn is_first_person(w: &str) -> bool {
    matches!(
        w,
        "i" | "me" | "my" | "mine" | "myself" | "i'm" | "i'd" | "i've" | "i'll"
    )
}

/// Second-person pronouns.
pub(crate) fn is_second_person(w: &str) -> bool {
    matches!(w, "you" | "your" | "yours" | "yourself" | "you're" | "you'd" | "you've" | "you'll")
}

/// Capitalised words that are never character names: function words that start sentences,
/// interjections, days, months, titles of address on their own.
pub(crate) fn is_non_name(w: &str) -> bool {
    matches!(
        w,
        "i" | "a" | "an" | "the" | "and" | "but" | "or" | "nor" | "so" | "yet" | "for" | "if"
            | "then" | "when" | "while" | "as" | "at" | "by" | "in" | "on" | "of" | "to" | "from"
            | "with" | "without" | "into" | "onto" | "up" | "down" | "out" | "over" | "under"
            | "after" | "before" | "since" | "until" | "though" | "although" | "because" | "once"
            | "he" | "she" | "it" | "we" | "they" | "you" | "his" | "her" | "its" | "our" | "their"
            | "your" | "my" | "me" | "him" | "us" | "them" | "this" | "that" | "these" | "those"
            | "there" | "here" | "what" | "who" | "whom" | "whose" | "which" | "where" | "why"
            | "how" | "not" | "no" | "yes" | "oh" | "ah" | "well" | "okay" | "ok" | "hey" | "hi"
            | "hello" | "please" | "thanks" | "god" | "lord" | "sir" | "madam" | "mr" | "mrs" | "ms"
            | "miss" | "dr" | "mister" | "chapter" | "part" | "book" | "volume" | "monday"
            | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january"
            | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september"
            | "october" | "november" | "december" | "all" | "some" | "any" | "every" | "each"
            | "one" | "two" | "three" | "another" | "other" | "both" | "either" | "neither"
            | "just" | "even" | "still" | "maybe" | "perhaps" | "now" | "never" | "always"
            | "only" | "very" | "too" | "also" | "again" | "do" | "does" | "did" | "don't"
            | "can't" | "won't" | "i'm" | "i'll" | "i've" | "i'd" | "it's" | "that's" | "what's"
            | "let" | "let's" | "come" | "go" | "look" | "get" | "wait" | "stop" | "sorry"
            | "good" | "great" | "right" | "fine" | "sure" | "dear" | "darling" | "english"
            | "french" | "american" | "british" | "christmas" | "a/n" | "an/n" | "ok." | "hmm"
            | "uh" | "um" | "damn" | "hell" | "christ" | "jesus" | "wow" | "whoa" | "mmm" | "huh"
            | "nothing" | "something" | "everything" | "anything" | "everyone" | "someone"
            | "anyone" | "nobody" | "somebody" | "everybody" | "like" | "instead" | "besides"
            | "meanwhile" | "later" | "soon" | "finally" | "suddenly" | "outside" | "inside"
            | "through" | "against" | "about" | "around" | "behind" | "beside" | "between"
            | "beyond" | "during" | "except" | "near" | "off" | "past" | "toward" | "towards"
            | "upon" | "within" | "unsure" | "almost" | "remaining" | "surprised" | "swallowing"
            | "muttering" | "head" | "hands" | "blue" | "strange" | "realization" | "should"
            | "could" | "would" | "can" | "will" | "must" | "shall" | "might" | "was" | "were"
            | "is" | "are" | "be" | "been" | "had" | "has" | "have" | "said" | "tell" | "see"
            | "know" | "think" | "take" | "give" | "make" | "why's" | "where's" | "who's"
            | "there's" | "here's" | "how's" | "isn't" | "didn't" | "wasn't" | "couldn't"
            | "wouldn't" | "shouldn't" | "haven't" | "hadn't" | "aren't" | "weren't" | "doesn't"
            | "we're" | "they're" | "you're" | "we'll" | "they'll" | "you'll" | "we've"
            | "they've" | "you've" | "we'd" | "they'd" | "you'd" | "he's" | "she's" | "he'd"
            | "she'd" | "he'll" | "she'll" | "first" | "last" | "next" | "many" | "much" | "more"
            | "most" | "few" | "less" | "such" | "own" | "same" | "new" | "old" | "little"
            | "big" | "long" | "whatever" | "whoever" | "wherever" | "whenever" | "however"
            | "therefore" | "thus" | "hence" | "indeed" | "certainly" | "surely" | "really"
            | "quite" | "rather" | "far" | "enough" | "ever" | "often" | "sometimes" | "already"
            | "together" | "today" | "tonight" | "tomorrow" | "yesterday" | "mom" | "mum" | "dad"
            | "mother" | "father" | "sister" | "brother" | "aunt" | "uncle" | "grandma"
            | "grandpa" | "the end" | "end" | "fin" | "tbc" | "epilogue" | "prologue" | "summary"
            | "rating" | "disclaimer" | "note" | "notes" | "author" | "pairing" | "warning"
            | "warnings" | "title" | "fandom" | "words"
    )
}

/// Honorifics before a name and the gender they show (None: either).
pub(crate) fn honorific(w: &str) -> Option<Option<bool>> {
    Some(match w.trim_end_matches('.') {
        "mr" | "mister" | "sir" | "lord" | "master" | "king" | "prince" | "father" | "brother"
        | "uncle" | "count" | "duke" | "baron" => Some(false),
        "mrs" | "miss" | "ms" | "lady" | "madame" | "madam" | "mme" | "queen" | "princess"
        | "mother" | "sister" | "aunt" | "duchess" | "countess" | "dame" => Some(true),
        "dr" | "doctor" | "professor" | "prof" | "captain" | "capt" | "colonel" | "col"
        | "general" | "major" | "lieutenant" | "sergeant" | "judge" | "mayor" | "reverend"
        | "rev" | "saint" | "st" | "agent" | "detective" | "officer" | "president" | "senator" => None,
        _ => return None,
    })
}

/// Role nouns that, capitalised after "the", name a person ("the Mayor", "the Master").
pub(crate) fn is_role_noun(w: &str) -> bool {
    honorific(w).is_some()
        || matches!(
            w,
            "slayer" | "watcher" | "emperor" | "empress" | "doctor" | "chief" | "boss" | "pope"
                | "bishop" | "abbot" | "squire" | "colonel" | "governor" | "sheriff" | "witch"
                | "wizard" | "magician" | "oracle" | "prophet" | "general" | "admiral" | "chancellor"
                | "commander" | "inspector" | "professor" | "headmaster" | "headmistress"
        )
}

/// Person nouns that can stand for a character in a speech tag ("the brunette asked").
pub(crate) fn is_person_noun(w: &str) -> bool {
    is_role_noun(w)
        || matches!(
            w,
            "man" | "woman" | "boy" | "girl" | "child" | "kid" | "lady" | "gentleman" | "stranger"
                | "brunette" | "blonde" | "blond" | "redhead" | "vampire" | "vamp" | "demon"
                | "soldier" | "guard" | "officer" | "friend" | "teenager" | "youth" | "elder"
                | "older" | "younger" | "other" | "former" | "latter" | "sire" | "childe"
                | "grandsire" | "grandchilde" | "lover" | "wife" | "husband" | "father" | "mother"
                | "son" | "daughter" | "brother" | "sister" | "uncle" | "aunt" | "nurse" | "servant"
                | "maid" | "butler" | "driver" | "captain" | "doctor" | "priest" | "old" | "young"
                | "fellow" | "lad" | "lass" | "host" | "hostess" | "visitor" | "newcomer" | "warrior"
                | "hunter" | "king" | "queen" | "prince" | "princess" | "knight" | "wizard" | "witch"
        )
}

/// Prepositions that put a following name in a place slot ("in Sunnydale").
pub(crate) fn is_place_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "from" | "into" | "near" | "through" | "across" | "around" | "toward"
            | "towards" | "outside" | "inside" | "within" | "reach" | "leave" | "leaving"
            | "visit" | "visited"
    )
}

/// Words after which a sentence cannot naturally end: a full stop after them suggests a lost ellipsis.
pub(crate) fn is_dangling_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "the" | "and" | "but" | "or" | "nor" | "of" | "to" | "in" | "on" | "at"
            | "with" | "for" | "from" | "by" | "into" | "if" | "because" | "my" | "your" | "his"
            | "her" | "their" | "our" | "its" | "even" | "than"
    )
}

/// Words that suggest romantic or intimate interaction between characters in the same paragraph.
pub(crate) fn is_romance_word(w: &str) -> bool {
    matches!(
        w,
        "kiss" | "kissed" | "kisses" | "kissing" | "love" | "loved" | "loves" | "lover" | "lovers"
            | "embrace" | "embraced" | "caress" | "caressed" | "lips" | "heart" | "hug" | "hugged"
            | "cuddled" | "darling" | "sweetheart" | "luv" | "pet" | "honey" | "bed" | "naked"
            | "desire" | "longing" | "tender" | "tenderly" | "romantic" | "date" | "dating"
            | "relationship" | "boyfriend" | "girlfriend" | "married" | "marry" | "wedding"
            | "ring" | "breakup" | "jealous" | "flirt" | "flirted" | "blush" | "blushed"
            | "passion" | "passionate" | "intimate" | "sex" | "moan" | "moaned"
    )
}

/// The gender a person noun implies ("father" male, "girl" female), if any.
pub(crate) fn person_noun_gender(w: &str) -> Option<bool> {
    match w {
        "man" | "boy" | "gentleman" | "husband" | "father" | "son" | "brother" | "uncle" | "king"
        | "prince" | "lad" | "fellow" | "butler" | "priest" | "host" | "sir" | "lord" | "duke"
        | "grandfather" | "nephew" | "papa" | "master" | "mister" | "monk" | "knight" => Some(false),
        "woman" | "girl" | "lady" | "wife" | "mother" | "daughter" | "sister" | "aunt" | "queen"
        | "princess" | "lass" | "maid" | "hostess" | "nurse" | "grandmother" | "niece" | "mama"
        | "mistress" | "madam" | "nun" | "widow" => Some(true),
        _ => None,
    }
}
