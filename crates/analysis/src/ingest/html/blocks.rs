//! Splits a page into text blocks in reading order, each with what its markup says about it.

use model::BlockKind;
use scraper::{node::Node, ElementRef, Html};

/// One run of text between block-level boundaries.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// Text with whitespace folded.
    pub(super) text: String,
    /// The kind the element or its ancestors' names imply.
    pub(super) hint: Option<BlockKind>,
    /// The nearest block element's tag, such as `p`, `h2` or `li`.
    pub(super) tag: String,
    /// Characters of the text that sit inside links.
    pub(super) link_chars: usize,
    /// The host of each link in the block, empty for relative links.
    pub(super) link_hosts: Vec<String>,
    /// Inside navigation, sidebars, comments, share bars or promos, by tag or class.
    pub(super) boilerplate: bool,
    /// Our own numbers for the enclosing elements, innermost first.
    pub(super) ancestors: Vec<u32>,
}

impl Candidate {
    pub(super) fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    pub(super) fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.text.chars().count().max(1) as f64
    }
}

/// Every visible text block of the page's `<body>`.
pub(super) fn collect(doc: &Html) -> Vec<Candidate> {
    let mut walker = Walker::default();
    let context = Context { hint: None, boilerplate: false, in_link: false };
    walker.element(doc.root_element(), &context);
    walker.flush();
    walker.out
}

#[derive(Clone)]
struct Context {
    hint: Option<BlockKind>,
    boilerplate: bool,
    in_link: bool,
}

#[derive(Default)]
struct Walker {
    out: Vec<Candidate>,
    text: String,
    link_chars: usize,
    link_hosts: Vec<String>,
    hint: Option<BlockKind>,
    boilerplate: bool,
    tag: String,
    stack: Vec<u32>,
    block_tags: Vec<String>,
    next_id: u32,
}

impl Walker {
    fn element(&mut self, element: ElementRef<'_>, outer: &Context) {
        let el = element.value();
        let name = el.name();
        if SKIP.contains(&name) || is_hidden(element) {
            return;
        }
        let block = BLOCK.contains(&name);
        if block || name == "br" {
            self.flush();
        }
        if name == "br" {
            return;
        }
        // Cells of a row read as one line, as the row's text.
        if matches!(name, "td" | "th") {
            self.text.push(' ');
        }
        let mut context = outer.clone();
        let names = names_of(element);
        if matches!(name, "nav" | "aside" | "menu") || is_boilerplate(&names) {
            context.boilerplate = true;
        }
        if let Some(hint) = hint_of(name, &names).filter(|hint| fits(element, *hint)) {
            context.hint = Some(hint);
        }
        if name == "a" {
            context.in_link = true;
            if let Some(href) = el.attr("href") {
                self.link_hosts.push(super::meta::host(href).unwrap_or_default());
            }
        }
        self.next_id += 1;
        self.stack.push(self.next_id);
        if block {
            self.block_tags.push(name.to_string());
        }
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text(text, &context),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child, &context);
                    }
                }
                _ => {}
            }
        }
        if block {
            self.flush();
            self.block_tags.pop();
        }
        self.stack.pop();
    }

    fn text(&mut self, text: &str, context: &Context) {
        if text.trim().is_empty() {
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            return;
        }
        if self.text.trim().is_empty() {
            self.hint = context.hint;
            self.boilerplate = context.boilerplate;
            self.tag = self.block_tags.last().cloned().unwrap_or_default();
        }
        self.boilerplate |= context.boilerplate;
        if context.in_link {
            self.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
        }
        self.text.push_str(text);
    }

    fn flush(&mut self) {
        let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.text.clear();
        let link_chars = std::mem::take(&mut self.link_chars);
        let link_hosts = std::mem::take(&mut self.link_hosts);
        if text.is_empty() {
            return;
        }
        let ancestors = self.stack.iter().rev().copied().collect();
        self.out.push(Candidate {
            text,
            hint: self.hint,
            tag: std::mem::take(&mut self.tag),
            link_chars,
            link_hosts,
            boilerplate: self.boilerplate,
            ancestors,
        });
    }
}

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "button", "select", "option", "textarea", "input", "label", "canvas", "video", "audio", "map",
];

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

fn is_hidden(element: ElementRef<'_>) -> bool {
    let el = element.value();
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let style: String =
            style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Class, id and itemprop values, lowercased and split into word tokens.
fn names_of(element: ElementRef<'_>) -> Vec<String> {
    let el = element.value();
    let mut out = Vec::new();
    for value in el.classes().chain(el.id()).chain(el.attr("itemprop")).chain(el.attr("role")) {
        let value = value.to_ascii_lowercase();
        out.extend(
            value
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|t| !t.is_empty())
                .map(str::to_string),
        );
        out.push(value);
    }
    out
}

fn has_token(names: &[String], cues: &[&str]) -> bool {
    names.iter().any(|name| cues.contains(&name.as_str()))
}

/// Long cues also match inside run-together names such as `articleStandfirst`.
fn has_cue(names: &[String], cues: &[&str]) -> bool {
    names.iter().any(|name| cues.iter().any(|cue| name.contains(cue)))
}

fn hint_of(tag: &str, names: &[String]) -> Option<BlockKind> {
    if matches!(tag, "figcaption" | "caption") {
        return Some(BlockKind::Caption);
    }
    if has_cue(names, &["credit", "photographer", "fotografo"]) {
        return Some(BlockKind::PhotoCredit);
    }
    if has_cue(names, &["caption", "leyenda", "epigrafe", "piedefoto", "pie-de-foto"])
        || has_token(names, &["legend", "cutline"])
    {
        return Some(BlockKind::Caption);
    }
    if has_cue(names, &["byline", "author", "autor", "firma", "dateline"])
        && !has_cue(names, &["authority", "bio", "box"])
    {
        return Some(BlockKind::Byline);
    }
    // `speakable` marks the lead paragraph for voice assistants; it is story text, not a deck.
    if has_cue(names, &["speakable"]) {
        return None;
    }
    if has_cue(
        names,
        &["standfirst", "subtitle", "subheadline", "bajada", "sumario", "entradilla", "summary"],
    ) || has_token(names, &["dek", "deck", "excerpt", "subhead"])
    {
        return Some(BlockKind::Standfirst);
    }
    None
}

/// A class such as `article-description` can sit on the whole story; a hint holds only for
/// elements small enough to be what it names.
fn fits(element: ElementRef<'_>, hint: BlockKind) -> bool {
    let limit = match hint {
        BlockKind::Byline | BlockKind::PhotoCredit => 30,
        BlockKind::Standfirst => 100,
        _ => 150,
    };
    element.text().flat_map(str::split_whitespace).take(limit + 1).count() <= limit
}

fn is_boilerplate(names: &[String]) -> bool {
    has_token(
        names,
        &[
            "nav",
            "navbar",
            "navigation",
            "menu",
            "sidebar",
            "breadcrumb",
            "breadcrumbs",
            "comments",
            "comment",
            "respond",
            "share",
            "sharing",
            "social",
            "newsletter",
            "subscribe",
            "promo",
            "advert",
            "advertisement",
            "ad",
            "ads",
            "cookie",
            "cookies",
            "popup",
            "modal",
            "related",
            "recommended",
            "outbrain",
            "taboola",
            "tags",
            "footer",
            "masthead",
            "skip",
        ],
    ) || has_cue(names, &["relacionad", "comentarios", "most-read", "mostread", "trending"])
}
