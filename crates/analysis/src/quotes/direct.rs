//! Direct quotes: text between quotation marks or after a dialogue dash, grouped into quotes and attributed.

use model::Span;

use super::{
    doc::Doc,
    speaker::{self, Attribution, Slot},
    RawQuote,
};
use crate::quotes::QuoteKind;

/// One run of quoted text inside a block.
#[derive(Debug, Clone)]
struct Segment {
    block: usize,
    /// Token of the opening mark (or the dialogue dash).
    open: usize,
    /// Token of the closing mark; `None` when the block ends first.
    close: Option<usize>,
    /// Content tokens `first..end`.
    first: usize,
    end: usize,
    content: Span,
    /// For dialogue, the narrator's words after this run (`—dijo X—`), as tokens.
    incision: Option<(usize, usize)>,
}

fn is_dash(raw: &str) -> bool {
    matches!(raw, "—" | "–" | "―")
}

/// How a double quotation mark reads from its neighbours.
#[derive(PartialEq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn mark_role(doc: &Doc<'_>, i: usize) -> Mark {
    let t = doc.tokens[i];
    let before = doc.char_before(t.start).filter(|c| *c != '\n');
    let after = doc.char_at(t.end).filter(|c| *c != '\n');
    let open_before =
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '¿'));
    let space_after = after.is_none_or(char::is_whitespace);
    match (open_before, space_after) {
        (true, false) => Mark::Open,
        (false, _) => Mark::Close,
        (true, true) => Mark::Either,
    }
}

/// Every quoted run of the extraction blocks, in text order.
fn segments(doc: &Doc<'_>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        let block = doc.block_of[i];
        let mut hi = i;
        while hi < doc.len() && doc.block_of[hi] == block {
            hi += 1;
        }
        if is_dash(doc.raw(i)) && hi > i + 1 {
            dialogue(doc, block, i, hi, &mut out);
        } else {
            marked(doc, block, i, hi, &mut out);
        }
        i = hi;
    }
    out
}

fn push(
    doc: &Doc<'_>,
    out: &mut Vec<Segment>,
    block: usize,
    open: usize,
    close: Option<usize>,
    end: usize,
) {
    let first = open + 1;
    if first >= end {
        return;
    }
    out.push(Segment {
        block,
        open,
        close,
        first,
        end,
        content: doc.cover(first, end),
        incision: None,
    });
}

/// Runs between quotation marks in tokens `lo..hi` of one block.
fn marked(doc: &Doc<'_>, block: usize, lo: usize, hi: usize, out: &mut Vec<Segment>) {
    // The opening mark's token and whether it is a guillemet.
    let mut open: Option<(usize, bool)> = None;
    for i in lo..hi {
        match doc.raw(i) {
            "«" if open.is_none() => open = Some((i, true)),
            "»" => {
                if let Some((o, true)) = open {
                    push(doc, out, block, o, Some(i), i);
                    open = None;
                }
            }
            "“" | "”" | "\"" => match (open, mark_role(doc, i)) {
                (Some((_, true)), _) => {}
                (Some((o, false)), Mark::Close | Mark::Either) => {
                    push(doc, out, block, o, Some(i), i);
                    open = None;
                }
                (Some((o, false)), Mark::Open) => {
                    // The previous run was never closed: it ends here and a new one starts.
                    push(doc, out, block, o, None, i);
                    open = Some((i, false));
                }
                (None, Mark::Open | Mark::Either) => open = Some((i, false)),
                (None, Mark::Close) => {}
            },
            _ => {}
        }
    }
    if let Some((o, _)) = open {
        push(doc, out, block, o, None, hi);
    }
}

/// Spanish dialogue: `—Words —dijo X—. More words`, in tokens `lo..hi` of one block.
fn dialogue(doc: &Doc<'_>, block: usize, lo: usize, hi: usize, out: &mut Vec<Segment>) {
    let mut start = lo;
    let mut i = lo + 1;
    while i <= hi {
        let opens_incision = i < hi
            && is_dash(doc.raw(i))
            && doc.char_before(doc.tokens[i].start).is_some_and(char::is_whitespace)
            && doc.char_at(doc.tokens[i].end).is_some_and(|c| !c.is_whitespace());
        if i == hi || opens_incision {
            let mut incision = None;
            let mut next = hi;
            if i < hi {
                let mut k = i + 1;
                while k < hi && !is_dash(doc.raw(k)) {
                    k += 1;
                }
                incision = Some((i + 1, k));
                next = k + 1;
                while next < hi && matches!(doc.raw(next), "." | "," | ";" | ":") {
                    next += 1;
                }
            }
            let before = out.len();
            push(doc, out, block, start, Some(i.min(hi - 1)), i);
            if out.len() > before {
                let seg = out.last_mut().expect("just pushed");
                seg.incision = incision;
                if i == hi {
                    seg.close = None;
                }
            }
            if next >= hi {
                break;
            }
            // The next run starts after the incision; `start` plays the opening mark.
            start = next - 1;
            i = next;
            continue;
        }
        i += 1;
    }
}

