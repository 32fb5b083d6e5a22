//! Reading an attribution around a quote: the cue and the speaker phrase, before or after it.

use model::Span;

use super::{doc::Doc, lexicon};
use crate::entities::EntityType;

/// Where the speaker of a quote is, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    /// Nobody: a scare quote or an unattributed quote.
    None,
    /// A phrase, as tokens `from..to`.
    Phrase(usize, usize),
    /// A cue with no subject (Spanish "—dijo—"): the last speaker.
    Null,
    /// No attribution in a run of quotes: the last speaker goes on.
    Continue,
}

/// A cue and its speaker.
#[derive(Debug, Clone, Copy)]
pub(super) struct Attribution {
    pub(super) cue: Span,
    pub(super) speaker: Slot,
}

/// "according to", "según", "de acuerdo con": the length of the cue starting at `i`, or 0.
pub(super) fn source_cue(doc: &Doc<'_>, i: usize) -> usize {
    let next = |k: usize| if i + k < doc.len() { doc.word(i + k) } else { "" };
    match doc.word(i) {
        "according" if next(1) == "to" => 2,
        "según" => 1,
        "de" if next(1) == "acuerdo" && next(2) == "con" => 3,
        _ => 0,
    }
}

/// Tokens that end a speaker phrase: punctuation, quotation marks, quoted words and clause words.
fn stops(doc: &Doc<'_>, i: usize, quoted: &[bool]) -> bool {
    if quoted[i] {
        return true;
    }
    let raw = doc.raw(i);
    if !doc.is_word(i) {
        return !matches!(raw, "'s" | "’s" | "-" | "&" | "'" | "’");
    }
    let word = doc.word(i);
    lexicon::ends_phrase(word) || doc.is_speech_verb(i) || is_finite_auxiliary(word)
}

/// Finite auxiliaries: a phrase holding one is a clause, not a subject.
fn is_finite_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "did"
            | "does"
            | "do"
            | "should"
            | "may"
            | "might"
            | "must"
            | "ha"
            | "han"
            | "había"
            | "es"
            | "son"
            | "fue"
            | "era"
    )
}

/// The subject phrase that ends right before token `end` (a cue), not reaching before `lo`.
/// An appositive between commas ("Luis García, a mototaxi driver, said") gives the name before it.
pub(super) fn phrase_before(
    doc: &Doc<'_>,
    lo: usize,
    end: usize,
    quoted: &[bool],
) -> Option<(usize, usize)> {
    let mut e = end;
    // Adverbs, auxiliaries and Spanish clitics ("Rosa Quispe se preguntó") are not the subject.
    while e > lo
        && (lexicon::is_adverb_or_auxiliary(doc.word(e - 1))
            || (lexicon::is_manner_adverb(doc.word(e - 1)) && !doc.is_capitalised(e - 1))
            || matches!(doc.word(e - 1), "se" | "le" | "les" | "nos" | "me"))
    {
        e -= 1;
    }
    if e == lo {
        return None;
    }
    // "Sen. Claire McCaskill (D-Mo.) said": the name is before the brackets.
    if doc.raw(e - 1) == ")" {
        if let Some(open) = (lo.max(e.saturating_sub(10))..e - 1).rev().find(|&t| doc.raw(t) == "(")
        {
            if open > lo {
                e = open;
            }
        }
    }
    if doc.raw(e - 1) == "," {
        return before_appositives(doc, lo, e - 1, quoted);
    }
    let (a, b) = noun_phrase_before(doc, lo, e, quoted)?;
    // "Stacy Baker of Columbia, South Carolina says": a place after a comma ends the
    // speaker's "of" phrase; the speaker is before it.
    let place = doc
        .mention_in(doc.cover(a, b))
        .is_some_and(|(m, _, kind)| kind == EntityType::Place && m == doc.cover(a, b));
    if place && a > lo + 1 && doc.raw(a - 1) == "," {
        if let Some(found) = noun_phrase_before(doc, lo, a - 1, quoted) {
            // "Rosa Quispe, de Trujillo, Perú dijo": the origin is an appositive too.
            if matches!(doc.word(found.0), "de" | "of" | "from" | "del") {
                if let Some(head) = before_appositives(doc, lo, a - 1, quoted) {
                    return Some(head);
                }
            }
            return Some(found);
        }
    }
    Some((a, b))
}

