//! The model file: a compact little-endian binary format.
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `VIGIANER` |
//! | 4 | format version, `u32` (currently 5; bump when features or layout change) |
//! | 4 | tag count, `u32`, always 9 (`O`, then `B-`/`I-` for PER, ORG, LOC, MISC) |
//! | 4 | knowledge base version, `u32`: the `version` of the knowledge base whose matches were features in training, 0 when the model has no knowledge base features |
//! | 4 | `scale`, `f32`: a stored weight times `scale` is the averaged perceptron weight |
//! | 360 | transitions, 10 × 9 `i32`, row 9 being the sentence start; forbidden ones hold `i32::MIN / 4` |
//! | 4 + 4·V | `V`, then `V` ascending `u32` hashes of lowercase words seen in training |
//! | 4 + 6·D | `D`, then `D` ascending `u32` hashes of words seen in entities, then `D` `u16` entries (see `features::Lexicon`) |
//! | 4 + 4·P | `P`, then `P` ascending `u32` hashes of gazetteer place names (`features::place_hash`) |
//! | 4 + 5·Q | `Q`, then `Q` ascending `u32` hashes of entity phrases seen in training, then `Q` `u8` kind masks |
//! | 4 + 4·F | `F`, then `F` ascending `u32` feature hashes |
//! | 18·F | `F` rows of 9 `i16` weights |
//!
//! Nothing follows. Every count is checked against the bytes left before anything is allocated.
//! Version 5 added the knowledge base version and features; older files are rejected with
//! `NerError::UnsupportedVersion` rather than read with the wrong features.

use super::{features::Lexicon, NerError, NerModel, TAGS};

const MAGIC: &[u8; 8] = b"VIGIANER";
const VERSION: u32 = 5;

impl NerModel {
    pub(super) fn from_parts(
        scale: f32,
        kb_version: Option<u32>,
        transitions: [[i32; TAGS]; TAGS + 1],
        lexicon: Lexicon,
        keys: Vec<u32>,
        weights: Vec<[i16; TAGS]>,
    ) -> NerModel {
        debug_assert_eq!(keys.len(), weights.len());
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]));
        let table = super::table::Table::new(&keys, &weights);
        NerModel { scale, kb_version, transitions, lexicon, table }
    }
}

pub(super) fn write(model: &NerModel) -> Vec<u8> {
    let lexicon = model.lexicon.sorted();
    let features = model.table.sorted();
    let mut out = Vec::with_capacity(
        404 + 4 * lexicon.vocab.len()
            + 6 * lexicon.dict.len()
            + 4 * lexicon.places.len()
            + 5 * lexicon.phrases.len()
            + (4 + 2 * TAGS) * features.len(),
    );
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(TAGS as u32).to_le_bytes());
    out.extend_from_slice(&model.kb_version.unwrap_or(0).to_le_bytes());
    out.extend_from_slice(&model.scale.to_le_bytes());
    for w in model.transitions.iter().flatten() {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out.extend_from_slice(&(lexicon.vocab.len() as u32).to_le_bytes());
    for h in &lexicon.vocab {
        out.extend_from_slice(&h.to_le_bytes());
    }
    out.extend_from_slice(&(lexicon.dict.len() as u32).to_le_bytes());
    for (h, _) in &lexicon.dict {
        out.extend_from_slice(&h.to_le_bytes());
    }
    for (_, e) in &lexicon.dict {
        out.extend_from_slice(&e.to_le_bytes());
    }
    out.extend_from_slice(&(lexicon.places.len() as u32).to_le_bytes());
    for h in &lexicon.places {
        out.extend_from_slice(&h.to_le_bytes());
    }
    out.extend_from_slice(&(lexicon.phrases.len() as u32).to_le_bytes());
    for (h, _) in &lexicon.phrases {
        out.extend_from_slice(&h.to_le_bytes());
    }
    out.extend(lexicon.phrases.iter().map(|(_, kinds)| kinds));
    out.extend_from_slice(&(features.len() as u32).to_le_bytes());
    for (key, _) in &features {
        out.extend_from_slice(&key.to_le_bytes());
    }
    for w in features.iter().flat_map(|(_, weights)| weights) {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        if self.bytes.len() < n {
            return Err(NerError::Truncated);
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, NerError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    /// A count of items of `size` bytes each, checked against what is left.
    fn count(&mut self, size: usize) -> Result<usize, NerError> {
        let n = self.u32()? as usize;
        if n.checked_mul(size).is_none_or(|total| total > self.bytes.len()) {
            return Err(NerError::Truncated);
        }
        Ok(n)
    }

    fn ascending(&mut self, n: usize, what: &'static str) -> Result<Vec<u32>, NerError> {
        let raw = self.take(4 * n)?;
        let out: Vec<u32> = raw
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        if out.windows(2).any(|w| w[0] >= w[1]) {
            return Err(NerError::Corrupt(what));
        }
        Ok(out)
    }
}

pub(super) fn read(bytes: &[u8]) -> Result<NerModel, NerError> {
    let mut r = Reader { bytes };
    if r.take(MAGIC.len()).map_err(|_| NerError::BadMagic)? != MAGIC {
        return Err(NerError::BadMagic);
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(NerError::UnsupportedVersion { found: version, expected: VERSION });
    }
    if r.u32()? as usize != TAGS {
        return Err(NerError::Corrupt("tag count is not 9"));
    }
    let kb_version = Some(r.u32()?).filter(|&v| v != 0);
    let scale = f32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes"));
    if !scale.is_finite() || scale <= 0.0 {
        return Err(NerError::Corrupt("scale is not a positive number"));
    }
    let mut transitions = [[0i32; TAGS]; TAGS + 1];
    for w in transitions.iter_mut().flatten() {
        *w = r.u32()? as i32;
    }
    let v = r.count(4)?;
    let vocab = r.ascending(v, "vocabulary is not sorted")?;
    let d = r.count(6)?;
    let dict_keys = r.ascending(d, "dictionary is not sorted")?;
    let entries: Vec<u16> =
        r.take(2 * d)?.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    if entries.iter().any(|&e| usize::from(e & 0xF) >= TAGS || e >> 9 != 0) {
        return Err(NerError::Corrupt("dictionary entry out of range"));
    }
    let p = r.count(4)?;
    let places = r.ascending(p, "place names are not sorted")?;
    let q = r.count(5)?;
    let phrase_keys = r.ascending(q, "phrases are not sorted")?;
    let phrase_kinds = r.take(q)?.to_vec();
    if phrase_kinds.iter().any(|&k| k == 0 || k >> 4 != 0) {
        return Err(NerError::Corrupt("phrase kinds out of range"));
    }
    let f = r.count(4 + 2 * TAGS)?;
    let keys = r.ascending(f, "feature keys are not sorted")?;
    let raw = r.take(2 * TAGS * f)?;
    let weights = raw
        .chunks_exact(2 * TAGS)
        .map(|row| std::array::from_fn(|t| i16::from_le_bytes([row[2 * t], row[2 * t + 1]])))
        .collect();
    if !r.bytes.is_empty() {
        return Err(NerError::Truncated);
    }
    let lexicon = Lexicon::new(&vocab, &dict_keys, &entries, &places, &phrase_keys, &phrase_kinds);
    Ok(NerModel::from_parts(scale, kb_version, transitions, lexicon, keys, weights))
}
