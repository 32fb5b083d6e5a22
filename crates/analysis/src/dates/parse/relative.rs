//! Counted and fixed-phrase expressions: "yesterday", "la semana pasada", "two days later",
//! "hace tres días", "the same period in 2022".

use super::{count, hedge, is_one_of, Expr, Hedge, Intro, Scanner, Shift, Unit, AGO_FIRST, SAME};

const fn anchor(n: i64, unit: Unit) -> Expr {
    Expr::Anchor(Shift { n, unit, hedge: Hedge::Exact })
}

const fn previous(n: i64, unit: Unit) -> Expr {
    Expr::Previous(Shift { n, unit, hedge: Hedge::Exact })
}

/// A fixed phrase: its words, whether it needs an introducer before it, and its meaning.
pub(super) type Phrase = (&'static [&'static str], bool, Expr);

pub(super) const EN_PHRASES: &[Phrase] = &[
    (&["yesterday"], false, anchor(-1, Unit::Day)),
    (&["today"], false, anchor(0, Unit::Day)),
    (&["tomorrow"], false, anchor(1, Unit::Day)),
    (&["last", "night"], false, anchor(-1, Unit::Day)),
    (&["tonight"], false, anchor(0, Unit::Day)),
    (&["this", "morning"], false, anchor(0, Unit::Day)),
    (&["this", "afternoon"], false, anchor(0, Unit::Day)),
    (&["this", "evening"], false, anchor(0, Unit::Day)),
    (&["last", "week"], false, anchor(-1, Unit::CalendarWeek)),
    (&["this", "week"], false, anchor(0, Unit::CalendarWeek)),
    (&["next", "week"], false, anchor(1, Unit::CalendarWeek)),
    (&["weekend"], true, anchor(0, Unit::Weekend)),
    (&["this", "weekend"], false, anchor(0, Unit::Weekend)),
    (&["last", "weekend"], false, anchor(0, Unit::Weekend)),
    (&["next", "weekend"], false, anchor(1, Unit::Weekend)),
    (&["last", "month"], false, anchor(-1, Unit::Month)),
    (&["this", "month"], false, anchor(0, Unit::Month)),
    (&["next", "month"], false, anchor(1, Unit::Month)),
    (&["last", "year"], false, anchor(-1, Unit::CalendarYear)),
    (&["this", "year"], false, anchor(0, Unit::CalendarYear)),
    (&["next", "year"], false, anchor(1, Unit::CalendarYear)),
    (&["next", "day"], true, previous(1, Unit::Day)),
    (&["following", "day"], true, previous(1, Unit::Day)),
    (&["day", "after"], true, previous(1, Unit::Day)),
    (&["previous", "day"], true, previous(-1, Unit::Day)),
    (&["day", "before"], true, previous(-1, Unit::Day)),
    (&["following", "week"], true, previous(1, Unit::CalendarWeek)),
    (&["previous", "week"], true, previous(-1, Unit::CalendarWeek)),
    (&["following", "month"], true, previous(1, Unit::Month)),
    (&["previous", "month"], true, previous(-1, Unit::Month)),
    (&["following", "year"], true, previous(1, Unit::CalendarYear)),
    (&["previous", "year"], true, previous(-1, Unit::CalendarYear)),
    (&["year", "before"], true, previous(-1, Unit::CalendarYear)),
];

