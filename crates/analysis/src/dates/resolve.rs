//! Resolution: parsed expressions to intervals, against the anchor and the previous date.

use chrono::{Datelike, Days, Months, NaiveDate};
use model::Span;

use super::lexicon::Hedge;
use super::parse::{Cal, Expr, Modifier, Raw, Shift, Unit, YearSpec};
use super::{DateKind, DateMention, Precision};

/// Days after the anchor that a partial date may fall and keep the anchor's year.
const LOOKAHEAD_DAYS: u64 = 30;

/// An interval while it is being resolved.
#[derive(Debug, Clone, Copy)]
struct Interval {
    start: NaiveDate,
    end: NaiveDate,
    precision: Precision,
    /// True when the anchor took part in placing it, directly or through an earlier date.
    uses_anchor: bool,
}

/// The anchor inferred from the text, from the dates whose year is written: the latest such
/// year, and in it its latest single day if it has one ("Dec. 9, 2008" before "in 2008"), else
/// the latest last day of a month or year in it.
pub(crate) fn infer_anchor(raws: &[Raw]) -> Option<NaiveDate> {
    raws.iter()
        .filter_map(|raw| match raw.expr {
            Expr::Cal(cal) => written(cal),
            Expr::Range(_, last) => written(last),
            _ => None,
        })
        .max_by_key(|&(end, precision)| (end.year(), precision == Precision::Day, end))
        .map(|(end, _)| end)
}

/// The last day and precision of a calendar date whose year is written.
fn written(cal: Cal) -> Option<(NaiveDate, Precision)> {
    match cal.year {
        YearSpec::Written(year) => interval(cal, year).map(|(_, end, precision)| (end, precision)),
        _ => None,
    }
}

/// Resolves `raws`, in text order, against `anchor`; `inferred` marks an anchor taken from the
/// text. `sentences` are the article's, to tell whether a count and the date after it are in one.
pub(crate) fn resolve(
    raws: &[Raw],
    sentences: &[Span],
    anchor: NaiveDate,
    inferred: bool,
) -> Vec<DateMention> {
    let mut out = Vec::with_capacity(raws.len());
    let mut previous: Option<Interval> = None;
    let mut period: Option<Interval> = None;
    let sentence_of = |span: Span| sentences.partition_point(|s| s.end <= span.start);
    for (n, raw) in raws.iter().enumerate() {
        let mut base = previous;
        if raw.forward {
            // Only dates that do not depend on the one before can be read ahead of their turn.
            let next = raws.get(n + 1).filter(|next| {
                sentence_of(next.span) == sentence_of(raw.span)
                    && matches!(
                        next.expr,
                        Expr::Cal(_) | Expr::Range(..) | Expr::Weekday(..) | Expr::Anchor(_)
                    )
            });
            if let Some(next) = next {
                base = resolve_one(next.expr, anchor, previous, period)
                    .map(|(found, _)| found)
                    .or(base);
            }
        }
        let Some((mut found, mut kind)) = resolve_one(raw.expr, anchor, base, period) else {
            continue;
        };
        if raw.since {
            found.end = found.end.max(anchor);
            found.precision = precision_of(found.start, found.end);
            found.uses_anchor = true;
            if kind == DateKind::Explicit {
                kind = DateKind::Partial;
            }
        }
        previous = Some(found);
        if found.precision == Precision::Month && !raw.since {
            period = Some(found);
        }
        out.push(DateMention {
            span: raw.span,
            start: found.start,
            end: found.end,
            precision: found.precision,
            kind,
            inferred: inferred && found.uses_anchor,
        });
    }
    out
}

