//! Word lists for quantities: hedges, change words, currencies, function words and date words.

use super::{Hedge, Lang, QuantityKind};

/// Hedge phrases, longest first so "no more than" wins over "more than".
pub(super) const HEDGES: &[(&[&str], Hedge)] = &[
    (&["a", "little", "more", "than"], Hedge::MoreThan),
    (&["slightly", "more", "than"], Hedge::MoreThan),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["as", "many", "as"], Hedge::AtMost),
    (&["por", "lo", "menos"], Hedge::AtLeast),
    (&["poco", "más", "de"], Hedge::MoreThan),
    (&["poco", "más", "del"], Hedge::MoreThan),
    (&["no", "más", "de"], Hedge::AtMost),
    (&["un", "estimado", "de"], Hedge::About),
    (&["an", "estimated"], Hedge::About),
    (&["en", "torno", "a"], Hedge::About),
    (&["en", "torno", "al"], Hedge::About),
    (&["como", "mínimo"], Hedge::AtLeast),
    (&["como", "máximo"], Hedge::AtMost),
    (&["more", "than"], Hedge::MoreThan),
    (&["just", "over"], Hedge::MoreThan),
    (&["just", "under"], Hedge::LessThan),
    (&["fewer", "than"], Hedge::LessThan),
    (&["less", "than"], Hedge::LessThan),
    (&["at", "least"], Hedge::AtLeast),
    (&["at", "most"], Hedge::AtMost),
    (&["up", "to"], Hedge::AtMost),
    (&["close", "to"], Hedge::Almost),
    (&["más", "de"], Hedge::MoreThan),
    (&["más", "del"], Hedge::MoreThan),
    (&["menos", "de"], Hedge::LessThan),
    (&["menos", "del"], Hedge::LessThan),
    (&["al", "menos"], Hedge::AtLeast),
    (&["cerca", "de"], Hedge::Almost),
    (&["cerca", "del"], Hedge::Almost),
    (&["alrededor", "de"], Hedge::About),
    (&["alrededor", "del"], Hedge::About),
    (&["almost"], Hedge::Almost),
    (&["nearly"], Hedge::Almost),
    (&["roughly"], Hedge::About),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["some"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["over"], Hedge::MoreThan),
    (&["above"], Hedge::MoreThan),
    (&["under"], Hedge::LessThan),
    (&["below"], Hedge::LessThan),
    (&["casi"], Hedge::Almost),
    (&["unos"], Hedge::About),
    (&["unas"], Hedge::About),
    (&["aproximadamente"], Hedge::About),
    (&["hasta"], Hedge::AtMost),
];

/// A change word that may come right before the number ("rose 12%", "un alza de 20%").
pub(super) fn change_before(word: &str) -> Option<QuantityKind> {
    use QuantityKind::{Decrease, Increase};
    Some(match word {
        "rose" | "rise" | "rises" | "risen" | "rising" | "increase" | "increased" | "increases"
        | "increasing" | "grew" | "grow" | "grows" | "growth" | "jumped" | "jump" | "jumps"
        | "climbed" | "climb" | "climbs" | "surged" | "surge" | "soared" | "spike" | "spiked"
        | "gain" | "gained" | "up" | "aumentó" | "aumentaron" | "aumento" | "aumenta"
        | "aumentan" | "creció" | "crecieron" | "crecimiento" | "crece" | "crecen" | "sube"
        | "suben" | "subió" | "subieron" | "alza" | "incremento" | "incrementó"
        | "incrementaron" | "incrementa" | "repunte" => Increase,
        "fell" | "fall" | "falls" | "fallen" | "dropped" | "drop" | "drops" | "declined"
        | "decline" | "declines" | "decreased" | "decrease" | "decreases" | "down"
        | "reduction" | "reduced" | "plunged" | "plunge" | "cayó" | "cayeron" | "caída" | "cae"
        | "disminuyó" | "disminuyeron" | "disminución" | "disminuye" | "bajó" | "bajaron"
        | "bajan" | "baja" | "descendió" | "descendieron" | "descenso" | "redujo" | "redujeron"
        | "reducción" | "retroceso" | "retrocedió" => Decrease,
        _ => return None,
    })
}

