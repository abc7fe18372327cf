//! Closed word lists of English: pronouns, speech verbs, function words. These are properties of the
//! language, not of any text, so the analysis stays general.

/// Lower-cases an ASCII-ish word (non-ASCII letters are lowered too, a curly apostrophe becomes a
/// straight one): a word of ASCII without a capital is returned as it is, any other is lowered
/// into `buf` (most words asked about are lower case already: the copy cost more than the checks
/// that read them).
pub(crate) fn lower<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word.bytes().all(|b| b < 0x80 && !b.is_ascii_uppercase()) {
        return word;
    }
    lower_into(word, buf)
}

/// Lower-cases a word into `buf` as [`lower`] does, always copying it, and returns it.
pub(crate) fn lower_into<'a>(word: &str, buf: &'a mut String) -> &'a str {
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
        "said"
            | "says"
            | "say"
            | "sang"
            | "sings"
            // older novels' tag verbs
            | "interposed"
            | "resumed"
            | "pursued"
            | "faltered"
            | "echoed"
            | "commanded"
            | "ordered"
            | "assented"
            | "objected"
            | "grunted"
            | "bellowed"
            | "wailed"
            | "reasoned"
            | "piped"
            | "chimed"
            | "volunteered"
            | "proclaimed"
            | "questioned"
            | "countered"
            | "asked"
            | "asks"
            | "replied"
            | "replies"
            | "answered"
            | "answers"
            | "murmured"
            | "muttered"
            | "mumbled"
            | "whispered"
            | "shouted"
            | "yelled"
            | "cried"
            | "called"
            | "added"
            | "continued"
            | "insisted"
            | "interrupted"
            | "snapped"
            | "spat"
            | "growled"
            | "hissed"
            | "sighed"
            | "laughed"
            | "exclaimed"
            | "demanded"
            | "began"
            | "repeated"
            | "responded"
            | "retorted"
            | "suggested"
            | "admitted"
            | "agreed"
            | "explained"
            | "declared"
            | "observed"
            | "remarked"
            | "returned"
            | "rejoined"
            | "inquired"
            | "enquired"
            | "pleaded"
            | "begged"
            | "breathed"
            | "groaned"
            | "grumbled"
            | "stammered"
            | "stuttered"
            | "screamed"
            | "sobbed"
            | "teased"
            | "warned"
            | "whined"
            | "protested"
            | "persisted"
            | "urged"
            | "announced"
            | "offered"
            | "conceded"
            | "corrected"
            | "noted"
            | "told"
            | "thought"
            | "wondered"
            | "chuckled"
            | "snorted"
            | "drawled"
            | "purred"
            | "barked"
            | "indulged"
            | "cut"
            // "broke in a thin, elderly gentleman"
            | "broke"
            | "went"
            | "put"
            | "joked"
            | "sneered"
            | "queried"
            | "mused"
            | "ventured"
            | "assured"
            | "confessed"
            | "concluded"
            | "commented"
            | "blurted"
            | "gasped"
            | "moaned"
            | "roared"
            | "shrieked"
            | "squeaked"
            | "stated"
            | "quoth"
            | "lamented"
            | "scoffed"
            | "proposed"
            | "asserted"
            | "challenged"
            | "spoke"
            | "acknowledged"
            | "reminded"
            | "hinted"
            | "whimpered"
            | "thundered"
            | "jeered"
            | "smiled"
            | "grinned"
            | "nodded"
            | "shrugged"
    )
}

/// Verbs that follow their subject to tell of speech beside the speech tags proper ("Ann
/// answered him at last.", "He called across the yard.").
pub(crate) fn is_narrated_speech_verb(w: &str) -> bool {
    is_speech_verb(w)
        || matches!(
            w,
            "answered"
                | "replied"
                | "asked"
                | "cried"
                | "exclaimed"
                | "whispered"
                | "muttered"
                | "added"
                | "continued"
                | "called"
                | "shouted"
                | "began"
        )
}

