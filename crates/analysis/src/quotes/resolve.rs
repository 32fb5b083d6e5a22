//! Turning speaker phrases into speakers: names, pronouns, continuations and linked descriptions.

use super::{
    doc::Doc,
    lexicon,
    plausible::{is_junk, looks_like_person, organisation_like},
    speaker::Slot,
    RawQuote,
};
use crate::{
    entities::EntityType,
    quotes::{Quote, QuoteKind, Speaker, SpeakerKind},
};

/// Who spoke last, as the quotes are read in text order.
#[derive(Default)]
struct History {
    /// The last speaker resolved to an entity.
    named: Option<usize>,
    /// The last speaker resolved to a person.
    person: Option<usize>,
    /// Speakers resolved to a person, oldest first, each once, with where they spoke.
    people: Vec<(usize, usize)>,
    /// People named right before a speech verb ("Kasich says"), by position: speakers too,
    /// even where no quote was read.
    subjects: Vec<(usize, usize)>,
    /// The person each sentence outside quotes opens with ("Cruz admitted …"), by position.
    topics: Vec<(usize, usize)>,
    /// The last speaker of any kind.
    last: Option<Speaker>,
    /// Where the last quote with a speaker ends.
    last_at: Option<usize>,
    /// Contents of direct and scare quotes: a name quoted there is not who a description
    /// ("the statement", "the agency") stands for.
    quoted: Vec<model::Span>,
}

/// Resolves the speakers of `raw` (sorted by position) into quotes.
pub(super) fn resolve(doc: &Doc<'_>, raw: Vec<RawQuote>) -> Vec<Quote> {
    let quoted: Vec<model::Span> = raw
        .iter()
        .filter(|quote| quote.kind != QuoteKind::Reported)
        .flat_map(|quote| quote.content.iter().copied())
        .collect();
    let mut subjects = speech_subjects(doc);
    subjects.retain(|&(_, e)| !organisation_like(doc, e));
    let mut topics = sentence_subjects(doc, &quoted);
    // "Debates …", "Twitter …": a sentence opener the tagger calls a person must look like
    // one, unless it is named before a speech verb too.
    topics.retain(|&(_, e)| looks_like_person(doc, e) || subjects.iter().any(|&(_, s)| s == e));
    let mut history = History { subjects, topics, quoted, ..History::default() };
    let mut out = Vec::with_capacity(raw.len());
    for quote in raw {
        let speaker = match quote.speaker {
            // "Dr. X pondered who might “…”": an uncredited quote belongs to the person its
            // paragraph is about, up to its own sentence.
            Slot::None if quote.kind == QuoteKind::Direct => {
                let at = quote.covers.start;
                let block = doc.block_of[doc.token_at(at)];
                history.topics[..history.topics.partition_point(|(p, _)| *p < at)]
                    .last()
                    .filter(|(p, _)| doc.block_of[doc.token_at(*p)] == block)
                    .map(|&(_, entity)| Speaker {
                        span: None,
                        kind: SpeakerKind::Pronoun,
                        entity: Some(entity),
                    })
            }
            Slot::None => None,
            // "his views said", "voters shouldn't": a phrase that cannot be a speaker is a cue
            // with no subject.
            // "It didn’t surprise Republican pollster Daron Shaw", "… - Michael P. McDonald":
            // a name closing the phrase is the speaker.
            Slot::Phrase(a, b) if is_junk(doc, a, b) && tail_name(doc, a, b).is_some() => {
                let from = tail_name(doc, a, b).unwrap_or(a);
                Some(classify(doc, from, b, &history))
            }
            Slot::Phrase(a, b) if is_junk(doc, a, b) => Some(Speaker {
                span: Some(doc.cover(a, b)),
                kind: SpeakerKind::Description,
                entity: latest_person(&history, quote.covers.start),
            }),
            Slot::Phrase(a, b) => Some(classify(doc, a, b, &history)),
            Slot::Null => Some(Speaker {
                span: None,
                kind: SpeakerKind::Pronoun,
                entity: latest_person(&history, quote.covers.start),
            }),
            Slot::Continue => {
                // "Valastro praised Christie. ¶ “…”": a person named before a speech verb
                // after the last quote speaks now.
                let at = quote.covers.start;
                let newer = |list: &[(usize, usize)]| {
                    list[..list.partition_point(|(p, _)| *p < at)]
                        .last()
                        .filter(|(p, _)| history.last_at.is_none_or(|last| *p > last))
                        .copied()
                };
                let subject = [newer(&history.subjects), newer(&history.topics)]
                    .into_iter()
                    .flatten()
                    .max_by_key(|(p, _)| *p)
                    .map(|(_, e)| e);
                match subject {
                    Some(entity) => Some(Speaker {
                        span: None,
                        kind: SpeakerKind::Pronoun,
                        entity: Some(entity),
                    }),
                    None => history.last.as_ref().map(|last| Speaker {
                        span: None,
                        kind: SpeakerKind::Pronoun,
                        entity: last.entity,
                    }),
                }
            }
        };
        if let Some(speaker) = &speaker {
            if let Some(entity) = speaker.entity {
                history.named = Some(entity);
                if doc.entities.entities[entity].kind == EntityType::Person
                    && !organisation_like(doc, entity)
                {
                    history.person = Some(entity);
                    history.people.retain(|&(_, e)| e != entity);
                    history.people.push((quote.covers.start, entity));
                }
            }
            history.last = Some(speaker.clone());
            history.last_at = Some(quote.covers.end);
        }
        let mut start = quote.covers.start;
        let mut end = quote.covers.end;
        for span in quote.cue.iter().chain(speaker.as_ref().and_then(|s| s.span.as_ref())) {
            start = start.min(span.start);
            end = end.max(span.end);
        }
        out.push(Quote {
            span: model::Span::new(start, end),
            content: quote.content,
            kind: quote.kind,
            cue: quote.cue,
            speaker,
        });
    }
    out
}

