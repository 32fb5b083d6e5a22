//! Tests of story clustering: fixture articles rendered as the stories they form.

use std::collections::BTreeMap;

use expect_test::{expect, Expect};
use model::{Article, Duplicate, DuplicateKind};

use super::{cluster_batch, Signature, StoryConfig, StoryIndex};
use crate::{extract, testing};

/// Articles in a fixture are separated by lines `## name date [copy-of=name]`; the text under
/// each is plain text (headline, blank line, paragraphs).
fn parse(fixture: &str) -> Vec<(String, Article)> {
    let mut articles: Vec<(String, Article)> = Vec::new();
    for part in fixture.split("## ").map(str::trim).filter(|part| !part.is_empty()) {
        let (header, text) = part.split_once('\n').expect("a header line");
        let mut fields = header.split_whitespace();
        let name = fields.next().expect("a name").to_string();
        let date = fields.next().filter(|date| *date != "-");
        let mut article = testing::article(&name, text, date);
        if let Some(of) = fields.next().and_then(|field| field.strip_prefix("copy-of=")) {
            let (_, original) =
                articles.iter().find(|(other, _)| other == of).expect("copy of an earlier one");
            article.duplicate_of = Some(Duplicate {
                of: original.id.clone(),
                kind: DuplicateKind::Near,
                similarity: 0.8,
            });
        }
        articles.push((name, article));
    }
    articles
}

fn signatures(articles: &[(String, Article)]) -> Vec<Signature> {
    let resources = testing::resources();
    articles
        .iter()
        .map(|(_, article)| {
            Signature::from_article(article, &extract::extract(article, &resources))
        })
        .collect()
}

/// Stories as sorted lists of names, copies marked, the list sorted: the same grouping always
/// renders the same, whatever the story ids.
fn render(names: &[&str], stories: &[usize], copies: &[bool]) -> String {
    let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for ((name, &story), &copy) in names.iter().zip(stories).zip(copies) {
        let label = if copy { format!("{name} (copy)") } else { name.to_string() };
        groups.entry(story).or_default().push(label);
    }
    let mut groups: Vec<Vec<String>> = groups
        .into_values()
        .map(|mut group| {
            group.sort();
            group
        })
        .collect();
    groups.sort();
    groups
        .iter()
        .map(|group| group.iter().map(|name| format!("    {name}\n")).collect::<String>())
        .collect::<Vec<_>>()
        .join("  --\n")
}

/// Clusters the articles as a stream in the given order, in reverse order, and as a batch, and
/// renders the stories of each (the other two as "same" when they agree with the first).
/// Reversed, a copy arrives before its original, so it cannot be marked as a copy: ingestion
/// only ever links a copy to an earlier article.
fn check(articles: Vec<(String, Article)>, expect: Expect) {
    let signatures = signatures(&articles);
    let names: Vec<&str> = articles.iter().map(|(name, _)| name.as_str()).collect();
    let stream = |order: &[usize]| {
        let mut index = StoryIndex::new();
        let mut stories = vec![0; order.len()];
        let mut copies = vec![false; order.len()];
        for &at in order {
            copies[at] = index.add(&signatures[at]).copy;
        }
        // Stories merged on the way moved their reports: ask where each ended.
        for (story, signature) in stories.iter_mut().zip(&signatures) {
            *story = index.story_of(&signature.document).expect("every report has a story");
        }
        render(&names, &stories, &copies)
    };
    let forward: Vec<usize> = (0..articles.len()).collect();
    let reverse: Vec<usize> = forward.iter().rev().copied().collect();
    let first = stream(&forward);
    let mut out = format!("stream:\n{first}");
    for (label, rendered) in [
        ("reversed", stream(&reverse)),
        ("batch", {
            let assigned = cluster_batch(&signatures, &StoryConfig::default());
            let stories: Vec<usize> = assigned.iter().map(|a| a.story).collect();
            let copies: Vec<bool> = assigned.iter().map(|a| a.copy).collect();
            render(&names, &stories, &copies)
        }),
    ] {
        if rendered == first {
            out.push_str(&format!("{label}: same\n"));
        } else {
            out.push_str(&format!("{label}:\n{rendered}"));
        }
    }
    expect.assert_eq(&out);
}