/// Verbs of perception and cognition: their subject is usually the point-of-view character.
pub(crate) fn is_cognition_verb(w: &str) -> bool {
    matches!(
        w,
        "thought"
            | "knew"
            | "felt"
            | "wondered"
            | "realized"
            | "realised"
            | "hoped"
            | "wanted"
            | "remembered"
            | "decided"
            | "understood"
            | "saw"
            | "heard"
            | "noticed"
            | "feared"
            | "believed"
            | "smelled"
            | "smelt"
            | "tasted"
            | "watched"
            | "expected"
            | "sensed"
            | "wished"
            | "needed"
            | "recalled"
            | "considered"
            | "imagined"
            | "doubted"
            | "suspected"
            | "worried"
            | "forgot"
            | "forced"
            | "let"
            | "tried"
            | "couldn't"
            | "could"
            | "didn't"
            | "wasn't"
            | "hadn't"
            | "loved"
            | "hated"
            | "missed"
            | "guessed"
            | "supposed"
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
    matches!(
        w,
        "you" | "your" | "yours" | "yourself" | "you're" | "you'd" | "you've" | "you'll"
    )
}

/// Capitalised words that are never character names: function words that start sentences,
/// interjections, days, months, titles of address on their own.
/// A capitalised word that opens a quotation before a comma without naming anyone: a greeting
/// ("Morning, John.") or a manner adverb ("Gently, Naruto."), told by its "-ly" after a consonant
/// other than l or r, which given names ending in "ly" have ("Emily", "Kelly", "Beverly"), or its
/// "-ally" in a word longer than "Sally".
pub(crate) fn is_greeting_or_adverb(w: &str) -> bool {
    let adverb = w.len() >= 5
        && w.strip_suffix("ly").is_some_and(|stem| {
            (stem.ends_with("al") && w.len() >= 6)
                || stem
                    .chars()
                    .next_back()
                    .is_some_and(|c| !"aeiouylr".contains(c) && c.is_ascii_lowercase())
        });
    adverb
        || matches!(
            w,
            "morning"
                | "evening"
                | "afternoon"
                | "night"
                | "goodnight"
                | "hello"
                | "hi"
                | "hey"
                | "bye"
                | "goodbye"
                | "thanks"
                | "cheers"
                | "sorry"
                | "please"
                | "welcome"
                | "congratulations"
        )
}

pub(crate) fn is_non_name(w: &str) -> bool {
    matches!(
        w,
        "i" | "a"
            | "an"
            | "the"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "so"
            | "yet"
            | "for"
            | "if"
            | "then"
            | "when"
            | "while"
            | "as"
            | "at"
            | "by"
            | "in"
            | "on"
            | "of"
            | "to"
            | "from"
            | "with"
            | "without"
            | "into"
            | "onto"
            | "up"
            | "down"
            | "out"
            | "over"
            | "under"
            | "after"
            | "before"
            | "since"
            | "until"
            | "though"
            | "although"
            | "because"
            | "once"
            | "he"
            | "she"
            | "it"
            | "we"
            | "they"
            | "you"
            | "his"
            | "her"
            | "its"
            | "our"
            | "their"
            | "your"
            | "my"
            | "me"
            | "him"
            | "us"
            | "them"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "what"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "where"
            | "why"
            | "how"
            | "not"
            | "no"
            | "yes"
            | "oh"
            | "ah"
            // interjections open a quotation as a name would ("Hush, hush, my dear!")
            | "hush"
            | "humph"
            | "hem"
            | "pshaw"
            | "alas"
            | "bah"
            | "pooh"
            | "tut"
            | "hallo"
            | "hullo"
            | "halloo"
            | "eh"
            | "aha"
            | "oho"
            | "hark"
            | "hurrah"
            | "hmm"
            | "gosh"
            | "well"
            | "okay"
            | "ok"
            | "yeah"
            | "yep"
            | "nope"
            | "nah"
            | "ugh"
            | "hey"
            | "hi"
            | "hello"
            | "please"
            | "thanks"
            | "god"
            | "lord"
            | "sir"
            | "madam"
            | "mr"
            | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "mister"
            | "chapter"
            | "part"
            | "book"
            | "volume"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mondays"
            | "tuesdays"
            | "wednesdays"
            | "thursdays"
            | "fridays"
            | "saturdays"
            | "sundays"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "all"
            | "some"
            | "any"
            | "every"
            | "each"
            | "one"
            | "two"
            | "three"
            | "another"
            | "other"
            | "both"
            | "either"
            | "neither"
            | "just"
            | "even"
            | "still"
            | "maybe"
            | "perhaps"
            | "now"
            | "never"
            | "always"
            | "only"
            | "very"
            | "too"
            | "also"
            | "again"
            | "do"
            | "does"
            | "did"
            | "don't"
            | "can't"
            | "won't"
            | "i'm"
            | "i'll"
            | "i've"
            | "i'd"
            | "it's"
            | "that's"
            | "what's"
            | "let"
            | "let's"
            | "come"
            | "go"
            | "look"
            | "get"
            | "wait"
            | "stop"
            | "sorry"
            | "good"
            | "great"
            | "right"
            | "fine"
            | "sure"
            | "dear"
            | "darling"
            // generic forms of address ("Welcome, Friend"), never a name
            | "friend"
            | "comrade"
            | "stranger"
            | "sweetheart"
            | "english"
            | "french"
            | "american"
            | "british"
            | "christmas"
            | "a/n"
            | "an/n"
            | "ok."
            | "uh"
            | "um"
            | "damn"
            | "hell"
            | "christ"
            | "jesus"
            | "wow"
            | "whoa"
            | "mmm"
            | "huh"
            | "nothing"
            | "something"
            | "everything"
            | "anything"
            | "everyone"
            | "someone"
            | "anyone"
            | "nobody"
            | "somebody"
            | "everybody"
            | "like"
            | "instead"
            | "besides"
            | "meanwhile"
            | "later"
            | "soon"
            | "finally"
            | "suddenly"
            | "outside"
            | "inside"
            | "through"
            | "against"
            | "about"
            | "around"
            | "behind"
            | "beside"
            | "between"
            | "beyond"
            | "during"
            | "except"
            | "near"
            | "off"
            | "past"
            | "toward"
            | "towards"
            | "upon"
            | "within"
            | "unsure"
            | "almost"
            | "remaining"
            | "surprised"
            | "swallowing"
            | "muttering"
            | "head"
            | "hands"
            | "blue"
            | "strange"
            | "realization"
            | "should"
            | "could"
            | "would"
            | "can"
            | "will"
            | "must"
            | "shall"
            | "might"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "had"
            | "has"
            | "have"
            | "said"
            | "tell"
            | "see"
            | "know"
            | "think"
            | "take"
            | "give"
            | "make"
            | "why's"
            | "where's"
            | "who's"
            | "there's"
            | "here's"
            | "how's"
            | "isn't"
            | "didn't"
            | "wasn't"
            | "couldn't"
            | "wouldn't"
            | "shouldn't"
            | "haven't"
            | "hadn't"
            | "aren't"
            | "weren't"
            | "doesn't"
            | "we're"
            | "they're"
            | "you're"
            | "we'll"
            | "they'll"
            | "you'll"
            | "we've"
            | "they've"
            | "you've"
            | "we'd"
            | "they'd"
            | "you'd"
            | "he's"
            | "she's"
            | "he'd"
            | "she'd"
            | "he'll"
            | "she'll"
            | "first"
            | "last"
            | "next"
            | "many"
            | "much"
            | "more"
            | "most"
            | "few"
            | "less"
            | "such"
            | "own"
            | "same"
            | "new"
            | "old"
            | "little"
            | "big"
            | "long"
            | "whatever"
            | "whoever"
            | "wherever"
            | "whenever"
            | "however"
            | "therefore"
            | "thus"
            | "hence"
            | "indeed"
            | "certainly"
            | "surely"
            | "really"
            | "quite"
            | "rather"
            | "far"
            | "enough"
            | "ever"
            | "often"
            | "sometimes"
            | "already"
            | "together"
            | "today"
            | "tonight"
            | "tomorrow"
            | "yesterday"
            | "mom"
            | "mum"
            | "dad"
            | "mother"
            | "father"
            | "sister"
            | "brother"
            | "aunt"
            | "uncle"
            | "grandma"
            | "grandpa"
            | "the end"
            | "end"
            | "fin"
            | "tbc"
            | "epilogue"
            | "prologue"
            | "summary"
            | "rating"
            | "disclaimer"
            | "note"
            | "notes"
            | "author"
            | "pairing"
            | "warning"
            | "warnings"
            | "title"
            | "fandom"
            | "words"
    )
}

/// The relation a word of address stands for ("papa", "mamma", "uncle", "doctor"): one class
/// for the words that name the same kin or calling, as in "No, papa, nobody thought of your
/// walking." said to the one the narration calls "her father".
pub(crate) fn kin_of_address(w: &str) -> Option<&'static str> {
    Some(match w.trim_end_matches('.') {
        "mother" | "mamma" | "mama" | "mammy" | "mummy" | "mum" | "mom" | "mommy" | "ma" => {
            "mother"
        }
        "father" | "papa" | "pa" | "dad" | "daddy" | "pop" | "poppa" => "father",
        "uncle" => "uncle",
        "aunt" | "auntie" | "aunty" => "aunt",
        "grandmother" | "grandma" | "granny" | "grandmama" | "gran" | "nana" => "grandmother",
        "grandfather" | "grandpa" | "grandad" | "granddad" | "grandpapa" => "grandfather",
        "doctor" | "dr" => "doctor",
        _ => return None,
    })
}

