//! The curated knowledge base of criminal groups, institutions, people and places, and a matcher that finds its names in text.
//!
//! The shipped file is `crates/analysis/data/kb.toml`; its format is described in `docs/kb.md`.
//! It is compiled into the binary, so loading it does no IO.
//!
//! Names are compared after [`normalize`]: case, accents, punctuation and a leading article are
//! ignored, so "Policia Nacional del Peru", "Policía Nacional del Perú" and "the Policía Nacional
//! del Perú" are one key, and "Gallegos" finds "Los Gallegos".
//! One name may belong to several entries ("Policía Nacional" is the police of Peru, Colombia
//! and Ecuador); [`KnowledgeBase::lookup`] then answers `None` and
//! [`KnowledgeBase::lookup_all`] lists every candidate, leaving the choice to context.
//!
//! ```
//! use analysis::kb::KnowledgeBase;
//! let kb = KnowledgeBase::shipped();
//! assert_eq!(kb.lookup("Peruvian National Police").unwrap().id, "pe-pnp");
//! let text = "La PNP capturó a miembros del Tren de Aragua.";
//! let found: Vec<_> = kb.find_mentions(text).iter().map(|m| &text[m.start..m.end]).collect();
//! assert_eq!(found, ["PNP", "Tren de Aragua"]);
//! ```

mod fold;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;

pub use fold::normalize;

/// What an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryType {
    /// A cartel, gang, guerrilla, or one of their cells or factions.
    CriminalGroup,
    /// An institution: police, prosecutors, ministries, armed forces, international bodies.
    Organization,
    /// A person.
    Person,
    /// A place that the gazetteer does not hold, such as a prison or a region known by an acronym.
    Place,
}

impl EntryType {
    /// The name used in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryType::CriminalGroup => "criminal_group",
            EntryType::Organization => "organization",
            EntryType::Person => "person",
            EntryType::Place => "place",
        }
    }
}

/// How an entry relates to the entry an [`Affiliation`] points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A local cell of the target.
    CellOf,
    /// A faction inside the target.
    FactionOf,
    /// A unit or armed wing of the target.
    PartOf,
    /// An ally of the target.
    AlliedWith,
    /// Broke away from the target.
    SplitFrom,
    /// A person who leads or led the target.
    LeaderOf,
}

impl Relation {
    /// The name used in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::CellOf => "cell_of",
            Relation::FactionOf => "faction_of",
            Relation::PartOf => "part_of",
            Relation::AlliedWith => "allied_with",
            Relation::SplitFrom => "split_from",
            Relation::LeaderOf => "leader_of",
        }
    }

    /// Whether the target is a parent: the entry sits inside it.
    pub fn is_parent(self) -> bool {
        matches!(self, Relation::CellOf | Relation::FactionOf | Relation::PartOf)
    }
}

/// How firmly a source states a fact; shared by the knowledge base and relations found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as fact by an authoritative source.
    Asserted,
    /// Hedged: "reportedly", "según la policía", or attributed to a single source.
    Reported,
    /// The source denies it; found in text only, so knowledge base files cannot say it.
    #[serde(skip_deserializing)]
    Denied,
    /// Sources contradict each other.
    Disputed,
}

impl Modality {
    /// The name used in the file and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Denied => "denied",
            Modality::Disputed => "disputed",
        }
    }
}

/// A link from one entry to another, with where the fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Affiliation {
    /// The id of the target entry.
    pub id: String,
    /// How the entry relates to the target.
    pub relation: Relation,
    /// How firmly the fact is stated.
    pub modality: Modality,
    /// A short citation of where the fact is reported.
    pub source: String,
}