/// "Clinton, 35, the daughter of …, said": the comma-separated chunks before `comma` (a
/// comma token), read back to the sentence's start; the head is the earliest chunk holding a
/// name, else the chunk right before the appositive.
fn before_appositives(
    doc: &Doc<'_>,
    lo: usize,
    comma: usize,
    quoted: &[bool],
) -> Option<(usize, usize)> {
    // Chunk ends (exclusive), latest first; each chunk ends right before a comma.
    let mut ends = Vec::new();
    let mut k = comma;
    let mut chunk_end = comma;
    while k > lo && comma - k < 40 && (!quoted[k - 1] || short_quoted_run(quoted, k - 1)) {
        let raw = doc.raw(k - 1);
        // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": brackets stay in
        // their chunk.
        if raw == ")" {
            if let Some(open) =
                (lo.max(k.saturating_sub(10))..k - 1).rev().find(|&t| doc.raw(t) == "(")
            {
                k = open;
                continue;
            }
        }
        if raw == "," {
            if k < chunk_end {
                ends.push((k, chunk_end));
            }
            chunk_end = k - 1;
        } else if matches!(raw, "“" | "”" | "\"" | "«" | "»")
            && ((k >= 2 && quoted[k - 2] && short_quoted_run(quoted, k - 2))
                || (k < quoted.len() && quoted[k] && short_quoted_run(quoted, k)))
        {
            // The mark of a few quoted words inside the appositive.
        } else if matches!(raw, "." | ";" | ":" | "(" | ")" | "“" | "”" | "\"" | "«" | "»") {
            break;
        }
        k -= 1;
    }
    if k < chunk_end {
        ends.push((k, chunk_end));
    }
    // The chunk right after the last comma is the appositive itself; the head comes before it.
    let candidates = ends.get(1..).unwrap_or(&[]);
    let named = candidates.iter().rev().find(|(a, b)| {
        doc.mention_in(doc.cover(*a, *b)).is_some_and(|(_, _, kind)| kind != EntityType::Place)
    });
    let &(_, mut head_end) = named.or(candidates.first())?;
    // "Rep. Jim Jordan (R-Ohio)": the name is before the brackets.
    if head_end > lo + 1 && doc.raw(head_end - 1) == ")" {
        if let Some(open) = (lo..head_end - 1).rev().find(|&t| doc.raw(t) == "(") {
            head_end = open;
        }
    }
    noun_phrase_before(doc, lo, head_end, quoted)
}

/// Whether the run of quoted tokens holding `t` is a few words ("“Ted Cruz” campaign pins").
fn short_quoted_run(quoted: &[bool], t: usize) -> bool {
    let before = quoted[..t].iter().rev().take_while(|&&q| q).take(6).count();
    let after = quoted[t..].iter().take_while(|&&q| q).take(6).count();
    before + after <= 4
}

