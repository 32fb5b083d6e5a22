//! Tests for entities: recognition, within-document linking, geocoding and cross-document resolution.

use expect_test::{expect, Expect};

use super::{extract, resolve, DocumentEntities};
use crate::testing;

/// Reads each document of `fixture` (a `//- name` line, then its text: headline, blank line,
/// body), extracts and resolves the entities of all of them, and renders each document's
/// language, one line per entity (type, name, knowledge base id, aliases, mentions as
/// `document@offset`) with its place, the relations, then the diagnostics. Every mention must read back as one of its entity's aliases.
#[track_caller]
fn check(fixture: &str, expect: Expect) {
    let resources = testing::resources();
    let mut names = Vec::new();
    let mut texts = Vec::new();
    let mut documents: Vec<DocumentEntities> = Vec::new();
    let mut languages = Vec::new();
    for part in fixture.split("//- ").filter(|part| !part.trim().is_empty()) {
        let (name, text) = part.split_once('\n').expect("a name line");
        let article = testing::article(name, text, None);
        languages.push(format!("document {name} [{}]\n", article.language.code()));
        documents.push(extract(&article, &resources));
        names.push((article.id.clone(), name.to_string()));
        texts.push((article.id.clone(), article.text.clone()));
    }
    let mut out = languages.concat();
    let (entities, relations) = resolve(&documents, resources.kb);
    let name_of = |id: &str| entities.iter().find(|e| e.id == id).map_or("?", |e| e.name.as_str());
    for entity in &entities {
        let mentions: Vec<String> = entity
            .mentions
            .iter()
            .map(|m| {
                let text = &texts.iter().find(|(id, _)| **id == *m.document).unwrap().1;
                let slice = &text[m.span.start..m.span.end];
                assert!(
                    entity.aliases.iter().any(|a| a == slice),
                    "{slice:?} is not an alias of {}",
                    entity.name
                );
                let name = &names.iter().find(|(id, _)| **id == *m.document).unwrap().1;
                format!("{name}@{}", m.span.start)
            })
            .collect();
        out += &format!(
            "{} {:?}{} aliases {:?} at {}\n",
            entity.kind.as_str(),
            entity.name,
            entity.kb_id.as_ref().map(|id| format!(" [{id}]")).unwrap_or_default(),
            entity.aliases,
            mentions.join(" ")
        );
        if let Some(place) = &entity.place {
            out += &format!("  place {} {}\n", place.gazetteer_id, place.admin_path.join(" > "));
        }
    }
    for relation in &relations {
        let evidence: Vec<String> = relation
            .evidence
            .iter()
            .map(|e| {
                let name = &names.iter().find(|(id, _)| **id == *e.document).unwrap().1;
                format!("{name}@{}..{}", e.span.start, e.span.end)
            })
            .collect();
        out += &format!(
            "relation {} {} {} ({}) in {}\n",
            name_of(&relation.subject),
            relation.kind.as_str(),
            name_of(&relation.object),
            relation.modality.as_str(),
            evidence.join(" ")
        );
    }
    for document in &documents {
        for diagnostic in &document.diagnostics {
            out += &format!(
                "{} {}: {}\n",
                diagnostic.severity.as_str(),
                diagnostic.code.as_str(),
                diagnostic.message
            );
        }
    }
    expect.assert_eq(&out);
}

