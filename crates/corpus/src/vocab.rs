//! Word lists the generator draws from. Fandom casts are real (fan fiction names them); the prose
//! templates are written for this crate.

/// A fandom: its name, its cast and who owns it (for disclaimers).
pub(crate) struct Fandom {
    pub name: &'static str,
    pub owner: &'static str,
    pub cast: &'static [&'static str],
    pub places: &'static [&'static str],
}

pub(crate) const FANDOMS: &[Fandom] = &[
    Fandom {
        name: "Buffy the Vampire Slayer",
        owner: "Joss Whedon and Mutant Enemy",
        cast: &[
            "Buffy", "Spike", "Angel", "Willow", "Xander", "Giles", "Faith", "Dawn", "Tara",
            "Anya", "Oz", "Cordelia", "Drusilla",
        ],
        places: &[
            "the crypt",
            "the Bronze",
            "the library",
            "the Magic Box",
            "the cemetery",
        ],
    },
    Fandom {
        name: "Harry Potter - J. K. Rowling",
        owner: "J.K. Rowling",
        cast: &[
            "Harry", "Hermione", "Ron", "Draco", "Ginny", "Luna", "Neville", "Snape", "Sirius",
            "Remus", "Tonks",
        ],
        places: &[
            "the Great Hall",
            "the common room",
            "Hogsmeade",
            "the Burrow",
            "the library",
        ],
    },
    Fandom {
        name: "Star Trek: The Original Series",
        owner: "Paramount",
        cast: &[
            "Kirk", "Spock", "McCoy", "Uhura", "Scotty", "Sulu", "Chekov", "Chapel",
        ],
        places: &[
            "the bridge",
            "sickbay",
            "the transporter room",
            "engineering",
            "the mess hall",
        ],
    },
    Fandom {
        name: "Sherlock (TV)",
        owner: "the BBC, Mark Gatiss and Steven Moffat",
        cast: &[
            "Sherlock",
            "John",
            "Mycroft",
            "Lestrade",
            "Molly",
            "Mrs Hudson",
            "Irene",
        ],
        places: &[
            "Baker Street",
            "the morgue",
            "the Yard",
            "the flat",
            "a taxi",
        ],
    },
    Fandom {
        name: "Supernatural",
        owner: "Eric Kripke and the CW",
        cast: &[
            "Dean", "Sam", "Castiel", "Bobby", "Jo", "Ellen", "Crowley", "Charlie",
        ],
        places: &[
            "the Impala",
            "the bunker",
            "a motel room",
            "the salvage yard",
            "the roadhouse",
        ],
    },
    Fandom {
        name: "Stargate SG-1",
        owner: "MGM",
        cast: &[
            "Jack", "Daniel", "Sam", "Teal'c", "Hammond", "Janet", "Vala",
        ],
        places: &[
            "the gate room",
            "the commissary",
            "the infirmary",
            "the briefing room",
        ],
    },
];

pub(crate) const AUTHORS: &[&str] = &[
    "Kallysten",
    "moonlitmuse",
    "RavenQuill",
    "Sarah Writes",
    "darkangel77",
    "Lady Tesserae",
    "inkstained_heart",
    "J. M. Holloway",
    "starfall",
    "SpikesGirl",
    "Quillfeather",
    "the_night_owl",
    "Mara Lindqvist",
    "wordsmith42",
    "Elspeth",
    "candlewick",
];

pub(crate) const BETAS: &[&str] = &["Kumi", "Jess", "lunarmoth", "Becca", "Tam", "Sid"];

pub(crate) const TITLE_ADJECTIVES: &[&str] = &[
    "Bloody", "Silent", "Broken", "Golden", "Last", "Long", "Hidden", "Quiet", "Burning", "Lost",
    "Second", "Crimson", "Winter", "Distant", "Hollow", "Restless",
];

pub(crate) const TITLE_NOUNS: &[&str] = &[
    "Soul", "Night", "Promise", "Road", "Heart", "Shadows", "Light", "Storm", "Ashes", "Secrets",
    "Dawn", "Chances", "Ghosts", "Roses", "Ties", "Letters", "Tides", "Embers", "Poisons",
    "Truths", "Wings", "Echoes",
];

pub(crate) const TITLE_GERUNDS: &[&str] = &[
    "Falling",
    "Waiting",
    "Coming Home",
    "Letting Go",
    "Holding On",
    "Breaking",
    "Running",
    "Remembering",
    "Burning",
    "Waking",
];

