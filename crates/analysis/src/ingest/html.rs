//! HTML pages: metadata and main-text extraction.
//!
//! `meta` reads what the page says about itself, `blocks` splits the page into text blocks that
//! keep their markup hints, and `main_text` chooses the article's blocks among them.

mod blocks;
mod main_text;
mod meta;

use model::{Diagnostic, DiagnosticCode, Format};
use scraper::Html;

use super::{Draft, SourceMeta};

/// Reads an HTML page into a draft.
pub fn parse(html: &str, meta: &SourceMeta) -> (Draft, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let doc = Html::parse_document(html);
    let page = meta::read(&doc, meta);
    let mut draft = Draft::new(&meta.source, Format::Html);
    draft.url = page.url.clone();
    draft.title = page.title.clone();
    draft.outlet = page.outlet.clone();
    draft.published = page.published;
    draft.authors = page.authors.clone();
    draft.declared_language = page.language.clone();
    let candidates = blocks::collect(&doc);
    for (text, hint) in main_text::choose(html, &candidates, &page) {
        draft.push(text, hint);
    }
    if is_truncated(html) {
        diagnostics.push(Diagnostic::warning(
            DiagnosticCode::MalformedHtml,
            &meta.source,
            "the document ends inside a tag, so it may be truncated",
        ));
    }
    if draft.blocks.is_empty() {
        diagnostics.push(Diagnostic::error(
            DiagnosticCode::MalformedHtml,
            &meta.source,
            "no main text was found",
        ));
    }
    (draft, diagnostics)
}

/// Reads an HTML fragment that is all article, such as a feed item's content: every visible
/// block is kept with its markup hint, and no main-text selection runs, so short paragraphs stay.
pub fn fragment(html: &str, meta: &SourceMeta) -> (Draft, Vec<Diagnostic>) {
    let doc = Html::parse_fragment(html);
    let mut draft = Draft::new(&meta.source, Format::Html);
    draft.url.clone_from(&meta.url);
    for candidate in blocks::collect(&doc) {
        draft.push(candidate.text, candidate.hint);
    }
    let mut diagnostics = Vec::new();
    if draft.blocks.is_empty() {
        diagnostics.push(Diagnostic::warning(
            DiagnosticCode::MalformedHtml,
            &meta.source,
            "the HTML holds no text",
        ));
    }
    (draft, diagnostics)
}

