//! Tests for the knowledge base: loading and validation, lookup, normalisation and the text matcher.

use expect_test::{expect, Expect};

use super::{normalize, KnowledgeBase};

/// Runs the commands of `fixture` against a knowledge base and renders their results.
///
/// The fixture is the shipped file unless it opens with a `//- kb` line, in which case the lines
/// up to `//- end` are the TOML to load. Each remaining non-empty line is a command:
/// `summary`, `entry ID`, `lookup NAME`, `normalize NAME` or `mentions TEXT`.
#[track_caller]
fn check(fixture: &str, expect: Expect) {
    let fixture = fixture.trim_start();
    let (kb, commands) = match fixture.strip_prefix("//- kb\n") {
        Some(rest) => {
            let (toml, commands) = rest.split_once("//- end\n").expect("a //- end line");
            (KnowledgeBase::from_toml(toml), commands)
        }
        None => (Ok(KnowledgeBase::shipped()), fixture),
    };
    let kb = match kb {
        Ok(kb) => kb,
        Err(err) => return expect.assert_eq(&format!("error: {err}\n")),
    };
    let mut out = String::new();
    for line in commands.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let (command, argument) = line.split_once(' ').unwrap_or((line, ""));
        match command {
            "summary" => out += &summary(&kb),
            "lookup" => {
                let ids: Vec<&str> =
                    kb.lookup_all(argument).iter().map(|e| e.id.as_str()).collect();
                let unique = kb.lookup(argument).map(|e| e.id.as_str());
                assert_eq!(
                    unique,
                    (ids.len() == 1).then(|| ids[0]),
                    "lookup and lookup_all disagree"
                );
                out += &format!("lookup {argument:?} -> {}\n", render_ids(&ids));
            }
            "entry" => out += &render_entry(&kb, argument),
            "normalize" => out += &format!("normalize {argument:?} -> {:?}\n", normalize(argument)),
            "mentions" => {
                out += &format!("mentions in {argument:?}\n");
                for m in kb.find_mentions(argument) {
                    let slice = &argument[m.start..m.end];
                    // Every span must read back as a name of its entry.
                    assert!(
                        kb.lookup_all(slice).iter().any(|e| e.id == m.entry_id),
                        "{slice:?} is not a name of {}",
                        m.entry_id
                    );
                    out += &format!("  {}..{} {slice:?} {}\n", m.start, m.end, m.entry_id);
                }
            }
            _ => panic!("unknown command {command:?}"),
        }
    }
    expect.assert_eq(&out);
}

fn render_ids(ids: &[&str]) -> String {
    match ids {
        [] => "none".to_owned(),
        [id] => (*id).to_owned(),
        _ => format!("ambiguous [{}]", ids.join(", ")),
    }
}

fn render_entry(kb: &KnowledgeBase, id: &str) -> String {
    let Some(entry) = kb.get(id) else { return format!("entry {id:?}: none\n") };
    let mut out = format!(
        "entry {id}: {:?} {} {}\n",
        entry.name,
        entry.kind.as_str(),
        entry.country.as_deref().unwrap_or("-")
    );
    for affiliation in &entry.affiliations {
        let parent = if entry.parents().any(|p| p == affiliation) { " (parent)" } else { "" };
        out += &format!(
            "  {} {} {}{parent}: {}\n",
            affiliation.relation.as_str(),
            affiliation.id,
            affiliation.modality.as_str(),
            affiliation.source
        );
    }
    out
}

fn summary(kb: &KnowledgeBase) -> String {
    let mut counts = std::collections::BTreeMap::new();
    let mut modalities = std::collections::BTreeMap::new();
    for entry in kb.entries() {
        *counts.entry(entry.kind.as_str()).or_insert(0) += 1;
        for affiliation in &entry.affiliations {
            let key = (affiliation.relation.as_str(), affiliation.modality.as_str());
            *modalities.entry(key).or_insert(0) += 1;
        }
    }
    let mut out = format!("version {}, {} entries\n", kb.version(), kb.entries().len());
    for (kind, count) in counts {
        out += &format!("  {kind}: {count}\n");
    }
    for ((relation, modality), count) in modalities {
        out += &format!("  {relation} {modality}: {count}\n");
    }
    out
}

