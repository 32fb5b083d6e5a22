//! Relations between the same two entities that reports state with different certainty:
//! "a gang that is part of Tren de Aragua" against "reportedly linked to Tren de Aragua".
//!
//! Only relations a sentence states count; those the knowledge base adds say nothing about a
//! report. `cell_of`, `part_of`, `member_of` and `linked_to` all say the two belong together,
//! so they are compared as one claim; the wording ("is part of", "linked to") shows in each
//! side.

use super::{and_list, originals, Item, ItemKind, Report, Side};
use crate::entities::{Modality, RelationType};

/// A (subject key, object key) pair and every (report, relation index) stating it.
type Claim = ((String, String), Vec<(usize, usize)>);

/// Relations told with the same or different certainty across reports.
pub(super) fn items(reports: &[Report<'_>], out: &mut Vec<Item>) {
    // (subject key, object key) -> every (report, relation index) stating it.
    let mut claims: Vec<Claim> = Vec::new();
    let mut at: std::collections::HashMap<(String, String), usize> = Default::default();
    for (r, report) in originals(reports) {
        for (i, relation) in report.extraction.entities.relations.iter().enumerate() {
            if !relation.stated || relation.kind == RelationType::OperatesIn {
                continue;
            }
            let key = (relation.subject.clone(), relation.object.clone());
            match at.get(&key) {
                Some(&c) => {
                    let list = &mut claims[c].1;
                    // Reports arrive in order: one already listed is the last.
                    if list.last().is_none_or(|&(other, _)| other != r) {
                        list.push((r, i));
                    }
                }
                None => {
                    at.insert(key.clone(), claims.len());
                    claims.push((key, vec![(r, i)]));
                }
            }
        }
    }
    for ((subject, object), list) in claims {
        let outlets: Vec<String> = {
            let mut names: Vec<String> = Vec::new();
            for &(r, _) in &list {
                if !names.iter().any(|n| n == reports[r].outlet) {
                    names.push(reports[r].outlet.to_string());
                }
            }
            names
        };
        if outlets.len() < 2 {
            continue;
        }
        let name = |key: &str| {
            list.iter()
                .find_map(|&(r, _)| {
                    reports[r].extraction.entities.entities.iter().find(|e| e.key == key)
                })
                .map_or(key.to_string(), |e| e.name.clone())
        };
        let sides: Vec<Side> = list
            .iter()
            .map(|&(r, i)| {
                let relation = &reports[r].extraction.entities.relations[i];
                Side {
                    report: r,
                    says: format!(
                        "{} ({}): \"{}\"",
                        relation.kind.as_str().replace('_', " "),
                        relation.modality.as_str(),
                        reports[r].article.slice(relation.evidence).trim()
                    ),
                    evidence: vec![relation.evidence],
                }
            })
            .collect();
        let modalities: Vec<Modality> = list
            .iter()
            .map(|&(r, i)| reports[r].extraction.entities.relations[i].modality)
            .collect();
        let (subject, object) = (name(&subject), name(&object));
        let item = if modalities.iter().all(|&m| m == modalities[0]) {
            Item {
                kind: ItemKind::Agreement,
                topic: "relation",
                summary: format!(
                    "{} all say that {subject} belongs with {object} ({}).",
                    and_list(&outlets),
                    modalities[0].as_str()
                ),
                sides,
            }
        } else {
            let values: Vec<(String, usize)> = list
                .iter()
                .map(|&(r, i)| {
                    let relation = &reports[r].extraction.entities.relations[i];
                    (certainty(relation.modality).to_string(), r)
                })
                .collect();
            Item {
                kind: ItemKind::Conflict,
                topic: "relation",
                summary: format!(
                    "Sources differ in how sure they are that {subject} belongs with {object}: {}.",
                    super::events::grouped(reports, &values)
                ),
                sides,
            }
        };
        out.push(item);
    }
}

fn certainty(modality: Modality) -> &'static str {
    match modality {
        Modality::Asserted => "states it as fact",
        Modality::Reported => "hedges or attributes it",
        Modality::Denied => "denies it",
        Modality::Disputed => "calls it disputed",
    }
}
