//! Word lists for quotes: speech verbs, pronouns, determiners and the words that end a speaker phrase.
//!
//! Every function takes a lowercased word.

/// Verbs and verbal nouns that attribute speech, English and Spanish, in the forms news uses.
#[rustfmt::skip]
pub(super) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said" | "says" | "say" | "saying" | "told" | "tells" | "telling" | "added" | "adds"
            | "adding" | "asked" | "asks" | "explained" | "explains" | "explaining" | "stated"
            | "states" | "wrote" | "writes" | "writing" | "noted" | "notes" | "noting" | "warned"
            | "warns" | "warning" | "insisted" | "insists" | "argued" | "argues" | "arguing"
            | "continued" | "continues" | "declared" | "declares" | "announced" | "claimed"
            | "claims" | "replied" | "responded" | "recalled" | "recalls" | "acknowledged"
            | "admitted" | "complained" | "concluded" | "remarked" | "tweeted" | "posted" | "urged"
            | "echoed" | "shouted" | "yelled" | "joked" | "predicted" | "suggested" | "suggests"
            | "testified" | "conceded" | "emphasized" | "emphasised" | "stressed" | "observed"
            | "reads" | "quipped" | "countered" | "boasted" | "pointed" | "vowed" | "promised"
            | "cautioned" | "insisting" | "declaring" | "dijo" | "dice" | "decía" | "afirmó"
            | "afirma" | "señaló" | "señala" | "sostuvo" | "sostiene" | "advirtió" | "advierte"
            | "añadió" | "añade" | "explicó" | "explica" | "declaró" | "aseguró" | "asegura"
            | "indicó" | "indica" | "manifestó" | "comentó" | "precisó" | "agregó" | "agrega"
            | "expresó" | "relató" | "contó" | "denunció" | "sentenció" | "subrayó" | "destacó"
            | "enfatizó" | "insistió" | "respondió" | "preguntó" | "reconoció" | "admitió"
            | "anunció" | "informó" | "refirió" | "puntualizó" | "recalcó" | "concluyó" | "detalló"
            | "acotó" | "apuntó" | "narró" | "mencionó" | "escribió" | "alertó" | "exclamó"
            | "aclaró" | "reiteró" | "remarcó" | "confesó" | "contestó" | "replicó" | "reported"
            | "described" | "describes" | "describing" | "called" | "calls" | "calling" | "pledged"
            | "expressed" | "touted" | "blasted" | "slammed" | "mocked" | "dubbed" | "labeled"
            | "labelled" | "branded" | "praised" | "hailed" | "recounted" | "chanted" | "tweet"
            | "tweets" | "tweeting" | "charged" | "retorted" | "interjected" | "snapped"
            | "scoffed" | "mused" | "lamented" | "reiterated" | "wondered" | "whispered"
            | "dijeron" | "señalaron" | "explicaron" | "aseguraron" | "indicaron" | "afirmaron"
            | "declararon" | "denunciaron" | "informaron" | "agregaron" | "añadieron"
            | "manifestaron" | "sostuvieron" | "advirtieron" | "precisaron" | "detallaron"
            | "lamentó" | "espetó" | "recordó" | "opinó" | "cuestionó" | "prosiguió"
            | "reporting" | "reports" | "barked" | "boomed" | "pondered" | "intimated"
            | "referred" | "bellowed" | "thundered" | "fumed" | "gushed" | "sniffed" | "marveled"
            | "marvelled" | "cracked" | "ventured" | "volunteered" | "chimed" | "exclaimed"
            | "murmured" | "muttered" | "pleaded" | "protested" | "reasoned" | "rejoined"
            | "diciendo" | "asegurando" | "afirmando" | "señalando" | "explicando" | "agregando"
            | "añadiendo" | "escribiendo" | "proclaimed" | "demanded" | "proclamó" | "exigió" | "ironizó" | "bromeó" | "insinuó" | "reflexionó" | "clamó" | "gritó" | "exclamaron"
            | "questioned" | "assured" | "opined" | "cuestionaron" | "aseveró" | "opinaron" | "continuó"
            | "dismissed" | "accused" | "accuses" | "condemned" | "criticized" | "criticised"
            | "responds" | "answers" | "answered" | "admits" | "jokes" | "promises" | "agreed"
            | "agrees" | "bemoaned" | "groused" | "alleged" | "alleges" | "conceding" | "praising"
            | "dicen" | "criticó" | "acusó" | "calificó" | "rechazó" | "yells" | "shouts"
            | "screamed" | "cites" | "cited" | "gritaron" | "gritan"
    )
}