#[test]
fn english_short_forms_acronyms_and_kb_names() {
    check(
        r#"
//- a.txt
Gang video threatens drivers in Lima

Luis García, a driver from El Agustino, said the Peruvian National Police (PNP) had done nothing. Mr. García said Los Gallegos had demanded payments. Gallegos is a cell of Tren de Aragua, the PNP said.
"#,
        expect![[r#"
            document a.txt [en]
            place "Lima" aliases ["Lima"] at a.txt@32
              place ubigeo:150100 Peru > Lima > Lima
            person "Luis García" aliases ["Luis García", "García"] at a.txt@38 a.txt@141
            place "El Agustino" aliases ["El Agustino"] at a.txt@66
              place ubigeo:150111 Peru > Lima > Lima > El Agustino
            organization "Policía Nacional del Perú" [pe-pnp] aliases ["Peruvian National Police", "PNP"] at a.txt@88 a.txt@114 a.txt@232
            criminal_group "Los Gallegos" [los-gallegos] aliases ["Los Gallegos", "Gallegos"] at a.txt@154 a.txt@190
            criminal_group "Tren de Aragua" [tren-de-aragua] aliases ["Tren de Aragua"] at a.txt@212
            relation Los Gallegos cell_of Tren de Aragua (reported) in a.txt@190..241
        "#]],
    );
}

#[test]
fn spanish_places_and_defined_acronyms() {
    check(
        r#"
//- b.txt
Disturbios en La Victoria y El Agustino

La Asociación de Mototaxistas Unidos (AMU) denunció cobros en La Victoria y el Cercado de Lima. Según la Policía Nacional del Perú, la banda es una presunta célula del Tren de Aragua. La AMU pidió más patrullaje a la Policía Nacional.
"#,
        expect![[r#"
            document b.txt [es]
            place "La Victoria" aliases ["La Victoria"] at b.txt@14 b.txt@105
              place ubigeo:150115 Peru > Lima > Lima > La Victoria
            place "El Agustino" aliases ["El Agustino"] at b.txt@28
              place ubigeo:150111 Peru > Lima > Lima > El Agustino
            organization "Asociación de Mototaxistas Unidos" aliases ["Asociación de Mototaxistas Unidos", "AMU"] at b.txt@44 b.txt@80 b.txt@234
            place "Cercado de Lima" aliases ["Cercado de Lima"] at b.txt@122
              place ubigeo:150101 Peru > Lima > Lima > Lima
            organization "Policía Nacional del Perú" [pe-pnp] aliases ["Policía Nacional del Perú", "Policía Nacional"] at b.txt@149 b.txt@266
            criminal_group "Tren de Aragua" [tren-de-aragua] aliases ["Tren de Aragua"] at b.txt@215
        "#]],
    );
}

#[test]
fn names_in_two_languages_are_one_entity() {
    check(
        r#"
//- es.txt
Capturan a extorsionadores en Lima

La Policía Nacional del Perú capturó a cuatro presuntos miembros de Los Gallegos en Lima.

//- en.txt
Police arrest four in Lima

The Peruvian National Police arrested four alleged members of the Gallegos gang in Lima on Tuesday.
"#,
        expect![[r#"
            document es.txt [es]
            document en.txt [en]
            place "Lima" aliases ["Lima"] at es.txt@30 es.txt@123 en.txt@22 en.txt@111
              place ubigeo:150100 Peru > Lima > Lima
            organization "Policía Nacional del Perú" [pe-pnp] aliases ["Policía Nacional del Perú", "Peruvian National Police"] at es.txt@39 en.txt@32
            criminal_group "Los Gallegos" [los-gallegos] aliases ["Los Gallegos", "Gallegos"] at es.txt@107 en.txt@94
        "#]],
    );
}

#[test]
fn only_headline_and_body_are_read() {
    check(
        r#"
//- c.txt
Police arrest four in Lima

By Mariana Quispe

Photo: Carla Ríos / Pacífico Press

Police in Lima arrested four people on Tuesday, Colonel Julio Herrera said.
"#,
        expect![[r#"
            document c.txt [en]
            place "Lima" aliases ["Lima"] at c.txt@22 c.txt@95
              place ubigeo:150100 Peru > Lima > Lima
            person "Julio Herrera" aliases ["Julio Herrera"] at c.txt@141
        "#]],
    );
}

#[test]
fn unsupported_languages_are_not_tagged() {
    check(
        r#"
//- d.txt
A polícia prende quatro suspeitos em São Paulo

A Polícia Militar prendeu quatro suspeitos na zona leste de São Paulo nesta terça-feira, segundo a Secretaria da Segurança Pública.
"#,
        expect![[r#"
            document d.txt [pt]
        "#]],
    );
}

#[test]
fn surnames_point_back_and_dash_acronyms_are_defined() {
    check(
        r#"
//- e.txt
Maduro responds to Bogotá

Venezuelan President Nicolás Maduro met the Coordinadora Nacional de Transportistas – CNT in Caracas on Monday. Maduro said the CNT would be heard.
"#,
        expect![[r#"
            document e.txt [en]
            person "Nicolás Maduro" aliases ["Maduro", "Nicolás Maduro"] at e.txt@0 e.txt@49 e.txt@143
            place "Bogotá" aliases ["Bogotá"] at e.txt@19
              place geonames:3688689 Colombia > Bogota D.C. > Bogotá
            other "Venezuelan" aliases ["Venezuelan"] at e.txt@28
            organization "Coordinadora Nacional de Transportistas" aliases ["Coordinadora Nacional de Transportistas", "CNT"] at e.txt@73 e.txt@117 e.txt@159
            place "Caracas" aliases ["Caracas"] at e.txt@124
              place geonames:3646738 Venezuela > Distrito Federal > Caracas
        "#]],
    );
}

#[test]
fn unresolvable_places_are_reported_not_guessed() {
    check(
        r#"
//- f.txt
Storm hits San Pedro

Heavy rain flooded San Pedro on Monday, officials said.
"#,
        expect![[r#"
            document f.txt [en]
            place "San Pedro" aliases ["San Pedro"] at f.txt@11 f.txt@41
            warning ambiguous_place: place "San Pedro" is ambiguous and was left without coordinates: Honduras > Cortés Department > San Pedro Sula (geonames:3601782); Ivory Coast > Bas-Sassandra District > San-Pédro (geonames:2282006); Philippines > Calabarzon > San Pedro (geonames:1688749); 7 more
        "#]],
    );
}

#[test]
fn relations_carry_their_modality() {
    check(
        r#"
//- g.txt
Gang denies ties

Los Choneros denied being part of the Sinaloa Cartel. Police say Los Lobos is a cell of the Jalisco New Generation Cartel, and Ecuadorian prosecutors said in court that Fito is the leader of Los Choneros.

//- h.txt
Capturan a miembros de Los Gallegos

Según la Policía Nacional del Perú, la banda es una célula del Tren de Aragua. Los Gallegos opera en La Victoria y Tren de Aragua opera en Chile.
"#,
        expect![[r#"
            document g.txt [en]
            document h.txt [es]
            criminal_group "Los Choneros" [los-choneros] aliases ["Los Choneros"] at g.txt@18 g.txt@209
            criminal_group "Cártel de Sinaloa" [cartel-de-sinaloa] aliases ["Sinaloa Cartel"] at g.txt@56
            criminal_group "Los Lobos" [los-lobos] aliases ["Los Lobos"] at g.txt@83
            criminal_group "Cártel de Jalisco Nueva Generación" [cjng] aliases ["Jalisco New Generation Cartel"] at g.txt@110
            other "Ecuadorian" aliases ["Ecuadorian"] at g.txt@145
            place "Fito" aliases ["Fito"] at g.txt@187
            criminal_group "Los Gallegos" [los-gallegos] aliases ["Los Gallegos"] at h.txt@23 h.txt@120
            organization "Policía Nacional del Perú" [pe-pnp] aliases ["Policía Nacional del Perú"] at h.txt@47
            criminal_group "Tren de Aragua" [tren-de-aragua] aliases ["Tren de Aragua"] at h.txt@104 h.txt@156
            place "La Victoria" aliases ["La Victoria"] at h.txt@142
            place "Chile" aliases ["Chile"] at h.txt@180
              place geonames:3895114 Chile
            relation Los Choneros part_of Cártel de Sinaloa (denied) in g.txt@18..71
            relation Los Lobos cell_of Cártel de Jalisco Nueva Generación (reported) in g.txt@72..222
            relation Los Gallegos operates_in La Victoria (asserted) in h.txt@120..186
            relation Tren de Aragua operates_in Chile (asserted) in h.txt@120..186
            relation Los Gallegos cell_of Tren de Aragua (reported) in h.txt@0..35
            warning ambiguous_place: place "La Victoria" is ambiguous and was left without coordinates: Peru > Lima > Lima > La Victoria (ubigeo:150115); Peru > Lambayeque > Chiclayo > La Victoria (ubigeo:140106)
        "#]],
    );
}

#[test]
fn known_names_in_unsupported_languages_are_not_read_either() {
    check(
        r#"
//- i.txt
Comando Vermelho e PCC disputam o controle do tráfico no Rio de Janeiro

O Comando Vermelho e o Primeiro Comando da Capital disputam o controle das rotas do tráfico, segundo a Polícia Federal, que prendeu dez suspeitos nesta semana.
"#,
        expect![[r#"
            document i.txt [pt]
        "#]],
    );
}

#[test]
fn groups_operate_in_places() {
    check(
        r#"
//- j.txt
Ecuador gangs fight for ports

Los Choneros, based in Manta, fight Los Lobos for the port. Los Lobos reportedly operates in Guayaquil. Los Choneros denied operating in Quito. Los Lobos grew stronger after the killing of three guards and a judge in Cuenca. The port of Machala is Los Lobos's stronghold in El Oro.

//- k.txt
Bandas en Lima

Los Gallegos, que opera en el distrito de La Victoria, cobra cupos. Según la Policía Nacional del Perú, el Tren de Aragua, con sede en Chile, estaría actuando en Lima. El Tren de Aragua controla la venta de drogas y ropa usada de contrabando en Callao. Los Gallegos controla los cobros en Trujillo.
"#,
        expect![[r#"
            document j.txt [en]
            document k.txt [es]
            place "Ecuador" aliases ["Ecuador"] at j.txt@0
              place geonames:3658394 Ecuador
            criminal_group "Los Choneros" [los-choneros] aliases ["Los Choneros"] at j.txt@31 j.txt@135
            place "Manta" aliases ["Manta"] at j.txt@54
              place geonames:3654410 Ecuador > Manabí > Manta
            criminal_group "Los Lobos" [los-lobos] aliases ["Los Lobos"] at j.txt@67 j.txt@91 j.txt@175 j.txt@279
            place "Guayaquil" aliases ["Guayaquil"] at j.txt@124
              place geonames:3657509 Ecuador > Guayas > Guayaquil
            place "Quito" aliases ["Quito"] at j.txt@168
              place geonames:3652462 Ecuador > Pichincha > Quito
            place "Cuenca" aliases ["Cuenca"] at j.txt@248
              place geonames:3658666 Ecuador > Azuay > Cuenca
            place "Machala" aliases ["Machala"] at j.txt@268
              place geonames:3654533 Ecuador > El Oro > Machala
            place "El Oro" aliases ["El Oro"] at j.txt@305
              place geonames:3658195 Ecuador > El Oro
            place "Lima" aliases ["Lima"] at k.txt@10 k.txt@182
              place ubigeo:150100 Peru > Lima > Lima
            criminal_group "Los Gallegos" [los-gallegos] aliases ["Los Gallegos"] at k.txt@16 k.txt@273
            place "La Victoria" aliases ["La Victoria"] at k.txt@58
              place ubigeo:150115 Peru > Lima > Lima > La Victoria
            organization "Policía Nacional del Perú" [pe-pnp] aliases ["Policía Nacional del Perú"] at k.txt@94
            criminal_group "Tren de Aragua" [tren-de-aragua] aliases ["Tren de Aragua"] at k.txt@126 k.txt@191
            place "Chile" aliases ["Chile"] at k.txt@154
              place geonames:3895114 Chile
            place "Callao" aliases ["Callao"] at k.txt@265
              place ubigeo:070100 Peru > Callao > Callao
            place "Trujillo" aliases ["Trujillo"] at k.txt@309
              place ubigeo:130100 Peru > La Libertad > Trujillo
            relation Los Choneros operates_in Manta (asserted) in j.txt@31..90
            relation Los Lobos operates_in Guayaquil (reported) in j.txt@91..134
            relation Los Choneros operates_in Quito (denied) in j.txt@135..174
            relation Los Lobos operates_in El Oro (asserted) in j.txt@256..312
            relation Los Gallegos operates_in La Victoria (asserted) in k.txt@16..83
            relation Tren de Aragua operates_in Chile (reported) in k.txt@84..187
            relation Los Gallegos operates_in Trujillo (asserted) in k.txt@273..318
            relation Los Gallegos cell_of Tren de Aragua (reported) in k.txt@16..83
        "#]],
    );
}

#[test]
fn names_of_towns_elsewhere_are_not_placed_in_the_story() {
    // Towns named after the person exist in Argentina, and no place of this story corroborates
    // them, so the name gets no coordinates and a warning instead of a guess.
    // FIXME: the tagger's place-name features make it a place; it is a person.
    check(
        r#"
//- c.txt
Comerciantes de La Victoria recuerdan a José de San Martín

Los comerciantes de La Victoria y El Agustino colocaron un retrato de José de San Martín en el mercado.
"#,
        expect![[r#"
            document c.txt [es]
            place "La Victoria" aliases ["La Victoria"] at c.txt@16 c.txt@82
              place ubigeo:150115 Peru > Lima > Lima > La Victoria
            place "José de San Martín" aliases ["José de San Martín"] at c.txt@40 c.txt@132
            place "El Agustino" aliases ["El Agustino"] at c.txt@96
              place ubigeo:150111 Peru > Lima > Lima > El Agustino
            warning ambiguous_place: place "José de San Martín" is ambiguous and was left without coordinates: Argentina > La Pampa > General San Martín (geonames:3855056); Argentina > Chubut > José de San Martín (geonames:3853479)
        "#]],
    );
}