/// The subject at the start of the sentence from `lo`, for a cue far from it ("X urged …,
/// saying", "She greeted supporters and told them that"): a pronoun, a name with its titles,
/// or a determiner with up to two words.
pub(super) fn sentence_subject(doc: &Doc<'_>, lo: usize, cue: usize) -> Option<(usize, usize)> {
    if lo >= cue || !doc.is_word(lo) {
        return None;
    }
    // "And then Trump went fully on the attack, saying": a conjunction or a linking adverb
    // opens the sentence before its subject.
    if lo + 1 < cue && matches!(doc.word(lo), "and" | "but" | "then" | "so" | "yet" | "y" | "pero")
    {
        let next = if doc.word(lo + 1) == "then" { lo + 2 } else { lo + 1 };
        return sentence_subject(doc, next, cue);
    }
    // "Hours later, Trump …, telling", "Reached by POLITICO, Bennett …, explaining",
    // "Washington (AFP) – Democrat Hillary Clinton …, saying": an opening chunk with no person
    // in it is an adjunct or a dateline; the subject follows it.
    if let Some(comma) = (lo + 1..cue.min(lo + 12)).find(|&t| matches!(doc.raw(t), "," | "–" | "—"))
    {
        let person = doc.mentions.iter().any(|(m, _, kind)| {
            *kind == EntityType::Person
                && m.start >= doc.tokens[lo].start
                && m.end <= doc.tokens[comma].start
        });
        if !person && !lexicon::is_determiner(doc.word(lo)) {
            if let Some(found) = sentence_subject(doc, comma + 1, cue) {
                return Some(found);
            }
        }
    }
    if lexicon::is_pronoun(doc.word(lo)) {
        return Some((lo, lo + 1));
    }
    let mut k = lo;
    if lexicon::is_determiner(doc.word(lo)) {
        k += 1;
        while k < cue && k - lo < 3 && doc.is_word(k) && !lexicon::ends_phrase(doc.word(k)) {
            k += 1;
        }
        while k < cue && doc.is_capitalised(k) {
            k += 1;
        }
        return (k > lo + 1).then_some((lo, k));
    }
    // "Former Secretary of State Madeleine Albright": titles joined by "of" go on to the name.
    let joins = |k: usize| {
        let word = doc.word(k);
        (matches!(word, "of" | "de" | "del")
            || lexicon::is_role(word)
            || lexicon::is_person_noun(word))
            && k + 1 < cue
            && doc.is_capitalised(k + 1)
    };
    while k < cue && (doc.is_capitalised(k) || matches!(doc.raw(k), "'s" | "’s") || joins(k)) {
        k += 1;
    }
    let named = k > lo
        && doc.mention_in(doc.cover(lo, k)).is_some_and(|(_, _, kind)| kind != EntityType::Place);
    if named {
        return Some((lo, k));
    }
    // "Band member Flea shared …, writing “…”", "conservative commentator Jonah Goldberg …":
    // up to three words of title before a person's name.
    let start = doc.tokens[lo].start;
    let (m, _, _) = doc
        .mentions
        .iter()
        .skip_while(|(m, _, _)| m.start < start)
        .take_while(|(m, _, _)| doc.token_at(m.start) <= lo + 3)
        .find(|(_, _, kind)| *kind == EntityType::Person)?;
    let at = doc.token_at(m.start);
    let end = doc.token_at(m.end);
    let titles = (lo..at)
        .all(|t| doc.is_word(t) && !lexicon::ends_phrase(doc.word(t)) && !doc.is_speech_verb(t));
    (titles && end <= cue).then_some((lo, end))
}

fn noun_phrase_before(
    doc: &Doc<'_>,
    lo: usize,
    end: usize,
    quoted: &[bool],
) -> Option<(usize, usize)> {
    if end <= lo || stops(doc, end - 1, quoted) {
        return None;
    }
    if lexicon::is_pronoun(doc.word(end - 1)) {
        return Some((end - 1, end));
    }
    let mut k = end;
    while k > lo && end - k < 12 && !stops(doc, k - 1, quoted) {
        k -= 1;
    }
    // "he made a decision": a pronoun opens a clause here, not a subject.
    if lexicon::is_pronoun(doc.word(k)) {
        return None;
    }
    // "On Tuesday the minister said": start at the subject, not the adjunct.
    if lexicon::is_opening_adjunct(doc.word(k)) {
        // "Later the union leader said", "Luego la dirigente dijo": an adverb, unlike a
        // preposition ("On Tuesday the …"), takes no object before the subject.
        let adverb = matches!(
            doc.word(k),
            "yesterday"
                | "today"
                | "tonight"
                | "later"
                | "earlier"
                | "meanwhile"
                | "ayer"
                | "hoy"
                | "luego"
                | "después"
                | "antes"
        );
        let start = (k + 1..end).find(|&t| {
            (adverb || t > k + 1) && (lexicon::is_determiner(doc.word(t)) || doc.is_capitalised(t))
        })?;
        k = start;
    }
    // A phrase of lowercase words that does not open like a noun phrase is not a subject.
    if !doc.is_capitalised(k)
        && !lexicon::is_determiner(doc.word(k))
        && !lexicon::is_pronoun(doc.word(k))
        && !doc.raw(k).starts_with(|c: char| c.is_ascii_digit())
        && (k..end).all(|t| !doc.is_capitalised(t))
    {
        // Plural heads without a determiner still name a speaker: "police said", "officials said".
        // Adverbs and particles are not heads: "informally said", "yet again said".
        let adverbial = (k..end).any(|t| {
            let word = doc.word(t);
            word.ends_with("ly")
                || matches!(
                    word,
                    "again"
                        | "yet"
                        | "even"
                        | "for"
                        | "also"
                        | "too"
                        | "then"
                        | "still"
                        | "just"
                        | "only"
                        | "not"
                        | "n't"
                        | "never"
                        | "once"
                        | "later"
                        | "ago"
                        | "giving"
                )
        });
        if end - k > 2 || adverbial {
            return None;
        }
    }
    Some((k, end))
}