/// True when there is no `</html>` and the last `<` opens a tag that never closes.
fn is_truncated(html: &str) -> bool {
    let tail = html.trim_end();
    if tail.to_ascii_lowercase().contains("</html") {
        return false;
    }
    match (tail.rfind('<'), tail.rfind('>')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;

    #[track_caller]
    fn check(html: &str, url: Option<&str>, expect: Expect) {
        let meta = SourceMeta {
            source: "page.html".into(),
            url: url.map(str::to_string),
            ..SourceMeta::default()
        };
        let (draft, diagnostics) = parse(html, &meta);
        let mut out = String::new();
        let published = draft.published.map(model::Published::to_iso);
        let language = draft.declared_language.as_ref().map(|language| language.code().to_string());
        for (name, value) in [
            ("url", draft.url.clone()),
            ("title", draft.title.clone()),
            ("outlet", draft.outlet.clone()),
            ("published", published),
            ("authors", Some(draft.authors.join("; ")).filter(|authors| !authors.is_empty())),
            ("language", language),
        ] {
            if let Some(value) = value {
                out.push_str(&format!("{name}: {value}\n"));
            }
        }
        for block in &draft.blocks {
            let kind = block.hint.map_or("-", |hint| hint.as_str());
            out.push_str(&format!("[{kind}] {}\n", block.text));
        }
        for diagnostic in &diagnostics {
            out.push_str(&format!("! {}: {}\n", diagnostic.code.as_str(), diagnostic.message));
        }
        expect.assert_eq(&out);
    }

    const STORY: &str = "<p>Police in Lima arrested four men on Tuesday after a month-long investigation into \
        extortion of bus companies, prosecutors said in a statement released late in the evening.</p>\
        <p>The men are accused of demanding weekly payments from drivers on three routes in the north of \
        the city, and of burning a bus whose owner refused to pay them last month.</p>\
        <p>Transport unions have staged two strikes this year to demand protection from the gangs, \
        which they say have killed at least a dozen drivers since January across the capital.</p>";

    #[test]
    fn json_ld_graph_and_markup_hints() {
        let html = format!(
            r#"<!doctype html><html lang="es-PE"><head>
            <title>Police arrest four in Lima | World | Andes Wire</title>
            <meta property="og:site_name" content="Andes Wire">
            <script type="application/ld+json">{{"@context":"https://schema.org","@graph":[
              {{"@type":"WebSite","name":"Andes Wire"}},
              {{"@type":"NewsArticle","headline":"Police arrest four in Lima","datePublished":"2023-11-08T09:30:00-05:00",
                "author":[{{"@type":"Person","name":"Ana Torres"}},{{"@type":"Person","name":"Luis Vega"}}]}}]}}</script>
            </head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Police arrest four in Lima</h1>
            <p class="article-dek">Four men are accused of extorting bus drivers.</p>
            <div class="byline">By Ana Torres and Luis Vega</div>
            <figure><img src="a.jpg"><figcaption>Police outside the station.</figcaption></figure>
            {STORY}
            <p><a href="https://andeswire.com/2023/11/07/strike">Bus drivers strike over extortion</a></p>
            </article><footer>© Andes Wire</footer></body></html>"#
        );
        check(
            &html,
            Some("https://www.andeswire.com/2023/11/08/police-arrest-four"),
            expect![[r#"
                url: https://www.andeswire.com/2023/11/08/police-arrest-four
                title: Police arrest four in Lima
                outlet: Andes Wire
                published: 2023-11-08T09:30:00-05:00
                authors: Ana Torres; Luis Vega
                language: es
                [headline] Police arrest four in Lima
                [standfirst] Four men are accused of extorting bus drivers.
                [byline] By Ana Torres and Luis Vega
                [caption] Police outside the station.
                [-] Police in Lima arrested four men on Tuesday after a month-long investigation into extortion of bus companies, prosecutors said in a statement released late in the evening.
                [-] The men are accused of demanding weekly payments from drivers on three routes in the north of the city, and of burning a bus whose owner refused to pay them last month.
                [-] Transport unions have staged two strikes this year to demand protection from the gangs, which they say have killed at least a dozen drivers since January across the capital.
                [related_link] Bus drivers strike over extortion
            "#]],
        );
    }

    #[test]
    fn meta_tags_without_json_ld() {
        let html = format!(
            r#"<html><head><title>Gangs tighten grip - Radio Sur</title>
            <meta name="author" content="María Quispe">
            <meta property="article:author" content="https://radiosur.pe/autores/mq">
            <meta property="article:published_time" content="2023-09-07">
            <meta property="og:locale" content="en_US">
            <link rel="canonical" href="https://radiosur.pe/gangs">
            </head><body><div class="content">{STORY}</div></body></html>"#
        );
        check(
            &html,
            None,
            expect![[r#"
            url: https://radiosur.pe/gangs
            title: Gangs tighten grip
            outlet: radiosur.pe
            published: 2023-09-07
            authors: María Quispe
            language: en
            [headline] Gangs tighten grip
            [-] Police in Lima arrested four men on Tuesday after a month-long investigation into extortion of bus companies, prosecutors said in a statement released late in the evening.
            [-] The men are accused of demanding weekly payments from drivers on three routes in the north of the city, and of burning a bus whose owner refused to pay them last month.
            [-] Transport unions have staged two strikes this year to demand protection from the gangs, which they say have killed at least a dozen drivers since January across the capital.
        "#]],
        );
    }

    #[test]
    fn empty_page_is_diagnosed() {
        check(
            "<html><body><nav>Home</nav></body></html>",
            Some("https://example.com/a"),
            expect![[r#"
            url: https://example.com/a
            outlet: example.com
            ! malformed_html: no main text was found
        "#]],
        );
        check(
            "<html><body><p>Cut off here <a hre",
            None,
            expect![[r#"
            [-] Cut off here
            ! malformed_html: the document ends inside a tag, so it may be truncated
        "#]],
        );
    }
}