/// Honorifics before a name and the gender they show (None: either).
pub(crate) fn honorific(w: &str) -> Option<Option<bool>> {
    Some(match w.trim_end_matches('.') {
        "mr" | "mister" | "sir" | "lord" | "master" | "king" | "prince" | "father" | "brother"
        | "uncle" | "count" | "duke" | "baron" | "monsieur" | "signor" | "signore" | "senor"
        | "señor" | "herr" | "grandpa" | "grandfather" | "grandad" | "granddad" | "grandpapa"
        | "nonno" | "abuelo" | "earl" | "marquis" | "viscount" => Some(false),
        "mrs" | "miss" | "ms" | "lady" | "madame" | "madam" | "mme" | "queen" | "princess"
        | "mother" | "sister" | "aunt" | "duchess" | "countess" | "dame" | "mademoiselle"
        | "mlle" | "mistress" | "signora" | "signorina" | "senora" | "señora" | "frau"
        | "fräulein" | "fraulein" | "grandma" | "granny" | "grandmother" | "grandmama" | "nana"
        | "gran" | "nonna" | "abuela" | "auntie" | "aunty" | "baroness" | "marchioness" => {
            Some(true)
        }
        "dr" | "doctor" | "professor" | "prof" | "captain" | "capt" | "colonel" | "col"
        | "general" | "major" | "lieutenant" | "sergeant" | "judge" | "mayor" | "reverend"
        | "rev" | "saint" | "st" | "agent" | "detective" | "officer" | "president" | "senator"
        | "cousin" => None,
        _ => return None,
    })
}

/// Role nouns that, capitalised after "the", name a person ("the Mayor", "the Master").
pub(crate) fn is_role_noun(w: &str) -> bool {
    honorific(w).is_some()
        || matches!(
            w,
            "slayer"
                | "watcher"
                | "emperor"
                | "empress"
                | "doctor"
                | "chief"
                | "boss"
                | "pope"
                | "bishop"
                | "abbot"
                | "squire"
                | "colonel"
                | "governor"
                | "sheriff"
                | "witch"
                | "wizard"
                | "magician"
                | "oracle"
                | "prophet"
                | "general"
                | "admiral"
                | "chancellor"
                | "commander"
                | "inspector"
                | "professor"
                | "headmaster"
                | "headmistress"
        )
}

/// Person nouns that can stand for a character in a speech tag ("the brunette asked"), with the
/// compounds of trades: a hyphenated word whose last part is one ("the saloon-keeper", "a
/// dog-doctor", "the washer-woman") and the keepers and makers ("shopkeeper", "dressmaker").
pub(crate) fn is_person_noun(w: &str) -> bool {
    if let Some((_, last)) = w.rsplit_once('-') {
        return !last.is_empty() && is_simple_person_noun(last);
    }
    is_simple_person_noun(w) || (w.len() > 7 && (w.ends_with("keeper") || w.ends_with("maker")))
}

/// The person nouns of one text: those of [`is_person_noun`] and the nouns the text shows
/// speaking in tags ("said the medic"), which the closed list lacks (see `characters::tag_nouns`).
#[derive(Debug, Default)]
pub(crate) struct PersonNouns {
    /// The text's own person nouns, lower case.
    text: crate::hash::HashSet<String>,
    /// One bit per length and first and last byte of those nouns: most words asked about are no
    /// person noun, and this rules out most of them before the set hashes them.
    filter: [u64; 4],
}

impl PersonNouns {
    /// The closed list's person nouns and `text`, the text's own.
    pub(crate) fn new(text: crate::hash::HashSet<String>) -> Self {
        let mut filter = [0; 4];
        for w in &text {
            let bit = Self::filter_bit(w);
            filter[bit >> 6] |= 1 << (bit & 63);
        }
        PersonNouns { text, filter }
    }

    fn filter_bit(w: &str) -> usize {
        let b = w.as_bytes();
        let (first, last) = (b.first().copied(), b.last().copied());
        (usize::from(first.unwrap_or(0)) * 31 + usize::from(last.unwrap_or(0)) * 7 + b.len()) & 255
    }

    /// True for a person noun of the closed list or of this text.
    pub(crate) fn contains(&self, w: &str) -> bool {
        let bit = Self::filter_bit(w);
        is_person_noun(w)
            || (self.filter[bit >> 6] & (1 << (bit & 63)) != 0 && self.text.contains(w))
    }
}

/// Things that speak in tags without being people: "said the voice", "the note said", "the
/// radio said".
pub(crate) fn is_speaking_thing(w: &str) -> bool {
    matches!(
        w,
        "voice"
            | "voices"
            | "note"
            | "letter"
            | "sign"
            | "radio"
            | "intercom"
            | "message"
            | "card"
            | "text"
            | "screen"
            | "computer"
            | "paper"
            | "newspaper"
            | "headline"
            | "label"
            | "tv"
            | "television"
            | "speaker"
            | "machine"
            | "phone"
            | "recording"
            | "book"
            | "page"
            | "inscription"
            | "ship"
            | "system"
            | "announcement"
    )
}

/// Nouns that name a person by the colour of their hair: "the brunette", "the redhead".
pub(crate) fn is_hair_noun(w: &str) -> bool {
    matches!(w, "brunette" | "blonde" | "blond" | "redhead")
}

/// The person nouns of [`is_person_noun`] that are single words.
/// Person nouns that name someone by kind, age or relation ("the vampire", "the older", "the
/// other", "his lover"): heads of the descriptive epithets and simple person nouns alike.
pub(crate) fn is_descriptive_head_noun(w: &str) -> bool {
    matches!(
        w,
        "vampire"
            | "vamp"
            | "demon"
            | "older"
            | "younger"
            | "elder"
            | "other"
            | "former"
            | "latter"
            | "sire"
            | "childe"
            | "grandsire"
            | "grandchilde"
            | "lover"
            | "teenager"
            | "youth"
            | "warrior"
            | "hunter"
            | "friend"
    )
}

