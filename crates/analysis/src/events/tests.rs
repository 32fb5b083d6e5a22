//! Tests for event extraction: triggers, threats, modality, participants, counts and merging.

use expect_test::{expect, Expect};

use super::Participant;
use crate::{extract, testing};

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
    let extract::Extraction { entities, dates, quantities, events, .. } =
        extract::extract(&article, &testing::resources());
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

#[test]
fn a_spanish_threat_to_kill_names_its_targets() {
    check(
        "Banda amenaza a mototaxistas\n\nEn el video, los encapuchados amenazan con matar a los mototaxistas peruanos que no paguen el cupo.",
        expect![[r#"
            threat (reported) threatens homicide triggers "amenaza" "amenazan"
              actors: "encapuchados"
              targets: "mototaxistas", "mototaxistas peruanos"
              evidence: "Banda amenaza a mototaxistas"
              evidence: "En el video, los encapuchados amenazan con matar a los motot"
        "#]],
    );
}

#[test]
fn arrests_carry_actor_targets_place_date_count_and_source() {
    check(
        "Police arrest four\n\nPolice arrested four alleged members of Los Gallegos in La Victoria on Nov. 7, according to the Interior Ministry.\n\nThe four detainees were taken to a police station in Lima.",
        expect![[r#"
            arrest (reported) triggers "arrest" "arrested" "detainees"
              actors: "Police"
              targets: "Los Gallegos", "alleged members"
              places: La Victoria, Lima
              date: "on Nov. 7" 2023-11-07..2023-11-07 day
              count: arrested = 4 "four"
              attributed to: "the Interior Ministry"=Interior Ministry
              evidence: "Police arrest four"
              evidence: "Police arrested four alleged members of Los Gallegos in La V"
              evidence: "The four detainees were taken to a police station in Lima."
        "#]],
    );
}

#[test]
fn a_denied_arrest_is_not_the_attack_it_follows() {
    check(
        "Ataque en Comas\n\nDesconocidos dispararon contra un bus de la empresa El Rápido en Comas el domingo. La policía negó que hubiera detenidos tras el ataque.",
        expect![[r#"
            armed_attack (reported) triggers "Ataque" "dispararon" "ataque"
              places: Comas
              date: "el domingo" 2023-11-05..2023-11-05 day
              evidence: "Ataque en Comas"
              evidence: "Desconocidos dispararon contra un bus de la empresa El Rápid"
              evidence: "La policía negó que hubiera detenidos tras el ataque."
            arrest (denied) triggers "detenidos"
              actors: "policía"
              date: "el domingo" 2023-11-05..2023-11-05 day
              evidence: "La policía negó que hubiera detenidos tras el ataque."
        "#]],
    );
}

#[test]
fn deployments_count_officers() {
    check(
        "Despliegue en Lima\n\nEl Gobierno desplegó a 700 policías en El Agustino y La Victoria el 6 de noviembre.",
        expect![[r#"
            police_deployment (reported) triggers "Despliegue" "desplegó"
              actors: "Gobierno"
              places: Lima, El Agustino, La Victoria
              date: "el 6 de noviembre" 2023-11-06..2023-11-06 day
              count: deployed = 700 "700"
              evidence: "Despliegue en Lima"
              evidence: "El Gobierno desplegó a 700 policías en El Agustino y La Vict"
        "#]],
    );
}

#[test]
fn plans_and_possibilities_are_not_facts() {
    check(
        "Emergency measures\n\nThe government could declare a state of emergency in Comas, the minister said.\n\nDrivers plan to march on Congress on Thursday.\n\nEl Ejecutivo planea declarar el estado de emergencia en San Juan de Lurigancho.",
        expect![[r#"
            state_of_emergency (hypothetical) triggers "state of emergency"
              places: Comas
              evidence: "The government could declare a state of emergency in Comas, "
            protest (planned) triggers "march"
              actors: "Drivers"
              date: "on Thursday" 2023-11-02..2023-11-02 day
              evidence: "Drivers plan to march on Congress on Thursday."
            state_of_emergency (planned) triggers "estado de emergencia"
              places: San Juan de Lurigancho
              evidence: "El Ejecutivo planea declarar el estado de emergencia en San "
        "#]],
    );
}

#[test]
fn a_confirmed_killing_counts_its_dead_and_injured() {
    check(
        "Driver shot dead in Ate\n\nPolice confirmed that gunmen shot dead a mototaxi driver in Ate on Sunday. Two passengers were injured in the attack, and three people were killed in all.",
        expect![[r#"
            homicide (confirmed) triggers "shot dead" "shot dead" "killed"
              actors: "gunmen"
              targets: "Driver", "mototaxi driver"
              places: Ate
              date: "on Sunday" 2023-11-05..2023-11-05 day
              count: injured = 2 "Two"
              count: killed = 3 "three"
              evidence: "Driver shot dead in Ate"
              evidence: "Police confirmed that gunmen shot dead a mototaxi driver in "
              evidence: "Two passengers were injured in the attack, and three people "
            armed_attack (reported) triggers "attack"
              targets: "passengers"
              date: "on Sunday" 2023-11-05..2023-11-05 day
              count: injured = 2 "Two"
              count: killed = 3 "three"
              evidence: "Two passengers were injured in the attack, and three people "
        "#]],
    );
}

#[test]
fn spanish_crimes_of_every_kind() {
    check(
        "Una semana violenta\n\nSegún la fiscalía, presuntos extorsionadores lanzaron una granada contra una bodega en Comas. Un comerciante fue secuestrado en Independencia. Delincuentes incendiaron un bus en Ate. La policía incautó dos pistolas y droga en San Martín de Porres, y la fiscalía investiga a la banda por narcotráfico.",
        expect![[r#"
            explosion (reported) triggers "granada"
              actors: "presuntos extorsionadores"
              places: Comas
              attributed to: "la fiscalía"
              evidence: "Según la fiscalía, presuntos extorsionadores lanzaron una gr"
            kidnapping (reported) triggers "secuestrado"
              targets: "comerciante"
              places: Independencia
              evidence: "Un comerciante fue secuestrado en Independencia."
            arson (reported) triggers "incendiaron"
              actors: "Delincuentes"
              places: Ate
              evidence: "Delincuentes incendiaron un bus en Ate."
            seizure (reported) triggers "incautó"
              actors: "policía"
              places: San Martín de Porres
              evidence: "La policía incautó dos pistolas y droga en San Martín de Por"
            trafficking (reported) triggers "narcotráfico"
              places: San Martín de Porres
              evidence: "La policía incautó dos pistolas y droga en San Martín de Por"
        "#]],
    );
}

#[test]
fn mentions_of_one_event_merge_and_riots_in_two_places_do_not() {
    check(
        "Riots in Lima\n\nRioters clashed with police in La Victoria on Oct. 31. Police arrested 12 people after the clashes.\n\nOn Nov. 2, riots broke out in Huaycán. The arrests were announced on Oct. 31.",
        expect![[r#"
            riot (reported) triggers "Riots" "Rioters" "clashes"
              actors: "Rioters"
              targets: "police"
              places: Lima, La Victoria
              date: "on Oct. 31" 2023-10-31..2023-10-31 day
              evidence: "Riots in Lima"
              evidence: "Rioters clashed with police in La Victoria on Oct. 31."
              evidence: "Police arrested 12 people after the clashes."
            arrest (reported) triggers "arrested" "arrests"
              actors: "Police"
              date: "on Oct. 31" 2023-10-31..2023-10-31 day
              count: arrested = 12 "12"
              evidence: "Police arrested 12 people after the clashes."
              evidence: "The arrests were announced on Oct. 31."
            riot (reported) triggers "riots"
              places: Huaycán
              date: "On Nov. 2" 2023-11-02..2023-11-02 day
              evidence: "On Nov. 2, riots broke out in Huaycán."
        "#]],
    );
}

#[test]
fn events_in_captions_and_related_links_are_not_read() {
    check(
        r#"<html><head><title>Comerciantes protestan</title></head><body><article>
<h1>Comerciantes protestan en Gamarra</h1>
<p>Cientos de comerciantes marcharon el lunes en Gamarra contra el cobro de cupos.</p>
<figure><img src="a.jpg"><figcaption>Agentes durante el operativo en el que capturaron a dos sospechosos en Independencia.</figcaption></figure>
<p>Los comerciantes pidieron más patrullaje en la zona.</p>
<p>Lea también: Asesinan a cobrador de combi en Comas</p>
</article></body></html>"#,
        expect![[r#"
            protest (reported) triggers "protestan" "marcharon"
              actors: "Comerciantes"
              places: Gamarra
              date: "el lunes" 2023-11-06..2023-11-06 day
              evidence: "Comerciantes protestan en Gamarra"
              evidence: "Cientos de comerciantes marcharon el lunes en Gamarra contra"
            extortion (reported) triggers "cobro de cupos"
              targets: "comerciantes"
              places: Gamarra
              date: "el lunes" 2023-11-06..2023-11-06 day
              evidence: "Cientos de comerciantes marcharon el lunes en Gamarra contra"
            police_deployment (reported) triggers "patrullaje"
              targets: "comerciantes"
              evidence: "Los comerciantes pidieron más patrullaje en la zona."
        "#]],
    );
}

#[test]
fn group_descriptions_are_told_apart_by_their_head() {
    use super::group_kind;
    let kinds: Vec<String> = [
        "all Venezuelan immigrants",
        "extorsionadores venezolanos",
        "inmigrantes venezolanos",
        "motorcycle-taxi drivers",
        "alleged gang members",
        "700 officers",
        "manifestantes",
        "the city",
    ]
    .iter()
    .map(|d| format!("{d}={}", group_kind(d).map_or("-", |k| k.as_str())))
    .collect();
    expect!["all Venezuelan immigrants=civilians; extorsionadores venezolanos=offenders; inmigrantes venezolanos=civilians; motorcycle-taxi drivers=civilians; alleged gang members=offenders; 700 officers=security forces; manifestantes=protesters; the city=-"].assert_eq(&kinds.join("; "));
}

#[test]
fn a_cue_governs_only_the_next_event_and_seized_grenades_do_not_explode() {
    check(
        "Drivers plan march after fatal shooting\n\nOfficers seized two pistols and a grenade in a house in Comas, where a grenade exploded last month.",
        expect![[r#"
            protest (planned) triggers "march"
              actors: "Drivers"
              evidence: "Drivers plan march after fatal shooting"
            armed_attack (reported) triggers "shooting"
              targets: "Drivers"
              evidence: "Drivers plan march after fatal shooting"
            seizure (reported) triggers "seized"
              actors: "Officers"
              places: Comas
              date: "last month" 2023-10-01..2023-10-31 month
              evidence: "Officers seized two pistols and a grenade in a house in Coma"
            explosion (reported) triggers "exploded"
              places: Comas
              date: "last month" 2023-10-01..2023-10-31 month
              evidence: "Officers seized two pistols and a grenade in a house in Coma"
        "#]],
    );
}

#[test]
fn a_comparison_baseline_is_not_the_date_of_the_event() {
    check(
        "Extortion rises\n\nPolice recorded 6,500 extortion complaints in the first eight months of 2023, 60 percent more than in the same period of 2022.",
        expect![[r#"
            extortion (reported) triggers "Extortion" "extortion"
              date: "in the first eight months of 2023" 2023-01-01..2023-08-31 month
              count: cases = 6500 "6,500"
              evidence: "Extortion rises"
              evidence: "Police recorded 6,500 extortion complaints in the first eigh"
        "#]],
    );
}

#[test]
fn a_denial_denied_leaves_the_event_possible() {
    check(
        "Emergencia en evaluación\n\nEl Ministerio del Interior no descartó declarar el estado de emergencia en Comas. La policía negó que hubiera detenidos.",
        expect![[r#"
            state_of_emergency (hypothetical) triggers "estado de emergencia"
              actors: "Ministerio del Interior"=Ministerio del Interior del Perú
              places: Comas
              evidence: "El Ministerio del Interior no descartó declarar el estado de"
            arrest (denied) triggers "detenidos"
              actors: "policía"
              evidence: "La policía negó que hubiera detenidos."
        "#]],
    );
}

#[test]
fn a_negation_that_narrows_the_event_does_not_deny_it() {
    check(
        "Why they marched\n\nThe drivers were not protesting a single crime. Police did not arrest anyone.",
        expect![[r#"
            protest (reported) triggers "marched" "protesting"
              actors: "drivers"
              evidence: "Why they marched"
              evidence: "The drivers were not protesting a single crime."
            arrest (denied) triggers "arrest"
              actors: "Police"
              evidence: "Police did not arrest anyone."
        "#]],
    );
}
