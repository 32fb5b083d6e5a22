//! Quantity tests: one fixture per form, in both languages, with the traps next to them.

use chrono::NaiveDate;
use expect_test::{expect, Expect};
use model::{Language, Span};

use super::find;
use crate::dates::{DateKind, DateMention, Precision};
use crate::testing;

/// Reads `fixture`: a first line `//- es` or `//- en` giving the language, the article text
/// (headline, blank line, paragraphs), and optionally a `--` line followed by `date: …` and
/// `place: …` lines naming substrings of the text (the first occurrence, or the nth with a `#n`
/// suffix) to pass as date and place mentions. Renders one line per quantity; checks that every span reads back inside the
/// headline or body.
#[track_caller]
fn check(fixture: &str, expect: Expect) {
    let fixture = fixture.trim_start();
    let (lang, rest) = fixture.split_once('\n').expect("a language line");
    let language = match lang.trim() {
        "//- es" => Language::Spanish,
        "//- en" => Language::English,
        other => panic!("unknown language line {other:?}"),
    };
    let (text, mentions) = rest.split_once("\n--\n").unwrap_or((rest, ""));
    let mut article = testing::article("t", text, None);
    testing::set_language(&mut article, &language);
    // "Lima#2" is the second "Lima" of the text.
    let locate = |needle: &str| {
        let (needle, nth) = match needle.rsplit_once('#') {
            Some((needle, nth)) => (needle, nth.parse::<usize>().expect("an occurrence number")),
            None => (needle, 1),
        };
        let (start, _) = article
            .text
            .match_indices(needle)
            .nth(nth - 1)
            .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"));
        Span::new(start, start + needle.len())
    };
    let day = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let mut dates = Vec::new();
    let mut places = Vec::new();
    for line in mentions.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if let Some(date) = line.strip_prefix("date: ") {
            dates.push(DateMention {
                span: locate(date),
                start: day,
                end: day,
                precision: Precision::Month,
                kind: DateKind::Explicit,
                inferred: false,
            });
        } else if let Some(place) = line.strip_prefix("place: ") {
            places.push(locate(place));
        } else {
            panic!("unknown mention line {line:?}");
        }
    }
    dates.sort_by_key(|d| d.span);
    places.sort();
    let quantities = find(&article, &dates, &places);
    let readable: Vec<Span> = article.extraction_blocks().map(|b| b.span).collect();
    let mut out = String::new();
    for q in &quantities {
        for span in [Some(q.span), q.counted, q.place].into_iter().flatten() {
            assert!(readable.iter().any(|b| b.contains(span)), "{span:?} is outside the text read");
            assert!(article.text.get(span.start..span.end).is_some(), "{span:?} splits a char");
        }
        let quoted = |span: Option<Span>| {
            span.map_or("-".to_string(), |s| format!("{:?}", article.slice(s)))
        };
        out += &format!(
            "{:?} {} {} hedge={} kind={} counted={} period={} place={}\n",
            article.slice(q.span),
            q.value,
            q.unit.as_str(),
            q.hedge.map_or("-", |h| h.as_str()),
            q.kind.as_str(),
            quoted(q.counted),
            quoted(q.period.map(|i| dates[i].span)),
            quoted(q.place),
        );
    }
    expect.assert_eq(&out);
}

