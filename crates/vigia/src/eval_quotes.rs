//! Quote and speaker evaluation on PolNeAR (`vigia eval quotes`).
//!
//! Each record's text goes through the plain-text reader and `finish` (language English), the
//! shipped models find its entities, and `quotes::find` its quotes. Spans are mapped back to the
//! record's code-point offsets through an alignment of the cleaned text with the original, which
//! differ only in whitespace and normalisation.
//!
//! Units are sets of words (runs of letters and digits, identified by position):
//! - gold direct: for each attribution, the words of its content that lie inside double
//!   quotation marks (so direct ones and the quoted parts of mixed ones), when there are any;
//! - gold reported: the content words of each attribution with no quoted words (`indirect`);
//! - predicted: the content words of each of our direct (or reported) quotes.
//!
//! A prediction matches a gold unit when they share at least half of the gold unit's words;
//! pairs are taken one to one, largest overlap first. "Exact" counts matches with the same
//! word sets.
//!
//! Speakers are judged on matched direct quotes:
//! - as written: our speaker span overlaps a gold speaker fragment (or neither has one);
//! - resolved: PolNeAR does not resolve pronouns, so the gold name is the speaker text when it
//!   is a proper name (it holds a capitalised word that is not a pronoun or determiner, and is
//!   not a definite description: "The" followed by a lowercase word, as in "The Florida
//!   senator"; "The White House" stays a name), else the proper-name speaker of the nearest
//!   earlier gold attribution in the document. The part before the first comma is the name.
//!   Ours is the resolved entity's name, else the speaker text when we read it as a name. They
//!   match when one holds the other's last word. The derived name is a guess: a pronoun's or a
//!   description's gold name is whoever was credited by name last, not who it stands for.
//!   Until 2026-11-23 capitalised definite descriptions counted as names; that credited
//!   speakers read as "Republican" against "The Republican nominee" and failed "Marco Rubio"
//!   against "The Florida senator" (same predictions scored both ways: 0.773 before the
//!   change and 0.771 after at commit 3eb90ea; 0.805 and 0.804 at the end of that day's pass);
//! - resolved where the gold speaker is written as a name: the same, only over quotes whose
//!   gold speaker text is a name that does not open with a determiner, so no gold name is derived.

use std::{
    io::{BufRead, IsTerminal, Write},
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use analysis::{
    entities,
    ingest::{self, SourceMeta},
    quotes::{self, Quote, SpeakerKind},
};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use model::Language;

mod score;

/// One PolNeAR record, as `SOURCE.md` describes it.
#[derive(serde::Deserialize)]
struct Record {
    id: String,
    text: String,
    quotes: Vec<GoldQuote>,
}

use score::{ratio, score_document, GoldQuote, Outcome, Predicted, Prf};

/// Everything one run measures.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub(crate) struct QuoteScore {
    pub(crate) documents: usize,
    pub(crate) direct: Prf,
    pub(crate) direct_exact: Prf,
    pub(crate) reported: Prf,
    pub(crate) reported_exact: Prf,
    /// Matched direct quotes whose speaker span overlaps the gold one.
    pub(crate) speaker_as_written: f64,
    /// Matched direct quotes whose resolved speaker names the gold (derived) name.
    pub(crate) speaker_resolved: f64,
    /// The same, only over matched quotes whose gold speaker is itself written as a name (not
    /// a pronoun, a description or nothing), where the gold name is not derived.
    pub(crate) speaker_resolved_named_gold: f64,
    /// How many matched quotes have a gold speaker written as a name.
    pub(crate) speaker_named_gold: usize,
    /// Gold direct quotes by outcome.
    pub(crate) outcomes: Vec<(String, usize)>,
    /// Documents per second through finish, entities and quotes on one thread.
    pub(crate) docs_per_second: f64,
    /// Microseconds per document spent in `quotes::find` alone.
    pub(crate) quotes_us_per_doc: f64,
    /// Microseconds per 800 words spent in `quotes::find` alone.
    pub(crate) quotes_us_per_800_words: f64,
}

