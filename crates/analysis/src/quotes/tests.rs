//! Tests for quotes: every pattern, both languages.

use expect_test::{expect, Expect};

use super::find;
use crate::{entities, testing};

mod attribution;
mod speakers;

/// Reads `fixture` (headline, blank line, paragraphs), finds its quotes and renders one line
/// per quote: kind, content fragments, cue, speaker (kind, text, resolved entity name).
/// Every span must lie inside the text on character boundaries.
#[track_caller]
fn check(fixture: &str, expect: Expect) {
    let article = testing::article("t", fixture, None);
    let entities = entities::extract(&article, &testing::resources());
    let quotes = find(&article, &entities);
    let mut out = String::new();
    for quote in &quotes {
        let mut spans = quote.content.clone();
        spans.push(quote.span);
        spans.extend(quote.cue);
        spans.extend(quote.speaker.as_ref().and_then(|s| s.span));
        for span in spans {
            assert!(span.start <= span.end && span.end <= article.text.len());
            assert!(
                article.text.is_char_boundary(span.start)
                    && article.text.is_char_boundary(span.end)
            );
            assert!(quote.span.contains(span), "{span:?} outside {:?}", quote.span);
        }
        let content: Vec<String> =
            quote.content.iter().map(|&c| format!("{:?}", article.slice(c))).collect();
        out += &format!("{} {}", quote.kind.as_str(), content.join(" + "));
        if let Some(cue) = quote.cue {
            out += &format!(" cue={:?}", article.slice(cue));
        }
        if let Some(speaker) = &quote.speaker {
            out += &format!(" speaker={}", speaker.kind.as_str());
            if let Some(span) = speaker.span {
                out += &format!(" {:?}", article.slice(span));
            }
            match speaker.entity {
                Some(e) => out += &format!(" -> {}", entities.entities[e].name),
                None => out += " -> ?",
            }
        }
        out.push('\n');
    }
    expect.assert_eq(&out);
}