/// A change word that may come right after the number and its unit ("60% more").
pub(super) fn change_after(word: &str) -> Option<QuantityKind> {
    use QuantityKind::{Decrease, Increase};
    Some(match word {
        "increase" | "rise" | "jump" | "more" | "higher" | "spike" | "surge" | "growth" | "más"
        | "mayor" | "superior" => Increase,
        "decrease" | "drop" | "decline" | "fall" | "fewer" | "less" | "lower" | "reduction"
        | "menos" | "menor" | "inferior" => Decrease,
        _ => return None,
    })
}

/// Words allowed between a change word before the number and the number.
pub(super) fn change_gap(word: &str) -> bool {
    matches!(word, "by" | "of" | "en" | "de" | "del" | "un" | "una")
}

/// The currency code of a symbol or code written before the amount.
pub(super) fn currency_symbol(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "$" | "USD" | "US$" => "USD",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "PEN" => "PEN",
        "COP" => "COP",
        "VES" | "Bs" | "Bs." | "Bs.S" => "VES",
        _ => return None,
    })
}

/// The currency code of a word written after the amount ("soles", "dólares").
pub(super) fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "soles" | "sol" => "PEN",
        "dólares" | "dolares" | "dólar" | "dollars" | "dollar" => "USD",
        "euros" | "euro" => "EUR",
        "bolívares" | "bolivares" | "bolívar" => "VES",
        _ => return None,
    })
}

/// Words that end the phrase a number counts: determiners, pronouns, conjunctions,
/// prepositions (other than the chain ones), auxiliaries and common adverbs.
pub(super) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "where"
            | "when"
            | "while"
            | "as"
            | "than"
            | "then"
            | "there"
            | "here"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "if"
            | "because"
            | "although"
            | "though"
            | "since"
            | "until"
            | "after"
            | "before"
            | "during"
            | "in"
            | "on"
            | "at"
            | "to"
            | "from"
            | "by"
            | "with"
            | "without"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "around"
            | "through"
            | "across"
            | "between"
            | "among"
            | "toward"
            | "towards"
            | "per"
            | "via"
            | "within"
            | "upon"
            | "off"
            | "out"
            | "up"
            | "down"
            | "near"
            | "amid"
            | "along"
            | "beyond"
            | "despite"
            | "like"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "not"
            | "no"
            | "also"
            | "still"
            | "only"
            | "just"
            | "even"
            | "already"
            | "ever"
            | "never"
            | "again"
            | "more"
            | "most"
            | "less"
            | "least"
            | "very"
            | "too"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "you"
            | "i"
            | "me"
            | "him"
            | "us"
            | "them"
            | "each"
            | "every"
            | "all"
            | "both"
            | "either"
            | "another"
            | "ago"
            | "earlier"
            | "later"
            | "said"
            | "say"
            | "says"
            | "told"
            | "according"
            | "including"
            | "el"
            | "la"
            | "los"
            | "las"
            | "un"
            | "una"
            | "unos"
            | "unas"
            | "lo"
            | "al"
            | "del"
            | "este"
            | "esta"
            | "estos"
            | "estas"
            | "ese"
            | "esa"
            | "esos"
            | "esas"
            | "su"
            | "sus"
            | "que"
            | "quien"
            | "quienes"
            | "cual"
            | "cuales"
            | "cuyo"
            | "cuya"
            | "cuyos"
            | "cuyas"
            | "donde"
            | "cuando"
            | "como"
            | "y"
            | "e"
            | "o"
            | "u"
            | "ni"
            | "pero"
            | "sino"
            | "porque"
            | "aunque"
            | "si"
            | "en"
            | "ante"
            | "bajo"
            | "con"
            | "desde"
            | "durante"
            | "entre"
            | "hacia"
            | "hasta"
            | "mediante"
            | "para"
            | "según"
            | "sin"
            | "sobre"
            | "tras"
            | "es"
            | "son"
            | "fue"
            | "fueron"
            | "era"
            | "eran"
            | "está"
            | "están"
            | "estaba"
            | "estaban"
            | "ha"
            | "han"
            | "había"
            | "habían"
            | "hay"
            | "será"
            | "serán"
            | "sería"
            | "serían"
            | "se"
            | "le"
            | "les"
            | "te"
            | "nos"
            | "ya"
            | "también"
            | "aún"
            | "muy"
            | "más"
            | "menos"
            | "tan"
            | "sólo"
            | "solo"
            | "cada"
            | "todos"
            | "todas"
            | "ellos"
            | "ellas"
            | "él"
            | "ella"
            | "dijo"
            | "dijeron"
            | "hace"
            | "después"
            | "antes"
            | "luego"
    )
}

