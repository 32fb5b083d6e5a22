//! Word lists for dates: months, weekdays, number words and the small words around them.
//!
//! Lookups ignore ASCII case only: Spanish accented letters are matched as written in lower
//! case, which is how news text spells them outside all-caps headlines.

use chrono::Weekday;

/// Which lexicons a block is read with.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lang {
    /// Spanish words are recognised.
    pub(crate) es: bool,
    /// English words are recognised.
    pub(crate) en: bool,
}

/// True when `word` equals one of `list`, ignoring ASCII case.
pub(crate) fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Full month names: every one is a month wherever it stands, except the English words in
/// `EN_AMBIGUOUS_MONTHS`.
const EN_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviations, only taken before a day number.
const EN_MONTH_ABBREVIATIONS: [&[&str]; 12] = [
    &["jan", "jan."],
    &["feb", "feb."],
    &["mar."],
    &["apr", "apr."],
    &[],
    &["jun."],
    &["jul."],
    &["aug", "aug."],
    &["sep", "sep.", "sept", "sept."],
    &["oct", "oct."],
    &["nov", "nov."],
    &["dec", "dec."],
];

/// English month names that are also common words or first names ("may", "march", "June").
const EN_AMBIGUOUS_MONTHS: [u32; 3] = [3, 5, 6];

const ES_MONTHS: [&[&str]; 12] = [
    &["enero"],
    &["febrero"],
    &["marzo"],
    &["abril"],
    &["mayo"],
    &["junio"],
    &["julio"],
    &["agosto"],
    &["septiembre", "setiembre"],
    &["octubre"],
    &["noviembre"],
    &["diciembre"],
];

const ES_MONTH_ABBREVIATIONS: [&[&str]; 12] = [
    &["ene", "ene."],
    &["feb", "feb."],
    &["mar."],
    &["abr", "abr."],
    &[],
    &["jun."],
    &["jul."],
    &["ago", "ago."],
    &["sep", "sep.", "set.", "sept", "sept."],
    &["oct", "oct."],
    &["nov", "nov."],
    &["dic", "dic."],
];

/// How a month is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthWord {
    /// The full name, safe on its own.
    Name,
    /// A full name that is also a common word or a first name: needs context.
    Ambiguous,
    /// An abbreviation: needs a day number after it.
    Abbreviation,
}

/// The month (1–12) a word names, and how safely.
pub(crate) fn month(word: &str, lang: Lang) -> Option<(u32, MonthWord)> {
    if word.len() < 3 || word.len() > 10 {
        return None;
    }
    let found = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(word));
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
    for m in 0..12 {
        let number = m as u32 + 1;
        // English capitalises months: "12 may face charges" is not a date.
        if lang.en && capitalised && EN_MONTHS[m].eq_ignore_ascii_case(word) {
            let kind = if EN_AMBIGUOUS_MONTHS.contains(&number) {
                MonthWord::Ambiguous
            } else {
                MonthWord::Name
            };
            return Some((number, kind));
        }
        if lang.es && found(ES_MONTHS[m]) {
            // Capitalised mid-sentence they are first names and street names ("Abril", "Mayo").
            let kind = if word.starts_with(|c: char| c.is_uppercase()) {
                MonthWord::Ambiguous
            } else {
                MonthWord::Name
            };
            return Some((number, kind));
        }
        if (lang.en && capitalised && found(EN_MONTH_ABBREVIATIONS[m]))
            || (lang.es && found(ES_MONTH_ABBREVIATIONS[m]))
        {
            return Some((number, MonthWord::Abbreviation));
        }
    }
    None
}

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

const EN_WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const ES_WEEKDAYS: [&[&str]; 7] = [
    &["lunes"],
    &["martes"],
    &["miércoles", "miercoles"],
    &["jueves"],
    &["viernes"],
    &["sábado", "sabado"],
    &["domingo"],
];

/// The weekday a word names. English weekdays must be capitalised.
pub(crate) fn weekday(word: &str, lang: Lang) -> Option<Weekday> {
    if word.len() < 5 || word.len() > 10 {
        return None;
    }
    for (d, day) in WEEKDAYS.iter().enumerate() {
        if lang.en
            && EN_WEEKDAYS[d].eq_ignore_ascii_case(word)
            && word.starts_with(|c: char| c.is_ascii_uppercase())
        {
            return Some(*day);
        }
        if lang.es && is_one_of(word, ES_WEEKDAYS[d]) {
            return Some(*day);
        }
    }
    None
}

const EN_NUMBERS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

const ES_NUMBERS: [&str; 12] = [
    "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
    "doce",
];

/// A small count in digits or words: "3", "three", "tres", "a", "un", "una".
pub(crate) fn count(word: &str, lang: Lang) -> Option<i64> {
    if !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok().filter(|n| *n > 0);
    }
    if lang.en && is_one_of(word, EN_ONE) {
        return Some(1);
    }
    if lang.es && is_one_of(word, ES_ONE) {
        return Some(1);
    }
    for (i, name) in EN_NUMBERS.iter().enumerate() {
        if lang.en && name.eq_ignore_ascii_case(word) {
            return Some(i as i64 + 1);
        }
        if lang.es && ES_NUMBERS[i].eq_ignore_ascii_case(word) {
            return Some(i as i64 + 1);
        }
    }
    if lang.es && is_one_of(word, ES_FIFTEEN) {
        return Some(15);
    }
    if lang.en && is_one_of(word, EN_FIFTEEN) {
        return Some(15);
    }
    None
}