/// "“…”, dijo.": like a pronoun, the person the last sentences before `at` are about.
fn latest_person(history: &History, at: usize) -> Option<usize> {
    let before =
        |list: &[(usize, usize)]| list[..list.partition_point(|(p, _)| *p < at)].last().copied();
    [history.people.last().copied(), before(&history.subjects), before(&history.topics)]
        .into_iter()
        .flatten()
        .max_by_key(|(p, _)| *p)
        .map(|(_, e)| e)
        .or(history.person)
        .or(history.named)
}

/// What the phrase `a..b` is, and the entity it stands for.
fn classify(doc: &Doc<'_>, a: usize, b: usize, history: &History) -> Speaker {
    let span = doc.cover(a, b);
    let first = doc.word(a);
    if b - a == 1 && lexicon::is_pronoun(first) {
        let at = span.start;
        let entity = if lexicon::is_personal_pronoun(first) {
            let wanted = lexicon::pronoun_gender(first);
            let before = |list: &[(usize, usize)]| list.partition_point(|(p, _)| *p < at);
            let subjects = &history.subjects[..before(&history.subjects)];
            let topics = &history.topics[..before(&history.topics)];
            let latest = |fits: &dyn Fn(usize) -> bool| {
                let spoke = history.people.iter().rev().find(|(_, e)| fits(*e));
                let named = subjects.iter().rev().find(|(_, e)| fits(*e));
                let topic = topics.iter().rev().find(|(_, e)| fits(*e));
                [spoke, named, topic].into_iter().flatten().max_by_key(|(p, _)| *p).map(|(_, e)| *e)
            };
            let fits = |entity: usize| {
                wanted.is_none() || gender(doc, entity).is_none_or(|g| Some(g) == wanted)
            };
            latest(&fits).or_else(|| {
                doc.mentions_before(at)
                    .find(|(_, e, kind)| {
                        *kind == EntityType::Person && fits(*e) && looks_like_person(doc, *e)
                    })
                    .map(|(_, e, _)| *e)
            })
        } else {
            history.named.or_else(|| {
                nearest(doc, at, |k| {
                    matches!(k, EntityType::Organization | EntityType::CriminalGroup)
                })
            })
        };
        return Speaker { span: Some(span), kind: SpeakerKind::Pronoun, entity };
    }
    let mention = doc.mention_in(span).filter(|(_, _, kind)| *kind != EntityType::Place);
    let determiner = lexicon::is_determiner(first);
    let definite = matches!(first, "the" | "el" | "la");
    // A name with only titles before it ("Col. X", "el ministro del Interior X") is a name;
    // "a spokesman for X" is a description.
    let name_at_head = |m: model::Span| {
        (a..doc.token_at(m.start)).all(|t| {
            let word = doc.word(t);
            doc.is_capitalised(t)
                || lexicon::is_role(word)
                || (t == a && determiner)
                || matches!(word, "of" | "de" | "del" | "former" | "ex" | "then")
                || (t + 1 < b && lexicon::is_role(doc.word(t + 1)))
        })
    };
    // "the presumptive Republican presidential nominee", "The GOP front-runner": a name that
    // only modifies a role is not the speaker; the epithet stands for a person.
    let modifies_role = |m: model::Span, kind: EntityType| {
        kind != EntityType::Person
            && m.end < span.end
            && (lexicon::is_role(doc.word(b - 1)) || lexicon::is_person_noun(doc.word(b - 1)))
    };
    match mention {
        Some((m, entity, kind)) if name_at_head(m) && !(definite && modifies_role(m, kind)) => {
            Speaker { span: Some(span), kind: SpeakerKind::Name, entity: Some(entity) }
        }
        Some((m, _, kind)) if modifies_role(m, kind) => {
            let entity = epithet_or_role(doc, a, b, history);
            Speaker { span: Some(span), kind: SpeakerKind::Description, entity }
        }
        Some((_, entity, _)) => {
            let entity = linked(doc, a, b, &history.quoted).or(Some(entity));
            Speaker { span: Some(span), kind: SpeakerKind::Description, entity }
        }
        None if doc.is_capitalised(a) && !determiner => {
            Speaker { span: Some(span), kind: SpeakerKind::Name, entity: by_alias(doc, b) }
        }
        // "The White House", "la Casa Blanca": an article before capitalised words is a name.
        None if matches!(first, "the" | "el" | "la" | "los" | "las")
            && b - a >= 2
            && (a + 1..b).all(|t| doc.is_capitalised(t)) =>
        {
            Speaker { span: Some(span), kind: SpeakerKind::Name, entity: by_alias(doc, b) }
        }
        None => {
            let entity =
                epithet_or_role(doc, a, b, history).or_else(|| body(doc, a, b, &history.quoted));
            Speaker { span: Some(span), kind: SpeakerKind::Description, entity }
        }
    }
}

