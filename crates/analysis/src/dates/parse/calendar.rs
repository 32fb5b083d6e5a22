//! Calendar expressions: days, months, years, runs of months, ranges and weekdays.

use super::{
    count, day_number, is_one_of, month, weekday, year_number, Cal, Expr, Intro, Lang, Modifier,
    MonthWord, Opener, Scanner, YearSpec, EN_MONTH_PARTS, ES_MONTH_PARTS, LAST, NEXT, ORDINALS,
    STREET_WORDS, THIS, YEAR_WORDS,
};

impl Scanner<'_> {
    /// A year after a date: "2023", ", 2023", "de 2023", "del 2023", "of 2023", "in 2022",
    /// "last year", "del año pasado", "de este año", "a year earlier".
    pub(super) fn year_suffix(&self, k: usize) -> Option<(usize, YearSpec)> {
        let mut k = k;
        if self.is(k, &[",", "of", "in", "de", "del"]) {
            k += 1;
        }
        if let Some(year) = year_number(self.w(k)) {
            return Some((k + 1, YearSpec::Written(year)));
        }
        if self.is(k, &["the", "el"]) {
            k += 1;
        }
        let words: [&str; 3] = [self.w(k), self.w(k + 1), self.w(k + 2)];
        let pairs: [(&[&str], i32); 11] = [
            (&["last", "year"], -1),
            (&["this", "year"], 0),
            (&["previous", "year"], -1),
            (&["year", "before"], -1),
            (&["a", "year", "earlier"], -1),
            (&["año", "pasado"], -1),
            (&["año", "anterior"], -1),
            (&["pasado", "año"], -1),
            (&["este", "año"], 0),
            (&["presente", "año"], 0),
            (&["un", "año", "antes"], -1),
        ];
        for (phrase, offset) in pairs {
            if phrase.iter().zip(words).all(|(p, w)| p.eq_ignore_ascii_case(w)) {
                return Some((k + phrase.len(), YearSpec::Anchor(offset)));
            }
        }
        None
    }

    /// "the first eight months of 2023", "el primer semestre", "the third quarter of 2022".
    pub(super) fn first_months(&self, j: usize) -> Option<(usize, Expr)> {
        let word = self.w(j);
        let ordinal = if is_one_of(word, ORDINALS[0]) {
            1
        } else if is_one_of(word, ORDINALS[1]) {
            2
        } else if is_one_of(word, ORDINALS[2]) {
            3
        } else if is_one_of(word, ORDINALS[3]) {
            4
        } else {
            return None;
        };
        let word = self.w(j + 1);
        let (months, end) = if is_one_of(word, &["half", "semestre"]) && ordinal <= 2 {
            (if ordinal == 1 { (1, 6) } else { (7, 12) }, j + 2)
        } else if is_one_of(word, &["quarter", "trimestre"]) {
            let first = 3 * (ordinal - 1) + 1;
            ((first, first + 2), j + 2)
        } else if ordinal == 1 {
            let n = count(word, self.lang)?;
            if !(1..=12).contains(&n) || !self.is(j + 2, &["months", "meses"]) {
                return None;
            }
            ((1, n as u32), j + 3)
        } else {
            return None;
        };
        let (end, year) = if let Some(found) = self.year_suffix(end) {
            found
        } else if self.is(end, &["of"]) && self.is(end + 1, &["the"]) && self.is(end + 2, &["year"])
        {
            (end + 3, YearSpec::Anchor(0))
        } else if self.is(end, &["del"]) && self.is(end + 1, &["año"]) {
            (end + 2, YearSpec::Anchor(0))
        } else if end == j + 3 {
            // "the first three months of his term": months of something else.
            return None;
        } else {
            (end, YearSpec::Free)
        };
        let cal = Cal { year, months: Some(months), day: None, modifier: Modifier::None };
        Some((end, Expr::Cal(cal)))
    }

    /// A weekday, alone ("on Tuesday", "el martes pasado") or before a date
    /// ("martes 7 de noviembre", "Tuesday, Nov. 7").
    pub(super) fn weekday(&self, j: usize, intro: Intro) -> Option<(usize, Expr)> {
        let (k, pre) = self.pre_modifier(j);
        let day = weekday(self.w(k), self.lang)?;
        let mut end = k + 1;
        let date_at = if self.is(end, &[","]) { end + 1 } else { end };
        if let Some((date_end, cal, _)) = self.calendar(date_at, "") {
            if cal.day.is_some() {
                return Some((date_end, Expr::Cal(cal)));
            }
        }
        let mut modifier = pre;
        if let Some(post) = self.post_modifier(end).filter(|_| pre == Modifier::None) {
            modifier = post;
            end += 1;
        }
        // A Spanish weekday needs "el", "este" and the like: "Domingo" is also a name.
        let english = Lang { es: false, en: self.lang.en };
        if weekday(self.w(k), english).is_none()
            && intro == Intro::None
            && modifier == Modifier::None
        {
            return None;
        }
        // "Sunday Times", "Tuesdays": the lexicon takes only the capitalised singular.
        Some((end, Expr::Weekday(day, modifier)))
    }

    /// Spanish "pasado", "último", "próximo" after a date: "el 7 de noviembre pasado".
    fn post_modifier(&self, k: usize) -> Option<Modifier> {
        if !self.lang.es {
            return None;
        }
        let word = self.w(k);
        if is_one_of(word, &["pasado", "pasada", "pasados", "último"]) {
            Some(Modifier::Last)
        } else if is_one_of(word, &["próximo", "próxima", "próximos", "próximas"]) {
            Some(Modifier::Next)
        } else {
            None
        }
    }

    fn pre_modifier(&self, j: usize) -> (usize, Modifier) {
        let word = self.w(j);
        let modifier = if is_one_of(word, LAST) {
            Modifier::Last
        } else if is_one_of(word, THIS) {
            Modifier::This
        } else if is_one_of(word, NEXT) {
            Modifier::Next
        } else {
            Modifier::None
        };
        (if modifier == Modifier::None { j } else { j + 1 }, modifier)
    }

    /// "between January and August 2023", "de enero a agosto de 2023", "January–August 2023",
    /// "2019-2022".
    ///
    /// `first` is the date already read, up to token `mid`.
    pub(super) fn range(
        &self,
        mid: usize,
        first: Cal,
        opener: Option<Opener>,
    ) -> Option<(usize, Expr)> {
        let connectors: &[&str] = match opener {
            Some(Opener::Between) => &["and", "y"],
            Some(Opener::From) => &["to", "through", "until", "a", "al", "hasta", "-", "–", "—"],
            None => &["to", "through", "until", "hasta", "-", "–", "—"],
        };
        if !self.is(mid, connectors) {
            return None;
        }
        let mut k = mid + 1;
        if self.is(k, &["el"]) && first.day.is_some() {
            k += 1;
        }
        let (end, second, _) = self.calendar(k, "")?;
        let compatible = match (first.months, second.months) {
            (None, None) => true,
            (Some(_), Some(_)) => first.day.is_none() || second.day.is_some(),
            _ => false,
        };
        if !compatible || second.modifier != Modifier::None || first.modifier != Modifier::None {
            return None;
        }
        Some((end, Expr::Range(first, second)))
    }

    /// "2019-2022" written as one token.
    pub(super) fn year_span(&self, j: usize) -> Option<(usize, Expr)> {
        let (a, b) = self.w(j).split_once('-')?;
        let (from, to) = (year_number(a)?, year_number(b)?);
        if from >= to {
            return None;
        }
        let whole = |year| Cal {
            year: YearSpec::Written(year),
            months: None,
            day: None,
            modifier: Modifier::None,
        };
        Some((j + 1, Expr::Range(whole(from), whole(to))))
    }

    /// A day, month or year at `j`, and whether it needs a strong introducer to stand alone.
    pub(super) fn calendar(&self, j: usize, before: &str) -> Option<(usize, Cal, bool)> {
        if let Some(found) = self.numeric(j) {
            return Some(found);
        }
        let (k, pre) = self.pre_modifier(j);
        let mut found = self.day_month(k, before).or_else(|| self.month_year(k));
        if found.is_none() && pre == Modifier::None {
            found = self.year_alone(k);
        }
        let (mut end, mut cal, mut needs_context) = found?;
        if pre != Modifier::None {
            cal.modifier = pre;
            needs_context = false;
        } else if let Some(post) = self.post_modifier(end).filter(|_| cal.year == YearSpec::Free) {
            cal.modifier = post;
            end += 1;
        }
        if cal.year != YearSpec::Free && cal.modifier != Modifier::None {
            cal.modifier = Modifier::None;
        }
        Some((end, cal, needs_context))
    }

    /// "31/10/2023", "2023-10-31", "31-10-2023", "31.10.2023", "2019-2022".
    fn numeric(&self, j: usize) -> Option<(usize, Cal, bool)> {
        let word = self.w(j);
        if !word.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let (parts, end) = if self.w(j + 1) == "/"
            && self.touches_next(j)
            && self.touches_next(j + 1)
            && self.w(j + 3) == "/"
            && self.touches_next(j + 2)
            && self.touches_next(j + 3)
        {
            ([word, self.w(j + 2), self.w(j + 4)], j + 5)
        } else {
            let mut split = word.split(['-', '.']);
            let a = split.next()?;
            let b = split.next()?;
            match (split.next(), split.next()) {
                // "2.10.12" is more likely a version or a score than a date.
                (Some(c), None) if word.contains('-') || c.len() == 4 => ([a, b, c], j + 1),
                _ => return None,
            }
        };
        if !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let (y, m, d) = if parts[0].len() == 4 {
            (year_number(parts[0])?, parts[1].parse().ok()?, parts[2].parse().ok()?)
        } else {
            if parts[0].len() > 2 || parts[1].len() > 2 {
                return None;
            }
            let year = match parts[2].len() {
                4 => year_number(parts[2])?,
                2 => 2000 + parts[2].parse::<i32>().ok()?,
                _ => return None,
            };
            let (a, b): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
            let day_first = a > 12 || (self.lang.es && !self.lang.en);
            if day_first {
                (year, b, a)
            } else if b > 12 || (self.lang.en && !self.lang.es) {
                (year, a, b)
            } else {
                // Both orders fit and the language does not say which.
                return None;
            }
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let cal = Cal {
            year: YearSpec::Written(y),
            months: Some((m, m)),
            day: Some(d),
            modifier: Modifier::None,
        };
        Some((end, cal, false))
    }

    /// "Oct. 31", "November 7, 2023", "31 October 2023", "31 de octubre de 2023".
    fn day_month(&self, k: usize, before: &str) -> Option<(usize, Cal, bool)> {
        let lang = self.lang;
        let first = self.w(k);
        // Month first (English): "Nov. 7, 2023".
        if lang.en {
            if let Some((m, _)) = month(first, lang) {
                if let Some(d) = day_number(self.w(k + 1), lang) {
                    let (end, year) = self.written_year(k + 2);
                    return Some((end, self.day_cal(year, m, d), false));
                }
            }
        }
        // Day first: "31 October 2023", "31 de octubre".
        let d = day_number(first, lang)?;
        if is_one_of(before, STREET_WORDS) {
            return None;
        }
        let mut m_at = k + 1;
        if self.is(m_at, &["°"]) {
            m_at += 1;
        }
        if (lang.es && self.is(m_at, &["de"])) || (lang.en && self.is(m_at, &["of"])) {
            m_at += 1;
        }
        let (m, word) = month(self.w(m_at), lang)?;
        if word == MonthWord::Abbreviation && !self.w(m_at).ends_with('.') && lang.es && !lang.en {
            return None;
        }
        let (end, year) = self.written_year(m_at + 1);
        Some((end, self.day_cal(year, m, d), false))
    }

    fn day_cal(&self, year: YearSpec, m: u32, d: u32) -> Cal {
        Cal { year, months: Some((m, m)), day: Some(d), modifier: Modifier::None }
    }

    /// The year after a day and month, if any: ", 2023", "2023", "de 2023", "del 2023",
    /// "del año pasado", "last year".
    fn written_year(&self, k: usize) -> (usize, YearSpec) {
        self.year_suffix(k).unwrap_or((k, YearSpec::Free))
    }

    /// "September", "September 2023", "septiembre de 2023", "mid-September", "early May",
    /// "a principios de mayo", "el mes de octubre", "January-August 2023".
    fn month_year(&self, k: usize) -> Option<(usize, Cal, bool)> {
        let lang = self.lang;
        let mut k = k;
        let mut hinted = false;
        if lang.en && self.is(k, EN_MONTH_PARTS) {
            k += 1;
            hinted = true;
        } else if lang.es && self.is(k, ES_MONTH_PARTS) && self.is(k + 1, &["de"]) {
            k += 2;
            hinted = true;
        }
        let word = self.w(k);
        let word = match word.split_once('-') {
            Some((prefix, rest)) if prefix.eq_ignore_ascii_case("mid") => {
                hinted = true;
                rest
            }
            _ => word,
        };
        let (months, kind) = match word.split_once(['-', '–']) {
            Some((a, b)) => {
                let (first, _) = month(a, lang)?;
                let (last, _) = month(b, lang)?;
                if first > last {
                    return None;
                }
                ((first, last), MonthWord::Name)
            }
            None => {
                let (m, kind) = month(word, lang)?;
                ((m, m), kind)
            }
        };
        if kind == MonthWord::Abbreviation {
            return None;
        }
        let (end, year) = self.written_year(k + 1);
        let needs_context = kind == MonthWord::Ambiguous && year == YearSpec::Free && !hinted;
        let cal = Cal { year, months: Some(months), day: None, modifier: Modifier::None };
        Some((end, cal, needs_context))
    }

    /// "2022" (after a strong introducer), "fiscal year 2023", "año fiscal 2023", "FY2023".
    fn year_alone(&self, k: usize) -> Option<(usize, Cal, bool)> {
        let whole = |year| Cal {
            year: YearSpec::Written(year),
            months: None,
            day: None,
            modifier: Modifier::None,
        };
        let word = self.w(k);
        if let Some(year) = year_number(word) {
            return Some((k + 1, whole(year), true));
        }
        if let Some(rest) = word.strip_prefix("FY") {
            return year_number(rest).map(|year| (k + 1, whole(year), false));
        }
        for words in YEAR_WORDS {
            if words.iter().enumerate().all(|(n, w)| w.eq_ignore_ascii_case(self.w(k + n))) {
                let at = k + words.len();
                if let Some(year) = year_number(self.w(at)) {
                    return Some((at + 1, whole(year), false));
                }
            }
        }
        None
    }
}
