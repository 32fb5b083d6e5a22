//! Tests for speaker reading and resolution: phrases that cannot speak, antecedents, cues.

use expect_test::expect;

use super::check;

#[test]
fn phrases_that_cannot_speak_take_the_person_spoken_of() {
    check(
        r#"
Port strike

Union leader Mark Davies spoke to the crowd on Monday.

Davies said the union would strike again. "Every terminal will stay closed until the summer ends," his plan says.

The union met again on Friday. "No ship will leave this port before then," it now says.

El dirigente sindical Carlos Mendoza habló ante los trabajadores. Carlos Mendoza dijo que seguirán. “Más fuerte que nunca en este puerto del norte”, según sus cálculos.

Rosa Quispe habló en Trujillo. “No vamos a pagar más cupos a nadie en este mercado”, dijo su postura.

Los comerciantes se reunieron. “Nadie más va a pagar cupos en el mercado”, dijo hace dos semanas.
"#,
        expect![[r#"
            reported "the union would strike again" cue="said" speaker=name "Davies" -> Mark Davies
            direct "Every terminal will stay closed until the summer ends," cue="says" speaker=description "his plan" -> Mark Davies
            direct "No ship will leave this port before then," cue="says" speaker=description "it now" -> Mark Davies
            direct "Más fuerte que nunca en este puerto del norte" cue="según" speaker=description "sus cálculos" -> Carlos Mendoza
            direct "No vamos a pagar más cupos a nadie en este mercado" cue="dijo" speaker=description "su postura" -> Rosa Quispe
            direct "Nadie más va a pagar cupos en el mercado" cue="dijo" speaker=description "hace dos semanas" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn objects_of_prepositions_are_not_speech_subjects() {
    check(
        r#"
Port strike

Alex Morgan wrote to Sam Taylor to say thanks. "We will not go back to work for less money," the union leader said.
"#,
        expect![[r#"
            direct "We will not go back to work for less money," cue="said" speaker=description "the union leader" -> Alex Morgan
        "#]],
    );
}

#[test]
fn a_sentence_opener_must_look_like_a_person() {
    // A lone word the tagger calls a person is no antecedent; a titled one is.
    check(
        r#"
Port strike

Mark Davies leads the union. Madonna performed at the rally. "We will not go back to work for less money," he said.

Mark Davies leads the union. Sen. Hale arrived late. "We will not go back to work for less money," he said.

Carlos Mendoza dirige el sindicato. Maluma cantó en el mitin. «No volveremos al trabajo por menos dinero», dijo él.
"#,
        expect![[r#"
            direct "We will not go back to work for less money," cue="said" speaker=pronoun "he" -> Davies
            direct "We will not go back to work for less money," cue="said" speaker=pronoun "he" -> Sen. Hale
            direct "No volveremos al trabajo por menos dinero" cue="dijo" speaker=pronoun "él" -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn a_party_that_modifies_a_role_is_not_the_speaker() {
    check(
        r#"
Primary race

"We will win this state by a wide margin," Donald Trump said on Monday.

"The polls are wrong about this race," the presumptive Republican presidential nominee said.
"#,
        expect![[r#"
            direct "We will win this state by a wide margin," cue="said" speaker=name "Donald Trump" -> Donald Trump
            direct "The polls are wrong about this race," cue="said" speaker=description "the presumptive Republican presidential nominee" -> Donald Trump
        "#]],
    );
}

#[test]
fn more_speech_verbs_and_attributions_after_an_exclamation() {
    check(
        r#"
Port strike

"Go back to the docks," Mark Davies barked at the reporters.

The Daily Post confirmed the figures, reporting:

"Every terminal on the coast has been closed since Monday morning."

Asked about the talks, Davies shot back: "There are no talks with anyone."

The mayor said Davies shot back that the talks had failed.

"We will win this strike!" Union member Ana Torres said as the crowd cheered.

«¡No vamos a pagar más cupos!» Rosa Quispe gritó ante los comerciantes.

“Nadie nos escucha en este mercado”, ironizó Carlos Mendoza.
"#,
        expect![[r#"
            direct "Go back to the docks," cue="barked" speaker=name "Mark Davies" -> Mark Davies
            direct "Every terminal on the coast has been closed since Monday morning." cue="reporting" speaker=name "The Daily Post" -> Daily Post
            direct "There are no talks with anyone." cue="shot" speaker=name "Davies" -> Mark Davies
            reported "the talks had failed" cue="said" speaker=description "The mayor" -> Mark Davies
            direct "We will win this strike!" cue="said" speaker=description "Union member Ana Torres" -> Ana Torres
            direct "¡No vamos a pagar más cupos!" cue="gritó" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "Nadie nos escucha en este mercado" cue="ironizó" speaker=name "Carlos Mendoza" -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn party_tags_in_brackets_and_dash_credits() {
    check(
        r#"
Port strike

"There is tremendous energy in the whole port," Rep. Earl Blumenauer (D-Ore.) said.

Sen. Claire McCaskill (D-Mo.) said: "Mitt Romney was prepared for the debate."

"He represents our greatest shame as a country." ― Sonya Herridge

“Nadie nos escucha en este mercado de Lima.” — Rosa Quispe

"Guns are the ultimate crisis," Howard Dean, the former governor of Vermont, proclaimed.
"#,
        expect![[r#"
            direct "There is tremendous energy in the whole port," cue="said" speaker=name "Rep. Earl Blumenauer" -> Earl Blumenauer
            direct "Mitt Romney was prepared for the debate." cue="said" speaker=name "Sen. Claire McCaskill" -> Claire McCaskill
            direct "He represents our greatest shame as a country." cue="―" speaker=name "Sonya Herridge" -> Sonya Herridge
            direct "Nadie nos escucha en este mercado de Lima." cue="—" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "Guns are the ultimate crisis," cue="proclaimed" speaker=name "Howard Dean" -> Howard Dean
        "#]],
    );
}

#[test]
fn appositives_with_a_few_quoted_words_and_inner_quotes() {
    check(
        r#"
Port strike

"We have had better strikes than this one," union delegate Bill Eastland, wearing a red cap and "Vote Union" pins, said as the crowd left.

“When this started, her first answer was, ‘What can we do to help?’” Rosa Quispe told reporters on Tuesday.

“No vamos a pagar más cupos en el mercado”, Carlos Mendoza, con una gorra de “No al cobro” en la cabeza, dijo a la prensa.
"#,
        expect![[r#"
            direct "We have had better strikes than this one," cue="said" speaker=description "union delegate Bill Eastland" -> Bill Eastland
            scare "Vote Union"
            direct "When this started, her first answer was, ‘What can we do to help?’" cue="told reporters" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "No vamos a pagar más cupos en el mercado" cue="dijo" speaker=name "Carlos Mendoza" -> Carlos Mendoza
            scare "No al cobro"
        "#]],
    );
}

#[test]
fn a_participle_cue_takes_a_subject_with_lowercase_titles() {
    check(
        r#"
Port strike

Union member Mark Davies shared the news on social media, writing "We will not go back for less money this time."

La dirigente sindical Rosa Quispe habló en la radio, diciendo: «No vamos a pagar más cupos a nadie».
"#,
        expect![[r#"
            direct "We will not go back for less money this time." cue="writing" speaker=description "Union member Mark Davies" -> Mark Davies
            direct "No vamos a pagar más cupos a nadie" cue="diciendo" speaker=description "La dirigente sindical Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn an_opening_adjunct_is_not_the_subject_of_a_participle_cue() {
    check(
        r#"
Port strike

Hours later, Mark Davies returned the compliment, telling reporters, "We have been friends for a long time."

Reached by the Daily Post, Ana Torres denied the story, explaining that she was "taking a day off from the strike."

Horas después, Rosa Quispe respondió a los comerciantes, diciendo: «No vamos a pagar más cupos a nadie».
"#,
        expect![[r#"
            direct "We have been friends for a long time." cue="telling reporters" speaker=name "Mark Davies" -> Mark Davies
            direct "taking a day off from the strike." cue="explaining" speaker=name "Ana Torres" -> Ana Torres
            direct "No vamos a pagar más cupos a nadie" cue="diciendo" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_place_after_a_comma_is_not_the_speaker() {
    check(
        r#"
Port strike

Ana Torres of Columbia, South Carolina says she thinks the union can "keep the port closed until the summer."

Rosa Quispe, de Trujillo, Perú dijo que los comerciantes pueden “resistir hasta el verano que viene”.
"#,
        expect![[r#"
            direct "keep the port closed until the summer." cue="says" speaker=name "Ana Torres of Columbia" -> Ana Torres
            direct "resistir hasta el verano que viene" cue="dijo" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_person_named_like_an_organisation_is_no_antecedent() {
    check(
        r#"
Debate night

Donald Trump spoke after the debate. He notes that the Commission on Presidential Debates announced earlier Friday that there was an issue with his microphone.

"Working that microphone was a lot more difficult than working the crowd tonight," he said.

Carlos Mendoza habló tras el debate. La Comisión de Debates Presidenciales dijo que hubo un problema con su micrófono. «Fue más difícil trabajar con ese micrófono que con el público», dijo él.
"#,
        expect![[r#"
            reported "there was an issue with his microphone" cue="announced" speaker=description "the Commission on Presidential Debates" -> Debates
            direct "Working that microphone was a lot more difficult than working the crowd tonight," cue="said" speaker=pronoun "he" -> Donald Trump
            reported "hubo un problema con su micrófono" cue="dijo" speaker=name "La Comisión de Debates Presidenciales" -> Comisión de Debates Presidenciales
            direct "Fue más difícil trabajar con ese micrófono que con el público" cue="dijo" speaker=pronoun "él" -> Carlos Mendoza
        "#]],
    );
}