/// Speech verbs in "-ing" (Spanish "-ndo") form: their subject is the subject of the sentence
/// ("X urged voters to …, saying …").
pub(super) fn is_participle(word: &str) -> bool {
    (word.ends_with("ing") || word.ends_with("ndo")) && is_speech_verb(word)
}

/// Speech verbs that take a clause ("X said that …", "X dijo que …") for reported speech.
/// "told" is handled apart since its object comes first.
#[rustfmt::skip]
pub(super) fn is_reporting_verb(word: &str) -> bool {
    matches!(
        word,
        "said" | "says" | "say" | "added" | "adds" | "explained" | "stated" | "wrote" | "writes"
            | "noted" | "warned" | "warns" | "insisted" | "argued" | "argues" | "declared"
            | "announced" | "claimed" | "claims" | "acknowledged" | "admitted" | "complained"
            | "concluded" | "suggested" | "suggests" | "testified" | "conceded" | "stressed"
            | "predicted" | "believes" | "believed" | "reported" | "reports" | "estimated" | "dijo"
            | "dice" | "afirmó" | "afirma" | "señaló" | "señala" | "sostuvo" | "sostiene"
            | "advirtió" | "advierte" | "añadió" | "explicó" | "declaró" | "aseguró" | "asegura"
            | "indicó" | "indica" | "manifestó" | "comentó" | "precisó" | "agregó" | "reconoció"
            | "admitió" | "anunció" | "informó" | "denunció" | "destacó" | "detalló" | "estimó"
            | "consideró" | "explica"
    )
}

/// Verbs whose object (a listener) comes before the reported clause: "told reporters that".
#[rustfmt::skip]
pub(super) fn takes_listener(word: &str) -> bool {
    matches!(word, "told" | "tells" | "telling" | "informed" | "warned" | "assured" | "reminded")
}

/// Subject pronouns.
#[rustfmt::skip]
pub(super) fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she" | "they" | "we" | "i" | "él" | "ella" | "ellos" | "ellas" | "nosotros"
    )
}

/// Pronouns that point back to a person rather than a group.
#[rustfmt::skip]
pub(super) fn is_personal_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "i" | "él" | "ella")
}

/// Words that open a description ("the minister", "un vocero").
#[rustfmt::skip]
pub(super) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "one" | "another" | "this" | "that" | "his" | "her" | "their" | "its"
            | "some" | "two" | "three" | "several" | "el" | "la" | "los" | "las" | "un" | "una"
            | "unos" | "unas" | "uno" | "otro" | "otra" | "su" | "sus" | "este" | "esta" | "dos"
            | "tres" | "varios" | "varias"
    )
}

/// Words between a subject and its verb that are not part of the subject ("also said").
#[rustfmt::skip]
pub(super) fn is_adverb_or_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "did" | "does" | "do" | "to" | "goes" | "went" | "go" | "on" | "could" | "can" | "may"
            | "might" | "should" | "not" | "never" | "n't" | "be" | "been" | "being" | "first"
            | "wants" | "want" | "wanted" | "tried" | "continues" | "proceeded" | "just" | "also"
            | "later" | "then" | "has" | "have" | "had" | "was" | "is" | "previously" | "recently"
            | "further" | "once" | "simply" | "again" | "repeatedly" | "reportedly" | "publicly"
            | "privately" | "often" | "would" | "will" | "only" | "flatly" | "ha" | "había"
            | "habría" | "también" | "luego" | "además" | "ya" | "incluso" | "después" | "entonces"
    )
}

/// Manner adverbs between a subject and its verb ("Cruz openly admitted", "Quispe
/// claramente dijo"): "-ly" and "-mente" words, less the nouns that end that way.
pub(super) fn is_manner_adverb(word: &str) -> bool {
    (word.len() >= 5
        && word.ends_with("ly")
        && !matches!(
            word,
            "family" | "rally" | "assembly" | "supply" | "reply" | "belly" | "bully"
        ))
        || (word.len() >= 8 && word.ends_with("mente"))
}

