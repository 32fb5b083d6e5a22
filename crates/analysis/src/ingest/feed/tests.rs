//! Feed reader tests: each runs a feed through `parse` and compares a plain rendering.

use expect_test::{expect, Expect};
use model::Published;

use super::*;

/// Renders drafts and diagnostics; HTML bodies are flattened to text so the HTML reader's
/// block splitting doesn't leak into these tests.
fn render(drafts: &[Draft], diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for draft in drafts {
        out.push_str(&draft.source);
        out.push('\n');
        let mut field = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                out.push_str(&format!("  {name}: {value}\n"));
            }
        };
        field("url", draft.url.clone());
        field("title", draft.title.clone());
        field("published", draft.published.map(Published::to_iso));
        field("authors", Some(draft.authors.join("; ")).filter(|authors| !authors.is_empty()));
        field("outlet", draft.outlet.clone());
        field(
            "language",
            draft.declared_language.as_ref().map(|language| language.code().to_string()),
        );
        field("follow", draft.follow.clone());
        let mut blocks = draft.blocks.as_slice();
        if let Some((first, rest)) = blocks.split_first() {
            if first.hint == Some(BlockKind::Headline) {
                field("headline", Some(first.text.clone()));
                blocks = rest;
            }
        }
        let text: Vec<String> =
            blocks.iter().map(|block| clean::inline(&strip_tags(&block.text))).collect();
        field("text", Some(text.join(" | ")).filter(|text| !text.is_empty()));
    }
    for diagnostic in diagnostics {
        out.push_str(&format!("{diagnostic}\n"));
    }
    out
}

#[track_caller]
fn check(xml: &str, expect: Expect) {
    let (drafts, diagnostics) = parse(xml, &SourceMeta::new("feed.xml"));
    expect.assert_eq(&render(&drafts, &diagnostics));
}

