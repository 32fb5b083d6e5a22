//! `vigia analyze` and `vigia demo` on the sample corpus and on bad input.

use expect_test::{expect, expect_file};

use crate::support::{redact_ids, render, repo, report, vigia};

#[test]
fn sample_corpus_golden() {
    let output = vigia(&["analyze", "examples/lima-2023", "--format", "json"], b"");
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    let report = report(&output);
    assert_eq!(report["schema_version"], "1.2.0");
    expect_file!["golden/lima-2023.txt"].assert_eq(&render(&report));
}

#[test]
fn demo_prints_markdown_of_the_bundled_corpus() {
    let output = vigia(&["demo", "--report"], b"");
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(markdown.starts_with("# Vigía report\n"));
    assert!(markdown.contains("## Diagnostics"));
    // The brief shows the deliberate differences between the outlets.
    for expected in [
        "### Story 1:",
        "**Sources disagree on**",
        "\"bread\" (Andes Wire) against \"peace\"",
        "\"pan\" (Diario Limeño) against \"paz\"",
    ] {
        assert!(markdown.contains(expected), "the brief lacks {expected:?}");
    }
    let stderr = String::from_utf8(output.stderr).unwrap();
    expect![[r#"
        vigia: 10 input(s): 10 read, 0 skipped, 0 failed; 13 document(s), 1 duplicate(s), 0 record(s) failed
    "#]]
    .assert_eq(&stderr);
}

#[test]
fn stdin_is_an_input() {
    let output = vigia(
        &["analyze", "-", "--outlet", "Test Wire"],
        "Police arrest four in Lima\n\nPolice arrested four people on Tuesday, Col. Julio Herrera said.".as_bytes(),
    );
    assert!(output.status.success());
    expect![[r#"
        DOC doc-4015bc8e2412 [text en] <stdin>
          title: Police arrest four in Lima
          outlet: Test Wire | published: - | authors: [] | url: -
          sentences: 2 | tokens: 17 | duplicate_of: -
          ent place          Lima ← "Lima"
          ent person         Julio Herrera ← "Julio Herrera"
          quantity "four" = 4 count level place="Lima"
          quantity "four" = 4 count level counted="people"
          event arrest (reported) date=- places=[Lima] actors=[Police] targets=[Julio Herrera] counts=[arrested=4] by=- evidence=2
          headline      en  Police arrest four in Lima
          body          en  Police arrested four people on Tuesday, Col. Julio Herrera said.
        ENTITY ent-147125146306 place Lima | 1 mention(s) in 1 document(s) | ubigeo:150100 Peru > Lima > Lima (-12.04528, -77.03083)
        ENTITY ent-124344f5970a person Julio Herrera | 1 mention(s) in 1 document(s)
        STORY Police arrest four in Lima | 1 document(s), 0 copy(ies) | outlets: Test Wire
          story event arrest (reported) undated corroborated by 1 outlet(s)
        SUMMARY {"documents":1,"duplicates":0,"failed":0,"inputs":1,"read":1,"records_failed":0,"skipped":0}
    "#]]
    .assert_eq(&render(&report(&output)));
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = std::env::temp_dir().join(format!("vigia-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files: &[(&str, &[u8])] = &[
        ("a-good.txt", b"Riots in Lima\n\nShops stayed closed in La Victoria on Tuesday."),
        ("b-empty.txt", b""),
        ("c-binary.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
        ("d-invalid-utf8.html", b"<html><head><meta charset=utf-8></head><body><article><p>Extortion in Lima \xFF\xFE grew this year, police said on Tuesday in a statement.</p></article></body></html>"),
        ("e-laughs.xml", b"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss version=\"2.0\"><channel><title>&b;</title><item><title>&b;</title></item></channel></rss>"),
        ("f-broken.xml", b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>One</title><description>First item text about Lima.</description></item><item><title>Tw"),
        ("g-records.jsonl", b"{\"title\":\"Ok\",\"text\":\"Police deployed 700 officers in Lima on Tuesday.\"}\n{\"title\": 5}\n{\"title\":\"cut"),
        ("h-huge.txt", &[b'a'; 5000]),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let dir_arg = dir.display().to_string();
    let output = vigia(
        &[
            "analyze",
            &dir_arg,
            "no/such/file.txt",
            "ftp://example.org/x",
            "http://127.0.0.1:9/",
            "--max-bytes",
            "4096",
            "--timeout",
            "5",
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1), "any failed input makes the exit status 1");
    let rendered = redact_ids(&render(&report(&output)).replace(&dir_arg, "$DIR"));
    expect_file!["golden/bad-input.txt"].assert_eq(&rendered);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn report_file_is_written_whole() {
    let dir = std::env::temp_dir().join(format!("vigia-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("report.md");
    let corpus = repo().join("examples/lima-2023/radio-sur-es.txt");
    let output = vigia(
        &[
            "analyze",
            corpus.to_str().unwrap(),
            "--format",
            "markdown",
            "-o",
            target.to_str().unwrap(),
        ],
        b"",
    );
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let markdown = std::fs::read_to_string(&target).unwrap();
    assert!(markdown.contains("| language | es |"), "{markdown}");
    assert!(!dir.join("report.md.partial").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn reports_past_the_comparison_limit_are_grouped_but_not_compared() {
    let output = vigia(&["analyze", "examples/lima-2023", "--compare-limit", "2"], b"");
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    let report = report(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2 reports kept for comparing sources"), "stderr: {stderr}");
    let stories = report["stories"].as_array().unwrap();
    let documents: usize = stories.iter().map(|s| s["documents"].as_array().unwrap().len()).sum();
    assert_eq!(documents, report["documents"].as_array().unwrap().len());
    let quotes = stories
        .iter()
        .flat_map(|s| s["comparison"].as_array().unwrap())
        .filter(|i| i["topic"] == "quote")
        .count();
    assert_eq!(quotes, 0, "two reports of different outlets share no quote");
}