/// "the Florida senator", "the billionaire businessman", "the 46-year-old": a definite
/// description of one person that no name in the text is tied to is an epithet for the last
/// person who spoke (or was named before a speech verb), of the right gender for "man"/"woman".
fn epithet(doc: &Doc<'_>, a: usize, b: usize, history: &History) -> Option<usize> {
    if !matches!(doc.word(a), "the" | "el" | "la") || b - a > 5 {
        return None;
    }
    let head = doc.word(b - 1);
    if !(lexicon::is_role(head) || lexicon::is_person_noun(head) || head.ends_with("year-old")) {
        return None;
    }
    let wanted = match head {
        "man" | "businessman" | "congressman" | "chairman" | "hombre" => {
            Some(lexicon::Gender::Male)
        }
        "woman" | "businesswoman" | "congresswoman" | "chairwoman" | "mujer" => {
            Some(lexicon::Gender::Female)
        }
        _ => None,
    };
    let fits = |e: usize| wanted.is_none() || gender(doc, e).is_none_or(|g| Some(g) == wanted);
    let at = doc.tokens[a].start;
    let before = |list: &[(usize, usize)]| list.partition_point(|(p, _)| *p < at);
    let spoke = history.people.iter().rev().find(|(_, e)| fits(*e));
    let named = history.subjects[..before(&history.subjects)].iter().rev().find(|(_, e)| fits(*e));
    let topic = history.topics[..before(&history.topics)].iter().rev().find(|(_, e)| fits(*e));
    [spoke, named, topic].into_iter().flatten().max_by_key(|(p, _)| *p).map(|(_, e)| *e)
}

