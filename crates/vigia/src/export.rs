//! `vigia export`: a store's events as ACLED-style CSV or GeoJSON, its entities as
//! FollowTheMoney JSON lines, or everything as a `vigia analyze` JSON report.

use std::{
    collections::HashMap,
    io::{self, Write},
};

use anyhow::Context;
use serde_json::{json, Value};
use store::{EntityFilter, EntityRecord, EventFilter, Page, Store, Table};

use crate::report::SCHEMA_VERSION;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExportFormat {
    /// Events, one row each, with ACLED's column names.
    Csv,
    /// Events at their places, as a GeoJSON FeatureCollection.
    Geojson,
    /// Entities and their relations as FollowTheMoney entities, one JSON object per line.
    Ftm,
    /// The whole store as a `vigia analyze` JSON report.
    Json,
}

/// Writes the export to `out`.
pub(crate) fn export(
    store: &Store,
    format: ExportFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        ExportFormat::Csv => csv(store, out),
        ExportFormat::Geojson => geojson(store, out),
        ExportFormat::Ftm => ftm(store, out),
        ExportFormat::Json => report(store, out),
    }
}

/// Calls `each` with every page of items, following cursors.
fn pages<T>(
    mut fetch: impl FnMut(&Page) -> store::Result<store::Paged<T>>,
    mut each: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut page = Page::first(500);
    loop {
        let got = fetch(&page).context("cannot read the store")?;
        for item in got.items {
            each(item)?;
        }
        match got.next {
            Some(next) => page.cursor = Some(next),
            None => return Ok(()),
        }
    }
}

/// Entities and documents looked up while exporting events.
struct Lookup<'a> {
    store: &'a Store,
    entities: HashMap<String, Option<EntityRecord>>,
    document: Option<(String, Value)>,
}

impl Lookup<'_> {
    fn entity(&mut self, id: &str) -> anyhow::Result<Option<&EntityRecord>> {
        if !self.entities.contains_key(id) {
            let found = self.store.entity(id)?;
            self.entities.insert(id.to_string(), found);
        }
        Ok(self.entities[id].as_ref())
    }

    /// The event's document; events come document by document, so one is kept.
    fn document(&mut self, id: &str) -> anyhow::Result<&Value> {
        if self.document.as_ref().is_none_or(|(have, _)| have != id) {
            let record =
                self.store.document(id)?.with_context(|| format!("document {id} is missing"))?;
            self.document = Some((id.to_string(), serde_json::from_str(&record.body)?));
        }
        Ok(self.document.as_ref().map(|(_, d)| d).unwrap_or(&Value::Null))
    }
}

fn text_at(document: &Value, start: u64, end: u64) -> &str {
    let text = document["text"].as_str().unwrap_or_default();
    text.get(start as usize..end as usize).unwrap_or_default()
}

/// The names of an event's participants in one role, joined.
fn names(event: &Value, role: &str, lookup: &mut Lookup<'_>) -> anyhow::Result<String> {
    let mut out: Vec<String> = Vec::new();
    for participant in event[role].as_array().into_iter().flatten() {
        let name = match participant["entity"].as_str() {
            Some(id) => lookup.entity(id)?.map(|e| e.name.clone()),
            None => None,
        }
        .unwrap_or_else(|| participant["text"].as_str().unwrap_or_default().to_string());
        if !out.contains(&name) {
            out.push(name);
        }
    }
    Ok(out.join("; "))
}

const COLUMNS: [&str; 19] = [
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "vigia_type",
    "modality",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "source",
    "source_url",
    "notes",
    "fatalities",
];

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// One event's columns, in `COLUMNS` order.
fn event_row(event: &Value, lookup: &mut Lookup<'_>) -> anyhow::Result<Vec<String>> {
    // The most specific of the event's places: "La Victoria" rather than "Peru".
    let mut place: Option<EntityRecord> = None;
    let mut path: Vec<String> = Vec::new();
    for id in event["places"].as_array().into_iter().flatten().filter_map(|p| p.as_str()) {
        let Some(found) = lookup.entity(id)?.cloned() else { continue };
        let found_path: Vec<String> = found
            .place
            .as_deref()
            .and_then(|json| serde_json::from_str::<Value>(json).ok())
            .and_then(|p| p["admin_path"].as_array().cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect();
        if place.is_none() || found_path.len() > path.len() {
            place = Some(found);
            path = found_path;
        }
    }
    let at = |k: usize| path.get(k).cloned().unwrap_or_default();
    let document_id = event["document"].as_str().unwrap_or_default().to_string();
    let (actor1, actor2) = (names(event, "actors", lookup)?, names(event, "targets", lookup)?);
    let document = lookup.document(&document_id)?;
    let notes: Vec<&str> = event["evidence"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            text_at(document, e["start"].as_u64().unwrap_or(0), e["end"].as_u64().unwrap_or(0))
        })
        .collect();
    let source =
        document["outlet"].as_str().or(document["source"].as_str()).unwrap_or_default().to_string();
    let url = document["url"].as_str().unwrap_or_default().to_string();
    let fatalities = event["counts"]["killed"].as_u64().map(|n| n.to_string()).unwrap_or_default();
    let coordinate = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
    Ok(vec![
        event["id"].as_str().unwrap_or_default().to_string(),
        event["date"]["start"].as_str().unwrap_or_default().to_string(),
        event["acled"]["event_type"].as_str().unwrap_or_default().to_string(),
        event["acled"]["sub_event_type"].as_str().unwrap_or_default().to_string(),
        event["type"].as_str().unwrap_or_default().to_string(),
        event["modality"].as_str().unwrap_or_default().to_string(),
        actor1,
        actor2,
        at(0),
        at(1),
        at(2),
        at(3),
        place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
        coordinate(place.as_ref().and_then(|p| p.lat)),
        coordinate(place.as_ref().and_then(|p| p.lon)),
        source,
        url,
        notes.join(" "),
        fatalities,
    ])
}

