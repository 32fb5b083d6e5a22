//! Trigger words, modality cues and participant words, in English and Spanish.
//!
//! A word ending in `*` matches any word it starts ("extors*": "extorsión", "extorsionadores").
//! Words are compared lowercased.

use super::{CountRole, EventType};

/// A run of words that signals an event of one type.
pub(super) struct Trigger {
    pub(super) words: &'static [&'static str],
    pub(super) kind: EventType,
}

macro_rules! triggers {
    ($($kind:ident: [$($words:expr),* $(,)?];)*) => {
        &[$($(Trigger { words: $words, kind: EventType::$kind },)*)*]
    };
}

/// Every trigger. Longer runs are listed with shorter ones; the scanner prefers the longest.
pub(super) const TRIGGERS: &[Trigger] = triggers! {
    Extortion: [
        &["extort*"], &["racketeer*"], &["protection", "money"], &["shakedown*"],
        &["extors*"], &["cobro*", "de", "cupo*"], &["cobrar*", "cupo*"], &["cupos"],
    ];
    Threat: [
        &["threat*"], &["ultimatum*"], &["intimidat*"], &["days", "to", "leave"],
        &["amenaz*"], &["ultimátum"], &["intimid*"], &["días", "para", "irse"],
        &["días", "para", "abandonar"], &["días", "para", "dejar"], &["días", "para", "salir"],
    ];
    ArmedAttack: [
        &["shooting*"], &["shot", "at"], &["shot"], &["opened", "fire"], &["gunfire"],
        &["armed", "attack*"], &["attack*"], &["ambush*"],
        &["balacera*"], &["balea*"], &["balear*"], &["disparo*"], &["dispar*"],
        &["ataque*"], &["atac*"], &["atentado*"], &["tiroteo*"], &["emboscada*"],
    ];
    Explosion: [
        &["grenade*"], &["explosi*"], &["explode*"], &["bomb*"], &["detonat*"], &["ied"],
        &["granada*"], &["explosi*"], &["bomba*"], &["detona*"], &["explosivo*"],
        &["artefacto", "explosivo"],
    ];
    Homicide: [
        &["killed"], &["kill"], &["killing*"], &["murder*"], &["homicide*"], &["shot", "dead"],
        &["gunned", "down"], &["slain"], &["assassinat*"],
        &["asesin*"], &["homicidio*"], &["mataron"], &["matar*"], &["mató"], &["sicariato*"],
        &["muerte"], &["dieron", "muerte"],
    ];
    Kidnapping: [
        &["kidnap*"], &["abduct*"], &["hostage*"],
        &["secuestr*"], &["rapto*"], &["raptad*"],
    ];
    Arson: [
        &["arson*"], &["firebomb*"], &["set", "fire", "to"], &["torched"],
        &["incendi*"], &["quemaron"], &["prendieron", "fuego"],
    ];
    Protest: [
        &["protest*"], &["demonstrat*"], &["march*"], &["rally"], &["rallies"], &["strike"],
        &["protesta*"], &["manifestación*"], &["manifestaciones"], &["manifestante*"],
        &["marcha*"], &["plantón"], &["paro"], &["paros"], &["movilizaci*"], &["huelga*"],
    ];
    Riot: [
        &["riot*"], &["unrest"], &["clash*"], &["looting"], &["looted"], &["vandal*"],
        &["disturbio*"], &["enfrentamiento*"], &["saque*"], &["desmanes"], &["turba*"],
    ];
    Arrest: [
        &["arrest*"], &["detain*"], &["captur*"], &["apprehend*"], &["in", "custody"],
        &["detenid*"], &["detuvo"], &["detuvieron"], &["detención*"], &["detenciones"],
        &["arresto*"], &["aprehend*"], &["intervenid*"],
    ];
    PoliceDeployment: [
        &["deploy*"], &["patrol*"], &["police", "operation*"], &["raid*"], &["crackdown*"],
        &["despleg*"], &["despliegue*"], &["desplegaron"], &["operativo*"],
        &["megaoperativo*"], &["patrullaje*"], &["redada*"], &["allanamiento*"],
    ];
    StateOfEmergency: [
        &["state", "of", "emergency"], &["emergency", "decree"],
        &["estado", "de", "emergencia"], &["estado", "de", "excepción"],
    ];
    Trafficking: [
        &["trafficking"], &["smuggl*"], &["drug", "trade"],
        &["narcotráfico"], &["tráfico", "de"], &["trata", "de", "personas"], &["contrabando"],
    ];
    Seizure: [
        &["seize*"], &["seizure*"], &["confiscat*"], &["haul"],
        &["incaut*"], &["decomis*"],
    ];
};