#[test]
fn trailing_attribution_en() {
    check(
        r#"
Police raid in Lima

"We will find them," Luis García told the paper.
"#,
        expect![[r#"
            direct "We will find them," cue="told the paper" speaker=name "Luis García" -> Luis García
        "#]],
    );
}

#[test]
fn trailing_attribution_es() {
    check(
        r#"
Operativo en Lima

“Vamos a encontrarlos”, dijo el ministro del Interior Vicente Tiburcio.
"#,
        expect![[r#"
            direct "Vamos a encontrarlos" cue="dijo" speaker=name "el ministro del Interior Vicente Tiburcio" -> Vicente Tiburcio
        "#]],
    );
}

#[test]
fn inverted_attribution() {
    check(
        r#"
Extortion in Lima

“The gangs are everywhere,” said the interior minister.

Interior Minister Vicente Tiburcio visited the market on Monday.
"#,
        expect![[r#"
            direct "The gangs are everywhere," cue="said" speaker=description "the interior minister" -> Vicente Tiburcio
        "#]],
    );
}

#[test]
fn leading_attribution() {
    check(
        r#"
Curfew in Trujillo

Col. Víctor Revoredo told reporters, “We have arrested four suspects in the market.”

Mayor Arturo Fernández said: "The city will not give in to the gangs."

Fernández: "We need more police officers on the streets."
"#,
        expect![[r#"
            direct "We have arrested four suspects in the market." cue="told reporters" speaker=name "Col. Víctor Revoredo" -> Víctor Revoredo
            direct "The city will not give in to the gangs." cue="said" speaker=name "Mayor Arturo Fernández" -> Arturo Fernández
            direct "We need more police officers on the streets." cue=":" speaker=name "Fernández" -> Arturo Fernández
        "#]],
    );
}

#[test]
fn spanish_cues() {
    check(
        r#"
Extorsión en Lima

“Los comerciantes pagan cada semana”, afirmó Rosa Quispe, dirigente del mercado.

«No vamos a retroceder», señaló el general Óscar Arriola.

“Hay miedo en el barrio”, sostuvo Quispe.
"#,
        expect![[r#"
            direct "Los comerciantes pagan cada semana" cue="afirmó" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "No vamos a retroceder" cue="señaló" speaker=name "el general Óscar Arriola" -> Óscar Arriola
            direct "Hay miedo en el barrio" cue="sostuvo" speaker=name "Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn split_quote() {
    check(
        r#"
Fear in the market

"They came at night," Luis García said. "They wanted money from every stall."
"#,
        expect![[r#"
            direct "They came at night," + "They wanted money from every stall." cue="said" speaker=name "Luis García" -> Luis García
        "#]],
    );
}

#[test]
fn multi_paragraph_quote() {
    check(
        r#"
Fear in the market

Luis García, a mototaxi driver, said: "They came at night with guns and knives.

"They wanted money from every stall and they took it."
"#,
        expect![[r#"
            direct "They came at night with guns and knives." + "They wanted money from every stall and they took it." cue="said" speaker=name "Luis García" -> Luis García
        "#]],
    );
}

#[test]
fn nested_quote() {
    check(
        r#"
Fear in the market

“The man shouted ‘pay or die’ and left,” María Torres said.
"#,
        expect![[r#"
            direct "The man shouted ‘pay or die’ and left," cue="said" speaker=name "María Torres" -> María Torres
        "#]],
    );
}

#[test]
fn dialogue_dash() {
    check(
        r#"
Protesta en El Agustino

—No estamos contra los venezolanos —dijo Luis García, mototaxista de El Agustino—. Estamos contra los extorsionadores.
"#,
        expect![[r#"
            direct "No estamos contra los venezolanos" + "Estamos contra los extorsionadores." cue="dijo" speaker=name "Luis García" -> Luis García
        "#]],
    );
}

#[test]
fn brackets_stay() {
    check(
        r#"
Fear in the market

"If they [Peruvians] see us, they call the police," Carlos Pérez said.
"#,
        expect![[r#"
            direct "If they [Peruvians] see us, they call the police," cue="said" speaker=name "Carlos Pérez" -> Carlos Pérez
        "#]],
    );
}

#[test]
fn scare_quotes() {
    check(
        r#"
The new cartel

Police call the alliance a "super cartel" of three gangs.

El ministro habló de «narcoterroristas» en el sur.
"#,
        expect![[r#"
            scare "super cartel"
            scare "narcoterroristas"
        "#]],
    );
}

#[test]
fn pronoun_resolves_to_last_speaker() {
    check(
        r#"
Fear in the market

"We pay every week," Rosa Quispe said.

"Nobody protects us from these men," she added.

"Ya no hay trabajo", dijo Carlos Pérez.

"Nos cobran todos los días", dijo.
"#,
        expect![[r#"
            direct "We pay every week," cue="said" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "Nobody protects us from these men," cue="added" speaker=pronoun "she" -> Rosa Quispe
            direct "Ya no hay trabajo" cue="dijo" speaker=name "Carlos Pérez" -> Carlos Pérez
            direct "Nos cobran todos los días" cue="dijo" speaker=pronoun -> Carlos Pérez
        "#]],
    );
}

#[test]
fn continuation_paragraph() {
    check(
        r#"
Fear in the market

"We pay every week," Rosa Quispe said.

"Nobody protects us from these men and the police never come."
"#,
        expect![[r#"
            direct "We pay every week," cue="said" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "Nobody protects us from these men and the police never come." speaker=pronoun -> Rosa Quispe
        "#]],
    );
}

#[test]
fn description_linked_to_gang() {
    check(
        r#"
A gang threatens Trujillo

Los Pulpos published a video on Sunday threatening shop owners.

"Whoever does not pay will die," one of the hooded gang members in the video said.
"#,
        expect![[r#"
            direct "Whoever does not pay will die," cue="said" speaker=description "one of the hooded gang members in the video" -> Los Pulpos
        "#]],
    );
}

#[test]
fn description_linked_to_gang_es() {
    check(
        r#"
Amenaza en Trujillo

La banda Los Pulpos difundió un video con amenazas.

“El que no paga, muere”, dijo uno de los encapuchados de la banda.
"#,
        expect![[r#"
            direct "El que no paga, muere" cue="dijo" speaker=description "uno de los encapuchados de la banda" -> Los Pulpos
        "#]],
    );
}

#[test]
fn description_without_link() {
    check(
        r#"
Fear in the market

"We do not know who they are," a masked figure said.
"#,
        expect![[r#"
            direct "We do not know who they are," cue="said" speaker=description "a masked figure" -> ?
        "#]],
    );
}

#[test]
fn reported_speech_en() {
    check(
        r#"
Extortion grows

Luis García said that the gangs charge every driver ten soles a day.

Carlos Pérez told InSight Crime that the police do nothing.

According to the police, the gang has forty members.

The gang has forty members, according to Rosa Quispe.
"#,
        expect![[r#"
            reported "the gangs charge every driver ten soles a day" cue="said" speaker=name "Luis García" -> Luis García
            reported "the police do nothing" cue="told InSight Crime" speaker=name "Carlos Pérez" -> Carlos Pérez
            reported "the gang has forty members" cue="According to" speaker=description "the police" -> ?
            reported "The gang has forty members" cue="according to" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn reported_speech_es() {
    check(
        r#"
Crece la extorsión

El ministro Vicente Tiburcio aseguró que la banda fue desarticulada.

Según la Policía Nacional, la banda tiene cuarenta integrantes.

De acuerdo con Rosa Quispe, los comerciantes pagan cada semana.

Carlos Pérez afirmó que nadie los protege.
"#,
        expect![[r#"
            reported "la banda fue desarticulada" cue="aseguró" speaker=name "El ministro Vicente Tiburcio" -> Vicente Tiburcio
            reported "la banda tiene cuarenta integrantes" cue="Según" speaker=name "la Policía Nacional" -> Policía Nacional
            reported "los comerciantes pagan cada semana" cue="De acuerdo con" speaker=name "Rosa Quispe" -> Rosa Quispe
            reported "nadie los protege" cue="afirmó" speaker=name "Carlos Pérez" -> Carlos Pérez
        "#]],
    );
}

#[test]
fn headline_quote() {
    check(
        r#"
"We will not pay the gangs anymore"

Shop owners in Lima marched on Tuesday.
"#,
        expect![[r#"
            direct "We will not pay the gangs anymore"
        "#]],
    );
}

#[test]
fn caption_ignored() {
    check(
        r#"
Fear in the market

Photo: "Pay or die," reads a sign in the market. (Reuters)

"We are afraid of them," a vendor said.
"#,
        expect![[r#"
            direct "We are afraid of them," cue="said" speaker=description "a vendor" -> ?
        "#]],
    );
}

#[test]
fn leading_attribution_es() {
    check(
        r#"
Operativo en Trujillo

El coronel Víctor Revoredo dijo a la prensa: «Hemos capturado a cuatro extorsionadores».
"#,
        expect![[r#"
            direct "Hemos capturado a cuatro extorsionadores" cue="dijo" speaker=name "El coronel Víctor Revoredo" -> Víctor Revoredo
        "#]],
    );
}

#[test]
fn messy_marks_keep_spans_inside_the_text() {
    check(
        r#"
Unbalanced "marks

He said "this never closes, and "" then «another» one.

“Straight and curly" mixed, ” stray close “ and an open at the end “
"#,
        expect![[r#"
            scare "marks"
            direct "this never closes, and" cue="said" speaker=pronoun "He" -> ?
            direct "another" cue="said" speaker=pronoun "He" -> ?
            scare "Straight and curly"
            scare "stray close"
        "#]],
    );
}

#[test]
fn epithet_resolves_to_last_speaker() {
    check(
        r#"
Fear in the market

Rosa Quispe said the market pays every week.

"Nobody protects us from these men," the businesswoman added.

"The police never come," the man said.
"#,
        expect![[r#"
            reported "the market pays every week" cue="said" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "Nobody protects us from these men," cue="added" speaker=description "the businesswoman" -> Rosa Quispe
            direct "The police never come," cue="said" speaker=description "the man" -> ?
        "#]],
    );
}

#[test]
fn pronoun_stands_for_the_person_a_sentence_opens_with_en() {
    check(
        r#"
Gangs in Trujillo

"The market pays every week," Luis García said.

Carlos Mendoza arrived at the market on Monday with his brother.

"They came back at night," he said.
"#,
        expect![[r#"
            direct "The market pays every week," cue="said" speaker=name "Luis García" -> Luis García
            direct "They came back at night," cue="said" speaker=pronoun "he" -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn pronoun_stands_for_the_person_a_sentence_opens_with_es() {
    check(
        r#"
Extorsión en Trujillo

“El mercado paga cada semana”, dijo Luis García.

En la tarde del lunes, Carlos Mendoza llegó al mercado con su hermano.

“Volvieron de noche”, dijo él.
"#,
        expect![[r#"
            direct "El mercado paga cada semana" cue="dijo" speaker=name "Luis García" -> Luis García
            direct "Volvieron de noche" cue="dijo" speaker=pronoun "él" -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn paragraph_ending_in_a_colon_introduces_the_next_quote_en() {
    check(
        r#"
Fear in the market

"We pay every week," Rosa Quispe said.

Market vendor Carlos Mendoza agreed:

"Nobody protects us from these men. The police never come."
"#,
        expect![[r#"
            direct "We pay every week," cue="said" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "Nobody protects us from these men. The police never come." cue="agreed" speaker=description "Market vendor Carlos Mendoza" -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn paragraph_ending_in_a_colon_introduces_the_next_quote_es() {
    check(
        r#"
Miedo en el mercado

“Pagamos cada semana”, dijo Rosa Quispe.

El comerciante Carlos Mendoza declaró:

“Nadie nos protege de estos hombres. La policía nunca viene.”
"#,
        expect![[r#"
            direct "Pagamos cada semana" cue="dijo" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "Nadie nos protege de estos hombres. La policía nunca viene." cue="declaró" speaker=description "El comerciante Carlos Mendoza" -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn continuation_goes_to_a_newer_subject_en() {
    check(
        r#"
Fear in the market

"We pay every week," Rosa Quispe said.

Carlos Mendoza praised the new police chief on Monday.

"He listens to the vendors and he sends patrols at night."
"#,
        expect![[r#"
            direct "We pay every week," cue="said" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "He listens to the vendors and he sends patrols at night." speaker=pronoun -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn continuation_goes_to_a_newer_subject_es() {
    check(
        r#"
Miedo en el mercado

“Pagamos cada semana”, dijo Rosa Quispe.

Carlos Mendoza elogió el lunes al nuevo jefe policial.

“Escucha a los comerciantes y manda patrullas de noche.”
"#,
        expect![[r#"
            direct "Pagamos cada semana" cue="dijo" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "Escucha a los comerciantes y manda patrullas de noche." speaker=pronoun -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn subject_with_a_title_of_before_a_participle_cue() {
    check(
        r#"
Elections in Peru

Former Minister of Justice Ana Torres urged voters to stay calm, saying, "The count will be clean and fast."
"#,
        expect![[r#"
            direct "The count will be clean and fast." cue="saying" speaker=name "Former Minister of Justice Ana Torres" -> Justice Ana Torres
        "#]],
    );
}

#[test]
fn capitalised_speech_verb_inside_a_name_is_no_cue() {
    check(
        r#"
Trade and crime

Luis García said on Monday that the United States has become a "dumping ground for stolen goods from every port."

Los Estados Unidos Dice que la frontera es "un coladero para las armas de las bandas".
"#,
        expect![[r#"
            direct "dumping ground for stolen goods from every port." cue="said" speaker=name "Luis García" -> Luis García
            direct "un coladero para las armas de las bandas" speaker=pronoun -> Luis García
        "#]],
    );
}

#[test]
fn adverbs_are_not_speakers() {
    check(
        r#"
Fear in the market

Carlos Mendoza met the vendors on Monday.

Asked about the gangs, informally said "we will send patrols every night to the market."
"#,
        expect![[r#"
            direct "we will send patrols every night to the market."
        "#]],
    );
}

#[test]
fn subject_after_an_opening_clause_en() {
    check(
        r#"
Gangs in Trujillo

"The market pays every week," Luis García said.

Speaking at the market in Trujillo, Carlos Mendoza walked with the vendors.

"We will not leave the vendors alone," he said.
"#,
        expect![[r#"
            direct "The market pays every week," cue="said" speaker=name "Luis García" -> Luis García
            direct "We will not leave the vendors alone," cue="said" speaker=pronoun "he" -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn subject_after_an_opening_clause_es() {
    check(
        r#"
Extorsión en Trujillo

“El mercado paga cada semana”, dijo Luis García.

Mientras recorría el mercado de Trujillo, Carlos Mendoza caminó con los comerciantes.

“No vamos a dejar solos a los comerciantes”, afirmó él.
"#,
        expect![[r#"
            direct "El mercado paga cada semana" cue="dijo" speaker=name "Luis García" -> Luis García
            direct "No vamos a dejar solos a los comerciantes" cue="afirmó" speaker=pronoun "él" -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn attribution_after_a_quote_inside_the_quote() {
    check(
        r#"
Fear in the market

"They told us, 'Pay or we burn the stall,'" Rosa Quispe continued.

Party founder Carlos Mendoza urged the police to act, saying, "We cannot wait another week."
"#,
        expect![[r#"
            direct "They told us, 'Pay or we burn the stall,'" cue="continued" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "We cannot wait another week." cue="saying" speaker=description "Party founder Carlos Mendoza" -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn plural_and_new_speech_verbs_es() {
    check(
        r#"
Extorsión en Trujillo

“Nos cobran cada semana”, señalaron los comerciantes del mercado.

“No vamos a pagar más”, espetó Rosa Quispe.
"#,
        expect![[r#"
            direct "Nos cobran cada semana" cue="señalaron" speaker=description "los comerciantes del mercado" -> ?
            direct "No vamos a pagar más" cue="espetó" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn organisation_description_links_to_the_last_organisation() {
    check(
        r#"
Extortion in Lima

The National Police of Peru arrested four men in Comas on Monday.

"The gang charged every bus line in the district," the agency said.

La Fiscalía de la Nación abrió una investigación contra la banda.

“Los detenidos serán acusados de extorsión”, informó la fiscalía.
"#,
        expect![[r#"
            direct "The gang charged every bus line in the district," cue="said" speaker=description "the agency" -> National Police of Peru
            direct "Los detenidos serán acusados de extorsión" cue="informó" speaker=description "la fiscalía" -> Ministerio Público - Fiscalía de la Nación
        "#]],
    );
}

#[test]
fn subjectless_cue_takes_the_sentence_subject_es() {
    check(
        r#"
Extorsión en Trujillo

“El mercado paga cada semana”, dijo Luis García.

Carlos Mendoza caminó con los comerciantes por el mercado.

“No vamos a dejarlos solos”, dijo.
"#,
        expect![[r#"
            direct "El mercado paga cada semana" cue="dijo" speaker=name "Luis García" -> Luis García
            direct "No vamos a dejarlos solos" cue="dijo" speaker=pronoun -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn uncredited_quote_goes_to_its_paragraph_subject() {
    check(
        r#"
Fear in the market

"The market pays every week," Luis García said.

The market opened in 1990.

It has 400 stalls.

Most of them sell fruit.

Carlos Mendoza doubts the vendors can keep paying "before every stall in the market closes for good."

En Trujillo, Rosa Quispe duda que puedan seguir pagando “antes de que cierren todos los puestos del mercado”.

Rosa Quispe se preguntó “cuánto tiempo más podrán pagar los comerciantes del mercado”.
"#,
        expect![[r#"
            direct "The market pays every week," cue="said" speaker=name "Luis García" -> Luis García
            direct "before every stall in the market closes for good." speaker=pronoun -> Carlos Mendoza
            direct "antes de que cierren todos los puestos del mercado" speaker=pronoun -> Rosa Quispe
            direct "cuánto tiempo más podrán pagar los comerciantes del mercado" cue="preguntó" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}
