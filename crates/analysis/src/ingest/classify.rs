//! Labels each block: headline, body, caption, byline, promo, prompt, footer and so on.
//!
//! Markup hints come first; text cues in English and Spanish override a plain body hint,
//! because scraped pages put promos, credits and footers inside ordinary paragraphs.

use model::BlockKind;

use super::{clean::Cleaned, Draft};

/// Returns, for each cleaned block, its kind and whether it repeats the block before it.
pub(super) fn classify(cleaned: &Cleaned, draft: &Draft) -> Vec<(BlockKind, bool)> {
    let mut out: Vec<(BlockKind, bool)> = Vec::with_capacity(cleaned.spans.len());
    let mut previous: Option<&str> = None;
    for (span, &origin) in cleaned.spans.iter().zip(&cleaned.origins) {
        let text = span.slice(&cleaned.text);
        let hint = draft.blocks[origin].hint;
        let mut kind = match hint {
            Some(BlockKind::Body) | None => by_text(text).unwrap_or(BlockKind::Body),
            Some(kind) => kind,
        };
        let repeated = previous == Some(text);
        if repeated {
            // A block printed twice in a row is a scraped caption, unless it is the headline.
            if let Some(last) = out.last_mut() {
                if last.0 == BlockKind::Body && word_count(text) <= 60 {
                    last.0 = BlockKind::Caption;
                }
                kind = last.0;
            }
        }
        out.push((kind, repeated));
        previous = Some(text);
    }
    out
}

/// The kind that a block's own words reveal, if any.
pub(crate) fn by_text(text: &str) -> Option<BlockKind> {
    let words = word_count(text);
    // Long paragraphs can only be promos by their opening words; lowercasing all of them is waste.
    let lower = if words > 60 {
        text[..floor_char_boundary(text, 80)].to_lowercase()
    } else {
        text.to_lowercase()
    };
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©');
    if RELATED.iter().any(|cue| lower.starts_with(cue)) {
        return Some(BlockKind::RelatedLink);
    }
    if words > 60 {
        return None;
    }
    if words <= 60
        && (CONTRIBUTOR.iter().any(|cue| lower.contains(cue))
            || CONTRIBUTOR_START.iter().any(|cue| lower.starts_with(cue)))
    {
        return Some(BlockKind::Contributor);
    }
    if words <= 60 && (lower.starts_with('©') || LICENCE.iter().any(|cue| lower.contains(cue))) {
        return Some(BlockKind::Licence);
    }
    // Ad-slot labels are calls for the reader's attention, not story text.
    if words <= 2 && ADVERT.iter().any(|label| lower.trim_end_matches([':', '.']) == *label) {
        return Some(BlockKind::ReaderPrompt);
    }
    if words <= 40 {
        // Where each sentence of the block starts, found once rather than once per cue.
        let starts: Vec<&str> = std::iter::once(lower)
            .chain(lower.match_indices(". ").map(|(at, _)| &lower[at + 2..]))
            .collect();
        if PROMPT.iter().any(|cue| starts.iter().any(|start| start.starts_with(cue))) {
            return Some(BlockKind::ReaderPrompt);
        }
    }
    if words <= 20 && is_photo_credit(lower) {
        return Some(BlockKind::PhotoCredit);
    }
    if words <= 12 && is_byline(text) {
        return Some(BlockKind::Byline);
    }
    None
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len())).rev().find(|&idx| text.is_char_boundary(idx)).unwrap_or(0)
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

const RELATED: &[&str] = &[
    "see also",
    "read more:",
    "read more ",
    "read also",
    "read next",
    "related:",
    "related coverage",
    "related stories",
    "related article",
    "more on this story",
    "recommended:",
    "lea también",
    "lee también",
    "te puede interesar",
    "también te puede interesar",
    "le puede interesar",
    "puede interesarte",
    "ver también",
    "véase también",
    "leer más",
    "lea más",
    "mira también",
    "más información:",
    "relacionado:",
    "relacionadas:",
    "noticias relacionadas",
    "tags:",
    "topics:",
    "etiquetas:",
    "temas:",
    "more about:",
];

const CONTRIBUTOR_START: &[&str] = &[
    "additional reporting by",
    "reporting by ",
    "editing by ",
    "con información de ",
    "con reportes de ",
];

const CONTRIBUTOR: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "contributed to this story",
    "colaboró en esta nota",
    "colaboró en este informe",
    "colaboraron en este informe",
    "colaboraron en esta nota",
];

const LICENCE: &[&str] = &[
    "all rights reserved",
    "todos los derechos reservados",
    "copyright ",
    "creative commons",
    "licensed under",
    "under a licence",
    "under a license",
    "bajo licencia",
    "bajo una licencia",
    "prohibida su reproducción",
    "prohibida la reproducción",
    "this story was first published",
    "this article was first published",
    "this article is republished",
    "was originally published",
    "publicado originalmente",
    "fue publicado originalmente",
];

const PROMPT: &[&str] = &[
    "what are your thoughts",
    "what do you think",
    "tell us what you think",
    "leave a comment",
    "join the conversation",
    "comment below",
    "click here",
    "tap here",
    "sign up",
    "subscribe",
    "share this",
    "follow us",
    "download our app",
    "support our journalism",
    "have a news tip",
    "¿qué opinas",
    "qué opinas",
    "¿qué piensas",
    "déjanos tu comentario",
    "deja tu comentario",
    "haz clic",
    "haga clic",
    "pulsa aquí",
    "suscríbete",
    "suscríbase",
    "síguenos",
    "síganos",
    "únete",
    "descarga nuestra app",
    "comparte esta",
    "comments are moderated",
    "comments are the responsibility",
    "los comentarios son responsabilidad",
    "los comentarios están moderados",
];

