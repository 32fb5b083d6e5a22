//! Chooses which of a page's blocks are the article, and labels the ones markup or layout explains.
//!
//! `rs-trafilatura` decides what the main content is; its output is flat text, so its choice is
//! mapped back onto our own blocks of the page, which still know their tags and class names.
//! Pages it finds nothing in fall back to the densest container of paragraphs.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use model::BlockKind;

use super::blocks::Candidate;
use super::meta::PageMeta;

/// A chosen block and its hint.
pub(super) type Chosen = (String, Option<BlockKind>);

/// The article's blocks in reading order; empty when none are found.
pub(super) fn choose(html: &str, candidates: &[Candidate], page: &PageMeta) -> Vec<Chosen> {
    let mut keep = match guide(html, page.url.as_deref()) {
        Some(guide) => follow(candidates, &guide),
        None => densest(candidates),
    };
    keep_furniture(candidates, &mut keep);
    label(candidates, &keep, page)
}

/// Also keeps captions, credits, bylines and decks that sit inside the article's container,
/// so that later stages see them labelled rather than never see them.
fn keep_furniture(candidates: &[Candidate], keep: &mut [bool]) {
    let mut words: HashMap<u32, (usize, usize)> = HashMap::new();
    let mut total = 0;
    for candidate in candidates.iter().zip(keep.iter()).filter(|(_, keep)| **keep).map(|(c, _)| c) {
        total += candidate.words();
        let depth = candidate.ancestors.len();
        for (level, id) in candidate.ancestors.iter().enumerate() {
            words.entry(*id).or_insert((0, depth - level)).0 += candidate.words();
        }
    }
    // The deepest element holding nearly all kept words is the article.
    let Some(container) = words
        .iter()
        .filter(|(_, (count, _))| *count * 10 >= total * 9)
        .max_by_key(|(id, (_, depth))| (*depth, std::cmp::Reverse(**id)))
        .map(|(id, _)| *id)
    else {
        return;
    };
    // Headers and lead figures are often siblings of the body container, so look one level up.
    let container = candidates
        .iter()
        .find_map(|candidate| {
            let at = candidate.ancestors.iter().position(|id| *id == container)?;
            candidate.ancestors.get(at + 1).copied()
        })
        .unwrap_or(container);
    for (candidate, keep) in candidates.iter().zip(keep.iter_mut()) {
        let furniture = matches!(
            candidate.hint,
            Some(
                BlockKind::Caption
                    | BlockKind::PhotoCredit
                    | BlockKind::Byline
                    | BlockKind::Standfirst
            )
        );
        if furniture && !candidate.boilerplate && candidate.ancestors.contains(&container) {
            *keep = true;
        }
    }
}

/// The main text as `rs-trafilatura` sees it, or `None` when it finds none.
fn guide(html: &str, url: Option<&str>) -> Option<String> {
    let options = rs_trafilatura::Options {
        url: url.map(str::to_string),
        ..rs_trafilatura::Options::default()
    };
    // Scripts, styles and inline SVG are a large share of modern pages and never article text;
    // dropping them first roughly halves the extractor's parsing and selector work.
    let html = strip_inert(html);
    // The extractor is third-party code run on untrusted markup: a panic there must not end the batch.
    let result =
        std::panic::catch_unwind(|| rs_trafilatura::extract_with_options(&html, &options).ok())
            .ok()
            .flatten()?;
    Some(result.content_text).filter(|text| !text.trim().is_empty())
}

