//! Numbers in digits or words, with scale words: "6,500", "1,5 millones", "veintidós", "a dozen", "hundreds of".

use super::lexicon::{group, scale, small_number, vague};
use super::{Lang, Words};

/// A number and the tokens it covers.
#[derive(Debug, Clone, Copy)]
pub(super) struct Number {
    /// First token.
    pub(super) start: usize,
    /// One past the last token.
    pub(super) end: usize,
    pub(super) value: f64,
    /// A vague plural ("hundreds of"): the value is a lower bound.
    pub(super) vague: bool,
    /// Ends in a word that takes "of"/"de" before what it counts ("millones de", "docena de").
    pub(super) takes_of: bool,
    /// One token of plain digits, which may be a year, a day, a time or an age.
    pub(super) plain: bool,
}

/// The number starting at token `i`, if any.
pub(super) fn at(words: &Words, i: usize) -> Option<Number> {
    let first = words.low(i);
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        return digits_at(words, i);
    }
    vague_at(words, i).or_else(|| words_at(words, i))
}

fn digits_at(words: &Words, i: usize) -> Option<Number> {
    let raw = words.raw(i);
    let mut value = digits(raw, words.lang)?;
    let mut end = i + 1;
    // "6 500": a space before a group of three digits.
    if raw.len() <= 3 && raw.bytes().all(|b| b.is_ascii_digit()) {
        while is_group(words.raw(end)) && words.spans[end].start == words.spans[end - 1].end + 1 {
            value = value * 1000.0 + words.raw(end).parse::<f64>().ok()?;
            end += 1;
        }
    }
    let plain = end == i + 1;
    let (value, scaled_end) = scales(words, end, value);
    Some(Number {
        start: i,
        end: scaled_end,
        value,
        vague: false,
        takes_of: scaled_end > end,
        plain: plain && scaled_end == end,
    })
}

fn is_group(raw: &str) -> bool {
    raw.len() == 3 && raw.bytes().all(|b| b.is_ascii_digit())
}

/// Multiplies `value` by the scale words from token `j` ("million", "mil millones").
fn scales(words: &Words, mut j: usize, mut value: f64) -> (f64, usize) {
    while let Some(factor) = scale(words.low(j), words.lang) {
        value *= factor;
        j += 1;
    }
    (value, j)
}

/// The value of a token of digits and separators, read by shape and language.
pub(super) fn digits(raw: &str, lang: Lang) -> Option<f64> {
    let bytes = raw.as_bytes();
    if !bytes.first()?.is_ascii_digit() || !bytes.last()?.is_ascii_digit() {
        return None;
    }
    if !bytes.iter().all(|&b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return None;
    }
    // "01", "0800": codes and phone numbers, not amounts.
    if bytes.len() > 1 && bytes[0] == b'0' && bytes[1].is_ascii_digit() {
        return None;
    }
    let commas = bytes.iter().filter(|&&b| b == b',').count();
    let dots = bytes.iter().filter(|&&b| b == b'.').count();
    let (thousands, decimal) = if commas > 0 && dots > 0 {
        let last = bytes.iter().rposition(|&b| b == b',' || b == b'.')?;
        if bytes[last] == b',' {
            ('.', Some(','))
        } else {
            (',', Some('.'))
        }
    } else if commas + dots == 0 {
        return raw.parse().ok();
    } else {
        let sep = if commas > 0 { ',' } else { '.' };
        let count = commas + dots;
        let (head, tail) = raw.split_once(sep)?;
        let grouped =
            count > 1 || (tail.len() == 3 && head != "0" && (sep == ',' || lang == Lang::Es));
        if grouped {
            (sep, None)
        } else {
            (if sep == ',' { '.' } else { ',' }, Some(sep))
        }
    };
    let (whole, fraction) = match decimal {
        Some(mark) => raw.rsplit_once(mark)?,
        None => (raw, ""),
    };
    if fraction.contains(thousands) {
        return None;
    }
    let mut groups = whole.split(thousands);
    let first = groups.next()?;
    if first.is_empty() || (whole.contains(thousands) && first.len() > 3) {
        return None;
    }
    let mut number = String::with_capacity(raw.len());
    number.push_str(first);
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        number.push_str(group);
    }
    if !fraction.is_empty() {
        number.push('.');
        number.push_str(fraction);
    }
    number.parse().ok()
}