/// "the agency", "the campaign", "la fiscalía": a definite description headed by a word for
/// an organisation is the organisation named last before it.
fn body(doc: &Doc<'_>, a: usize, b: usize, quoted: &[model::Span]) -> Option<usize> {
    if !matches!(doc.word(a), "the" | "its" | "el" | "la") || b - a > 4 {
        return None;
    }
    if !lexicon::is_body_noun(doc.word(b - 1)) {
        return None;
    }
    doc.mentions_before(doc.tokens[a].start)
        .filter(|(m, _, _)| !inside(quoted, *m))
        .find(|(_, _, kind)| *kind == EntityType::Organization)
        .map(|(_, entity, _)| *entity)
}

/// Whether mention `m` lies inside one of the quotes' contents.
fn inside(quoted: &[model::Span], m: model::Span) -> bool {
    quoted.iter().any(|q| q.contains(m))
}

/// Person mentions right before a speech verb, give or take adverbs, by position.
fn speech_subjects(doc: &Doc<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (span, entity, kind) in &doc.mentions {
        if *kind != EntityType::Person {
            continue;
        }
        let at = doc.token_at(span.start);
        // "That will be true up to a point, said Sherman": a name right after a speech verb
        // that follows a comma or a closing mark is its subject too, when the name ends the
        // clause or opens an appositive (not "said Ivanka Trump's statement").
        let after = doc.token_at(span.end);
        if at > 1
            && doc.is_speech_verb(at - 1)
            && matches!(doc.raw(at - 2), "," | "”" | "\"" | "»")
            && (after >= doc.len() || matches!(doc.raw(after), "," | "." | ";" | "(" | "—"))
        {
            out.push((span.start, *entity));
            continue;
        }
        // "took to Twitter to say", "wrote to X to say": a preposition's object is no subject.
        if at > 0
            && matches!(
                doc.word(at - 1),
                "to" | "on"
                    | "via"
                    | "at"
                    | "from"
                    | "with"
                    | "by"
                    | "of"
                    | "a"
                    | "en"
                    | "por"
                    | "con"
                    | "de"
            )
        {
            continue;
        }
        let mut t = doc.token_at(span.end);
        while t < doc.len()
            && (lexicon::is_adverb_or_auxiliary(doc.word(t))
                || (lexicon::is_manner_adverb(doc.word(t)) && !doc.is_capitalised(t)))
        {
            t += 1;
        }
        if t < doc.len() && doc.is_speech_verb(t) {
            out.push((span.start, *entity));
        }
    }
    out
}

/// The person mention each sentence outside quotes opens with, by position: "Cruz openly
/// admitted …", "Former Gov. X said …", "In his assessment, Calderon intimated …". A pronoun
/// that follows most often stands for it.
fn sentence_subjects(doc: &Doc<'_>, quoted: &[model::Span]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for sentence in doc.sentences {
        if quoted.iter().any(|q| q.start <= sentence.start && sentence.start < q.end) {
            continue;
        }
        let first = doc.token_at(sentence.start);
        let Some(&(m, entity, _)) = doc
            .mentions_before(sentence.end)
            .take_while(|(m, _, _)| m.start >= sentence.start)
            .filter(|(_, _, kind)| *kind == EntityType::Person)
            .last()
        else {
            continue;
        };
        if quoted.iter().any(|q| q.contains(m)) {
            continue;
        }
        let at = doc.token_at(m.start);
        // "But state Rep. X recalled …": a conjunction may open the sentence.
        let first = if at > first + 1
            && matches!(doc.word(first), "but" | "and" | "yet" | "so" | "pero" | "y")
        {
            first + 1
        } else {
            first
        };
        let title = |t: usize| {
            doc.is_capitalised(t)
                || lexicon::is_title_word(doc.word(t))
                || matches!(
                    doc.word(t),
                    "the" | "former" | "of" | "state" | "el" | "la" | "de" | "del"
                )
        };
        // "Tennis great Billie Jean King remembered …", "Political analyst X agreed": up to
        // three words of a title before the name.
        let bare = if matches!(doc.word(first), "the" | "el" | "la") { first + 1 } else { first };
        let short_title = at - bare <= 3
            && (bare..at).all(|t| {
                doc.is_word(t)
                    && !lexicon::ends_phrase(doc.word(t))
                    && !doc.is_speech_verb(t)
                    && !lexicon::is_determiner(doc.word(t))
                    && !lexicon::is_opening_adjunct(doc.word(t))
            });
        let titles = (first..at).all(title) || short_title;
        // "In an address on Friday, President X condemned …": titles may follow the comma.
        let comma = (first + 1..at).rev().find(|&t| doc.raw(t) == ",").filter(|&c| {
            (c + 1..at).all(|t| {
                doc.is_capitalised(t)
                    || lexicon::is_role(doc.word(t))
                    || matches!(doc.word(t), "the" | "el" | "la")
            })
        });
        // "Recently, Herman Cain …": a manner or time adverb may open it too.
        let after_adjunct = comma.is_some()
            && (lexicon::is_opening_adjunct(doc.word(first))
                || opens_clause(doc.word(first))
                || (comma == Some(first + 1) && lexicon::is_manner_adverb(doc.word(first))));
        if titles || after_adjunct {
            let index = doc.mentions.partition_point(|(n, _, _)| n.start < m.start);
            let head = (index..doc.mentions.len())
                .find(|&i| doc.mentions[i].1 == entity && doc.mentions[i].0 == m)
                .map_or(entity, |i| doc.mentions[doc.title_head(i)].1);
            out.push((m.start, head));
        }
    }
    out
}