/// Prepositions that keep a bare noun inside the counted phrase ("cases of extortion").
pub(super) fn is_chain(word: &str) -> bool {
    matches!(word, "of" | "de" | "por" | "for" | "against" | "contra")
}

/// Determiners after "of"/"de" that make a partitive ("three of the suspects").
pub(super) fn is_partitive_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "those"
            | "these"
            | "its"
            | "their"
            | "all"
            | "los"
            | "las"
            | "sus"
            | "estos"
            | "estas"
            | "esos"
            | "esas"
            | "aquellos"
            | "aquellas"
    )
}

/// Pronouns in "three of them", "tres de ellos".
pub(super) fn is_partitive_pronoun(word: &str) -> bool {
    matches!(word, "them" | "whom" | "us" | "ellos" | "ellas" | "nosotros")
}

/// English plurals without a final "s" that head a counted phrase.
pub(super) fn is_irregular_plural(word: &str) -> bool {
    matches!(
        word,
        "people" | "police" | "men" | "women" | "children" | "personnel" | "staff" | "troops"
    )
}

/// Month names and their abbreviations, English and Spanish.
pub(super) fn is_month(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "enero"
            | "febrero"
            | "marzo"
            | "abril"
            | "mayo"
            | "junio"
            | "julio"
            | "agosto"
            | "septiembre"
            | "setiembre"
            | "octubre"
            | "noviembre"
            | "diciembre"
            | "ene"
            | "abr"
            | "ago"
            | "set"
            | "dic"
    )
}

/// Weekday names, English and Spanish ("martes 31").
pub(crate) fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "lunes"
            | "martes"
            | "miércoles"
            | "jueves"
            | "viernes"
            | "sábado"
            | "domingo"
    )
}

/// Words before a reference number, not a quantity ("Ley 30077", "No. 5").
pub(super) fn is_reference_word(word: &str) -> bool {
    matches!(
        word,
        "no."
            | "nº"
            | "n°"
            | "núm."
            | "number"
            | "número"
            | "ley"
            | "law"
            | "article"
            | "artículo"
            | "decreto"
            | "decree"
            | "expediente"
            | "page"
            | "página"
            | "calle"
            | "avenida"
            | "av."
            | "jirón"
            | "jr."
            | "ruta"
            | "route"
            | "km"
            | "kilómetro"
            | "cuadra"
            | "lote"
            | "mz."
            | "manzana"
            | "#"
            | "room"
            | "apartment"
            | "flight"
            | "vuelo"
            | "channel"
            | "canal"
            | "código"
            | "code"
            | "resolución"
            | "oficio"
            | "placa"
            | "plate"
            | "dni"
            | "ruc"
            | "tel."
            | "teléfono"
            | "phone"
            | "highway"
            | "interstate"
            | "carretera"
            | "autopista"
            | "línea"
            | "line"
    )
}

/// Words before "de N años" that make it a term, not an age ("una pena de 20 años").
pub(super) fn is_term_word(word: &str) -> bool {
    matches!(
        word,
        "pena"
            | "penas"
            | "condena"
            | "condenas"
            | "prisión"
            | "cárcel"
            | "sentencia"
            | "período"
            | "periodo"
            | "plazo"
            | "lapso"
            | "más"
            | "menos"
            | "cerca"
            | "alrededor"
            | "lo"
            | "hace"
            | "máximo"
            | "mínimo"
            | "después"
            | "antes"
            | "término"
            | "espacio"
            | "década"
    )
}