fn each_event(
    store: &Store,
    mut each: impl FnMut(&Value, &mut Lookup<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut lookup = Lookup { store, entities: HashMap::new(), document: None };
    let filter = EventFilter::default();
    pages(
        |page| store.events(&filter, page),
        |body| {
            let event: Value = serde_json::from_str(&body)?;
            each(&event, &mut lookup)
        },
    )
}

fn csv(store: &Store, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(out, "{}", COLUMNS.join(","))?;
    each_event(store, |event, lookup| {
        let row = event_row(event, lookup)?;
        writeln!(out, "{}", row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","))?;
        Ok(())
    })?;
    Ok(out.flush()?)
}

fn geojson(store: &Store, out: &mut dyn Write) -> anyhow::Result<()> {
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    let mut first = true;
    each_event(store, |event, lookup| {
        let row = event_row(event, lookup)?;
        let (Ok(lat), Ok(lon)) = (row[13].parse::<f64>(), row[14].parse::<f64>()) else {
            return Ok(());
        };
        let mut properties = serde_json::Map::new();
        for (name, value) in COLUMNS.iter().zip(&row) {
            if !matches!(*name, "latitude" | "longitude") {
                properties.insert((*name).to_string(), Value::String(value.clone()));
            }
        }
        properties.insert("counts".into(), event["counts"].clone());
        properties.insert("document".into(), event["document"].clone());
        let feature = json!({
            "type": "Feature",
            "id": event["id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties,
        });
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        serde_json::to_writer(&mut *out, &feature)?;
        Ok(())
    })?;
    out.write_all(b"\n]}\n")?;
    Ok(out.flush()?)
}

/// The FollowTheMoney schema for an entity type.
fn ftm_schema(kind: &str) -> &'static str {
    match kind {
        "person" => "Person",
        "organization" | "criminal_group" => "Organization",
        "place" => "Address",
        _ => "LegalEntity",
    }
}

fn ftm(store: &Store, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut kinds: HashMap<String, String> = HashMap::new();
    let mut relations: Vec<Value> = Vec::new();
    pages(
        |page| store.entities(&EntityFilter::default(), page),
        |entity| {
            let schema = ftm_schema(&entity.kind);
            let mut properties = serde_json::Map::new();
            if schema == "Address" {
                properties.insert("full".into(), json!([entity.name]));
                if let (Some(lat), Some(lon)) = (entity.lat, entity.lon) {
                    properties.insert("latitude".into(), json!([lat.to_string()]));
                    properties.insert("longitude".into(), json!([lon.to_string()]));
                }
            } else {
                properties.insert("name".into(), json!([entity.name]));
                let aliases: Vec<&String> =
                    entity.aliases.iter().filter(|a| **a != entity.name).collect();
                if !aliases.is_empty() {
                    properties.insert("alias".into(), json!(aliases));
                }
            }
            if entity.kind == "criminal_group" {
                properties.insert("topics".into(), json!(["crime"]));
            }
            let line = json!({"id": entity.id, "schema": schema, "properties": properties});
            writeln!(out, "{line}")?;
            kinds.insert(entity.id.clone(), schema.to_string());
            for relation in store.relations_of(&entity.id)? {
                let relation: Value = serde_json::from_str(&relation)?;
                if relation["subject"].as_str() == Some(entity.id.as_str()) {
                    relations.push(relation);
                }
            }
            Ok(())
        },
    )?;
    let mut seen = std::collections::HashSet::new();
    for relation in relations {
        let (Some(subject), Some(object)) =
            (relation["subject"].as_str(), relation["object"].as_str())
        else {
            continue;
        };
        let kind = relation["type"].as_str().unwrap_or_default();
        let modality = relation["modality"].as_str().unwrap_or_default();
        let key = format!("{kind}\n{subject}\n{object}\n{modality}");
        if !seen.insert(key.clone()) {
            continue;
        }
        let hash = analysis::dedup::fingerprint(key.as_bytes());
        let id = format!("rel-{:012x}", hash & 0xffff_ffff_ffff);
        let role = format!("{} ({modality})", kind.replace('_', " "));
        // Membership needs an organisation at its end; any other link is an UnknownLink.
        let membership = matches!(kind, "member_of" | "cell_of" | "part_of" | "leader_of")
            && kinds.get(object).map(String::as_str) == Some("Organization")
            && kinds.contains_key(subject);
        let line = if membership {
            json!({"id": id, "schema": "Membership", "properties": {"member": [subject], "organization": [object], "role": [role]}})
        } else if kinds.contains_key(subject) && kinds.contains_key(object) {
            json!({"id": id, "schema": "UnknownLink", "properties": {"subject": [subject], "object": [object], "role": [role]}})
        } else {
            continue;
        };
        writeln!(out, "{line}")?;
    }
    Ok(out.flush()?)
}