#[test]
fn spanish_report_joins_english_story() {
    check(
        parse(
            r#"
## en-riots 2023-11-01
Riots in Lima as drivers protest Tren de Aragua extortion

Hundreds of mototaxi drivers blocked roads in La Victoria and El Agustino on Tuesday, Oct. 31, to protest extortion by the Tren de Aragua gang. The Policía Nacional del Perú said 14 people were injured, including three officers.

Interior Minister Vicente Romero said 700 police officers would be sent to the districts.

## es-disturbios 2023-11-01
Disturbios en La Victoria y El Agustino contra las extorsiones del Tren de Aragua

Al menos 14 personas resultaron heridas, entre ellas tres policías, durante los disturbios del martes 31 de octubre en La Victoria y El Agustino. La Policía Nacional del Perú desplegará 700 agentes, anunció el ministro del Interior, Vicente Romero.

## en-seizure 2023-11-03
Ecuador seizes cocaine in banana shipment at Guayaquil port

Ecuadorian police seized 2.1 tonnes of cocaine hidden in a shipment of bananas at the port of Guayaquil on Friday. The container was bound for Antwerp, Belgium.
"#,
        ),
        expect![[r#"
            stream:
                en-riots
                es-disturbios
              --
                en-seizure
            reversed: same
            batch: same
        "#]],
    );
}

#[test]
fn riots_in_two_cities_and_months_stay_apart() {
    check(
        parse(
            r#"
## lima-march 2023-03-15
Riot in Lima after police clear market stalls

Street vendors clashed with police in the Cercado de Lima district on Tuesday, March 14, after officers cleared stalls near the central market. Twelve people were arrested and five officers were hurt.

## lima-march-2 2023-03-15
Twelve arrested in Lima market riot

Police arrested twelve vendors after a riot in the Cercado de Lima on Tuesday. Five officers were injured as vendors threw stones near the central market.

## arequipa-july 2023-07-21
Riot in Arequipa over water cuts

Residents clashed with police in Arequipa on Thursday, July 20, during a protest over weeks of water cuts. Police said 30 people were detained and two officers were injured.

## arequipa-july-2 2023-07-21
Arequipa water protest turns violent

Thirty people were detained in Arequipa after a protest over water cuts turned into a riot on Thursday, police said. Two officers were hurt.
"#,
        ),
        expect![[r#"
            stream:
                arequipa-july
                arequipa-july-2
              --
                lima-march
                lima-march-2
            reversed: same
            batch: same
        "#]],
    );
}

#[test]
fn syndicated_copy_joins_as_copy() {
    check(
        parse(
            r#"
## andes 2023-11-02
Peru sends 700 police into Lima districts after gang video

Peruvian authorities deployed 700 police officers to La Victoria, El Agustino and Cercado de Lima after the Los Gallegos gang posted a video threatening mototaxi drivers.

## andes-copy 2023-11-02 copy-of=andes
Peru deploys 700 police to Lima after gang threat video

Peruvian authorities deployed 700 police officers to La Victoria, El Agustino and Cercado de Lima after the Los Gallegos gang posted a video threatening mototaxi drivers.

## trujillo 2023-11-02
Bus company in Trujillo halts service after extortion attack

A bus company in Trujillo suspended its routes after gunmen fired at one of its buses on Wednesday, the third attack this month blamed on extortion gangs in La Libertad.
"#,
        ),
        expect![[r#"
            stream:
                andes
                andes-copy (copy)
              --
                trujillo
            reversed:
                andes
                andes-copy
              --
                trujillo
            batch: same
        "#]],
    );
}

/// Every article of the sample corpus, deduplicated as the pipeline does, named by language and
/// headline.
#[test]
fn sample_corpus() {
    let articles = testing::sample_corpus()
        .into_iter()
        .map(|article| {
            let title: String =
                article.title.clone().unwrap_or_default().chars().take(48).collect();
            (format!("{} {title}", article.language.code()), article)
        })
        .collect();
    check(
        articles,
        expect![[r#"
            stream:
                en Ecuador seizes 2.1 tonnes of cocaine in banana s
              --
                en Lima gang video deepens fear among drivers and V
                en Lima mototaxi drivers plan march after fatal sho
                en Lima's Extortion Riots Expose Limits of Peru's R
                en Peru sends 700 police into Lima districts after 
                en Peru sends 700 police into Lima districts after  (copy)
                en Why Lima's extortion crisis outgrew the emergenc
                es Capturan a cuatro presuntos integrantes de Los G
                es Comerciantes de Gamarra denuncian nuevos cobros 
                es Disturbios en La Victoria y El Agustino por ola 
                es Disturbios en La Victoria y El Agustino: comerci
                es Gobierno evalúa estado de emergencia en tres dis
                es Los Gallegos, banda que estaría vinculada al Tre
            reversed:
                en Ecuador seizes 2.1 tonnes of cocaine in banana s
              --
                en Lima gang video deepens fear among drivers and V
                en Lima mototaxi drivers plan march after fatal sho
                en Lima's Extortion Riots Expose Limits of Peru's R
                en Peru sends 700 police into Lima districts after 
                en Peru sends 700 police into Lima districts after 
                en Why Lima's extortion crisis outgrew the emergenc
                es Capturan a cuatro presuntos integrantes de Los G
                es Comerciantes de Gamarra denuncian nuevos cobros 
                es Disturbios en La Victoria y El Agustino por ola 
                es Disturbios en La Victoria y El Agustino: comerci
                es Gobierno evalúa estado de emergencia en tres dis
                es Los Gallegos, banda que estaría vinculada al Tre
            batch: same
        "#]],
    );
}

/// Two riots in one prison years apart: the dated reports tell of the new one, the undated
/// report of the old one. Dates cannot be compared with an undated report, so it needs more
/// than a shared prison and event type to join a dated story.
#[test]
fn undated_report_needs_more_to_join_a_dated_story() {
    check(
        parse(
            r#"
## riot-2023 2023-05-10
Inmates riot at Lurigancho prison over transfer of gang leaders

Inmates set mattresses on fire at Lurigancho prison in San Juan de Lurigancho on Tuesday, May 9, after the transfer of three Tren de Aragua leaders to a high-security prison. The Instituto Nacional Penitenciario said 14 guards were injured.

## riot-2023-b 2023-05-10
Fourteen guards hurt in Lurigancho riot after gang leaders moved

Fourteen guards were injured when inmates rioted at Lurigancho prison on Tuesday, the Instituto Nacional Penitenciario said, after three Tren de Aragua leaders were transferred.

## riot-old -
Lurigancho inmates take guards hostage in riot

Inmates rioted at Lurigancho prison in San Juan de Lurigancho and set mattresses on fire, taking guards hostage in a protest over visiting rules. The Instituto Nacional Penitenciario said the guards were released the next morning.
"#,
        ),
        expect![[r#"
            stream:
                riot-2023
                riot-2023-b
              --
                riot-old
            reversed: same
            batch: same
        "#]],
    );
}

/// Two cocaine seizures at one port, reported without dates: the amounts and arrest counts
/// tell them apart.
#[test]
fn undated_reports_with_different_numbers_stay_apart() {
    check(
        parse(
            r#"
## big-seizure -
Police seize 2,300 kilos of cocaine at Callao port

Anti-drug police seized 2,300 kilos of cocaine hidden in a shipment of frozen fish at the port of Callao and arrested 5 people, the Dirandro said.

## big-seizure-b -
Callao port: 2,300 kilos of cocaine found in fish shipment

The Dirandro found 2,300 kilos of cocaine in boxes of frozen fish at the port of Callao. Five people were arrested.

## small-seizure -
Three dock workers detained over cocaine in coffee container

Three dock workers were detained at Callao after 800 kilos of cocaine were found in sacks of coffee bound for Rotterdam.
"#,
        ),
        expect![[r#"
            stream:
                big-seizure
                big-seizure-b
              --
                small-seizure
            reversed: same
            batch: same
        "#]],
    );
}

/// Two early reports of one event share too little to meet, an English one naming the gang
/// and a Spanish one naming the police and the district; a fuller report fitting both merges
/// their stories.
#[test]
fn report_fitting_two_stories_merges_them() {
    check(
        parse(
            r#"
## gang-video 2023-11-02
Los Gallegos gang threatens mototaxi drivers in video

The Los Gallegos gang posted a video threatening mototaxi drivers who refuse to pay for protection.

## capturas 2023-11-03
Capturan a cuatro extorsionadores en El Agustino

La Policía Nacional del Perú capturó a cuatro presuntos extorsionadores en El Agustino y La Victoria durante un operativo el viernes 3 de noviembre.

## full 2023-11-03
Police arrest four in El Agustino after Los Gallegos video threatened mototaxi drivers

The Policía Nacional del Perú arrested four people in El Agustino and La Victoria on Friday after the Los Gallegos gang posted a video threatening mototaxi drivers who refuse to pay for protection.
"#,
        ),
        expect![[r#"
            stream:
                capturas
                full
                gang-video
            reversed: same
            batch: same
        "#]],
    );
}

#[test]
fn same_district_other_gang_weeks_later_is_a_new_story() {
    check(
        parse(
            r#"
## gallegos 2023-10-10
Extortionists attack bus company in San Juan de Lurigancho

Gunmen from Los Gallegos fired at a bus of the Santa Rosa company in San Juan de Lurigancho on Monday after its owners refused to pay extortion money. The driver was wounded, police said. Drivers of the company stopped work in protest.

## gallegos-2 2023-10-11
Bus driver shot in San Juan de Lurigancho extortion attack

Police said Los Gallegos gunmen shot a bus driver of the Santa Rosa company in San Juan de Lurigancho because the owners refused to pay extortion money. Drivers stopped work in protest.

## hijos 2023-10-31
Grocery bombed in San Juan de Lurigancho

A cell of Los Hijos de Dios threw an explosive at a grocery in San Juan de Lurigancho on Monday night. Its owner had ignored a demand for weekly payments, police said. Nobody was hurt.
"#,
        ),
        expect![[r#"
            stream:
                gallegos
                gallegos-2
              --
                hijos
            reversed: same
            batch: same
        "#]],
    );
}