/// The subject phrase that starts at token `from`, after its cue ("said the minister"), up to `hi`.
pub(super) fn phrase_after(
    doc: &Doc<'_>,
    from: usize,
    hi: usize,
    quoted: &[bool],
) -> Option<(usize, usize)> {
    if from >= hi || !doc.is_word(from) || quoted[from] || lexicon::opens_adjunct(doc.word(from)) {
        return None;
    }
    // Spanish "dijo a la prensa": a listener, not a subject.
    if doc.word(from) == "a"
        && from + 1 < hi
        && matches!(doc.word(from + 1), "la" | "el" | "los" | "las" | "su" | "sus" | "un" | "una")
    {
        return None;
    }
    let mut k = from;
    while k < hi
        && k - from < 12
        && !quoted[k]
        && (doc.is_word(k) || matches!(doc.raw(k), "'s" | "’s" | "-" | "&"))
        && !(k > from && lexicon::ends_after(doc.word(k)))
        && !(k > from && is_finite_auxiliary(doc.word(k)))
        && !doc.is_speech_verb(k)
    {
        k += 1;
    }
    (k > from).then_some((from, k))
}

/// The cue starting at token `c`, widened over a listener ("told reporters", "told the paper").
fn cue_span(doc: &Doc<'_>, c: usize, hi: usize, quoted: &[bool]) -> Span {
    let mut end = c + 1;
    if lexicon::takes_listener(doc.word(c)) {
        while end < hi && end - c <= 4 && doc.is_word(end) && !quoted[end] {
            if matches!(doc.word(end), "that" | "on" | "in" | "at" | "during" | "after") {
                break;
            }
            end += 1;
        }
    }
    doc.cover(c, end)
}