/// One curated entity.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// A stable slug: lowercase ASCII letters, digits and `-`.
    pub id: String,
    /// The canonical name; it is matched like an alias.
    pub name: String,
    /// What the entry names.
    #[serde(rename = "type")]
    pub kind: EntryType,
    /// Other names, in any language, matched ignoring case and accents.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Short forms matched case-sensitively in text ("ELN" but not "eln"); a name or alias
    /// repeated here is matched case-sensitively too.
    #[serde(default)]
    pub acronyms: Vec<String>,
    /// ISO 3166-1 alpha-2 code; absent for international bodies.
    #[serde(default)]
    pub country: Option<String>,
    /// Links to other entries.
    #[serde(default)]
    pub affiliations: Vec<Affiliation>,
    /// The Wikidata item, where known.
    #[serde(default)]
    pub wikidata: Option<String>,
}

impl Entry {
    /// The affiliations that place this entry inside another (cells, factions, units).
    pub fn parents(&self) -> impl Iterator<Item = &Affiliation> {
        self.affiliations.iter().filter(|a| a.relation.is_parent())
    }
}

/// Why a knowledge base file was rejected.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// Not TOML, or not the expected shape (including an unknown type, relation or modality).
    #[error("invalid knowledge base: {0}")]
    Toml(#[from] toml::de::Error),
    /// The `version` key is zero.
    #[error("knowledge base version must be at least 1")]
    Version,
    /// An id is not a lowercase slug.
    #[error("entry id {0:?} is not a slug of lowercase letters, digits and '-'")]
    BadId(String),
    /// Two entries share an id.
    #[error("duplicate entry id {0:?}")]
    DuplicateId(String),
    /// An affiliation points at an id that no entry has.
    #[error("entry {entry:?} is affiliated with unknown id {target:?}")]
    UnknownAffiliation {
        /// The entry holding the affiliation.
        entry: String,
        /// The missing id.
        target: String,
    },
    /// An affiliation points at its own entry.
    #[error("entry {0:?} is affiliated with itself")]
    SelfAffiliation(String),
    /// An affiliation has no source.
    #[error("entry {entry:?}: the affiliation with {target:?} has no source")]
    MissingSource {
        /// The entry holding the affiliation.
        entry: String,
        /// The affiliation's target.
        target: String,
    },
    /// Parent links (`cell_of`, `faction_of`, `part_of`) loop back.
    #[error("entry {0:?} is its own ancestor through parent links")]
    ParentCycle(String),
    /// A name, alias or acronym has no letters or digits, or an acronym has only one.
    #[error("entry {entry:?}: name {name:?} is too short to match")]
    BadName {
        /// The entry holding the name.
        entry: String,
        /// The name as written.
        name: String,
    },
    /// The country is not two uppercase ASCII letters.
    #[error("entry {entry:?}: country {country:?} is not an ISO 3166 alpha-2 code")]
    BadCountry {
        /// The entry holding the country.
        entry: String,
        /// The country as written.
        country: String,
    },
    /// The Wikidata id is not `Q` followed by digits.
    #[error("entry {entry:?}: wikidata id {wikidata:?} is not of the form Q123")]
    BadWikidata {
        /// The entry holding the id.
        entry: String,
        /// The id as written.
        wikidata: String,
    },
    /// The automaton could not be built (far beyond any realistic number of names).
    #[error("cannot build the name matcher: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
}

/// An occurrence of a knowledge base name in a text, as a byte range into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KbMention<'kb> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The id of the entry the name belongs to.
    pub entry_id: &'kb str,
}

/// A validated knowledge base with its lookup table and matcher.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    version: u32,
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// Normalised name → entries, in file order.
    by_key: HashMap<String, Vec<usize>>,
    /// Every alias and acronym, folded and lowercased, searched for in lowercased folded text.
    matcher: AhoCorasick,
    /// What each pattern of `matcher` stands for.
    targets: Vec<Vec<Target>>,
}

/// One entry a matcher pattern belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Target {
    entry: usize,
    /// For an acronym, its folded form, which the text must match with the same case.
    exact: Option<Box<str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    #[serde(default, rename = "entry")]
    entries: Vec<Entry>,
}