/// Words that look like triggers but are not ("manifestó" is "stated"; "patrol cars" are
/// vehicles; "attack dogs" are dogs).
pub(super) const NOT_TRIGGERS: &[&str] = &[
    "manifestó",
    "manifestaron",
    "manifestar",
    "manifiesta",
    "protestant*",
    "bombero*",
    "bombilla*",
    "atacante*",
    "attacker*",
    "extortionist*",
    "extorsionador*",
    "kidnapper*",
    "secuestrador*",
    "explosivos",
    "explosives",
    "marchand*",
];

/// Threat verbs: a violent act right after one is threatened, not done.
pub(super) const THREAT_GOVERNORS: &[&str] = &["threat*", "amenaz*", "vow*", "warn*", "advirti*"];

/// Words that may stand between a threat verb and the act ("threatened to kill", "amenazó con
/// matar", "amenazas de muerte").
pub(super) const THREAT_LINKS: &[&str] =
    &["to", "con", "de", "with", "that", "que", "they", "it", "would", "will", "them"];

/// Cues of each modality, and how far before the trigger they may stand (in words).
pub(super) struct Cue {
    pub(super) words: &'static [&'static str],
    pub(super) before: usize,
    pub(super) after: usize,
}

/// Verbs that deny the first event after them ("denied that", "negó que").
pub(super) const DENYING_VERBS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "negó",
    "niega",
    "negaron",
    "descartó",
    "descartaron",
    "rejected",
    "rechazó",
];

/// Negation right before the trigger.
pub(super) const DENIED: &[Cue] = &[Cue {
    words: &[
        "no", "not", "never", "nunca", "ningún", "ninguna", "without", "sin", "didn't", "wasn't",
        "weren't",
    ],
    before: 3,
    after: 0,
}];

/// Possibility only.
pub(super) const HYPOTHETICAL: &[Cue] = &[Cue {
    words: &[
        "could", "might", "may", "would", "podría", "podrían", "podrá", "podrán", "posible",
        "possible", "if", "si", "risk", "riesgo",
    ],
    before: 6,
    after: 0,
}];

/// Plans and announcements.
pub(super) const PLANNED: &[Cue] = &[Cue {
    words: &["plan*", "will", "intend*", "prepar*", "planea*", "planifica*", "going", "vowed"],
    before: 5,
    after: 0,
}];

/// Hedges.
pub(super) const ALLEGED: &[Cue] = &[Cue {
    words: &[
        "alleged*",
        "presunt*",
        "supuest*",
        "suspected",
        "reportedly",
        "habría",
        "habrían",
        "estaría",
        "estarían",
        "purported*",
        "claimed",
    ],
    before: 3,
    after: 0,
}];

/// Confirmation.
pub(super) const CONFIRMED: &[Cue] = &[Cue {
    words: &["confirm*", "confirmó", "confirmaron", "verified", "verificó"],
    before: 40,
    after: 6,
}];

/// What a group description names, which decides whether it acts or is acted upon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// Ordinary people: drivers, merchants, residents, immigrants.
    Civilian,
    /// Offenders: extortionists, gunmen, gang members, suspects.
    Offender,
    /// Security forces: officers, agents, troops.
    Force,
    /// Protesters: they act in protests, riots and the ultimatums crowds give.
    Protester,
}