pub(super) const ES_PHRASES: &[Phrase] = &[
    (&["ayer"], false, anchor(-1, Unit::Day)),
    (&["hoy"], false, anchor(0, Unit::Day)),
    (&["anoche"], false, anchor(-1, Unit::Day)),
    (&["anteayer"], false, anchor(-2, Unit::Day)),
    (&["antier"], false, anchor(-2, Unit::Day)),
    (&["antenoche"], false, anchor(-2, Unit::Day)),
    (&["pasado", "mañana"], false, anchor(2, Unit::Day)),
    (&["esta", "mañana"], false, anchor(0, Unit::Day)),
    (&["esta", "madrugada"], false, anchor(0, Unit::Day)),
    (&["esta", "tarde"], false, anchor(0, Unit::Day)),
    (&["esta", "noche"], false, anchor(0, Unit::Day)),
    (&["semana", "pasada"], false, anchor(-1, Unit::CalendarWeek)),
    (&["pasada", "semana"], false, anchor(-1, Unit::CalendarWeek)),
    (&["esta", "semana"], false, anchor(0, Unit::CalendarWeek)),
    (&["próxima", "semana"], false, anchor(1, Unit::CalendarWeek)),
    (&["semana", "próxima"], false, anchor(1, Unit::CalendarWeek)),
    (&["semana", "que", "viene"], false, anchor(1, Unit::CalendarWeek)),
    (&["fin", "de", "semana"], true, anchor(0, Unit::Weekend)),
    (&["este", "fin", "de", "semana"], false, anchor(0, Unit::Weekend)),
    (&["pasado", "fin", "de", "semana"], false, anchor(0, Unit::Weekend)),
    (&["último", "fin", "de", "semana"], false, anchor(0, Unit::Weekend)),
    (&["fin", "de", "semana", "pasado"], true, anchor(0, Unit::Weekend)),
    (&["próximo", "fin", "de", "semana"], false, anchor(1, Unit::Weekend)),
    (&["mes", "pasado"], false, anchor(-1, Unit::Month)),
    (&["pasado", "mes"], false, anchor(-1, Unit::Month)),
    (&["este", "mes"], false, anchor(0, Unit::Month)),
    (&["próximo", "mes"], false, anchor(1, Unit::Month)),
    (&["mes", "próximo"], false, anchor(1, Unit::Month)),
    (&["mes", "que", "viene"], false, anchor(1, Unit::Month)),
    (&["año", "pasado"], false, anchor(-1, Unit::CalendarYear)),
    (&["pasado", "año"], false, anchor(-1, Unit::CalendarYear)),
    (&["este", "año"], false, anchor(0, Unit::CalendarYear)),
    (&["presente", "año"], true, anchor(0, Unit::CalendarYear)),
    (&["próximo", "año"], false, anchor(1, Unit::CalendarYear)),
    (&["año", "próximo"], false, anchor(1, Unit::CalendarYear)),
    (&["año", "que", "viene"], false, anchor(1, Unit::CalendarYear)),
    (&["día", "siguiente"], true, previous(1, Unit::Day)),
    (&["otro", "día"], true, previous(1, Unit::Day)),
    (&["día", "anterior"], true, previous(-1, Unit::Day)),
    (&["víspera"], true, previous(-1, Unit::Day)),
    (&["semana", "siguiente"], true, previous(1, Unit::CalendarWeek)),
    (&["semana", "anterior"], true, previous(-1, Unit::CalendarWeek)),
    (&["mes", "siguiente"], true, previous(1, Unit::Month)),
    (&["mes", "anterior"], true, previous(-1, Unit::Month)),
    (&["año", "siguiente"], true, previous(1, Unit::CalendarYear)),
    (&["año", "anterior"], true, previous(-1, Unit::CalendarYear)),
];