/// Times of day after a number ("9 a.m.", "las 6 de la tarde").
pub(super) fn is_clock_word(word: &str) -> bool {
    matches!(
        word,
        "a.m." | "p.m." | "a.m" | "p.m" | "am" | "pm" | "horas" | "hrs" | "h" | "o'clock"
    )
}

/// Cardinal words of the language, below one hundred, and Spanish hundreds.
pub(super) fn small_number(word: &str, lang: Lang) -> Option<u32> {
    match lang {
        Lang::En => english_small(word),
        Lang::Es => spanish_small(word),
    }
}

fn english_small(word: &str) -> Option<u32> {
    Some(match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => {
            // "seventy-five"
            let (tens, unit) = word.split_once('-')?;
            let (tens, unit) = (english_small(tens)?, english_small(unit)?);
            if tens >= 20 && tens % 10 == 0 && unit < 10 {
                return Some(tens + unit);
            }
            return None;
        }
    })
}

fn spanish_small(word: &str) -> Option<u32> {
    Some(match word {
        "dos" => 2,
        "tres" => 3,
        "cuatro" => 4,
        "cinco" => 5,
        "seis" => 6,
        "siete" => 7,
        "ocho" => 8,
        "nueve" => 9,
        "diez" => 10,
        "once" => 11,
        "doce" => 12,
        "trece" => 13,
        "catorce" => 14,
        "quince" => 15,
        "dieciséis" | "dieciseis" => 16,
        "diecisiete" => 17,
        "dieciocho" => 18,
        "diecinueve" => 19,
        "veinte" => 20,
        "veintiuno" | "veintiún" | "veintiuna" => 21,
        "veintidós" | "veintidos" => 22,
        "veintitrés" | "veintitres" => 23,
        "veinticuatro" => 24,
        "veinticinco" => 25,
        "veintiséis" | "veintiseis" => 26,
        "veintisiete" => 27,
        "veintiocho" => 28,
        "veintinueve" => 29,
        "treinta" => 30,
        "cuarenta" => 40,
        "cincuenta" => 50,
        "sesenta" => 60,
        "setenta" => 70,
        "ochenta" => 80,
        "noventa" => 90,
        "cien" | "ciento" => 100,
        "doscientos" | "doscientas" => 200,
        "trescientos" | "trescientas" => 300,
        "cuatrocientos" | "cuatrocientas" => 400,
        "quinientos" | "quinientas" => 500,
        "seiscientos" | "seiscientas" => 600,
        "setecientos" | "setecientas" => 700,
        "ochocientos" | "ochocientas" => 800,
        "novecientos" | "novecientas" => 900,
        _ => return None,
    })
}

/// Scale words: multipliers after a number ("million", "mil", "millones").
pub(super) fn scale(word: &str, lang: Lang) -> Option<f64> {
    Some(match (lang, word) {
        (Lang::En, "hundred") => 100.0,
        (Lang::En, "thousand") | (Lang::Es, "mil") => 1e3,
        (Lang::En, "million" | "millions") | (Lang::Es, "millón" | "millones") => 1e6,
        (Lang::En, "billion" | "billions") | (Lang::Es, "millardo" | "millardos") => 1e9,
        (Lang::En, "trillion") | (Lang::Es, "billón" | "billones") => 1e12,
        _ => return None,
    })
}

/// Counting nouns that take "of"/"de": "una docena de", "un centenar de".
pub(super) fn group(word: &str) -> Option<f64> {
    Some(match word {
        "dozen" | "docena" => 12.0,
        "centenar" => 100.0,
        "millar" => 1e3,
        "par" | "couple" => 2.0,
        _ => return None,
    })
}

/// Vague plurals before "of"/"de", as their lower bound.
pub(super) fn vague(word: &str) -> Option<f64> {
    Some(match word {
        "dozens" | "docenas" => 24.0,
        "tens" | "decenas" => 20.0,
        "hundreds" | "cientos" | "centenares" => 200.0,
        "thousands" | "miles" | "millares" => 2e3,
        "millions" | "millones" => 2e6,
        _ => return None,
    })
}
