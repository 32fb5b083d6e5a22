//! Abbreviations of Spanish and English news, and the words that tell a sentence has begun.
//!
//! The lists are shared by both languages because each quotes the other's abbreviations
//! ("EE.UU." in English wire copy, "U.S." in Spanish). Matching is case-sensitive so that
//! ordinary words ("mar.", "no.", "gen.") at a sentence end are not taken for abbreviations.

/// How a word followed by a period behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Comes before a name and never ends a sentence: "Dr.", "Gral.", "Col.", "Sra.", "e.g.".
    Title,
    /// Comes before a number: "No. 5", "Oct. 3", "art. 12"; elsewhere it is an ordinary word.
    BeforeNumber,
    /// Comes after a name or list and may end a sentence: "Inc.", "Jr.", "etc.", "a.m.".
    Postfix,
    /// Capitals with inner periods: "U.S.", "EE.UU.", "S.A."; often followed by a capitalised noun.
    Acronym,
    /// One capital letter: "J. R. Smith".
    Initial,
    /// Anything else; its period is sentence punctuation.
    Word,
}

/// Classifies `word`, the text before a period without the period itself.
pub(super) fn classify(word: &str) -> Kind {
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        return if first.is_uppercase() { Kind::Initial } else { Kind::Word };
    }
    if word.contains('.') {
        return dotted(word);
    }
    // No listed abbreviation is longer than six bytes; most words stop here.
    if word.len() > 6 {
        Kind::Word
    } else if TITLES.contains(&word) {
        Kind::Title
    } else if BEFORE_NUMBER.contains(&word) {
        Kind::BeforeNumber
    } else if POSTFIX.contains(&word) {
        Kind::Postfix
    } else {
        Kind::Word
    }
}

/// Words with inner periods: short letter groups are abbreviations, anything else ("gob.pe") is not.
fn dotted(word: &str) -> Kind {
    if matches!(word, "e.g" | "i.e" | "p.ej" | "p.e" | "a.C" | "d.C") {
        return Kind::Title;
    }
    let short_groups = word.split('.').all(|group| {
        (1..=3).contains(&group.chars().count()) && group.chars().all(char::is_alphabetic)
    });
    if !short_groups {
        Kind::Word
    } else if word.chars().all(|c| c == '.' || c.is_lowercase()) {
        Kind::Postfix
    } else {
        Kind::Acronym
    }
}

const TITLES: &[&str] = &[
    "Abg", "Adm", "Arq", "Av", "Avda", "Capt", "Cmdr", "Cnel", "Col", "Dip", "Dn", "Dr", "Dra",
    "Dres", "Drs", "Dña", "Excma", "Excmo", "Fr", "Ft", "Gen", "Gob", "Gov", "Gral", "Hon", "Ing",
    "Lic", "Licda", "Lt", "Maj", "Mlle", "Mme", "Mons", "Mr", "Mrs", "Ms", "Msgr", "Mt", "Mtro",
    "Mtra", "Pdte", "Pres", "Prof", "Profa", "Rep", "Rev", "Sen", "Sgt", "Sgto", "Sr", "Sra",
    "Sras", "Sres", "Srta", "St", "Sta", "Sto", "Supt", "Tte", "Vda", "vs", "Vs", "Ud", "Uds",
    "ej", "aprox", "approx", "Dept", "Depto",
];

const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "Nº", "Núm", "núm", "Art", "art", "Arts", "arts", "pág", "págs", "Fig", "fig",
    "Vol", "vol", "Tel", "tel", "Km", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Ene", "Abr", "Ago", "Dic", "ene", "feb", "abr", "ago", "sep",
    "sept", "oct", "nov", "dic",
    // Peru's currency sign, also written "S/." before an amount.
    "S/",
];

/// Company and name suffixes, and US state abbreviations as datelines and addresses use them.
const POSTFIX: &[&str] = &[
    "etc", "Inc", "Corp", "Ltd", "Co", "Cía", "Jr", "Bros", "Hnos", "LLC", "Ala", "Ariz", "Ark",
    "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich",
    "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt",
    "Wash", "Wis", "Wyo",
];

/// Capitalised words that commonly open a sentence, used after an acronym or an initial:
/// "in the U.S. The company" splits, "U.S. President Biden" does not.
pub(super) fn is_starter(word: &str) -> bool {
    matches!(
        word,
        "A" | "After"
            | "Also"
            | "An"
            | "And"
            | "As"
            | "At"
            | "But"
            | "For"
            | "He"
            | "Her"
            | "His"
            | "However"
            | "I"
            | "If"
            | "In"
            | "It"
            | "Its"
            | "Meanwhile"
            | "On"
            | "Our"
            | "She"
            | "So"
            | "That"
            | "The"
            | "Their"
            | "There"
            | "These"
            | "They"
            | "This"
            | "Those"
            | "We"
            | "When"
            | "While"
            | "Además"
            | "Al"
            | "Antes"
            | "Aunque"
            | "Con"
            | "Cuando"
            | "Del"
            | "Desde"
            | "Después"
            | "Durante"
            | "El"
            | "Ella"
            | "En"
            | "Esa"
            | "Ese"
            | "Eso"
            | "Esta"
            | "Este"
            | "Esto"
            | "Estos"
            | "Hasta"
            | "La"
            | "Las"
            | "Lo"
            | "Los"
            | "Mientras"
            | "Para"
            | "Pero"
            | "Por"
            | "Se"
            | "Según"
            | "Sin"
            | "Su"
            | "Sus"
            | "También"
            | "Tras"
            | "Un"
            | "Una"
            | "Y"
            | "Ya"
    )
}

/// Capitalised words that follow "a.m." or "Inc." without starting a sentence.
pub(super) fn is_calendar(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let render: Vec<String> = [
            "Col",
            "U.S",
            "EE.UU",
            "a.m",
            "etc",
            "No",
            "J",
            "mar",
            "elcomercio.pe",
            "e.g",
            "y",
            "S/",
        ]
        .iter()
        .map(|word| format!("{word}={:?}", classify(word)))
        .collect();
        expect_test::expect![[r#"Col=Title U.S=Acronym EE.UU=Acronym a.m=Postfix etc=Postfix No=BeforeNumber J=Initial mar=Word elcomercio.pe=Word e.g=Title y=Word S/=BeforeNumber"#]]
            .assert_eq(&render.join(" "));
    }
}
