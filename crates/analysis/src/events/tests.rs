//! Tests for event extraction: triggers, threats, modality, participants, counts and merging.

use expect_test::{expect, Expect};

use super::{find, Inputs, Participant};
use crate::{dates, entities, quantities, quotes, testing};

/// Reads `fixture` (headline, blank line, paragraphs) as an article published on 2023-11-08
/// (or with no date when it starts with `nodate:`), runs every extraction stage, and renders
/// each event with its participants, places, date, counts, attribution and evidence.
#[track_caller]
fn check(fixture: &str, expect: Expect) {
    let (text, published) = match fixture.trim().strip_prefix("nodate:") {
        Some(rest) => (rest, None),
        None => (fixture, Some("2023-11-08")),
    };
    let article = testing::article("fixture.txt", text, published);
    let resources = testing::resources();
    let entities = entities::extract(&article, &resources);
    let dates = dates::find(&article);
    let places: Vec<_> = entities
        .entities
        .iter()
        .filter(|e| e.kind == entities::EntityType::Place)
        .flat_map(|e| e.mentions.iter().copied())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let quantities = quantities::find(&article, &dates, &places);
    let quotes = quotes::find(&article, &entities);
    let inputs = Inputs {
        article: &article,
        entities: &entities,
        dates: &dates,
        quantities: &quantities,
        quotes: &quotes,
    };
    let events = find(&inputs);
    let text = &article.text;
    let show = |p: &Participant| {
        let written = p.span.slice(text);
        match p.entity {
            Some(i) if entities.entities[i].name != written => {
                format!("{written:?}={}", entities.entities[i].name)
            }
            _ => format!("{written:?}"),
        }
    };
    let mut out = String::new();
    for event in &events {
        for span in event.triggers.iter().chain(&event.evidence) {
            assert!(span.end <= text.len() && text.is_char_boundary(span.start));
        }
        out += &format!("{} ({})", event.kind.as_str(), event.modality.as_str());
        if let Some(act) = event.threatened {
            out += &format!(" threatens {}", act.as_str());
        }
        let triggers: Vec<String> =
            event.triggers.iter().map(|t| format!("{:?}", t.slice(text))).collect();
        out += &format!(" triggers {}\n", triggers.join(" "));
        let list = |ps: &[Participant]| ps.iter().map(show).collect::<Vec<_>>().join(", ");
        if !event.actors.is_empty() {
            out += &format!("  actors: {}\n", list(&event.actors));
        }
        if !event.targets.is_empty() {
            out += &format!("  targets: {}\n", list(&event.targets));
        }
        if !event.places.is_empty() {
            let names: Vec<&str> =
                event.places.iter().map(|&i| entities.entities[i].name.as_str()).collect();
            out += &format!("  places: {}\n", names.join(", "));
        }
        if let Some(date) = event.date.map(|i| &dates[i]) {
            out += &format!(
                "  date: {:?} {}..{} {}\n",
                date.span.slice(text),
                date.start,
                date.end,
                date.precision.as_str()
            );
        }
        for count in &event.counts {
            let quantity = &quantities[count.quantity];
            out += &format!(
                "  count: {} = {} {:?}\n",
                count.role.as_str(),
                quantity.value,
                quantity.span.slice(text)
            );
        }
        if let Some(source) = &event.attribution {
            out += &format!("  attributed to: {}\n", show(source));
        }
        for sentence in &event.evidence {
            let sentence = sentence.slice(text);
            let short: String = sentence.chars().take(60).collect();
            out += &format!("  evidence: {short:?}\n");
        }
    }
    expect.assert_eq(&out);
}

#[test]
fn a_threat_to_kill_is_a_threat_not_a_killing() {
    check(
        "Gang video threatens drivers\n\nIn a video, Los Gallegos threatened to kill Peruvian drivers who support the protests.",
        expect![[r#"
            threat (reported) threatens homicide triggers "threatens" "threatened"
              actors: "Los Gallegos"
              targets: "drivers", "Peruvian drivers"
              evidence: "Gang video threatens drivers"
              evidence: "In a video, Los Gallegos threatened to kill Peruvian drivers"
            protest (reported) triggers "protests"
              actors: "Peruvian drivers"
              evidence: "In a video, Los Gallegos threatened to kill Peruvian drivers"
        "#]],
    );
}
