//! Events: what happened, who did it to whom, where, when and how many, as one article tells it.
//!
//! The taxonomy and its mapping to ACLED are documented in `docs/events.md`.
//!
//! Each headline and body sentence is scanned for trigger words of both languages
//! ("extortion", "amenazó", "arrested", "estado de emergencia"…). A trigger becomes an event
//! mention with:
//! - its modality, read from cues near the trigger ("denied", "presuntos", "could", "planean");
//! - actors and targets: the sentence's entities and group descriptions ("motorcycle taxi
//!   drivers", "extorsionadores venezolanos"), placed by the role the event type gives them;
//! - places: the sentence's geocodable place entities;
//! - the nearest date expression of the sentence, and the counts its quantities give;
//! - who the sentence credits the fact to, from the quotes module ("según la policía").
//!
//! A violent act under a threat verb ("threatened to kill", "amenazó con matar") is not an
//! event of its own: it is the act a `threat` event threatens. Captions and related links are
//! never read, so an event they mention is not an event of the story.
//!
//! Mentions of one type then merge into one event unless their dates, places or modality tell
//! them apart, gathering evidence sentences.

mod lexicon;
mod merge;
mod scan;
#[cfg(test)]
mod tests;

use model::{Article, Span};

use crate::{dates::DateMention, entities::DocumentEntities, quantities::Quantity, quotes::Quote};

/// What kind of event it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    /// Demanding money under threat ("cobro de cupos").
    Extortion,
    /// A threat or an act of intimidation, including ultimatums.
    Threat,
    /// A shooting or another attack with weapons.
    ArmedAttack,
    /// A grenade, bomb or other explosive attack.
    Explosion,
    /// A killing.
    Homicide,
    /// A kidnapping or abduction.
    Kidnapping,
    /// Setting fire to property.
    Arson,
    /// A peaceful protest, march or strike.
    Protest,
    /// A violent demonstration or mob violence.
    Riot,
    /// Arrests or detentions.
    Arrest,
    /// A police or military deployment or operation.
    PoliceDeployment,
    /// A state of emergency declared.
    StateOfEmergency,
    /// Drug, arms or human trafficking.
    Trafficking,
    /// A seizure of drugs, weapons or goods.
    Seizure,
}

impl EventType {
    /// Every type, in the order of `docs/events.md`.
    pub const ALL: [EventType; 14] = [
        EventType::Extortion,
        EventType::Threat,
        EventType::ArmedAttack,
        EventType::Explosion,
        EventType::Homicide,
        EventType::Kidnapping,
        EventType::Arson,
        EventType::Protest,
        EventType::Riot,
        EventType::Arrest,
        EventType::PoliceDeployment,
        EventType::StateOfEmergency,
        EventType::Trafficking,
        EventType::Seizure,
    ];

    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Extortion => "extortion",
            EventType::Threat => "threat",
            EventType::ArmedAttack => "armed_attack",
            EventType::Explosion => "explosion",
            EventType::Homicide => "homicide",
            EventType::Kidnapping => "kidnapping",
            EventType::Arson => "arson",
            EventType::Protest => "protest",
            EventType::Riot => "riot",
            EventType::Arrest => "arrest",
            EventType::PoliceDeployment => "police_deployment",
            EventType::StateOfEmergency => "state_of_emergency",
            EventType::Trafficking => "trafficking",
            EventType::Seizure => "seizure",
        }
    }

    /// ACLED's event type and sub-event type, where ACLED has one.
    pub fn acled(self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            EventType::Extortion | EventType::Threat | EventType::Trafficking => return None,
            EventType::ArmedAttack | EventType::Homicide => {
                ("Violence against civilians", "Attack")
            }
            EventType::Explosion => ("Explosions/Remote violence", "Grenade"),
            EventType::Kidnapping => {
                ("Violence against civilians", "Abduction/forced disappearance")
            }
            EventType::Arson => ("Strategic developments", "Looting/property destruction"),
            EventType::Protest => ("Protests", "Peaceful protest"),
            EventType::Riot => ("Riots", "Violent demonstration"),
            EventType::Arrest => ("Strategic developments", "Arrests"),
            EventType::PoliceDeployment => ("Strategic developments", "Change to group/activity"),
            EventType::StateOfEmergency => return None,
            EventType::Seizure => ("Strategic developments", "Disrupted weapons use"),
        })
    }

    /// Acts that hurt people or property, which a threat can threaten.
    fn is_violent(self) -> bool {
        matches!(
            self,
            EventType::ArmedAttack
                | EventType::Explosion
                | EventType::Homicide
                | EventType::Kidnapping
                | EventType::Arson
        )
    }
}

