//! Tests for dates: every form in both languages, the anchor rules and what is not taken.

use chrono::NaiveDate;
use expect_test::{expect, Expect};
use model::{Article, Language, Published};

use super::{find, scan};
use crate::{
    ingest::{self, IngestConfig, SourceMeta},
    testing,
};

/// Reads an article from plain text, with every block set to `language`.
fn read_article(text: &str, language: Language, published: Option<NaiveDate>) -> Article {
    let mut article = testing::article("test", text, None);
    article.published = published.map(Published::Date);
    testing::set_language(&mut article, &language);
    article
}

/// The fixture's first line is `<publication date or "none"> <language code>`; the rest is the
/// article (headline, blank line, paragraphs). Renders one line per mention: the expression,
/// its interval, precision, kind and an `inferred` mark. Every span must fall inside a headline
/// or body block, on character boundaries, and the mentions must be in order without overlap.
#[track_caller]
fn check(fixture: &str, expect: Expect) {
    let fixture = fixture.trim();
    let (first, text) = fixture.split_once('\n').expect("a header line");
    let (date, code) = first.split_once(' ').expect("date and language");
    let published = (date != "none").then(|| date.parse::<NaiveDate>().expect("an ISO date"));
    let article = read_article(text.trim(), Language::from_tag(code), published);
    let mentions = find(&article);
    let mut out = String::new();
    let mut last_end = 0;
    for m in &mentions {
        assert!(m.span.start >= last_end, "mentions overlap or are out of order");
        last_end = m.span.end;
        assert!(
            article.extraction_blocks().any(|b| b.span.contains(m.span)),
            "span {:?} is outside the headline and body",
            m.span
        );
        assert!(m.start <= m.end);
        out += &format!(
            "{:?} {}..{} {} {}{}\n",
            article.slice(m.span),
            m.start,
            m.end,
            m.precision.as_str(),
            m.kind.as_str(),
            if m.inferred { " inferred" } else { "" }
        );
    }
    expect.assert_eq(&out);
}