/// The page without the contents of `<script>`, `<style>`, `<svg>` and `<noscript>` elements
/// and without comments; an element left open runs to the end of the page.
fn strip_inert(html: &str) -> String {
    const INERT: [(&[u8], &[u8]); 5] = [
        (b"<script", b"</script"),
        (b"<style", b"</style"),
        (b"<svg", b"</svg"),
        (b"<noscript", b"</noscript"),
        (b"<!--", b"-->"),
    ];
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start..];
        let Some((_, close)) = INERT.iter().find(|(open, _)| {
            rest.len() > open.len()
                && rest[..open.len()].eq_ignore_ascii_case(open)
                && (open.starts_with(b"<!") || !rest[open.len()].is_ascii_alphanumeric())
        }) else {
            at = start + 1;
            continue;
        };
        out.push_str(&html[copied..start]);
        let end = find_ignore_case(&bytes[start..], close)
            .map(|pos| start + pos + close.len())
            .and_then(|pos| memchr::memchr(b'>', &bytes[pos - 1..]).map(|gt| pos + gt))
            .unwrap_or(bytes.len());
        copied = end;
        at = end;
    }
    out.push_str(&html[copied..]);
    out
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut at = 0;
    while let Some(offset) =
        memchr::memchr2(first.to_ascii_lowercase(), first.to_ascii_uppercase(), &haystack[at..])
    {
        let start = at + offset;
        if haystack.len() - start >= needle.len()
            && haystack[start..start + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// Keeps the blocks whose word sequences the guide text contains, each use consuming its share.
///
/// Counting uses, rather than testing membership, keeps a paragraph that the page prints twice
/// (a hidden mobile copy, a pull quote) from being kept twice. Blocks of one to three words
/// match almost anything, so they must equal a whole guide line or sit between kept blocks.
fn follow(candidates: &[Candidate], guide: &str) -> Vec<bool> {
    let guide_tokens = tokens(guide);
    let mut grams: HashMap<u64, u32> = HashMap::new();
    for window in guide_tokens.windows(4) {
        *grams.entry(hash(window)).or_default() += 1;
    }
    let mut lines: HashMap<String, u32> = HashMap::new();
    for line in guide.lines() {
        *lines.entry(squash(line)).or_default() += 1;
    }
    let words: Vec<Vec<String>> =
        candidates.iter().map(|candidate| tokens(&candidate.text)).collect();
    let mut keep: Vec<bool> = words
        .iter()
        .map(|words| {
            if words.len() < 4 {
                return false;
            }
            let keys: Vec<u64> = words.windows(4).map(hash).collect();
            let found =
                keys.iter().filter(|key| grams.get(key).is_some_and(|count| *count > 0)).count();
            let keep = found * 2 > keys.len();
            if keep {
                for key in &keys {
                    if let Some(count) = grams.get_mut(key) {
                        *count = count.saturating_sub(1);
                    }
                }
            }
            keep
        })
        .collect();
    let guide_words: std::collections::HashSet<&String> = guide_tokens.iter().collect();
    for index in 0..candidates.len() {
        if words[index].is_empty() || words[index].len() >= 4 {
            continue;
        }
        let line = squash(&candidates[index].text);
        if let Some(count) = lines.get_mut(&line).filter(|count| **count > 0) {
            *count -= 1;
            keep[index] = true;
            continue;
        }
        let between = index > 0 && keep[index - 1] && keep.get(index + 1).copied().unwrap_or(false);
        keep[index] = between && words[index].iter().all(|word| guide_words.contains(word));
    }
    keep
}

/// Without a guide: the element whose paragraphs hold the most plain (unlinked) words, readability-style.
fn densest(candidates: &[Candidate]) -> Vec<bool> {
    let mut scores: HashMap<u32, f64> = HashMap::new();
    for candidate in candidates.iter().filter(|c| !c.boilerplate && c.tag == "p" && c.words() >= 8)
    {
        let score = candidate.words() as f64 * (1.0 - candidate.link_density());
        for (level, id) in candidate.ancestors.iter().skip(1).take(3).enumerate() {
            *scores.entry(*id).or_default() += score / (level + 1) as f64;
        }
    }
    let Some(best) =
        scores.iter().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0))).map(|(id, _)| *id)
    else {
        return vec![false; candidates.len()];
    };
    candidates
        .iter()
        .map(|c| c.ancestors.contains(&best) && !c.boilerplate && c.link_density() < 0.5)
        .collect()
}