const ADVERT: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "publicidad",
    "anuncio",
    "contenido patrocinado",
];

const AGENCIES: &[&str] = &[
    "afp",
    "reuters",
    "ap",
    "efe",
    "getty images",
    "andina",
    "ansa",
    "epa",
    "dpa",
    "xinhua",
    "shutterstock",
    "archivo",
    "file photo",
];

fn is_photo_credit(lower: &str) -> bool {
    const STARTS: &[&str] = &[
        "photo:",
        "photo by",
        "photos:",
        "photograph:",
        "image:",
        "picture:",
        "credit:",
        "foto:",
        "fotos:",
        "fotografía:",
        "imagen:",
        "crédito:",
        "(photo",
        "(foto",
        "video:",
    ];
    if STARTS.iter().any(|cue| lower.starts_with(cue)) {
        return true;
    }
    let tail = lower.trim_end_matches(|c: char| c == '.' || c == ')' || c.is_whitespace());
    lower.contains('/') && AGENCIES.iter().any(|agency| tail.ends_with(agency))
}

/// "By Ana Torres", "Por Redacción Radio Sur", "By Ana Torres and Luis Vega | Andes Wire".
fn is_byline(text: &str) -> bool {
    let Some(rest) = ["By ", "BY ", "Por ", "POR ", "Written by ", "Escrito por "]
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
    else {
        return false;
    };
    let names = rest.split(['|', ',', '—', '–']).next().unwrap_or(rest);
    let words: Vec<&str> = names.split_whitespace().collect();
    !words.is_empty()
        && !text.trim_end().ends_with('.')
        && words.iter().all(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                || matches!(*word, "and" | "y" | "de" | "del" | "la" | "van" | "von" | "da")
        })
}

/// Author names from a byline block: "By Ana Torres and Luis Vega, Andes Wire" gives both names.
///
/// After the last "and", a comma starts an affiliation; with no "and", only the first name is a person
/// ("By Ana Torres, Staff Writer").
pub(crate) fn byline_names(text: &str) -> Vec<String> {
    let rest = ["By ", "BY ", "Por ", "POR ", "Written by ", "Escrito por "]
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
        .unwrap_or(text);
    let names = rest.split(['|', '—', '–']).next().unwrap_or(rest);
    let last_and = [" and ", " y ", " & "]
        .iter()
        .filter_map(|sep| names.rfind(sep).map(|at| (at, sep.len())))
        .max();
    let mut out: Vec<&str> = Vec::new();
    match last_and {
        Some((at, len)) => {
            out.extend(names[..at].split(','));
            out.push(names[at + len..].split(',').next().unwrap_or(""));
        }
        None => out.push(names.split(',').next().unwrap_or(names)),
    }
    out.into_iter()
        .map(|name| name.trim().trim_end_matches('.').to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: Option<BlockKind>) {
        assert_eq!(by_text(text), expect, "{text}");
    }

    #[test]
    fn boilerplate_cues() {
        check("SEE ALSO: Peru declares emergency in Lima", Some(BlockKind::RelatedLink));
        check("Lea también: Gobierno evalúa estado de emergencia", Some(BlockKind::RelatedLink));
        check("Te puede interesar | Capturan a cabecilla", Some(BlockKind::RelatedLink));
        check("Read more: How extortion spread", Some(BlockKind::RelatedLink));
        check("What are your thoughts? Leave a comment below.", Some(BlockKind::ReaderPrompt));
        check("Suscríbete a nuestro boletín", Some(BlockKind::ReaderPrompt));
        check("Click here to get the newsletter", Some(BlockKind::ReaderPrompt));
        check("© 2023 Andes Wire. All rights reserved.", Some(BlockKind::Licence));
        check(
            "This article is published under a Creative Commons licence.",
            Some(BlockKind::Licence),
        );
        check("Ana Torres contributed to this report.", Some(BlockKind::Contributor));
        check("Photo: Carlos Ruiz / Agencia Sur", Some(BlockKind::PhotoCredit));
        check("Foto: Andina", Some(BlockKind::PhotoCredit));
        check("Police patrol Gamarra. (Carlos Ruiz / AFP)", Some(BlockKind::PhotoCredit));
        check("By Ana Torres and Luis Vega", Some(BlockKind::Byline));
        check("Publicidad", Some(BlockKind::ReaderPrompt));
        check("ADVERTISEMENT", Some(BlockKind::ReaderPrompt));
        check("Por Redacción Radio Sur", Some(BlockKind::Byline));
    }

    #[test]
    fn story_text_stays_body() {
        check("Police said they would subscribe to no such theory.", None);
        check("By Tuesday, 700 officers had been deployed.", None);
        check("The gang is part of Tren de Aragua, police said.", None);
        check("Comerciantes de La Victoria denunciaron extorsiones.", None);
    }

    #[test]
    fn byline_names_are_split() {
        assert_eq!(
            byline_names("By Ana Torres and Luis Vega | Andes Wire"),
            ["Ana Torres", "Luis Vega"]
        );
        assert_eq!(byline_names("Por María Quispe y Jorge Díaz"), ["María Quispe", "Jorge Díaz"]);
        assert_eq!(
            byline_names("By Ana Torres, Luis Vega and Eva Cruz, Andes Wire"),
            ["Ana Torres", "Luis Vega", "Eva Cruz"]
        );
        assert_eq!(byline_names("By Ana Torres, Staff Writer"), ["Ana Torres"]);
    }
}
