//! Exact-match entity scoring by conlleval rules: an entity counts when its start, end and
//! type all match a gold entity.

use super::{entities, Kind, Tag};

/// Entity counts for one type or overall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Predicted entities that match a gold one exactly.
    pub correct: usize,
}

impl Counts {
    /// Correct over predicted, in percent; 0 when nothing was predicted, as conlleval prints.
    pub fn precision(&self) -> f64 {
        percent(self.correct, self.predicted)
    }

    /// Correct over gold, in percent; 0 when there is no gold entity.
    pub fn recall(&self) -> f64 {
        percent(self.correct, self.gold)
    }

    /// The harmonic mean of precision and recall, in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Per-type and overall counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Counts per type, in `Kind::ALL` order.
    pub by_kind: [Counts; 4],
    /// Counts over all types.
    pub overall: Counts,
}

impl Scores {
    /// The counts of one type.
    pub fn kind(&self, kind: Kind) -> Counts {
        self.by_kind[kind as usize]
    }

    /// Adds one sentence: gold and predicted tags over the same tokens.
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        debug_assert_eq!(gold.len(), predicted.len());
        let gold = entities(gold);
        let predicted = entities(predicted);
        for kind in Kind::ALL {
            let g: Vec<_> = gold.iter().filter(|e| e.kind == kind).collect();
            let p: Vec<_> = predicted.iter().filter(|e| e.kind == kind).collect();
            let correct = p.iter().filter(|e| g.contains(e)).count();
            let counts = Counts { gold: g.len(), predicted: p.len(), correct };
            self.by_kind[kind as usize].add(counts);
            self.overall.add(counts);
        }
    }
}

/// Scores sentence pairs `(gold, predicted)`.
pub fn score<'a>(pairs: impl IntoIterator<Item = (&'a [Tag], &'a [Tag])>) -> Scores {
    let mut scores = Scores::default();
    for (gold, predicted) in pairs {
        scores.add(gold, predicted);
    }
    scores
}