/// An attribution right after a quote's closing mark, in tokens `lo..hi`:
/// `, Luis García told the paper`, `, said the minister`, `, dijo`, `, he added`.
pub(super) fn trailing(
    doc: &Doc<'_>,
    lo: usize,
    hi: usize,
    quoted: &[bool],
) -> Option<Attribution> {
    let mut k = lo;
    let mut dashed = false;
    while k < hi && matches!(doc.raw(k), "," | "—" | "–" | "―") {
        dashed |= doc.raw(k) != ",";
        k += 1;
    }
    if k >= hi {
        return None;
    }
    // `“…” ― Sonya Herridge`: a dash and a bare name to the sentence's end credit the quote.
    if dashed && doc.is_capitalised(k) {
        let mut end = k;
        while end < hi && end - k < 6 && (doc.is_capitalised(end) || doc.raw(end) == ".") {
            end += 1;
        }
        while end > k && doc.raw(end - 1) == "." {
            end -= 1;
        }
        let rest_is_end = (end..hi).all(|t| matches!(doc.raw(t), "." | "!" | "?"));
        if rest_is_end && end > k && !doc.is_speech_verb(k) && source_cue(doc, k) == 0 {
            return Some(Attribution { cue: doc.tokens[k - 1], speaker: Slot::Phrase(k, end) });
        }
    }
    // A quote in mid-sentence ("has gone “soft” like …") is not followed by its attribution,
    // unless a cue or a pronoun with its cue comes right after it.
    let ends_clause = k > lo
        || lo == 0
        || matches!(doc.raw(lo - 1), "," | "?" | "!" | "—" | "–")
        || (lo >= 2 && matches!(doc.raw(lo - 2), "," | "?" | "!" | "…" | "."))
        // `…,’” X continued`: a quote inside the quote closes first.
        || (lo >= 3
            && matches!(doc.raw(lo - 2), "’" | "'")
            && matches!(doc.raw(lo - 3), "," | "?" | "!" | "…" | "."));
    // `“… -H" Clinton tweeted`: a short name and its cue right after the mark credit it too.
    let name_then_cue = (k + 1..hi.min(k + 4)).find(|&t| !doc.is_capitalised(t)).is_some_and(|t| {
        t > k && doc.is_speech_verb(t) && doc.mention_in(doc.cover(k, t)).is_some()
    });
    let cue_next = doc.is_speech_verb(k)
        || (lexicon::is_pronoun(doc.word(k)) && k + 1 < hi && doc.is_speech_verb(k + 1))
        || name_then_cue;
    if !ends_clause && !cue_next {
        return None;
    }
    let n = source_cue(doc, k);
    if n > 0 || doc.is_speech_verb(k) {
        // Inverted: the cue comes first.
        let cue_end = if n > 0 { k + n } else { k + 1 };
        let cue = if n > 0 { doc.cover(k, cue_end) } else { cue_span(doc, k, hi, quoted) };
        let speaker = match phrase_after(doc, cue_end, hi, quoted) {
            Some((a, b)) => Slot::Phrase(a, b),
            None if n == 0 => Slot::Null,
            None => return None,
        };
        return Some(Attribution { cue, speaker });
    }
    let limit = hi.min(k + 24);
    let c =
        (k..limit).find(|&t| !quoted[t] && (doc.is_speech_verb(t) || source_cue(doc, t) > 0))?;
    // "Rep. Earl Blumenauer (D-Ore.) said": a party tag in brackets does not end the clause.
    let mut depth = 0usize;
    // "Bill Eastland, wearing “Ted Cruz” pins, said": a short quoted run inside an
    // appositive does not end the clause either.
    let mut comma = false;
    for (t, &inside) in quoted.iter().enumerate().take(c).skip(k) {
        match doc.raw(t) {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            "," => comma = true,
            "." | ";" | ":" | "?" | "!" if depth == 0 && !inside => return None,
            _ if inside && !(comma && short_quoted_run(quoted, t)) => return None,
            _ => {}
        }
    }
    if source_cue(doc, c) > 0 {
        return None;
    }
    let (a, b) = phrase_before(doc, k, c, quoted)?;
    // The subject must start the attribution, give or take an appositive.
    if a != k {
        return None;
    }
    Some(Attribution { cue: cue_span(doc, c, hi, quoted), speaker: Slot::Phrase(a, b) })
}

/// An attribution after a comma of tokens `lo..hi` (the rest of a quote's sentence, the
/// first comma that opens one): `…, said Christine Link.`, `…, Zuckoff said.`
pub(super) fn sentence_final(
    doc: &Doc<'_>,
    lo: usize,
    hi: usize,
    quoted: &[bool],
) -> Option<Attribution> {
    let stop = (lo..hi).find(|&t| quoted[t] || matches!(doc.raw(t), ";" | ":")).unwrap_or(hi);
    (lo..stop).filter(|&t| doc.raw(t) == ",").find_map(|comma| {
        let found = trailing(doc, comma, hi, quoted)?;
        let Slot::Phrase(a, b) = found.speaker else { return None };
        // The cue or its speaker right after the comma, and the speaker a name or a
        // description ("said as the crowd left" is no attribution).
        let near = a <= comma + 2 || doc.token_at(found.cue.start) <= comma + 6;
        // "… was “stagnant for a month” as donors waited, he said.": a pronoun speaks too.
        let named = b > a
            && (doc.mention_in(doc.cover(a, b)).is_some()
                || lexicon::is_determiner(doc.word(a))
                || (b == a + 1 && lexicon::is_personal_pronoun(doc.word(a))));
        (near && named).then_some(found)
    })
}

