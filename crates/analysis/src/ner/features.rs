//! Token features for the tagger, as 32-bit hashes computed without per-feature allocation.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::kb::{EntryType, KnowledgeBase};

/// Feature templates; the id is hashed in so that equal strings under different templates differ.
mod template {
    pub(super) const BIAS: u8 = 1;
    pub(super) const WORD: u8 = 2;
    pub(super) const LOWER: u8 = 3;
    pub(super) const SHAPE: u8 = 4;
    pub(super) const SHORT: u8 = 5;
    pub(super) const PREFIX: u8 = 6;
    pub(super) const SUFFIX: u8 = 7;
    pub(super) const FLAG: u8 = 8;
    pub(super) const NEAR_LOWER: u8 = 9;
    pub(super) const NEAR_SHORT: u8 = 10;
    pub(super) const BIGRAM: u8 = 11;
    pub(super) const POSITION: u8 = 12;
    pub(super) const SHORT_PAIR: u8 = 13;
    pub(super) const SHORT_TRIPLE: u8 = 14;
    pub(super) const KNOWN_LOWER: u8 = 15;
    pub(super) const CAPS_SENTENCE: u8 = 16;
    pub(super) const NEAR_WORD_SHAPE: u8 = 17;
    pub(super) const NEAR_SUFFIX: u8 = 18;
    pub(super) const DICT_TOP: u8 = 19;
    pub(super) const DICT_KIND: u8 = 20;
    pub(super) const PLACE: u8 = 21;
    pub(super) const PHRASE: u8 = 22;
    pub(super) const QUOTED: u8 = 23;
    pub(super) const DOC_CASE: u8 = 24;
    pub(super) const DOC_PHRASE: u8 = 25;
    pub(super) const KB: u8 = 26;
}

/// How a word is written at one occurrence, for document context.
fn case_class(token: &str, initial: bool, caps: bool) -> Option<usize> {
    let upper = token.chars().next().is_some_and(char::is_uppercase);
    if !token.chars().any(char::is_alphabetic) {
        None
    } else if !upper {
        Some(0)
    } else if caps || !token.chars().any(char::is_lowercase) {
        Some(3)
    } else if initial {
        Some(2)
    } else {
        Some(1)
    }
}

/// What the rest of a document says about each word: how often it is written lowercase,
/// capitalised inside a sentence, capitalised at a sentence start or in capitals, and which
/// kinds of training phrase it was part of. A headline's "JAPAN" or a sentence-initial
/// "Clinton" is read in the light of "Japan" or "Bill Clinton" further down.
#[derive(Default)]
pub(crate) struct DocContext {
    cases: HashMap<u32, [u16; 4], BuildIdHasher>,
    phrases: HashMap<u32, u8, BuildIdHasher>,
}

impl DocContext {
    pub(crate) fn build(
        sentences: &[&[&str]],
        lexicon: &Lexicon,
        scratch: &mut Scratch,
    ) -> DocContext {
        let mut doc = DocContext::default();
        for tokens in sentences {
            let caps = caps_sentence(tokens);
            let n = tokens.len();
            if scratch.lower.len() < n {
                scratch.lower.resize_with(n, String::new);
            }
            for (lower, token) in scratch.lower.iter_mut().zip(tokens.iter()) {
                lowercase_into(token, lower);
            }
            for (i, token) in tokens.iter().enumerate() {
                if let Some(class) = case_class(token, i == 0, caps) {
                    let counts = doc.cases.entry(vocab_hash(&scratch.lower[i])).or_default();
                    counts[class] = counts[class].saturating_add(1);
                }
            }
            let phrases = |hash: u32| lexicon.phrase(hash);
            mark_longest(&scratch.lower[..n], template::PHRASE, phrases, &mut scratch.phrase);
            for (i, mark) in scratch.phrase.iter().enumerate() {
                if *mark != 0 {
                    *doc.phrases.entry(vocab_hash(&scratch.lower[i])).or_default() |= mark >> 2;
                }
            }
        }
        doc
    }
}

