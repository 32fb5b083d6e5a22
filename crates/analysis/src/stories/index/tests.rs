//! Tests of the story index on hand-written signatures: how scores and norms evolve.

use chrono::NaiveDate;
use expect_test::{expect, Expect};
use model::Language;

use super::{Group, Signature, StoryIndex};
use crate::stories::Feature;

/// One report per line: `name date-or-- key=weight ...`, keys with their group prefix
/// (`e:`, `v:`, `d:`, `n:`, `w:`).
fn parse(fixture: &str) -> Vec<Signature> {
    fixture
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut fields = line.split_whitespace();
            let name = fields.next().expect("a name");
            let date = fields.next().expect("a date or -");
            let dates = match date {
                "-" => Vec::new(),
                day => {
                    let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("a date");
                    vec![(day, day)]
                }
            };
            let features = fields.map(|field| {
                let (key, weight) = field.split_once('=').expect("key=weight");
                let (prefix, key) = key.split_once(':').expect("a group prefix");
                let group = [Group::Entity, Group::Event, Group::Date, Group::Number, Group::Word]
                    .into_iter()
                    .find(|group| group.prefix() == prefix)
                    .expect("a known prefix");
                Feature { key: key.to_string(), group, weight: weight.parse().expect("a weight") }
            });
            Signature::new(name, Language::English, features, dates)
        })
        .collect()
}

/// Streams the reports in order and renders each story of several reports with the scores its
/// reports joined with, then the number of reports left on their own.
fn check(fixture: &str, expect: Expect) {
    let mut index = StoryIndex::new();
    let mut scores = Vec::new();
    for signature in parse(fixture) {
        let assignment = index.add(&signature);
        scores.push((signature.document.clone(), assignment.score));
    }
    let mut out = String::new();
    let mut single = 0;
    for story in index.stories().iter().filter(|story| !story.members.is_empty()) {
        if story.members.len() == 1 {
            single += 1;
            continue;
        }
        let members: Vec<String> = story
            .members
            .iter()
            .map(|member| {
                let score = scores.iter().find(|(name, _)| *name == member.document);
                format!("{} {:.3}", member.document, score.map_or(0.0, |(_, score)| *score))
            })
            .collect();
        out.push_str(&format!("{}\n", members.join(", ")));
    }
    out.push_str(&format!("{single} on their own\n"));
    expect.assert_eq(&out);
}

/// Frequencies grow as reports arrive; a story scored long after its reports joined has its
/// norms recomputed first, so that its early, rarer-looking keys do not make it look closer
/// (with the norms summed as a1 and a2 joined, a3 would score 2.58, more than a cosine can).
#[test]
fn candidate_norms_follow_the_frequencies() {
    let mut fixture = String::from("a1 2023-05-09 e:person:ana=2 w:riot=1 w:lima=1\n");
    fixture.push_str("a2 2023-05-09 e:person:ana=2 w:riot=1 w:callao=1\n");
    for at in 0..40 {
        fixture.push_str(&format!("x{at} 2023-05-09 e:person:other{at}=2 w:other{at}=1\n"));
    }
    fixture.push_str("a3 2023-05-09 e:person:ana=2 w:riot=1 w:prison=1\n");
    check(
        &fixture,
        expect![[r#"
        a1 0.000, a2 0.571, a3 0.651
        40 on their own
    "#]],
    );
}

/// An undated report cannot be placed against the story's dated reports, so it needs more the
/// larger their share (all of them, then three of four); a dated report is placed against the
/// dated ones, and is held back only when none is.
#[test]
fn undated_penalty_follows_the_share_of_dated_reports() {
    check(
        r#"
        d1 2023-05-09 e:person:ana=2 w:riot=1
        d2 2023-05-09 e:person:ana=2 w:riot=1
        d3 2023-05-10 e:person:ana=2 w:riot=1
        u1 - e:person:ana=2 w:riot=1
        u2 - e:person:ana=2 w:riot=1
        d4 2023-05-10 e:person:ana=2 w:riot=1
        u3 - e:person:bob=2 w:fire=1
        u4 - e:person:bob=2 w:fire=1
        d5 2023-05-10 e:person:bob=2 w:fire=1
        "#,
        expect![[r#"
            d1 0.000, d2 1.000, d3 1.000, u1 0.600, u2 0.700, d4 1.000
            u3 0.000, u4 1.000, d5 0.600
            0 on their own
        "#]],
    );
}