/// Words that open an adjunct clause before a sentence's subject ("Speaking at a town hall,
/// Trump went after Bush", "Since launching his bid, X has …").
fn opens_clause(word: &str) -> bool {
    matches!(
        word,
        "since"
            | "while"
            | "as"
            | "when"
            | "speaking"
            | "asked"
            | "despite"
            | "although"
            | "though"
            | "following"
            | "instead"
            | "now"
            | "still"
            | "desde"
            | "mientras"
            | "cuando"
            | "aunque"
            | "consultado"
            | "consultada"
            | "según"
    )
}

/// An entity's gender from its name's first word, or from a title before one of its mentions.
pub(super) fn gender(doc: &Doc<'_>, entity: usize) -> Option<lexicon::Gender> {
    let entity_ref = &doc.entities.entities[entity];
    let first =
        |name: &str| name.split_whitespace().next().map(|w| w.trim_end_matches('.').to_lowercase());
    // "9/11 widow Terry Strada", "his wife, Jane": a gendered noun right before a mention
    // outweighs a first name worn by both.
    let noun = entity_ref.mentions.iter().find_map(|m| {
        let at = doc.token_at(m.start);
        let before = match at {
            0 => return None,
            1 => at - 1,
            _ if doc.raw(at - 1) == "," => at - 2,
            _ => at - 1,
        };
        lexicon::noun_gender(doc.word(before))
    });
    noun.or_else(|| {
        entity_ref
            .aliases
            .iter()
            .chain(std::iter::once(&entity_ref.name))
            .find_map(|alias| first(alias).and_then(|w| lexicon::name_gender(&w)))
    })
    .or_else(|| {
        entity_ref.mentions.iter().find_map(|m| {
            let at = doc.token_at(m.start);
            (at > 0).then(|| doc.word(at - 1).trim_end_matches('.')).and_then(lexicon::name_gender)
        })
    })
}

/// The nearest mention before byte `at` of a kind `keep` accepts.
fn nearest(doc: &Doc<'_>, at: usize, keep: impl Fn(EntityType) -> bool) -> Option<usize> {
    doc.mentions_before(at).find(|(_, _, kind)| keep(*kind)).map(|(_, entity, _)| *entity)
}

/// An entity one of whose aliases ends with the phrase's last word: a name the tagger missed here.
fn by_alias(doc: &Doc<'_>, b: usize) -> Option<usize> {
    let last = doc.raw(b - 1);
    doc.entities.entities.iter().position(|e| {
        e.kind != EntityType::Place
            && e.aliases.iter().any(|alias| alias.rsplit(' ').next() == Some(last))
    })
}