/// Longest place name matched, in tokens.
pub(crate) const PLACE_TOKENS: usize = 5;

/// The hash of a place name: lowercase tokens joined by one space.
pub(crate) fn place_hash(joined_lower: &str) -> u32 {
    hash(template::PLACE, &[joined_lower.as_bytes()])
}

/// The hash of an entity phrase seen in training, written like a place name.
fn phrase_hash(joined_lower: &str) -> u32 {
    hash(template::PHRASE, &[joined_lower.as_bytes()])
}

/// What the model knows about words from its training data, beyond feature weights. It is
/// kept as hash tables only: a token tries up to ten place and phrase names, and a binary
/// search over sorted lists cost a cache miss per step; the model file's sorted lists are
/// made from the tables when it is written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lexicon {
    /// Hashes of lowercase words seen lowercase in training.
    vocab: HashSet<u32, BuildIdHasher>,
    /// Per hash of a lowercase word seen inside an entity: bits 0–3 its most frequent tag id,
    /// bits 4–7 the kinds it was seen in, bit 8 set when it was more often in an entity than
    /// outside.
    dict: HashMap<u32, u16, BuildIdHasher>,
    /// Hashes of gazetteer place names (see `place_hash`).
    places: HashSet<u32, BuildIdHasher>,
    /// Per hash of an entity phrase seen in training (see `phrase_hash`), bit `k` set when it
    /// was an entity of `Kind::ALL[k]`.
    phrases: HashMap<u32, u8, BuildIdHasher>,
}

/// A lexicon as the model file lists it: every table by ascending hash.
pub(crate) struct SortedLexicon {
    pub(crate) vocab: Vec<u32>,
    pub(crate) dict: Vec<(u32, u16)>,
    pub(crate) places: Vec<u32>,
    pub(crate) phrases: Vec<(u32, u8)>,
}

impl Lexicon {
    /// Builds the lexicon of `sentences`, skipping those for which `skip` is true.
    pub(crate) fn build(
        sentences: &[super::Sentence],
        places: &[u32],
        skip: impl Fn(usize) -> bool,
    ) -> Lexicon {
        let mut vocab: HashSet<u32, BuildIdHasher> = Default::default();
        let mut phrases: HashMap<u32, u8, BuildIdHasher> = Default::default();
        let mut counts: HashMap<u32, [u32; super::TAGS], BuildIdHasher> = Default::default();
        for (s, sentence) in sentences.iter().enumerate() {
            if skip(s) {
                continue;
            }
            for (token, tag) in sentence.tokens.iter().zip(&sentence.tags) {
                let lower = lowercase(token);
                let key = vocab_hash(&lower);
                if is_lowercase_word(token) {
                    vocab.insert(key);
                }
                counts.entry(key).or_default()[tag.id()] += 1;
            }
            for e in super::entities(&sentence.tags) {
                if e.end - e.start <= PLACE_TOKENS {
                    let joined = lowercase(&sentence.tokens[e.start..e.end].join(" "));
                    *phrases.entry(phrase_hash(&joined)).or_default() |= 1 << e.kind as u8;
                }
            }
        }
        let dict = counts
            .into_iter()
            .filter(|(_, c)| c[1..].iter().any(|&n| n > 0))
            .map(|(key, c)| {
                let top = (0..super::TAGS).fold(0, |best, t| if c[t] > c[best] { t } else { best });
                let mut kinds = 0u16;
                for k in 0..4 {
                    if c[1 + 2 * k] + c[2 + 2 * k] > 0 {
                        kinds |= 1 << k;
                    }
                }
                let inside: u32 = c[1..].iter().sum();
                let mostly = u16::from(inside > c[0]);
                (key, top as u16 | kinds << 4 | mostly << 8)
            })
            .collect();
        Lexicon { vocab, dict, places: places.iter().copied().collect(), phrases }
    }