/// A day of the month: "7", "31", "1st", "7th", "1º", "1ro", "primero".
pub(crate) fn day_number(word: &str, lang: Lang) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        if lang.es && is_one_of(word, ES_FIRST_DAY) {
            return Some(1);
        }
        return None;
    }
    let suffix = &word[digits..];
    let ordinal = suffix.is_empty()
        || (lang.en && is_one_of(suffix, &["st", "nd", "rd", "th"]))
        || (lang.es && is_one_of(suffix, &["º", "ª", "ro", "o"]));
    if !ordinal {
        return None;
    }
    let day: u32 = word[..digits].parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// A four-digit year from 1900 to 2100.
pub(crate) fn year_number(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = word.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// Words that lead into a date and belong to its span ("on", "in", "el", "desde").
pub(crate) const INTRODUCERS: &[&str] =
    &["on", "in", "during", "the", "el", "la", "los", "las", "en", "durante", "al", "del"];

/// Introducers that make the date an open interval up to the anchor.
pub(crate) const SINCE: &[&str] = &["since", "desde"];

/// Words that let a bare year or an ambiguous month stand as a date.
pub(crate) const STRONG_INTRODUCERS: &[&str] =
    &["on", "in", "during", "since", "en", "durante", "desde", "until", "hasta", "through"];

/// Words before a day number that make it part of a street or place name ("Av. 28 de Julio").
pub(crate) const STREET_WORDS: &[&str] = &[
    "av",
    "av.",
    "avenida",
    "avda",
    "avda.",
    "calle",
    "jirón",
    "jr",
    "jr.",
    "plaza",
    "pasaje",
    "psje",
    "psje.",
    "parque",
    "puente",
    "urbanización",
    "urb",
    "urb.",
    "colegio",
    "hospital",
    "distrito",
    "asentamiento",
    "mercado",
    "estadio",
    "street",
];

/// Hedges before a count of days or weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hedge {
    /// Exactly as counted.
    Exact,
    /// A little less: "nearly", "casi".
    Nearly,
    /// Either side: "about", "unos".
    About,
    /// A little more: "more than", "más de".
    MoreThan,
}

/// A hedge starting at token `words[0]`, and how many tokens it takes.
pub(crate) fn hedge(words: [&str; 2], lang: Lang) -> (Hedge, usize) {
    let [first, second] = words;
    if lang.en {
        if is_one_of(first, EN_NEARLY) {
            return (Hedge::Nearly, 1);
        }
        if is_one_of(first, EN_ABOUT) {
            return (Hedge::About, 1);
        }
        if is_one_of(first, EN_MORE) {
            return match first.eq_ignore_ascii_case("over") {
                true => (Hedge::MoreThan, 1),
                false if second.eq_ignore_ascii_case("than") => (Hedge::MoreThan, 2),
                false => (Hedge::Exact, 0),
            };
        }
    }
    if lang.es {
        if is_one_of(first, ES_NEARLY) {
            return (Hedge::Nearly, 1);
        }
        if is_one_of(first, ES_ABOUT) {
            return (Hedge::About, 1);
        }
        if is_one_of(first, ES_ABOUT_DE) && second.eq_ignore_ascii_case("de") {
            return (Hedge::About, 2);
        }
        if is_one_of(first, ES_MORE_DE) && second.eq_ignore_ascii_case("de") {
            return (Hedge::MoreThan, 2);
        }
    }
    (Hedge::Exact, 0)
}

const EN_NEARLY: &[&str] = &["nearly", "almost"];
const EN_ABOUT: &[&str] = &["about", "around", "some", "roughly", "approximately"];
const EN_MORE: &[&str] = &["more", "over"];
const ES_NEARLY: &[&str] = &["casi"];
const ES_ABOUT: &[&str] = &["unos", "unas", "aproximadamente"];
const ES_ABOUT_DE: &[&str] = &["alrededor", "cerca"];
const ES_MORE_DE: &[&str] = &["más", "mas"];
const EN_ONE: &[&str] = &["a", "an"];
const ES_ONE: &[&str] = &["un", "una"];
const EN_FIFTEEN: &[&str] = &["fifteen"];
const ES_FIFTEEN: &[&str] = &["quince"];
const ES_FIRST_DAY: &[&str] = &["primero"];

/// Every word of this lexicon that can be the first word of a date expression.
pub(crate) fn first_words() -> impl Iterator<Item = &'static str> {
    let lists: [&[&'static str]; 18] = [
        &EN_MONTHS,
        &EN_WEEKDAYS,
        &EN_NUMBERS,
        &ES_NUMBERS,
        INTRODUCERS,
        SINCE,
        EN_NEARLY,
        EN_ABOUT,
        EN_MORE,
        ES_NEARLY,
        ES_ABOUT,
        ES_ABOUT_DE,
        ES_MORE_DE,
        EN_ONE,
        ES_ONE,
        EN_FIFTEEN,
        ES_FIFTEEN,
        ES_FIRST_DAY,
    ];
    let nested = ES_MONTHS
        .iter()
        .chain(&ES_MONTH_ABBREVIATIONS)
        .chain(&EN_MONTH_ABBREVIATIONS)
        .chain(&ES_WEEKDAYS)
        .flat_map(|list| list.iter());
    lists.into_iter().flat_map(|list| list.iter()).chain(nested).copied()
}
