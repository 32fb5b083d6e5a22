//! Tests for `geo`: a small hand-written table for the rules, and the shipped table for the places of the sample story.

use std::sync::OnceLock;

use expect_test::{expect, Expect};

use super::{Context, Gazetteer, Mention, Resolution, SHIPPED_TABLE};

/// Resolves `name` against `table` with `context` (`;`-separated: `country=PE`,
/// `id=ubigeo:150111`, or a raw name) and renders the answer; an empty `name`
/// renders the table's counts, and a table that does not load renders its error.
#[track_caller]
fn check(table: &str, name: &str, context: &str, expect: Expect) {
    // The shipped table is loaded once for all tests.
    static SHIPPED: OnceLock<Gazetteer> = OnceLock::new();
    let loaded;
    let gazetteer = if std::ptr::eq(table, SHIPPED_TABLE) {
        SHIPPED.get_or_init(|| Gazetteer::from_reader(SHIPPED_TABLE.as_bytes()).unwrap())
    } else {
        match Gazetteer::from_reader(table.as_bytes()) {
            Ok(g) => {
                loaded = g;
                &loaded
            }
            Err(err) => return expect.assert_eq(&format!("error: {err}\n")),
        }
    };
    if name.is_empty() {
        let counts: Vec<String> =
            gazetteer.counts().iter().map(|(k, n)| format!("{k} {n}")).collect();
        return expect.assert_eq(&format!("{}\n", counts.join(", ")));
    }
    let mut country = None;
    let mut mentions = Vec::new();
    for part in context.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        if let Some(code) = part.strip_prefix("country=") {
            country = Some(code);
        } else if let Some(id) = part.strip_prefix("id=") {
            mentions.push(Mention::Id(id));
        } else {
            mentions.push(Mention::Name(part));
        }
    }
    let context = Context { country, mentions: &mentions };
    let render = |p: &super::Place| {
        format!(
            "{} {} {:?} ({}, {}) pop {} [{}]\n",
            p.gazetteer_id,
            p.kind,
            p.name,
            p.lat,
            p.lon,
            p.population,
            p.admin_path.join(" > ")
        )
    };
    let actual = match gazetteer.resolve(name, &context) {
        Resolution::Resolved(place) => format!("resolved {}", render(&place)),
        Resolution::Ambiguous(places) => {
            let lines: String = places.iter().map(|p| format!("  {}", render(p))).collect();
            format!("ambiguous\n{lines}")
        }
        Resolution::Unknown => "unknown\n".to_owned(),
    };
    expect.assert_eq(&actual);
}

const SMALL: &str = "\
# hand-written: Lima, Lambayeque and Aragua each hold a La Victoria
id\tkind\tname\taliases\tparent\tcountry\tlat\tlon\tpopulation
c:pe\tcountry\tPeru\t\t\tPE\t-12\t-77\t34000000
c:ve\tcountry\tVenezuela\t\t\tVE\t10.5\t-66.9\t28000000
c:es\tcountry\tSpain\tEspaña\t\tES\t40.4\t-3.7\t47000000
c:us\tcountry\tUnited States\tEstados Unidos\t\tUS\t38.9\t-77\t330000000
u:150000\tdepartment\tLima\t\tc:pe\tPE\t-12.05\t-77.03\t10900000
u:150100\tprovince\tLima\tLima Metropolitana\tu:150000\tPE\t-12.05\t-77.03\t10400000
u:150101\tdistrict\tLima\tCercado de Lima\tu:150100\tPE\t-12.05\t-77.03\t265000
u:150111\tdistrict\tEl Agustino\t\tu:150100\tPE\t-12.04\t-77.0\t240000
u:150115\tdistrict\tLa Victoria\t\tu:150100\tPE\t-12.06\t-77.03\t190000
u:140000\tdepartment\tLambayeque\t\tc:pe\tPE\t-6.7\t-79.9\t1300000
u:140100\tprovince\tChiclayo\t\tu:140000\tPE\t-6.77\t-79.84\t900000
u:140106\tdistrict\tLa Victoria\t\tu:140100\tPE\t-6.79\t-79.84\t102000
a:aragua\tadmin1\tAragua\t\tc:ve\tVE\t10.25\t-67.6\t1500000
g:lavictoria\tcity\tLa Victoria\t\ta:aragua\tVE\t10.23\t-67.33\t126000
g:valencia-ve\tcity\tValencia\t\tc:ve\tVE\t10.16\t-68.0\t1400000
g:valencia-es\tcity\tValencia\tValència\tc:es\tES\t39.47\t-0.38\t800000
g:lima-oh\tcity\tLima\t\tc:us\tUS\t40.74\t-84.1\t38000
g:toledo-es\tcity\tToledo\t\tc:es\tES\t39.86\t-4.03\t85000
g:toledo-oh\tcity\tToledo\t\tc:us\tUS\t41.66\t-83.56\t270000
";

