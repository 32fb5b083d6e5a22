//! Batches handed to the writing thread and not yet committed.
//!
//! Stories are updated while the batch before is still being written. A report no longer in
//! memory is read back from the store, so before reading one that such a batch holds, the
//! thread updating stories waits for that batch's commit.

use std::{
    collections::{HashSet, VecDeque},
    sync::mpsc::Receiver,
};

pub(crate) struct Pending {
    /// The document ids of each batch sent and not yet committed, oldest first.
    sent: VecDeque<HashSet<String>>,
    /// One message per committed batch, in order.
    committed: Receiver<()>,
}

impl Pending {
    pub(crate) fn new(committed: Receiver<()>) -> Pending {
        Pending { sent: VecDeque::new(), committed }
    }

    /// Notes a batch handed to the writer.
    pub(crate) fn sent(&mut self, ids: HashSet<String>) {
        self.sent.push_back(ids);
    }

    /// Waits until none of `ids` is in an uncommitted batch; false when the writer stopped.
    pub(crate) fn wait_for<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) -> bool {
        while self.committed.try_recv().is_ok() {
            self.sent.pop_front();
        }
        let ids: Vec<&str> = ids.into_iter().collect();
        let Some(last) =
            self.sent.iter().rposition(|batch| ids.iter().any(|id| batch.contains(*id)))
        else {
            return true;
        };
        for _ in 0..=last {
            if self.committed.recv().is_err() {
                return false;
            }
            self.sent.pop_front();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_only_for_batches_holding_the_ids() {
        let (commit, committed) = std::sync::mpsc::channel();
        let mut pending = Pending::new(committed);
        let batch = |ids: &[&str]| ids.iter().map(|id| id.to_string()).collect();
        pending.sent(batch(&["a", "b"]));
        pending.sent(batch(&["c"]));
        pending.sent(batch(&["d"]));
        // Nothing pending holds "z": no wait, though nothing was committed.
        assert!(pending.wait_for(["z"]));
        assert_eq!(pending.sent.len(), 3);
        // "c" is in the second batch: two commits are awaited, the third batch stays pending.
        commit.send(()).unwrap();
        commit.send(()).unwrap();
        assert!(pending.wait_for(["c"]));
        assert_eq!(pending.sent.len(), 1);
        // A writer gone before committing "d" is reported.
        drop(commit);
        assert!(!pending.wait_for(["d"]));
    }
}
