//! Relations between a document's entities: stated in a sentence, or known to the knowledge base.
//!
//! # From the text
//! In each sentence, every pair of consecutive actors (people, organisations and criminal
//! groups; places and other names in between are read through) is related when the words
//! between them hold a cue, in English or Spanish:
//! - `cell_of`: "a cell of", "célula de";
//! - `part_of`: "part of", "parte de", "faction of", "facción de", "armed wing of", "brazo armado de";
//! - `leader_of`: "leader of", "head of", "líder de", "cabecilla de", "jefe de" (the subject must be a person);
//! - `member_of`: "member of", "miembro de", "integrante de" (the subject must be a person);
//! - `linked_to`: "linked to", "tied to", "vinculad…", "ligad…", "con vínculos con".
//!
//! A criminal group or organisation is also related to the place it is based in or operates
//! in (`operates_in`) when the words between it and the next place (nationalities and other
//! names are read through) hold a cue: "based in", "headquartered in", "operates in",
//! "operating in", "stronghold in", "controls … in", "opera en", "con sede en", "con base en",
//! "actúa en", "bastión … en", "controla … en". In "controls … in" at most three words may
//! come between the two parts.
//!
//! At most three words may follow the cue ("a cell of Venezuela's Tren de Aragua", but not
//! "head of the anti-extortion division of the police"), and an actor right after "según" or
//! "according to" is the source of the sentence, not its subject.
//!
//! The modality is `denied` when the sentence denies ("denied", "negó"…), `reported` when the
//! words between the actors hedge ("reportedly", "which police say", "presunta", "estaría
//! vinculada") or the sentence is attributed ("según la policía", "police said"), else
//! `asserted`. The evidence is the sentence.
//!
//! # From the knowledge base
//! When two linked entities of a document are affiliated in the knowledge base, and the text
//! relates them in no way, the affiliation is added with the knowledge base's modality; its
//! evidence is the first sentence that mentions the subject.

use model::{Article, Span};

use super::{DocEntity, EntityType};
use crate::kb::{self, KnowledgeBase};

/// What a relation says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RelationType {
    /// A person belongs to a group.
    MemberOf,
    /// A group is a local cell of another.
    CellOf,
    /// A group or unit is part of another (a faction, an armed wing).
    PartOf,
    /// Linked, without saying how.
    LinkedTo,
    /// A person leads a group.
    LeaderOf,
    /// A group or organisation is based in, or operates in, a place.
    OperatesIn,
}

impl RelationType {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::MemberOf => "member_of",
            RelationType::CellOf => "cell_of",
            RelationType::PartOf => "part_of",
            RelationType::LinkedTo => "linked_to",
            RelationType::LeaderOf => "leader_of",
            RelationType::OperatesIn => "operates_in",
        }
    }
}

pub use crate::kb::Modality;

/// A relation between two entities of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRelation {
    /// What it says.
    pub kind: RelationType,
    /// The subject's entity key (see [`DocEntity::key`]).
    pub subject: String,
    /// The object's entity key.
    pub object: String,
    /// How firmly it is stated.
    pub modality: Modality,
    /// The sentence that states it, or that mentions the subject.
    pub evidence: Span,
    /// True when a sentence of the document states it; false when the knowledge base adds it.
    pub stated: bool,
}

/// Cues between two actors, lowercase; the first that matches decides the type.
const CUES: &[(&str, RelationType)] = &[
    ("cell of", RelationType::CellOf),
    ("célula de", RelationType::CellOf),
    ("células de", RelationType::CellOf),
    ("leader of", RelationType::LeaderOf),
    ("leaders of", RelationType::LeaderOf),
    ("head of", RelationType::LeaderOf),
    ("líder de", RelationType::LeaderOf),
    ("cabecilla de", RelationType::LeaderOf),
    ("jefe de", RelationType::LeaderOf),
    ("member of", RelationType::MemberOf),
    ("members of", RelationType::MemberOf),
    ("miembro de", RelationType::MemberOf),
    ("miembros de", RelationType::MemberOf),
    ("integrante de", RelationType::MemberOf),
    ("part of", RelationType::PartOf),
    ("parte de", RelationType::PartOf),
    ("faction of", RelationType::PartOf),
    ("facción de", RelationType::PartOf),
    ("wing of", RelationType::PartOf),
    ("brazo armado de", RelationType::PartOf),
    ("linked to", RelationType::LinkedTo),
    ("tied to", RelationType::LinkedTo),
    ("ties to", RelationType::LinkedTo),
    ("connected to", RelationType::LinkedTo),
    ("vinculad", RelationType::LinkedTo),
    ("vínculos con", RelationType::LinkedTo),
    ("ligad", RelationType::LinkedTo),
];