/// "hundreds of", "decenas de", "tens of thousands of".
fn vague_at(words: &Words, i: usize) -> Option<Number> {
    let mut value = vague(words.low(i))?;
    if !matches!(words.low(i + 1), "of" | "de") {
        return None;
    }
    let mut end = i + 1;
    let next = words.low(i + 2);
    if matches!(next, "thousands" | "miles" | "millions" | "millones")
        && matches!(words.low(i + 3), "of" | "de")
    {
        value *= if matches!(next, "thousands" | "miles") { 1e3 } else { 1e6 };
        end = i + 3;
    }
    Some(Number { start: i, end, value, vague: true, takes_of: true, plain: false })
}

/// Cardinal words with scale words: "fourteen", "two hundred and fifty", "treinta y cinco",
/// "mil millones", "a dozen", "un millón", "medio millón".
fn words_at(words: &Words, i: usize) -> Option<Number> {
    let lang = words.lang;
    // "por ciento" is a unit; "ciento" alone is never a number.
    if words.low(i) == "ciento" && small_number(words.low(i + 1), lang).is_none() {
        return None;
    }
    let mut j = i;
    let mut current = 0.0;
    let mut total = 0.0;
    let mut seen = false;
    let mut takes_of = false;
    let mut about = false;
    // An article or "half" counts only before a scale word or a group word.
    let lead = match (lang, words.low(i)) {
        (Lang::En, "a" | "an") | (Lang::Es, "un" | "una") => Some((1.0, 1)),
        (Lang::Es, "medio" | "media") => Some((0.5, 1)),
        (Lang::En, "half") if words.low(i + 1) == "a" => Some((0.5, 2)),
        _ => None,
    };
    if let Some((value, skip)) = lead {
        let next = words.low(i + skip);
        if scale(next, lang).is_none() && group(next).is_none() {
            return None;
        }
        current = value;
        j += skip;
    }
    loop {
        let word = words.low(j);
        let after_y = lang == Lang::Es && j > i && words.low(j - 1) == "y";
        let small =
            small_number(word, lang).or(if after_y && spanish_one(word) { Some(1) } else { None });
        if let Some(value) = small {
            let value = f64::from(value);
            if seen && !fits(current, value) {
                break;
            }
            current += value;
        } else if let Some(factor) = scale(word, lang) {
            if !seen && lead.is_none() && word != "mil" {
                return None;
            }
            if factor == 100.0 {
                current = or_one(current) * 100.0;
            } else if factor == 1e3 {
                total += or_one(current) * 1e3;
                current = 0.0;
            } else {
                total = (total + if total > 0.0 { current } else { or_one(current) }) * factor;
                current = 0.0;
            }
            takes_of = factor > 100.0;
        } else if let Some(size) = group(word) {
            let needs_of = !matches!(word, "dozen" | "docena");
            if (!seen && lead.is_none()) || (needs_of && !matches!(words.low(j + 1), "of" | "de")) {
                return None;
            }
            current = or_one(current) * size;
            j += 1;
            seen = true;
            takes_of = true;
            // "a couple of", "un par de": about two.
            about = needs_of && size == 2.0;
            break;
        } else if seen && joins(words, j, current) {
            j += 1;
            continue;
        } else {
            break;
        }
        seen = true;
        j += 1;
    }
    if !seen {
        return None;
    }
    Some(Number { start: i, end: j, value: total + current, vague: about, takes_of, plain: false })
}

/// A multiplier's left side: "million" alone is one million.
fn or_one(current: f64) -> f64 {
    if current > 0.0 {
        current
    } else {
        1.0
    }
}

/// Whether `value` can be added to the number read so far: units after tens, tens or units
/// after hundreds.
fn fits(current: f64, value: f64) -> bool {
    let current = current as u64 % 1000;
    let value = value as u64;
    current == 0
        || (current.is_multiple_of(100) && value < 100)
        || (current.is_multiple_of(10) && current % 100 >= 20 && value < 10)
}

/// "y" between tens and units ("treinta y cinco"); "and" after hundreds ("two hundred and fifty").
fn joins(words: &Words, j: usize, current: f64) -> bool {
    let next = words.low(j + 1);
    let tens = current as u64 % 100;
    match (words.lang, words.low(j)) {
        (Lang::Es, "y") => {
            tens >= 20
                && tens.is_multiple_of(10)
                && (matches!(next, "un" | "uno" | "una")
                    || small_number(next, Lang::Es).is_some_and(|v| v < 10))
        }
        (Lang::En, "and") => {
            (current as u64).is_multiple_of(100)
                && small_number(next, Lang::En).is_some_and(|v| v < 100)
        }
        _ => false,
    }
}

/// "un"/"uno"/"una", which are 1 only after "y" in Spanish compounds ("treinta y un").
fn spanish_one(word: &str) -> bool {
    matches!(word, "un" | "uno" | "una")
}