impl KnowledgeBase {
    /// Parses and validates a knowledge base in the format of `data/kb.toml`.
    pub fn from_toml(text: &str) -> Result<KnowledgeBase, KbError> {
        let file: File = toml::from_str(text)?;
        if file.version == 0 {
            return Err(KbError::Version);
        }
        let entries = file.entries;
        let mut by_id = HashMap::with_capacity(entries.len());
        for (index, entry) in entries.iter().enumerate() {
            validate_fields(entry)?;
            if by_id.insert(entry.id.clone(), index).is_some() {
                return Err(KbError::DuplicateId(entry.id.clone()));
            }
        }
        for entry in &entries {
            for affiliation in &entry.affiliations {
                if affiliation.id == entry.id {
                    return Err(KbError::SelfAffiliation(entry.id.clone()));
                }
                if !by_id.contains_key(&affiliation.id) {
                    return Err(KbError::UnknownAffiliation {
                        entry: entry.id.clone(),
                        target: affiliation.id.clone(),
                    });
                }
            }
        }
        check_parent_cycles(&entries, &by_id)?;

        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        // A BTreeMap so that pattern order, and so the automaton, does not depend on hashing.
        let mut patterns: BTreeMap<String, Vec<Target>> = BTreeMap::new();
        for (index, entry) in entries.iter().enumerate() {
            let spelled = std::iter::once(&entry.name).chain(&entry.aliases);
            for name in spelled.clone().chain(&entry.acronyms) {
                push_unique(by_key.entry(normalize(name)).or_default(), index);
            }
            for name in spelled {
                let key = fold::fold(name).to_ascii_lowercase();
                // A name also listed as an acronym is matched with its case only.
                let cased = |acronym: &String| fold::fold(acronym).to_ascii_lowercase() == key;
                if !entry.acronyms.iter().any(cased) {
                    push_target(&mut patterns, key, Target { entry: index, exact: None });
                }
            }
            for acronym in &entry.acronyms {
                let folded = fold::fold(acronym);
                let key = folded.to_ascii_lowercase();
                push_target(
                    &mut patterns,
                    key,
                    Target { entry: index, exact: Some(folded.into()) },
                );
            }
        }
        let (patterns, targets): (Vec<String>, Vec<Vec<Target>>) = patterns.into_iter().unzip();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // A few hundred short patterns: the DFA is small and the fastest to search.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)?;
        Ok(KnowledgeBase { version: file.version, entries, by_id, by_key, matcher, targets })
    }

    /// The knowledge base shipped in `crates/analysis/data/kb.toml`, compiled into the crate.
    pub fn shipped() -> KnowledgeBase {
        // A test parses the same text, so this cannot fail in a tested build.
        KnowledgeBase::from_toml(include_str!("../data/kb.toml"))
            .expect("the shipped knowledge base is valid")
    }

