//! Scoring for `vigia eval quotes`: word units, one-to-one matching, derived gold names and outcomes.

use analysis::quotes::{QuoteKind, SpeakerKind};

#[derive(serde::Deserialize)]
pub(super) struct GoldQuote {
    pub(super) kind: String,
    pub(super) content_spans: Vec<[usize; 2]>,
    pub(super) speaker_text: Option<String>,
    #[serde(default)]
    pub(super) speaker_spans: Vec<[usize; 2]>,
}

/// Why a gold direct quote was not credited to the right speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Outcome {
    Right,
    NoQuote,
    FoundAsScare,
    FoundAsReported,
    Boundary,
    SpeakerMissing,
    PronounUnresolved,
    PronounWrong,
    ContinuationWrong,
    DescriptionUnlinked,
    SpeakerWrong,
}

impl Outcome {
    pub(super) const ALL: [Outcome; 11] = [
        Outcome::Right,
        Outcome::NoQuote,
        Outcome::FoundAsScare,
        Outcome::FoundAsReported,
        Outcome::Boundary,
        Outcome::SpeakerMissing,
        Outcome::PronounUnresolved,
        Outcome::PronounWrong,
        Outcome::ContinuationWrong,
        Outcome::DescriptionUnlinked,
        Outcome::SpeakerWrong,
    ];

    pub(super) fn as_str(self) -> &'static str {
        match self {
            Outcome::Right => "speaker right",
            Outcome::NoQuote => "miss: no quote found",
            Outcome::FoundAsScare => "miss: found as a scare quote",
            Outcome::FoundAsReported => "miss: found as reported speech",
            Outcome::Boundary => "miss: boundary wrong (overlap < 50%)",
            Outcome::SpeakerMissing => "found, speaker missing",
            Outcome::PronounUnresolved => "found, pronoun unresolved",
            Outcome::PronounWrong => "found, pronoun resolved wrong",
            Outcome::ContinuationWrong => "found, continuation speaker wrong",
            Outcome::DescriptionUnlinked => "found, description not linked",
            Outcome::SpeakerWrong => "found, speaker wrong",
        }
    }
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub(crate) struct Prf {
    pub(crate) gold: usize,
    pub(crate) predicted: usize,
    pub(crate) matched: usize,
    pub(crate) precision: f64,
    pub(crate) recall: f64,
    pub(crate) f1: f64,
}

impl Prf {
    pub(super) fn new(gold: usize, predicted: usize, matched: usize) -> Prf {
        let precision = ratio(matched, predicted);
        let recall = ratio(matched, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf { gold, predicted, matched, precision, recall, f1 }
    }

    pub(super) fn add(&mut self, other: Prf) {
        *self = Prf::new(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.matched + other.matched,
        );
    }
}

pub(super) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// One of our quotes in the original's code points.
pub(super) struct Predicted {
    pub(super) kind: QuoteKind,
    pub(super) content: Vec<(usize, usize)>,
    pub(super) speaker: Option<(usize, usize)>,
    pub(super) speaker_kind: Option<SpeakerKind>,
    pub(super) continuation: bool,
    /// The resolved name: the entity's name, else the speaker text read as a name.
    pub(super) name: Option<String>,
    pub(super) shown: String,
}

/// A gold direct quote's outcome, its index, and the matched prediction as shown with
/// whether its speaker span overlaps the gold one.
pub(super) type GoldOutcome = (Outcome, usize, Option<(String, bool)>);

/// Scores of one document; outcomes are (outcome, gold quote index, (shown, speaker as written ok)).
pub(super) struct DocScore {
    pub(super) direct: Prf,
    pub(super) direct_exact: Prf,
    pub(super) reported: Prf,
    pub(super) reported_exact: Prf,
    pub(super) outcomes: Vec<GoldOutcome>,
}

/// Start offsets (code points) of the words of `text`: runs of letters and digits.
pub(super) fn word_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut previous = false;
    for (i, c) in text.chars().enumerate() {
        let word = c.is_alphanumeric();
        if word && !previous {
            out.push(i);
        }
        previous = word;
    }
    out
}