    /// A lexicon from the model file's lists; `entries` and `phrase_kinds` are parallel to
    /// `dict_keys` and `phrase_keys`.
    pub(crate) fn new(
        vocab: &[u32],
        dict_keys: &[u32],
        entries: &[u16],
        places: &[u32],
        phrase_keys: &[u32],
        phrase_kinds: &[u8],
    ) -> Lexicon {
        Lexicon {
            vocab: vocab.iter().copied().collect(),
            dict: dict_keys.iter().copied().zip(entries.iter().copied()).collect(),
            places: places.iter().copied().collect(),
            phrases: phrase_keys.iter().copied().zip(phrase_kinds.iter().copied()).collect(),
        }
    }

    /// The tables by ascending hash, as the model file lists them.
    pub(crate) fn sorted(&self) -> SortedLexicon {
        fn sorted<T: Copy + Ord>(items: impl Iterator<Item = T>) -> Vec<T> {
            let mut out: Vec<T> = items.collect();
            out.sort_unstable();
            out
        }
        SortedLexicon {
            vocab: sorted(self.vocab.iter().copied()),
            dict: sorted(self.dict.iter().map(|(&k, &v)| (k, v))),
            places: sorted(self.places.iter().copied()),
            phrases: sorted(self.phrases.iter().map(|(&k, &v)| (k, v))),
        }
    }

    /// The entry of a word by its `vocab_hash`.
    fn entry(&self, vocab: u32) -> Option<u16> {
        self.dict.get(&vocab).copied()
    }

    /// Whether a word, by its `vocab_hash`, was seen lowercase in training.
    fn known(&self, vocab: u32) -> bool {
        self.vocab.contains(&vocab)
    }

    /// Whether a `place_hash` is a gazetteer place name's.
    fn place(&self, hash: u32) -> Option<u8> {
        self.places.contains(&hash).then_some(0)
    }

    /// The kinds of the training entity phrase with this `phrase_hash`.
    fn phrase(&self, hash: u32) -> Option<u8> {
        self.phrases.get(&hash).copied()
    }
}

/// Hashes are already well mixed, so the map uses them as they are.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u32` is used; this keeps the trait complete and still deterministic.
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }

    fn write_u32(&mut self, n: u32) {
        // Spread the bits so that hashbrown's top-7-bit tags vary.
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub(crate) type BuildIdHasher = BuildHasherDefault<IdHasher>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a state after the template id, fed part by part. `end_part` writes the separator byte
/// that follows each part, so a phrase's hash can grow a token at a time and be read after each.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new(template: u8) -> Fnv {
        Fnv((FNV_OFFSET ^ u64::from(template)).wrapping_mul(FNV_PRIME))
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    /// Ends the current part; 0xFF never occurs in UTF-8, so parts cannot run into each other.
    #[inline]
    fn end_part(&mut self) {
        self.0 = (self.0 ^ 0xFF).wrapping_mul(FNV_PRIME);
    }

    fn fold(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }

    /// The hash if the part written so far were the last one.
    fn finish(mut self) -> u32 {
        self.end_part();
        self.fold()
    }
}

/// FNV-1a over the template id and the parts, with a separator byte after each part.
#[inline]
pub(crate) fn hash(template: u8, parts: &[&[u8]]) -> u32 {
    let mut state = Fnv::new(template);
    for part in parts {
        state.write(part);
        state.end_part();
    }
    state.fold()
}

/// Lowercase by `char`, as the features see it (no final-sigma rule, unlike `str::to_lowercase`).
pub(crate) fn lowercase(token: &str) -> String {
    let mut out = String::new();
    lowercase_into(token, &mut out);
    out
}

/// `lowercase` into a buffer that is reused between tokens.
fn lowercase_into(token: &str, out: &mut String) {
    out.clear();
    out.extend(token.chars().flat_map(char::to_lowercase));
}

/// The hash of a lowercase word in the model's vocabulary of ordinary words.
pub(crate) fn vocab_hash(lower: &str) -> u32 {
    hash(0, &[lower.as_bytes()])
}

/// Whether the token is an ordinary lowercase word, for the vocabulary.
pub(crate) fn is_lowercase_word(token: &str) -> bool {
    token.chars().any(char::is_lowercase) && !token.chars().any(char::is_uppercase)
}