/// Turns kept blocks into hinted output: headline first, then the rest with what layout says.
fn label(candidates: &[Candidate], keep: &[bool], page: &PageMeta) -> Vec<Chosen> {
    let title = page.title.as_deref().map(squash).unwrap_or_default();
    // Some sites wrap their logo in the only `<h1>`: a short h1 unlike the title is not the headline.
    let outlet = page.outlet.as_deref().map(squash).unwrap_or_default();
    let h1 = page.h1.as_deref().filter(|text| {
        let h1 = squash(text);
        let alike = !h1.is_empty() && (title.contains(&h1) || h1.contains(&title));
        title.is_empty() || alike || (text.split_whitespace().count() >= 4 && h1 != outlet)
    });
    let headline = h1.or(page.title.as_deref()).map(squash).unwrap_or_default();
    let description = page.description.as_deref().map(squash).unwrap_or_default();
    let site = page.url.as_deref().and_then(super::meta::host).unwrap_or_default();
    let mut out: Vec<Chosen> = Vec::new();
    if let Some(text) = h1.or(page.title.as_deref()) {
        out.push((text.to_string(), Some(BlockKind::Headline)));
    }
    let mut seen_body = false;
    for (candidate, _) in candidates.iter().zip(keep).filter(|(_, keep)| **keep) {
        let text = &candidate.text;
        let key = squash(text);
        let heading = matches!(candidate.tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        // The headline is already out front; repeats of it are page furniture.
        if !seen_body && (key == headline || key == title) {
            continue;
        }
        let mut hint = candidate.hint;
        if hint.is_none() && !seen_body && heading && !description.is_empty() && key == description
        {
            hint = Some(BlockKind::Standfirst);
        }
        // A deck sits above the story; the same class further down is some other furniture.
        if hint == Some(BlockKind::Standfirst) && seen_body {
            hint = None;
        }
        // A paragraph that is one link to another page of the same site promotes another story;
        // links elsewhere (shops, sources) are part of what the article says.
        if hint.is_none()
            && candidate.link_density() >= 0.8
            && !candidate.link_hosts.is_empty()
            && candidate.link_hosts.iter().all(|host| host.is_empty() || *host == site)
        {
            hint = Some(BlockKind::RelatedLink);
        }
        if hint.is_none() && candidate.words() >= 12 {
            seen_body = true;
        }
        out.push((text.clone(), hint));
    }
    // "DON'T MISS", "You may also like": a short unlabelled line that only introduces promos.
    for index in 1..out.len().saturating_sub(1) {
        let short = out[index].0.split_whitespace().count() <= 6;
        if short && out[index].1.is_none() && out[index + 1].1 == Some(BlockKind::RelatedLink) {
            out[index].1 = Some(BlockKind::RelatedLink);
        }
    }
    if out.iter().all(|(_, hint)| *hint == Some(BlockKind::Headline)) {
        out.clear();
    }
    out
}

/// Lowercased word tokens, split as the benchmark's `\w+` splits them.
pub(super) fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !is_word_char(c))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || unicode_normalization::char::is_combining_mark(c)
}

/// Letters and digits only, lowercased, for comparing a block with a title.
fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn hash(words: &[String]) -> u64 {
    let mut hasher = DefaultHasher::new();
    words.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::strip_inert;

    #[test]
    fn inert_elements_are_dropped() {
        assert_eq!(
            strip_inert("<p>a</p><SCRIPT type=x>if (a<b) {}</script ><p>b</p><!-- <p>c</p> --><style>p{}</style>"),
            "<p>a</p><p>b</p>"
        );
        assert_eq!(
            strip_inert("<p>keep <scripts> and <svgx></p>"),
            "<p>keep <scripts> and <svgx></p>"
        );
        assert_eq!(strip_inert("<p>a</p><script>never closed"), "<p>a</p>");
        assert_eq!(strip_inert("<svg><path d='M0'/></svg><p>é</p>"), "<p>é</p>");
    }
}