/// How the text presents an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventModality {
    /// Stated as having happened.
    Reported,
    /// Stated with a hedge: "alleged", "presuntos", "reportedly", "habría".
    Alleged,
    /// Stated as confirmed by someone: "police confirmed", "confirmó".
    Confirmed,
    /// Denied: "denied that", "negó que", "no hubo".
    Denied,
    /// Planned or announced: "plan to", "will", "planean".
    Planned,
    /// Possible only: "could", "might", "podría", "if".
    Hypothetical,
}

impl EventModality {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EventModality::Reported => "reported",
            EventModality::Alleged => "alleged",
            EventModality::Confirmed => "confirmed",
            EventModality::Denied => "denied",
            EventModality::Planned => "planned",
            EventModality::Hypothetical => "hypothetical",
        }
    }
}

/// An actor or target: an entity, or a description the text gives ("motorcycle taxi drivers").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Where it is written.
    pub span: Span,
    /// The entity (an index into the document's entities) it names, if it is one.
    pub entity: Option<usize>,
}

/// What a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CountRole {
    /// People killed.
    Killed,
    /// People injured.
    Injured,
    /// People arrested.
    Arrested,
    /// Officers or troops deployed.
    Deployed,
    /// People kidnapped, threatened or extorted.
    Victims,
    /// Reported cases or complaints.
    Cases,
}

impl CountRole {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            CountRole::Killed => "killed",
            CountRole::Injured => "injured",
            CountRole::Arrested => "arrested",
            CountRole::Deployed => "deployed",
            CountRole::Victims => "victims",
            CountRole::Cases => "cases",
        }
    }
}

/// A count an event carries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Count {
    /// What it counts.
    pub role: CountRole,
    /// The quantity (an index into the article's quantities) that gives it.
    pub quantity: usize,
}

/// One event of an article, gathered from all the sentences that mention it.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// What kind of event it is.
    pub kind: EventType,
    /// For a threat, the act threatened ("threatened to kill": homicide).
    pub threatened: Option<EventType>,
    /// How the text presents it.
    pub modality: EventModality,
    /// Who did it.
    pub actors: Vec<Participant>,
    /// Who or what it was done to.
    pub targets: Vec<Participant>,
    /// Where: place entities (indices into the document's entities).
    pub places: Vec<usize>,
    /// When: the narrowest date expression (an index into the article's dates) its mentions give.
    pub date: Option<usize>,
    /// How many were killed, injured, arrested, deployed…
    pub counts: Vec<Count>,
    /// Who the text credits the fact to: the speaker of a quote or "según" clause holding it.
    pub attribution: Option<Participant>,
    /// The trigger words of each mention.
    pub triggers: Vec<Span>,
    /// The sentences that mention it, in text order.
    pub evidence: Vec<Span>,
}

/// Whom a group description names ("all Venezuelan immigrants", "extorsionadores venezolanos").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKind {
    /// Ordinary people: drivers, merchants, residents, immigrants.
    Civilians,
    /// Offenders: extortionists, gunmen, gang members, suspects.
    Offenders,
    /// Security forces: officers, agents, troops.
    SecurityForces,
    /// Protesters and rioters.
    Protesters,
}

impl GroupKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::Civilians => "civilians",
            GroupKind::Offenders => "offenders",
            GroupKind::SecurityForces => "security forces",
            GroupKind::Protesters => "protesters",
        }
    }
}

/// Whom a group description names, by its head noun: the last one in English ("all Venezuelan
/// immigrants"), the one before its adjectives in Spanish ("extorsionadores venezolanos");
/// `None` when it has none.
pub fn group_kind(description: &str) -> Option<GroupKind> {
    let words: Vec<String> = description
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let heads: Vec<(&str, lexicon::Side)> = words
        .iter()
        .filter_map(|word| {
            lexicon::GROUP_HEADS.iter().find(|(head, _)| head == word).map(|&(h, side)| (h, side))
        })
        .collect();
    let head = heads
        .iter()
        .rev()
        .find(|(word, _)| !lexicon::GROUP_POSTMODIFIERS.contains(word))
        .or(heads.last())?;
    Some(match head.1 {
        lexicon::Side::Civilian => GroupKind::Civilians,
        lexicon::Side::Offender => GroupKind::Offenders,
        lexicon::Side::Force => GroupKind::SecurityForces,
        lexicon::Side::Protester => GroupKind::Protesters,
    })
}

/// What event extraction reads: the article and what the other stages found in it.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its entities.
    pub entities: &'a DocumentEntities,
    /// Its date expressions.
    pub dates: &'a [DateMention],
    /// Its quantities.
    pub quantities: &'a [Quantity],
    /// Its quotes and reported speech.
    pub quotes: &'a [Quote],
}

/// Every event of the article's headline and body, in order of first mention.
pub fn find(inputs: &Inputs<'_>) -> Vec<Event> {
    let mentions = scan::mentions(inputs);
    merge::merge(mentions, inputs)
}