/// Writes one JSON array member per line.
fn section(
    out: &mut dyn Write,
    name: &str,
    items: impl IntoIterator<Item = Value>,
) -> io::Result<()> {
    write!(out, "\"{name}\":[")?;
    for (at, item) in items.into_iter().enumerate() {
        out.write_all(if at == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &item)?;
    }
    out.write_all(b"\n],\n")
}

/// The store as a report: every current document, its items, the entities, relations and
/// stories. Memory holds one section's list of ids at a time, never the texts.
fn report(store: &Store, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut ids = Vec::new();
    pages(
        |page| store.documents(None, page),
        |d| {
            ids.push(d.id);
            Ok(())
        },
    )?;
    write!(
        out,
        "{{\"schema_version\":\"{SCHEMA_VERSION}\",\"generator\":\"vigia {}\",",
        env!("CARGO_PKG_VERSION")
    )?;
    write!(out, "\"documents\":[")?;
    for (at, id) in ids.iter().enumerate() {
        let record = store.document(id)?.with_context(|| format!("document {id} is missing"))?;
        out.write_all(if at == 0 { b"\n" } else { b",\n" })?;
        out.write_all(record.body.as_bytes())?;
    }
    out.write_all(b"\n],\n")?;
    let mut entities = Vec::new();
    let mut relations: Vec<Value> = Vec::new();
    let mut relation_at: HashMap<String, usize> = HashMap::new();
    pages(
        |page| store.entities(&EntityFilter::default(), page),
        |entity| {
            let mut mentions = Vec::new();
            pages(
                |page| store.mentions(&entity.id, page),
                |m| {
                    mentions.push(json!({"document": m.document, "start": m.start, "end": m.end}));
                    Ok(())
                },
            )?;
            let mut item = json!({"id": entity.id, "name": entity.name, "type": entity.kind, "aliases": entity.aliases, "mentions": mentions});
            if let Some(place) =
                entity.place.as_deref().and_then(|p| serde_json::from_str::<Value>(p).ok())
            {
                item["place"] = place;
            }
            entities.push(item);
            Ok(())
        },
    )?;
    section(out, "entities", entities)?;
    for id in &ids {
        for relation in store.bodies(Table::Relations, id)? {
            let relation: Value = serde_json::from_str(&relation)?;
            let key = format!(
                "{}\n{}\n{}\n{}",
                relation["type"], relation["subject"], relation["object"], relation["modality"]
            );
            match relation_at.get(&key) {
                Some(&at) => {
                    let more = relation["evidence"].as_array().cloned().unwrap_or_default();
                    if let Some(list) = relations[at]["evidence"].as_array_mut() {
                        list.extend(more);
                    }
                }
                None => {
                    relation_at.insert(key, relations.len());
                    relations.push(relation);
                }
            }
        }
    }
    section(out, "relations", relations)?;
    for (name, table) in [
        ("quotes", Table::Quotes),
        ("quantities", Table::Quantities),
        ("dates", Table::Dates),
        ("events", Table::Events),
    ] {
        write!(out, "\"{name}\":[")?;
        let mut first = true;
        for id in &ids {
            for body in store.bodies(table, id)? {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                first = false;
                out.write_all(body.as_bytes())?;
            }
        }
        out.write_all(b"\n],\n")?;
    }
    let mut stories = Vec::new();
    pages(
        |page| store.stories(page),
        |s| {
            stories.push(s.id);
            Ok(())
        },
    )?;
    write!(out, "\"stories\":[")?;
    for (at, id) in stories.iter().enumerate() {
        let story = store.story(id)?.with_context(|| format!("story {id} is missing"))?;
        out.write_all(if at == 0 { b"\n" } else { b",\n" })?;
        out.write_all(story.body.as_bytes())?;
    }
    let n = ids.len();
    write!(
        out,
        "\n],\n\"diagnostics\":[],\n\"summary\":{{\"inputs\":0,\"read\":0,\"skipped\":0,\"failed\":0,\"documents\":{n},\"duplicates\":0,\"records_failed\":0}}}}\n"
    )?;
    Ok(out.flush()?)
}