/// Cues between a group or organisation and a place, lowercase, matched as whole words; in
/// "controls … in" at most [`MAX_WORDS_AFTER_CUE`] words may stand for the ellipsis.
const BASE_CUES: &[&str] = &[
    "based in",
    "headquartered in",
    "operates in",
    "operate in",
    "operated in",
    "operating in",
    "stronghold in",
    "strongholds in",
    "controls … in",
    "controlled … in",
    "con sede en",
    "con base en",
    "opera en",
    "operan en",
    "operaba en",
    "operaban en",
    "operando en",
    "actúa en",
    "actúan en",
    "bastión … en",
    "bastiones … en",
    "controla … en",
    "controlan … en",
];

/// Words that deny, matched at word starts in the lowercase sentence.
const DENIALS: &[&str] =
    &["denied", "denies", "deny", "negó", "niega", "niegan", "negaron", "rechazó ser"];

/// Words that hedge, matched at word starts between the two actors.
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "alleged",
    "suspected",
    "presumably",
    "believed to",
    "said to be",
    "say",
    "says",
    "said",
    "presunt",
    "supuest",
    "estaría",
    "estarían",
    "sería",
    "serían",
    "habría",
    "habrían",
    "según",
];

/// Words that attribute the sentence to a source, matched at word starts anywhere in it.
const ATTRIBUTIONS: &[&str] = &[
    "according to",
    "say",
    "says",
    "said",
    "told",
    "según",
    "de acuerdo con",
    "dijo",
    "afirmó",
    "señaló",
    "informó",
    "atribuye",
    "aseguró",
];

/// Words right before an actor that make it the source of the sentence, not its subject.
const SOURCES: &[&str] = &["según", "according to", "de acuerdo con", "de acuerdo a"];

/// Words that may follow a cue before the object ("a cell of Venezuela's Tren de Aragua").
const MAX_WORDS_AFTER_CUE: usize = 3;

/// The longest run of words between two actors that can still carry a cue.
const MAX_GAP: usize = 80;

/// Relations stated in the sentences of `article` or known to the knowledge base, between `entities` (keys set).
pub(super) fn relations(
    article: &Article,
    entities: &[DocEntity],
    kb: &KnowledgeBase,
) -> Vec<DocRelation> {
    // Every mention with its entity, in text order.
    let mut mentions: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(at, entity)| entity.mentions.iter().map(move |&span| (span, at)))
        .collect();
    mentions.sort_unstable_by_key(|(span, _)| (span.start, span.end));
    let actor = |at: usize| {
        matches!(
            entities[at].kind,
            EntityType::Person | EntityType::Organization | EntityType::CriminalGroup
        )
    };
    let group = |at: usize| {
        matches!(entities[at].kind, EntityType::Organization | EntityType::CriminalGroup)
    };
    let mut out: Vec<DocRelation> = Vec::new();
    let mut next = 0;
    for &sentence in &article.sentences {
        while next < mentions.len() && mentions[next].0.start < sentence.start {
            next += 1;
        }
        let first = next;
        while next < mentions.len() && mentions[next].0.end <= sentence.end {
            next += 1;
        }
        let here = &mentions[first..next];
        let actors: Vec<(Span, usize)> =
            here.iter().copied().filter(|&(_, at)| actor(at)).collect();
        let places = here.iter().any(|&(_, at)| entities[at].kind == EntityType::Place);
        if actors.len() < 2 && !(places && actors.iter().any(|&(_, at)| group(at))) {
            continue;
        }
        let lower = article.slice(sentence).to_lowercase();
        let denied = has_word(&lower, DENIALS);
        let attributed = has_word(&lower, ATTRIBUTIONS);
        let modality = |between: &str| {
            if denied {
                Modality::Denied
            } else if attributed || has_word(between, HEDGES) {
                Modality::Reported
            } else {
                Modality::Asserted
            }
        };
        for pair in actors.windows(2) {
            let ((left, subject), (right, object)) = (pair[0], pair[1]);
            if subject == object || right.start < left.end || right.start - left.end > MAX_GAP {
                continue;
            }
            if is_source(article, sentence, left) {
                continue;
            }
            let between = article.text[left.end..right.start].to_lowercase();
            let Some(&(cue, kind)) = CUES.iter().find(|(cue, _)| starts_word(&between, cue)) else {
                continue;
            };
            let after = between.rsplit(cue).next().unwrap_or("");
            if after.split_whitespace().count() > MAX_WORDS_AFTER_CUE {
                continue;
            }
            let modality = modality(&between);
            let by_person = matches!(kind, RelationType::MemberOf | RelationType::LeaderOf);
            if by_person && entities[subject].kind != EntityType::Person {
                continue;
            }
            push(
                &mut out,
                DocRelation {
                    kind,
                    subject: entities[subject].key.clone(),
                    object: entities[object].key.clone(),
                    modality,
                    evidence: sentence,
                    stated: true,
                },
            );
        }
        // A group or organisation, then the next place or actor (other names read through).
        for (n, &(left, subject)) in here.iter().enumerate() {
            if !group(subject) {
                continue;
            }
            let Some(&(right, object)) =
                here[n + 1..].iter().find(|&&(_, at)| entities[at].kind != EntityType::Other)
            else {
                continue;
            };
            if entities[object].kind != EntityType::Place
                || right.start < left.end
                || right.start - left.end > MAX_GAP
                || is_source(article, sentence, left)
            {
                continue;
            }
            let between = article.text[left.end..right.start].to_lowercase();
            if !BASE_CUES.iter().any(|cue| base_cue(&between, cue)) {
                continue;
            }
            push(
                &mut out,
                DocRelation {
                    kind: RelationType::OperatesIn,
                    subject: entities[subject].key.clone(),
                    object: entities[object].key.clone(),
                    modality: modality(&between),
                    evidence: sentence,
                    stated: true,
                },
            );
        }
    }
    for subject in entities {
        let Some(entry) = subject.kb_id.as_deref().and_then(|id| kb.get(id)) else { continue };
        for affiliation in &entry.affiliations {
            let Some(object) =
                entities.iter().find(|e| e.kb_id.as_deref() == Some(&affiliation.id))
            else {
                continue;
            };
            let kind = match affiliation.relation {
                kb::Relation::CellOf => RelationType::CellOf,
                kb::Relation::FactionOf | kb::Relation::PartOf => RelationType::PartOf,
                kb::Relation::LeaderOf => RelationType::LeaderOf,
                kb::Relation::AlliedWith => RelationType::LinkedTo,
                kb::Relation::SplitFrom => continue,
            };
            let related = |r: &DocRelation| {
                (r.subject == subject.key && r.object == object.key)
                    || (r.subject == object.key && r.object == subject.key)
            };
            if out.iter().any(related) {
                continue;
            }
            let Some(&first) = subject.mentions.first() else { continue };
            let Some(&evidence) = article.sentences.iter().find(|s| s.contains(first)) else {
                continue;
            };
            out.push(DocRelation {
                kind,
                subject: subject.key.clone(),
                object: object.key.clone(),
                modality: affiliation.modality,
                evidence,
                stated: false,
            });
        }
    }
    out
}