/// Per-sentence buffers, reused between sentences.
#[derive(Default)]
pub(crate) struct Scratch {
    keys: Vec<u32>,
    offsets: Vec<usize>,
    lower: Vec<String>,
    /// `vocab_hash` of each token's lowercase form.
    vocab: Vec<u32>,
    shape: Vec<String>,
    short: Vec<String>,
    entries: Vec<Option<u16>>,
    /// Per token: 0 outside a place match, 1 at its start, 2 inside.
    place: Vec<u8>,
    /// Per token: 0 outside a phrase match, else 1 at its start or 2 inside, plus its kinds
    /// shifted left by 2.
    phrase: Vec<u8>,
    /// Per token: 0 outside a knowledge base match, else its position in the match (see
    /// `mark_kb`) plus the entry types' mask shifted left by 3.
    kb: Vec<u8>,
    /// Byte offset of each token in `joined` when the sentence is joined for the KB matcher.
    starts: Vec<usize>,
    joined: String,
}

/// Where a token sits in a knowledge base match.
mod kb_position {
    pub(super) const BEGIN: u8 = 1;
    pub(super) const CONTINUE: u8 = 2;
    pub(super) const END: u8 = 3;
    pub(super) const SINGLE: u8 = 4;
}

/// The bit of an entry type in a knowledge base mark's type mask.
fn kb_type_bit(kind: EntryType) -> u8 {
    match kind {
        EntryType::CriminalGroup => 1,
        EntryType::Organization => 2,
        EntryType::Person => 4,
        EntryType::Place => 8,
    }
}

/// Marks the tokens covered by knowledge base names, found by the knowledge base's own matcher
/// (case- and accent-folded, acronyms case-sensitive) over the tokens joined by spaces.
/// Matches that do not start and end on token boundaries are ignored. A token gets its
/// `kb_position` plus, shifted left by 3, the types of every entry the span names.
pub(super) fn mark_kb(
    tokens: &[&str],
    kb: &KnowledgeBase,
    joined: &mut String,
    starts: &mut Vec<usize>,
    out: &mut Vec<u8>,
) {
    out.clear();
    out.resize(tokens.len(), 0);
    joined.clear();
    starts.clear();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        starts.push(joined.len());
        joined.push_str(token);
    }
    for mention in kb.find_mentions(joined) {
        let Ok(first) = starts.binary_search(&mention.start) else {
            continue;
        };
        let Some(last) =
            (first..tokens.len()).find(|&t| starts[t] + tokens[t].len() >= mention.end)
        else {
            continue;
        };
        if starts[last] + tokens[last].len() != mention.end {
            continue;
        }
        let types = kb.get(mention.entry_id).map_or(0, |entry| kb_type_bit(entry.kind));
        for (t, mark) in out.iter_mut().enumerate().take(last + 1).skip(first) {
            let position = match (t == first, t == last) {
                (true, true) => kb_position::SINGLE,
                (true, false) => kb_position::BEGIN,
                (false, true) => kb_position::END,
                (false, false) => kb_position::CONTINUE,
            };
            *mark = position | (*mark >> 3 | types) << 3;
        }
    }
}

/// Marks leftmost-longest matches over the lowercase tokens joined by one space, looked up by
/// their hash under `template`: 1 at a match's start, 2 inside, plus what `lookup` gives for
/// the match shifted left by 2.
fn mark_longest(
    lower: &[String],
    template: u8,
    lookup: impl Fn(u32) -> Option<u8>,
    out: &mut Vec<u8>,
) {
    out.clear();
    out.resize(lower.len(), 0);
    let mut i = 0;
    while i < lower.len() {
        let mut state = Fnv::new(template);
        let mut longest = 0;
        let mut value = 0;
        for len in 1..=PLACE_TOKENS.min(lower.len() - i) {
            if len > 1 {
                state.write(b" ");
            }
            state.write(lower[i + len - 1].as_bytes());
            if let Some(found) = lookup(state.finish()) {
                longest = len;
                value = found << 2;
            }
        }
        if longest == 0 {
            i += 1;
            continue;
        }
        out[i] = 1 | value;
        for mark in &mut out[i + 1..i + longest] {
            *mark = 2 | value;
        }
        i += longest;
    }
}

