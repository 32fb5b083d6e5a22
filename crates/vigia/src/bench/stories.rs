//! `vigia bench stories`: story clustering on synthetic report signatures of growing corpora.
//!
//! Reports come from a pool of open stories (1 to 30 reports each, small ones most common), so
//! stories interleave as in a news stream. Each story has a few entities, an event at a place,
//! a date and some words; each report keeps most of those and adds noise drawn from the whole
//! vocabulary. Every draw is Zipf-like (rank r weighted 1/r) over 50k entity keys, 5k places and
//! 30k words, so common keys are very common, as in real news. Signatures are generated in
//! chunks outside the timed part, and only `StoryIndex::add` is timed.

use std::{process::ExitCode, time::Instant};

use analysis::stories::{Feature, Group, Signature, StoryIndex};
use chrono::NaiveDate;
use model::Language;

use crate::bench::peak_rss_mib;

const ENTITIES: usize = 50_000;
const PLACES: usize = 5_000;
const WORDS: usize = 30_000;
const EVENT_TYPES: usize = 14;
/// Stories open at once.
const OPEN_STORIES: usize = 400;
/// Reports generated before each timed run of `add`.
const CHUNK: usize = 10_000;

/// Clusters each corpus size in turn and prints time, throughput, memory and B-cubed F1.
pub(crate) fn run(sizes: &[usize]) -> anyhow::Result<ExitCode> {
    let vocab = Vocab::new();
    println!(
        "{:>10} {:>9} {:>12} {:>12} {:>9} {:>10} {:>7}",
        "reports", "seconds", "reports/s", "µs/report", "stories", "peak MiB", "B3 F1"
    );
    for &size in sizes {
        // Let the peak be this size's own; the kernel allows resetting it (Linux 4.0+).
        std::fs::write("/proc/self/clear_refs", "5").ok();
        let mut generator = Generator::new(&vocab, size as u64);
        let mut index = StoryIndex::new();
        let mut gold = Vec::with_capacity(size);
        let mut predicted = Vec::with_capacity(size);
        let mut seconds = 0.0;
        let mut done = 0;
        while done < size {
            let chunk: Vec<(usize, Signature)> =
                (done..(done + CHUNK).min(size)).map(|n| generator.report(n)).collect();
            let started = Instant::now();
            for (story, signature) in &chunk {
                predicted.push(index.add(signature).story);
                gold.push(*story);
            }
            seconds += started.elapsed().as_secs_f64();
            done += chunk.len();
        }
        // Stories merged on the way moved their reports: follow each to where it ended.
        let stories = index.stories();
        for story in &mut predicted {
            while let Some(into) = stories[*story].merged_into {
                *story = into;
            }
        }
        let live = stories.iter().filter(|story| story.merged_into.is_none()).count();
        let scores = crate::eval_stories::score(&predicted, &gold);
        println!(
            "{:>10} {:>9.2} {:>12.0} {:>12.1} {:>9} {:>10} {:>7.3}",
            size,
            seconds,
            size as f64 / seconds.max(1e-9),
            seconds * 1e6 / size.max(1) as f64,
            live,
            peak_rss_mib().map_or("unknown".to_string(), |mib| mib.to_string()),
            scores.bcubed[2],
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Cumulative Zipf weights of each vocabulary.
struct Vocab {
    entities: Vec<f64>,
    places: Vec<f64>,
    words: Vec<f64>,
}

impl Vocab {
    fn new() -> Vocab {
        Vocab { entities: zipf(ENTITIES), places: zipf(PLACES), words: zipf(WORDS) }
    }
}

fn zipf(len: usize) -> Vec<f64> {
    let mut total = 0.0;
    (1..=len)
        .map(|rank| {
            total += 1.0 / rank as f64;
            total
        })
        .collect()
}

/// What a story's reports share.
struct StoryCore {
    id: usize,
    left: usize,
    entities: Vec<usize>,
    event: (usize, usize),
    day: i64,
    words: Vec<usize>,
    numbers: Vec<usize>,
}

struct Generator<'a> {
    vocab: &'a Vocab,
    state: u64,
    open: Vec<StoryCore>,
    next_story: usize,
}

impl<'a> Generator<'a> {
    fn new(vocab: &'a Vocab, seed: u64) -> Generator<'a> {
        let mut generator = Generator { vocab, state: seed, open: Vec::new(), next_story: 0 };
        for _ in 0..OPEN_STORIES {
            let story = generator.story();
            generator.open.push(story);
        }
        generator
    }

    /// SplitMix64.
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn draw(&mut self, cumulative: fn(&Vocab) -> &Vec<f64>) -> usize {
        let table = cumulative(self.vocab);
        let total = table.last().copied().unwrap_or(1.0);
        let target = (self.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        table.partition_point(|&weight| weight < target).min(table.len() - 1)
    }

    fn story(&mut self) -> StoryCore {
        let id = self.next_story;
        self.next_story += 1;
        // Sizes 1 to 30, weighted 1/size.
        let size = {
            let table: Vec<f64> = zipf(30);
            let target = (self.next() >> 11) as f64 / (1u64 << 53) as f64 * table[29];
            table.partition_point(|&weight| weight < target) + 1
        };
        let entities = (0..3 + self.below(4)).map(|_| self.draw(|v| &v.entities)).collect();
        let event = (self.below(EVENT_TYPES), self.draw(|v| &v.places));
        // Stories advance with the stream: about 100 new stories a day.
        let day = (id / 100) as i64 + self.below(3) as i64;
        let words = (0..15 + self.below(10)).map(|_| self.draw(|v| &v.words)).collect();
        let numbers = (0..2).map(|_| 3 + self.below(500)).collect();
        StoryCore { id, left: size, entities, event, day, words, numbers }
    }

    /// The `n`th report and its true story.
    fn report(&mut self, n: usize) -> (usize, Signature) {
        let slot = self.below(self.open.len());
        let mut features = Vec::new();
        let core = &self.open[slot];
        let (story, entities, words, numbers) =
            (core.id, core.entities.clone(), core.words.clone(), core.numbers.clone());
        let (event, place, day) = (core.event.0, core.event.1, core.day);
        let mut push = |group, key: String, weight| features.push(Feature { key, group, weight });
        for entity in entities {
            if self.chance(0.75) {
                push(Group::Entity, format!("kb:e{entity}"), 1.5);
            }
        }
        push(Group::Entity, format!("geo:p{place}"), 1.2);
        push(Group::Event, format!("t{event}"), 0.5);
        push(Group::Event, format!("t{event}@geo:p{place}"), 1.0);
        for number in numbers {
            if self.chance(0.5) {
                push(Group::Number, format!("{number}:count"), 0.7);
            }
        }
        for word in words {
            if self.chance(0.6) {
                push(Group::Word, format!("w{word}"), 1.0);
            }
        }
        for _ in 0..3 {
            let entity = self.draw(|v| &v.entities);
            push(Group::Entity, format!("kb:e{entity}"), 1.0);
        }
        for _ in 0..40 {
            let word = self.draw(|v| &v.words);
            push(Group::Word, format!("w{word}"), 1.0);
        }
        let date =
            NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default() + chrono::Duration::days(day);
        push(Group::Date, date.format("%Y-%m").to_string(), 0.5);
        push(Group::Date, date.format("%Y-%m-%d").to_string(), 0.5);
        let signature =
            Signature::new(format!("r{n}"), Language::English, features, vec![(date, date)]);
        self.open[slot].left -= 1;
        if self.open[slot].left == 0 {
            self.open[slot] = self.story();
        }
        (story, signature)
    }
}