/// How `run` reads and reports.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// Score only the first N documents.
    pub(crate) limit: Option<usize>,
    /// Misses of each kind to print before the table.
    pub(crate) examples: usize,
    /// A JSON Lines file to write each gold direct quote's outcome to, for error analysis.
    pub(crate) dump: Option<PathBuf>,
    /// Print JSON instead of a table.
    pub(crate) json: bool,
}

/// Scores the file at `data`, printing a table (or JSON) to `out` and `examples` misses per kind.
pub(crate) fn run(
    data: &Path,
    options: &Options,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<QuoteScore> {
    let Options { limit, examples, json, .. } = *options;
    let mut dump = match &options.dump {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => None,
    };
    let file =
        std::fs::File::open(data).with_context(|| format!("cannot open {}", data.display()))?;
    let mut records = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line =
            line.with_context(|| format!("cannot read {} line {}", data.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(&line)
            .with_context(|| format!("{} line {}: not a PolNeAR record", data.display(), n + 1))?;
        check_record(&record)
            .with_context(|| format!("{} line {} ({})", data.display(), n + 1, record.id))?;
        records.push(record);
        if limit.is_some_and(|limit| records.len() >= limit) {
            break;
        }
    }
    anyhow::ensure!(!records.is_empty(), "no records in {}", data.display());

    let shipped = crate::pipeline::shipped()?;
    let resources = shipped.resources();
    let bar = progress_bar(records.len() as u64);
    let mut score = QuoteScore { documents: records.len(), ..QuoteScore::default() };
    let mut counts = [0usize; Outcome::ALL.len()];
    let (mut as_written, mut matched_direct) = (0usize, 0usize);
    let (mut named_gold, mut named_right) = (0usize, 0usize);
    let mut shown = [0usize; Outcome::ALL.len()];
    let mut total = Duration::ZERO;
    let mut in_quotes = Duration::ZERO;
    let mut words = 0usize;
    for record in &records {
        let started = Instant::now();
        let meta = SourceMeta::new(&record.id);
        let mut draft = ingest::text::parse(&record.text, &meta);
        draft.declared_language = Some(Language::English);
        let (article, _) = ingest::finish(draft);
        let found_entities = entities::extract(&article, &resources);
        let quotes_started = Instant::now();
        let found = quotes::find(&article, &found_entities);
        in_quotes += quotes_started.elapsed();
        total += started.elapsed();
        words += article.tokens.len();

        let align = Alignment::new(&article.text, &record.text);
        let predicted: Vec<Predicted> = found
            .iter()
            .map(|quote| Predicted::new(quote, &article, &found_entities, &align))
            .collect();
        let doc = score_document(&record.text, &record.quotes, &predicted);
        score.direct.add(doc.direct);
        score.direct_exact.add(doc.direct_exact);
        score.reported.add(doc.reported);
        score.reported_exact.add(doc.reported_exact);
        for (outcome, gold, pred) in &doc.outcomes {
            counts[*outcome as usize] += 1;
            if let Some(pred) = pred {
                matched_direct += 1;
                as_written += usize::from(pred.1);
                if record.quotes[*gold].speaker_text.as_deref().is_some_and(written_as_name) {
                    named_gold += 1;
                    named_right += usize::from(*outcome == Outcome::Right);
                }
            }
            if let Some(dump) = dump.as_mut() {
                let gold_quote = &record.quotes[*gold];
                let line = serde_json::json!({
                    "id": record.id,
                    "outcome": outcome.as_str(),
                    "speaker_as_written": pred.as_ref().map(|p| p.1),
                    "gold_content": excerpt(&record.text, &gold_quote.content_spans),
                    "gold_speaker": gold_quote.speaker_text,
                    "ours": pred.as_ref().map(|p| p.0.clone()),
                    "context": context(&record.text, gold_quote),
                });
                writeln!(dump, "{line}")?;
            }
            if *outcome != Outcome::Right && shown[*outcome as usize] < examples {
                shown[*outcome as usize] += 1;
                let gold_quote = &record.quotes[*gold];
                writeln!(
                    out,
                    "[{}] {}\n  gold: {:?} speaker={:?}\n  ours: {}",
                    outcome.as_str(),
                    record.id,
                    excerpt(&record.text, &gold_quote.content_spans),
                    gold_quote.speaker_text,
                    pred.as_ref().map_or("-".to_string(), |p| p.0.clone()),
                )?;
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if let Some(dump) = dump.as_mut() {
        dump.flush()?;
    }
    score.speaker_as_written = ratio(as_written, matched_direct);
    score.speaker_resolved = ratio(counts[Outcome::Right as usize], matched_direct);
    score.speaker_resolved_named_gold = ratio(named_right, named_gold);
    score.speaker_named_gold = named_gold;
    score.outcomes =
        Outcome::ALL.iter().map(|o| (o.as_str().to_string(), counts[*o as usize])).collect();
    score.docs_per_second = records.len() as f64 / total.as_secs_f64().max(1e-9);
    score.quotes_us_per_doc = in_quotes.as_secs_f64() * 1e6 / records.len() as f64;
    score.quotes_us_per_800_words = in_quotes.as_secs_f64() * 1e6 * 800.0 / words.max(1) as f64;

    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&score)?)?;
    } else {
        print_table(&score, out)?;
    }
    Ok(score)
}

/// A gold speaker text that is a name as written: a proper name that does not open with a
/// determiner or pronoun ("the Florida senator", "his wife" are descriptions).
fn written_as_name(speaker: &str) -> bool {
    let first = speaker
        .split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .unwrap_or_default();
    score::proper_name(speaker).is_some()
        && !score::PRONOUNS_AND_DETERMINERS.contains(&first.as_str())
}

fn check_record(record: &Record) -> anyhow::Result<()> {
    let chars = record.text.chars().count();
    for (n, quote) in record.quotes.iter().enumerate() {
        for &[start, end] in quote.content_spans.iter().chain(&quote.speaker_spans) {
            anyhow::ensure!(
                start <= end && end <= chars,
                "quote {n}: span {start}..{end} is outside the text ({chars} characters)"
            );
        }
    }
    Ok(())
}

fn print_table(score: &QuoteScore, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<34} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
        "", "gold", "pred", "match", "P", "R", "F1"
    )?;
    for (name, prf) in [
        ("direct quotes (overlap >= 50%)", score.direct),
        ("direct quotes (exact words)", score.direct_exact),
        ("reported speech (overlap >= 50%)", score.reported),
        ("reported speech (exact words)", score.reported_exact),
    ] {
        writeln!(
            out,
            "{name:<34} {:>6} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3}",
            prf.gold, prf.predicted, prf.matched, prf.precision, prf.recall, prf.f1
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "speaker on matched direct quotes: as written {:.3}, resolved {:.3}",
        score.speaker_as_written, score.speaker_resolved
    )?;
    writeln!(
        out,
        "speaker resolved where the gold speaker is written as a name (no derived gold name): {:.3} of {}",
        score.speaker_resolved_named_gold, score.speaker_named_gold
    )?;
    writeln!(out)?;
    writeln!(out, "gold direct quotes by outcome:")?;
    for (name, count) in &score.outcomes {
        writeln!(out, "  {name:<40} {count:>6}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "documents={} docs/s={:.1} (finish + entities + quotes, one thread); quotes::find {:.1} us/doc, {:.1} us per 800 words",
        score.documents, score.docs_per_second, score.quotes_us_per_doc, score.quotes_us_per_800_words
    )
}

fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} documents ({per_sec}, eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

fn excerpt(text: &str, spans: &[[usize; 2]]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let joined: Vec<String> =
        spans.iter().map(|&[a, b]| chars[a..b].iter().collect::<String>()).collect();
    let joined = joined.join(" | ");
    joined.chars().take(160).collect()
}

/// The text around a gold quote: its speaker and content, with some of the text before them.
fn context(text: &str, quote: &GoldQuote) -> String {
    let spans = quote.content_spans.iter().chain(&quote.speaker_spans);
    let start = spans.clone().map(|s| s[0]).min().unwrap_or(0);
    let end = spans.map(|s| s[1]).max().unwrap_or(start);
    text.chars()
        .skip(start.saturating_sub(300))
        .take(end - start.saturating_sub(300) + 80)
        .collect()
}

/// Code-point offsets of the original text for each byte offset of the cleaned text.
struct Alignment {
    map: Vec<usize>,
}

impl Alignment {
    /// Walks both texts together: equal characters pair up, whitespace and characters cleaning
    /// dropped are skipped on the original side.
    fn new(cleaned: &str, original: &str) -> Alignment {
        let orig: Vec<char> = original.chars().collect();
        let mut map = vec![0; cleaned.len() + 1];
        let mut j = 0;
        for (at, c) in cleaned.char_indices() {
            if c.is_whitespace() {
                if j < orig.len() && orig[j].is_whitespace() {
                    map[at] = j;
                    j += 1;
                } else {
                    map[at] = j;
                }
                continue;
            }
            let mut k = j;
            while k < orig.len() && orig[k] != c && (orig[k].is_whitespace() || is_dropped(orig[k]))
            {
                k += 1;
            }
            if k < orig.len() && orig[k] == c {
                j = k;
            }
            map[at] = j.min(orig.len());
            j += 1;
        }
        map[cleaned.len()] = j.min(orig.len());
        Alignment { map }
    }

    /// The code-point range of a cleaned byte span.
    fn span(&self, span: model::Span) -> (usize, usize) {
        if span.is_empty() {
            return (self.map[span.start], self.map[span.start]);
        }
        let mut last = span.end - 1;
        while self.map[last] == 0 && last > span.start {
            last -= 1;
        }
        (self.map[span.start], self.map[last] + 1)
    }
}

fn is_dropped(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}') || c.is_control()
}

impl Predicted {
    fn new(
        quote: &Quote,
        article: &model::Article,
        found: &entities::DocumentEntities,
        align: &Alignment,
    ) -> Predicted {
        let speaker = quote.speaker.as_ref();
        let name = speaker.and_then(|s| match (s.entity, s.span, s.kind) {
            (Some(e), _, _) => Some(found.entities[e].name.clone()),
            (None, Some(span), SpeakerKind::Name) => Some(article.slice(span).to_string()),
            _ => None,
        });
        let content: Vec<String> =
            quote.content.iter().map(|&c| article.slice(c).chars().take(60).collect()).collect();
        let shown = format!(
            "{} {:?} speaker={} -> {}",
            quote.kind.as_str(),
            content.join(" | "),
            speaker.and_then(|s| s.span).map_or("-", |s| article.slice(s)),
            name.as_deref().unwrap_or("?")
        );
        Predicted {
            kind: quote.kind,
            content: quote.content.iter().map(|&c| align.span(c)).collect(),
            speaker: speaker.and_then(|s| s.span).map(|s| align.span(s)),
            speaker_kind: speaker.map(|s| s.kind),
            continuation: speaker.is_some_and(|s| s.span.is_none()),
            name,
            shown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_maps_cleaned_bytes_to_code_points() {
        let original = "Perú  news\n\n\n«Sí»,\u{00A0}dijo.";
        let cleaned = "Perú news\n\n«Sí», dijo.";
        let align = Alignment::new(cleaned, original);
        let byte = cleaned.find("dijo").unwrap();
        let (a, b) = align.span(model::Span::new(byte, byte + 4));
        let got: String = original.chars().skip(a).take(b - a).collect();
        assert_eq!(got, "dijo");
        let byte = cleaned.find("Sí").unwrap();
        let (a, b) = align.span(model::Span::new(byte, byte + "Sí".len()));
        assert_eq!((a, b), (14, 16));
    }
}