pub(crate) const RATINGS: &[&str] = &[
    "G",
    "PG",
    "PG-13",
    "R",
    "NC-17",
    "K+",
    "T",
    "M",
    "Teen And Up Audiences",
    "Explicit",
    "Mature",
];

pub(crate) const WARNINGS: &[&str] = &[
    "None",
    "Character death",
    "Violence",
    "Language",
    "Angst",
    "Mild violence",
    "Major character death",
    "Dark themes",
];

pub(crate) const GENRES: &[&str] = &[
    "Angst",
    "Romance",
    "Hurt/Comfort",
    "Drama",
    "Humor",
    "Adventure",
    "Fluff",
    "Action",
    "Alternate Universe",
    "Missing Scene",
];

pub(crate) const CATEGORIES: &[&str] = &["F/M", "M/M", "F/F", "Gen", "Het", "Slash", "Multi"];

pub(crate) const SUMMARY_OPENINGS: &[&str] = &[
    "Story goes AU at the end of the second season.",
    "A missing scene from the finale.",
    "Set after the events of the movie.",
    "What if things had gone differently that night?",
    "Rewrite of the third season.",
    "A quiet story about two people who almost never talk.",
    "Sequel to my earlier story, but it stands on its own.",
    "Five times they said goodbye, and one time they didn't.",
];

pub(crate) const SUMMARY_ENDINGS: &[&str] = &[
    "Angst ahead, with a happy ending.",
    "Nobody gets out unscathed.",
    "Some language.",
    "Loosely based on a prompt from the holiday exchange.",
    "Not beta read, all mistakes are mine.",
];

/// Narrative sentences. `{A}` and `{B}` are characters, `{P}` a place, `{O}` an object,
/// `{F}` a feeling, `{T}` a time.
pub(crate) const NARRATION: &[&str] = &[
    "{A} stood at the window for a long time, watching the rain.",
    "The silence between them stretched, thin and brittle.",
    "{A} had not expected {B} to come back, not after everything.",
    "It was past midnight when {A} finally reached {P}.",
    "{B} leaned against the doorframe, arms crossed.",
    "Somewhere in the distance a dog barked, then went quiet.",
    "{A} turned the {O} over in trembling hands.",
    "There was {F} in the way {B} said it, and {A} hated that most of all.",
    "The air in {P} smelled of dust and old candle wax.",
    "{A} swallowed hard and looked away.",
    "Nothing about the night had gone according to plan.",
    "{B} laughed, a short, surprised sound.",
    "For a moment neither of them moved.",
    "{A} thought about the {O}, and about the promise that came with it.",
    "The clock on the wall ticked on, indifferent.",
    "{T}, {A} would remember this as the moment everything changed.",
    "{B} crossed the room in three long strides.",
    "Outside, the streetlights flickered and came on one by one.",
    "{A} felt {F} settle somewhere deep in the chest.",
    "It would have been easier to lie.",
    "{B} reached for the {O}, then thought better of it.",
    "The others were waiting at {P}, and they would not wait forever.",
    "{A} closed both eyes and counted to ten.",
    "The last time they had been here, {B} had been the one walking away.",
    "{A}'s hands were cold, and it had nothing to do with the weather.",
    "It was not forgiveness, not yet, but it was a start.",
    "{B} sighed and sat down heavily on the edge of the bed.",
    "The wind picked up, rattling the shutters of {P}.",
    "{A} didn't answer; there was no answer worth giving.",
    "Every step toward {P} felt heavier than the last.",
];

/// Sentences that open like a header, a heading or an end marker ("By the time...", "Part of
/// him...", "Chapter and verse..."): real prose has them now and then, and a reader must not be
/// fooled. Used sparingly, as in real text.
pub(crate) const TRICKY_NARRATION: &[&str] = &[
    "By the time {A} reached {P}, the fight was already over.",
    "Part of {A} wanted to stay; the rest wanted to run and never look back.",
    "Chapter and verse, {B} could have quoted every mistake {A} had ever made.",
    "The end of the road was closer than either of them knew.",
    "Summary judgement was never {A}'s style.",
    "Fin was the name of the boat, painted in peeling blue letters.",
];

