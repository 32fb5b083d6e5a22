//! Reports kept in memory between batches, the least recently used dropped first: a story
//! being updated mostly needs its latest reports, and clearing everything at once sent whole
//! stories back to the store to be read and analysed again.

use std::collections::{HashMap, VecDeque};

use crate::report::stories::Kept;

pub(crate) struct Cache {
    limit: usize,
    /// Each report with the tick of its last use.
    kept: HashMap<String, (u64, Kept)>,
    /// Uses in order; an entry whose tick is not its report's latest is stale.
    uses: VecDeque<(u64, String)>,
    tick: u64,
}

impl Cache {
    pub(crate) fn new(limit: usize) -> Cache {
        Cache { limit, kept: HashMap::new(), uses: VecDeque::new(), tick: 0 }
    }

    pub(crate) fn insert(&mut self, kept: Kept) {
        self.tick += 1;
        let id = kept.article.id.clone();
        self.uses.push_back((self.tick, id.clone()));
        self.kept.insert(id, (self.tick, kept));
        while self.kept.len() > self.limit {
            let Some((tick, id)) = self.uses.pop_front() else { break };
            if self.kept.get(&id).is_some_and(|(latest, _)| *latest == tick) {
                self.kept.remove(&id);
            }
        }
        // Stale uses pile up when reports are taken and put back; drop them now and then.
        if self.uses.len() > 4 * self.limit.max(1) {
            let kept = &self.kept;
            self.uses.retain(|(tick, id)| kept.get(id).is_some_and(|(latest, _)| latest == tick));
        }
    }

    pub(crate) fn take(&mut self, id: &str) -> Option<Kept> {
        self.kept.remove(id).map(|(_, kept)| kept)
    }
}