impl Scratch {
    /// The feature hashes of token `i` of the last sentence extracted.
    pub(crate) fn token(&self, i: usize) -> &[u32] {
        &self.keys[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// `Xxxx`-style shape, with runs of one class capped at four so long words still share shapes.
fn shape_into(token: &str, out: &mut String, short: &mut String) {
    out.clear();
    short.clear();
    let mut last = '\0';
    let mut run = 0;
    for c in token.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'x'
        } else {
            c
        };
        if class == last {
            run += 1;
        } else {
            run = 1;
            short.push(class);
        }
        if run <= 4 {
            out.push(class);
        }
        last = class;
    }
}

/// Whether most words of the sentence are in capitals, as in CoNLL-2003 headlines.
fn caps_sentence(tokens: &[&str]) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for token in tokens {
        if token.chars().any(char::is_alphabetic) {
            words += 1;
            if !token.chars().any(char::is_lowercase) {
                caps += 1;
            }
        }
    }
    words >= 2 && caps * 10 >= words * 8
}

/// Fills `scratch` with the features of every token of `tokens`.
///
/// With `kb`, tokens inside a knowledge base name also get knowledge base features.
pub(crate) fn extract(
    tokens: &[&str],
    lexicon: &Lexicon,
    doc: &DocContext,
    kb: Option<&KnowledgeBase>,
    scratch: &mut Scratch,
) {
    let n = tokens.len();
    scratch.keys.clear();
    scratch.offsets.clear();
    for buffers in [&mut scratch.lower, &mut scratch.shape, &mut scratch.short] {
        if buffers.len() < n {
            buffers.resize_with(n, String::new);
        }
    }
    scratch.vocab.clear();
    for (i, token) in tokens.iter().enumerate() {
        let lower = &mut scratch.lower[i];
        lowercase_into(token, lower);
        scratch.vocab.push(vocab_hash(lower));
        shape_into(token, &mut scratch.shape[i], &mut scratch.short[i]);
    }
    let caps = caps_sentence(tokens);
    // Inside a quotation (odd count of straight quotes so far, or between « and »), where
    // titles of works and events are often named.
    let mut quoted = Vec::with_capacity(n);
    let mut straight = false;
    let mut guillemets = false;
    for token in tokens {
        let was = straight || guillemets;
        match *token {
            "\"" | "``" | "''" => straight = !straight,
            "«" => guillemets = true,
            "»" => guillemets = false,
            _ => {}
        }
        quoted.push(was && (straight || guillemets));
    }
    let places = |hash: u32| lexicon.place(hash);
    mark_longest(&scratch.lower[..n], template::PLACE, places, &mut scratch.place);
    let phrases = |hash: u32| lexicon.phrase(hash);
    mark_longest(&scratch.lower[..n], template::PHRASE, phrases, &mut scratch.phrase);
    match kb {
        Some(kb) => mark_kb(tokens, kb, &mut scratch.joined, &mut scratch.starts, &mut scratch.kb),
        None => {
            scratch.kb.clear();
            scratch.kb.resize(n, 0);
        }
    }
    scratch.entries.clear();
    scratch.entries.extend(scratch.vocab.iter().map(|&vocab| lexicon.entry(vocab)));
    let entry_at = |j: isize| -> Option<u16> {
        if j < 0 || j as usize >= n {
            None
        } else {
            scratch.entries[j as usize]
        }
    };
    let keys = &mut scratch.keys;
    // Out-of-sentence neighbours are a fixed marker.
    let pad: &[u8] = b"<pad>";
    let lower_at = |j: isize| -> &[u8] {
        if j < 0 || j as usize >= n {
            pad
        } else {
            scratch.lower[j as usize].as_bytes()
        }
    };
    let short_at = |j: isize| -> &[u8] {
        if j < 0 || j as usize >= n {
            pad
        } else {
            scratch.short[j as usize].as_bytes()
        }
    };
    for (i, token) in tokens.iter().enumerate() {
        scratch.offsets.push(keys.len());
        let at = i as isize;
        let lower = scratch.lower[i].as_str();
        let short = scratch.short[i].as_bytes();
        keys.push(hash(template::BIAS, &[]));
        keys.push(hash(template::WORD, &[token.as_bytes()]));
        keys.push(hash(template::LOWER, &[lower.as_bytes()]));
        keys.push(hash(template::SHAPE, &[scratch.shape[i].as_bytes()]));
        keys.push(hash(template::SHORT, &[short]));

        // Byte offsets of the first four chars' ends and the last four chars' starts, without
        // collecting every boundary of every token.
        let mut ends = [lower.len(); 5];
        for (k, (b, _)) in lower.char_indices().enumerate().take(5) {
            ends[k] = b;
        }
        let mut starts = [0usize; 5];
        for (k, (b, _)) in lower.char_indices().rev().enumerate().take(4) {
            starts[k + 1] = b;
        }
        let chars = lower.chars().count();
        for k in 1..=4.min(chars) {
            let prefix = if k == chars { lower } else { &lower[..ends[k]] };
            let suffix = if k == chars { lower } else { &lower[starts[k]..] };
            keys.push(hash(template::PREFIX, &[&[k as u8], prefix.as_bytes()]));
            keys.push(hash(template::SUFFIX, &[&[k as u8], suffix.as_bytes()]));
        }

        let has_upper = token.chars().any(char::is_uppercase);
        let has_lower = token.chars().any(char::is_lowercase);
        let title = token.chars().next().is_some_and(char::is_uppercase);
        let flags: [(&[u8], bool); 8] = [
            (b"title", title),
            (b"caps", has_upper && !has_lower),
            (b"digit", token.chars().any(|c| c.is_ascii_digit())),
            (b"hyphen", token.contains('-')),
            (b"period", token.contains('.')),
            (b"number", token.chars().all(|c| c.is_ascii_digit() || ",.".contains(c))),
            (b"punct", !token.chars().any(char::is_alphanumeric)),
            (b"initial", token.chars().count() == 2 && title && token.ends_with('.')),
        ];
        for (name, on) in flags {
            if on {
                keys.push(hash(template::FLAG, &[name]));
            }
        }

        for offset in [-3isize, -2, -1, 1, 2, 3] {
            let o = [offset as u8];
            keys.push(hash(template::NEAR_LOWER, &[&o, lower_at(at + offset)]));
            keys.push(hash(template::NEAR_SHORT, &[&o, short_at(at + offset)]));
        }
        keys.push(hash(template::BIGRAM, &[b"-", lower_at(at - 1), lower.as_bytes()]));
        keys.push(hash(template::BIGRAM, &[b"+", lower.as_bytes(), lower_at(at + 1)]));
        keys.push(hash(template::NEAR_WORD_SHAPE, &[b"-", lower_at(at - 1), short]));
        keys.push(hash(template::NEAR_WORD_SHAPE, &[b"+", short, lower_at(at + 1)]));
        keys.push(hash(template::SHORT_PAIR, &[b"-", short_at(at - 1), short]));
        keys.push(hash(template::SHORT_PAIR, &[b"+", short, short_at(at + 1)]));
        keys.push(hash(template::SHORT_TRIPLE, &[short_at(at - 1), short, short_at(at + 1)]));
        for offset in [-1isize, 1] {
            let near = lower_at(at + offset);
            let cut = near.len().saturating_sub(3);
            // Byte cut can split a char; the hash does not care, and it is the same every time.
            keys.push(hash(template::NEAR_SUFFIX, &[&[offset as u8], &near[cut..]]));
        }

        let position: &[u8] = match (i == 0, i + 1 == n) {
            (true, true) => b"only",
            (true, false) => b"first",
            (false, true) => b"last",
            (false, false) => b"inner",
        };
        keys.push(hash(template::POSITION, &[position, short]));
        if has_upper {
            let known = lexicon.known(scratch.vocab[i]);
            keys.push(hash(template::KNOWN_LOWER, &[&[u8::from(known), u8::from(i == 0)]]));
            if caps {
                keys.push(hash(template::KNOWN_LOWER, &[b"caps", &[u8::from(known)]]));
            }
        }
        for offset in [-1isize, 0, 1] {
            if let Some(entry) = entry_at(at + offset) {
                let o = offset as u8;
                let top = (entry & 0xF) as u8;
                let mostly = (entry >> 8) as u8;
                keys.push(hash(template::DICT_TOP, &[&[o, top, mostly]]));
                if offset == 0 {
                    keys.push(hash(template::DICT_TOP, &[&[o, top, mostly], short]));
                    for k in 0..4u8 {
                        if entry & (1 << (4 + k)) != 0 {
                            keys.push(hash(template::DICT_KIND, &[&[k]]));
                        }
                    }
                }
            }
        }
        for offset in [-1isize, 0, 1] {
            let j = at + offset;
            if j < 0 || j as usize >= n {
                continue;
            }
            if scratch.place[j as usize] != 0 {
                let mark = [offset as u8, scratch.place[j as usize]];
                keys.push(hash(template::PLACE, &[&mark]));
                if offset == 0 {
                    keys.push(hash(template::PLACE, &[&mark, short]));
                }
            }
            if scratch.phrase[j as usize] != 0 {
                let mark = [offset as u8, scratch.phrase[j as usize]];
                keys.push(hash(template::PHRASE, &[&mark]));
                if offset == 0 {
                    keys.push(hash(template::PHRASE, &[&mark, short]));
                }
            }
        }
        for offset in [-1isize, 0, 1] {
            let j = at + offset;
            if j < 0 || j as usize >= n || scratch.kb[j as usize] == 0 {
                continue;
            }
            let mark = scratch.kb[j as usize];
            let (position, types) = (mark & 0x7, mark >> 3);
            let o = offset as u8;
            keys.push(hash(template::KB, &[&[o, position]]));
            keys.push(hash(template::KB, &[&[o, position, types]]));
            if offset == 0 {
                keys.push(hash(template::KB, &[&[o, position, types], short]));
                for bit in 0..4u8 {
                    if types & (1 << bit) != 0 {
                        keys.push(hash(template::KB, &[b"type", &[bit]]));
                    }
                }
            }
        }
        let key = scratch.vocab[i];
        if let Some(counts) = doc.cases.get(&key) {
            let own = case_class(token, i == 0, caps);
            let mut elsewhere = *counts;
            if let Some(own) = own {
                elsewhere[own] = elsewhere[own].saturating_sub(1);
            }
            let own = own.map_or(9, |c| c as u8);
            for (class, &count) in elsewhere.iter().enumerate() {
                if count > 0 {
                    keys.push(hash(template::DOC_CASE, &[&[own, class as u8]]));
                }
            }
        }
        if has_upper {
            if let Some(&kinds) = doc.phrases.get(&key) {
                keys.push(hash(template::DOC_PHRASE, &[&[kinds]]));
                keys.push(hash(template::DOC_PHRASE, &[&[kinds], short]));
            }
        }
        if quoted[i] {
            keys.push(hash(template::QUOTED, &[short]));
            let first = i > 0 && !quoted[i - 1];
            keys.push(hash(template::QUOTED, &[b"first", &[u8::from(first)]]));
        }
        if caps {
            keys.push(hash(template::CAPS_SENTENCE, &[short]));
            keys.push(hash(template::CAPS_SENTENCE, &[b"w", lower.as_bytes()]));
        }
    }
    scratch.offsets.push(keys.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_hash_grown_by_tokens_equals_hash_of_joined_phrase() {
        let tokens = ["san", "juan", "de", "lurigancho", "ñaña"];
        let mut state = Fnv::new(template::PLACE);
        for len in 1..=tokens.len() {
            if len > 1 {
                state.write(b" ");
            }
            state.write(tokens[len - 1].as_bytes());
            assert_eq!(state.finish(), place_hash(&tokens[..len].join(" ")));
        }
    }
}