#[test]
fn explicit_and_partial_days_in_english() {
    check(
        r#"
2023-11-08 en
Police raid on Oct. 31 ends in four arrests

Police arrested four men on November 7 in Lima. The raid followed a complaint filed Nov. 7, 2023, and a hearing set for 31 October 2023. A first operation took place October 31.

A trial is expected on Dec. 5, and the earlier case dates from Dec. 20.
"#,
        expect![[r#"
            "on Oct. 31" 2023-10-31..2023-10-31 day partial
            "on November 7" 2023-11-07..2023-11-07 day partial
            "Nov. 7, 2023" 2023-11-07..2023-11-07 day explicit
            "31 October 2023" 2023-10-31..2023-10-31 day explicit
            "October 31" 2023-10-31..2023-10-31 day partial
            "on Dec. 5" 2023-12-05..2023-12-05 day partial
            "Dec. 20" 2022-12-20..2022-12-20 day partial
        "#]],
    );
}

#[test]
fn explicit_and_partial_days_in_spanish() {
    check(
        r#"
2023-11-08 es
Capturan a cuatro extorsionadores el 31 de octubre

La policía detuvo a los sospechosos el martes 7 de noviembre en San Juan de Lurigancho. La denuncia se presentó el 31 de octubre de 2023 y el 7 de noviembre pasado se dictó prisión preventiva.

El operativo anterior fue el pasado 2 de septiembre, y la audiencia será el 1º de diciembre. Otro caso data del 28 de diciembre del año pasado.
"#,
        expect![[r#"
            "el 31 de octubre" 2023-10-31..2023-10-31 day partial
            "el martes 7 de noviembre" 2023-11-07..2023-11-07 day partial
            "el 31 de octubre de 2023" 2023-10-31..2023-10-31 day explicit
            "el 7 de noviembre pasado" 2023-11-07..2023-11-07 day partial
            "el pasado 2 de septiembre" 2023-09-02..2023-09-02 day partial
            "el 1º de diciembre" 2023-12-01..2023-12-01 day partial
            "del 28 de diciembre del año pasado" 2022-12-28..2022-12-28 day partial
        "#]],
    );
}

#[test]
fn numeric_dates() {
    check(
        r#"
2023-11-08 es
Resolución fechada el 31/10/2023

El fiscal firmó el documento el 05/11/2023 y lo registró el 2023-10-31. Otra copia lleva la fecha 31-10-2023 y otra 1.11.2023.
"#,
        expect![[r#"
            "el 31/10/2023" 2023-10-31..2023-10-31 day explicit
            "el 05/11/2023" 2023-11-05..2023-11-05 day explicit
            "el 2023-10-31" 2023-10-31..2023-10-31 day explicit
            "31-10-2023" 2023-10-31..2023-10-31 day explicit
            "1.11.2023" 2023-11-01..2023-11-01 day explicit
        "#]],
    );
    // In English the day comes first only when the first number cannot be a month.
    check(
        r#"
2023-11-08 en
Court papers dated 31/10/2023

The order signed 11/05/2023 was filed on 2023-10-31. The price was 6.500.000 soles and 1/2 of it was paid.
"#,
        expect![[r#"
            "31/10/2023" 2023-10-31..2023-10-31 day explicit
            "11/05/2023" 2023-11-05..2023-11-05 day explicit
            "on 2023-10-31" 2023-10-31..2023-10-31 day explicit
        "#]],
    );
}

#[test]
fn months_and_years_in_english() {
    check(
        r#"
2023-11-08 en
Extortion complaints rose in September

Complaints rose in September 2023 after a quiet August. In 2022 there were fewer. Police said last month was the worst, and this year has seen more killings than last year. A year earlier, the figures were lower.

Officers may return in May, and the strike planned for December may not happen.
"#,
        expect![[r#"
            "in September" 2023-09-01..2023-09-30 month partial
            "in September 2023" 2023-09-01..2023-09-30 month explicit
            "August" 2023-08-01..2023-08-31 month partial
            "In 2022" 2022-01-01..2022-12-31 year explicit
            "last month" 2023-10-01..2023-10-31 month relative
            "this year" 2023-01-01..2023-12-31 year relative
            "last year" 2022-01-01..2022-12-31 year relative
            "A year earlier" 2021-01-01..2021-12-31 year relative
            "in May" 2023-05-01..2023-05-31 month partial
            "December" 2023-12-01..2023-12-31 month partial
        "#]],
    );
}

#[test]
fn months_and_years_in_spanish() {
    check(
        r#"
2023-11-08 es
Denuncias por extorsión crecen en septiembre

Las denuncias subieron en septiembre de 2023. En 2022 hubo menos, y en el 2021 aún menos. El mes pasado fue el peor y este año ya supera al año pasado. Un año antes, las cifras eran menores.

A principios de mayo hubo un paro y el pasado mes de octubre otro.
"#,
        expect![[r#"
            "en septiembre" 2023-09-01..2023-09-30 month partial
            "en septiembre de 2023" 2023-09-01..2023-09-30 month explicit
            "En 2022" 2022-01-01..2022-12-31 year explicit
            "en el 2021" 2021-01-01..2021-12-31 year explicit
            "El mes pasado" 2023-10-01..2023-10-31 month relative
            "este año" 2023-01-01..2023-12-31 year relative
            "al año pasado" 2022-01-01..2022-12-31 year relative
            "Un año antes" 2021-01-01..2021-12-31 year relative
            "principios de mayo" 2023-05-01..2023-05-31 month partial
            "el pasado mes de octubre" 2023-10-01..2023-10-31 month partial
        "#]],
    );
}

#[test]
fn relative_days_in_english() {
    // 2023-11-08 is a Wednesday.
    check(
        r#"
2023-11-08 en
Gunmen kill driver yesterday

Police said today that the driver was shot last night. Officers arrived on Tuesday and again Monday. The gang struck last week, over the weekend and this week.

Witnesses spoke on Wednesday, and last Wednesday too. The union meets next Friday and on Tuesday, Nov. 7, it met the minister.
"#,
        expect![[r#"
            "yesterday" 2023-11-07..2023-11-07 day relative
            "today" 2023-11-08..2023-11-08 day relative
            "last night" 2023-11-07..2023-11-07 day relative
            "on Tuesday" 2023-11-07..2023-11-07 day relative
            "Monday" 2023-11-06..2023-11-06 day relative
            "last week" 2023-10-30..2023-11-05 week relative
            "the weekend" 2023-11-04..2023-11-05 week relative
            "this week" 2023-11-06..2023-11-12 week relative
            "on Wednesday" 2023-11-08..2023-11-08 day relative
            "last Wednesday" 2023-11-01..2023-11-01 day relative
            "next Friday" 2023-11-10..2023-11-10 day relative
            "on Tuesday, Nov. 7" 2023-11-07..2023-11-07 day partial
        "#]],
    );
}

#[test]
fn relative_days_in_spanish() {
    check(
        r#"
2023-11-08 es
Asesinan a chofer ayer en Comas

La policía informó hoy en Lima que el chofer fue atacado anoche. Los agentes llegaron el martes y volvieron el lunes pasado. La banda atacó la semana pasada, el fin de semana y esta semana.

Los testigos declararon este miércoles, y hoy en día el miedo sigue. El sindicato se reunirá el próximo viernes.
"#,
        expect![[r#"
            "ayer" 2023-11-07..2023-11-07 day relative
            "hoy" 2023-11-08..2023-11-08 day relative
            "anoche" 2023-11-07..2023-11-07 day relative
            "el martes" 2023-11-07..2023-11-07 day relative
            "el lunes pasado" 2023-11-06..2023-11-06 day relative
            "la semana pasada" 2023-10-30..2023-11-05 week relative
            "el fin de semana" 2023-11-04..2023-11-05 week relative
            "esta semana" 2023-11-06..2023-11-12 week relative
            "este miércoles" 2023-11-08..2023-11-08 day relative
            "el próximo viernes" 2023-11-10..2023-11-10 day relative
        "#]],
    );
}

#[test]
fn counted_from_an_earlier_date_in_english() {
    check(
        r#"
2023-11-08 en
Two killed in Callao

The first attack was on Oct. 2. One day after, a second driver was shot. Two days later police made arrests. Nearly a week later the gang struck again, and the next day the mayor spoke.

The suspects were held for two days before a judge freed them. Three weeks ago a strike began.
"#,
        expect![[r#"
            "on Oct. 2" 2023-10-02..2023-10-02 day partial
            "One day after" 2023-10-03..2023-10-03 day relative
            "Two days later" 2023-10-05..2023-10-05 day relative
            "Nearly a week later" 2023-10-09..2023-10-12 week relative
            "the next day" 2023-10-10..2023-10-13 week relative
            "Three weeks ago" 2023-10-18..2023-10-18 day relative
        "#]],
    );
}

#[test]
fn counted_from_an_earlier_date_in_spanish() {
    check(
        r#"
2023-11-08 es
Dos muertos en el Callao

El primer ataque fue el 2 de octubre. Un día después mataron a otro chofer. Al día siguiente hubo capturas y una semana después la banda volvió a atacar. Casi una semana después habló el alcalde.

Hace tres días se inició un paro y el día anterior hubo una marcha.
"#,
        expect![[r#"
            "el 2 de octubre" 2023-10-02..2023-10-02 day partial
            "Un día después" 2023-10-03..2023-10-03 day relative
            "Al día siguiente" 2023-10-04..2023-10-04 day relative
            "una semana después" 2023-10-11..2023-10-11 day relative
            "Casi una semana después" 2023-10-15..2023-10-18 week relative
            "Hace tres días" 2023-11-05..2023-11-05 day relative
            "el día anterior" 2023-11-04..2023-11-04 day relative
        "#]],
    );
}

#[test]
fn counts_from_the_date_that_follows() {
    check(
        r#"
2023-11-08 en
Drivers strike again

Police made arrests on Nov. 2. A week after the Oct. 31 riots, the union called a strike. The mayor spoke the day after.
"#,
        expect![[r#"
            "on Nov. 2" 2023-11-02..2023-11-02 day partial
            "A week after" 2023-11-07..2023-11-07 day relative
            "the Oct. 31" 2023-10-31..2023-10-31 day partial
            "the day after" 2023-11-01..2023-11-01 day relative
        "#]],
    );
    check(
        r#"
2023-11-08 es
Transportistas vuelven al paro

La policía hizo capturas el 2 de noviembre. La amenaza llegó una semana después de las protestas del 31 de octubre. Dos días antes hubo otra.
"#,
        expect![[r#"
            "el 2 de noviembre" 2023-11-02..2023-11-02 day partial
            "una semana después" 2023-11-07..2023-11-07 day relative
            "del 31 de octubre" 2023-10-31..2023-10-31 day partial
            "Dos días antes" 2023-10-29..2023-10-29 day relative
        "#]],
    );
}

#[test]
fn introducers_and_modifiers() {
    check(
        r#"
2023-11-08 en
She checked in today

She checked in on Tuesday, did well in Monday's vote and went back in last week. Hearings resume in the first quarter and again next March.
"#,
        expect![[r#"
            "today" 2023-11-08..2023-11-08 day relative
            "on Tuesday" 2023-11-07..2023-11-07 day relative
            "Monday" 2023-11-06..2023-11-06 day relative
            "last week" 2023-10-30..2023-11-05 week relative
            "in the first quarter" 2023-01-01..2023-03-31 month partial
            "next March" 2024-03-01..2024-03-31 month partial
        "#]],
    );
    check(
        r#"
2023-11-08 es
La norma rige a partir del 1 de enero de 2024

La audiencia será el 13 de diciembre próximo y el juicio en enero próximo. El ataque fue el viernes último, durante el fin de semana hubo otro y en septiembre pasado, un tercero.
"#,
        expect![[r#"
            "a partir del 1 de enero de 2024" 2024-01-01..2024-01-01 day partial
            "el 13 de diciembre próximo" 2023-12-13..2023-12-13 day partial
            "en enero próximo" 2024-01-01..2024-01-31 month partial
            "el viernes último" 2023-11-03..2023-11-03 day relative
            "el fin de semana" 2023-11-04..2023-11-05 week relative
            "en septiembre pasado" 2023-09-01..2023-09-30 month partial
        "#]],
    );
}

#[test]
fn ranges_and_periods_in_english() {
    check(
        r#"
2023-11-08 en
Killings up in the first eight months of 2023

Data for January–August 2023 show a rise. Between January and August, 1,200 complaints were filed, against 900 in the same period in 2022. From March to May 2021 it was calmer. Spending in fiscal year 2023 grew, as it has since 2019.

Between 2019 and 2022 the rate doubled; the 2015-2018 figures are lower.
"#,
        expect![[r#"
            "in the first eight months of 2023" 2023-01-01..2023-08-31 month explicit
            "January–August 2023" 2023-01-01..2023-08-31 month explicit
            "Between January and August" 2023-01-01..2023-08-31 month partial
            "in the same period in 2022" 2022-01-01..2022-08-31 month relative
            "From March to May 2021" 2021-03-01..2021-05-31 month explicit
            "in fiscal year 2023" 2023-01-01..2023-12-31 year explicit
            "since 2019" 2019-01-01..2023-11-08 year partial
            "Between 2019 and 2022" 2019-01-01..2022-12-31 year explicit
            "the 2015-2018" 2015-01-01..2018-12-31 year explicit
        "#]],
    );
}

#[test]
fn ranges_and_periods_in_spanish() {
    check(
        r#"
2023-11-08 es
Homicidios suben en los primeros ocho meses de 2023

Entre enero y agosto se registraron 1.200 denuncias, frente a 900 en el mismo periodo de 2022. De enero a agosto de 2023 los casos crecieron, y desde 2019 la tendencia es al alza.

En el primer semestre del año hubo menos casos que en el mismo período del año pasado. Desde enero hasta marzo hubo tres paros. En el año fiscal 2023 el gasto creció.
"#,
        expect![[r#"
            "en los primeros ocho meses de 2023" 2023-01-01..2023-08-31 month explicit
            "Entre enero y agosto" 2023-01-01..2023-08-31 month partial
            "en el mismo periodo de 2022" 2022-01-01..2022-08-31 month relative
            "De enero a agosto de 2023" 2023-01-01..2023-08-31 month explicit
            "desde 2019" 2019-01-01..2023-11-08 year partial
            "En el primer semestre del año" 2023-01-01..2023-06-30 month partial
            "en el mismo período del año pasado" 2022-01-01..2022-06-30 month relative
            "Desde enero hasta marzo" 2023-01-01..2023-03-31 month partial
            "En el año fiscal 2023" 2023-01-01..2023-12-31 year explicit
        "#]],
    );
}

#[test]
fn not_taken() {
    check(
        r#"
2023-11-08 en
A 41-year-old man is shot at 9:30 a.m.

The 41-year-old driver may have known his killers, police said. They seized 2023 rounds and 12 rifles. June Carter and March organisers spoke. The 20 suspects may face 10 years in prison.

All 12 may appeal in the first three months of the new term, the app version 2.10.12 shows.
"#,
        expect![[r#""#]],
    );
    check(
        r#"
2023-11-08 es
Un hombre de 41 años es asesinado a las 9:30

La víctima vivía en la Av. 28 de Julio, cerca del mar, bajo el sol. Domingo Pérez y Abril Quispe declararon. Hoy en día hay 2023 denuncias y 15 detenidos.
"#,
        expect![[r#""#]],
    );
}

#[test]
fn anchor_inferred_from_written_years() {
    check(
        r#"
none en
Police report on the first eight months of 2023

Killings rose in 2022 and again in 2023. On Oct. 31 police raided a house, and the next day four men were charged. Last week the union marched.
"#,
        expect![[r#"
            "on the first eight months of 2023" 2023-01-01..2023-08-31 month explicit
            "in 2022" 2022-01-01..2022-12-31 year explicit
            "in 2023" 2023-01-01..2023-12-31 year explicit
            "On Oct. 31" 2023-10-31..2023-10-31 day partial inferred
            "the next day" 2023-11-01..2023-11-01 day relative inferred
            "Last week" 2023-12-18..2023-12-24 week relative inferred
        "#]],
    );
}

#[test]
fn inferred_anchor_prefers_a_day_in_the_latest_year() {
    // 9 December 2008 was a Tuesday: "On Friday" is the Friday before it.
    check(
        r#"
none en
Actress checks into rehab

The clinic opened in 2008. She checked in on Tuesday, December 9, 2008. On Friday she had left, and in 1999 she was a star.
"#,
        expect![[r#"
            "in 2008" 2008-01-01..2008-12-31 year explicit
            "on Tuesday, December 9, 2008" 2008-12-09..2008-12-09 day explicit
            "On Friday" 2008-12-05..2008-12-05 day relative inferred
            "in 1999" 1999-01-01..1999-12-31 year explicit
        "#]],
    );
}

#[test]
fn odd_punctuation_is_harmless() {
    check(
        r#"
2023-11-08 es
- / – -- 12/ /2023 2023- FY 31 de

-- el - de / 2023/10/ 31/13/2023 13/31/2023 0/0/0 99-99-2023 2023-13-40 de enero a a partir de 30 de febrero de 2023.
"#,
        expect![[r#"
            "enero" 2023-01-01..2023-01-31 month partial
        "#]],
    );
}

#[test]
fn nothing_resolved_without_any_year() {
    check(
        r#"
none es
Capturan a banda el martes

La policía detuvo ayer a cuatro hombres. El 31 de octubre hubo otro ataque y al día siguiente un paro.
"#,
        expect![[r#""#]],
    );
}

#[test]
fn captions_are_not_read() {
    let html = r#"<!doctype html><html lang="en"><head><title>Police arrest four in Lima</title>
        <meta property="article:published_time" content="2023-11-08"></head><body><article>
        <h1>Police arrest four in Lima</h1>
        <figure><img src="a.jpg"><figcaption>Police outside the station on Oct. 30.</figcaption></figure>
        <p>Police in Lima arrested four men on Tuesday after a month-long investigation into extortion of bus companies, prosecutors said in a statement released late in the evening.</p>
        <p>The men are accused of demanding weekly payments from drivers on three routes in the north of the city, and of burning a bus whose owner refused to pay them.</p>
        </article></body></html>"#;
    let read =
        ingest::read(html.as_bytes(), &SourceMeta::new("page.html"), &IngestConfig::default());
    let (article, _) = ingest::finish(read.drafts.into_iter().next().expect("one draft"));
    let mut out = String::new();
    for block in &article.blocks {
        out += &format!("[{}] {}\n", block.kind.as_str(), article.slice(block.span));
    }
    for m in find(&article) {
        out += &format!("{:?} {}..{}\n", article.slice(m.span), m.start, m.end);
    }
    expect![[r#"
        [headline] Police arrest four in Lima
        [caption] Police outside the station on Oct. 30.
        [body] Police in Lima arrested four men on Tuesday after a month-long investigation into extortion of bus companies, prosecutors said in a statement released late in the evening.
        [body] The men are accused of demanding weekly payments from drivers on three routes in the north of the city, and of burning a bus whose owner refused to pay them.
        "on Tuesday" 2023-11-07..2023-11-07
    "#]]
    .assert_eq(&out);
}

#[test]
fn the_scan_is_linear() {
    // Many dates and many near-misses ("de", "el", numbers, month-like words) in one long text:
    // the scan must look at each token a bounded number of times.
    let paragraph =
        "El 7 de noviembre de 2023, entre enero y agosto, la policía de Lima detuvo a 12 \
        personas de 41 años en el mismo periodo de 2022; al día siguiente, desde el martes, hubo \
        casi una semana de paro de transporte en mayo y el mar de fondo siguió.";
    let mut text = String::from("Informe de la policía\n\n");
    for n in 0..2000 {
        text += &format!("En el caso {n}, {paragraph}");
        text += "\n\n";
    }
    let date = NaiveDate::from_ymd_opt(2023, 11, 8);
    let article = read_article(&text, Language::Spanish, date);
    let mut raws = Vec::new();
    let lookups = scan(&article, &mut raws);
    let tokens = article.tokens.len();
    assert_eq!(find(&article).len(), 2000 * 6);
    assert!(lookups < 60 * tokens, "{lookups} look-ups for {tokens} tokens");
    let one =
        read_article(&format!("Informe\n\nEn el caso 1, {paragraph}"), Language::Spanish, date);
    let mut few = Vec::new();
    let per_paragraph = scan(&one, &mut few) as f64 / one.tokens.len() as f64;
    let per_token = lookups as f64 / tokens as f64;
    assert!(
        (per_token - per_paragraph).abs() < 1.0,
        "{per_token} vs {per_paragraph} look-ups a token"
    );
}