/// Words that cannot sit inside a speaker phrase: a phrase read backwards stops before them.
#[rustfmt::skip]
pub(super) fn ends_phrase(word: &str) -> bool {
    matches!(
        word,
        "from" | "like" | "about" | "against" | "that" | "which" | "who" | "whom" | "when" | "while" | "because" | "but" | "and" | "or"
            | "so" | "as" | "if" | "than" | "where" | "although" | "though" | "since" | "after"
            | "before" | "until" | "said" | "says" | "y" | "pero" | "que" | "quien" | "cuando"
            | "mientras" | "porque" | "como" | "aunque" | "donde" | "e" | "o"
    )
}

/// Prepositions and time words that can open a sentence before its subject
/// ("In a statement the ministry said").
#[rustfmt::skip]
pub(super) fn is_opening_adjunct(word: &str) -> bool {
    matches!(
        word,
        "in" | "on" | "at" | "during" | "after" | "before" | "yesterday" | "today" | "tonight"
            | "later" | "earlier" | "meanwhile" | "tras" | "en" | "durante" | "ayer" | "hoy"
            | "luego" | "antes" | "después"
    )
}

/// Words that tie a description to a criminal group.
#[rustfmt::skip]
pub(super) fn is_gang_word(word: &str) -> bool {
    matches!(
        word,
        "gang" | "gangs" | "gangster" | "gangsters" | "cartel" | "hooded" | "masked" | "gunmen"
            | "gunman" | "members" | "member" | "video" | "banda" | "bandas" | "pandilla"
            | "pandilleros" | "pandillero" | "encapuchado" | "encapuchados" | "enmascarado"
            | "enmascarados" | "integrante" | "integrantes" | "sicarios" | "sicario" | "vídeo"
            | "cártel" | "cartel's" | "organización" | "criminal" | "criminales"
    )
}

/// Words for a video, the usual way a gang's words reach the news.
#[rustfmt::skip]
pub(super) fn is_video_word(word: &str) -> bool {
    matches!(word, "video" | "videos" | "vídeo" | "vídeos" | "clip" | "footage" | "grabación")
}

/// Role nouns that head a description of one person ("the interior minister", "el vocero").
#[rustfmt::skip]
pub(super) fn is_role(word: &str) -> bool {
    matches!(
        word,
        "minister" | "ministro" | "ministra" | "president" | "presidente" | "presidenta"
            | "spokesman" | "spokeswoman" | "spokesperson" | "vocero" | "vocera" | "portavoz"
            | "governor" | "gobernador" | "gobernadora" | "mayor" | "alcalde" | "alcaldesa"
            | "prosecutor" | "fiscal" | "chief" | "jefe" | "jefa" | "director" | "directora"
            | "general" | "colonel" | "coronel" | "commander" | "comandante" | "senator"
            | "senador" | "senadora" | "congresista" | "judge" | "juez" | "jueza" | "secretary"
            | "secretario" | "secretaria" | "candidate" | "candidato" | "candidata" | "ambassador"
            | "embajador" | "official" | "officer" | "sheriff" | "superintendent" | "head"
            | "actor" | "actress" | "pollster" | "columnist" | "investor" | "designer" | "author"
            | "neurosurgeon" | "surgeon" | "doctor" | "economist" | "analyst" | "historian"
            | "professor" | "journalist" | "reporter" | "writer" | "singer" | "comedian"
            | "commentator" | "strategist" | "adviser" | "advisor" | "consultant" | "aide"
            | "actriz" | "columnista" | "economista" | "analista" | "historiador" | "historiadora"
            | "profesor" | "profesora" | "periodista" | "escritor" | "escritora" | "cantante"
            | "asesor" | "asesora" | "consultor" | "consultora" | "médico" | "médica"
    )
}

/// Words of a title that can stand between a person it belongs to and the holder's name
/// ("Clinton campaign manager Robby Mook", "el abogado de Fujimori", "Trump's wife").
#[rustfmt::skip]
pub(super) fn is_title_word(word: &str) -> bool {
    is_role(word)
        || is_person_noun(word)
        || matches!(
            word,
            "campaign" | "manager" | "adviser" | "advisor" | "aide" | "strategist" | "press"
                | "communications" | "senior" | "deputy" | "policy" | "staff" | "pollster"
                | "wife" | "husband" | "son" | "daughter" | "brother" | "sister" | "spokesman's"
                | "campaña" | "asesor" | "asesora" | "esposa" | "esposo" | "hijo" | "hija"
        )
}

