//! The article as the quote finder reads it: tokens with their block, lowercased words and entity mentions.

use model::{Article, Span};

use super::lexicon;
use crate::entities::{DocumentEntities, EntityType};

/// Token-level view of an article's headline and body.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Span],
    /// Lowercased token text, one per token.
    lower: Vec<String>,
    /// For each token, the extraction block (index into `blocks`) it lies in.
    pub(super) block_of: Vec<usize>,
    /// Extraction blocks in order: span and whether it is the headline.
    pub(super) blocks: Vec<(Span, bool)>,
    /// For each token, the sentence (index into `sentences`) it lies in.
    pub(super) sentence_of: Vec<usize>,
    pub(super) sentences: &'a [Span],
    /// Every entity mention, sorted by start: span, entity index, entity type.
    pub(super) mentions: Vec<(Span, usize, EntityType)>,
    pub(super) entities: &'a DocumentEntities,
}

impl<'a> Doc<'a> {
    pub(super) fn new(article: &'a Article, entities: &'a DocumentEntities) -> Doc<'a> {
        let text = article.text.as_str();
        let tokens = article.tokens.as_slice();
        let blocks: Vec<(Span, bool)> = article
            .extraction_blocks()
            .map(|block| (block.span, block.kind == model::BlockKind::Headline))
            .collect();
        let mut block_of = Vec::with_capacity(tokens.len());
        let mut sentence_of = Vec::with_capacity(tokens.len());
        let (mut b, mut s) = (0, 0);
        for token in tokens {
            while b + 1 < blocks.len() && blocks[b].0.end <= token.start {
                b += 1;
            }
            while s + 1 < article.sentences.len() && article.sentences[s].end <= token.start {
                s += 1;
            }
            block_of.push(b);
            sentence_of.push(s);
        }
        let lower = tokens
            .iter()
            .map(|t| {
                let word = t.slice(text);
                if word.chars().any(char::is_uppercase) {
                    word.to_lowercase()
                } else {
                    word.to_string()
                }
            })
            .collect();
        let mut mentions: Vec<(Span, usize, EntityType)> = entities
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i, e.kind)))
            .collect();
        mentions.sort_by_key(|(span, i, _)| (span.start, span.end, *i));
        Doc {
            text,
            tokens,
            lower,
            block_of,
            blocks,
            sentence_of,
            sentences: &article.sentences,
            mentions,
            entities,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token's text as written.
    pub(super) fn raw(&self, i: usize) -> &'a str {
        self.tokens[i].slice(self.text)
    }

    /// The token's text, lowercased.
    pub(super) fn word(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// True when the token starts with a letter or digit.
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_alphanumeric)
    }

    /// True when the token is a speech verb: a capitalised one inside a body sentence is part
    /// of a name ("the United States has").
    pub(super) fn is_speech_verb(&self, i: usize) -> bool {
        // "shot back" speaks only right before a quotation mark, a comma or "with" ("Trump shot
        // back that …" is reported; "shot back: “…”" and "“…,” he shot back with a laugh" are
        // quotes).
        let shot_back = self.word(i) == "shot"
            && i + 1 < self.len()
            && self.word(i + 1) == "back"
            && (i + 2 >= self.len()
                || matches!(self.raw(i + 2), ":" | "," | "." | "“" | "\"" | "«" | "with")
                || self.sentence_of[i + 2] != self.sentence_of[i]);
        // "“…,” he went on." speaks as well.
        let went_on = matches!(self.word(i), "went" | "goes")
            && i + 1 < self.len()
            && self.word(i + 1) == "on"
            && (i + 2 >= self.len()
                || matches!(self.raw(i + 2), "." | "," | ":")
                || self.sentence_of[i + 2] != self.sentence_of[i]);
        (super::lexicon::is_speech_verb(self.word(i)) || shot_back || went_on)
            && !self.is_plural_noun(i)
            && (!self.is_capitalised(i)
                || i == 0
                || self.sentence_of[i - 1] != self.sentence_of[i]
                || self.blocks[self.block_of[i]].1)
    }

    /// "those reports", "his claims", "Trump's late-night tweets": a speech verb in "-s" after a
    /// determiner or a possessive is a plural noun.
    fn is_plural_noun(&self, i: usize) -> bool {
        let word = self.word(i);
        if i == 0 || !word.ends_with('s') || word.ends_with("ss") {
            return false;
        }
        let possessive = |t: usize| matches!(self.raw(t), "'s" | "’s");
        let before = self.word(i - 1);
        matches!(
            before,
            "the"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "your"
                | "my"
                | "these"
                | "those"
                | "such"
                | "many"
                | "several"
                | "some"
                | "recent"
                | "latest"
                | "new"
                | "own"
        ) || possessive(i - 1)
            || (i >= 2 && possessive(i - 2) && self.is_word(i - 1) && !self.is_capitalised(i - 1))
    }

    /// True when the token starts with a capital letter.
    pub(super) fn is_capitalised(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The character right before byte `at`, if any.
    pub(super) fn char_before(&self, at: usize) -> Option<char> {
        self.text[..at].chars().next_back()
    }

    /// The character at byte `at`, if any.
    pub(super) fn char_at(&self, at: usize) -> Option<char> {
        self.text[at..].chars().next()
    }

    /// The span from the start of token `from` to the end of token `to - 1`.
    pub(super) fn cover(&self, from: usize, to: usize) -> Span {
        Span::new(self.tokens[from].start, self.tokens[to - 1].end)
    }

    /// The first token starting at or after byte `at`.
    pub(super) fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }

    /// The mention that overlaps `span` and best names a speaker: the first person, else the
    /// first organisation, group or other name; places only when nothing else is there.
    pub(super) fn mention_in(&self, span: Span) -> Option<(Span, usize, EntityType)> {
        let first = self.mentions.partition_point(|(m, _, _)| m.end <= span.start);
        let inside = || {
            self.mentions[first..]
                .iter()
                .take_while(|(m, _, _)| m.start < span.end)
                .filter(|(m, _, _)| m.end > span.start)
        };
        let person = inside().position(|(_, _, kind)| *kind == EntityType::Person);
        if let Some(at) = person {
            let head = self.title_head(first + at);
            if self.mentions[head].0.start < span.end {
                return Some(self.mentions[head]);
            }
            return Some(self.mentions[first + at]);
        }
        inside()
            .find(|(_, _, kind)| *kind != EntityType::Place)
            .or_else(|| inside().next())
            .copied()
    }

    /// "Clinton campaign manager Robby Mook", "Trump's wife Melania": a person mention (an index
    /// into `mentions`) that only qualifies a title before another person's name gives way to
    /// that name.
    pub(super) fn title_head(&self, at: usize) -> usize {
        let (m, _, _) = self.mentions[at];
        let Some(next) = (at + 1..self.mentions.len())
            .find(|&n| self.mentions[n].0.start >= m.end)
            .filter(|&n| self.mentions[n].2 == EntityType::Person)
        else {
            return at;
        };
        let (from, to) = (self.token_at(m.end), self.token_at(self.mentions[next].0.start));
        let titles = to > from
            && to - from <= 4
            && (from..to).all(|t| {
                matches!(self.raw(t), "'s" | "’s") || lexicon::is_title_word(self.word(t))
            })
            && (from..to).any(|t| self.is_word(t) && !self.is_capitalised(t));
        if titles {
            next
        } else {
            at
        }
    }

    /// The first token of the person mention that ends where token `b - 1` ends, when one does
    /// and it ends after token `a` starts.
    pub(super) fn person_ending(&self, a: usize, b: usize) -> Option<usize> {
        let end = self.tokens[b - 1].end;
        let &(m, _, _) = self
            .mentions_before(end)
            .take_while(|(m, _, _)| m.end >= self.tokens[a].start)
            .find(|(m, _, kind)| m.end == end && *kind == EntityType::Person)?;
        Some(self.token_at(m.start))
    }

    /// Mentions that start before byte `at`, nearest first.
    pub(super) fn mentions_before(
        &self,
        at: usize,
    ) -> impl Iterator<Item = &(Span, usize, EntityType)> + '_ {
        let end = self.mentions.partition_point(|(m, _, _)| m.start < at);
        self.mentions[..end].iter().rev()
    }
}