#[test]
fn small_table_counts() {
    check(
        SMALL,
        "",
        "",
        expect![[r#"
            country 4, admin1 1, department 2, province 2, district 4, city 6
        "#]],
    );
}

#[test]
fn la_victoria_alone_is_ambiguous() {
    check(
        SMALL,
        "La Victoria",
        "",
        expect![[r#"
            ambiguous
              u:150115 district "La Victoria" (-12.06, -77.03) pop 190000 [Peru > Lima > Lima > La Victoria]
              g:lavictoria city "La Victoria" (10.23, -67.33) pop 126000 [Venezuela > Aragua > La Victoria]
              u:140106 district "La Victoria" (-6.79, -79.84) pop 102000 [Peru > Lambayeque > Chiclayo > La Victoria]
        "#]],
    );
}

#[test]
fn country_hint_narrows_but_does_not_guess() {
    check(
        SMALL,
        "la victoria",
        "country=PE",
        expect![[r#"
            ambiguous
              u:150115 district "La Victoria" (-12.06, -77.03) pop 190000 [Peru > Lima > Lima > La Victoria]
              u:140106 district "La Victoria" (-6.79, -79.84) pop 102000 [Peru > Lambayeque > Chiclayo > La Victoria]
        "#]],
    );
    check(
        SMALL,
        "La Victoria",
        "country=VE",
        expect![[r#"
            resolved g:lavictoria city "La Victoria" (10.23, -67.33) pop 126000 [Venezuela > Aragua > La Victoria]
        "#]],
    );
}

#[test]
fn containment_in_a_co_mentioned_place() {
    check(
        SMALL,
        "La Victoria",
        "Lima",
        expect![[r#"
            resolved u:150115 district "La Victoria" (-12.06, -77.03) pop 190000 [Peru > Lima > Lima > La Victoria]
        "#]],
    );
    check(
        SMALL,
        "La Victoria",
        "Aragua",
        expect![[r#"
            resolved g:lavictoria city "La Victoria" (10.23, -67.33) pop 126000 [Venezuela > Aragua > La Victoria]
        "#]],
    );
    check(
        SMALL,
        "La Victoria",
        "id=u:140100",
        expect![[r#"
            resolved u:140106 district "La Victoria" (-6.79, -79.84) pop 102000 [Peru > Lambayeque > Chiclayo > La Victoria]
        "#]],
    );
}

#[test]
fn neighbour_district_in_the_same_province() {
    check(
        SMALL,
        "LA VICTORIA",
        "El Agustino",
        expect![[r#"
            resolved u:150115 district "La Victoria" (-12.06, -77.03) pop 190000 [Peru > Lima > Lima > La Victoria]
        "#]],
    );
}

#[test]
fn a_container_is_chosen_by_what_it_contains() {
    // The Lima units contain El Agustino; Lima, Ohio does not.
    check(
        SMALL,
        "Lima",
        "id=u:150111",
        expect![[r#"
            resolved u:150100 province "Lima" (-12.05, -77.03) pop 10400000 [Peru > Lima > Lima]
        "#]],
    );
}

#[test]
fn same_name_nesting_collapses_to_the_province() {
    check(
        SMALL,
        "Lima",
        "",
        expect![[r#"
            resolved u:150100 province "Lima" (-12.05, -77.03) pop 10400000 [Peru > Lima > Lima]
        "#]],
    );
    check(
        SMALL,
        "Lima Metropolitana",
        "",
        expect![[r#"
            resolved u:150100 province "Lima" (-12.05, -77.03) pop 10400000 [Peru > Lima > Lima]
        "#]],
    );
}

#[test]
fn articles_and_kind_words_are_peeled() {
    check(
        SMALL,
        "el Cercado de Lima",
        "",
        expect![[r#"
            resolved u:150101 district "Lima" (-12.05, -77.03) pop 265000 [Peru > Lima > Lima > Lima]
        "#]],
    );
    check(
        SMALL,
        "región Lima",
        "",
        expect![[r#"
            resolved u:150000 department "Lima" (-12.05, -77.03) pop 10900000 [Peru > Lima]
        "#]],
    );
    check(
        SMALL,
        "distrito de Lima",
        "",
        expect![[r#"
            resolved u:150101 district "Lima" (-12.05, -77.03) pop 265000 [Peru > Lima > Lima > Lima]
        "#]],
    );
    // "Victoria" alone is not a name here: the article of "La Victoria" is part of it.
    check(
        SMALL,
        "Victoria",
        "",
        expect![[r#"
            unknown
        "#]],
    );
}

#[test]
fn population_margin() {
    // 1.4 M against 0.8 M is too close to call.
    check(
        SMALL,
        "Valencia",
        "",
        expect![[r#"
            ambiguous
              g:valencia-ve city "Valencia" (10.16, -68) pop 1400000 [Venezuela > Valencia]
              g:valencia-es city "Valencia" (39.47, -0.38) pop 800000 [Spain > Valencia]
        "#]],
    );
    check(
        SMALL,
        "València",
        "España",
        expect![[r#"
            resolved g:valencia-es city "Valencia" (39.47, -0.38) pop 800000 [Spain > Valencia]
        "#]],
    );
    // 270,000 is only 3.2 times 85,000, below the margin of five.
    check(
        SMALL,
        "Toledo",
        "",
        expect![[r#"
            ambiguous
              g:toledo-oh city "Toledo" (41.66, -83.56) pop 270000 [United States > Toledo]
              g:toledo-es city "Toledo" (39.86, -4.03) pop 85000 [Spain > Toledo]
        "#]],
    );
}

#[test]
fn unknown_name() {
    check(
        SMALL,
        "Atlántida",
        "Lima",
        expect![[r#"
            unknown
        "#]],
    );
}

#[test]
fn malformed_tables() {
    check(
        "id\tkind\n",
        "Lima",
        "",
        expect![[r#"
            error: the gazetteer header is missing or wrong: expected "id\tkind\tname\taliases\tparent\tcountry\tlat\tlon\tpopulation"
        "#]],
    );
    let bad_parent = format!("{}\nx\tcity\tX\t\tnowhere\tPE\t0\t0\t1\n", super::HEADER);
    check(
        &bad_parent,
        "X",
        "",
        expect![[r#"
            error: gazetteer line 2: unknown parent "nowhere"
        "#]],
    );
    let bad_kind = format!("{}\nx\tvillage\tX\t\t\tPE\t0\t0\t1\n", super::HEADER);
    check(
        &bad_kind,
        "X",
        "",
        expect![[r#"
            error: gazetteer line 2: unknown kind "village"
        "#]],
    );
}

#[test]
fn shipped_table_counts() {
    check(
        SHIPPED_TABLE,
        "",
        "",
        expect![[r#"
            country 244, admin1 2848, department 25, province 196, district 1891, city 35752
        "#]],
    );
}

#[test]
fn shipped_lima_districts_of_the_story() {
    check(
        SHIPPED_TABLE,
        "La Victoria",
        "Lima; El Agustino",
        expect![[r#"
            resolved ubigeo:150115 district "La Victoria" (-12.065, -77.030833) pop 190612 [Peru > Lima > Lima > La Victoria]
        "#]],
    );
    check(
        SHIPPED_TABLE,
        "La Victoria",
        "El Agustino",
        expect![[r#"
            resolved ubigeo:150115 district "La Victoria" (-12.065, -77.030833) pop 190612 [Peru > Lima > Lima > La Victoria]
        "#]],
    );
    check(
        SHIPPED_TABLE,
        "El Agustino",
        "",
        expect![[r#"
            resolved ubigeo:150111 district "El Agustino" (-12.048333, -77.000556) pop 240130 [Peru > Lima > Lima > El Agustino]
        "#]],
    );
    check(
        SHIPPED_TABLE,
        "el Cercado de Lima",
        "",
        expect![[r#"
            resolved ubigeo:150101 district "Lima" (-12.045278, -77.030833) pop 265503 [Peru > Lima > Lima > Lima]
        "#]],
    );
}

#[test]
fn shipped_la_victoria_alone_is_ambiguous() {
    check(
        SHIPPED_TABLE,
        "La Victoria",
        "",
        expect![[r#"
            ambiguous
              ubigeo:150115 district "La Victoria" (-12.065, -77.030833) pop 190612 [Peru > Lima > Lima > La Victoria]
              geonames:3634922 city "La Victoria" (10.22677, -67.33122) pop 126721 [Venezuela > Aragua > La Victoria]
              ubigeo:140106 district "La Victoria" (-6.794444, -79.844444) pop 102844 [Peru > Lambayeque > Chiclayo > La Victoria]
              geonames:3676791 city "La Victoria" (4.52483, -76.03921) pop 11064 [Colombia > Valle del Cauca Department > La Victoria]
              geonames:3972196 city "La Victoria" (22.25911, -101.62922) pop 2487 [Mexico > Zacatecas > La Victoria]
              geonames:3998807 city "La Victoria" (29.12292, -110.89336) pop 1966 [Mexico > Sonora > La Victoria]
              geonames:3524450 city "La Victoria" (18.37409, -95.1215) pop 1842 [Mexico > Veracruz > La Victoria]
              geonames:3524449 city "La Victoria" (18.59078, -92.63239) pop 1162 [Mexico > Tabasco > La Victoria]
              geonames:3650199 city "Vilcabamba" (-4.26077, -79.22265) pop 0 [Ecuador > Loja > Vilcabamba]
              geonames:3666074 city "La Victoria" (5.52583, -74.23611) pop 0 [Colombia > Boyacá > La Victoria]
        "#]],
    );
}

#[test]
fn shipped_cities_and_regions() {
    check(
        SHIPPED_TABLE,
        "Lima",
        "",
        expect![[r#"
            resolved ubigeo:150100 province "Lima" (-12.045278, -77.030833) pop 10432133 [Peru > Lima > Lima]
        "#]],
    );
    check(
        SHIPPED_TABLE,
        "Lima Metropolitana",
        "",
        expect![[r#"
            resolved ubigeo:150100 province "Lima" (-12.045278, -77.030833) pop 10432133 [Peru > Lima > Lima]
        "#]],
    );
    check(
        SHIPPED_TABLE,
        "Callao",
        "",
        expect![[r#"
            resolved ubigeo:070100 province "Callao" (-12.063056, -77.146944) pop 1228411 [Peru > Callao > Callao]
        "#]],
    );
    check(
        SHIPPED_TABLE,
        "Guayaquil",
        "",
        expect![[r#"
            resolved geonames:3657509 city "Guayaquil" (-2.19616, -79.88621) pop 2723665 [Ecuador > Guayas > Guayaquil]
        "#]],
    );
    check(
        SHIPPED_TABLE,
        "Aragua",
        "Venezuela",
        expect![[r#"
            resolved geonames:3649110 admin1 "Aragua" (10.24972, -67.59475) pop 1525791 [Venezuela > Aragua]
        "#]],
    );
}

#[test]
fn shipped_context_by_id_and_codes_that_are_not_names() {
    check(
        SHIPPED_TABLE,
        "La Victoria",
        "id=ubigeo:150111",
        expect![[r#"
            resolved ubigeo:150115 district "La Victoria" (-12.065, -77.030833) pop 190612 [Peru > Lima > Lima > La Victoria]
        "#]],
    );
    // Airport-style codes are not kept as aliases.
    check(
        SHIPPED_TABLE,
        "LIM",
        "country=PE",
        expect![[r#"
            unknown
        "#]],
    );
    check(
        SHIPPED_TABLE,
        "Aragua",
        "",
        expect![[r#"
            resolved geonames:3649110 admin1 "Aragua" (10.24972, -67.59475) pop 1525791 [Venezuela > Aragua]
        "#]],
    );
}

#[test]
fn shipped_countries() {
    check(
        SHIPPED_TABLE,
        "Perú",
        "",
        expect![[r#"
            resolved geonames:3932488 country "Peru" (-12.04318, -77.02824) pop 31989256 [Peru]
        "#]],
    );
    check(
        SHIPPED_TABLE,
        "Venezuela",
        "",
        expect![[r#"
            resolved geonames:3625428 country "Venezuela" (10.48801, -66.87919) pop 28870195 [Venezuela]
        "#]],
    );
}

#[test]
fn shipped_unknown() {
    check(
        SHIPPED_TABLE,
        "Ciudad Esmeralda de Oz",
        "country=PE",
        expect![[r#"
            unknown
        "#]],
    );
}