/// Indices of the words starting inside `ranges`.
pub(super) fn words_in(
    starts: &[usize],
    ranges: &[(usize, usize)],
    keep: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut out: Vec<usize> = ranges
        .iter()
        .flat_map(|&(a, b)| {
            let first = starts.partition_point(|&s| s < a);
            let last = starts.partition_point(|&s| s < b);
            first..last
        })
        .filter(|&w| keep(starts[w]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// For each code point, whether it lies inside double quotation marks (reset at each newline).
pub(super) fn inside_quotes(text: &str) -> Vec<bool> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![false; chars.len()];
    let mut open = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if c == '\n' {
            open = false;
            continue;
        }
        if matches!(c, '"' | '“' | '”') {
            let before = if i == 0 { None } else { Some(chars[i - 1]) };
            let after = chars.get(i + 1).copied();
            let opening = before.is_none_or(|b| b.is_whitespace() || "([{—–-".contains(b))
                && after.is_some_and(|a| !a.is_whitespace());
            let closing = before.is_some_and(|b| !b.is_whitespace());
            if !open && (opening || c == '“') && !(c == '”' && closing) {
                open = true;
            } else if open && (closing || c == '”') {
                open = false;
            }
            continue;
        }
        out[i] = open;
    }
    out
}

pub(super) fn overlap(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// One-to-one matches, largest overlap first, between gold and predicted word sets; a pair
/// qualifies when it shares at least half of the gold words. Returns gold → predicted.
pub(super) fn match_units(gold: &[Vec<usize>], predicted: &[Vec<usize>]) -> Vec<Option<usize>> {
    let mut pairs = Vec::new();
    for (g, gw) in gold.iter().enumerate() {
        for (p, pw) in predicted.iter().enumerate() {
            let n = overlap(gw, pw);
            if n > 0 && 2 * n >= gw.len() {
                pairs.push((n, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut to = vec![None; gold.len()];
    let mut taken = vec![false; predicted.len()];
    for (_, g, p) in pairs {
        if to[g].is_none() && !taken[p] {
            to[g] = Some(p);
            taken[p] = true;
        }
    }
    to
}

pub(super) const PRONOUNS_AND_DETERMINERS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "his", "her", "their", "its",
    "this", "that", "these", "those", "one", "some", "many", "several", "both", "mr", "mrs", "ms",
];

/// The name part of a gold speaker text that is a proper name: the text before its first comma,
/// unless it is a definite description ("The Florida senator": "The" and a lowercase word).
pub(super) fn proper_name(speaker: &str) -> Option<&str> {
    let head = speaker.split(',').next().unwrap_or(speaker).trim();
    let first = head.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    // "The White House", "The Washington Post" are names; "The Florida senator" is not.
    let all_capitalised = head.split_whitespace().skip(1).all(|word| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        bare.is_empty()
            || bare.chars().next().is_some_and(char::is_uppercase)
            || matches!(bare, "of" | "and" | "for" | "on" | "de")
    });
    if first == "the" && !all_capitalised {
        return None;
    }
    let proper = head.split_whitespace().any(|word| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        bare.chars().next().is_some_and(char::is_uppercase)
            && !PRONOUNS_AND_DETERMINERS.contains(&bare.to_lowercase().as_str())
    });
    proper.then_some(head)
}

/// The last word of a name, as [`has_word`] splits words: "Mark-Viverito" ends in "viverito".
pub(super) fn last_word(name: &str) -> Option<String> {
    name.split_whitespace()
        .rev()
        .filter_map(|w| {
            w.trim_end_matches("’s")
                .trim_end_matches("'s")
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|part| !part.is_empty())
                .map(str::to_lowercase)
        })
        .next()
}

pub(super) fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w.to_lowercase() == word)
}

/// Our name and the gold name match when one holds the other's last word.
pub(super) fn same_name(ours: &str, gold: &str) -> bool {
    last_word(gold).is_some_and(|w| has_word(ours, &w))
        || last_word(ours).is_some_and(|w| has_word(gold, &w))
}

pub(super) fn score_document(text: &str, gold: &[GoldQuote], predicted: &[Predicted]) -> DocScore {
    let starts = word_starts(text);
    let quoted = inside_quotes(text);
    let ranges = |spans: &[[usize; 2]]| spans.iter().map(|&[a, b]| (a, b)).collect::<Vec<_>>();

    // Gold units, with the index of their attribution.
    let mut gold_direct: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut gold_reported: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, quote) in gold.iter().enumerate() {
        let content = ranges(&quote.content_spans);
        let inside = words_in(&starts, &content, |s| quoted[s]);
        if !inside.is_empty() && quote.kind != "indirect" {
            gold_direct.push((i, inside));
        } else if quote.kind == "indirect" {
            let all = words_in(&starts, &content, |_| true);
            if !all.is_empty() {
                gold_reported.push((i, all));
            }
        }
    }
    let units = |kind: QuoteKind| -> Vec<(usize, Vec<usize>)> {
        predicted
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == kind)
            .map(|(i, p)| (i, words_in(&starts, &p.content, |_| true)))
            .filter(|(_, w)| !w.is_empty())
            .collect()
    };
    let pred_direct = units(QuoteKind::Direct);
    let pred_reported = units(QuoteKind::Reported);
    let pred_scare = units(QuoteKind::Scare);

    let prf = |gold: &[(usize, Vec<usize>)], pred: &[(usize, Vec<usize>)]| {
        let g: Vec<Vec<usize>> = gold.iter().map(|(_, w)| w.clone()).collect();
        let p: Vec<Vec<usize>> = pred.iter().map(|(_, w)| w.clone()).collect();
        let to = match_units(&g, &p);
        let matched = to.iter().flatten().count();
        let exact =
            to.iter().enumerate().filter(|(gi, m)| m.is_some_and(|pi| g[*gi] == p[pi])).count();
        (to, Prf::new(g.len(), p.len(), matched), Prf::new(g.len(), p.len(), exact))
    };
    let (direct_to, direct, direct_exact) = prf(&gold_direct, &pred_direct);
    let (_, reported, reported_exact) = prf(&gold_reported, &pred_reported);

    // The derived gold name of each attribution: its own proper name, else the nearest earlier one.
    let mut by_position: Vec<(usize, usize)> = gold
        .iter()
        .enumerate()
        .filter_map(|(i, q)| q.speaker_spans.first().map(|s| (s[0], i)))
        .collect();
    by_position.sort_unstable();
    let derived = |i: usize| -> Option<&str> {
        let quote = &gold[i];
        if let Some(name) = quote.speaker_text.as_deref().and_then(proper_name) {
            return Some(name);
        }
        let at = quote
            .speaker_spans
            .first()
            .map_or_else(|| quote.content_spans.first().map_or(0, |s| s[0]), |s| s[0]);
        by_position
            .iter()
            .rev()
            .filter(|(start, _)| *start < at)
            .find_map(|(_, j)| gold[*j].speaker_text.as_deref().and_then(proper_name))
    };

    let mut outcomes = Vec::new();
    for (g, (gi, words)) in gold_direct.iter().enumerate() {
        let quote = &gold[*gi];
        let Some(p) = direct_to[g] else {
            let touches =
                |units: &[(usize, Vec<usize>)]| units.iter().any(|(_, w)| overlap(w, words) > 0);
            let outcome = if touches(&pred_direct) {
                Outcome::Boundary
            } else if touches(&pred_scare) {
                Outcome::FoundAsScare
            } else if touches(&pred_reported) {
                Outcome::FoundAsReported
            } else {
                Outcome::NoQuote
            };
            outcomes.push((outcome, *gi, None));
            continue;
        };
        let ours = &predicted[pred_direct[p].0];
        let gold_spans = ranges(&quote.speaker_spans);
        let written = match ours.speaker {
            Some((a, b)) => gold_spans.iter().any(|&(c, d)| a < d && c < b),
            None => gold_spans.is_empty(),
        };
        let gold_name = derived(*gi);
        let right = match (&ours.name, gold_name) {
            (Some(ours), Some(gold)) => same_name(ours, gold),
            (None, None) => true,
            _ => false,
        };
        let outcome = if right {
            Outcome::Right
        } else if ours.speaker_kind.is_none() {
            Outcome::SpeakerMissing
        } else if ours.continuation {
            Outcome::ContinuationWrong
        } else if ours.speaker_kind == Some(SpeakerKind::Pronoun) && ours.name.is_none() {
            Outcome::PronounUnresolved
        } else if ours.speaker_kind == Some(SpeakerKind::Pronoun) {
            Outcome::PronounWrong
        } else if ours.speaker_kind == Some(SpeakerKind::Description) && ours.name.is_none() {
            Outcome::DescriptionUnlinked
        } else {
            Outcome::SpeakerWrong
        };
        let shown = format!("{} | gold name {}", ours.shown, gold_name.unwrap_or("-"));
        outcomes.push((outcome, *gi, Some((shown, written))));
    }
    DocScore { direct, direct_exact, reported, reported_exact, outcomes }
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;

    /// Scores hand-made gold and predicted quotes over `text` and renders the counts and outcomes.
    /// A hand-made prediction: kind, content, and speaker text with its resolved name.
    type Made<'a> = (QuoteKind, &'a str, Option<(&'a str, &'a str)>);

    #[track_caller]
    fn check(
        text: &str,
        gold: &[(&str, &str, Option<&str>)],
        predicted: &[Made<'_>],
        expect: Expect,
    ) {
        let find = |needle: &str| -> (usize, usize) {
            let byte = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
            let start = text[..byte].chars().count();
            (start, start + needle.chars().count())
        };
        let gold: Vec<GoldQuote> = gold
            .iter()
            .map(|(kind, content, speaker)| {
                let (a, b) = find(content);
                GoldQuote {
                    kind: kind.to_string(),
                    content_spans: vec![[a, b]],
                    speaker_text: speaker.map(str::to_string),
                    speaker_spans: speaker
                        .map(&find)
                        .map(|(a, b)| vec![[a, b]])
                        .unwrap_or_default(),
                }
            })
            .collect();
        let predicted: Vec<Predicted> = predicted
            .iter()
            .map(|(kind, content, speaker)| Predicted {
                kind: *kind,
                content: vec![find(content)],
                speaker: speaker.map(|(s, _)| find(s)),
                speaker_kind: speaker.map(|_| SpeakerKind::Name),
                continuation: false,
                name: speaker.map(|(_, name)| name.to_string()),
                shown: content.to_string(),
            })
            .collect();
        let score = score_document(text, &gold, &predicted);
        let mut out = String::new();
        for (name, prf) in [
            ("direct", score.direct),
            ("direct exact", score.direct_exact),
            ("reported", score.reported),
        ] {
            out += &format!(
                "{name}: gold {} predicted {} matched {}\n",
                prf.gold, prf.predicted, prf.matched
            );
        }
        for (outcome, gold, pred) in &score.outcomes {
            out += &format!(
                "gold {gold}: {} written={:?}\n",
                outcome.as_str(),
                pred.as_ref().map(|p| p.1)
            );
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn scores_a_small_document() {
        let text = "Vote today\n\n\"We will win this state,\" Jane Smith said. He said taxes would fall.\n\n\"It is a big day for all of us here,\" he added. Smith called it \"historic.\"";
        check(
            text,
            &[
                ("direct", "We will win this state,", Some("Jane Smith")),
                ("indirect", "taxes would fall", Some("He")),
                ("direct", "It is a big day for all of us here,", Some("he")),
                ("mixed", "it \"historic.\"", Some("Smith")),
            ],
            &[
                (QuoteKind::Direct, "We will win this state", Some(("Jane Smith", "Jane Smith"))),
                (QuoteKind::Reported, "taxes would fall", None),
                // Half the words: still a match, not exact; wrong speaker.
                (QuoteKind::Direct, "It is a big day", Some(("he", "Bob Jones"))),
                (QuoteKind::Scare, "historic", None),
            ],
            expect![[r#"
                direct: gold 3 predicted 2 matched 2
                direct exact: gold 3 predicted 2 matched 1
                reported: gold 1 predicted 1 matched 1
                gold 0: speaker right written=Some(true)
                gold 2: found, speaker wrong written=Some(true)
                gold 3: miss: found as a scare quote written=None
            "#]],
        );
    }

    #[test]
    fn hyphenated_names_match_their_full_form() {
        let text = "Council vote\n\n\"We will pass it,\" Mark-Viverito said.";
        check(
            text,
            &[("direct", "We will pass it,", Some("Mark-Viverito"))],
            &[(
                QuoteKind::Direct,
                "We will pass it,",
                Some(("Mark-Viverito", "Melissa Mark-Viverito")),
            )],
            expect![[r#"
                direct: gold 1 predicted 1 matched 1
                direct exact: gold 1 predicted 1 matched 1
                reported: gold 0 predicted 0 matched 0
                gold 0: speaker right written=Some(true)
            "#]],
        );
    }

    #[test]
    fn a_capitalised_definite_description_is_not_a_gold_name() {
        let text = "Senate race\n\n\"We will win Florida,\" Marco Rubio said. \"We are ready for this fight,\" the Florida senator said. \"No comment on that,\" The White House said.";
        check(
            text,
            &[
                ("direct", "We will win Florida,", Some("Marco Rubio")),
                ("direct", "We are ready for this fight,", Some("the Florida senator")),
                ("direct", "No comment on that,", Some("The White House")),
            ],
            &[
                (QuoteKind::Direct, "We will win Florida,", Some(("Marco Rubio", "Marco Rubio"))),
                (
                    QuoteKind::Direct,
                    "We are ready for this fight,",
                    Some(("the Florida senator", "Marco Rubio")),
                ),
                (
                    QuoteKind::Direct,
                    "No comment on that,",
                    Some(("The White House", "White House")),
                ),
            ],
            expect![[r#"
                direct: gold 3 predicted 3 matched 3
                direct exact: gold 3 predicted 3 matched 3
                reported: gold 0 predicted 0 matched 0
                gold 0: speaker right written=Some(true)
                gold 1: speaker right written=Some(true)
                gold 2: speaker right written=Some(true)
            "#]],
        );
    }
}
