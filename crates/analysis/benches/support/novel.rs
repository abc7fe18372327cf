//! The generated novel the analysis bench and the speed example both measure.

/// A deterministic novel-like text of about `words` words: narration with names and pronouns,
/// tagged and untagged dialogue, scene changes between characters.
pub fn generated(words: usize) -> String {
    const NAMES: [&str; 6] = ["Anna", "Marcus", "Helen", "Tobias", "Clara", "Edmund"];
    const SHE: [bool; 6] = [true, false, true, false, true, false];
    let mut out = String::with_capacity(words * 6);
    let mut count = 0;
    let mut i: usize = 0;
    while count < words {
        let a = i % 6;
        let b = (i / 6 + a + 1) % 6;
        let (pa, pb) = (
            if SHE[a] { "she" } else { "he" },
            if SHE[b] { "she" } else { "he" },
        );
        let para = match i % 5 {
            0 => format!(
                "{} walked into the kitchen and looked at {}. The rain had not stopped since morning, and {} wondered whether the road to the village would hold.\n\n",
                NAMES[a], NAMES[b], pa
            ),
            1 => format!(
                "\"I told you it would rain,\" {} said, setting the kettle down. \"You never listen to me, {}.\"\n\n",
                NAMES[a], NAMES[b]
            ),
            2 => format!(
                "\"Perhaps I don't,\" {pb} replied. \"But someone has to go before dark.\"\n\n"
            ),
            3 => "\"Then go.\"\n\n".to_string(),
            _ => format!(
                "{} thought about the letter in {} pocket. It was three days old now, and {pb} still had not answered it.\n\n",
                NAMES[b],
                if SHE[b] { "her" } else { "his" }
            ),
        };
        count += ficarchive_model::count_words(&para);
        out.push_str(&para);
        i += 1;
    }
    out
}