    /// The file's `version`.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&index| &self.entries[index])
    }

    /// The one entry whose name, alias or acronym normalises like `name`; `None` when there is
    /// none or when several entries share the name.
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        match self.by_key.get(&normalize(name))?.as_slice() {
            [index] => Some(&self.entries[*index]),
            _ => None,
        }
    }

    /// Every entry whose name, alias or acronym normalises like `name`, in file order.
    pub fn lookup_all(&self, name: &str) -> Vec<&Entry> {
        self.by_key
            .get(&normalize(name))
            .map_or_else(Vec::new, |found| found.iter().map(|&i| &self.entries[i]).collect())
    }

    /// Every occurrence of an alias or acronym in `text`, sorted by position.
    ///
    /// Matches start and end on word boundaries and ignore case and accents, except acronyms,
    /// whose case must agree. Where matches overlap the longest wins, then the leftmost. A name
    /// shared by several entries gives one mention per entry, all with the same span.
    pub fn find_mentions(&self, text: &str) -> Vec<KbMention<'_>> {
        let folded = fold::Folded::new(text);
        // One search of the lowercased text finds aliases and acronyms alike; an acronym's case
        // is then checked against the folded text, whose byte offsets are the same.
        let lower = folded.text.to_ascii_lowercase();
        let haystack = lower.as_bytes();
        let bounded = |start: usize, end: usize| {
            (start == 0 || haystack[start - 1] == b' ')
                && (end == haystack.len() || haystack[end] == b' ')
        };
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.matcher.find_overlapping_iter(&lower) {
            let (start, end) = (m.start(), m.end());
            if !bounded(start, end) {
                continue;
            }
            for target in &self.targets[m.pattern().as_usize()] {
                if target.exact.as_deref().is_none_or(|exact| exact == &folded.text[start..end]) {
                    found.push((start, end, target.entry));
                }
            }
        }
        // Longest first, then leftmost; one span's candidates end up next to each other.
        found.sort_unstable_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.cmp(b)));
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut mentions: Vec<(usize, usize, usize)> = Vec::new();
        for (start, end, entry) in found {
            if taken.last() != Some(&(start, end)) {
                if taken.iter().any(|&(s, e)| start < e && s < end) {
                    continue;
                }
                taken.push((start, end));
            }
            let (start, end) = folded.original(text, start, end);
            mentions.push((start, end, entry));
        }
        mentions.sort_unstable();
        mentions.dedup();
        mentions
            .into_iter()
            .map(|(start, end, entry)| KbMention { start, end, entry_id: &self.entries[entry].id })
            .collect()
    }
}

fn push_target(patterns: &mut BTreeMap<String, Vec<Target>>, key: String, target: Target) {
    let targets = patterns.entry(key).or_default();
    if !targets.contains(&target) {
        targets.push(target);
    }
}

fn push_unique(list: &mut Vec<usize>, index: usize) {
    if !list.contains(&index) {
        list.push(index);
    }
}

fn validate_fields(entry: &Entry) -> Result<(), KbError> {
    let slug = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if entry.id.is_empty() || !entry.id.chars().all(slug) {
        return Err(KbError::BadId(entry.id.clone()));
    }
    let names = std::iter::once(&entry.name).chain(&entry.aliases);
    for name in names {
        if normalize(name).is_empty() {
            return Err(KbError::BadName { entry: entry.id.clone(), name: name.clone() });
        }
    }
    for acronym in &entry.acronyms {
        if fold::fold(acronym).chars().count() < 2 {
            return Err(KbError::BadName { entry: entry.id.clone(), name: acronym.clone() });
        }
    }
    if let Some(country) = &entry.country {
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(KbError::BadCountry { entry: entry.id.clone(), country: country.clone() });
        }
    }
    if let Some(wikidata) = &entry.wikidata {
        let digits = wikidata.strip_prefix('Q').unwrap_or("");
        if digits.is_empty()
            || digits.starts_with('0')
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(KbError::BadWikidata {
                entry: entry.id.clone(),
                wikidata: wikidata.clone(),
            });
        }
    }
    for affiliation in &entry.affiliations {
        if affiliation.source.trim().is_empty() {
            return Err(KbError::MissingSource {
                entry: entry.id.clone(),
                target: affiliation.id.clone(),
            });
        }
    }
    Ok(())
}

/// Rejects a loop of parent links, which would make "the group's parent" undefined.
fn check_parent_cycles(entries: &[Entry], by_id: &HashMap<String, usize>) -> Result<(), KbError> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    fn visit(
        at: usize,
        entries: &[Entry],
        by_id: &HashMap<String, usize>,
        state: &mut [State],
    ) -> Result<(), KbError> {
        match state[at] {
            State::Done => return Ok(()),
            State::Open => return Err(KbError::ParentCycle(entries[at].id.clone())),
            State::New => {}
        }
        state[at] = State::Open;
        for parent in entries[at].parents() {
            visit(by_id[&parent.id], entries, by_id, state)?;
        }
        state[at] = State::Done;
        Ok(())
    }
    let mut state = vec![State::New; entries.len()];
    for at in 0..entries.len() {
        visit(at, entries, by_id, &mut state)?;
    }
    Ok(())
}
