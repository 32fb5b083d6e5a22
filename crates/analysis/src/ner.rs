//! Named-entity tagging: a first-order structured perceptron over hashed token features.
//!
//! The tagger reads tokens and writes IOB2 tags over four types (PER, ORG, LOC, MISC), as in
//! the CoNLL-2002 and CoNLL-2003 shared tasks. It is a statistical model, so names it never saw
//! in training are found from their shape, affixes and context.
//!
//! - Features (`features`): the word and its lowercase form, its shape (`Xxxx`, `dd`, `X.X.`)
//!   and collapsed shape, prefixes and suffixes of 1–4 characters, case, digit, hyphen and
//!   period flags, the words (±3) and shapes (±2) around it, word bigrams, sentence position,
//!   quotation marks, whether the sentence is in capitals (headlines), and whether a
//!   capitalised word is known from training as an ordinary lowercase word. Each is an FNV-1a
//!   hash folded to 32 bits.
//! - Lexicon features, from the training data and a gazetteer: the word's most frequent tag
//!   in training and the kinds it was seen in; matches of whole entity phrases seen in
//!   training; matches of place names passed in `TrainConfig::places`. The training-derived
//!   ones are jackknifed (each training sentence sees the lexicon of the other nine folds),
//!   so the model does not learn to trust them more than they deserve on new text.
//! - Knowledge base features, when the model is trained with `TrainConfig::kb`: whether the
//!   token (and each neighbour) begins, continues or ends a span that the knowledge base's
//!   matcher finds (case and accents folded, acronyms case-sensitive), or is one on its own,
//!   and the types of the entries it names (criminal group, organisation, person, place). The
//!   knowledge base is passed at tag time; the model records only the version it was trained
//!   with (`NerModel::kb_version`).
//! - Document context (`NerModel::tag_document`): how each word is written elsewhere in the
//!   document (lowercase, capitalised mid-sentence, in a headline) and which training phrases
//!   it is part of there.
//! - Decoding: Viterbi over emission scores plus a tag-transition matrix, with transitions
//!   that IOB2 forbids (`O` → `I-X`, `B-X` → `I-Y`) ruled out, so the output is always valid.
//! - Training (`train`): the averaged structured perceptron (Collins 2002), with a seeded
//!   shuffle per epoch, so the same data and config give the same model byte for byte.
//! - Storage (`format`): weights quantised to `i16`, features that never moved dropped.
//!
//! Scoring by conlleval rules lives in `score`.

mod features;
mod format;
mod score;
mod table;
mod train;

#[cfg(test)]
mod tests;

use std::fmt;

use crate::kb::KnowledgeBase;

pub use score::{score, Counts, Scores};
pub use train::{train, train_with, TrainConfig, TrainEvent};

/// An entity type of the CoNLL tag set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// People.
    Per,
    /// Organisations, including criminal groups.
    Org,
    /// Places.
    Loc,
    /// Other names: nationalities, events, works, products.
    Misc,
}

impl Kind {
    /// Every kind, in the order used for tag ids and in tables.
    pub const ALL: [Kind; 4] = [Kind::Per, Kind::Org, Kind::Loc, Kind::Misc];

    /// The CoNLL label: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
            Kind::Misc => "MISC",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == s)
    }
}

/// One IOB2 tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// The first token of an entity.
    B(Kind),
    /// A later token of an entity.
    I(Kind),
}

/// Number of distinct tags: `O` plus `B-` and `I-` for each kind.
pub(crate) const TAGS: usize = 9;

impl Tag {
    /// The tag's dense id: `O` is 0, then `B-`/`I-` pairs in `Kind::ALL` order.
    pub(crate) fn id(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(kind) => 1 + 2 * kind as usize,
            Tag::I(kind) => 2 + 2 * kind as usize,
        }
    }

    pub(crate) fn from_id(id: usize) -> Tag {
        debug_assert!(id < TAGS);
        match id {
            0 => Tag::O,
            _ if id % 2 == 1 => Tag::B(Kind::ALL[(id - 1) / 2]),
            _ => Tag::I(Kind::ALL[(id - 2) / 2]),
        }
    }

    /// Parses `O`, `B-PER`, `I-LOC` and so on.
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (prefix, kind) = s.split_once('-')?;
        let kind = Kind::parse(kind)?;
        match prefix {
            "B" => Some(Tag::B(kind)),
            "I" => Some(Tag::I(kind)),
            _ => None,
        }
    }

    /// The entity type, or `None` for `O`.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Tag::O => None,
            Tag::B(kind) | Tag::I(kind) => Some(kind),
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(kind) => write!(f, "B-{}", kind.as_str()),
            Tag::I(kind) => write!(f, "I-{}", kind.as_str()),
        }
    }
}