fn is_simple_person_noun(w: &str) -> bool {
    is_role_noun(w)
        || is_hair_noun(w)
        || is_descriptive_head_noun(w)
        || matches!(
            w,
            "man"
                | "woman"
                | "boy"
                | "girl"
                | "child"
                | "kid"
                | "lady"
                | "gentleman"
                | "stranger"
                | "soldier"
                | "guard"
                | "officer"
                | "wife"
                | "husband"
                | "father"
                | "mother"
                | "son"
                | "daughter"
                | "brother"
                | "sister"
                | "uncle"
                | "aunt"
                | "nurse"
                | "servant"
                | "maid"
                | "butler"
                | "driver"
                | "captain"
                | "doctor"
                | "priest"
                | "old"
                | "young"
                | "fellow"
                | "lad"
                | "lass"
                | "host"
                | "hostess"
                | "visitor"
                | "newcomer"
                | "king"
                | "queen"
                | "prince"
                | "princess"
                | "knight"
                | "wizard"
                | "witch"
                // roles, trades and kin as older novels name people they never name otherwise
                | "parson"
                | "clergyman"
                | "vicar"
                | "rector"
                | "curate"
                | "minister"
                | "lawyer"
                | "clerk"
                | "merchant"
                | "farmer"
                | "sailor"
                | "landlord"
                | "landlady"
                | "housekeeper"
                | "cook"
                | "coachman"
                | "footman"
                | "porter"
                | "waiter"
                | "traveller"
                | "traveler"
                | "pedestrian"
                | "policeman"
                | "constable"
                | "surgeon"
                | "physician"
                | "governess"
                | "mistress"
                | "keeper"
                | "shepherd"
                | "innkeeper"
                | "boatman"
                | "fisherman"
                | "grandfather"
                | "grandmother"
                | "papa"
                | "mamma"
                | "mama"
                | "nephew"
                | "niece"
                | "cousin"
                | "widow"
                | "baby"
                | "leader"
                | "chap"
                | "gentlewoman"
                | "peasant"
                | "labourer"
                | "laborer"
                | "youngster"
                | "maiden"
                | "dame"
                | "sheriff"
                | "judge"
                | "scout"
                | "cowboy"
                | "rider"
                | "prisoner"
                | "philosopher"
                | "artist"
                | "painter"
                | "student"
                | "teacher"
                | "schoolmaster"
                | "master"
        )
        || is_occupation_noun(w)
}

/// Common English nouns of occupation, rank and station beyond the core list above, the way
/// any narrator names someone by what they do ("said the guide", "continued the undertaker",
/// "the waggoner replied"); a general list, not drawn from any one text.
fn is_occupation_noun(w: &str) -> bool {
    matches!(
        w,
        // trades and crafts
        "guide" | "undertaker" | "waggoner" | "wagoner" | "carter" | "carrier" | "cabman"
            | "cabby" | "cabbie" | "groom" | "stableman" | "ostler" | "hostler" | "blacksmith"
            | "smith" | "carpenter" | "joiner" | "mason" | "builder" | "baker" | "butcher"
            | "grocer" | "tailor" | "seamstress" | "milliner" | "draper" | "hatter" | "cobbler"
            | "weaver" | "miller" | "miner" | "collier" | "stoker" | "engineer" | "mechanic"
            | "plumber" | "glazier" | "cooper" | "tanner" | "potter"
            | "chemist" | "druggist" | "apothecary" | "dentist" | "midwife"
            // shops, inns and houses
            | "shopman" | "shopgirl" | "salesman" | "saleswoman" | "pedlar"
            | "peddler" | "hawker" | "vendor" | "tradesman" | "dealer" | "trader" | "auctioneer"
            | "banker" | "broker" | "cashier" | "bookkeeper" | "secretary" | "typist"
            | "manager" | "foreman" | "overseer" | "superintendent" | "steward" | "stewardess"
            | "valet" | "messenger" | "courier" | "postman" | "postmaster"
            | "postmistress" | "doorkeeper" | "janitor" | "caretaker" | "chambermaid"
            | "housemaid" | "kitchenmaid" | "scullion" | "chef" | "waitress" | "barmaid"
            | "bartender" | "barman" | "publican" | "tapster" | "laundress" | "washerwoman"
            | "charwoman" | "nursemaid" | "attendant" | "usher" | "conductor"
            // land and sea
            | "gardener" | "ploughman" | "plowman" | "herdsman" | "cowherd" | "shepherdess"
            | "milkmaid" | "dairymaid" | "woodsman" | "woodcutter" | "trapper" | "ranger"
            | "rancher" | "ranchman" | "cowpuncher" | "drover" | "prospector" | "settler"
            | "pioneer" | "emigrant" | "immigrant" | "seaman" | "mariner" | "skipper" | "mate"
            | "boatswain" | "bosun" | "pilot" | "ferryman" | "lighterman" | "horseman"
            | "horsewoman" | "jockey" | "workman" | "workwoman"
            // law, arms and office
            | "magistrate" | "attorney" | "solicitor" | "barrister" | "notary" | "juror"
            | "witness" | "jailer" | "jailor" | "gaoler" | "warder" | "turnkey" | "hangman"
            | "executioner" | "sentry" | "sentinel" | "watchman" | "corporal" | "trooper"
            | "recruit" | "veteran" | "rifleman" | "cavalryman"
            | "marshal" | "deputy" | "detective" | "spy" | "alderman"
            | "councillor" | "ambassador" | "consul" | "envoy" | "courtier" | "herald"
            // church and school
            | "preacher" | "missionary" | "monk" | "nun" | "friar" | "abbess" | "chaplain"
            | "deacon" | "sexton" | "beadle" | "verger" | "rabbi" | "tutor" | "schoolmistress"
            | "schoolboy" | "schoolgirl" | "pupil" | "scholar" | "lecturer"
            // letters and the arts
            | "reporter" | "journalist" | "editor" | "writer" | "author" | "poet" | "novelist"
            | "musician" | "singer" | "pianist" | "violinist" | "fiddler" | "dancer" | "actor"
            | "actress" | "player" | "gambler" | "sculptor"
            // station, company and circumstance
            | "passenger" | "tourist" | "guest" | "caller" | "neighbour" | "neighbor"
            | "companion" | "partner" | "employer" | "lodger" | "tenant" | "nobleman"
            | "noblewoman" | "heir" | "heiress" | "orphan" | "infant" | "urchin" | "spinster"
            | "bachelor" | "bride" | "bridegroom" | "widower" | "beggar" | "tramp" | "vagabond"
            | "convict" | "thief" | "robber" | "burglar" | "murderer" | "outlaw" | "bandit"
            | "highwayman" | "pirate" | "smuggler" | "foreigner" | "patient" | "customer" | "client"
            // kin
            | "grandson" | "granddaughter" | "stepmother" | "stepfather" | "stepson"
            | "stepdaughter" | "godmother" | "godfather" | "parent" | "twin"
    )
}

/// Prepositions that put a following name in a place slot ("in Sunnydale").
pub(crate) fn is_place_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "from"
            | "into"
            | "near"
            | "through"
            | "across"
            | "around"
            | "toward"
            | "towards"
            | "outside"
            | "inside"
            | "within"
            | "reach"
            | "leave"
            | "leaving"
            | "visit"
            | "visited"
    )
}

/// Words after which a sentence cannot naturally end: a full stop after them suggests a lost ellipsis.
pub(crate) fn is_dangling_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "with"
            | "for"
            | "from"
            | "by"
            | "into"
            | "if"
            | "because"
            | "my"
            | "your"
            | "his"
            | "her"
            | "their"
            | "our"
            | "its"
            | "even"
            | "than"
    )
}

