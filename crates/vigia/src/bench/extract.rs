//! `vigia bench extract`: the whole extraction (entities, dates, quantities, quotes, events) on a
//! generated corpus of 800-word articles, on every core and stage by stage on one.

use std::time::{Duration, Instant};

use analysis::{
    dates, entities,
    events::{self, Inputs},
    extract,
    ingest::{self, IngestConfig, SourceMeta},
    quantities, quotes,
};
use model::{Article, Published};
use rayon::prelude::*;

use crate::pipeline;

/// Generates `count` articles, ingests them, then times extraction alone.
pub(crate) fn run(count: usize, rounds: usize) -> anyhow::Result<()> {
    let shipped = pipeline::shipped()?;
    let resources = shipped.resources();
    let articles: Vec<Article> = (0..count)
        .into_par_iter()
        .map(|idx| {
            let text = article(idx);
            let read = ingest::read(
                text.as_bytes(),
                &SourceMeta::new(format!("bench-{idx}.txt")),
                &IngestConfig::default(),
            );
            let draft = read.drafts.into_iter().next().expect("generated text is one article");
            let (mut article, _) = ingest::finish(draft);
            article.published = chrono::NaiveDate::from_ymd_opt(2023, 11, 8).map(Published::Date);
            article
        })
        .collect();
    let words: usize = articles.iter().map(|a| a.tokens.len()).sum();
    println!(
        "generated {} articles, {:.0} tokens each on average, {} threads",
        articles.len(),
        words as f64 / articles.len().max(1) as f64,
        rayon::current_num_threads()
    );
    let mut best = f64::MAX;
    let mut found = [0usize; 4];
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        let counts = articles
            .par_iter()
            .map(|article| {
                let x = extract::extract(article, &resources);
                [x.quotes.len(), x.quantities.len(), x.dates.len(), x.events.len()]
            })
            .reduce(|| [0; 4], |a, b| [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]]);
        best = best.min(started.elapsed().as_secs_f64());
        found = counts;
    }
    println!(
        "whole extraction, best of {} rounds: {:.3} s, {:.0} articles/s, {:.0} tokens/s ({} quotes, {} quantities, {} dates, {} events)",
        rounds.max(1),
        best,
        articles.len() as f64 / best,
        words as f64 / best,
        found[0],
        found[1],
        found[2],
        found[3]
    );
    // Stage by stage on one thread, to show where the time goes.
    let mut stages = [Duration::ZERO; 5];
    for article in &articles {
        let t = Instant::now();
        let doc = entities::extract(article, &resources);
        stages[0] += t.elapsed();
        let t = Instant::now();
        let found_dates = dates::find(article);
        stages[1] += t.elapsed();
        let t = Instant::now();
        let places = extract::place_spans(&doc);
        let found_quantities = quantities::find(article, &found_dates, &places);
        stages[2] += t.elapsed();
        let t = Instant::now();
        let found_quotes = quotes::find(article, &doc);
        stages[3] += t.elapsed();
        let t = Instant::now();
        let found_events = events::find(&Inputs {
            article,
            entities: &doc,
            dates: &found_dates,
            quantities: &found_quantities,
            quotes: &found_quotes,
        });
        stages[4] += t.elapsed();
        std::hint::black_box(found_events);
    }
    let per = |d: Duration| d.as_secs_f64() * 1e6 / articles.len().max(1) as f64;
    println!(
        "one thread, µs per article: entities {:.0}, dates {:.0}, quantities {:.0}, quotes {:.0}, events {:.0}",
        per(stages[0]),
        per(stages[1]),
        per(stages[2]),
        per(stages[3]),
        per(stages[4])
    );
    Ok(())
}

/// A deterministic news article of about 800 words, English or Spanish, with quotes, counts,
/// dates and events in the forms real reports use.
fn article(idx: usize) -> String {
    const EN: &[&str] = &[
        "Police deployed {n} officers in {place} on Nov. 7 after gunmen shot at a bus, according to the Interior Ministry.",
        "\"We cannot work like this,\" said {person}, a driver from {place}. \"They want S/ {n} a week.\"",
        "More than {n} extortion cases were reported in the first eight months of 2023, a 60% increase compared with the same period in 2022.",
        "Officers arrested four alleged members of {gang} in {place} last week, police said.",
        "In a video, masked men threatened to kill drivers who refused to pay, {person} told reporters.",
        "Residents of {place} said the riots on Oct. 31 left at least {n} injured and several shops burned.",
        "The government declared a state of emergency in {place} in September, and {person} said it could be extended.",
        "Prosecutors suggested that the gang had moved into {place} since 2019.",
    ];
    const ES: &[&str] = &[
        "La policía desplegó a {n} agentes en {place} el 7 de noviembre tras un ataque armado contra un bus, según el Ministerio del Interior.",
        "«No podemos trabajar así», dijo {person}, mototaxista de {place}. «Nos piden {n} soles semanales».",
        "Más de {n} denuncias por extorsión fueron registradas entre enero y agosto de 2023, un 60% más que el mismo periodo de 2022.",
        "Los agentes detuvieron a cuatro presuntos integrantes de {gang} en {place} la semana pasada, informó la policía.",
        "En un video, encapuchados amenazaron con matar a los conductores que no paguen, afirmó {person}.",
        "Vecinos de {place} contaron que los disturbios del 31 de octubre dejaron al menos {n} heridos.",
        "El Gobierno declaró el estado de emergencia en {place} en septiembre y {person} sostuvo que podría ampliarse.",
        "Según la fiscalía, la banda opera en {place} desde 2019.",
    ];
    const PLACES: &[&str] =
        &["La Victoria", "El Agustino", "Comas", "San Juan de Lurigancho", "Ate", "Independencia"];
    const PEOPLE: &[&str] =
        &["Luis García", "Carmen Villanueva", "Julio Herrera", "Rosa Quispe", "Jorge Paredes"];
    const GANGS: &[&str] =
        &["Los Gallegos", "Tren de Aragua", "Los Pulpos", "Los Injertos del Cono Norte"];
    let mut next = super::xorshift(idx);
    let templates = if next().is_multiple_of(2) { EN } else { ES };
    let mut text = format!("{}\n\n", templates[0].split(" after ").next().unwrap_or("News"));
    let mut words = 0;
    while words < 800 {
        for _ in 0..3 {
            let sentence = templates[next() as usize % templates.len()]
                .replace("{n}", &(next() % 900 + 10).to_string())
                .replace("{place}", PLACES[next() as usize % PLACES.len()])
                .replace("{person}", PEOPLE[next() as usize % PEOPLE.len()])
                .replace("{gang}", GANGS[next() as usize % GANGS.len()]);
            words += sentence.split_whitespace().count();
            text.push_str(&sentence);
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    text
}