impl Scanner<'_> {
    /// A fixed phrase at `j`.
    pub(super) fn phrase(&self, j: usize, intro: Intro) -> Option<(usize, Expr)> {
        let mut best = None;
        let lists: [(&[Phrase], bool); 2] =
            [(EN_PHRASES, self.lang.en), (ES_PHRASES, self.lang.es)];
        let first = self.w(j);
        for (list, on) in lists {
            if !on {
                continue;
            }
            for (words, needs_intro, expr) in list {
                if (*needs_intro && intro == Intro::None) || !words[0].eq_ignore_ascii_case(first) {
                    continue;
                }
                let matched = words
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(k, w)| w.eq_ignore_ascii_case(self.w(j + k)));
                if matched && best.is_none_or(|(end, _)| j + words.len() > end) {
                    best = Some((j + words.len(), *expr));
                }
            }
        }
        let (end, expr) = best?;
        // "hoy en día", "hoy día": nowadays.
        let nowadays =
            self.is(end, &["día"]) || (self.is(end, &["en"]) && self.is(end + 1, &["día"]));
        if self.lang.es && first.eq_ignore_ascii_case("hoy") && nowadays {
            return None;
        }
        Some((end, expr))
    }

    /// "two days later", "nearly a week later", "un día después", "hace tres días".
    pub(super) fn counted(&self, j: usize, before: &str) -> Option<(usize, Expr)> {
        let mut k = j;
        let ago_first = self.lang.es && self.is(k, AGO_FIRST);
        if ago_first {
            k += 1;
        }
        let (hedge, taken) = hedge([self.w(k), self.w(k + 1)], self.lang);
        k += taken;
        let n = count(self.w(k), self.lang)?;
        let unit = self.unit(k + 1)?;
        k += 2;
        // "for two days before he was found" is a duration, not a date.
        if is_one_of(before, &["for", "during", "durante", "por"]) {
            return None;
        }
        let shift = |n| Shift { n, unit, hedge };
        // "two years ago" is a calendar year: a day a year back would be false precision.
        let ago = |n| {
            let unit = if unit == Unit::Year { Unit::CalendarYear } else { unit };
            Expr::Anchor(Shift { n, unit, hedge })
        };
        if ago_first {
            return Some((k, ago(-n)));
        }
        let next = self.w(k);
        if self.lang.en {
            if is_one_of(next, &["later", "after"]) {
                return Some((k + 1, Expr::Previous(shift(n))));
            }
            if is_one_of(next, &["earlier", "before"]) {
                return Some((k + 1, Expr::Previous(shift(-n))));
            }
            if is_one_of(next, &["ago"]) {
                return Some((k + 1, ago(-n)));
            }
        }
        if self.lang.es {
            if is_one_of(next, &["después", "despues", "luego"]) {
                return Some((k + 1, Expr::Previous(shift(n))));
            }
            if is_one_of(next, &["más", "mas"]) && self.is(k + 1, &["tarde"]) {
                return Some((k + 2, Expr::Previous(shift(n))));
            }
            if is_one_of(next, &["antes", "atrás", "atras"]) {
                return Some((k + 1, Expr::Previous(shift(-n))));
            }
        }
        None
    }

    fn unit(&self, k: usize) -> Option<Unit> {
        let word = self.w(k);
        if self.lang.en {
            if is_one_of(word, &["day", "days"]) {
                return Some(Unit::Day);
            }
            if is_one_of(word, &["week", "weeks"]) {
                return Some(Unit::Week);
            }
            if is_one_of(word, &["month", "months"]) {
                return Some(Unit::Month);
            }
            if is_one_of(word, &["year", "years"]) {
                return Some(Unit::Year);
            }
        }
        if self.lang.es {
            if is_one_of(word, &["día", "días", "dia", "dias"]) {
                return Some(Unit::Day);
            }
            if is_one_of(word, &["semana", "semanas"]) {
                return Some(Unit::Week);
            }
            if is_one_of(word, &["mes", "meses"]) {
                return Some(Unit::Month);
            }
            if is_one_of(word, &["año", "años"]) {
                return Some(Unit::Year);
            }
        }
        None
    }

    /// "the same period in 2022", "el mismo periodo del año pasado".
    pub(super) fn same_period(&self, j: usize, intro: Intro) -> Option<(usize, Expr)> {
        if intro == Intro::None || !self.is(j, SAME) {
            return None;
        }
        if !self.is(
            j + 1,
            &["period", "periodo", "período", "months", "meses", "lapso", "month", "mes"],
        ) {
            return None;
        }
        let (end, year) = self.year_suffix(j + 2)?;
        Some((end, Expr::SamePeriod(year)))
    }
}