/// A tagged sentence, as read from a CoNLL file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// One tag per token.
    pub tags: Vec<Tag>,
    /// The document it belongs to, counted from 0; sentences of a document are consecutive.
    /// See [`parse_conll`] for where documents start.
    pub document: usize,
}

/// An entity found in a token sequence: tokens `start..end` of type `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Entity {
    /// Index of the first token.
    pub start: usize,
    /// Index one past the last token.
    pub end: usize,
    /// The entity type.
    pub kind: Kind,
}

/// Why a model or a CoNLL file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NerError {
    /// The bytes do not start with the model magic.
    #[error("not a vigia ner model (bad magic)")]
    BadMagic,
    /// The model was written by a different format version.
    #[error("ner model is format v{found}, this build reads v{expected}")]
    UnsupportedVersion {
        /// The version in the file.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
    /// The bytes end before the model does, or have bytes left over.
    #[error("ner model is truncated or has trailing bytes")]
    Truncated,
    /// A field holds a value the format does not allow.
    #[error("ner model is corrupt: {0}")]
    Corrupt(&'static str),
    /// A CoNLL line could not be read.
    #[error("line {line}: {message}")]
    Conll {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

/// A trained tagger. Build one with [`train`] or load one with [`NerModel::from_bytes`].
#[derive(Debug, Clone, PartialEq)]
pub struct NerModel {
    /// Weight units: a stored `i16` times `scale` is the averaged perceptron weight.
    scale: f32,
    /// The version of the knowledge base whose matches were features in training; `None`
    /// when the model has no knowledge base features.
    kb_version: Option<u32>,
    /// `transitions[prev][cur]`, with `prev == TAGS` for the sentence start.
    transitions: [[i32; TAGS]; TAGS + 1],
    /// Ordinary words and entity words seen in training.
    lexicon: features::Lexicon,
    /// Each feature's hash with its `TAGS` weights.
    table: table::Table,
}

/// Score that rules a transition out; low enough never to win, far from overflow.
const FORBIDDEN: i32 = i32::MIN / 4;

impl NerModel {
    /// Reads a model written by [`NerModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, NerError> {
        format::read(bytes)
    }

    /// The compact binary form described in the `format` module.
    pub fn to_bytes(&self) -> Vec<u8> {
        format::write(self)
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.table.len()
    }

    /// The version of the knowledge base the model was trained with, or `None` when it has no
    /// knowledge base features. Tag with that knowledge base: another version still works, but
    /// the features then mean something slightly different from what the model learnt.
    pub fn kb_version(&self) -> Option<u32> {
        self.kb_version
    }

    /// IOB2 tags for one sentence's `tokens`, one per token, as a document of its own.
    /// See [`NerModel::tag_document`] for `kb`.
    pub fn tag(&self, tokens: &[&str], kb: Option<&KnowledgeBase>) -> Vec<Tag> {
        self.tag_document(&[tokens], kb).pop().unwrap_or_default()
    }

    /// IOB2 tags for each sentence of a document. How a word is written elsewhere in the
    /// document (a capitalised word inside a sentence, a full name) informs each sentence.
    ///
    /// `kb` is the knowledge base whose names are features. It is read only when the model
    /// was trained with one ([`NerModel::kb_version`]); such a model tagging without it loses
    /// those features and scores lower.
    pub fn tag_document(&self, sentences: &[&[&str]], kb: Option<&KnowledgeBase>) -> Vec<Vec<Tag>> {
        let kb = kb.filter(|_| self.kb_version.is_some());
        let mut scratch = features::Scratch::default();
        let doc = features::DocContext::build(sentences, &self.lexicon, &mut scratch);
        sentences.iter().map(|tokens| self.tag_with(tokens, &doc, kb, &mut scratch)).collect()
    }

    fn tag_with(
        &self,
        tokens: &[&str],
        doc: &features::DocContext,
        kb: Option<&KnowledgeBase>,
        scratch: &mut features::Scratch,
    ) -> Vec<Tag> {
        if tokens.is_empty() {
            return Vec::new();
        }
        features::extract(tokens, &self.lexicon, doc, kb, scratch);
        let mut emissions = Vec::with_capacity(tokens.len());
        for i in 0..tokens.len() {
            let mut row = [0i64; TAGS];
            for key in scratch.token(i) {
                if let Some(weights) = self.table.get(*key) {
                    for (sum, &w) in row.iter_mut().zip(weights) {
                        *sum += i64::from(w);
                    }
                }
            }
            emissions.push(row);
        }
        // i64 sums: a long sentence of strong features could overflow i32.
        let transitions = self.transitions.map(|row| row.map(i64::from));
        viterbi(&emissions, &transitions).into_iter().map(Tag::from_id).collect()
    }
}

/// Whether IOB2 allows `cur` right after `prev` (`prev == TAGS` is the sentence start).
pub(crate) fn allowed(prev: usize, cur: usize) -> bool {
    match Tag::from_id(cur) {
        Tag::I(kind) => prev < TAGS && Tag::from_id(prev).kind() == Some(kind),
        _ => true,
    }
}

/// The best tag-id path; ties go to the lower tag id, so decoding is deterministic.
pub(crate) fn viterbi<T>(emissions: &[[T; TAGS]], transitions: &[[T; TAGS]; TAGS + 1]) -> Vec<usize>
where
    T: Copy + PartialOrd + std::ops::Add<Output = T>,
{
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; TAGS]; n];
    let mut score: [T; TAGS] =
        std::array::from_fn(|cur| transitions[TAGS][cur] + emissions[0][cur]);
    for t in 1..n {
        let mut next = score;
        for cur in 0..TAGS {
            let mut best = 0;
            let mut best_score = score[0] + transitions[0][cur];
            for prev in 1..TAGS {
                let s = score[prev] + transitions[prev][cur];
                if s > best_score {
                    best = prev;
                    best_score = s;
                }
            }
            next[cur] = best_score + emissions[t][cur];
            back[t][cur] = best as u8;
        }
        score = next;
    }
    let mut last = 0;
    for cur in 1..TAGS {
        if score[cur] > score[last] {
            last = cur;
        }
    }
    let mut path = vec![0; n];
    path[n - 1] = last;
    for t in (1..n).rev() {
        path[t - 1] = usize::from(back[t][path[t]]);
    }
    path
}

