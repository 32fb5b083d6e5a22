//! Word lists for quotes: speech verbs, pronouns, determiners and the words that end a speaker phrase.
//!
//! Every function takes a lowercased word.

/// Verbs and verbal nouns that attribute speech, English and Spanish, in the forms news uses.
pub(super) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said" | "says" | "say" | "saying" | "told" | "tells" | "telling" | "added" | "adds"
            | "adding" | "asked" | "asks" | "explained" | "explains" | "explaining" | "stated"
            | "states" | "wrote" | "writes" | "writing" | "noted" | "notes" | "noting"
            | "warned" | "warns" | "warning" | "insisted" | "insists" | "argued" | "argues"
            | "arguing" | "continued" | "continues" | "declared" | "declares" | "announced"
            | "claimed" | "claims" | "replied" | "responded" | "recalled" | "recalls"
            | "acknowledged" | "admitted" | "complained" | "concluded" | "remarked" | "tweeted"
            | "posted" | "urged" | "echoed" | "shouted" | "yelled" | "joked" | "predicted"
            | "suggested" | "suggests" | "testified" | "conceded" | "emphasized" | "emphasised"
            | "stressed" | "observed" | "reads" | "quipped" | "countered" | "boasted"
            | "pointed" | "vowed" | "promised" | "cautioned" | "insisting" | "declaring"
            | "dijo" | "dice" | "decía" | "afirmó" | "afirma" | "señaló" | "señala"
            | "sostuvo" | "sostiene" | "advirtió" | "advierte" | "añadió" | "añade"
            | "explicó" | "explica" | "declaró" | "aseguró" | "asegura" | "indicó" | "indica"
            | "manifestó" | "comentó" | "precisó" | "agregó" | "agrega" | "expresó" | "relató"
            | "contó" | "denunció" | "sentenció" | "subrayó" | "destacó" | "enfatizó"
            | "insistió" | "respondió" | "preguntó" | "reconoció" | "admitió" | "anunció"
            | "informó" | "refirió" | "puntualizó" | "recalcó" | "concluyó" | "detalló"
            | "acotó" | "apuntó" | "narró" | "mencionó" | "escribió" | "alertó" | "exclamó"
            | "aclaró" | "reiteró" | "remarcó" | "confesó" | "contestó" | "replicó"
    )
}

/// Speech verbs that take a clause ("X said that …", "X dijo que …") for reported speech.
/// "told" is handled apart since its object comes first.
pub(super) fn is_reporting_verb(word: &str) -> bool {
    matches!(
        word,
        "said" | "says" | "say" | "added" | "adds" | "explained" | "stated" | "wrote" | "writes"
            | "noted" | "warned" | "warns" | "insisted" | "argued" | "argues" | "declared"
            | "announced" | "claimed" | "claims" | "acknowledged" | "admitted" | "complained"
            | "concluded" | "suggested" | "suggests" | "testified" | "conceded" | "stressed"
            | "predicted" | "believes" | "believed" | "reported" | "reports" | "estimated"
            | "dijo" | "dice" | "afirmó" | "afirma" | "señaló" | "señala" | "sostuvo"
            | "sostiene" | "advirtió" | "advierte" | "añadió" | "explicó" | "declaró"
            | "aseguró" | "asegura" | "indicó" | "indica" | "manifestó" | "comentó"
            | "precisó" | "agregó" | "reconoció" | "admitió" | "anunció" | "informó"
            | "denunció" | "destacó" | "detalló" | "estimó" | "consideró" | "explica"
    )
}

/// Verbs whose object (a listener) comes before the reported clause: "told reporters that".
pub(super) fn takes_listener(word: &str) -> bool {
    matches!(word, "told" | "tells" | "telling" | "informed" | "warned" | "assured" | "reminded")
}

/// Subject pronouns.
pub(super) fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she" | "they" | "we" | "i" | "él" | "ella" | "ellos" | "ellas" | "nosotros"
    )
}

/// Pronouns that point back to a person rather than a group.
pub(super) fn is_personal_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "i" | "él" | "ella")
}

/// Words that open a description ("the minister", "un vocero").
pub(super) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "one" | "another" | "this" | "that" | "his" | "her" | "their"
            | "its" | "some" | "two" | "three" | "several" | "el" | "la" | "los" | "las" | "un"
            | "una" | "unos" | "unas" | "uno" | "otro" | "otra" | "su" | "sus" | "este" | "esta"
            | "dos" | "tres" | "varios" | "varias"
    )
}

/// Words between a subject and its verb that are not part of the subject ("also said").
pub(super) fn is_adverb_or_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "also" | "later" | "then" | "has" | "have" | "had" | "was" | "is" | "previously"
            | "recently" | "further" | "once" | "simply" | "again" | "repeatedly" | "reportedly"
            | "publicly" | "privately" | "often" | "would" | "will" | "only" | "flatly"
            | "ha" | "había" | "habría" | "también" | "luego" | "además" | "ya" | "incluso"
            | "después" | "entonces"
    )
}

/// Words that cannot sit inside a speaker phrase: a phrase read backwards stops before them.
pub(super) fn ends_phrase(word: &str) -> bool {
    matches!(
        word,
        "that" | "which" | "who" | "whom" | "when" | "while" | "because" | "but" | "and" | "or"
            | "so" | "as" | "if" | "than" | "where" | "although" | "though" | "since" | "after"
            | "before" | "until" | "said" | "says" | "y" | "pero" | "que" | "quien" | "cuando"
            | "mientras" | "porque" | "como" | "aunque" | "donde" | "e" | "o"
    )
}

/// Prepositions and time words that can open a sentence before its subject
/// ("In a statement the ministry said").
pub(super) fn is_opening_adjunct(word: &str) -> bool {
    matches!(
        word,
        "in" | "on" | "at" | "during" | "after" | "before" | "yesterday" | "today"
            | "tonight" | "later" | "earlier" | "meanwhile" | "tras" | "en" | "durante" | "ayer"
            | "hoy" | "luego" | "antes" | "después"
    )
}

/// Words that tie a description to a criminal group.
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
pub(super) fn is_video_word(word: &str) -> bool {
    matches!(word, "video" | "videos" | "vídeo" | "vídeos" | "clip" | "footage" | "grabación")
}

/// Role nouns that head a description of one person ("the interior minister", "el vocero").
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
    )
}