/// The entity a description stands for, when the text makes the link.
///
/// - A description with a gang word ("one of the hooded gang members", "un pandillero") is the
///   criminal group named in its own or the two sentences before it; when the description
///   mentions a video, a group named in a sentence that also mentions a video comes first.
/// - A description headed by a role ("the interior minister", "el vocero") is the person whose
///   mention has that role word right before it ("Interior Minister Vicente Tiburcio") or in
///   an appositive right after it ("Vicente Tiburcio, the interior minister"): the nearest one
///   before the quote, else the first after it.
fn linked(doc: &Doc<'_>, a: usize, b: usize, quoted: &[model::Span]) -> Option<usize> {
    let words = || (a..b).map(|t| doc.word(t));
    if words().any(lexicon::is_gang_word) {
        let wants_video = words().any(lexicon::is_video_word);
        let here = doc.sentence_of[a];
        let mut fallback = None;
        for sentence in (here.saturating_sub(2)..=here).rev() {
            let span = doc.sentences[sentence];
            let groups: Vec<usize> = doc
                .mentions
                .iter()
                .filter(|(m, _, kind)| *kind == EntityType::CriminalGroup && span.contains(*m))
                .map(|(_, entity, _)| *entity)
                .collect();
            let Some(&group) = groups.last() else { continue };
            let has_video = {
                let first = doc.token_at(span.start);
                (first..doc.len())
                    .take_while(|&t| doc.tokens[t].end <= span.end)
                    .any(|t| lexicon::is_video_word(doc.word(t)))
            };
            if !wants_video || has_video {
                return Some(group);
            }
            fallback = fallback.or(Some(group));
        }
        return fallback;
    }
    if let Some(last) = words().next_back() {
        if lexicon::is_document(last) && b - a <= 3 {
            // "the statement said": whoever was named last before it, in this or the two
            // sentences before.
            let here = doc.sentence_of[a];
            let from = doc.sentences[here.saturating_sub(2)].start;
            return doc
                .mentions_before(doc.tokens[a].start)
                .take_while(|(m, _, _)| m.start >= from)
                .filter(|(m, _, _)| !inside(quoted, *m))
                .find(|(_, _, kind)| matches!(kind, EntityType::Person | EntityType::Organization))
                .map(|(_, e, _)| *e);
        }
    }
    let role = words().rev().find(|w| lexicon::is_role(w))?;
    let has_role = |m: model::Span| has_role(doc, role, m);
    let start = doc.tokens[a].start;
    let people = || doc.mentions.iter().filter(|(_, _, kind)| *kind == EntityType::Person);
    people()
        .filter(|(m, _, _)| m.end <= start)
        .rfind(|(m, _, _)| has_role(*m))
        .or_else(|| people().filter(|(m, _, _)| m.start >= start).find(|(m, _, _)| has_role(*m)))
        .map(|(_, entity, _)| *entity)
}

/// Whether the person mention `m` carries `role` right before it or in an appositive after it.
/// "Gov. Chris Christie" holds its title inside the mention, often abbreviated.
fn has_role(doc: &Doc<'_>, role: &str, m: model::Span) -> bool {
    let same = |t: usize| lexicon::role_of_title(doc.word(t)) == role;
    let at = doc.token_at(m.start);
    let end = doc.token_at(m.end);
    let before = (at.saturating_sub(3)..end.min(at + 2)).any(same);
    let after =
        end < doc.len() && doc.raw(end) == "," && (end + 1..doc.len().min(end + 6)).any(same);
    before || after
}

/// "the senator" after Cruz spoke: the epithet's candidate (the last speaker) when the text
/// gives them the description's role, else the role's holder the text names, else the
/// candidate.
fn epithet_or_role(doc: &Doc<'_>, a: usize, b: usize, history: &History) -> Option<usize> {
    let candidate = epithet(doc, a, b, history);
    let role = (a..b).map(|t| doc.word(t)).rev().find(|w| lexicon::is_role(w));
    let holds = |e: usize| {
        role.is_some_and(|role| {
            doc.entities.entities[e].mentions.iter().any(|&m| has_role(doc, role, m))
        })
    };
    candidate.filter(|&e| holds(e)).or_else(|| linked(doc, a, b, &history.quoted)).or(candidate)
}

/// The first token of a person's name (with the capitalised titles before it) that ends the
/// phrase `a..b`, when one does and something other than titles comes before it.
fn tail_name(doc: &Doc<'_>, a: usize, b: usize) -> Option<usize> {
    let mut from = doc.person_ending(a, b)?;
    while from > a && doc.is_capitalised(from - 1) && doc.is_word(from - 1) {
        from -= 1;
    }
    (from > a).then_some(from)
}
