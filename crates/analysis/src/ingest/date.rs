//! Publication dates from metadata: ISO 8601, RFC 3339, RFC 2822, and written dates in English and Spanish.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use model::Published;

/// Parses a publication date as metadata writes it; `None` when nothing sensible is found.
pub fn parse_published(value: &str) -> Option<Published> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Ok(datetime) = DateTime::parse_from_rfc3339(value) {
        return Some(Published::DateTime(datetime));
    }
    if let Ok(datetime) = DateTime::parse_from_rfc2822(value) {
        return Some(Published::DateTime(datetime));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%#z",
    ] {
        if let Ok(datetime) = DateTime::parse_from_str(value, format) {
            return Some(Published::DateTime(datetime));
        }
    }
    // A time without an offset says nothing about the instant, so only the day is kept.
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
    {
        if let Ok(datetime) = NaiveDateTime::parse_from_str(value, format) {
            return Some(Published::Date(datetime.date()));
        }
    }
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(date) = NaiveDate::parse_from_str(value, format) {
            return Some(Published::Date(date));
        }
    }
    if value.len() > 10 && value.is_char_boundary(10) {
        if let Ok(date) = NaiveDate::parse_from_str(&value[..10], "%Y-%m-%d") {
            return Some(Published::Date(date));
        }
    }
    written(value).map(Published::Date)
}

/// "November 8, 2023", "8 November 2023", "Nov. 8, 2023", "8 de noviembre de 2023".
fn written(value: &str) -> Option<NaiveDate> {
    let lower = value.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|word| !word.is_empty() && !matches!(*word, "de" | "del" | "the" | "of"))
        .collect();
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for word in words {
        if let Some(m) = month_number(word) {
            month.get_or_insert(m);
        } else if let Ok(n) = word.trim_end_matches(|c: char| c.is_alphabetic()).parse::<u32>() {
            if n >= 1000 && year.is_none() {
                year = Some(n as i32);
            } else if (1..=31).contains(&n) && day.is_none() {
                day = Some(n);
            }
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [(&str, &str, &str); 12] = [
        ("january", "enero", "jan"),
        ("february", "febrero", "feb"),
        ("march", "marzo", "mar"),
        ("april", "abril", "apr"),
        ("may", "mayo", "may"),
        ("june", "junio", "jun"),
        ("july", "julio", "jul"),
        ("august", "agosto", "aug"),
        ("september", "septiembre", "sep"),
        ("october", "octubre", "oct"),
        ("november", "noviembre", "nov"),
        ("december", "diciembre", "dec"),
    ];
    MONTHS
        .iter()
        .position(|(en, es, short)| {
            word == *en
                || word == *es
                || word == *short
                || (word == "sept" && *short == "sep")
                || (word == "setiembre" && *es == "septiembre")
                || (word == "dic" && *short == "dec")
                || (word == "ene" && *short == "jan")
                || (word == "ago" && *short == "aug")
        })
        .map(|idx| idx as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(value: &str, expect: Option<&str>) {
        assert_eq!(parse_published(value).map(Published::to_iso).as_deref(), expect, "{value}");
    }

    #[test]
    fn metadata_dates() {
        check("2023-11-08T09:30:00-05:00", Some("2023-11-08T09:30:00-05:00"));
        check("2023-11-08T14:30:00Z", Some("2023-11-08T14:30:00+00:00"));
        check("Wed, 08 Nov 2023 09:30:00 -0500", Some("2023-11-08T09:30:00-05:00"));
        check("2023-11-08T09:30:00-0500", Some("2023-11-08T09:30:00-05:00"));
        check("2023-11-08 09:30:00", Some("2023-11-08"));
        check("2023-11-08", Some("2023-11-08"));
        check("2023/11/08", Some("2023-11-08"));
        check("November 8, 2023", Some("2023-11-08"));
        check("Nov. 8, 2023", Some("2023-11-08"));
        check("8 de noviembre de 2023", Some("2023-11-08"));
        check("7 de setiembre del 2023", Some("2023-09-07"));
        check("yesterday", None);
        check("", None);
        check("2023-02-30", None);
    }
}