/// The entities in `tags`, read by conlleval's rules: an entity starts at `B-X`, or at `I-X`
/// after `O` or after another type, and runs while `I-X` follows.
pub fn entities(tags: &[Tag]) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues =
            matches!((tag, open), (Tag::I(kind), Some((_, open_kind))) if kind == open_kind);
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take() {
            out.push(Entity { start, end: i, kind });
        }
        if let Some(kind) = tag.kind() {
            open = Some((i, kind));
        }
    }
    if let Some((start, kind)) = open {
        out.push(Entity { start, end: tags.len(), kind });
    }
    out
}

/// Reads CoNLL text: `token TAG` per line (the tag is the last column), a blank line between
/// sentences. `-DOCSTART-` lines start a document and are skipped. Files without them
/// (CoNLL-2002 Spanish) start a document at each news-agency dateline such as
/// `Madrid , 23 may ( EFE ) .`, which opens every EFE article; only the tokens are used.
pub fn parse_conll(text: &str) -> Result<Vec<Sentence>, NerError> {
    let mut out = Vec::new();
    let mut document = 0;
    let mut marked = false;
    let mut current = Sentence { tokens: Vec::new(), tags: Vec::new(), document };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut current,
                    Sentence { tokens: Vec::new(), tags: Vec::new(), document },
                ));
            }
            continue;
        }
        let mut columns = line.split_whitespace();
        let token = columns.next().unwrap_or_default();
        let Some(label) = columns.next_back() else {
            return Err(NerError::Conll { line: n + 1, message: "expected `token TAG`".into() });
        };
        if token == "-DOCSTART-" {
            if marked || !out.is_empty() || !current.tokens.is_empty() {
                document += 1;
            }
            marked = true;
            current.document = document;
            continue;
        }
        let tag = Tag::parse(label).ok_or_else(|| NerError::Conll {
            line: n + 1,
            message: format!("unknown tag `{label}`"),
        })?;
        current.tokens.push(token.to_owned());
        current.tags.push(tag);
    }
    if !current.tokens.is_empty() {
        out.push(current);
    }
    if !marked {
        let mut document = 0;
        for (i, sentence) in out.iter_mut().enumerate() {
            if i > 0 && is_dateline(&sentence.tokens) {
                document += 1;
            }
            sentence.document = document;
        }
    }
    Ok(out)
}

/// `Place , 23 may ( EFE ) .`: ends in `( AGENCY ) .` after a number.
fn is_dateline(tokens: &[String]) -> bool {
    let n = tokens.len();
    n >= 6
        && tokens[n - 4] == "("
        && tokens[n - 2] == ")"
        && tokens[n - 1] == "."
        && tokens[n - 3].chars().all(|c| c.is_ascii_uppercase())
        && tokens[..n - 4].iter().any(|t| t.chars().all(|c| c.is_ascii_digit()))
}
