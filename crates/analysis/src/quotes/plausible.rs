//! Whether a phrase or an entity can be a speaker: junk subject phrases, people that are no people.

use super::{doc::Doc, lexicon, resolve::gender};

/// A phrase read as a subject that cannot name a speaker: it ends in a function word ("the
/// city embodied the", "as a"), opens with a possessive not headed by a person noun ("his
/// views", "his standing"), with a pronoun and more words ("he has"), with a gerund
/// ("entering the United States"), a clause word ("whether he would …"), ends in a time
/// ("two weeks ago"), is a long lowercase run with no person noun, or holds a negation.
pub(super) fn is_junk(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let first = doc.word(a);
    let last = doc.word(b - 1);
    let person_head = lexicon::is_role(last)
        || lexicon::is_person_noun(last)
        || lexicon::is_body_noun(last)
        || lexicon::is_document(last)
        || lexicon::is_gang_word(last);
    let function_end = matches!(
        last,
        "the"
            | "a"
            | "an"
            | "as"
            | "if"
            | "of"
            | "that"
            | "has"
            | "have"
            | "again"
            | "yet"
            | "el"
            | "la"
            | "un"
            | "una"
            | "de"
            | "que"
            | "si"
            | "como"
    );
    let possessive = matches!(first, "his" | "her" | "their" | "its" | "su" | "sus");
    let negation = (a..b).any(|t| {
        let w = doc.word(t);
        w.ends_with("n't") || w.ends_with("n’t")
    });
    let gerund = first.ends_with("ing") && !doc.is_capitalised(a);
    let time_end = matches!(
        last,
        "ago"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "day"
            | "days"
            | "now"
            | "night"
            | "morning"
            | "evening"
            | "afternoon"
            | "semana"
            | "semanas"
            | "mes"
            | "meses"
            | "año"
            | "años"
            | "día"
            | "días"
    );
    let clause_start = matches!(
        first,
        "whether"
            | "why"
            | "how"
            | "what"
            | "when"
            | "where"
            | "because"
            | "while"
            | "it"
            | "por"
            | "cuando"
            | "donde"
            | "porque"
            | "mientras"
    );
    // A long lowercase run with no person in it is a clause, not a subject.
    let long_clause = b - a >= 5 && !person_head && (a..b).all(|t| !doc.is_capitalised(t));
    function_end
        || time_end
        || clause_start
        || long_clause
        || (possessive && !person_head)
        || (b - a > 1 && lexicon::is_personal_pronoun(first))
        || gerund
        || negation
}

/// Whether a person entity looks like one: a name of two capitalised words, a known first
/// name, or a title before one of its mentions ("Mr. Obama", "Sen. Cruz"). The tagger also
/// calls "Twitter" or "Debates" persons.
pub(super) fn looks_like_person(doc: &Doc<'_>, entity: usize) -> bool {
    let e = &doc.entities.entities[entity];
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let full = std::iter::once(&e.name).chain(&e.aliases).any(|name| {
        let mut words = name.split_whitespace();
        words.next().is_some_and(capitalised) && words.next().is_some_and(capitalised)
    });
    let titled = e.mentions.iter().any(|m| {
        let at = doc.token_at(m.start);
        at > 0 && {
            let word = doc.word(at - 1).trim_end_matches('.');
            lexicon::is_role(word) || matches!(word, "mr" | "mrs" | "ms" | "dr" | "sr" | "sra")
        }
    });
    (full || titled || gender(doc, entity).is_some()) && !organisation_like(doc, entity)
}

/// Whether a person entity's name holds a word for an organisation or a medium ("Commission
/// on Presidential Debates", "Fox News"): the tagger's person is no person.
pub(super) fn organisation_like(doc: &Doc<'_>, entity: usize) -> bool {
    doc.entities.entities[entity].name.split_whitespace().any(|word| {
        let word = word.to_lowercase();
        lexicon::is_body_noun(&word)
            || matches!(
                word.as_str(),
                "debates"
                    | "twitter"
                    | "facebook"
                    | "news"
                    | "times"
                    | "post"
                    | "journal"
                    | "tv"
                    | "media"
                    | "radio"
                    | "press"
                    | "magazine"
                    | "inc."
                    | "corp."
            )
    })
}