fn resolve_one(
    expr: Expr,
    anchor: NaiveDate,
    previous: Option<Interval>,
    period: Option<Interval>,
) -> Option<(Interval, DateKind)> {
    match expr {
        Expr::Cal(cal) => {
            let kind = match cal.year {
                YearSpec::Written(_) => DateKind::Explicit,
                _ => DateKind::Partial,
            };
            Some((place(cal, anchor)?, kind))
        }
        Expr::Range(first, last) => {
            let end = place(last, anchor)?;
            let start = match first.year {
                YearSpec::Free => {
                    let year = end.start.year();
                    let (start, ..) = interval(first, year)?;
                    if start > end.start {
                        interval(first, year - 1)?.0
                    } else {
                        start
                    }
                }
                _ => place(first, anchor)?.start,
            };
            if start > end.end {
                return None;
            }
            let kind = match last.year {
                YearSpec::Written(_) => DateKind::Explicit,
                _ => DateKind::Partial,
            };
            let found = Interval {
                start,
                end: end.end,
                precision: precision_of(start, end.end),
                uses_anchor: end.uses_anchor,
            };
            Some((found, kind))
        }
        Expr::Weekday(weekday, modifier) => {
            let today = anchor.weekday().num_days_from_monday() as i64;
            let wanted = weekday.num_days_from_monday() as i64;
            let back = (today - wanted).rem_euclid(7);
            let offset = match modifier {
                Modifier::None => -back,
                Modifier::Last if back == 0 => -7,
                Modifier::Last => -back,
                Modifier::This => wanted - today,
                Modifier::Next => (wanted - today - 1).rem_euclid(7) + 1,
            };
            let day = add_days(anchor, offset)?;
            Some((day_interval(day, true), DateKind::Relative))
        }
        Expr::Anchor(shift) => {
            let base = Interval {
                start: anchor,
                end: anchor,
                precision: Precision::Day,
                uses_anchor: true,
            };
            Some((shifted(base, shift)?, DateKind::Relative))
        }
        Expr::Previous(shift) => {
            let base = previous.unwrap_or_else(|| anchor_base(anchor, shift.unit));
            Some((shifted(base, shift)?, DateKind::Relative))
        }
        Expr::SamePeriod(year) => {
            let (year, by_anchor) = match year {
                YearSpec::Written(year) => (year, false),
                YearSpec::Anchor(offset) => {
                    (period.map_or(anchor.year(), |p| p.start.year()) + offset, true)
                }
                YearSpec::Free => (anchor.year(), true),
            };
            let found = match period {
                Some(p) => Interval {
                    start: with_year(p.start, year)?,
                    end: with_year(p.end, year + p.end.year() - p.start.year())?,
                    precision: Precision::Month,
                    uses_anchor: by_anchor || p.uses_anchor,
                },
                None => Interval {
                    start: NaiveDate::from_ymd_opt(year, 1, 1)?,
                    end: NaiveDate::from_ymd_opt(year, 12, 31)?,
                    precision: Precision::Year,
                    uses_anchor: true,
                },
            };
            Some((found, DateKind::Relative))
        }
    }
}

/// A base for a count from the previous date when there is none: the anchor's year for years,
/// its month for months, else its day.
fn anchor_base(anchor: NaiveDate, unit: Unit) -> Interval {
    let (start, end, precision) = match unit {
        Unit::Year | Unit::CalendarYear => (
            anchor.with_ordinal(1).unwrap_or(anchor),
            NaiveDate::from_ymd_opt(anchor.year(), 12, 31).unwrap_or(anchor),
            Precision::Year,
        ),
        Unit::Month => (
            anchor.with_day(1).unwrap_or(anchor),
            last_of_month(anchor.year(), anchor.month()).unwrap_or(anchor),
            Precision::Month,
        ),
        _ => (anchor, anchor, Precision::Day),
    };
    Interval { start, end, precision, uses_anchor: true }
}

/// `base` moved by `shift`. Forward counts start from its last day, backward ones from its first.
fn shifted(base: Interval, shift: Shift) -> Option<Interval> {
    let n = shift.n;
    let from = if n >= 0 { base.end } else { base.start };
    let uses = base.uses_anchor;
    let days = match shift.unit {
        Unit::Day => n,
        Unit::Week => 7 * n,
        _ => 0,
    };
    let found = match shift.unit {
        // Counting days from a month or a week ("three weeks after" a date "in 2005") moves the
        // whole interval: a single day would be false precision.
        Unit::Day | Unit::Week if base.start != base.end => {
            Interval { start: add_days(base.start, days)?, end: add_days(base.end, days)?, ..base }
        }
        Unit::Day => hedged(add_days(from, days)?, n, 1, shift.hedge, uses),
        Unit::Week => hedged(add_days(from, days)?, n, 3, shift.hedge, uses),
        Unit::CalendarWeek => {
            let monday = add_days(from, -(from.weekday().num_days_from_monday() as i64))?;
            let start = add_days(monday, 7 * n)?;
            Interval {
                start,
                end: add_days(start, 6)?,
                precision: Precision::Week,
                uses_anchor: uses,
            }
        }
        Unit::Weekend => {
            // The Saturday on or before the day: Sunday belongs to the weekend that just ended.
            let back = (from.weekday().num_days_from_monday() as i64 - 5).rem_euclid(7);
            let start = add_days(from, 7 * n - back)?;
            Interval {
                start,
                end: add_days(start, 1)?,
                precision: Precision::Week,
                uses_anchor: uses,
            }
        }
        Unit::Month => {
            let first = from.with_day(1)?;
            let start = if n >= 0 {
                first.checked_add_months(Months::new(n as u32))?
            } else {
                first.checked_sub_months(Months::new(n.unsigned_abs() as u32))?
            };
            Interval {
                start,
                end: last_of_month(start.year(), start.month())?,
                precision: Precision::Month,
                uses_anchor: uses,
            }
        }
        Unit::CalendarYear => {
            let year = from.year() + n as i32;
            Interval {
                start: NaiveDate::from_ymd_opt(year, 1, 1)?,
                end: NaiveDate::from_ymd_opt(year, 12, 31)?,
                precision: Precision::Year,
                uses_anchor: uses,
            }
        }
        Unit::Year => {
            let start = with_year(base.start, base.start.year() + n as i32)?;
            let end = with_year(base.end, base.end.year() + n as i32)?;
            Interval { start, end, precision: base.precision, uses_anchor: uses }
        }
    };
    Some(found)
}

