//! Sentence and token tests: inline snapshots for the rules, and generated text for the invariants.

use expect_test::{expect, Expect};
use model::{Language, Span};

use super::{sentences, tokens};

/// Renders the sentences of `input`, read as one block, one per line.
#[track_caller]
fn check(input: &str, expect: Expect) {
    let block = Span::new(0, input.len());
    let rendered: Vec<&str> = sentences(input, block, &Language::Undetermined)
        .into_iter()
        .map(|s| s.slice(input))
        .collect();
    expect.assert_eq(&(rendered.join("\n") + "\n"));
}

/// Renders the tokens of each sentence of `input`, separated by `|`, one sentence per line.
#[track_caller]
fn check_tokens(input: &str, expect: Expect) {
    let block = Span::new(0, input.len());
    let rendered: Vec<String> = sentences(input, block, &Language::Undetermined)
        .into_iter()
        .map(|sentence| {
            tokens(input, sentence).iter().map(|t| t.slice(input)).collect::<Vec<_>>().join("|")
        })
        .collect();
    expect.assert_eq(&(rendered.join("\n") + "\n"));
}

#[test]
fn english_titles_months_and_times() {
    check(
        "Mr. Smith met Dr. Jones at 10 a.m. on Oct. 5. They talked. Mrs. Brown and Gen. Lee joined on Nov. 3, with Col. Ruiz.",
        expect![[r#"
            Mr. Smith met Dr. Jones at 10 a.m. on Oct. 5.
            They talked.
            Mrs. Brown and Gen. Lee joined on Nov. 3, with Col. Ruiz.
        "#]],
    );
    check(
        "The vote is at 5 p.m. The polls close at 8 p.m. local time. Shares of Apple Inc. rose at 9:30 a.m. Monday. Trading was heavy.",
        expect![[r#"
            The vote is at 5 p.m.
            The polls close at 8 p.m. local time.
            Shares of Apple Inc. rose at 9:30 a.m. Monday.
            Trading was heavy.
        "#]],
    );
}

#[test]
fn english_postfix_abbreviations_can_end_sentences() {
    check(
        "Mrs. Brown works for Acme Corp. The firm, based in St. Louis, employs 6,500 people. They sold apples, pears, etc. Then they left. We saw cats, dogs, etc. and more.",
        expect![[r#"
            Mrs. Brown works for Acme Corp.
            The firm, based in St. Louis, employs 6,500 people.
            They sold apples, pears, etc.
            Then they left.
            We saw cats, dogs, etc. and more.
        "#]],
    );
    check(
        "J. R. Smith Jr. scored 1.5 points. No. 5 was retired. He said No. The team won.",
        expect![[r#"
            J. R. Smith Jr. scored 1.5 points.
            No. 5 was retired.
            He said No.
            The team won.
        "#]],
    );
}

#[test]
fn english_acronyms() {
    check(
        "LOUISVILLE, Ky. — The U.S. Army said U.N. monitors arrived. They flew in from the U.K. The mission, run by Acme Inc., ended. It cost $1.2 million. WASHINGTON, D.C. — Talks resumed.",
        expect![[r#"
            LOUISVILLE, Ky. — The U.S. Army said U.N. monitors arrived.
            They flew in from the U.K.
            The mission, run by Acme Inc., ended.
            It cost $1.2 million.
            WASHINGTON, D.C. — Talks resumed.
        "#]],
    );
}

#[test]
fn english_quotes() {
    check(
        r#""We will not give up. We will fight," he said. Then he left. "It ended." He walked away."#,
        expect![[r#"
            "We will not give up.
            We will fight," he said.
            Then he left.
            "It ended."
            He walked away.
        "#]],
    );
    check(
        "“Is it over?” she asked. “Yes!” he said. ‘Barely.’ It was close… The end... and yet?! No.",
        expect![[r#"
            “Is it over?” she asked.
            “Yes!” he said.
            ‘Barely.’
            It was close…
            The end... and yet?!
            No.
        "#]],
    );
    check(
        "He paused... and then spoke (briefly.) Wait… what? It's 'fine.' Really.",
        expect![[r#"
            He paused... and then spoke (briefly.)
            Wait… what?
            It's 'fine.'
            Really.
        "#]],
    );
}

#[test]
fn spanish_titles_and_acronyms() {
    check(
        "El Sr. Pérez y la Sra. López llegaron. La Dra. Ruiz y el Lic. Gómez no. El Gral. Martínez y el Ing. Rojas viajaron a EE.UU. El viaje duró tres días.",
        expect![[r#"
            El Sr. Pérez y la Sra. López llegaron.
            La Dra. Ruiz y el Lic. Gómez no.
            El Gral. Martínez y el Ing. Rojas viajaron a EE.UU.
            El viaje duró tres días.
        "#]],
    );
    check(
        "Las relaciones con EE.UU. mejoraron. El Col. Díaz habló en la Av. Arequipa. No hubo acuerdo. El escritor J. L. Borges nació en 1899.",
        expect![[r#"
            Las relaciones con EE.UU. mejoraron.
            El Col. Díaz habló en la Av. Arequipa.
            No hubo acuerdo.
            El escritor J. L. Borges nació en 1899.
        "#]],
    );
}

#[test]
fn spanish_numbers_dates_and_etc() {
    check(
        "La cifra subió a 6.500 personas, un 1,5 % más. El accidente ocurrió a las 3 a.m. del martes. Se vendían frutas, verduras, etc. El mercado cerró el 5 de nov. de 2023. Cayó al mar. Luego, nada.",
        expect![[r#"
            La cifra subió a 6.500 personas, un 1,5 % más.
            El accidente ocurrió a las 3 a.m. del martes.
            Se vendían frutas, verduras, etc.
            El mercado cerró el 5 de nov. de 2023.
            Cayó al mar.
            Luego, nada.
        "#]],
    );
}

#[test]
fn spanish_questions_exclamations_and_quotes() {
    check(
        "¿Qué pasó? Nadie lo sabe. ¡Basta! gritaron los vecinos. ¿Vendrás? ¿Cuándo? «No nos rendiremos. Vamos a luchar», dijo el alcalde. \"Se acabó.\" Así terminó.",
        expect![[r#"
            ¿Qué pasó?
            Nadie lo sabe.
            ¡Basta! gritaron los vecinos.
            ¿Vendrás?
            ¿Cuándo?
            «No nos rendiremos.
            Vamos a luchar», dijo el alcalde.
            "Se acabó."
            Así terminó.
        "#]],
    );
    check(
        "“¿Vendrás?”, preguntó. Dijo: “Sí”. Luego se fue… y volvió. Fin",
        expect![[r#"
            “¿Vendrás?”, preguntó.
            Dijo: “Sí”.
            Luego se fue… y volvió.
            Fin
        "#]],
    );
}

#[test]
fn sentences_stay_inside_their_block() {
    let text = "First block. Two.\n\nSecond block without end\n\nThird.";
    let block = Span::new(19, 43);
    let found: Vec<&str> =
        sentences(text, block, &Language::English).into_iter().map(|s| s.slice(text)).collect();
    assert_eq!(found, ["Second block without end"]);
}

#[test]
fn token_rules() {
    check_tokens(
        r#"Col. Pérez dijo: "Se vendieron 6,500 mototaxis (1,5 %) en EE.UU. y 6.500 en Perú." No. 5 cayó."#,
        expect![[r#"
            Col.|Pérez|dijo|:|"|Se|vendieron|6,500|mototaxis|(|1,5|%|)|en|EE.UU.|y|6.500|en|Perú|.|"
            No.|5|cayó|.
        "#]],
    );
    check_tokens(
        "The U.S. motorcycle-taxi fleet grew 60% to 1.5 million at 9:30 a.m., O’Malley’s aide said; we don't know—yet. I'll see, y'all... It's COVID-19 vs. flu, etc.",
        expect![[r#"
            The|U.S.|motorcycle-taxi|fleet|grew|60|%|to|1.5|million|at|9:30|a.m.|,|O’Malley|’s|aide|said|;|we|do|n't|know|—|yet|.
            I|'ll|see|,|y'all|...
            It|'s|COVID-19|vs.|flu|,|etc.
        "#]],
    );
    check_tokens(
        "J. R. Smith -- the “ex-mayor” -- took vitamin C. ¿Qué? ¡Ya! «Bien», dijo l'avi.",
        expect![[r#"
            J.|R.|Smith|--|the|“|ex-mayor|”|--|took|vitamin|C|.
            ¿|Qué|?
            ¡|Ya|!
            «|Bien|»|,|dijo|l'avi|.
        "#]],
    );
}

/// A small xorshift generator, so the generated cases are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const PIECES: &[&str] = &[
    "word",
    "Word",
    "él",
    "Ñandú",
    "6,500",
    "1.5",
    "60%",
    "U.S.",
    "EE.UU.",
    "Col.",
    "Dr.",
    "etc.",
    "a.m.",
    "No.",
    "Oct.",
    "J.",
    ".",
    "...",
    "…",
    "?",
    "!",
    "¿",
    "¡",
    "\"",
    "“",
    "”",
    "«",
    "»",
    "‘",
    "’",
    "'",
    "(",
    ")",
    "-",
    "—",
    ",",
    ";",
    ":",
    "don't",
    "O'Malley's",
    "moto-taxi",
    "日本",
    "🙂",
    "x.y",
    ".5",
    "9:30",
];
const SPACES: &[&str] = &[" ", " ", " ", "", "  ", "\n", "\t", "\u{a0}"];

#[test]
fn generated_text_keeps_spans_ordered_inside_and_covering() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let mut text = String::from(rng.pick(&["", "Pre. ", "x\n\n"]));
        let block_start = text.len();
        for _ in 0..rng.next() % 40 {
            text.push_str(rng.pick(PIECES));
            text.push_str(rng.pick(SPACES));
        }
        let block = Span::new(block_start, text.len());
        text.push_str(rng.pick(&["", " Post.", "\n\nNext block."]));
        check_invariants(&text, block);
    }
}

fn check_invariants(text: &str, block: Span) {
    let found = sentences(text, block, &Language::Spanish);
    let mut covered = block.start;
    for sentence in &found {
        let slice = sentence.slice(text);
        assert!(sentence.start >= covered && sentence.end <= block.end, "{sentence:?} in {text:?}");
        assert!(!slice.is_empty() && slice.trim() == slice, "untrimmed {slice:?} in {text:?}");
        assert!(
            text[covered..sentence.start].trim().is_empty(),
            "gap before {slice:?} in {text:?}"
        );
        covered = sentence.end;
        let mut token_end = sentence.start;
        for token in tokens(text, *sentence) {
            let piece = token.slice(text);
            assert!(
                token.start >= token_end && token.end <= sentence.end,
                "{token:?} in {slice:?}"
            );
            assert!(!piece.is_empty() && piece.trim() == piece, "token {piece:?} in {slice:?}");
            assert!(
                text[token_end..token.start].trim().is_empty(),
                "token gap before {piece:?} in {slice:?}"
            );
            token_end = token.end;
        }
        assert!(
            text[token_end..sentence.end].trim().is_empty(),
            "tokens miss the end of {slice:?}"
        );
    }
    assert!(text[covered..block.end].trim().is_empty(), "sentences miss the end of {text:?}");
}