/// Whether the mention at `left` comes right after "según" or "according to" (an article may
/// come between), which makes it the source of `sentence`, not its subject.
fn is_source(article: &Article, sentence: Span, left: Span) -> bool {
    let before = article.text[sentence.start..left.start].to_lowercase();
    let before = before.trim_end().trim_end_matches(|c: char| !c.is_alphanumeric()).trim_end();
    let before = ["la", "el", "los", "las", "the"]
        .iter()
        .find_map(|article| before.strip_suffix(article).filter(|rest| rest.ends_with(' ')))
        .unwrap_or(before)
        .trim_end();
    SOURCES.iter().any(|source| before.ends_with(source))
}

/// Whether `between` (lowercase, the text from a group to a place) holds the base `cue` as
/// whole words, with at most [`MAX_WORDS_AFTER_CUE`] words after it, and as many in place of
/// its ellipsis if it has one ("controls … in").
fn base_cue(between: &str, cue: &str) -> bool {
    let (head, tail) = match cue.split_once(" … ") {
        Some((head, tail)) => (head, Some(tail)),
        None => (cue, None),
    };
    between.match_indices(head).any(|(at, _)| {
        let end = at + head.len();
        let whole = between[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
            && between[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if !whole {
            return false;
        }
        let words: Vec<&str> = between[end..].split_whitespace().collect();
        match tail {
            None => words.len() <= MAX_WORDS_AFTER_CUE,
            Some(tail) => words.iter().enumerate().any(|(n, word)| {
                *word == tail
                    && n <= MAX_WORDS_AFTER_CUE
                    && words.len() - n - 1 <= MAX_WORDS_AFTER_CUE
            }),
        }
    })
}

/// Adds `relation` unless the same one with the same evidence is there.
fn push(out: &mut Vec<DocRelation>, relation: DocRelation) {
    if !out.contains(&relation) {
        out.push(relation);
    }
}

/// Whether `cue` occurs in `text` at the start of a word.
fn starts_word(text: &str, cue: &str) -> bool {
    text.match_indices(cue)
        .any(|(at, _)| text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// Whether one of `words` starts a word of `text` (lowercase), and ends one unless it is a stem.
fn has_word(text: &str, words: &[&str]) -> bool {
    words.iter().any(|word| {
        text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            let stem = matches!(*word, "presunt" | "supuest");
            before.is_none_or(|c| !c.is_alphanumeric())
                && (stem || after.is_none_or(|c| !c.is_alphanumeric()))
        })
    })
}
