//! Feature weights in one open-addressing table, so that looking a feature up reads one slot
//! holding both its key and its weights, not a map entry and then a weight row elsewhere.

use super::TAGS;

/// One feature: its hash and its weight per tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    key: u32,
    weights: [i16; TAGS],
}

/// Linear probing over a power-of-two array at most half full. Empty slots hold a key that no
/// feature has, so no flag per slot is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    slots: Vec<Slot>,
    mask: usize,
    empty: u32,
    len: usize,
}

impl Table {
    /// A table of `keys`, ascending and distinct, with their `weights`.
    pub(crate) fn new(keys: &[u32], weights: &[[i16; TAGS]]) -> Table {
        debug_assert_eq!(keys.len(), weights.len());
        // The first value missing from the ascending keys; fewer than 2^32 keys leave one.
        let mut empty = 0u32;
        for &key in keys {
            if key != empty {
                break;
            }
            empty += 1;
        }
        let capacity = (keys.len() * 2).next_power_of_two().max(16);
        let mask = capacity - 1;
        let mut slots = vec![Slot { key: empty, weights: [0; TAGS] }; capacity];
        for (&key, &weights) in keys.iter().zip(weights) {
            let mut at = spread(key) & mask;
            while slots[at].key != empty {
                at = (at + 1) & mask;
            }
            slots[at] = Slot { key, weights };
        }
        Table { slots, mask, empty, len: keys.len() }
    }

    /// Number of features.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Every feature with its weights, by ascending key, as the model file lists them.
    pub(crate) fn sorted(&self) -> Vec<(u32, [i16; TAGS])> {
        let mut features: Vec<(u32, [i16; TAGS])> = self
            .slots
            .iter()
            .filter(|slot| slot.key != self.empty)
            .map(|slot| (slot.key, slot.weights))
            .collect();
        features.sort_unstable_by_key(|&(key, _)| key);
        features
    }

    /// The weights of a feature, if the model has it.
    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<&[i16; TAGS]> {
        if key == self.empty {
            return None;
        }
        let mut at = spread(key) & self.mask;
        loop {
            let slot = &self.slots[at];
            if slot.key == key {
                return Some(&slot.weights);
            }
            if slot.key == self.empty {
                return None;
            }
            at = (at + 1) & self.mask;
        }
    }
}

/// Feature keys are hashes already, but their low bits may cluster; the multiply spreads them.
fn spread(key: u32) -> usize {
    (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_no_other() {
        // Keys from 0 up make the empty marker the first gap, 3.
        let keys = [0u32, 1, 2, 4, 7, 1 << 20, u32::MAX];
        let weights: Vec<[i16; TAGS]> =
            keys.iter().map(|&k| std::array::from_fn(|t| (k % 1000) as i16 + t as i16)).collect();
        let table = Table::new(&keys, &weights);
        assert_eq!(table.empty, 3);
        for (key, row) in keys.iter().zip(&weights) {
            assert_eq!(table.get(*key), Some(row));
        }
        for missing in [3u32, 5, 6, 8, 1 << 21, u32::MAX - 1] {
            assert_eq!(table.get(missing), None);
        }
        assert_eq!(table.len(), keys.len());
        let sorted: Vec<(u32, [i16; TAGS])> = keys.iter().copied().zip(weights).collect();
        assert_eq!(table.sorted(), sorted);
        assert_eq!(Table::new(&[], &[]).get(0), None);
    }
}