/// Words that suggest romantic or intimate interaction between characters in the same paragraph.
pub(crate) fn is_romance_word(w: &str) -> bool {
    matches!(
        w,
        "kiss"
            | "kissed"
            | "kisses"
            | "kissing"
            | "love"
            | "loved"
            | "loves"
            | "lover"
            | "lovers"
            | "embrace"
            | "embraced"
            | "caress"
            | "caressed"
            | "lips"
            | "heart"
            | "hug"
            | "hugged"
            | "cuddled"
            | "darling"
            | "sweetheart"
            | "luv"
            | "pet"
            | "honey"
            | "bed"
            | "naked"
            | "desire"
            | "longing"
            | "tender"
            | "tenderly"
            | "romantic"
            | "date"
            | "dating"
            | "relationship"
            | "boyfriend"
            | "girlfriend"
            | "married"
            | "marry"
            | "wedding"
            | "ring"
            | "breakup"
            | "jealous"
            | "flirt"
            | "flirted"
            | "blush"
            | "blushed"
            | "passion"
            | "passionate"
            | "intimate"
            | "sex"
            | "moan"
            | "moaned"
    )
}

/// The gender a person noun implies ("father" male, "girl" female), if any.
pub(crate) fn person_noun_gender(w: &str) -> Option<bool> {
    // "the washer-woman": a compound's last part tells
    let w = w.rsplit_once('-').map_or(w, |(_, last)| last);
    match w {
        "man" | "boy" | "gentleman" | "husband" | "father" | "son" | "brother" | "uncle"
        | "king" | "prince" | "lad" | "fellow" | "butler" | "priest" | "host" | "sir" | "lord"
        | "duke" | "grandfather" | "nephew" | "papa" | "master" | "mister" | "monk" | "knight"
        | "clergyman" | "parson" | "landlord" | "coachman" | "footman" | "policeman" | "chap"
        | "fisherman" | "boatman" | "cowboy" | "schoolmaster" | "groom" | "bridegroom"
        | "bachelor" | "friar" | "nobleman" | "horseman" | "workman" | "salesman" | "tradesman"
        | "seaman" | "cabman" | "barman" | "ploughman" | "plowman" | "herdsman" | "woodsman"
        | "ranchman" | "cavalryman" | "rifleman" | "highwayman" | "alderman" | "grandson"
        | "stepfather" | "stepson" | "godfather" | "schoolboy" | "widower" | "abbot" | "earl"
        | "baron" | "count" | "emperor" | "headmaster" | "postman" | "shopman" | "watchman"
        | "hangman" | "ferryman" | "lighterman" | "stableman" | "actor" => Some(false),
        "woman" | "girl" | "lady" | "wife" | "mother" | "daughter" | "sister" | "aunt"
        | "queen" | "princess" | "lass" | "maid" | "hostess" | "nurse" | "grandmother"
        | "niece" | "mama" | "mistress" | "madam" | "nun" | "widow" | "mamma" | "landlady"
        | "housekeeper" | "governess" | "gentlewoman" | "maiden" | "dame" | "seamstress"
        | "waitress" | "actress" | "laundress" | "washerwoman" | "charwoman" | "chambermaid"
        | "housemaid" | "kitchenmaid" | "milkmaid" | "dairymaid" | "barmaid" | "nursemaid"
        | "schoolmistress" | "schoolgirl" | "shopgirl" | "postmistress" | "stewardess"
        | "heiress" | "spinster" | "bride" | "abbess" | "midwife" | "noblewoman" | "horsewoman"
        | "saleswoman" | "workwoman" | "granddaughter" | "stepmother" | "stepdaughter"
        | "godmother" | "shepherdess" | "empress" | "duchess" | "countess" | "baroness"
        | "headmistress" => Some(true),
        _ => None,
    }
}