/// First-person narration for scenes told by a character.
pub(crate) const FIRST_PERSON: &[&str] = &[
    "I didn't know what to say to that, so I said nothing.",
    "I should have left then, and I knew it.",
    "I remember the way {B} looked at me, like I was something broken.",
    "I've never been good at goodbyes.",
    "I wanted to tell {B} the truth, but the words wouldn't come.",
    "I waited at {P} until the sun came up.",
    "I think I loved {B} even then, though I would never have admitted it.",
];

/// Things people say. Closing punctuation is added by the template.
pub(crate) const UTTERANCES: &[&str] = &[
    "You shouldn't be here",
    "I know what I saw",
    "Don't do this",
    "We don't have much time",
    "Is that what you think of me",
    "I'm sorry",
    "You came back",
    "Tell me you didn't know",
    "It's not your fault",
    "Get out of my way",
    "I never asked for any of this",
    "Stay with me",
    "What happens now",
    "You're impossible, you know that",
    "I thought I'd lost you",
    "Then why are you still here",
    "We'll figure it out",
    "Don't look at me like that",
];

pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "whispered",
    "muttered",
    "snapped",
    "replied",
    "murmured",
    "said quietly",
];

pub(crate) const OBJECTS: &[&str] = &[
    "ring",
    "letter",
    "stake",
    "key",
    "photograph",
    "book",
    "cup",
    "knife",
    "locket",
    "map",
];

pub(crate) const FEELINGS: &[&str] = &[
    "something like regret",
    "a kind of relief",
    "an old anger",
    "too much hope",
    "fear",
    "a strange tenderness",
    "quiet certainty",
];

pub(crate) const TIMES: &[&str] = &[
    "Years later",
    "Much later",
    "Afterward",
    "Long after",
    "Weeks afterward",
];

/// Author's note sentences: thanks, apologies, pleas for reviews. Never story vocabulary.
pub(crate) const NOTE_SENTENCES: &[&str] = &[
    "Thanks so much to everyone who reviewed the last chapter!",
    "Sorry this update took so long, real life got in the way.",
    "Please review, it really makes my day.",
    "Huge thanks to my beta {beta} for all the help with this one.",
    "This chapter fought me every step of the way.",
    "I hope you enjoy this chapter as much as I enjoyed writing it.",
    "Feedback is always welcome.",
    "Only a few chapters left to go now.",
    "This one is a bit shorter than usual, but the next one will make up for it.",
    "And here we are, already the last chapter. There will be a sequel, just not immediately.",
];

/// Paragraphs that continue a note over a second paragraph.
pub(crate) const NOTE_CONTINUATIONS: &[&str] = &[
    "A last few words to give a very grateful thank you to my beta reader {beta}, and to all of you who took the time to review this story.",
    "Thank you again to all my readers for your patience and your lovely reviews.",
    "Special thanks to {beta}, who read this chapter three times before I posted it.",
];

pub(crate) const CHAPTER_TITLES: &[&str] = &[
    "Poisons",
    "Free to Love",
    "Homecoming",
    "The Long Night",
    "Aftermath",
    "Old Wounds",
    "Crossroads",
    "Confessions",
    "First Light",
    "Bad Blood",
    "Safe Harbour",
    "Fault Lines",
    "The Morning After",
    "Unravelling",
    "Small Mercies",
    "Ghosts",
    "Fire and Ice",
    "Reckoning",
    "Shelter",
    "Borrowed Time",
    "Open Doors",
    "Truth and Consequences",
];

pub(crate) const NUMBER_WORDS: &[&str] = &[
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
];

pub(crate) const TENS_WORDS: &[&str] = &["Twenty", "Thirty", "Forty", "Fifty"];

pub(crate) const SCENE_MARKERS: &[&str] = &[
    "* * *",
    "***",
    "~~~",
    "~*~*~",
    "xXx",
    "oOo",
    "---",
    "#",
    "_____",
    "-x-x-",
    "+++",
    "o0o0o",
    "~o~o~",
    "*~*~*~*",
    "=====",
    "* * * * *",
    "xxx",
];

pub(crate) const COMPLETE_MARKERS: &[&str] = &[
    "The End",
    "The End.",
    "Fin",
    "~Fin~",
    "THE END",
    "-The End-",
];

pub(crate) const CONTINUED_MARKERS: &[&str] = &[
    "TBC",
    "To be continued...",
    "To Be Continued",
    "-TBC-",
    "(TBC)",
    "tbc...",
];
