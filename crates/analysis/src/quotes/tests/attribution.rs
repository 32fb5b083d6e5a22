//! Tests for attributions read around quotes: long split attributions, sentence-final pronouns,
//! participles after a name, subjects after a cue and links that skip quoted names.

use expect_test::expect;

use super::check;

#[test]
fn a_long_attribution_sentence_splits_one_quote() {
    check(
        r#"
Port strike

"We will stay out until the summer," said Mark Davies, who has led the dockworkers' union since the long strike of the spring of 2009 in the northern port. "Nobody goes back for less."

"We will stay out until the summer," Mark Davies said. "Nobody goes back for less," Ana Ruiz replied.
"#,
        expect![[r#"
            direct "We will stay out until the summer," + "Nobody goes back for less." cue="said" speaker=name "Mark Davies" -> Mark Davies
            direct "We will stay out until the summer," cue="said" speaker=name "Mark Davies" -> Mark Davies
            direct "Nobody goes back for less," cue="replied" speaker=name "Ana Ruiz" -> Ana Ruiz
        "#]],
    );
}

#[test]
fn a_long_attribution_sentence_splits_one_quote_es() {
    check(
        r#"
Paro portuario

“Vamos a seguir en huelga hasta el verano”, dijo Carlos Mendoza, que dirige el sindicato de estibadores desde la larga huelga del puerto del norte en la primavera de 2009. “Nadie vuelve por menos”.
"#,
        expect![[r#"
            direct "Vamos a seguir en huelga hasta el verano" + "Nadie vuelve por menos" cue="dijo" speaker=name "Carlos Mendoza" -> Carlos Mendoza
        "#]],
    );
}

#[test]
fn a_pronoun_closing_the_sentence_credits_a_quote_inside_it() {
    check(
        r#"
Port strike

Mark Davies leads the union. Traffic was "down by half for a month" as shippers waited for the talks, he said.
"#,
        expect![[r#"
            direct "down by half for a month" cue="said" speaker=pronoun "he" -> Mark Davies
        "#]],
    );
}

#[test]
fn a_pronoun_closing_the_sentence_credits_a_quote_inside_it_es() {
    check(
        r#"
Paro portuario

Rosa Quispe dirige el gremio. El tráfico cayó “a la mitad durante un mes” mientras las navieras esperaban, dijo ella.
"#,
        expect![[r#"
            direct "a la mitad durante un mes" cue="dijo" speaker=pronoun "ella" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_person_right_before_a_participle_is_its_subject() {
    check(
        r#"
Port strike

Shippers were angry about the delays, with Sen. Mark Davies calling the talks a "complete disaster."
"#,
        expect![[r#"
            direct "complete disaster." cue="calling" speaker=name "Sen. Mark Davies" -> Mark Davies
        "#]],
    );
}

#[test]
fn a_person_right_before_a_participle_is_its_subject_es() {
    check(
        r#"
Paro portuario

Las navieras protestaron por las demoras, con la senadora Rosa Quispe diciendo que el diálogo es «un desastre completo».
"#,
        expect![[r#"
            direct "un desastre completo" cue="diciendo" speaker=name "Rosa Quispe" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_subject_after_the_cue_must_reach_the_quote() {
    check(
        r#"
Port strike

At least half of shippers in each port say each of the two unions’ demands on the wages are “about right,” though most shippers say the Davies plan is too costly.
"#,
        expect![[r#"
            scare "about right,"
            reported "the Davies plan is too costly" cue="say" speaker=description "most shippers" -> ?
        "#]],
    );
}

#[test]
fn a_subject_after_the_cue_must_reach_the_quote_es() {
    check(
        r#"
Paro portuario

En cada puerto señalaron cada uno de los dos sindicatos en huelga como «demasiado duros», aunque otras navieras dijeron que el plan de Quispe es caro.
"#,
        expect![[r#"
            scare "demasiado duros"
        "#]],
    );
}

#[test]
fn a_document_stands_for_whoever_was_named_outside_quotes() {
    check(
        r#"
Port strike

Mark Davies spoke for the union. "We asked the Harbour Authority for talks," the statement said.
"#,
        expect![[r#"
            direct "We asked the Harbour Authority for talks," cue="said" speaker=description "the statement" -> Mark Davies
        "#]],
    );
}

#[test]
fn a_document_stands_for_whoever_was_named_outside_quotes_es() {
    check(
        r#"
Paro portuario

Rosa Quispe habló por el gremio. “Le pedimos diálogo a la Autoridad Portuaria”, señaló el comunicado.
"#,
        expect![[r#"
            direct "Le pedimos diálogo a la Autoridad Portuaria" cue="señaló" speaker=description "el comunicado" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_closing_single_quote_still_splits_one_quote() {
    check(
        r#"
Port strike

"I told them, 'Not one ship leaves,'" Mark Davies said on Monday. "Nobody goes back for less."
"#,
        expect![[r#"
            direct "I told them, 'Not one ship leaves,'" + "Nobody goes back for less." cue="said" speaker=name "Mark Davies" -> Mark Davies
        "#]],
    );
}

#[test]
fn a_closing_single_quote_still_splits_one_quote_es() {
    check(
        r#"
Paro portuario

“Les dije: ‘Ningún barco sale’”, dijo Rosa Quispe el lunes. “Nadie vuelve por menos”.
"#,
        expect![[r#"
            direct "Les dije: ‘Ningún barco sale’" + "Nadie vuelve por menos" cue="dijo" speaker=name "Rosa Quispe el lunes" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_speech_verb_after_a_determiner_is_a_noun() {
    check(
        r#"
Port strike

Mark Davies dismissed those reports as "pure invention." Ana Ruiz called the company's late-night tweets "an insult."

Later the union leader said the offer was "an insult."
"#,
        expect![[r#"
            direct "pure invention." cue="dismissed" speaker=name "Mark Davies" -> Mark Davies
            direct "an insult." cue="called" speaker=name "Ana Ruiz" -> Ana Ruiz
            direct "an insult." cue="said" speaker=description "the union leader" -> Ana Ruiz
        "#]],
    );
}

#[test]
fn a_speech_verb_after_a_determiner_is_a_noun_es() {
    check(
        r#"
Paro portuario

Rosa Quispe rechazó esas versiones como «pura invención». Luego la dirigente dijo que los mensajes de la empresa eran «un insulto».
"#,
        expect![[r#"
            direct "pura invención" cue="rechazó" speaker=name "Rosa Quispe" -> Rosa Quispe
            direct "un insulto" cue="dijo" speaker=description "la dirigente" -> Rosa Quispe
        "#]],
    );
}

#[test]
fn a_subject_after_the_cue_ends_at_a_clause() {
    check(
        r#"
Port strike

Mark Davies has not called for the minister's resignation because he believes "the talks come first."
"#,
        expect![[r#"
            direct "the talks come first." cue="called" speaker=name "Mark Davies" -> Mark Davies
        "#]],
    );
}

#[test]
fn a_subject_after_the_cue_ends_at_a_clause_es() {
    check(
        r#"
Paro portuario

Rosa Quispe no pidió la renuncia del ministro porque cree que «primero va el diálogo».
"#,
        expect![[r#"
            direct "primero va el diálogo" speaker=pronoun -> Rosa Quispe
        "#]],
    );
}

#[test]
fn present_tense_cues_credit_a_quote() {
    check(
        r#"
Port strike

Ana Ruiz runs toward the gate. "Nobody touches the cranes!" she yells at the guards.

The union cites "unsafe cranes and broken lights" in its letter.
"#,
        expect![[r#"
            direct "Nobody touches the cranes!" cue="yells" speaker=pronoun "she" -> Ana Ruiz
            direct "unsafe cranes and broken lights" cue="cites" speaker=description "The union" -> ?
        "#]],
    );
}

#[test]
fn present_tense_cues_credit_a_quote_es() {
    check(
        r#"
Paro portuario

Los estibadores llegan a la puerta. «¡Nadie toca las grúas!», gritan los estibadores.
"#,
        expect![[r#"
            direct "¡Nadie toca las grúas!" cue="gritan" speaker=description "los estibadores" -> ?
        "#]],
    );
}