/// The role an abbreviated or plural title stands for ("Gov." for "governor", "Sens." for
/// "senator"); other words stand for themselves.
pub(super) fn role_of_title(word: &str) -> &str {
    match word.trim_end_matches('.') {
        "gov" | "govs" | "governors" | "gob" => "governor",
        "sen" | "sens" | "senators" => "senator",
        "pres" | "presidents" => "president",
        "gen" => "general",
        "col" => "colonel",
        "sec" | "secy" => "secretary",
        "amb" => "ambassador",
        "cmdr" => "commander",
        "supt" => "superintendent",
        _ => word,
    }
}

/// A grammatical gender read from a first name or a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// The gender a pronoun refers to, if it has one.
pub(super) fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "él" => Some(Gender::Male),
        "she" | "ella" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a noun for a person gives ("widow", "husband", "viuda").
#[rustfmt::skip]
pub(super) fn noun_gender(word: &str) -> Option<Gender> {
    match word {
        "widow" | "wife" | "mother" | "daughter" | "sister" | "woman" | "grandmother" | "niece"
        | "aunt" | "girlfriend" | "actress" | "congresswoman" | "chairwoman" | "businesswoman"
        | "spokeswoman" | "viuda" | "esposa" | "madre" | "hija" | "hermana" | "mujer"
        | "abuela" | "sobrina" | "tía" => Some(Gender::Female),
        "widower" | "husband" | "father" | "son" | "brother" | "grandfather" | "nephew"
        | "uncle" | "boyfriend" | "actor" | "congressman" | "chairman" | "businessman"
        | "spokesman" | "viudo" | "esposo" | "padre" | "hijo" | "hermano" | "hombre" | "abuelo"
        | "sobrino" | "tío" => Some(Gender::Male),
        _ => None,
    }
}