/// Head nouns of group descriptions ("motorcycle taxi drivers", "comerciantes").
pub(super) const GROUP_HEADS: &[(&str, Side)] = &[
    ("drivers", Side::Civilian),
    ("driver", Side::Civilian),
    ("merchants", Side::Civilian),
    ("shopkeepers", Side::Civilian),
    ("traders", Side::Civilian),
    ("vendors", Side::Civilian),
    ("residents", Side::Civilian),
    ("immigrants", Side::Civilian),
    ("migrants", Side::Civilian),
    ("peruvians", Side::Civilian),
    ("venezuelans", Side::Civilian),
    ("workers", Side::Civilian),
    ("businesses", Side::Civilian),
    ("owners", Side::Civilian),
    ("protesters", Side::Protester),
    ("demonstrators", Side::Protester),
    ("passengers", Side::Civilian),
    ("families", Side::Civilian),
    ("community", Side::Civilian),
    ("conductores", Side::Civilian),
    ("choferes", Side::Civilian),
    ("mototaxistas", Side::Civilian),
    ("transportistas", Side::Civilian),
    ("comerciantes", Side::Civilian),
    ("bodegueros", Side::Civilian),
    ("vecinos", Side::Civilian),
    ("residentes", Side::Civilian),
    ("inmigrantes", Side::Civilian),
    ("migrantes", Side::Civilian),
    ("peruanos", Side::Civilian),
    ("venezolanos", Side::Civilian),
    ("trabajadores", Side::Civilian),
    ("negocios", Side::Civilian),
    ("manifestantes", Side::Protester),
    ("pasajeros", Side::Civilian),
    ("cobrador", Side::Civilian),
    ("merchant", Side::Civilian),
    ("shopkeeper", Side::Civilian),
    ("vendor", Side::Civilian),
    ("resident", Side::Civilian),
    ("businessman", Side::Civilian),
    ("passenger", Side::Civilian),
    ("comerciante", Side::Civilian),
    ("conductor", Side::Civilian),
    ("chofer", Side::Civilian),
    ("mototaxista", Side::Civilian),
    ("transportista", Side::Civilian),
    ("bodeguero", Side::Civilian),
    ("vecino", Side::Civilian),
    ("empresario", Side::Civilian),
    ("empresarios", Side::Civilian),
    ("pasajero", Side::Civilian),
    ("cobradores", Side::Civilian),
    ("rioters", Side::Protester),
    ("marchers", Side::Protester),
    ("manifestante", Side::Protester),
    ("protester", Side::Protester),
    ("extortionists", Side::Offender),
    ("men", Side::Offender),
    ("hombres", Side::Offender),
    ("encapuchados", Side::Offender),
    ("sujetos", Side::Offender),
    ("gunmen", Side::Offender),
    ("hitmen", Side::Offender),
    ("criminals", Side::Offender),
    ("suspects", Side::Offender),
    ("members", Side::Offender),
    ("gangsters", Side::Offender),
    ("attackers", Side::Offender),
    ("kidnappers", Side::Offender),
    ("extorsionadores", Side::Offender),
    ("sicarios", Side::Offender),
    ("delincuentes", Side::Offender),
    ("criminales", Side::Offender),
    ("sospechosos", Side::Offender),
    ("integrantes", Side::Offender),
    ("miembros", Side::Offender),
    ("pandilleros", Side::Offender),
    ("atacantes", Side::Offender),
    ("secuestradores", Side::Offender),
    ("officers", Side::Force),
    ("police", Side::Force),
    ("policemen", Side::Force),
    ("agents", Side::Force),
    ("troops", Side::Force),
    ("soldiers", Side::Force),
    ("agentes", Side::Force),
    ("policías", Side::Force),
    ("efectivos", Side::Force),
    ("militares", Side::Force),
    ("soldados", Side::Force),
    ("policía", Side::Force),
];

/// Words that may precede a group head inside its description ("all Venezuelan immigrants",
/// "motorcycle taxi drivers", "alleged members").
pub(super) const GROUP_MODIFIERS: &[&str] = &[
    "all",
    "many",
    "several",
    "some",
    "local",
    "alleged",
    "suspected",
    "foreign",
    "motorcycle",
    "moto",
    "taxi",
    "bus",
    "mototaxi",
    "transport",
    "market",
    "street",
    "gang",
    "police",
    "riot",
    "armed",
    "hooded",
    "masked",
    "venezuelan",
    "peruvian",
    "colombian",
    "ecuadorian",
    "todos",
    "los",
    "las",
    "presuntos",
    "presuntas",
    "supuestos",
];