/// Common English given names of the last three centuries and the gender they show (None: used
/// for both). A closed list like the honorifics: a capitalised word in it names a person even when
/// the text never shows it acting ("all along Edith had been remarked upon"), and it gives the
/// gender when no pronoun does. Names that are also common words or places ("Will", "Grace",
/// "Hope", "Florence", "Virginia") are left out: capitalised at a sentence start they are not
/// names.
pub(crate) fn given_name(w: &str) -> Option<Option<bool>> {
    let male = matches!(
        w,
        "aaron"
            | "abel"
            | "abraham"
            | "adam"
            | "adolphus"
            | "albert"
            | "alec"
            | "alexander"
            | "alfred"
            | "algernon"
            | "allan"
            | "allen"
            | "alonzo"
            | "ambrose"
            | "amos"
            | "andrew"
            | "andy"
            | "anthony"
            | "antonio"
            | "archibald"
            | "archie"
            | "arnold"
            | "arthur"
            | "augustus"
            | "barnabas"
            | "bartholomew"
            | "basil"
            | "ben"
            | "benjamin"
            | "benny"
            | "bernard"
            | "bert"
            | "bertie"
            | "bertram"
            | "bob"
            | "bobby"
            | "cecil"
            | "charles"
            | "charley"
            | "charlie"
            | "christopher"
            | "clarence"
            | "claude"
            | "clement"
            | "cornelius"
            | "cyril"
            | "cyrus"
            | "dan"
            | "daniel"
            | "danny"
            | "david"
            | "davy"
            | "dick"
            | "dicky"
            | "donald"
            | "douglas"
            | "dudley"
            | "duncan"
            | "edgar"
            | "edmund"
            | "edward"
            | "edwin"
            | "eli"
            | "elias"
            | "elijah"
            | "elmer"
            | "emil"
            | "enoch"
            | "ephraim"
            | "ernest"
            | "ezra"
            | "felix"
            | "ferdinand"
            | "fred"
            | "freddie"
            | "freddy"
            | "frederic"
            | "frederick"
            | "gabriel"
            | "geoffrey"
            | "george"
            | "gerald"
            | "gilbert"
            | "giles"
            | "godfrey"
            | "gregory"
            | "gustavus"
            | "hal"
            | "hank"
            | "hans"
            | "harold"
            | "harry"
            | "harvey"
            | "hector"
            | "henry"
            | "herbert"
            | "herman"
            | "hiram"
            | "horace"
            | "horatio"
            | "hubert"
            | "hugh"
            | "hugo"
            | "humphrey"
            | "ike"
            | "isaac"
            | "isaiah"
            | "ivan"
            | "jacob"
            | "jake"
            | "james"
            | "jamie"
            | "jasper"
            | "jeff"
            | "jefferson"
            | "jeremiah"
            | "jeremy"
            | "jerome"
            | "jerry"
            | "jesse"
            | "jim"
            | "jimmie"
            | "jimmy"
            | "joe"
            | "joel"
            | "joey"
            | "john"
            | "johnny"
            | "jonathan"
            | "joseph"
            | "josh"
            | "joshua"
            | "josiah"
            | "julian"
            | "julius"
            | "karl"
            | "kenneth"
            | "lawrence"
            | "lemuel"
            | "leo"
            | "leonard"
            | "leopold"
            | "lewis"
            | "lionel"
            | "lorenzo"
            | "louis"
            | "luke"
            | "luther"
            | "malcolm"
            | "martin"
            | "matthew"
            | "maurice"
            | "max"
            | "michael"
            | "mike"
            | "moses"
            | "nat"
            | "nathan"
            | "nathaniel"
            | "ned"
            | "neddy"
            | "nicholas"
            | "nick"
            | "noah"
            | "oliver"
            | "oscar"
            | "oswald"
            | "owen"
            | "patrick"
            | "paul"
            | "percival"
            | "percy"
            | "pete"
            | "peter"
            | "phil"
            | "philip"
            | "phillip"
            | "ralph"
            | "randolph"
            | "raymond"
            | "reginald"
            | "reuben"
            | "richard"
            | "robert"
            | "roderick"
            | "roger"
            | "rudolph"
            | "rufus"
            | "rupert"
            | "sam"
            | "sammy"
            | "samuel"
            | "saul"
            | "seth"
            | "silas"
            | "simeon"
            | "simon"
            | "solomon"
            | "stephen"
            | "steve"
            | "steven"
            | "teddy"
            | "theodore"
            | "thomas"
            | "timothy"
            | "toby"
            | "tom"
            | "tommy"
            | "tony"
            | "ulysses"
            | "victor"
            | "vincent"
            | "walter"
            | "wilfred"
            | "wilfrid"
            | "willie"
            | "willy"
            | "william"
            | "zachary"
            | "zeke"
    );
    let female = matches!(
        w,
        "abigail"
            | "ada"
            | "adela"
            | "adelaide"
            | "adeline"
            | "agatha"
            | "agnes"
            | "alice"
            | "alicia"
            | "amanda"
            | "amelia"
            | "amy"
            | "angela"
            | "angelina"
            | "ann"
            | "anna"
            | "annabel"
            | "anne"
            | "annette"
            | "annie"
            | "antoinette"
            | "arabella"
            | "barbara"
            | "beatrice"
            | "becky"
            | "belinda"
            | "bella"
            | "bertha"
            | "bess"
            | "bessie"
            | "beth"
            | "betsey"
            | "betsy"
            | "betty"
            | "blanche"
            | "bridget"
            | "caroline"
            | "carrie"
            | "hetty"
            | "patty"
            | "letty"
            | "tilly"
            | "gertie"
            | "winnie"
            | "catherine"
            | "cecilia"
            | "cecily"
            | "celia"
            | "charlotte"
            | "clara"
            | "clarissa"
            | "cora"
            | "cordelia"
            | "cynthia"
            | "daisy"
            | "deborah"
            | "delia"
            | "diana"
            | "dinah"
            | "dolly"
            | "dora"
            | "dorothea"
            | "dorothy"
            | "edith"
            | "edna"
            | "eleanor"
            | "eleanora"
            | "elinor"
            | "eliza"
            | "elizabeth"
            | "ella"
            | "ellen"
            | "ellie"
            | "elsie"
            | "emily"
            | "emma"
            | "esther"
            | "ethel"
            | "eugenia"
            | "eunice"
            | "eva"
            | "eve"
            | "fanny"
            | "flora"
            | "frances"
            | "gertrude"
            | "gwendolen"
            | "hannah"
            | "harriet"
            | "hattie"
            | "helen"
            | "helena"
            | "henrietta"
            | "hester"
            | "hilda"
            | "ida"
            | "irene"
            | "isabel"
            | "isabella"
            | "jane"
            | "janet"
            | "jemima"
            | "jennie"
            | "jenny"
            | "jessie"
            | "joan"
            | "josephine"
            | "judith"
            | "julia"
            | "juliet"
            | "kate"
            | "katharine"
            | "katherine"
            | "kathleen"
            | "katie"
            | "kitty"
            | "laura"
            | "lavinia"
            | "leah"
            | "lena"
            | "letitia"
            | "lilian"
            | "lillian"
            | "lizzie"
            | "lizzy"
            | "lois"
            | "lottie"
            | "louisa"
            | "louise"
            | "lucia"
            | "lucinda"
            | "lucy"
            | "lydia"
            | "mabel"
            | "madeline"
            | "maggie"
            | "margaret"
            | "margery"
            | "maria"
            | "marian"
            | "marie"
            | "marjorie"
            | "martha"
            | "mary"
            | "matilda"
            | "maud"
            | "maude"
            | "meg"
            | "mildred"
            | "millie"
            | "minnie"
            | "miriam"
            | "molly"
            | "nan"
            | "nancy"
            | "nannie"
            | "nell"
            | "nellie"
            | "nelly"
            | "nora"
            | "olive"
            | "olivia"
            | "pamela"
            | "pauline"
            | "peggy"
            | "penelope"
            | "phoebe"
            | "phyllis"
            | "polly"
            | "priscilla"
            | "rachel"
            | "rebecca"
            | "rhoda"
            | "rosalind"
            | "rosamond"
            | "rosie"
            | "ruth"
            | "sally"
            | "sallie"
            | "sara"
            | "sarah"
            | "sophia"
            | "sophie"
            | "susan"
            | "susanna"
            | "susannah"
            | "susie"
            | "sylvia"
            | "theresa"
            | "ursula"
            | "vera"
            | "winifred"
    );
    let both = matches!(
        w,
        "francis" | "jean" | "marion" | "leslie" | "evelyn" | "sidney" | "jess" | "jo"
    );
    if male {
        Some(Some(false))
    } else if female {
        Some(Some(true))
    } else if both {
        Some(None)
    } else {
        None
    }
}

/// The formal given names a pet form stands for ("Lizzy" for Elizabeth, "Harry" for Henry, "Meg"
/// for Margaret): the usual English hypocoristics, a closed list like the given names.
pub(crate) fn pet_name_of(w: &str) -> &'static [&'static str] {
    match w {
        "harry" | "hal" => &["henry", "harold"],
        "jack" | "johnny" => &["john"],
        "dick" | "dicky" => &["richard"],
        "bob" | "bobby" => &["robert"],
        "bill" | "billy" | "willie" | "willy" => &["william"],
        "tom" | "tommy" => &["thomas"],
        "ned" | "neddy" | "ted" | "teddy" => &["edward", "edmund", "theodore"],
        "jim" | "jimmy" | "jimmie" | "jamie" => &["james"],
        "joe" | "joey" => &["joseph"],
        "sam" | "sammy" => &["samuel"],
        "nat" => &["nathaniel", "nathan"],
        "nick" => &["nicholas"],
        "charley" | "charlie" => &["charles"],
        "fred" | "freddy" | "freddie" => &["frederick", "frederic", "alfred"],
        "bert" | "bertie" => &["albert", "herbert", "bertram"],
        "tony" => &["anthony"],
        "dan" | "danny" => &["daniel"],
        "davy" => &["david"],
        "andy" => &["andrew"],
        "steve" => &["stephen", "steven"],
        "phil" => &["philip", "phillip"],
        "archie" => &["archibald"],
        "lizzy" | "lizzie" | "bess" | "bessie" | "betsy" | "betsey" | "betty" | "beth"
        | "eliza" => &["elizabeth"],
        "meg" | "maggie" | "peggy" => &["margaret"],
        "kate" | "kitty" | "katie" => &["catherine", "katharine", "katherine"],
        "polly" | "molly" => &["mary"],
        "nell" | "nellie" | "nelly" => &["ellen", "eleanor", "helen"],
        "nan" | "nancy" | "annie" => &["ann", "anne", "anna"],
        "sally" | "sallie" => &["sarah", "sara"],
        "jenny" | "jennie" => &["jane", "janet"],
        "fanny" => &["frances"],
        "dolly" => &["dorothy", "dorothea"],
        "susie" => &["susan", "susanna", "susannah"],
        "lottie" => &["charlotte"],
        "millie" => &["mildred", "amelia"],
        "becky" => &["rebecca"],
        "carrie" => &["caroline"],
        "hetty" => &["henrietta", "hester"],
        "patty" | "patsy" => &["martha"],
        "letty" | "lettie" => &["letitia"],
        "tilly" | "tillie" => &["matilda"],
        "gertie" | "gerty" => &["gertrude"],
        "winnie" => &["winifred"],
        _ => &[],
    }
}