#[test]
fn rss_items_with_content_and_summary_only() {
    check(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Pulso Regional - Seguridad</title>
    <atom:link href="https://pulso.example/feed.xml" rel="self"/>
    <language>es-PE</language>
    <item>
      <title>Los Gallegos amenaza a conductores</title>
      <link>https://pulso.example/a</link>
      <pubDate>Tue, 07 Nov 2023 18:45:00 -0500</pubDate>
      <dc:creator>Rosa Huamán</dc:creator>
      <description>Un video mantiene en alerta a mototaxistas.</description>
      <content:encoded><![CDATA[<p>Un video difundido por la banda.</p><p>"No habrá paz", dice.</p>]]></content:encoded>
    </item>
    <item>
      <title>Protestas en La Victoria</title>
      <link>https://pulso.example/b</link>
      <pubDate>Wed, 01 Nov 2023 08:00:00 -0500</pubDate>
      <author>rosa@pulso.example (Rosa Huamán)</author>
      <description>Comerciantes bloquearon calles contra las extorsiones.</description>
    </item>
  </channel>
</rss>"#,
        expect![[r#"
            feed.xml#item-1
              url: https://pulso.example/a
              title: Los Gallegos amenaza a conductores
              published: 2023-11-07T18:45:00-05:00
              authors: Rosa Huamán
              outlet: Pulso Regional - Seguridad
              language: es
              headline: Los Gallegos amenaza a conductores
              text: Un video difundido por la banda. | "No habrá paz", dice.
            feed.xml#item-2
              url: https://pulso.example/b
              title: Protestas en La Victoria
              published: 2023-11-01T08:00:00-05:00
              authors: Rosa Huamán
              outlet: Pulso Regional - Seguridad
              language: es
              follow: https://pulso.example/b
              headline: Protestas en La Victoria
              text: Comerciantes bloquearon calles contra las extorsiones.
            info summary_only feed.xml#item-2: item has only a summary; use --follow-links to fetch https://pulso.example/b
        "#]],
    );
}

#[test]
fn atom_entries() {
    check(
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="html">Southern &lt;b&gt;Security&lt;/b&gt; Monitor</title>
  <link href="https://ssm.example/" rel="alternate"/>
  <entry>
    <title>Lima gang video deepens fear</title>
    <link href="https://ssm.example/feed.atom" rel="self"/>
    <link href="https://ssm.example/lima" rel="alternate" type="text/html"/>
    <updated>2023-11-09T09:20:00-05:00</updated>
    <published>2023-11-09T08:00:00-05:00</published>
    <author><name>Thomas Whitaker</name><email>tw@ssm.example</email></author>
    <author><name>Ana Ruiz</name></author>
    <summary>A threat by masked gang members.</summary>
    <content type="html">&lt;p&gt;A video in which masked men threaten drivers.&lt;/p&gt;&lt;p&gt;Police made arrests in pre-dawn raids in La Victoria and El Agustino on Tuesday.&lt;/p&gt;</content>
  </entry>
  <entry xml:lang="es">
    <title>Entrada XHTML</title>
    <link href="https://ssm.example/xhtml"/>
    <updated>2023-11-10</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Primer <em>párrafo</em> &amp; más.</p></div></content>
  </entry>
  <entry>
    <title>Only a teaser</title>
    <link rel="alternate" href="https://ssm.example/teaser"/>
    <summary type="text">Short teaser text.</summary>
  </entry>
</feed>"#,
        expect![[r#"
            feed.xml#item-1
              url: https://ssm.example/lima
              title: Lima gang video deepens fear
              published: 2023-11-09T08:00:00-05:00
              authors: Thomas Whitaker; Ana Ruiz
              outlet: Southern Security Monitor
              language: en
              headline: Lima gang video deepens fear
              text: A video in which masked men threaten drivers. | Police made arrests in pre-dawn raids in La Victoria and El Agustino on Tuesday.
            feed.xml#item-2
              url: https://ssm.example/xhtml
              title: Entrada XHTML
              published: 2023-11-10
              outlet: Southern Security Monitor
              language: es
              headline: Entrada XHTML
              text: Primer párrafo & más.
            feed.xml#item-3
              url: https://ssm.example/teaser
              title: Only a teaser
              outlet: Southern Security Monitor
              language: en
              follow: https://ssm.example/teaser
              headline: Only a teaser
              text: Short teaser text.
            info summary_only feed.xml#item-3: item has only a summary; use --follow-links to fetch https://ssm.example/teaser
        "#]],
    );
}

#[test]
fn rss_one_rdf() {
    check(
        r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Wire</title><dc:language>en</dc:language></channel>
  <item rdf:about="https://rdf.example/1">
    <title>Port seizure</title>
    <dc:date>2023-11-03</dc:date>
    <dc:creator>Luis Vega</dc:creator>
    <description>Police seized cocaine.

Officers used scanners.</description>
  </item>
</rdf:RDF>"#,
        expect![[r#"
            feed.xml#item-1
              url: https://rdf.example/1
              title: Port seizure
              published: 2023-11-03
              authors: Luis Vega
              outlet: RDF Wire
              language: en
              follow: https://rdf.example/1
              headline: Port seizure
              text: Police seized cocaine. | Officers used scanners.
            info summary_only feed.xml#item-1: item has only a summary; use --follow-links to fetch https://rdf.example/1
        "#]],
    );
}

#[test]
fn long_description_is_the_article() {
    let paragraph =
        "Police said the raids in La Victoria and El Agustino led to several arrests on Tuesday. ";
    let description = format!(
        "&lt;p&gt;{}&lt;/p&gt;&lt;p&gt;{}&lt;/p&gt;",
        paragraph.repeat(4),
        paragraph.repeat(4)
    );
    let xml = format!("<rss><channel><item><title>Raids</title><guid>https://x.example/r</guid><description>{description}</description></item></channel></rss>");
    let (drafts, diagnostics) = parse(&xml, &SourceMeta::new("feed.xml"));
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].url.as_deref(), Some("https://x.example/r"));
    assert_eq!(drafts[0].follow, None);
    assert!(diagnostics.iter().all(|d| d.code != DiagnosticCode::SummaryOnly), "{diagnostics:?}");
}

#[test]
fn caller_outlet_and_odd_items() {
    let meta = SourceMeta { outlet: Some("Override".into()), ..SourceMeta::new("f.xml") };
    let xml = "<rss><channel><title>Channel</title>\
        <item><title>AT&T fined &amp; warned &#233;&#xE9;</title><link>https://x.example/1</link></item>\
        <item></item>\
        <item><title>No link</title></item>\
        </channel></rss>";
    let (drafts, diagnostics) = parse(xml, &meta);
    expect![[r#"
        f.xml#item-1
          url: https://x.example/1
          title: AT&T fined & warned éé
          outlet: Override
          follow: https://x.example/1
          headline: AT&T fined & warned éé
        f.xml#item-3
          title: No link
          outlet: Override
          headline: No link
        info summary_only f.xml#item-1: item has no text; use --follow-links to fetch https://x.example/1
        warning no_text f.xml#item-2: item has no title, text or link
        info summary_only f.xml#item-3: item has no text and no link to the full article
    "#]]
    .assert_eq(&render(&drafts, &diagnostics));
}

#[test]
fn hostile_and_broken_xml() {
    check(
        r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss><channel><item><title>&lol3;</title></item></channel></rss>"#,
        expect![[r#"
            error entity_expansion feed.xml: the DOCTYPE declares entities; the feed is refused to prevent entity expansion
        "#]],
    );
    check(
        r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&xxe;</title></item></channel></rss>"#,
        expect![[r#"
            error entity_expansion feed.xml: the DOCTYPE declares entities; the feed is refused to prevent entity expansion
        "#]],
    );
    // An external DTD is never fetched, so its entities stay unknown.
    check(
        r#"<!DOCTYPE rss SYSTEM "http://evil.example/rss.dtd">
<rss><channel><item><title>&xxe; here</title><link>https://x.example/1</link></item>
<item><title>Fine</title><link>https://x.example/2</link><description>Ok.</description></item></channel></rss>"#,
        expect![[r#"
            feed.xml#item-2
              url: https://x.example/2
              title: Fine
              follow: https://x.example/2
              headline: Fine
              text: Ok.
            error malformed_xml feed.xml#item-1: item skipped: unknown entity &xxe; (entities are never expanded)
            info summary_only feed.xml#item-2: item has only a summary; use --follow-links to fetch https://x.example/2
        "#]],
    );
    check(
        "<rss><channel><item><title>Kept</title><link>https://x.example/1</link></item>\
         <item><title>Lost</title><description><![CDATA[<p>never closed</description></item></channel></rss>",
        expect![[r#"
            feed.xml#item-1
              url: https://x.example/1
              title: Kept
              follow: https://x.example/1
              headline: Kept
            info summary_only feed.xml#item-1: item has no text; use --follow-links to fetch https://x.example/1
            error malformed_xml feed.xml: malformed XML at byte 116: syntax error: CDATA not closed: `]]>` not found before end of input; 1 item(s) read before it were kept
        "#]],
    );
    check(
        "<rss><channel><item><title>Cut off</title><link>https://x.example/1</li",
        expect![[r#"
            error malformed_xml feed.xml: malformed XML at byte 67: syntax error: tag not closed: `>` not found before end of input
        "#]],
    );
    check(
        "<rss><channel><item><title>Cut</title></item><item><title>off",
        expect![[r#"
            feed.xml#item-1
              title: Cut
              headline: Cut
            info summary_only feed.xml#item-1: item has no text and no link to the full article
            error malformed_xml feed.xml: malformed XML at byte 61: the input ends before </item>; 1 item(s) read before it were kept
        "#]],
    );
    check(
        "<rss><channel><item><title>x</wrong></item></channel></rss>",
        expect![[r#"
            error malformed_xml feed.xml: malformed XML at byte 28: ill-formed document: expected `</title>`, but `</wrong>` was found
        "#]],
    );
}

#[test]
fn not_a_feed() {
    check(
        "<?xml version=\"1.0\"?><note><to>Tove</to></note>",
        expect![[r#"
            error unknown_format feed.xml: XML root element <note> is neither RSS nor Atom
        "#]],
    );
    check(
        "<?xml version=\"1.0\"?><!-- nothing -->",
        expect![[r#"
            error unknown_format feed.xml: the XML has no root element, so it is not an RSS or Atom feed
        "#]],
    );
    check(
        "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>",
        expect![[r#"
            warning empty feed.xml: feed has no items
        "#]],
    );
}

#[test]
fn replaced_bytes_huge_lines_and_deep_nesting() {
    check(
        "<rss><channel><item><title>Per\u{FFFD} news</title><guid isPermaLink=\"false\">https://x.example/no</guid></item></channel></rss>",
        expect![[r#"
            feed.xml#item-1
              title: Per� news
              headline: Per� news
            info summary_only feed.xml#item-1: item has no text and no link to the full article
        "#]],
    );
    let long = "word ".repeat(200_000);
    let xml = format!("<rss><channel><item><title>Long</title><description>{long}</description></item></channel></rss>");
    let (drafts, _) = parse(&xml, &SourceMeta::new("feed.xml"));
    assert_eq!(drafts[0].blocks[1].text.len(), long.trim().len());
    let depth = 100_000;
    let xml = format!(
        "<rss><channel><item><title>Deep</title><description>{}x{}</description></item></channel></rss>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    let (drafts, diagnostics) = parse(&xml, &SourceMeta::new("feed.xml"));
    assert_eq!(drafts.len(), 1, "{diagnostics:?}");
    assert_eq!(drafts[0].blocks.last().map(|block| block.text.as_str()), Some("x"));
}

#[test]
fn sample_corpus_feeds() {
    let rss = include_str!("../../../../../examples/lima-2023/feed.xml");
    let (drafts, diagnostics) = parse(rss, &SourceMeta::new("feed.xml"));
    assert_eq!(drafts.len(), 2);
    assert_eq!(drafts[0].outlet.as_deref(), Some("Pulso Regional - Seguridad"));
    assert_eq!(drafts[0].declared_language, Some(Language::Spanish));
    assert!(drafts[0].follow.is_none() && drafts[1].follow.is_some());
    let codes: Vec<_> = diagnostics.iter().map(|d| (d.code, d.source.as_str())).collect();
    assert!(codes.contains(&(DiagnosticCode::SummaryOnly, "feed.xml#item-2")), "{codes:?}");
    let atom = include_str!("../../../../../examples/lima-2023/atom.xml");
    let (drafts, _) = parse(atom, &SourceMeta::new("atom.xml"));
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].authors, ["Thomas Whitaker"]);
    assert!(drafts[0].blocks.len() > 1);
}

#[test]
fn unescape_rules() {
    assert_eq!(unescape("a &lt;b&gt; &amp; &#65;&#x42;").as_deref(), Ok("a <b> & AB"));
    assert_eq!(unescape("AT&T & co").as_deref(), Ok("AT&T & co"));
    assert!(unescape("&nbsp;").is_err());
    assert!(unescape("&#xD800;").is_err());
    assert!(unescape("&#99999999999;").is_err());
}
