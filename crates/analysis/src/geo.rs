//! Places: a gazetteer of countries, first-level divisions, Peru's ubigeo units and cities, and a resolver that picks the place a name means in its article.
//!
//! The table is the TSV that `vigia build gazetteer` writes (see
//! `crates/analysis/data/gazetteer/README.md`); [`SHIPPED_TABLE`] embeds it.
//! Contains data from GeoNames (<https://www.geonames.org/>), licensed CC BY 4.0.
//!
//! ```
//! use analysis::geo::{Context, Gazetteer, Mention, Resolution, SHIPPED_TABLE};
//! let gazetteer = Gazetteer::from_reader(SHIPPED_TABLE.as_bytes()).unwrap();
//! let context = Context { country: Some("PE"), mentions: &[Mention::Name("El Agustino")] };
//! let Resolution::Resolved(place) = gazetteer.resolve("La Victoria", &context) else { panic!() };
//! assert_eq!(place.gazetteer_id, "ubigeo:150115");
//! assert_eq!(place.admin_path, ["Peru", "Lima", "Lima", "La Victoria"]);
//! ```
//!
//! # Matching
//!
//! Names are compared after [`normalize`]: accents and case are folded and
//! punctuation becomes spaces. When the whole name matches nothing, a leading kind
//! word ("distrito de", "provincia de", "departamento de", "región", "estado de",
//! "province of", "state of") is peeled off and kept as a filter on the kind, and a
//! leading article ("el", "la", "los", "las", "the") is dropped: "el Cercado de Lima"
//! finds "Cercado de Lima", while "La Victoria" is looked up whole first.
//!
//! # Scoring
//!
//! Every candidate gets a context tier; only the best tier is kept:
//!
//! 3. containment: the candidate lies inside a context place, or contains one
//!    (below country level: being in the same country is tier 1);
//! 2. neighbourhood: the candidate shares a department, province or first-level
//!    division with a context place;
//! 1. country: the candidate is in the article's country hint or in the country of
//!    a context place;
//! 0. none.
//!
//! Within the best tier, candidates nested inside one another under the same name
//! collapse to one, by kind: country, then city, then province (a Peruvian province
//! is its city's metropolitan area: "Lima" is Lima Metropolitana), then district,
//! then department or first-level division.
//! If one candidate is left it is the answer. Otherwise the most populous wins only
//! if it has at least [`POPULATION_MARGIN`] times the population of the next; below
//! that margin the result is [`Resolution::Ambiguous`] with the
//! [`MAX_AMBIGUOUS`] most populous candidates, never a silent guess.
//!
//! Context names are resolved with the country hint alone (an ambiguous context
//! name contributes all its candidates), and a context name equal to the name being
//! resolved is ignored.

use std::{collections::HashMap, fmt, io::BufRead};

#[cfg(test)]
mod tests;

/// The table built by `vigia build gazetteer`, embedded.
pub const SHIPPED_TABLE: &str = include_str!("../data/gazetteer/places.tsv");

/// The header row every table starts with (after `#` comment lines).
pub const HEADER: &str = "id\tkind\tname\taliases\tparent\tcountry\tlat\tlon\tpopulation";

/// Separator between aliases in the `aliases` column.
pub const ALIAS_SEPARATOR: char = '|';

/// The most populous candidate wins only with at least this many times the population of the next.
pub const POPULATION_MARGIN: u64 = 5;

/// How many candidates an ambiguous resolution lists at most, most populous first.
pub const MAX_AMBIGUOUS: usize = 10;

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country or territory with an ISO 3166-1 code.
    Country,
    /// A first-level division outside Peru (GeoNames ADM1).
    Admin1,
    /// A Peruvian department (ubigeo `DD0000`).
    Department,
    /// A Peruvian province (ubigeo `DDPP00`).
    Province,
    /// A Peruvian district (ubigeo `DDPPdd`).
    District,
    /// A populated place from GeoNames.
    City,
}

impl PlaceKind {
    /// The name used in the table.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Department => "department",
            PlaceKind::Province => "province",
            PlaceKind::District => "district",
            PlaceKind::City => "city",
        }
    }

    fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "country" => PlaceKind::Country,
            "admin1" => PlaceKind::Admin1,
            "department" => PlaceKind::Department,
            "province" => PlaceKind::Province,
            "district" => PlaceKind::District,
            "city" => PlaceKind::City,
            _ => return None,
        })
    }

    /// Preference when same-named candidates nest; lower wins.
    fn nesting_rank(self) -> u8 {
        match self {
            PlaceKind::Country => 0,
            PlaceKind::City => 1,
            PlaceKind::Province => 2,
            PlaceKind::District => 3,
            PlaceKind::Department | PlaceKind::Admin1 => 4,
        }
    }
}

