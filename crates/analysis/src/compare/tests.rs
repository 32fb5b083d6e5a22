//! Tests for story comparison: word diffs, focused report pairs, and the sample corpus's Lima story.

use expect_test::{expect, expect_file, Expect, ExpectFile};
use model::Article;

use super::{compare, word_diff, Report};
use crate::{
    extract::{extract, Extraction},
    testing,
};

/// Renders a comparison: story events with their outlets, then each item with its sides.
fn render(reports: &[Report<'_>]) -> String {
    let comparison = compare(reports);
    let mut out = String::new();
    for event in &comparison.events {
        let outlets: Vec<&str> = event.supports.iter().map(|&(r, _)| reports[r].outlet).collect();
        out += &format!(
            "event {}{} ({}) {} outlet(s): {}{}\n",
            event.kind.as_str(),
            event.threatened.map(|t| format!("→{}", t.as_str())).unwrap_or_default(),
            event.modality.as_str(),
            event.outlets,
            outlets.join(", "),
            event.date.map(|(a, b)| format!(" [{a}..{b}]")).unwrap_or_default()
        );
    }
    for item in &comparison.items {
        out += &format!("{} {}: {}\n", item.kind.as_str(), item.topic, item.summary);
        for side in &item.sides {
            let article = reports[side.report].article;
            for span in &side.evidence {
                assert!(
                    article.text.get(span.start..span.end).is_some(),
                    "evidence outside the text"
                );
            }
            let first: String = side
                .evidence
                .first()
                .map(|&s| article.slice(s).chars().take(50).collect())
                .unwrap_or_default();
            out += &format!("  {}: {} | {first:?}\n", reports[side.report].outlet, side.says);
        }
    }
    out
}

/// Reports from `//- Outlet` sections (headline, blank line, paragraphs), published 2023-11-08.
#[track_caller]
fn check(fixture: &str, expect: Expect) {
    let resources = testing::resources();
    let mut parts: Vec<(String, Article)> = Vec::new();
    for part in fixture.split("//- ").filter(|p| !p.trim().is_empty()) {
        let (outlet, text) = part.split_once('\n').expect("an outlet line");
        parts.push((outlet.trim().to_string(), testing::article(outlet, text, Some("2023-11-08"))));
    }
    let extractions: Vec<Extraction> = parts.iter().map(|(_, a)| extract(a, &resources)).collect();
    let reports: Vec<Report<'_>> = parts
        .iter()
        .zip(&extractions)
        .map(|((outlet, article), extraction)| Report {
            article,
            extraction,
            outlet,
            copy_of: None,
        })
        .collect();
    expect.assert_eq(&render(&reports));
}

#[test]
fn word_diff_shows_only_differences_inside_the_shared_stretch() {
    let shown = |a: &str, b: &str| format!("{:?}", word_diff(a, b));
    expect![[r#"[("bread", "peace")]"#]].assert_eq(&shown(
        "There will be no bread for Peruvians who support xenophobia",
        "no peace for Peruvians who support xenophobia.",
    ));
    expect![[r#"[("pan", "paz")]"#]].assert_eq(&shown(
        "No habrá pan para los peruanos que apoyan la xenofobia",
        "no habrá paz para los peruanos",
    ));
    expect![[r#"[]"#]].assert_eq(&shown(
        "We are not against Venezuelans",
        "We are not against Venezuelans, we are against crime",
    ));
}

#[test]
fn counts_quotes_targets_and_certainty_are_compared() {
    check(
        r#"
//- Wire A
Police arrest gang members in Lima

Police arrested four alleged members of Los Gallegos in La Victoria on Nov. 7. Los Gallegos is part of Tren de Aragua. In a video, the gang said: "There will be no bread for Peruvians who support xenophobia." During the Oct. 31 protests, demonstrators gave all Venezuelan immigrants three days to leave.

//- Wire B
Arrests in La Victoria

Police arrested three suspects in La Victoria on Nov. 7. Los Gallegos is reportedly linked to Tren de Aragua. The gang's video said: "There will be no peace for Peruvians who support xenophobia." On Oct. 31, protesters gave Venezuelan extortionists three days to leave. Officers also seized two pistols.
"#,
        expect![[r#"
            event arrest (reported) 2 outlet(s): Wire A, Wire B [2023-11-07..2023-11-07]
            event protest (reported) 2 outlet(s): Wire A, Wire B [2023-10-31..2023-10-31]
            event threat (reported) 2 outlet(s): Wire A, Wire B [2023-10-31..2023-10-31]
            event seizure (reported) 1 outlet(s): Wire B [2023-10-31..2023-10-31]
            conflict count: Sources disagree on how many were arrested in the arrest: 4 (Wire A) against 3 (Wire B).
              Wire A: four arrested | "Police arrested four alleged members of Los Galleg"
              Wire B: three arrested | "Police arrested three suspects in La Victoria on N"
            conflict target: Sources disagree on whom the threat was aimed at: "all Venezuelan immigrants" (Wire A) against "Venezuelan extortionists" (Wire B).
              Wire A: "all Venezuelan immigrants" | "During the Oct. 31 protests, demonstrators gave al"
              Wire B: "Venezuelan extortionists" | "On Oct. 31, protesters gave Venezuelan extortionis"
            conflict quote: The quote “there will be no bread for peruvians who…” is worded differently: "bread" (Wire A) against "peace" (Wire B).
              Wire A: “There will be no bread for Peruvians who support xenophobia.” | "In a video, the gang said: \"There will be no bread"
              Wire B: “There will be no peace for Peruvians who support xenophobia.” | "The gang's video said: \"There will be no peace for"
            conflict relation: Sources differ in how sure they are that Los Gallegos belongs with Tren de Aragua: states it as fact (Wire A) against hedges or attributes it (Wire B).
              Wire A: part of (asserted): "Los Gallegos is part of Tren de Aragua." | "Los Gallegos is part of Tren de Aragua."
              Wire B: linked to (reported): "Los Gallegos is reportedly linked to Tren de Aragua." | "Los Gallegos is reportedly linked to Tren de Aragu"
            unique event: Only Wire B reports the seizure.
              Wire B: the seizure | "Officers also seized two pistols."
            unique statistic: Only Wire B gives the figure "two pistols".
              Wire B: two pistols | "Officers also seized two pistols."
            framing hedging: Share of events and relations stated with a hedge: Wire A 0% (0 of 4), Wire B 20% (1 of 5).
              Wire A: 0% hedged | ""
              Wire B: 20% hedged | "Los Gallegos is reportedly linked to Tren de Aragu"
            framing voices: Voices quoted: Wire A: 1 perpetrators; Wire B: 1 perpetrators.
              Wire A: 1 perpetrators | "In a video, the gang said: \"There will be no bread"
              Wire B: 1 perpetrators | "The gang's video said: \"There will be no peace for"
        "#]],
    );
}

#[track_caller]
fn check_corpus(expect: ExpectFile) {
    let resources = testing::resources();
    // The Guayaquil seizure is another story; the Lima reports are this one.
    let articles: Vec<Article> =
        testing::sample_corpus().into_iter().filter(|a| !a.text.contains("Guayaquil")).collect();
    let extractions: Vec<Extraction> = articles.iter().map(|a| extract(a, &resources)).collect();
    let outlets: Vec<String> =
        articles.iter().map(|a| a.outlet.clone().unwrap_or_else(|| a.source.clone())).collect();
    let copies: Vec<Option<usize>> = articles
        .iter()
        .map(|a| {
            let duplicate = a.duplicate_of.as_ref()?;
            articles.iter().position(|b| b.id == duplicate.of)
        })
        .collect();
    let reports: Vec<Report<'_>> = articles
        .iter()
        .zip(&extractions)
        .zip(&outlets)
        .zip(&copies)
        .map(|(((article, extraction), outlet), &copy_of)| Report {
            article,
            extraction,
            outlet,
            copy_of,
        })
        .collect();
    expect.assert_eq(&render(&reports));
}

#[test]
fn the_sample_corpus_lima_story() {
    check_corpus(expect_file!["golden/lima-2023.txt"]);
}
