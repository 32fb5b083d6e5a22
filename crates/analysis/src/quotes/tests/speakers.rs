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

#[test]
fn manner_adverbs_sit_between_subject_and_cue() {
    check(
        r#"
Port strike

Mark Davies openly admitted that the strike was planned. "We will not go back to work for less money," he said.

Rosa Quispe claramente dijo que no pagará. «No vamos a pagar más cupos a nadie», dijo ella.
"#,
        expect![[r#"
            reported "the strike was planned" cue="admitted" speaker=name "Mark Davies" -> Mark Davies
            direct "We will not go back to work for less money," cue="said" speaker=pronoun "he" -> Mark Davies
            reported "no pagará" cue="dijo" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "No vamos a pagar más cupos a nadie" cue="dijo" speaker=pronoun "ella" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_name_before_a_title_gives_way_to_the_holder() {
    check(
        r#"
Port strike

On Monday, Davies campaign manager Sam Taylor released a memo. "We will not go back to work for less money," he said.

El lunes, Quispe asesora Carmen Rojas publicó una carta. «No vamos a pagar más cupos a nadie», dijo ella.
"#,
        expect![[r#"
            direct "We will not go back to work for less money," cue="said" speaker=pronoun "he" -> Sam Taylor
            direct "No vamos a pagar más cupos a nadie" cue="dijo" speaker=pronoun "ella" -> Carmen Rojas
        "#]],
    );
}

#[test]
fn an_attribution_closing_the_sentence_credits_a_quote_inside_it() {
    check(
        r#"
Port strike

The strike brought a "week of lost wages" and many families worry, said Mark Davies, the union leader.

The strike brought a "week of lost wages" to the port, Mark Davies, the union leader, said Tuesday.

La huelga trajo una «semana sin salario» y muchas familias temen, dijo Rosa Quispe, dirigente del mercado.
"#,
        expect![[r#"
            direct "week of lost wages" cue="said" speaker=name "Mark Davies" -> Mark Davies
            direct "week of lost wages" cue="said" speaker=name "Mark Davies" -> Mark Davies
            direct "semana sin salario" cue="dijo" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_weekday_after_the_cue_is_no_speaker() {
    check(
        r#"
Port strike

Mark Davies spoke first. Sam Taylor agreed. "We will not go back to work for less money," said today.

Rosa Quispe habló primero. «No vamos a pagar más cupos a nadie», dijo ayer.
"#,
        expect![[r#"
            direct "We will not go back to work for less money," cue="said" speaker=pronoun -> Sam Taylor
            direct "No vamos a pagar más cupos a nadie" cue="dijo" speaker=pronoun -> Rosa Quispe
        "#]],
    );
}

#[test]
fn more_cues_after_a_quote() {
    check(
        r#"
Port strike

"Why would we go back to work for less money?" Davies questioned.

"Nobody will cross the line," Taylor assured the crowd.

"They got what they asked for," Morgan shot back with a laugh.

"Nobody listens to us. Nobody ever did," Morgan went on.

"Ports should stay open," opined The Daily Courier.

«¿Quién va a pagar más cupos en este mercado?», cuestionó Rosa Quispe.

«Nadie va a pagar más cupos», aseveró Carmen Rojas.

«Nadie nos escucha. Nunca nos escucharon», continuó Carmen Rojas.
"#,
        expect![[r#"
            direct "Why would we go back to work for less money?" cue="questioned" speaker=name "Davies" -> Davies
            direct "Nobody will cross the line," cue="assured the crowd" speaker=name "Taylor" -> Taylor
            direct "They got what they asked for," cue="shot" speaker=name "Morgan" -> Morgan
            direct "Nobody listens to us. Nobody ever did," cue="went" speaker=name "Morgan" -> Morgan
            direct "Ports should stay open," cue="opined" speaker=name "The Daily Courier" -> Daily Courier
            direct "¿Quién va a pagar más cupos en este mercado?" cue="cuestionó" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "Nadie va a pagar más cupos" cue="aseveró" speaker=name "Carmen Rojas" -> Carmen Rojas
            direct "Nadie nos escucha. Nunca nos escucharon" cue="continuó" speaker=name "Carmen Rojas" -> Carmen Rojas
        "#]],
    );
}

#[test]
fn a_name_and_its_cue_right_after_the_mark() {
    check(
        r#"
Port strike

"We will not go back to work for less money -M" Mark Davies tweeted on Monday.

«No vamos a pagar más cupos a nadie -R» Rosa Quispe escribió el lunes.
"#,
        expect![[r#"
            direct "We will not go back to work for less money -M" cue="tweeted" speaker=name "Mark Davies" -> Mark Davies
            direct "No vamos a pagar más cupos a nadie -R" cue="escribió" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_conjunction_opens_the_sentence_before_its_subject() {
    check(
        r#"
Port strike

And then Mark Davies went on the attack, saying, "We will not go back to work for less money."

Y Rosa Quispe salió a la calle, diciendo: «No vamos a pagar más cupos a nadie».
"#,
        expect![[r#"
            direct "We will not go back to work for less money." cue="saying" speaker=name "Mark Davies" -> Mark Davies
            direct "No vamos a pagar más cupos a nadie" cue="diciendo" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn titles_may_follow_an_opening_clause() {
    check(
        r#"
Port strike

Sam Taylor spoke first. "We will talk again," he said.

In a speech on Friday, Union Leader Mark Davies condemned the "lockout that nobody can justify at all."

Carmen Rojas habló primero. «Hablaremos otra vez», dijo ella.

En un discurso el viernes, la Dirigente Rosa Quispe condenó el «cierre que nadie puede justificar de ningún modo».
"#,
        expect![[r#"
            direct "We will talk again," cue="said" speaker=pronoun "he" -> Sam Taylor
            direct "lockout that nobody can justify at all." cue="condemned" speaker=name "Union Leader Mark Davies" -> Mark Davies
            direct "Hablaremos otra vez" cue="dijo" speaker=pronoun "ella" -> Carmen Rojas
            direct "cierre que nadie puede justificar de ningún modo" speaker=pronoun -> Dirigente Rosa Quispe
        "#]],
    );
}

#[test]
fn a_definite_role_epithet_takes_the_speaker_who_holds_the_role() {
    check(
        r#"
Port strike

Gov. Mark Davies visited the port with Sam Taylor. "We will not go back to work for less money," Taylor said.

"The port will open on Monday," the governor said.

The Republican nominee spoke next. "Nobody will cross the line," the Republican nominee said.

El gobernador Luis García visitó el puerto con Carmen Rojas. «No vamos a pagar más cupos», dijo Rojas.

«El puerto abrirá el lunes», dijo el gobernador.
"#,
        expect![[r#"
            direct "We will not go back to work for less money," cue="said" speaker=name "Taylor" -> Sam Taylor
            direct "The port will open on Monday," cue="said" speaker=description "the governor" -> Mark Davies
            direct "Nobody will cross the line," cue="said" speaker=description "the Republican nominee" -> Mark Davies
            direct "No vamos a pagar más cupos" cue="dijo" speaker=name "Rojas" -> Carmen Rojas
            direct "El puerto abrirá el lunes" cue="dijo" speaker=description "el gobernador" -> Luis García
        "#]],
    );
}

#[test]
fn an_article_before_capitalised_words_is_a_name() {
    check(
        r#"
Port strike

"We will not go back to work for less money," The White House said.

«No vamos a pagar más cupos a nadie», dijo la Casa Blanca.
"#,
        expect![[r#"
            direct "We will not go back to work for less money," cue="said" speaker=name "The White House" -> ?
            direct "No vamos a pagar más cupos a nadie" cue="dijo" speaker=name "la Casa Blanca" -> Casa Blanca
        "#]],
    );
}

#[test]
fn brackets_stay_in_an_appositive_chunk() {
    check(
        r#"
Port strike

"We will not go back to work for less money," Rep. Mark Davies (D-Ore.), a union member, said.

«No vamos a pagar más cupos a nadie», Rosa Quispe (Trujillo), dirigente del mercado, dijo.
"#,
        expect![[r#"
            direct "We will not go back to work for less money," cue="said" speaker=name "Rep. Mark Davies" -> Mark Davies
            direct "No vamos a pagar más cupos a nadie" cue="dijo" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_name_closing_a_phrase_that_cannot_speak_is_the_speaker() {
    check(
        r#"
Port strike

Sam Taylor left early. The timing of the strike doesn't surprise union leader Mark Davies: "We will not go back to work for less money."

Carmen Rojas se fue. Su postura sorprende a la dirigente Rosa Quispe: «No vamos a pagar más cupos a nadie».
"#,
        expect![[r#"
            direct "We will not go back to work for less money." cue=":" speaker=name "Mark Davies" -> Mark Davies
            direct "No vamos a pagar más cupos a nadie" cue=":" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_name_after_an_inverted_cue_is_a_speech_subject() {
    check(
        r#"
Port strike

Sam Taylor left early. That will be true up to a point, said Mark Davies, the union leader. "We will not go back to work for less money," he said.

Sam Taylor spoke first. The union, said Mark Davies's statement, will strike. "We will not go back to work for less money," he said.

Carmen Rojas se fue. Eso será así hasta cierto punto, dijo Luis García, el dirigente. «No vamos a pagar más cupos a nadie», dijo él.
"#,
        expect![[r#"
            direct "We will not go back to work for less money," cue="said" speaker=pronoun "he" -> Mark Davies
            direct "We will not go back to work for less money," cue="said" speaker=pronoun "he" -> Sam Taylor
            direct "No vamos a pagar más cupos a nadie" cue="dijo" speaker=pronoun "él" -> Luis García
        "#]],
    );
}

#[test]
fn sentence_openers_with_short_titles_and_adverbs() {
    check(
        r#"
Port strike

Sam Taylor left early. Political analyst Mark Davies agreed with the union. "We will not go back to work for less money," he said.

Sam Taylor left early. Recently, Mark Davies joined the union. "We will not go back to work for less money," he said.

Carmen Rojas se fue. Pero la analista política Rosa Quispe coincidió con el sindicato. «No vamos a pagar más cupos a nadie», dijo ella.
"#,
        expect![[r#"
            direct "We will not go back to work for less money," cue="said" speaker=pronoun "he" -> Mark Davies
            direct "We will not go back to work for less money," cue="said" speaker=pronoun "he" -> Mark Davies
            direct "No vamos a pagar más cupos a nadie" cue="dijo" speaker=pronoun "ella" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn common_first_names_give_a_pronoun_its_antecedent() {
    check(
        r#"
Port strike

Andy Rivera met Sandra Cole at the port. "We will not go back to work for less money," she said.
"#,
        expect![[r#"
            direct "We will not go back to work for less money," cue="said" speaker=pronoun "she" -> Sandra Cole
        "#]],
    );
    check(
        r#"
Huelga en el puerto

Julio Torres se reunió con Natalia Ruiz en el puerto. «No vamos a pagar más cupos a nadie», dijo ella.
"#,
        expect![[r#"
            direct "No vamos a pagar más cupos a nadie" cue="dijo" speaker=pronoun "ella" -> Natalia Ruiz
        "#]],
    );
}

#[test]
fn occupations_head_an_epithet_for_the_person_given_them() {
    check(
        r#"
Port strike

Sam Taylor chaired the meeting. Columnist Mark Davies wrote about the strike. "Nobody will cross the line," Taylor said.

"The port will stay closed all week," the columnist said.
"#,
        expect![[r#"
            direct "Nobody will cross the line," cue="said" speaker=name "Taylor" -> Sam Taylor
            direct "The port will stay closed all week," cue="said" speaker=description "the columnist" -> Mark Davies
        "#]],
    );
    check(
        r#"
Huelga en el puerto

Carmen Rojas dirigió la reunión. La periodista Rosa Quispe escribió sobre la huelga. «Nadie va a pagar más cupos», dijo Rojas.

«El mercado seguirá cerrado toda la semana», dijo la periodista.
"#,
        expect![[r#"
            direct "Nadie va a pagar más cupos" cue="dijo" speaker=name "Rojas" -> Carmen Rojas
            direct "El mercado seguirá cerrado toda la semana" cue="dijo" speaker=description "la periodista" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_gendered_noun_before_a_name_gives_its_gender() {
    // "Terry" is a man's name in the list; "widow" says otherwise.
    check(
        r#"
Port strike

Dock widow Terry Vance spoke at the gate. Mark Hale listened from the back.

"We will not give up," she said.
"#,
        expect![[r#"
            direct "We will not give up," cue="said" speaker=pronoun "she" -> Terry Vance
        "#]],
    );
}

#[test]
fn a_gendered_noun_before_a_name_gives_its_gender_es() {
    check(
        r#"
Paro portuario

Su viuda, Terry Vance, habló en la puerta. Carlos Mendoza escuchó desde atrás.

«No nos vamos a rendir», dijo ella.
"#,
        expect![[r#"
            direct "No nos vamos a rendir" cue="dijo" speaker=pronoun "ella" -> Terry Vance
        "#]],
    );
}