/// The end of the sentence holding token `i`, as a token index, capped at `cap`.
fn sentence_end(doc: &Doc<'_>, i: usize, cap: usize) -> usize {
    let sentence = doc.sentence_of[i];
    let mut k = i;
    while k < cap && doc.sentence_of[k] == sentence {
        k += 1;
    }
    k
}

fn sentence_start(doc: &Doc<'_>, i: usize) -> usize {
    let sentence = doc.sentence_of[i];
    let mut k = i;
    while k > 0 && doc.sentence_of[k - 1] == sentence {
        k -= 1;
    }
    k
}

/// Whether segment `n` has an attribution of its own after its closing mark (`"…," X said.
/// "…," Y replied.`), so it is no second fragment of the quote before it.
fn credited_apart(doc: &Doc<'_>, segs: &[Segment], n: usize, quoted: &[bool]) -> bool {
    let Some(close) = segs[n].close else { return false };
    let cap = segs.get(n + 1).map_or(doc.len(), |next| next.open);
    let end = sentence_end(doc, close, cap);
    speaker::trailing(doc, close + 1, end, quoted).is_some()
}

/// Direct and scare quotes; marks `quoted` for every token inside quotation marks.
pub(super) fn find(doc: &Doc<'_>, quoted: &mut [bool]) -> Vec<RawQuote> {
    let segs = segments(doc);
    for seg in &segs {
        for flag in &mut quoted[seg.first..seg.end] {
            *flag = true;
        }
    }
    let quoted: &[bool] = quoted;
    // Groups of segments that make one quote, with the attribution found between them.
    let mut groups: Vec<(Vec<usize>, Option<Attribution>)> = Vec::new();
    for (n, seg) in segs.iter().enumerate() {
        if let Some((members, attribution)) = groups.last_mut() {
            let prev = &segs[*members.last().expect("groups are never empty")];
            let block_start = doc.token_at(doc.blocks[seg.block].0.start);
            // A quote left open at a paragraph's end goes on when the next paragraph opens again.
            if prev.close.is_none()
                && prev.incision.is_none()
                && !is_dash(doc.raw(prev.open))
                && seg.block == prev.block + 1
                && seg.open == block_start
                && seg.incision.is_none()
            {
                members.push(n);
                continue;
            }
            // Dialogue runs of one paragraph are one quote; the first incision with a cue credits it.
            if seg.block == prev.block && prev.incision.is_some() {
                members.push(n);
                if attribution.is_none() {
                    *attribution =
                        seg.incision.and_then(|(a, b)| speaker::incision(doc, a, b, quoted));
                }
                continue;
            }
            // "…," he said. "…": one quote split by its attribution.
            if let (Some(close), true) = (prev.close, seg.block == prev.block) {
                // `“… sort of, ‘Don’t hit me,’” X said. “…”`: a closing single quote may end it.
                let mut last = doc.raw(prev.end - 1);
                if matches!(last, "’" | "'") && prev.end - 1 > prev.first {
                    last = doc.raw(prev.end - 2);
                }
                let between = (close + 1, seg.open);
                let splits = matches!(last, "," | "?" | "!" | "…")
                    || doc.raw(close + 1) == ","
                    || (between.1 > between.0 && doc.raw(between.1 - 1) == ",");
                // `"…," said X, a long appositive about X. "…"`: a longer attribution still
                // splits the quote when it is one sentence that the next run follows.
                let one_sentence = between.1 > between.0
                    && between.1 - between.0 <= 48
                    && doc.sentence_of[between.1 - 1] == doc.sentence_of[close]
                    && matches!(doc.raw(between.1 - 1), "." | ",");
                if splits
                    && (between.1 - between.0 <= 16 || one_sentence)
                    && !credited_apart(doc, &segs, n, quoted)
                {
                    if let Some(found) = speaker::trailing(doc, between.0, between.1, quoted) {
                        if attribution.is_none() {
                            *attribution = Some(found);
                        }
                        members.push(n);
                        continue;
                    }
                }
            }
        }
        let attribution = seg.incision.and_then(|(a, b)| speaker::incision(doc, a, b, quoted));
        groups.push((vec![n], attribution));
    }

    let mut out = Vec::new();
    let mut last_block_with_speaker: Option<usize> = None;
    for (members, mut attribution) in groups {
        let first = &segs[members[0]];
        let last = &segs[*members.last().expect("groups are never empty")];
        let is_dialogue = is_dash(doc.raw(first.open));
        let mut closing = None;
        if attribution.is_none() && !is_dialogue {
            if let Some(close) = last.close {
                // A few quoted words in the attribution ("wearing “Vote Union” pins") do not
                // end it.
                let short = |s: &&Segment| {
                    doc.sentence_of[s.open] == doc.sentence_of[close]
                        && (s.first..s.end).filter(|&t| doc.is_word(t)).count() <= 3
                };
                let next_open =
                    segs.iter().find(|s| s.open > close && !short(s)).map_or(doc.len(), |s| s.open);
                let cap = next_open.min(doc.len());
                let mut end = sentence_end(doc, close, cap);
                // `“… Trump!” US Senator Jeff Sessions said`, `“….” ― Sonya Herridge`: a quote
                // ending in "!" or "?", or followed by a dash, ends its sentence for the
                // splitter, yet the attribution follows in the same block.
                if end == close + 1
                    && end < cap
                    && close > 0
                    && (matches!(doc.raw(close - 1), "!" | "?")
                        || (close > 1
                            && matches!(doc.raw(close - 1), "’" | "'")
                            && matches!(doc.raw(close - 2), "!" | "?"))
                        || matches!(doc.raw(end), "—" | "–" | "―"))
                    && doc.block_of[end] == doc.block_of[close]
                {
                    end = sentence_end(doc, end, cap);
                }
                attribution = speaker::trailing(doc, close + 1, end, quoted);
                closing = Some((close, end));
            }
        }
        if attribution.is_none() && !is_dialogue {
            let lo = sentence_start(doc, first.open);
            attribution = speaker::leading(doc, lo, first.open, quoted);
        }
        // `… with a “candidate who is a lightning rod” and Clevelanders get nervous, said
        // Christine Link`: an attribution closing the sentence credits a quote inside it.
        if let (None, Some((close, end))) = (&attribution, closing) {
            attribution = speaker::sentence_final(doc, close + 1, end, quoted);
        }
        // `Jared Potts echoed: ¶ "…"`: a paragraph ending in a colon introduces the quote that
        // opens the next one.
        let starts_paragraph = first.open == doc.token_at(doc.blocks[first.block].0.start);
        if attribution.is_none() && !is_dialogue && starts_paragraph && first.open > 0 {
            let colon = first.open - 1;
            if doc.raw(colon) == ":" && doc.block_of[colon] + 1 == first.block && !quoted[colon] {
                let lo = sentence_start(doc, colon);
                attribution = speaker::leading(doc, lo, colon + 1, quoted)
                    .filter(|found| !matches!(found.speaker, Slot::Null));
            }
        }
        let words: usize = members
            .iter()
            .map(|&m| (segs[m].first..segs[m].end).filter(|&t| doc.is_word(t)).count())
            .sum();
        let headline = doc.blocks[first.block].1;
        let (kind, cue, slot) = match attribution {
            Some(found) => (QuoteKind::Direct, Some(found.cue), found.speaker),
            None if words <= 3 && members.len() == 1 && !is_dialogue => {
                (QuoteKind::Scare, None, Slot::None)
            }
            None => {
                let near = last_block_with_speaker
                    .is_some_and(|b| first.block <= b + 2 || starts_paragraph);
                let slot =
                    if !headline && (is_dialogue || near) { Slot::Continue } else { Slot::None };
                (QuoteKind::Direct, None, slot)
            }
        };
        if kind == QuoteKind::Direct && !matches!(slot, Slot::None) {
            last_block_with_speaker = Some(last.block);
        }
        let marks_end = last.close.map_or(last.content.end, |c| doc.tokens[c].end);
        out.push(RawQuote {
            covers: Span::new(doc.tokens[first.open].start, marks_end),
            content: members.iter().map(|&m| segs[m].content).collect(),
            kind,
            cue,
            speaker: slot,
        });
    }
    out
}
