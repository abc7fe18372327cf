//! Collectors: a top-N by sort key with the work id as tie-break (stable pagination), and facet
//! counts over string fast fields.

use std::collections::{BinaryHeap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Where the sort key of a document comes from.
#[derive(Debug, Clone)]
pub(crate) enum SortSource {
    /// The query score.
    Score,
    /// A u64 fast field.
    Number(&'static str),
    /// A string fast field (ordinals are ordered like the strings within a segment).
    Text(&'static str),
}

/// A global sort value: numbers compare directly, strings after their segment is harvested.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SortValue {
    Number(u64),
    Text(String),
}

/// Top `limit` documents ordered by a sort key, then by id ascending; also counts matches.
pub(crate) struct TopByKey {
    pub source: SortSource,
    pub descending: bool,
    pub limit: usize,
}

/// What [`TopByKey`] returns: the match count and the best `(value, id)` pairs, best first.
pub(crate) struct TopFruit {
    pub count: u64,
    pub hits: Vec<(SortValue, u64)>,
}

/// Orders f32 scores as u64 (higher score, higher key), so scores share the integer heap.
fn score_key(score: Score) -> u64 {
    let bits = score.to_bits();
    if bits & 0x8000_0000 != 0 {
        u64::from(!bits)
    } else {
        u64::from(bits | 0x8000_0000)
    }
}

pub(crate) struct TopSegment {
    source: SortSource,
    descending: bool,
    limit: usize,
    ids: Column<u64>,
    numbers: Option<Column<u64>>,
    text: Option<StrColumn>,
    /// Max-heap on (local key, id): its top is the worst kept entry.
    heap: BinaryHeap<(u64, u64)>,
    count: u64,
}

impl Collector for TopByKey {
    type Fruit = TopFruit;
    type Child = TopSegment;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<TopSegment> {
        let ff = segment.fast_fields();
        let (numbers, text) = match &self.source {
            SortSource::Score => (None, None),
            SortSource::Number(f) => (Some(ff.u64(f)?), None),
            SortSource::Text(f) => (None, ff.str(f)?),
        };
        Ok(TopSegment {
            source: self.source.clone(),
            descending: self.descending,
            limit: self.limit,
            ids: ff.u64(crate::index::F_ID)?,
            numbers,
            text,
            heap: BinaryHeap::with_capacity(self.limit.min(1 << 16) + 1),
            count: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        matches!(self.source, SortSource::Score)
    }

    fn merge_fruits(&self, fruits: Vec<TopFruit>) -> tantivy::Result<TopFruit> {
        let count = fruits.iter().map(|f| f.count).sum();
        let mut hits: Vec<(SortValue, u64)> = fruits.into_iter().flat_map(|f| f.hits).collect();
        let descending_text = self.descending && matches!(self.source, SortSource::Text(_));
        hits.sort_by(|a, b| {
            let by_value = if descending_text {
                b.0.cmp(&a.0)
            } else {
                a.0.cmp(&b.0)
            };
            by_value.then(a.1.cmp(&b.1))
        });
        hits.truncate(self.limit);
        Ok(TopFruit { count, hits })
    }
}

impl TopSegment {
    /// The segment-local key: smaller is better.
    fn local_key(&self, doc: DocId, score: Score) -> u64 {
        let raw = match &self.source {
            SortSource::Score => score_key(score),
            SortSource::Number(_) => self
                .numbers
                .as_ref()
                .and_then(|c| c.first(doc))
                .unwrap_or(0),
            // Works without the value (no title) sort after every title either way, so
            // u64::MAX is kept for them and present ordinals never reach it.
            SortSource::Text(_) => {
                return match self.text.as_ref().and_then(|c| c.ords().first(doc)) {
                    Some(ord) if self.descending => (u64::MAX - 1).saturating_sub(ord),
                    Some(ord) => ord.min(u64::MAX - 1),
                    None => u64::MAX,
                };
            }
        };
        if self.descending { !raw } else { raw }
    }
}

impl SegmentCollector for TopSegment {
    type Fruit = TopFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.count += 1;
        if self.limit == 0 {
            return;
        }
        let key = self.local_key(doc, score);
        if self.heap.len() >= self.limit
            && let Some(&(worst, _)) = self.heap.peek()
            && key > worst
        {
            return;
        }
        let id = self.ids.first(doc).unwrap_or(u64::MAX);
        if self.heap.len() < self.limit {
            self.heap.push((key, id));
        } else if let Some(mut top) = self.heap.peek_mut()
            && (key, id) < *top
        {
            *top = (key, id);
        }
    }

    fn harvest(self) -> TopFruit {
        let mut entries = self.heap.into_vec();
        entries.sort_unstable();
        let hits = match (&self.source, &self.text) {
            (SortSource::Text(_), Some(column)) => {
                let mut out = Vec::with_capacity(entries.len());
                let mut s = String::new();
                for (key, id) in entries {
                    let value = if key == u64::MAX {
                        // No value: after everything, whatever the direction.
                        if self.descending {
                            String::new()
                        } else {
                            "\u{10FFFF}".to_string()
                        }
                    } else {
                        let ord = if self.descending {
                            (u64::MAX - 1) - key
                        } else {
                            key
                        };
                        match column.ord_to_str(ord, &mut s) {
                            Ok(true) => s.clone(),
                            _ => String::new(),
                        }
                    };
                    out.push((SortValue::Text(value), id));
                }
                out
            }
            _ => entries
                .into_iter()
                .map(|(k, id)| (SortValue::Number(k), id))
                .collect(),
        };
        TopFruit {
            count: self.count,
            hits,
        }
    }
}

/// Counts of canonical tag values per facet field over the matching documents.
pub(crate) struct FacetCounts {
    /// (facet name, fast field name).
    pub fields: Vec<(String, &'static str)>,
    pub limit: usize,
    /// The searcher has one segment (as after a rebuild): its counts are final, so each
    /// segment keeps only its top `limit` values instead of naming every value it saw.
    pub single_segment: bool,
}

pub(crate) struct FacetSegment {
    columns: Vec<Option<StrColumn>>,
    counts: Vec<Vec<u32>>,
    /// Values to keep per field when this segment's counts are final.
    keep: Option<usize>,
}

/// Facet name -> (value, count), most frequent first.
pub(crate) type FacetFruit = Vec<(String, Vec<(String, u64)>)>;

impl Collector for FacetCounts {
    type Fruit = FacetFruit;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let ff = segment.fast_fields();
        let mut columns = Vec::new();
        let mut counts = Vec::new();
        for (_, field) in &self.fields {
            let column = ff.str(field)?;
            counts.push(vec![0u32; column.as_ref().map_or(0, |c| c.num_terms())]);
            columns.push(column);
        }
        Ok(FacetSegment {
            columns,
            counts,
            keep: self.single_segment.then_some(self.limit),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, mut fruits: Vec<FacetFruit>) -> tantivy::Result<FacetFruit> {
        if fruits.len() == 1
            && let Some(fruit) = fruits.pop()
        {
            // One segment: its values are distinct already, so no map is needed to add them up.
            return Ok(self
                .fields
                .iter()
                .zip(fruit)
                .map(|((name, _), (_, mut values))| {
                    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                    values.truncate(self.limit);
                    (name.clone(), values)
                })
                .collect());
        }
        let mut merged: Vec<HashMap<String, u64>> = vec![HashMap::new(); self.fields.len()];
        for fruit in fruits {
            for (i, (_, values)) in fruit.into_iter().enumerate() {
                if let Some(m) = merged.get_mut(i) {
                    for (v, c) in values {
                        *m.entry(v).or_default() += c;
                    }
                }
            }
        }
        Ok(self
            .fields
            .iter()
            .zip(merged)
            .map(|((name, _), m)| {
                let mut values: Vec<(String, u64)> = m.into_iter().collect();
                values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                values.truncate(self.limit);
                (name.clone(), values)
            })
            .collect())
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = FacetFruit;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for (column, counts) in self.columns.iter().zip(self.counts.iter_mut()) {
            if let Some(column) = column {
                for ord in column.term_ords(doc) {
                    if let Some(c) = usize::try_from(ord).ok().and_then(|o| counts.get_mut(o)) {
                        *c += 1;
                    }
                }
            }
        }
    }

    fn harvest(self) -> FacetFruit {
        self.columns
            .iter()
            .zip(self.counts)
            .map(|(column, counts)| {
                let Some(column) = column else {
                    return (String::new(), Vec::new());
                };
                let mut ords: Vec<u64> = counts
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c > 0)
                    .map(|(o, _)| o as u64)
                    .collect();
                if let Some(keep) = self.keep
                    && ords.len() > keep
                {
                    // Most frequent first, ties by ordinal, which within a segment is the
                    // order of the names: the same order merge_fruits sorts by.
                    let rank = |o: &u64| (std::cmp::Reverse(counts[*o as usize]), *o);
                    if keep == 0 {
                        ords.clear();
                    } else {
                        ords.select_nth_unstable_by_key(keep - 1, rank);
                        ords.truncate(keep);
                        ords.sort_unstable();
                    }
                }
                let mut values = Vec::with_capacity(ords.len());
                let mut counts_iter = ords.iter().map(|&o| u64::from(counts[o as usize]));
                // Ordinals are sorted, which lets the dictionary stream them in one pass.
                let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                    let count = counts_iter.next().unwrap_or(0);
                    values.push((String::from_utf8_lossy(bytes).into_owned(), count));
                });
                (String::new(), values)
            })
            .collect()
    }
}