/// The gender a first name or a title gives, for common names in English and Spanish news.
#[rustfmt::skip]
pub(super) fn name_gender(word: &str) -> Option<Gender> {
    const FEMALE: &[&str] = &[
        "mrs", "ms", "miss", "sra", "señora", "srta", "doña", "hillary", "chelsea", "michelle",
        "melania", "ivanka", "carly", "sarah", "nancy", "elizabeth", "madeleine", "debbie",
        "kellyanne", "huma", "donna", "jennifer", "hope", "katrina", "megyn", "ann", "anne", "mary",
        "maría", "maria", "susan", "karen", "linda", "barbara", "patricia", "jessica", "amy",
        "laura", "lisa", "kate", "katie", "emily", "hannah", "jane", "janet", "joan", "julie",
        "julia", "diane", "dianne", "condoleezza", "nikki", "kelly", "kirsten", "tammy", "claire",
        "heidi", "tulsi", "dina", "keiko", "rosa", "carmen", "ana", "ángela", "angela", "marine",
        "theresa", "dilma", "cristina", "michele", "jill", "sheila", "meghan", "rachel", "rebecca",
        "stephanie", "christine", "catherine", "margaret", "helen", "alexandra", "abigail",
        "gloria", "sonia", "elena", "lucía", "sofía", "isabel", "paula", "verónica", "beatriz",
        "marisol", "yolanda", "teresa", "martha", "marta", "luz", "mercedes", "bette", "loretta",
        "samantha", "valerie", "jeanne", "kathleen", "virginia", "marsha", "mia", "betsy", "carla",
        "lynn", "nina", "sally", "ellen", "erin", "brenda", "cynthia", "dana", "kristen",
        "anna", "gilda", "ivana", "tina", "victoria", "olivia", "sophia", "grace", "ruth", "judy",
        "judith", "carol", "carolyn", "sharon", "deborah", "debra", "pamela", "stacy", "stacey",
        "wendy", "melissa", "amanda", "ashley", "nicole", "heather", "tiffany", "danielle",
        "natalie", "andrea", "monica", "mónica", "jacqueline", "kimberly", "susana", "silvia",
        "adriana", "gabriela", "daniela", "claudia", "lorena", "alejandra", "leticia", "norma",
        "guadalupe", "rocío", "pilar", "esther", "raquel", "irene", "eva", "brigid", "gretchen",
        "megan", "lauren", "cheryl", "neera", "kathy", "katherine", "kristin", "patty", "gina",
        "betty", "dorothy", "frances", "marie", "rose", "rosario", "maxine", "zoe", "salma",
        "selena", "eleanor", "hilda", "beth", "melanie", "joyce", "jeanine", "roberta",
        "amber", "crystal", "brittany", "courtney", "kayla", "jenna", "erica", "erika", "vanessa",
        "veronica", "christina", "kristina", "tracy", "tracey", "april", "diana", "denise",
        "rhonda", "peggy", "doris", "marilyn", "shirley", "evelyn", "joanne", "sylvia", "lucy",
        "alice", "ella", "chloe", "sandra", "sandy", "lori", "terri", "sherry", "naomi",
        "jillian", "gillian", "allison", "alison", "lindsay", "nora", "tanya", "rita", "ava",
        "emma", "isabella", "charlotte", "amelia", "natasha", "ingrid", "lourdes", "inés", "lidia",
        "liliana", "milagros", "natalia", "rebeca", "ximena", "valeria", "fernanda", "mariana",
    ];
    const MALE: &[&str] = &[
        "mr", "sr", "señor", "don", "donald", "ted", "marco", "jeb", "john", "bernie", "ben",
        "chris", "rand", "mike", "barack", "bill", "joe", "paul", "rick", "scott", "lindsey", "jim",
        "james", "robert", "bob", "george", "tim", "tom", "thomas", "michael", "david", "jeff",
        "jason", "mitt", "newt", "reince", "corey", "steve", "stephen", "eric", "mark", "matt",
        "kevin", "harry", "chuck", "charles", "luis", "carlos", "juan", "josé", "jorge", "pedro",
        "miguel", "antonio", "vicente", "óscar", "pablo", "andrés", "felipe", "enrique", "sergio",
        "ricardo", "víctor", "arturo", "alberto", "fernando", "javier", "manuel", "francisco",
        "alejandro", "daniel", "richard", "william", "anthony", "peter", "brian", "vladimir",
        "sheldon", "roger", "rudy", "martin", "lincoln", "gary", "howard", "dave", "jared", "ryan",
        "jack", "sean", "frank", "ron", "ronald", "larry", "dennis", "andrew", "adam", "nick",
        "sam", "greg", "brent", "ed", "edward", "jerry", "mario", "hugo", "nicolás", "evo",
        "rafael", "alan", "ollanta", "keith", "kenneth", "patrick", "benjamin", "bobby", "jon",
        "josh", "joshua", "kenneth", "jeffrey", "gov", "mitch", "orrin", "al", "elijah", "cory",
        "tony", "anderson", "wolf", "jake", "chad", "jimmy", "joseph", "henry", "lou", "roy",
        "eddie", "mitchell", "terry", "marty", "phil", "philip", "phillip", "hakeem", "oliver",
        "hugh", "françois", "francois", "ernest", "dick", "eduardo", "diego", "gustavo", "raúl",
        "raul", "jesús", "ramón", "roberto", "alfonso", "gerardo", "ignacio", "rodrigo", "gabriel",
        "emilio", "omar", "ahmed", "mohamed", "muhammad", "hassan", "justin", "barry", "tommy",
        "billy", "willie", "walter", "harold", "arthur", "albert", "carl", "karl", "fred",
        "ralph", "eugene", "wayne", "randy", "russell", "bruce", "craig", "douglas", "doug",
        "glenn", "gregory", "jonathan", "nathan", "aaron", "kyle", "tyler", "brandon", "zach",
        "derek", "trevor", "ian", "neil", "reid", "raymond", "lawrence", "lloyd", "leon",
        "marcus", "curtis", "dean", "dan", "darrell", "evan", "jesse", "jeremy", "joel", "travis",
        "vincent", "leo", "louis", "ray", "rob", "ken", "jay", "steven", "sherrod", "lamar",
        "marcel", "sergei", "emmanuel", "mauricio", "iván", "ivan", "raynard", "elliott", "wilbur",
        "andy", "pete", "terence", "terrence", "timothy", "nathaniel", "dylan", "luke", "ethan",
        "noah", "liam", "jacob", "owen", "caleb", "isaac", "connor", "colin", "shawn", "stanley",
        "leonard", "francis", "warren", "gordon", "clarence", "herman", "lewis", "franklin",
        "harvey", "johnny", "danny", "philippe", "pierre", "hans", "ali", "mohammad", "abdul",
        "julio", "césar", "cesar", "hernán", "guillermo", "alfredo", "martín", "marcos", "tomás",
        "agustín", "santiago", "mateo", "sebastián", "nicolas", "lucas",
    ];
    if FEMALE.contains(&word) {
        Some(Gender::Female)
    } else if MALE.contains(&word) && word != "gov" {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Nouns for a text that speaks for whoever issued it ("the statement said").
#[rustfmt::skip]
pub(super) fn is_document(word: &str) -> bool {
    matches!(
        word,
        "statement" | "email" | "e-mail" | "letter" | "release" | "ad" | "advertisement" | "memo"
            | "tweet" | "post" | "website" | "message" | "report" | "filing" | "video"
            | "comunicado" | "carta" | "mensaje" | "informe" | "nota" | "pronunciamiento"
    )
}

/// Nouns for one person that news uses as an epithet for someone named before
/// ("the billionaire businessman", "the Florida senator").
#[rustfmt::skip]
pub(super) fn is_person_noun(word: &str) -> bool {
    matches!(
        word,
        "tycoon" | "businessman" | "businesswoman" | "billionaire" | "mogul" | "frontrunner"
            | "front-runner" | "nominee" | "congressman" | "congresswoman" | "lawmaker" | "man"
            | "woman" | "veteran" | "host" | "founder" | "chairman" | "chairwoman" | "executive"
            | "hopeful" | "contender" | "politician" | "leader" | "republican" | "democrat"
            | "businessman's" | "activist" | "lawyer" | "attorney" | "hombre" | "mujer"
            | "empresario" | "empresaria" | "dirigente" | "líder" | "abogado" | "abogada"
    )
}

/// Nouns for an organisation that news uses for one named before ("the agency", "la fiscalía").
#[rustfmt::skip]
pub(super) fn is_body_noun(word: &str) -> bool {
    matches!(
        word,
        "agency" | "group" | "commission" | "committee" | "ministry" | "department" | "board"
            | "network" | "newspaper" | "paper" | "campaign" | "company" | "firm" | "party"
            | "organization" | "organisation" | "foundation" | "council" | "court" | "union"
            | "institution" | "office" | "bureau" | "administration" | "government"
            | "agencia" | "comisión" | "comité" | "ministerio" | "departamento" | "junta"
            | "cadena" | "diario" | "periódico" | "campaña" | "empresa" | "firma" | "partido"
            | "organización" | "fundación" | "consejo" | "tribunal" | "corte" | "sindicato"
            | "institución" | "oficina" | "fiscalía" | "gobierno" | "procuraduría"
    )
}

/// Prepositions that cannot open a subject after its verb ("said in a statement").
pub(super) fn opens_adjunct(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "to"
            | "during"
            | "that"
            | "ante"
            | "en"
            | "durante"
            | "que"
            | "this"
            | "last"
            | "with"
            | "about"
            | "of"
            | "from"
            | "after"
            | "before"
            | "when"
            | "while"
            | "sobre"
            | "tras"
            | "con"
            | "de"
            | "desde"
            | "por"
            | "para"
            | "it"
            | "yesterday"
            | "today"
            | "tonight"
            | "ayer"
            | "hoy"
            | "him"
            | "her"
            | "them"
            | "me"
            | "us"
            | "you"
            | "le"
            | "les"
            | "for"
            | "because"
            | "porque"
    ) || crate::quantities::lexicon::is_weekday(word)
}

/// Words that end a subject read after its verb.
pub(super) fn ends_after(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "to"
            | "during"
            | "that"
            | "ante"
            | "en"
            | "durante"
            | "que"
            | "with"
            | "about"
            | "from"
            | "after"
            | "before"
            | "when"
            | "while"
            | "who"
            | "which"
            | "tras"
            | "con"
            | "desde"
            | "por"
            | "para"
            | "quien"
            | "cuando"
            | "this"
            | "last"
            | "yesterday"
            | "today"
            | "ayer"
            | "hoy"
            | "este"
            | "esta"
            | "as"
            | "because"
            | "for"
            | "since"
            | "if"
            | "though"
            | "although"
            | "porque"
            | "aunque"
            | "si"
    )
}
