//! `vigia export`: ACLED-style CSV, GeoJSON, FollowTheMoney and the JSON report, from a store
//! holding the sample corpus.

use std::path::PathBuf;

use crate::support::{check_schema, repo, vigia};

/// A store with the sample corpus, built once per test binary.
fn sample_store() -> PathBuf {
    static STORE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    STORE
        .get_or_init(|| {
            let dir = std::env::temp_dir().join(format!("vigia-export-{}", std::process::id()));
            std::fs::remove_dir_all(&dir).ok();
            std::fs::create_dir_all(&dir).unwrap();
            let db = dir.join("sample.db");
            let corpus = repo().join("examples/lima-2023");
            let output = vigia(
                &[
                    "ingest",
                    "--no-progress",
                    "--db",
                    db.to_str().unwrap(),
                    corpus.to_str().unwrap(),
                ],
                b"",
            );
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            db
        })
        .clone()
}

fn export(format: &str) -> String {
    let db = sample_store();
    let output = vigia(&["export", format, "--db", db.to_str().unwrap()], b"");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn csv_has_acled_columns_and_one_row_per_event() {
    let csv = export("csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "event_id,event_date,event_type,sub_event_type,vigia_type,modality,actor1,actor2,country,admin1,admin2,admin3,location,latitude,longitude,source,source_url,notes,fatalities"
    );
    let report: serde_json::Value = serde_json::from_str(&export("json")).unwrap();
    let events = report["events"].as_array().unwrap();
    assert_eq!(csv.lines().count() - 1, events.len());
    // The riot in La Victoria is placed down to the district, with ACLED's types.
    let riot = csv
        .lines()
        .find(|l| l.contains(",Riots,") && l.contains("La Victoria"))
        .expect("a riot in La Victoria");
    assert!(riot.contains(",Peru,Lima,Lima,La Victoria,La Victoria,"), "{riot}");
}

#[test]
fn geojson_points_are_events_at_places() {
    let geojson: serde_json::Value = serde_json::from_str(&export("geojson")).unwrap();
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().unwrap();
    assert!(features.len() > 20, "{} features", features.len());
    for feature in features {
        let [lon, lat] = [0, 1].map(|k| feature["geometry"]["coordinates"][k].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        assert!(feature["properties"]["vigia_type"].is_string());
    }
}

#[test]
fn json_export_is_a_valid_report_with_the_stories() {
    let report: serde_json::Value = serde_json::from_str(&export("json")).unwrap();
    check_schema(&report);
    assert_eq!(report["documents"].as_array().unwrap().len(), 13);
    assert_eq!(report["stories"].as_array().unwrap().len(), 2);
    let analyzed = vigia(&["analyze", repo().join("examples/lima-2023").to_str().unwrap()], b"");
    let analyzed: serde_json::Value = serde_json::from_slice(&analyzed.stdout).unwrap();
    assert_eq!(report["stories"], analyzed["stories"]);
    assert_eq!(
        report["events"].as_array().unwrap().len(),
        analyzed["events"].as_array().unwrap().len()
    );
}

#[test]
fn followthemoney_entities_validate() {
    let ftm = export("ftm");
    let lines: Vec<serde_json::Value> =
        ftm.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(
        lines.iter().any(|e| e["schema"] == "Membership"),
        "the gang's cell relation is a Membership"
    );
    assert!(lines
        .iter()
        .any(|e| e["schema"] == "Organization" && e["properties"]["topics"][0] == "crime"));
    let file = sample_store().with_file_name("entities.ftm.jsonl");
    std::fs::write(&file, &ftm).unwrap();
    // The followthemoney package checks schemas, properties and references (CI installs it).
    let checked = std::process::Command::new("python3")
        .arg(repo().join("scripts/ftm_validate.py"))
        .arg(&file)
        .output();
    match checked {
        Ok(out) if out.status.code() == Some(0) => {}
        Ok(out)
            if String::from_utf8_lossy(&out.stderr)
                .contains("No module named 'followthemoney'")
                && std::env::var_os("CI").is_none() =>
        {
            eprintln!(
                "followthemoney is not installed (pip install followthemoney): FtM check skipped"
            )
        }
        Ok(out) => panic!(
            "FollowTheMoney check failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(err) => panic!("cannot run python3: {err}"),
    }
}