/// A counted day, widened by a hedge to `width` days on the hedged side(s).
fn hedged(day: NaiveDate, n: i64, width: i64, hedge: Hedge, uses: bool) -> Interval {
    let widen = |before: i64, after: i64| Interval {
        start: add_days(day, -before).unwrap_or(day),
        end: add_days(day, after).unwrap_or(day),
        precision: Precision::Week,
        uses_anchor: uses,
    };
    // "nearly" falls short of the count: towards the base, whichever way the count runs.
    let forward = n >= 0;
    match hedge {
        Hedge::Exact => day_interval(day, uses),
        Hedge::About => widen(width, width),
        Hedge::Nearly if forward => widen(width, 0),
        Hedge::Nearly => widen(0, width),
        Hedge::MoreThan if forward => widen(0, width),
        Hedge::MoreThan => widen(width, 0),
    }
}

fn day_interval(day: NaiveDate, uses_anchor: bool) -> Interval {
    Interval { start: day, end: day, precision: Precision::Day, uses_anchor }
}

/// A calendar date placed in a year: written, counted from the anchor's year, or chosen by the
/// partial-date rule (see the module docs).
fn place(cal: Cal, anchor: NaiveDate) -> Option<Interval> {
    let (year, uses_anchor) = match cal.year {
        YearSpec::Written(year) => (year, false),
        YearSpec::Anchor(offset) => (anchor.year() + offset, true),
        YearSpec::Free => {
            let year = anchor.year();
            let (start, end, _) = interval(cal, year)?;
            let year = match cal.modifier {
                Modifier::None if start > anchor.checked_add_days(Days::new(LOOKAHEAD_DAYS))? => {
                    year - 1
                }
                Modifier::Last if end >= anchor => year - 1,
                Modifier::Next if start <= anchor => year + 1,
                _ => year,
            };
            (year, true)
        }
    };
    let (start, end, precision) = interval(cal, year)?;
    Some(Interval { start, end, precision, uses_anchor })
}

/// The days a calendar date covers in `year`; `None` for days that do not exist.
fn interval(cal: Cal, year: i32) -> Option<(NaiveDate, NaiveDate, Precision)> {
    match (cal.months, cal.day) {
        (None, _) => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
            Precision::Year,
        )),
        (Some((month, _)), Some(day)) => {
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            Some((date, date, Precision::Day))
        }
        (Some((first, last)), None) => Some((
            NaiveDate::from_ymd_opt(year, first, 1)?,
            last_of_month(year, last)?,
            Precision::Month,
        )),
    }
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    next.pred_opt()
}

/// The same day in another year; 29 February becomes the 28th.
fn with_year(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    date.with_year(year).or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
}

fn add_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        date.checked_add_days(Days::new(n as u64))
    } else {
        date.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Precision from the length of an interval, for ranges and "since" intervals.
fn precision_of(start: NaiveDate, end: NaiveDate) -> Precision {
    match (end - start).num_days() + 1 {
        ..=1 => Precision::Day,
        2..=27 => Precision::Week,
        28..=364 => Precision::Month,
        _ => Precision::Year,
    }
}