/// Adjectives that may follow a Spanish group head ("inmigrantes venezolanos").
pub(super) const GROUP_POSTMODIFIERS: &[&str] = &[
    "venezolanos",
    "venezolanas",
    "peruanos",
    "peruanas",
    "colombianos",
    "ecuatorianos",
    "extranjeros",
    "armados",
    "encapuchados",
    "informales",
    "locales",
    "policiales",
];

/// Words in an organisation's name that make it a security force or authority.
pub(super) const AUTHORITY_WORDS: &[&str] = &[
    "police",
    "policía",
    "pnp",
    "army",
    "ejército",
    "armed",
    "fuerzas",
    "prosecutor*",
    "fiscalía",
    "ministry",
    "ministerio",
    "government",
    "gobierno",
    "interior",
    "navy",
    "marina",
    "dirincri",
    "sucamec",
    "court",
    "poder",
    "judicial",
    "tribunal",
    "guard",
    "guardia",
    "serenazgo",
];

/// Nouns a count may count, and the role they give it.
pub(super) const COUNT_NOUNS: &[(&str, CountRole)] = &[
    ("dead", CountRole::Killed),
    ("killed", CountRole::Killed),
    ("bodies", CountRole::Killed),
    ("deaths", CountRole::Killed),
    ("victims", CountRole::Victims),
    ("muert*", CountRole::Killed),
    ("fallecid*", CountRole::Killed),
    ("víctimas", CountRole::Victims),
    ("injured", CountRole::Injured),
    ("wounded", CountRole::Injured),
    ("herid*", CountRole::Injured),
    ("lesionad*", CountRole::Injured),
    ("arrested", CountRole::Arrested),
    ("detainees", CountRole::Arrested),
    ("detenid*", CountRole::Arrested),
    ("capturad*", CountRole::Arrested),
    ("officers", CountRole::Deployed),
    ("police", CountRole::Deployed),
    ("agents", CountRole::Deployed),
    ("troops", CountRole::Deployed),
    ("soldiers", CountRole::Deployed),
    ("agentes", CountRole::Deployed),
    ("policías", CountRole::Deployed),
    ("efectivos", CountRole::Deployed),
    ("soldados", CountRole::Deployed),
    ("militares", CountRole::Deployed),
    ("cases", CountRole::Cases),
    ("complaints", CountRole::Cases),
    ("reports", CountRole::Cases),
    ("casos", CountRole::Cases),
    ("denuncias", CountRole::Cases),
];

/// Nouns for people in general, which an arrest or kidnapping gives a role.
pub(super) const PERSON_NOUNS: &[&str] = &[
    "people",
    "persons",
    "person",
    "individuals",
    "men",
    "women",
    "youths",
    "personas",
    "persona",
    "hombres",
    "mujeres",
    "jóvenes",
    "individuos",
    "sujetos",
    "adolescentes",
    "menores",
    "foreigners",
    "extranjeros",
    "venezuelans",
    "venezolanos",
    "peruvians",
    "peruanos",
];

/// Verbs that follow a count of people and give its role ("three died", "murieron").
pub(super) const COUNT_VERBS: &[(&str, CountRole)] = &[
    ("died", CountRole::Killed),
    ("murieron", CountRole::Killed),
    ("fallecieron", CountRole::Killed),
    ("hurt", CountRole::Injured),
];

/// True when `word` (lowercased) matches one of `patterns`.
pub(super) fn matches(word: &str, patterns: &[&str]) -> bool {
    patterns.iter().any(|pattern| matches_one(word, pattern))
}

/// True when `word` (lowercased) matches `pattern`; a trailing `*` matches any ending.
pub(super) fn matches_one(word: &str, pattern: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == pattern,
    }
}
