//! The analysis's hash maps and sets, with a fast hasher.
//!
//! Most keys are short words and names, hashed millions of times on a novel: the standard
//! library's SipHash took about a tenth of the analysis. foldhash (the hasher of hashbrown, already
//! in the dependency tree) is about as fast as the compiler's FxHash but seeds every map at random,
//! so a hostile text cannot be written to make names collide. Nothing read from a map depends on
//! its order (the standard maps already iterate in an order that changes from run to run), so the
//! output is the same.

/// A `HashMap` with foldhash's randomly seeded fast hasher.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// A `HashSet` with foldhash's randomly seeded fast hasher.
pub(crate) type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut m: HashMap<String, usize> = HashMap::default();
        for (i, w) in ["anna", "marcus", "mr. weston", "a", ""].iter().enumerate() {
            m.insert(w.to_string(), i);
        }
        assert_eq!(m.get("marcus"), Some(&1));
        assert_eq!(m.get(""), Some(&4));
        assert_eq!(m.get("marcu"), None);
    }
}
