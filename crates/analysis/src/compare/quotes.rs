//! The same quote in several reports: aligned word by word, differing words shown.
//!
//! Two direct quotes from different reports are one quote when they are in the same language
//! and share enough words: at least three, and a third of the shorter quote's words (a quarter
//! when both credit the same speaker). Words are compared lowercased, without punctuation.
//! Only differences inside the stretch both quote count: one report quoting more of a
//! sentence than another is not a contradiction.

use std::collections::HashMap;

use model::Article;

use super::{originals, sentence_of, Item, ItemKind, Report, Side};
use crate::quotes::{Quote, QuoteKind};

/// A quote of one report.
struct Said<'a> {
    report: usize,
    quote: &'a Quote,
    words: Vec<String>,
    language: &'a str,
    speaker: Option<String>,
}

/// Differences listed in a quote's summary; more are counted.
const MAX_VARIANTS: usize = 5;

/// Groups a content word lists, the latest kept.
const WORD_POSTINGS: usize = 32;

/// Lowercased words of a text, punctuation dropped.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words two texts differ in, where they overlap: pairs of (left words, right words) for
/// each stretch between words they share, in order. Leading and trailing stretches that only
/// one side has are left out.
pub fn word_diff(left: &str, right: &str) -> Vec<(String, String)> {
    diff(&words(left), &words(right))
}

fn diff(a: &[String], b: &[String]) -> Vec<(String, String)> {
    // Longest common subsequence; quotes are short, so the quadratic table is cheap.
    let (n, m) = (a.len(), b.len());
    let mut table = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let mut out = Vec::new();
    for window in pairs.windows(2) {
        let ((i0, j0), (i1, j1)) = (window[0], window[1]);
        if i1 > i0 + 1 || j1 > j0 + 1 {
            out.push((a[i0 + 1..i1].join(" "), b[j0 + 1..j1].join(" ")));
        }
    }
    out
}

fn content_text(article: &Article, quote: &Quote) -> String {
    quote.content.iter().map(|&s| article.slice(s)).collect::<Vec<_>>().join(" … ")
}