#[test]
fn shipped_file_parses_and_validates() {
    check(
        "summary",
        expect![[r#"
            version 1, 118 entries
              criminal_group: 47
              organization: 58
              person: 10
              place: 3
              allied_with reported: 2
              cell_of reported: 1
              faction_of asserted: 4
              faction_of reported: 1
              leader_of asserted: 10
              part_of asserted: 12
              split_from asserted: 7
              split_from reported: 2
        "#]],
    );
}

#[test]
fn affiliations_carry_modality_and_source() {
    check(
        "
        entry los-gallegos
        entry los-lobos
        entry pe-dircote
        entry interpol
        entry no-such-id
        ",
        expect![[r#"
            entry los-gallegos: "Los Gallegos" criminal_group PE
              cell_of tren-de-aragua reported (parent): Peruvian and Chilean press citing police, 2023; local cells act with much autonomy
            entry los-lobos: "Los Lobos" criminal_group EC
              split_from los-choneros reported: InSight Crime profile of Los Lobos
              allied_with cjng reported: InSight Crime profile of Los Lobos
            entry pe-dircote: "Dirección contra el Terrorismo" organization PE
              part_of pe-pnp asserted (parent): PNP organisational structure
            entry interpol: "International Criminal Police Organization" organization -
            entry "no-such-id": none
        "#]],
    );
}

#[test]
fn one_entry_for_the_peruvian_police_in_both_languages() {
    check(
        "
        lookup Policía Nacional del Perú
        lookup Peruvian National Police
        lookup PNP
        lookup pnp
        lookup Policia Nacional del Peru
        lookup POLICÍA NACIONAL DEL PERÚ
        lookup the Peruvian National Police
        lookup Policía Nacional
        lookup Policía Federal
        lookup Tren de la Costa
        ",
        expect![[r#"
            lookup "Policía Nacional del Perú" -> pe-pnp
            lookup "Peruvian National Police" -> pe-pnp
            lookup "PNP" -> pe-pnp
            lookup "pnp" -> pe-pnp
            lookup "Policia Nacional del Peru" -> pe-pnp
            lookup "POLICÍA NACIONAL DEL PERÚ" -> pe-pnp
            lookup "the Peruvian National Police" -> pe-pnp
            lookup "Policía Nacional" -> ambiguous [pe-pnp, co-policia, ec-policia]
            lookup "Policía Federal" -> ambiguous [br-policia-federal, ar-pfa]
            lookup "Tren de la Costa" -> none
        "#]],
    );
}

#[test]
fn article_and_plural_fold_to_one_gang() {
    check(
        "
        lookup Los Gallegos
        lookup los gallegos
        lookup Gallegos
        lookup LOS GALLEGOS
        lookup el Tren de Aragua
        lookup TdA
        normalize Los Gallegos
        normalize  ¡Los   Gallegos!
        normalize Los
        normalize the Shining Path
        normalize Ñandú-Ünïcode’s  CÁRTEL
        normalize Peru\u{301}
        ",
        expect![[r#"
            lookup "Los Gallegos" -> los-gallegos
            lookup "los gallegos" -> los-gallegos
            lookup "Gallegos" -> los-gallegos
            lookup "LOS GALLEGOS" -> los-gallegos
            lookup "el Tren de Aragua" -> tren-de-aragua
            lookup "TdA" -> tren-de-aragua
            normalize "Los Gallegos" -> "gallegos"
            normalize " ¡Los   Gallegos!" -> "gallegos"
            normalize "Los" -> "los"
            normalize "the Shining Path" -> "shining path"
            normalize "Ñandú-Ünïcode’s  CÁRTEL" -> "nandu unicode s cartel"
            normalize "Peru\u{301}" -> "peru"
        "#]],
    );
}

#[test]
fn spanish_sentence_mentions() {
    check(
        "mentions La Policía Nacional del Perú (PNP) y la Fiscalía de la Nación detuvieron en Lima a cuatro integrantes de Los Gallegos, una facción del Tren de Aragua, y a un colombiano buscado por el ELN; «eln» en minúsculas no es la sigla, pero «los lobos» sí es un alias.",
        expect![[r#"
            mentions in "La Policía Nacional del Perú (PNP) y la Fiscalía de la Nación detuvieron en Lima a cuatro integrantes de Los Gallegos, una facción del Tren de Aragua, y a un colombiano buscado por el ELN; «eln» en minúsculas no es la sigla, pero «los lobos» sí es un alias."
              3..30 "Policía Nacional del Perú" pe-pnp
              32..35 "PNP" pe-pnp
              42..65 "Fiscalía de la Nación" pe-ministerio-publico
              109..121 "Los Gallegos" los-gallegos
              140..154 "Tren de Aragua" tren-de-aragua
              189..192 "ELN" eln
              240..249 "los lobos" los-lobos
        "#]],
    );
}

#[test]
fn english_sentence_mentions() {
    check(
        "mentions The Peruvian National Police, working with the DEA and Interpol, said the Sinaloa Cartel's rivals in the CJNG had ties to Ecuador's Los Choneros; the pnp and the Policía Nacional declined to comment.",
        expect![[r#"
            mentions in "The Peruvian National Police, working with the DEA and Interpol, said the Sinaloa Cartel's rivals in the CJNG had ties to Ecuador's Los Choneros; the pnp and the Policía Nacional declined to comment."
              4..28 "Peruvian National Police" pe-pnp
              47..50 "DEA" us-dea
              74..88 "Sinaloa Cartel" cartel-de-sinaloa
              105..109 "CJNG" cjng
              132..144 "Los Choneros" los-choneros
              162..179 "Policía Nacional" pe-pnp
              162..179 "Policía Nacional" co-policia
              162..179 "Policía Nacional" ec-policia
        "#]],
    );
}

#[test]
fn mentions_respect_word_boundaries_and_prefer_the_longest_name() {
    check(
        "
        mentions DEAL with ELNs, PNPX and xPNP; MS-13, MS13 and Barrio 18 Sureños.
        mentions Clan del Golfo and Cártel del Golfo are not the same; nor are Gulf Clan and Gulf Cartel.
        mentions Policía Nacional Civil de El Salvador, then Policía Nacional Civil alone.
        mentions Un texto sin nombres conocidos.
        mentions La Línea, brazo armado del Cártel de Juárez, no es la línea de fuego.
        mentions Peru\u{301}: la Policia Nacional del Peru\u{301} informó.
        ",
        expect![[r#"
            mentions in "DEAL with ELNs, PNPX and xPNP; MS-13, MS13 and Barrio 18 Sureños."
              31..36 "MS-13" ms-13
              38..42 "MS13" ms-13
              47..65 "Barrio 18 Sureños" barrio-18-surenos
            mentions in "Clan del Golfo and Cártel del Golfo are not the same; nor are Gulf Clan and Gulf Cartel."
              0..14 "Clan del Golfo" clan-del-golfo
              19..36 "Cártel del Golfo" cartel-del-golfo
              63..72 "Gulf Clan" clan-del-golfo
              77..88 "Gulf Cartel" cartel-del-golfo
            mentions in "Policía Nacional Civil de El Salvador, then Policía Nacional Civil alone."
              0..38 "Policía Nacional Civil de El Salvador" sv-pnc
              45..68 "Policía Nacional Civil" sv-pnc
              45..68 "Policía Nacional Civil" gt-pnc
            mentions in "Un texto sin nombres conocidos."
            mentions in "La Línea, brazo armado del Cártel de Juárez, no es la línea de fuego."
              0..9 "La Línea" la-linea
              28..46 "Cártel de Juárez" cartel-de-juarez
            mentions in "Peru\u{301}: la Policia Nacional del Peru\u{301} informó."
              11..38 "Policia Nacional del Peru\u{301}" pe-pnp
        "#]],
    );
}

#[test]
fn invalid_files_give_clear_errors() {
    check(
        "
        //- kb
        version = 1
        [[entry]
        //- end
        ",
        expect![[r#"
            error: invalid knowledge base: TOML parse error at line 2, column 17
              |
            2 |         [[entry]
              |                 ^
            unclosed array table, expected `]`

        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "cell"
        name = "Una Célula"
        type = "criminal_group"
        affiliations = [{ id = "missing", relation = "cell_of", modality = "reported", source = "a test" }]
        //- end
        "#,
        expect![[r#"
            error: entry "cell" is affiliated with unknown id "missing"
        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "gang"
        name = "Gang"
        type = "gang"
        //- end
        "#,
        expect![[r#"
            error: invalid knowledge base: TOML parse error at line 5, column 16
              |
            5 |         type = "gang"
              |                ^^^^^^
            unknown variant `gang`, expected one of `criminal_group`, `organization`, `person`, `place`

        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "a"
        name = "Alpha"
        type = "criminal_group"
        affiliations = [{ id = "a", relation = "allied_with", modality = "rumoured", source = "a test" }]
        //- end
        "#,
        expect![[r#"
            error: invalid knowledge base: TOML parse error at line 6, column 74
              |
            6 |         affiliations = [{ id = "a", relation = "allied_with", modality = "rumoured", source = "a test" }]
              |                                                                          ^^^^^^^^^^
            unknown variant `rumoured`, expected one of `asserted`, `reported`, `disputed`

        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "a"
        name = "Alpha"
        type = "criminal_group"
        [[entry]]
        id = "a"
        name = "Beta"
        type = "organization"
        //- end
        "#,
        expect![[r#"
            error: duplicate entry id "a"
        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "a"
        name = "Alpha"
        type = "criminal_group"
        affiliations = [{ id = "b", relation = "cell_of", modality = "asserted", source = "a test" }]
        [[entry]]
        id = "b"
        name = "Beta"
        type = "criminal_group"
        affiliations = [{ id = "a", relation = "faction_of", modality = "asserted", source = "a test" }]
        //- end
        "#,
        expect![[r#"
            error: entry "a" is its own ancestor through parent links
        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "Alpha Group"
        name = "Alpha"
        type = "criminal_group"
        //- end
        "#,
        expect![[r#"
            error: entry id "Alpha Group" is not a slug of lowercase letters, digits and '-'
        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "a"
        name = "Alpha"
        type = "organization"
        country = "Peru"
        //- end
        "#,
        expect![[r#"
            error: entry "a": country "Peru" is not an ISO 3166 alpha-2 code
        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "a"
        name = "Alpha"
        type = "organization"
        wikidata = "8333"
        //- end
        "#,
        expect![[r#"
            error: entry "a": wikidata id "8333" is not of the form Q123
        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "a"
        name = "Alpha"
        type = "organization"
        acronyms = ["A."]
        //- end
        "#,
        expect![[r#"
            error: entry "a": name "A." is too short to match
        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "a"
        name = "Alpha"
        type = "organization"
        colour = "red"
        //- end
        "#,
        expect![[r#"
            error: invalid knowledge base: TOML parse error at line 6, column 9
              |
            6 |         colour = "red"
              |         ^^^^^^
            unknown field `colour`, expected one of `id`, `name`, `type`, `aliases`, `acronyms`, `country`, `affiliations`, `wikidata`

        "#]],
    );
    check(
        r#"
        //- kb
        version = 0
        //- end
        "#,
        expect![[r#"
            error: knowledge base version must be at least 1
        "#]],
    );
    check(
        r#"
        //- kb
        version = 1
        [[entry]]
        id = "a"
        name = "Alpha"
        type = "criminal_group"
        affiliations = [{ id = "a", relation = "allied_with", modality = "reported", source = "a test" }]
        //- end
        "#,
        expect![[r#"
            error: entry "a" is affiliated with itself
        "#]],
    );
}