impl fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// `ubigeo:150115` for Peruvian units, `geonames:3634922` for everything else.
    pub gazetteer_id: String,
    /// The canonical name.
    pub name: String,
    /// What the place is.
    pub kind: PlaceKind,
    /// WGS84 latitude of the place's point (its capital town for divisions and countries).
    pub lat: f64,
    /// WGS84 longitude.
    pub lon: f64,
    /// Names from the country down to the place itself, e.g. `["Peru", "Lima", "Lima", "La Victoria"]`.
    pub admin_path: Vec<String>,
    /// Population; for first-level divisions outside Peru, the sum of the listed cities in it.
    pub population: u64,
    /// ISO 3166-1 alpha-2 code of the country.
    pub country: String,
}

/// What a name resolves to.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// One place, chosen by context or by a clear population margin.
    Resolved(Place),
    /// Several places the context cannot tell apart, most populous first.
    Ambiguous(Vec<Place>),
    /// No place has this name.
    Unknown,
}

/// Another place mentioned in the same article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mention<'a> {
    /// Already resolved: its gazetteer id.
    Id(&'a str),
    /// A raw place name, resolved here with the country hint alone.
    Name(&'a str),
}

/// What is known about the article a name comes from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// ISO 3166-1 alpha-2 code of the article's country, if known.
    pub country: Option<&'a str>,
    /// Other places mentioned in the same article.
    pub mentions: &'a [Mention<'a>],
}