/// Agreements and conflicts between the reports' direct quotes.
pub(super) fn items(reports: &[Report<'_>], out: &mut Vec<Item>) {
    let mut said: Vec<Said<'_>> = Vec::new();
    for (r, report) in originals(reports) {
        for quote in &report.extraction.quotes {
            if quote.kind != QuoteKind::Direct {
                continue;
            }
            let article = report.article;
            let language = quote
                .content
                .first()
                .and_then(|c| article.blocks.iter().find(|b| b.span.contains(*c)))
                .map(|b| {
                    if b.language.is_supported() {
                        b.language.code()
                    } else {
                        article.language.code()
                    }
                })
                .unwrap_or(article.language.code());
            let speaker = quote
                .speaker
                .as_ref()
                .and_then(|s| s.entity)
                .map(|i| report.extraction.entities.entities[i].key.clone());
            said.push(Said {
                report: r,
                quote,
                words: words(&content_text(article, quote)),
                language,
                speaker,
            });
        }
    }
    // Groups of one quote as several reports give it; each group holds one quote per report.
    // Candidate groups come from the quote's content words, each word listing the latest
    // groups that use it, so the cost per quote stays flat however large the story.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, one) in said.iter().enumerate() {
        let mut candidates: Vec<usize> = one
            .words
            .iter()
            .filter(|w| !STOP_WORDS.contains(&w.as_str()))
            .flat_map(|w| by_word.get(w.as_str()).into_iter().flatten().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        // Compared with the group's first quote only, so that groups do not chain.
        let home = candidates.into_iter().find(|&g| {
            let group = &groups[g];
            group.last().is_none_or(|&last| said[last].report != one.report)
                && same_quote(&said[group[0]], one)
        });
        let g = match home {
            Some(g) => {
                groups[g].push(i);
                g
            }
            None => {
                groups.push(vec![i]);
                groups.len() - 1
            }
        };
        for word in one.words.iter().filter(|w| !STOP_WORDS.contains(&w.as_str())) {
            let list = by_word.entry(word.as_str()).or_default();
            if list.last() != Some(&g) {
                list.push(g);
                if list.len() > WORD_POSTINGS {
                    list.remove(0);
                }
            }
        }
    }
    for group in groups.into_iter().filter(|g| g.len() > 1) {
        let first = &said[group[0]];
        let sides: Vec<Side> = group
            .iter()
            .map(|&g| {
                let s = &said[g];
                let article = reports[s.report].article;
                Side {
                    report: s.report,
                    says: format!("“{}”", content_text(article, s.quote)),
                    evidence: s.quote.content.iter().map(|&c| sentence_of(article, c)).fold(
                        Vec::new(),
                        |mut acc, span| {
                            if !acc.contains(&span) {
                                acc.push(span);
                            }
                            acc
                        },
                    ),
                }
            })
            .collect();
        // Each wording that differs from the first report's, once, with the outlets using it.
        let mut variants: Vec<((String, String), Vec<&str>)> = Vec::new();
        for &g in group.iter().skip(1) {
            let other = &said[g];
            for pair in diff(&first.words, &other.words) {
                let outlet = reports[other.report].outlet;
                match variants.iter_mut().find(|(p, _)| *p == pair) {
                    Some((_, outlets)) => {
                        if !outlets.contains(&outlet) {
                            outlets.push(outlet);
                        }
                    }
                    None => variants.push((pair, vec![outlet])),
                }
            }
        }
        let shown =
            |w: &str| if w.is_empty() { "(nothing)".to_string() } else { format!("\"{w}\"") };
        let mut differences: Vec<String> = variants
            .iter()
            .take(MAX_VARIANTS)
            .map(|((a, b), outlets)| {
                format!(
                    "{} ({}) against {} ({})",
                    shown(a),
                    reports[first.report].outlet,
                    shown(b),
                    outlets.join(", ")
                )
            })
            .collect();
        if variants.len() > MAX_VARIANTS {
            differences.push(format!("and {} more", variants.len() - MAX_VARIANTS));
        }
        let outlets: Vec<String> =
            sides.iter().map(|s| reports[s.report].outlet.to_string()).collect();
        let excerpt: String = first.words.iter().take(8).cloned().collect::<Vec<_>>().join(" ");
        let item = if differences.is_empty() {
            Item {
                kind: ItemKind::Agreement,
                topic: "quote",
                summary: format!(
                    "{} quote the same words: “{excerpt}…”.",
                    super::and_list(&outlets)
                ),
                sides,
            }
        } else {
            Item {
                kind: ItemKind::Conflict,
                topic: "quote",
                summary: format!(
                    "The quote “{excerpt}…” is worded differently: {}.",
                    differences.join("; ")
                ),
                sides,
            }
        };
        out.push(item);
    }
}

/// Whether two quotes of different reports are the same quote: most of the shorter one's
/// content words are in the other (half of them when both credit the same speaker).
fn same_quote(a: &Said<'_>, b: &Said<'_>) -> bool {
    if a.language != b.language {
        return false;
    }
    let content = |words: &[String]| -> Vec<String> {
        words.iter().filter(|w| !STOP_WORDS.contains(&w.as_str())).cloned().collect()
    };
    let (ca, cb) = (content(&a.words), content(&b.words));
    let (short, long) = if ca.len() <= cb.len() { (&ca, &cb) } else { (&cb, &ca) };
    if short.is_empty() {
        return false;
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    let same_speaker = a.speaker.is_some() && a.speaker == b.speaker;
    let needed = if same_speaker { 0.5 } else { 0.6 };
    shared >= 2 && shared as f64 >= needed * short.len() as f64
}

/// Function words of English and Spanish, which say nothing about which quote it is.
const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are", "was",
    "were", "be", "we", "they", "he", "she", "it", "i", "you", "who", "that", "this", "not", "no",
    "but", "by", "at", "as", "our", "us", "them", "their", "will", "have", "has", "do", "what",
    "el", "la", "los", "las", "un", "una", "y", "o", "de", "del", "a", "en", "por", "para", "con",
    "que", "se", "no", "nos", "nosotros", "ellos", "es", "son", "lo", "le", "les", "su", "sus",
    "al", "como", "más", "pero", "ya", "muy",
];