/// The public nickname table vendored in `data/nicknames.csv` (the `nicknames` package by Carlton
/// Northern and Nick Crews, Apache-2.0; see `data/NOTICE`): for each given name, its nicknames
/// (amelia -> amy, emily, mel, millie). Built once, on first use.
static NICKNAMES: std::sync::LazyLock<crate::hash::HashMap<&'static str, Vec<&'static str>>> =
    std::sync::LazyLock::new(|| {
        let mut m: crate::hash::HashMap<&'static str, Vec<&'static str>> =
            crate::hash::HashMap::default();
        for line in include_str!("../data/nicknames.csv").lines().skip(1) {
            let mut f = line.trim().split(',');
            if let (Some(formal), Some("has_nickname"), Some(nick)) = (f.next(), f.next(), f.next())
            {
                m.entry(formal).or_default().push(nick);
            }
        }
        m
    });

/// The table the other way: for each nickname, and for the stem of each nickname in -y, -ie or
/// -ey, the given names it stands for (amy -> amelia; "pegg" -> margarita, …).
static NICKNAMES_REVERSED: std::sync::LazyLock<
    crate::hash::HashMap<&'static str, Vec<&'static str>>,
> = std::sync::LazyLock::new(|| {
    let mut m: crate::hash::HashMap<&'static str, Vec<&'static str>> =
        crate::hash::HashMap::default();
    for (formal, nicks) in NICKNAMES.iter() {
        for n in nicks {
            m.entry(*n).or_default().push(*formal);
            if let Some(stem) = before_diminutive_ending(n) {
                m.entry(stem).or_default().push(*formal);
            }
        }
    }
    m
});

/// The given names the lists may let `short` stand for (a superset of those for which
/// [`is_listed_short_form`] holds): its pet-name formals and the table's.
pub(crate) fn listed_formals(short: &str) -> impl Iterator<Item = &'static str> {
    let by_table = |w: &str| NICKNAMES_REVERSED.get(w).into_iter().flatten().copied();
    pet_name_of(short)
        .iter()
        .copied()
        .chain(by_table(short))
        .chain(
            before_diminutive_ending(short)
                .into_iter()
                .flat_map(by_table),
        )
}

/// The table's nicknames of the given name `formal`.
pub(crate) fn table_nicknames(formal: &str) -> impl Iterator<Item = &'static str> {
    NICKNAMES.get(formal).into_iter().flatten().copied()
}

/// The stem of a name before a diminutive ending -ie, -ey or -y ("peggie", "peggy" -> "pegg").
pub(crate) fn before_diminutive_ending(w: &str) -> Option<&str> {
    w.strip_suffix("ie")
        .or_else(|| w.strip_suffix("ey"))
        .or_else(|| w.strip_suffix('y'))
}

/// The stem of a diminutive in -y, -ie or -ey with a doubled consonant undone ("merry" -> "mer",
/// "georgy" -> "georg", "tessie" -> "tes"), if `w` is one.
fn diminutive_stem(w: &str) -> Option<&str> {
    let stem = w
        .strip_suffix("ie")
        .or_else(|| w.strip_suffix("ey"))
        .or_else(|| w.strip_suffix('y'))?;
    let b = stem.as_bytes();
    Some(if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
        &stem[..stem.len() - 1]
    } else {
        stem
    })
}

/// True when the lower-case given name `short` is a short form of the lower-case given name
/// `formal` (which is longer): one of the closed list of pet names ([`pet_name_of`]), a
/// nickname of the public table (spelt -y, -ie or -ey alike: "peggy" for the table's "peggie"),
/// its first three letters or more ("sam" of "samwise", "eliza" of "elizabeth"), or a diminutive
/// of them ("merry" of "meriadoc", "georgy" of "georgiana"). The last two only hold where
/// `formal` is known to be a given name (it opens a full name): "Bag" is not short for "Baggins".
pub(crate) fn is_short_form(short: &str, formal: &str) -> bool {
    if is_listed_short_form(short, formal) {
        return true;
    }
    if short.len() >= formal.len() || short.len() < 3 {
        return false;
    }
    // a diminutive's stem, unless the name is a given name of its own ("Mary" is not "Mar-"
    // of Margaret)
    formal.starts_with(short)
        || (given_name(short).is_none()
            && diminutive_stem(short).is_some_and(|st| st.len() >= 3 && formal.starts_with(st)))
}

/// True when `short` stands for `formal` in the closed list of pet names or the public nickname
/// table (see [`is_short_form`]), which also hold for a single name that may be a surname.
pub(crate) fn is_listed_short_form(short: &str, formal: &str) -> bool {
    if pet_name_of(short).contains(&formal) {
        return true;
    }
    // no longer than the name ("Tessie" of "Teresa"; the table also lists "teresa" under "tess")
    if short.len() > formal.len() || short.len() < 2 || short == formal {
        return false;
    }
    // the table's nickname, or the same stem with another of -y, -ie, -ey
    let stem = before_diminutive_ending(short);
    NICKNAMES.get(formal).is_some_and(|nicks| {
        nicks
            .iter()
            .any(|n| *n == short || stem.is_some_and(|st| before_diminutive_ending(n) == Some(st)))
    })
}

/// A word's entries in the short-form lists, looked up once when the word is compared with many
/// others ([`is_short_form_with`], [`is_listed_short_form_with`]): its pet-name formals, its
/// nicknames in the public table and whether it is a listed given name.
#[derive(Clone, Copy, Default)]
pub(crate) struct ShortForms {
    pets: &'static [&'static str],
    nicks: &'static [&'static str],
    not_given: bool,
}