#[test]
fn english_digits_and_separators() {
    check(
        r#"
//- en
Police log 6,500 extortion cases

Officers recorded 6,500 reported extortion cases in the first eight months of 2023. The rate was 1.5 per shop and 2,000,000 people live there. A survey found 6.500 points.
--
date: the first eight months of 2023
"#,
        expect![[r#"
            "6,500" 6500 count hedge=- kind=level counted="extortion cases" period=- place=-
            "6,500" 6500 count hedge=- kind=level counted="reported extortion cases" period="the first eight months of 2023" place=-
            "1.5" 1.5 count hedge=- kind=level counted=- period=- place=-
            "2,000,000" 2000000 count hedge=- kind=level counted="people" period=- place=-
            "6.500" 6.5 count hedge=- kind=level counted="points" period=- place=-
        "#]],
    );
}

#[test]
fn spanish_digits_and_separators() {
    check(
        r#"
//- es
Más de 6.500 denuncias por extorsión

La policía registró más de 6.500 denuncias por extorsión entre enero y agosto de 2023. La tasa fue de 1,5 por tienda. Otros 6,500 casos y 1.234,5 kilos.
--
date: entre enero y agosto de 2023
"#,
        expect![[r#"
            "Más de 6.500" 6500 count hedge=more_than kind=level counted="denuncias por extorsión" period=- place=-
            "más de 6.500" 6500 count hedge=more_than kind=level counted="denuncias por extorsión" period="entre enero y agosto de 2023" place=-
            "1,5" 1.5 count hedge=- kind=level counted=- period=- place=-
            "6,500" 6500 count hedge=- kind=level counted="casos" period=- place=-
            "1.234,5" 1234.5 count hedge=- kind=level counted="kilos" period=- place=-
        "#]],
    );
}

#[test]
fn scales() {
    check(
        r#"
//- en
Peru hosts 1.5 million Venezuelans

Peru is home to more than 1.5 million Venezuelans. The state spent $2 billion and US$ 2 million on it. Some two hundred and fifty officers came.
"#,
        expect![[r#"
            "1.5 million" 1500000 count hedge=- kind=level counted="Venezuelans" period=- place=-
            "more than 1.5 million" 1500000 count hedge=more_than kind=level counted="Venezuelans" period=- place=-
            "$2 billion" 2000000000 USD hedge=- kind=level counted=- period=- place=-
            "US$ 2 million" 2000000 USD hedge=- kind=level counted=- period=- place=-
            "Some two hundred and fifty" 250 count hedge=about kind=level counted="officers" period=- place=-
        "#]],
    );
    check(
        r#"
//- es
El país acoge a 1,5 millones de venezolanos

El país acoge a 1,5 millones de venezolanos. El Estado gastó 2.000 millones de soles, mil millones de dólares y un billón de pesos. Hubo 20 mil detenidos y un millón de afectados.
"#,
        expect![[r#"
            "1,5 millones" 1500000 count hedge=- kind=level counted="venezolanos" period=- place=-
            "1,5 millones" 1500000 count hedge=- kind=level counted="venezolanos" period=- place=-
            "2.000 millones de soles" 2000000000 PEN hedge=- kind=level counted=- period=- place=-
            "mil millones de dólares" 1000000000 USD hedge=- kind=level counted=- period=- place=-
            "un billón" 1000000000000 count hedge=- kind=level counted="pesos" period=- place=-
            "20 mil" 20000 count hedge=- kind=level counted="detenidos" period=- place=-
            "un millón" 1000000 count hedge=- kind=level counted="afectados" period=- place=-
        "#]],
    );
}

#[test]
fn number_words() {
    check(
        r#"
//- en
Four drivers killed

Four drivers were killed, three of them police officers. Fourteen injured were taken to hospital and seventy-five officers arrived with a dozen dogs.
"#,
        expect![[r#"
            "Four" 4 count hedge=- kind=level counted="drivers" period=- place=-
            "Four" 4 count hedge=- kind=level counted="drivers" period=- place=-
            "three" 3 count hedge=- kind=level counted="police officers" period=- place=-
            "Fourteen" 14 count hedge=- kind=level counted="injured" period=- place=-
            "seventy-five" 75 count hedge=- kind=level counted="officers" period=- place=-
            "a dozen" 12 count hedge=- kind=level counted="dogs" period=- place=-
        "#]],
    );
    check(
        r#"
//- es
Cuatro choferes asesinados

Cuatro choferes fueron asesinados, tres de ellos policías. Catorce heridos fueron trasladados y llegaron veintidós agentes, treinta y cinco patrulleros y una docena de perros.
"#,
        expect![[r#"
            "Cuatro" 4 count hedge=- kind=level counted="choferes asesinados" period=- place=-
            "Cuatro" 4 count hedge=- kind=level counted="choferes" period=- place=-
            "tres" 3 count hedge=- kind=level counted="policías" period=- place=-
            "Catorce" 14 count hedge=- kind=level counted="heridos" period=- place=-
            "veintidós" 22 count hedge=- kind=level counted="agentes" period=- place=-
            "treinta y cinco" 35 count hedge=- kind=level counted="patrulleros" period=- place=-
            "una docena" 12 count hedge=- kind=level counted="perros" period=- place=-
        "#]],
    );
}

#[test]
fn vague_numbers() {
    check(
        r#"
//- en
Hundreds of traders protest

Hundreds of traders and dozens of drivers blocked roads while tens of thousands of people watched.
"#,
        expect![[r#"
            "Hundreds" 200 count hedge=about kind=level counted="traders" period=- place=-
            "Hundreds" 200 count hedge=about kind=level counted="traders" period=- place=-
            "dozens" 24 count hedge=about kind=level counted="drivers" period=- place=-
            "tens of thousands" 20000 count hedge=about kind=level counted="people" period=- place=-
        "#]],
    );
    check(
        r#"
//- es
Cientos de comerciantes protestan

Desde temprano, cientos de comerciantes y decenas de mototaxistas bloquearon avenidas, y miles de vecinos miraron.
"#,
        expect![[r#"
            "Cientos" 200 count hedge=about kind=level counted="comerciantes" period=- place=-
            "cientos" 200 count hedge=about kind=level counted="comerciantes" period=- place=-
            "decenas" 20 count hedge=about kind=level counted="mototaxistas" period=- place=-
            "miles" 2000 count hedge=about kind=level counted="vecinos" period=- place=-
        "#]],
    );
}

#[test]
fn percentages_and_changes() {
    check(
        r#"
//- en
Extortion up 60%

Reports showed a 60% increase compared with the same period in 2022. Complaints were 60 percent more than a year earlier. Robberies rose 12% while murders fell 5 per cent. Some 35 percent of the cases involved gangs. Thefts rose to 6,500.
--
date: the same period in 2022
date: a year earlier
"#,
        expect![[r#"
            "60%" 60 percent hedge=- kind=increase counted=- period=- place=-
            "60%" 60 percent hedge=- kind=increase counted=- period="the same period in 2022" place=-
            "60 percent" 60 percent hedge=- kind=increase counted=- period="a year earlier" place=-
            "12%" 12 percent hedge=- kind=increase counted=- period=- place=-
            "5 per cent" 5 percent hedge=- kind=decrease counted=- period=- place=-
            "Some 35 percent" 35 percent hedge=about kind=level counted="cases" period=- place=-
            "6,500" 6500 count hedge=- kind=level counted=- period=- place=-
        "#]],
    );
    check(
        r#"
//- es
La extorsión sube un 60%

Las denuncias aumentaron un 60% más que el año anterior. El robo cayó un 12% y hubo un alza de 20 por ciento. El 35 por ciento de los casos fue en Lima. Los homicidios aumentaron a 300.
--
place: Lima
"#,
        expect![[r#"
            "60%" 60 percent hedge=- kind=increase counted=- period=- place=-
            "60%" 60 percent hedge=- kind=increase counted=- period=- place=-
            "12%" 12 percent hedge=- kind=decrease counted=- period=- place=-
            "20 por ciento" 20 percent hedge=- kind=increase counted=- period=- place=-
            "35 por ciento" 35 percent hedge=- kind=level counted="casos" period=- place="Lima"
            "300" 300 count hedge=- kind=level counted=- period=- place=-
        "#]],
    );
}

#[test]
fn multiples_and_halves() {
    check(
        r#"
//- en
Extortion almost doubled

Extortion cases almost double the 2022 figure and thefts tripled. Killings were twice as high, three times more than before. Half of the victims were drivers. He was charged with a double murder.
"#,
        expect![[r#"
            "almost doubled" 2 times hedge=almost kind=increase counted=- period=- place=-
            "almost double" 2 times hedge=almost kind=increase counted=- period=- place=-
            "tripled" 3 times hedge=- kind=increase counted=- period=- place=-
            "twice" 2 times hedge=- kind=increase counted=- period=- place=-
            "three times more" 3 times hedge=- kind=increase counted=- period=- place=-
            "Half" 50 percent hedge=- kind=level counted="victims" period=- place=-
        "#]],
    );
    check(
        r#"
//- es
La extorsión se duplicó

La extorsión se duplicó y los robos son casi el doble que en 2022. Más de la mitad de las víctimas eran choferes. Fue un doble homicidio y el doble sentimiento de miedo.
"#,
        expect![[r#"
            "se duplicó" 2 times hedge=- kind=increase counted=- period=- place=-
            "se duplicó" 2 times hedge=- kind=increase counted=- period=- place=-
            "casi el doble" 2 times hedge=almost kind=increase counted=- period=- place=-
            "Más de la mitad" 50 percent hedge=more_than kind=level counted="víctimas" period=- place=-
        "#]],
    );
}

#[test]
fn money() {
    check(
        r#"
//- es
Cobran S/ 500 a comerciantes

Les cobran S/ 500 al mes, S/. 20 por día o 500 soles por puesto. Pidieron 2 millones de dólares, €3 y entre 5 y 10 soles diarios.
"#,
        expect![[r#"
            "S/ 500" 500 PEN hedge=- kind=level counted=- period=- place=-
            "S/ 500" 500 PEN hedge=- kind=level counted=- period=- place=-
            "S/. 20" 20 PEN hedge=- kind=level counted=- period=- place=-
            "500 soles" 500 PEN hedge=- kind=level counted=- period=- place=-
            "2 millones de dólares" 2000000 USD hedge=- kind=level counted=- period=- place=-
            "€3" 3 EUR hedge=- kind=level counted=- period=- place=-
            "5" 5 PEN hedge=- kind=level counted=- period=- place=-
            "10 soles" 10 PEN hedge=- kind=level counted=- period=- place=-
        "#]],
    );
    check(
        r#"
//- en
Gang demands $2 million

The gang demanded $2 million, or roughly $1.30 to $2.60 a day. Drivers paid between 5 and 10 soles and US$ 300.
"#,
        expect![[r#"
            "$2 million" 2000000 USD hedge=- kind=level counted=- period=- place=-
            "$2 million" 2000000 USD hedge=- kind=level counted=- period=- place=-
            "roughly $1.30" 1.3 USD hedge=about kind=level counted=- period=- place=-
            "$2.60" 2.6 USD hedge=- kind=level counted=- period=- place=-
            "5" 5 PEN hedge=- kind=level counted=- period=- place=-
            "10 soles" 10 PEN hedge=- kind=level counted=- period=- place=-
            "US$ 300" 300 USD hedge=- kind=level counted=- period=- place=-
        "#]],
    );
}

#[test]
fn hedges() {
    check(
        r#"
//- en
Nearly 700 officers deployed

Nearly 700 officers, close to 40 soldiers, at least 14 people, fewer than 20 vehicles, up to 300 guards and about 50 drivers joined. Almost 90 percent agreed.
"#,
        expect![[r#"
            "Nearly 700" 700 count hedge=almost kind=level counted="officers" period=- place=-
            "Nearly 700" 700 count hedge=almost kind=level counted="officers" period=- place=-
            "close to 40" 40 count hedge=almost kind=level counted="soldiers" period=- place=-
            "at least 14" 14 count hedge=at_least kind=level counted="people" period=- place=-
            "fewer than 20" 20 count hedge=less_than kind=level counted="vehicles" period=- place=-
            "up to 300" 300 count hedge=at_most kind=level counted="guards" period=- place=-
            "about 50" 50 count hedge=about kind=level counted="drivers" period=- place=-
            "Almost 90 percent" 90 percent hedge=almost kind=level counted=- period=- place=-
        "#]],
    );
    check(
        r#"
//- es
Casi 700 policías desplegados

Llegaron casi 700 policías, cerca de 40 soldados, al menos 14 personas, por lo menos 3 fiscales, menos de 20 vehículos, hasta 300 guardias, alrededor de 50 choferes y unos 80 vecinos. Aproximadamente 90 comerciantes cerraron.
"#,
        expect![[r#"
            "Casi 700" 700 count hedge=almost kind=level counted="policías desplegados" period=- place=-
            "casi 700" 700 count hedge=almost kind=level counted="policías" period=- place=-
            "cerca de 40" 40 count hedge=almost kind=level counted="soldados" period=- place=-
            "al menos 14" 14 count hedge=at_least kind=level counted="personas" period=- place=-
            "por lo menos 3" 3 count hedge=at_least kind=level counted="fiscales" period=- place=-
            "menos de 20" 20 count hedge=less_than kind=level counted="vehículos" period=- place=-
            "hasta 300" 300 count hedge=at_most kind=level counted="guardias" period=- place=-
            "alrededor de 50" 50 count hedge=about kind=level counted="choferes" period=- place=-
            "unos 80" 80 count hedge=about kind=level counted="vecinos" period=- place=-
            "Aproximadamente 90" 90 count hedge=about kind=level counted="comerciantes" period=- place=-
        "#]],
    );
}

#[test]
fn counted_phrases() {
    check(
        r#"
//- en
Police arrest 14 in Lima

Police deployed 700 police officers to three Lima districts. They found 300 cases of extortion in La Victoria since March. Five suspects arrested by police were freed and five other gang members fled.
--
place: Lima
place: La Victoria
"#,
        expect![[r#"
            "14" 14 count hedge=- kind=level counted=- period=- place="Lima"
            "700" 700 count hedge=- kind=level counted="police officers" period=- place=-
            "three" 3 count hedge=- kind=level counted="Lima districts" period=- place=-
            "300" 300 count hedge=- kind=level counted="cases of extortion" period=- place="La Victoria"
            "Five" 5 count hedge=- kind=level counted="suspects" period=- place=-
            "five" 5 count hedge=- kind=level counted="other gang members" period=- place=-
        "#]],
    );
    check(
        r#"
//- es
Detienen a 14 en Lima

Al menos 14 personas resultaron heridas, entre ellas tres policías, en La Victoria. Capturaron a 12 presuntos integrantes de Los Gallegos y a 5 detenidos por la policía. Hubo dos casos de robo de celulares y 3 denuncias por atacar a sus padres. Tras ello, 30 subieron al bus.
--
place: La Victoria
"#,
        expect![[r#"
            "14" 14 count hedge=- kind=level counted=- period=- place=-
            "Al menos 14" 14 count hedge=at_least kind=level counted="personas" period=- place="La Victoria"
            "tres" 3 count hedge=- kind=level counted="policías" period=- place="La Victoria"
            "12" 12 count hedge=- kind=level counted="presuntos integrantes" period=- place=-
            "5" 5 count hedge=- kind=level counted="detenidos" period=- place=-
            "dos" 2 count hedge=- kind=level counted="casos de robo" period=- place=-
            "3" 3 count hedge=- kind=level counted="denuncias" period=- place=-
            "30" 30 count hedge=- kind=level counted=- period=- place=-
        "#]],
    );
}

#[test]
fn traps_are_not_quantities() {
    check(
        r#"
//- en
Protest on Oct. 31

On Oct. 31, 2023 at 9:30 and again at 8 p.m., one of the hooded men spoke. Luis García, 41, a 41-year-old driver aged 41 who is 41 years old, was the first of 7th-grade rivals. Call 555 1234 or see Law 30077. No one came in 2022.
"#,
        expect![[r#""#]],
    );
    check(
        r#"
//- es
Protesta del martes 31

El martes 31 de octubre, a las 9 de la mañana y a las 21,30 horas, un hombre de 41 años grabó un video con una banda durante 24 horas. Fue el primer ataque de 2023 según el oficio 4512 del 31/10/2023. Recibió una pena de 20 años.
"#,
        expect![[r#"
            "24" 24 count hedge=- kind=level counted="horas" period=- place=-
            "20" 20 count hedge=- kind=level counted="años" period=- place=-
        "#]],
    );
}

#[test]
fn numbers_inside_dates_are_skipped() {
    check(
        r#"
//- en
Cases up since 2019

Police counted 120 complaints in the past 30 days and 45 thefts three weeks ago.
--
date: the past 30 days
date: three weeks ago
"#,
        expect![[r#"
            "120" 120 count hedge=- kind=level counted="complaints" period="the past 30 days" place=-
            "45" 45 count hedge=- kind=level counted="thefts" period="three weeks ago" place=-
        "#]],
    );
}

#[test]
fn more_hedges_and_changes() {
    check(
        r#"
//- en
Thefts fall

Over 300 thefts, around 40 robberies, more than 20 kidnappings, less than 10 arrests and approximately 500 complaints were logged. Murders showed a drop of 15% and arrests rose by 8 percent. There were two more raids and 6,500 more complaints than in 2022.
"#,
        expect![[r#"
            "Over 300" 300 count hedge=more_than kind=level counted="thefts" period=- place=-
            "around 40" 40 count hedge=about kind=level counted="robberies" period=- place=-
            "more than 20" 20 count hedge=more_than kind=level counted="kidnappings" period=- place=-
            "less than 10" 10 count hedge=less_than kind=level counted="arrests" period=- place=-
            "approximately 500" 500 count hedge=about kind=level counted="complaints" period=- place=-
            "15%" 15 percent hedge=- kind=decrease counted=- period=- place=-
            "8 percent" 8 percent hedge=- kind=increase counted=- period=- place=-
            "two" 2 count hedge=- kind=level counted="raids" period=- place=-
            "6,500" 6500 count hedge=- kind=increase counted="complaints" period=- place=-
        "#]],
    );
    check(
        r#"
//- es
Bajan los robos

Los robos disminuyeron un 15% y las capturas aumentaron en 8 por ciento, pero la cifra aumentó a 300. La tasa fue del 5,125 por ciento. Hubo un par de ataques y medio millón de afectados.
"#,
        expect![[r#"
            "15%" 15 percent hedge=- kind=decrease counted=- period=- place=-
            "8 por ciento" 8 percent hedge=- kind=increase counted=- period=- place=-
            "300" 300 count hedge=- kind=level counted=- period=- place=-
            "5,125 por ciento" 5.125 percent hedge=- kind=level counted=- period=- place=-
            "un par" 2 count hedge=about kind=level counted="ataques" period=- place=-
            "medio millón" 500000 count hedge=- kind=level counted="afectados" period=- place=-
        "#]],
    );
}

#[test]
fn other_currencies() {
    check(
        r#"
//- es
Extorsionadores cobran en pesos

Cobraban COP 500.000, 2 millones de pesos colombianos, 300 bolívares y VES 40 por semana.
"#,
        expect![[r#"
            "COP 500.000" 500000 COP hedge=- kind=level counted=- period=- place=-
            "2 millones de pesos colombianos" 2000000 COP hedge=- kind=level counted=- period=- place=-
            "300 bolívares" 300 VES hedge=- kind=level counted=- period=- place=-
            "VES 40" 40 VES hedge=- kind=level counted=- period=- place=-
        "#]],
    );
}

#[test]
fn english_one_and_small_traps() {
    check(
        r#"
//- en
One person killed

One person was killed and one officer wounded. The victim died at the age of 85 on Interstate 5. His record was .498 overall. He is dating Julien, 34. One day later one of them left, and it was the only one.
"#,
        expect![[r#"
            "One" 1 count hedge=- kind=level counted="person" period=- place=-
            "One" 1 count hedge=- kind=level counted="person" period=- place=-
            "one" 1 count hedge=- kind=level counted="officer" period=- place=-
        "#]],
    );
}

#[test]
fn period_and_place() {
    check(
        r#"
//- en
Thefts in Lima

Police recorded 300 thefts in Lima and 200 in Callao in 2023. In September, police arrested 40 people. Lima saw 12 murders.
--
date: in 2023
date: In September
place: Lima#2
place: Callao
place: Lima#3
"#,
        expect![[r#"
            "300" 300 count hedge=- kind=level counted="thefts" period="in 2023" place="Lima"
            "200" 200 count hedge=- kind=level counted=- period="in 2023" place="Callao"
            "40" 40 count hedge=- kind=level counted="people" period="In September" place=-
            "12" 12 count hedge=- kind=level counted="murders" period=- place="Lima"
        "#]],
    );
    check(
        r#"
//- es
Robos en Lima

La policía registró 300 robos en Lima y 200 en el Callao entre enero y agosto de 2023.
--
date: entre enero y agosto de 2023
place: Lima#2
place: Callao
"#,
        expect![[r#"
            "300" 300 count hedge=- kind=level counted="robos" period="entre enero y agosto de 2023" place="Lima"
            "200" 200 count hedge=- kind=level counted=- period="entre enero y agosto de 2023" place="Callao"
        "#]],
    );
}

#[test]
fn only_headline_and_body_are_read() {
    check(
        r#"
//- es
Detienen a 14 extorsionadores

La policía detuvo a 14 presuntos extorsionadores en La Victoria.

Lea también: Cobro de cupos: 300 denuncias en los mercados de Lima

© 2023 Radio Sur. Todos los derechos reservados.
"#,
        expect![[r#"
            "14" 14 count hedge=- kind=level counted="extorsionadores" period=- place=-
            "14" 14 count hedge=- kind=level counted="presuntos extorsionadores" period=- place=-
        "#]],
    );
}

#[test]
fn whole_articles() {
    check(
        r#"
//- en
Extortion complaints in Lima jump 60% as gangs target drivers

More than 6,500 extortion complaints were filed in Lima between January and August, a 60% increase compared with the same period in 2022, police said on Tuesday.

Officers detained 14 suspected gang members, three of them Venezuelan nationals, in raids in La Victoria. Police said the gang collected about S/ 20 a day from each of some 300 mototaxi drivers, roughly US$ 1.6 million a year.

One of the detained men, a 29-year-old, carried two pistols. Nearly half of the complaints came from bus companies, and arrests almost doubled since 2022.
--
date: between January and August
date: the same period in 2022
date: on Tuesday
date: since 2022
place: Lima#2
place: La Victoria
"#,
        expect![[r#"
            "60%" 60 percent hedge=- kind=increase counted=- period=- place=-
            "More than 6,500" 6500 count hedge=more_than kind=level counted="extortion complaints" period="between January and August" place="Lima"
            "60%" 60 percent hedge=- kind=increase counted=- period="between January and August" place="Lima"
            "14" 14 count hedge=- kind=level counted="suspected gang members" period=- place="La Victoria"
            "three" 3 count hedge=- kind=level counted="Venezuelan nationals" period=- place="La Victoria"
            "about S/ 20" 20 PEN hedge=about kind=level counted=- period=- place=-
            "some 300" 300 count hedge=about kind=level counted="mototaxi drivers" period=- place=-
            "roughly US$ 1.6 million" 1600000 USD hedge=about kind=level counted=- period=- place=-
            "two" 2 count hedge=- kind=level counted="pistols" period=- place=-
            "Nearly half" 50 percent hedge=almost kind=level counted="complaints" period="since 2022" place=-
            "almost doubled" 2 times hedge=almost kind=increase counted=- period="since 2022" place=-
        "#]],
    );
    check(
        r#"
//- es
Denuncias por extorsión suben 60% en Lima

Entre enero y agosto de 2023 se registraron más de 6.500 denuncias por extorsión en Lima Metropolitana, un 60% más que en el mismo periodo de 2022, según la PNP.

La policía detuvo a 14 presuntos integrantes de Los Gallegos, cuatro de ellos venezolanos, y decomisó S/ 12.500 y dos armas de fuego. Cada uno de los cerca de 300 mototaxistas pagaba unos 10 soles diarios.

Uno de los detenidos, de 29 años, tenía en su poder 1,5 millones de soles en cheques. Las denuncias en La Victoria se duplicaron y casi la mitad de las víctimas son comerciantes.
--
date: Entre enero y agosto de 2023
date: el mismo periodo de 2022
place: Lima Metropolitana
place: La Victoria
"#,
        expect![[r#"
            "60%" 60 percent hedge=- kind=increase counted=- period=- place=-
            "más de 6.500" 6500 count hedge=more_than kind=level counted="denuncias por extorsión" period="Entre enero y agosto de 2023" place="Lima Metropolitana"
            "60%" 60 percent hedge=- kind=increase counted=- period="Entre enero y agosto de 2023" place="Lima Metropolitana"
            "14" 14 count hedge=- kind=level counted="presuntos integrantes" period=- place=-
            "cuatro" 4 count hedge=- kind=level counted="venezolanos" period=- place=-
            "S/ 12.500" 12500 PEN hedge=- kind=level counted=- period=- place=-
            "dos" 2 count hedge=- kind=level counted="armas de fuego" period=- place=-
            "cerca de 300" 300 count hedge=almost kind=level counted="mototaxistas" period=- place=-
            "unos 10 soles" 10 PEN hedge=about kind=level counted=- period=- place=-
            "1,5 millones de soles" 1500000 PEN hedge=- kind=level counted=- period=- place=-
            "se duplicaron" 2 times hedge=- kind=increase counted=- period=- place="La Victoria"
            "casi la mitad" 50 percent hedge=almost kind=level counted="víctimas" period=- place="La Victoria"
        "#]],
    );
}