/// The person mention that ends right before token `end`, from `lo` on, as tokens, with the
/// capitalised titles before it ("Sen. John McCain").
fn person_ending_at(doc: &Doc<'_>, lo: usize, end: usize) -> Option<(usize, usize)> {
    if end <= lo {
        return None;
    }
    let mut from = doc.person_ending(lo, end)?;
    while from > lo
        && doc.is_capitalised(from - 1)
        && (doc.raw(from - 1).ends_with('.') || lexicon::is_title_word(doc.word(from - 1)))
    {
        from -= 1;
    }
    (from >= lo).then_some((from, end))
}

/// An attribution before a quote's opening mark at token `open`, in the same sentence from `lo`:
/// `Col. X told reporters, "…"`, `X said: "…"`, `X says the campaign will "…"`, `según X, «…»`.
pub(super) fn leading(
    doc: &Doc<'_>,
    lo: usize,
    open: usize,
    quoted: &[bool],
) -> Option<Attribution> {
    let mut c = open;
    loop {
        if c == lo {
            break;
        }
        c -= 1;
        if quoted[c] {
            continue;
        }
        let n = source_cue(doc, c);
        if n > 0 {
            let (a, b) = phrase_after(doc, c + n, open, quoted)?;
            return Some(Attribution { cue: doc.cover(c, c + n), speaker: Slot::Phrase(a, b) });
        }
        if doc.is_speech_verb(c) {
            let cue = cue_span(doc, c, open, quoted);
            let far = lexicon::is_participle(doc.word(c))
                || (c > lo && matches!(doc.word(c - 1), "and" | "y" | ","));
            // "with Sen. John McCain calling it a “…”", "footage of Trump saying": a person
            // named right before the participle is its subject.
            if lexicon::is_participle(doc.word(c)) {
                if let Some((a, b)) = person_ending_at(doc, lo, c) {
                    return Some(Attribution { cue, speaker: Slot::Phrase(a, b) });
                }
            }
            if far {
                if let Some((a, b)) = sentence_subject(doc, lo, c) {
                    return Some(Attribution { cue, speaker: Slot::Phrase(a, b) });
                }
            }
            if let Some((a, b)) = phrase_before(doc, lo, c, quoted) {
                return Some(Attribution { cue, speaker: Slot::Phrase(a, b) });
            }
            // `said Luis García: "…"`: a subject after the cue reaches the quote, give or take
            // a comma or a colon ("say each of the candidates’ plans are “…”" has none).
            let end = doc.token_at(cue.end);
            if let Some((a, b)) = phrase_after(doc, end, open, quoted)
                .filter(|&(_, b)| (b..open).all(|t| matches!(doc.raw(t), "," | ":")))
            {
                return Some(Attribution { cue, speaker: Slot::Phrase(a, b) });
            }
            let (a, b) = sentence_subject(doc, lo, c)?;
            return Some(Attribution { cue, speaker: Slot::Phrase(a, b) });
        }
    }
    // "Kerry: "…"": a name and a colon.
    if open > lo + 1 && doc.raw(open - 1) == ":" {
        let (a, b) = noun_phrase_before(doc, lo, open - 1, quoted)?;
        let mention = doc.mention_in(doc.cover(a, b));
        if let Some((m, _, _)) = mention {
            // "X agreed:": the speaker is the name, without the verb after it.
            let end = doc.token_at(m.end);
            if end > a && end < b && b - end <= 3 && (end..b).all(|t| !doc.is_capitalised(t)) {
                return Some(Attribution {
                    cue: doc.cover(end, open),
                    speaker: Slot::Phrase(a, end),
                });
            }
        }
        if mention.is_some() || doc.is_capitalised(a) && b - a <= 4 {
            return Some(Attribution { cue: doc.tokens[open - 1], speaker: Slot::Phrase(a, b) });
        }
    }
    None
}

/// A dialogue incision, tokens `lo..hi` between dashes: `dijo Luis García, mototaxista`.
pub(super) fn incision(
    doc: &Doc<'_>,
    lo: usize,
    hi: usize,
    quoted: &[bool],
) -> Option<Attribution> {
    trailing(doc, lo, hi, quoted)
}