/// Why a table could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    /// The reader failed.
    #[error("cannot read the gazetteer")]
    Io(#[from] std::io::Error),
    /// The header row is missing or differs from [`HEADER`].
    #[error("the gazetteer header is missing or wrong: expected {HEADER:?}")]
    Header,
    /// A row is malformed.
    #[error("gazetteer line {line}: {message}")]
    Row {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

#[derive(Debug)]
struct Entry {
    id: String,
    kind: PlaceKind,
    name: String,
    parent: Option<u32>,
    country: String,
    lat: f64,
    lon: f64,
    population: u64,
}

/// A loaded gazetteer with its name index.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<String, u32>,
    by_key: HashMap<String, Vec<u32>>,
}

impl Gazetteer {
    /// Parses a table in the format of [`SHIPPED_TABLE`]: `#` comment lines, the
    /// [`HEADER`] row, then one place per row; a parent must be defined in the table.
    pub fn from_reader(reader: impl BufRead) -> Result<Gazetteer, GeoError> {
        let mut entries = Vec::new();
        let mut parents = Vec::new();
        // Folded aliases per entry; only the index needs them.
        let mut names: Vec<Vec<String>> = Vec::new();
        let mut by_id = HashMap::new();
        let mut header_seen = false;
        for (index, line) in reader.lines().enumerate() {
            let line = line?;
            let number = index + 1;
            if line.starts_with('#') {
                continue;
            }
            if !header_seen {
                if line != HEADER {
                    return Err(GeoError::Header);
                }
                header_seen = true;
                continue;
            }
            if line.is_empty() {
                continue;
            }
            let row_error = |message: String| GeoError::Row { line: number, message };
            let fields: Vec<&str> = line.split('\t').collect();
            let [id, kind, name, aliases, parent, country, lat, lon, population] = fields[..]
            else {
                return Err(row_error(format!("expected 9 fields, found {}", fields.len())));
            };
            let kind = PlaceKind::parse(kind)
                .ok_or_else(|| row_error(format!("unknown kind {kind:?}")))?;
            let number_error = |what: &str, value: &str| row_error(format!("bad {what} {value:?}"));
            let lat: f64 = lat.parse().map_err(|_| number_error("latitude", lat))?;
            let lon: f64 = lon.parse().map_err(|_| number_error("longitude", lon))?;
            let population: u64 =
                population.parse().map_err(|_| number_error("population", population))?;
            if id.is_empty() || name.is_empty() {
                return Err(row_error("empty id or name".to_owned()));
            }
            let position =
                u32::try_from(entries.len()).map_err(|_| row_error("too many rows".to_owned()))?;
            if by_id.insert(id.to_owned(), position).is_some() {
                return Err(row_error(format!("duplicate id {id:?}")));
            }
            parents.push((number, parent.to_owned()));
            names.push(
                aliases
                    .split(ALIAS_SEPARATOR)
                    .filter(|a| !a.is_empty())
                    .map(normalize)
                    .collect::<Vec<_>>(),
            );
            entries.push(Entry {
                id: id.to_owned(),
                kind,
                name: name.to_owned(),
                parent: None,
                country: country.to_owned(),
                lat,
                lon,
                population,
            });
        }
        if !header_seen {
            return Err(GeoError::Header);
        }
        for (entry, (line, parent)) in entries.iter_mut().zip(parents) {
            if parent.is_empty() {
                continue;
            }
            let found = by_id.get(&parent).copied();
            entry.parent = Some(found.ok_or_else(|| GeoError::Row {
                line,
                message: format!("unknown parent {parent:?}"),
            })?);
        }
        // A parent chain longer than the table would be a cycle.
        for start in 0..entries.len() {
            let mut steps = 0;
            let mut at = entries[start].parent;
            while let Some(p) = at {
                steps += 1;
                if steps > entries.len() {
                    return Err(GeoError::Row {
                        line: 0,
                        message: format!("parent cycle at {:?}", entries[start].id),
                    });
                }
                at = entries[p as usize].parent;
            }
        }
        let mut by_key: HashMap<String, Vec<u32>> = HashMap::new();
        for (position, (entry, aliases)) in entries.iter().zip(names).enumerate() {
            let position = position as u32;
            for key in std::iter::once(normalize(&entry.name)).chain(aliases) {
                let list = by_key.entry(key).or_default();
                if list.last() != Some(&position) {
                    list.push(position);
                }
            }
        }
        Ok(Gazetteer { entries, by_id, by_key })
    }

    /// How many places of each kind the table holds, in [`PlaceKind`] order.
    pub fn counts(&self) -> Vec<(PlaceKind, usize)> {
        let kinds = [
            PlaceKind::Country,
            PlaceKind::Admin1,
            PlaceKind::Department,
            PlaceKind::Province,
            PlaceKind::District,
            PlaceKind::City,
        ];
        kinds.iter().map(|&k| (k, self.entries.iter().filter(|e| e.kind == k).count())).collect()
    }

    /// The place with this gazetteer id.
    pub fn get(&self, gazetteer_id: &str) -> Option<Place> {
        self.by_id.get(gazetteer_id).map(|&i| self.place(i))
    }

    /// Resolves a place name in its article's context (see the module docs for the rules).
    pub fn resolve(&self, name: &str, context: &Context<'_>) -> Resolution {
        let key = normalize(name);
        let candidates = self.candidates(&key);
        if candidates.is_empty() {
            return Resolution::Unknown;
        }
        let mut around = Vec::new();
        let hint: Vec<&str> = context.country.into_iter().collect();
        for mention in context.mentions {
            match *mention {
                Mention::Id(id) => around.extend(self.by_id.get(id).copied()),
                Mention::Name(other) => {
                    let other_key = normalize(other);
                    if other_key != key {
                        around.extend(self.choose(self.candidates(&other_key), &[], &hint));
                    }
                }
            }
        }
        let mut countries = hint;
        countries.extend(around.iter().map(|&i| self.entries[i as usize].country.as_str()));
        let chosen = self.choose(candidates, &around, &countries);
        match chosen.as_slice() {
            [] => Resolution::Unknown,
            [one] => Resolution::Resolved(self.place(*one)),
            many => Resolution::Ambiguous(
                many.iter().take(MAX_AMBIGUOUS).map(|&i| self.place(i)).collect(),
            ),
        }
    }

    /// Every entry whose name matches `key`, peeling kind words and articles as the module docs say.
    fn candidates(&self, key: &str) -> Vec<u32> {
        let mut rest = key;
        let mut filter: Option<&[PlaceKind]> = None;
        loop {
            if let Some(found) = self.by_key.get(rest) {
                let filtered: Vec<u32> = match filter {
                    Some(kinds) => found
                        .iter()
                        .copied()
                        .filter(|&i| kinds.contains(&self.entries[i as usize].kind))
                        .collect(),
                    None => Vec::new(),
                };
                // A kind word that fits none of the candidates is ignored rather than trusted.
                return if filtered.is_empty() { found.clone() } else { filtered };
            }
            if let Some((kinds, tail)) =
                KIND_WORDS.iter().find_map(|(w, k)| Some((*k, strip_words(rest, w)?)))
            {
                filter = Some(kinds);
                rest = tail;
            } else if let Some(tail) = ARTICLES.iter().find_map(|a| strip_words(rest, a)) {
                rest = tail;
            } else {
                return Vec::new();
            }
        }
    }

    /// Applies the context tiers, nesting collapse and population margin; one index means resolved.
    fn choose(&self, candidates: Vec<u32>, around: &[u32], countries: &[&str]) -> Vec<u32> {
        let tier = |c: u32| {
            let entry = &self.entries[c as usize];
            let mut best = u8::from(countries.contains(&entry.country.as_str()));
            for &a in around {
                if a == c {
                    continue;
                }
                if (self.contains(a, c) && self.entries[a as usize].kind != PlaceKind::Country)
                    || (self.contains(c, a) && entry.kind != PlaceKind::Country)
                {
                    return 3;
                }
                if self.share_division(a, c) {
                    best = 2;
                }
            }
            best
        };
        let tiers: Vec<u8> = candidates.iter().map(|&c| tier(c)).collect();
        let top = tiers.iter().copied().max().unwrap_or(0);
        let mut kept: Vec<u32> =
            candidates.iter().zip(&tiers).filter(|(_, &t)| t == top).map(|(&c, _)| c).collect();
        let snapshot = kept.clone();
        kept.retain(|&c| {
            let rank = self.entries[c as usize].kind.nesting_rank();
            !snapshot.iter().any(|&o| {
                o != c
                    && (self.contains(o, c) || self.contains(c, o))
                    && self.entries[o as usize].kind.nesting_rank() < rank
            })
        });
        kept.sort_by(|&a, &b| {
            let (a, b) = (&self.entries[a as usize], &self.entries[b as usize]);
            b.population.cmp(&a.population).then_with(|| a.id.cmp(&b.id))
        });
        if let [first, second, ..] = kept[..] {
            let (first_pop, second_pop) =
                (self.entries[first as usize].population, self.entries[second as usize].population);
            if first_pop > 0 && first_pop >= second_pop.saturating_mul(POPULATION_MARGIN) {
                kept.truncate(1);
            }
        }
        kept
    }

    /// Whether `outer` is a strict ancestor of `inner`.
    fn contains(&self, outer: u32, inner: u32) -> bool {
        self.ancestors(inner).any(|a| a == outer)
    }

    /// Whether the two share an ancestor below country level.
    fn share_division(&self, a: u32, b: u32) -> bool {
        self.ancestors(a)
            .filter(|&x| self.entries[x as usize].kind != PlaceKind::Country)
            .any(|x| self.ancestors(b).any(|y| y == x))
    }

    fn ancestors(&self, index: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(self.entries[index as usize].parent, |&p| {
            self.entries[p as usize].parent
        })
    }

    fn place(&self, index: u32) -> Place {
        let entry = &self.entries[index as usize];
        let mut admin_path: Vec<String> =
            self.ancestors(index).map(|a| self.entries[a as usize].name.clone()).collect();
        admin_path.reverse();
        admin_path.push(entry.name.clone());
        Place {
            gazetteer_id: entry.id.clone(),
            name: entry.name.clone(),
            kind: entry.kind,
            lat: entry.lat,
            lon: entry.lon,
            admin_path,
            population: entry.population,
            country: entry.country.clone(),
        }
    }
}

const ARTICLES: &[&str] = &["el", "la", "los", "las", "the"];

const KIND_WORDS: &[(&str, &[PlaceKind])] = &[
    ("distrito de", &[PlaceKind::District]),
    ("distrito del", &[PlaceKind::District]),
    ("provincia de", &[PlaceKind::Province, PlaceKind::Admin1]),
    ("provincia del", &[PlaceKind::Province, PlaceKind::Admin1]),
    ("province of", &[PlaceKind::Province, PlaceKind::Admin1]),
    ("departamento de", &[PlaceKind::Department, PlaceKind::Admin1]),
    ("departamento del", &[PlaceKind::Department, PlaceKind::Admin1]),
    ("department of", &[PlaceKind::Department, PlaceKind::Admin1]),
    ("region de", &[PlaceKind::Department, PlaceKind::Admin1]),
    ("region", &[PlaceKind::Department, PlaceKind::Admin1]),
    ("estado de", &[PlaceKind::Admin1]),
    ("state of", &[PlaceKind::Admin1]),
];

/// `text` without the leading whole words `words`, if it starts with them and has more.
fn strip_words<'t>(text: &'t str, words: &str) -> Option<&'t str> {
    text.strip_prefix(words)?.strip_prefix(' ').filter(|rest| !rest.is_empty())
}

/// Folds a name for matching: accents removed, lowercase, runs of anything but
/// letters and digits turned into one space, and a few letters that do not
/// decompose (ß, ø, ł, đ, æ, œ, ı) spelled out in ASCII.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    let mut push = |c: char| {
        if unicode_normalization::char::is_combining_mark(c) {
            return;
        }
        if !c.is_alphanumeric() {
            space = true;
            return;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match c {
            'ß' => out.push_str("ss"),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' | 'ð' => out.push('d'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ı' => out.push('i'),
            'þ' => out.push_str("th"),
            _ => out.push(c),
        }
    };
    for c in name.chars() {
        // Decomposing char by char is enough: combining marks are dropped, so their order does not matter.
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            unicode_normalization::char::decompose_compatible(c, |d| {
                d.to_lowercase().for_each(&mut push)
            });
        }
    }
    out
}