/// The short-form list entries of the lower-case word `w` (see [`ShortForms`]).
pub(crate) fn short_forms(w: &str) -> ShortForms {
    ShortForms {
        pets: pet_name_of(w),
        nicks: NICKNAMES.get(w).map_or(&[], Vec::as_slice),
        not_given: given_name(w).is_none(),
    }
}

/// [`is_listed_short_form`] with both words' list entries looked up beforehand.
pub(crate) fn is_listed_short_form_with(
    short: &str,
    short_forms: &ShortForms,
    formal: &str,
    formal_forms: &ShortForms,
) -> bool {
    if short_forms.pets.contains(&formal) {
        return true;
    }
    if short.len() > formal.len() || short.len() < 2 || short == formal {
        return false;
    }
    let stem = before_diminutive_ending(short);
    formal_forms
        .nicks
        .iter()
        .any(|n| *n == short || stem.is_some_and(|st| before_diminutive_ending(n) == Some(st)))
}

/// [`is_short_form`] with both words' list entries looked up beforehand.
pub(crate) fn is_short_form_with(
    short: &str,
    short_forms: &ShortForms,
    formal: &str,
    formal_forms: &ShortForms,
) -> bool {
    if is_listed_short_form_with(short, short_forms, formal, formal_forms) {
        return true;
    }
    if short.len() >= formal.len() || short.len() < 3 {
        return false;
    }
    formal.starts_with(short)
        || (short_forms.not_given
            && diminutive_stem(short).is_some_and(|st| st.len() >= 3 && formal.starts_with(st)))
}

/// Verbs of coming and going whose "to" leads to a place ("welcome to Pemberley", "came to
/// Lowick"): a name after them counts as a place, like one after "in" or "from".
pub(crate) fn is_motion_verb(w: &str) -> bool {
    matches!(
        w,
        "come"
            | "came"
            | "comes"
            | "coming"
            | "go"
            | "goes"
            | "went"
            | "gone"
            | "going"
            | "welcome"
            | "return"
            | "returned"
            | "returning"
            | "travelled"
            | "traveled"
            | "journeyed"
            | "sailed"
            | "rode"
            | "drove"
            | "moved"
            | "walked"
            | "headed"
    )
}

/// Cardinal number words, which open names of inns and places ("the Three Broomsticks", "the
/// Seven Dials").
pub(crate) fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "hundred"
            | "thousand"
    )
}

/// Nouns that end the name of a place ("Columbia City", "Wuthering Heights", "Harley Street"), and
/// the "-shire" of counties ("Derbyshire").
pub(crate) fn is_place_name_end(w: &str) -> bool {
    (w.len() > 6 && w.ends_with("shire"))
        || matches!(
            w,
            "city"
                | "street"
                | "hill"
                | "hills"
                | "row"
                | "park"
                | "heights"
                | "hall"
                | "house"
                | "lane"
                | "square"
                | "road"
                | "castle"
                | "abbey"
                | "court"
                | "place"
                | "bridge"
                | "island"
                | "river"
                | "mountain"
                | "mountains"
                | "valley"
                | "county"
                | "town"
                | "village"
                | "station"
                | "church"
                | "chapel"
                | "college"
                | "school"
                | "inn"
                | "hotel"
                | "farm"
                | "manor"
                | "grange"
                | "forest"
                | "lake"
                | "bay"
                | "sea"
                | "ocean"
                | "gardens"
                | "terrace"
                | "avenue"
                | "tower"
                | "cottage"
                | "harbour"
                | "harbor"
                | "point"
                | "falls"
                | "springs"
        )
}

#[cfg(test)]
mod tests {
    use super::{
        is_greeting_or_adverb, is_listed_short_form, is_listed_short_form_with, is_short_form,
        is_short_form_with, lower, lower_into, short_forms,
    };

    #[test]
    fn a_word_is_lowered_borrowed_when_it_has_no_capital() {
        let mut buf = String::from("stale");
        for (word, low) in [
            ("said", "said"),
            ("Said", "said"),
            ("O’Brien", "o'brien"),
            ("don’t", "don't"),
            ("ÉLAN", "élan"),
            ("x-ray's", "x-ray's"),
            ("", ""),
        ] {
            assert_eq!(lower(word, &mut buf), low);
            assert_eq!(lower_into(word, &mut buf), low);
            assert_eq!(buf, low);
        }
    }

    #[test]
    fn short_forms_looked_up_beforehand_decide_as_the_plain_checks() {
        let words = [
            "amy",
            "amelia",
            "tess",
            "teresa",
            "tessie",
            "ed",
            "edward",
            "peggy",
            "peggie",
            "margarita",
            "margaret",
            "meg",
            "sam",
            "samwise",
            "merry",
            "meriadoc",
            "georgy",
            "georgiana",
            "mary",
            "mar",
            "bag",
            "baggins",
            "harry",
            "henry",
            "lizzy",
            "elizabeth",
            "jo",
            "josephine",
            "john",
            "jack",
            "kalo",
            "kalomira",
            "a",
            "",
        ];
        for short in words {
            for formal in words {
                let (sf, ff) = (short_forms(short), short_forms(formal));
                assert_eq!(
                    is_short_form_with(short, &sf, formal, &ff),
                    is_short_form(short, formal),
                    "{short} {formal}"
                );
                assert_eq!(
                    is_listed_short_form_with(short, &sf, formal, &ff),
                    is_listed_short_form(short, formal),
                    "{short} {formal}"
                );
            }
        }
    }

    #[test]
    fn short_forms_of_given_names() {
        // the public table
        assert!(is_short_form("amy", "amelia"));
        assert!(is_short_form("tess", "teresa"));
        assert!(is_short_form("ed", "edward"));
        // spelt -y for the table's -ie
        assert!(is_short_form("peggy", "margarita"));
        // a prefix and a diminutive of one
        assert!(is_short_form("sam", "samwise"));
        assert!(is_short_form("merry", "meriadoc"));
        // the closed list of pet names, however long
        assert!(is_short_form("harry", "henry"));
        assert!(is_short_form("jack", "john"));
        // never the other way, nor an unrelated name
        assert!(!is_short_form("teresa", "tess"));
        assert!(!is_short_form("qu", "quentara"));
        assert!(!is_short_form("mary", "margaret"));
        // a prefix is a short form only of a known given name
        assert!(!is_listed_short_form("bag", "baggins"));
        assert!(is_listed_short_form("tessie", "teresa"));
    }

    #[test]
    fn greetings_and_manner_adverbs_are_not_names() {
        for w in ["morning", "gently", "slowly", "honestly", "really", "hello"] {
            assert!(is_greeting_or_adverb(w), "{w}");
        }
        for w in [
            "emily", "kelly", "beverly", "lily", "holly", "sally", "naruto",
        ] {
            assert!(!is_greeting_or_adverb(w), "{w}");
        }
    }
}
