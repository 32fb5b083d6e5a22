//! Generated crime news for the store benchmark: many stories of one to a dozen reports each,
//! every story with its own people, gang, place, day and kind of event, as a large corpus
//! of real coverage has.
//!
//! Names are built from syllables per story, so two stories rarely share a name and the story
//! clustering can tell them apart by their entities, as it does with real reports.

use super::xorshift;

/// One generated report.
pub(crate) struct Report {
    pub(crate) title: String,
    pub(crate) text: String,
    /// ISO date of publication.
    pub(crate) published: String,
}

/// The story of every report, in arrival order: stories of 1 to 12 reports, their reports
/// interleaved with those of neighbouring stories as a news day interleaves them.
pub(crate) fn arrivals(count: usize) -> Vec<usize> {
    let mut order = Vec::with_capacity(count);
    let mut story = 0;
    while order.len() < count {
        let mut pick = xorshift(story + 1);
        let size = 1 + (pick() % 6 + pick() % 7) as usize;
        order.extend(std::iter::repeat_n(story, size.min(count - order.len())));
        story += 1;
    }
    // A deterministic shuffle within windows of 64 reports.
    for (w, window) in order.chunks_mut(64).enumerate() {
        let mut pick = xorshift(w + 7);
        for i in (1..window.len()).rev() {
            window.swap(i, pick() as usize % (i + 1));
        }
    }
    order
}

const SYLLABLES: [&str; 24] = [
    "ta", "ru", "ca", "mi", "lo", "pe", "qui", "sa", "no", "ve", "la", "chu", "ri", "ma", "to",
    "ne", "ba", "gu", "so", "li", "da", "ya", "co", "hu",
];

/// A capitalised made-up word of two or three syllables.
fn word(pick: &mut impl FnMut() -> u64) -> String {
    let n = 2 + pick() as usize % 2;
    let mut out = String::new();
    for _ in 0..n {
        out.push_str(SYLLABLES[pick() as usize % SYLLABLES.len()]);
    }
    let mut chars = out.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A first name and a made-up surname.
fn name(pick: &mut impl FnMut() -> u64) -> String {
    let first = FIRST[pick() as usize % FIRST.len()];
    format!("{first} {}", word(pick))
}

const FIRST: [&str; 24] = [
    "Luis", "Carmen", "Julio", "Rosa", "Jorge", "Ana", "Pedro", "Lucía", "Miguel", "Elena",
    "César", "Marta", "Raúl", "Silvia", "Víctor", "Teresa", "Óscar", "Gloria", "Hugo", "Pilar",
    "Andrés", "Sonia", "Iván", "Norma",
];

const PLACES: [&str; 72] = [
    "La Victoria",
    "El Agustino",
    "Comas",
    "San Juan de Lurigancho",
    "Ate",
    "Independencia",
    "Rímac",
    "Breña",
    "Surquillo",
    "Los Olivos",
    "Villa El Salvador",
    "Chorrillos",
    "Puente Piedra",
    "Carabayllo",
    "San Martín de Porres",
    "Santa Anita",
    "Ancón",
    "Barranco",
    "Chaclacayo",
    "Cieneguilla",
    "Jesús María",
    "La Molina",
    "Lince",
    "Lurigancho",
    "Lurín",
    "Magdalena del Mar",
    "Miraflores",
    "Pachacámac",
    "Pucusana",
    "Pueblo Libre",
    "Punta Hermosa",
    "Punta Negra",
    "San Bartolo",
    "San Borja",
    "San Isidro",
    "San Juan de Miraflores",
    "San Luis",
    "San Miguel",
    "Santa María del Mar",
    "Santa Rosa",
    "Santiago de Surco",
    "Villa María del Triunfo",
    "Trujillo",
    "Chiclayo",
    "Piura",
    "Arequipa",
    "Huancayo",
    "Callao",
    "Tumbes",
    "Ica",
    "Sullana",
    "Chimbote",
    "Cusco",
    "Iquitos",
    "Pucallpa",
    "Tacna",
    "Juliaca",
    "Huánuco",
    "Ayacucho",
    "Cajamarca",
    "Puno",
    "Tarapoto",
    "Huaraz",
    "Chincha Alta",
    "Huacho",
    "Talara",
    "Paita",
    "Jaén",
    "Moquegua",
    "Abancay",
    "Puerto Maldonado",
    "Barranca",
];

const MESES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// What one story is about.
struct Story {
    kind: usize,
    place: &'static str,
    person: String,
    officer: String,
    gang: String,
    leader: String,
    street: String,
    market: String,
    day: chrono::NaiveDate,
    counts: [u64; 3],
}

fn story(story: usize) -> Story {
    let mut pick = xorshift(story * 31 + 3);
    let person = name(&mut pick);
    let officer = name(&mut pick);
    let leader = name(&mut pick);
    Story {
        kind: pick() as usize % 4,
        place: PLACES[pick() as usize % PLACES.len()],
        person,
        officer,
        gang: format!("Los {}s", word(&mut pick)),
        leader,
        street: word(&mut pick),
        market: word(&mut pick),
        // Stories spread over five years, a few dozen a day at 100,000 reports.
        day: chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default()
            + chrono::Duration::days((story % 1826) as i64),
        counts: [pick() % 12 + 2, pick() % 900 + 50, pick() % 5000 + 100],
    }
}

/// The report `k` (any number) of story `idx`, about 800 words: the story's own sentences
/// once each, in an order of its own, padded with background that any story could carry.
pub(crate) fn report(idx: usize, k: usize) -> Report {
    let s = story(idx);
    let mut next = xorshift(idx * 7919 + k + 1);
    let spanish = next().is_multiple_of(2);
    let (own, background, words) = if spanish {
        (spanish_sentences(&s), spanish_background(&s), SPANISH_WORDS)
    } else {
        (english_sentences(&s), english_background(&s), ENGLISH_WORDS)
    };
    let word_of = |word: &str| wording(idx, words, word);
    let mut own: Vec<String> = own.iter().map(|t| reword(t, &word_of)).collect();
    let background: Vec<String> = background.iter().map(|t| reword(t, &word_of)).collect();
    let title = own[0].trim_end_matches('.').to_string();
    // Reports repeat facts, not quotes: a quote appears once.
    let facts: Vec<String> =
        own.iter().skip(1).filter(|s| !s.contains(['«', '"'])).cloned().collect();
    for i in (2..own.len()).rev() {
        own.swap(i, 1 + next() as usize % i);
    }
    let mut text = String::new();
    let mut words = 0;
    let mut own = own.into_iter();
    while words < 800 {
        // Two of the story's own sentences, fresh ones first, and one of background.
        let mut sentences: Vec<String> = own.by_ref().take(2).collect();
        while sentences.len() < 2 {
            sentences.push(facts[next() as usize % facts.len()].clone());
        }
        sentences.push(background[next() as usize % background.len()].clone());
        for sentence in sentences {
            words += sentence.split_whitespace().count();
            text.push_str(&sentence);
            text.push(' ');
        }
        text.pop();
        text.push_str("\n\n");
    }
    let published = s.day + chrono::Duration::days((k % 3) as i64);
    Report { title, text, published: published.to_string() }
}

/// Words a story's reports say in a way of their own: reports on different events share
/// topic words, but not whole sentences word for word, as reports built from one template
/// would; then stories run together in the clustering as no real coverage does.
const SPANISH_WORDS: &[&[&str]] = &[
    &["comerciantes", "vendedores", "negociantes", "bodegueros"],
    &["transportistas", "conductores", "choferes", "cobradores"],
    &["mototaxistas", "motociclistas", "taxistas", "colectiveros"],
    &["extorsiones", "amenazas", "exigencias", "presiones"],
    &["extorsión", "amenaza", "coacción", "intimidación"],
    &["detuvo", "capturó", "arrestó", "intervino"],
    &["afirmó", "dijo", "indicó", "sostuvo"],
    &["señaló", "precisó", "explicó", "agregó"],
    &["agentes", "policías", "efectivos", "uniformados"],
    &["vivienda", "casa", "residencia", "habitación"],
    &["denuncias", "quejas", "demandas", "acusaciones"],
    &["avenidas", "calles", "vías", "pistas"],
    &["video", "mensaje", "audio", "clip"],
    &["comercios", "negocios", "locales", "puestos"],
    &["ataques", "atentados", "asaltos", "disparos"],
    &["protestaron", "marcharon", "se movilizaron", "se manifestaron"],
    &["bandas", "organizaciones", "mafias", "pandillas"],
    &["víctimas", "personas", "afectadas", "familias"],
    &["miedo", "temor", "pánico", "terror"],
    &["semana", "quincena", "mes", "jornada"],
    &["noches", "madrugadas", "tardes", "mañanas"],
    &["cámaras", "alarmas", "rejas", "luminarias"],
];

const ENGLISH_WORDS: &[&[&str]] = &[
    &["merchants", "traders", "vendors", "shopkeepers"],
    &["drivers", "riders", "operators", "chauffeurs"],
    &["arrested", "detained", "captured", "held"],
    &["said", "stated", "reported", "noted"],
    &["officers", "agents", "troops", "patrols"],
    &["complaints", "reports", "cases", "charges"],
    &["shops", "stores", "businesses", "stalls"],
    &["attacks", "assaults", "shootings", "raids"],
    &["video", "recording", "clip", "message"],
    &["payments", "fees", "dues", "cash"],
    &["extortion", "racketeering", "shakedowns", "coercion"],
    &["protested", "marched", "demonstrated", "rallied"],
    &["avenues", "streets", "roads", "highways"],
    &["house", "home", "building", "flat"],
    &["afraid", "scared", "frightened", "terrified"],
    &["gangs", "crews", "mobs", "outfits"],
    &["victims", "residents", "families", "people"],
    &["week", "fortnight", "month", "day"],
    &["night", "dusk", "dark", "evening"],
    &["cameras", "alarms", "lights", "gates"],
];

/// The word a story uses for `word`, with its case; `word` itself when the list has none.
fn wording(story: usize, words: &[&[&str]], word: &str) -> String {
    let lower = word.to_lowercase();
    let Some(k) = words.iter().position(|choices| choices[0] == lower) else {
        return word.to_string();
    };
    let mut pick = xorshift(story * 131 + k + 11);
    words[k][pick() as usize % words[k].len()].to_string()
}

/// `text` with each word passed through `word_of`, keeping an initial capital.
fn reword(text: &str, word_of: &impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end.max(rest.chars().next().map_or(1, char::len_utf8)));
        if word.chars().next().is_some_and(char::is_alphanumeric) {
            let chosen = word_of(word);
            if word.chars().next().is_some_and(char::is_uppercase) {
                let mut chars = chosen.chars();
                out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                out.push_str(chars.as_str());
            } else {
                out.push_str(&chosen);
            }
        } else {
            out.push_str(word);
        }
        rest = tail;
    }
    out
}

fn spanish_sentences(s: &Story) -> Vec<String> {
    let Story {
        place,
        person,
        officer,
        gang,
        leader,
        street,
        market,
        counts: [n, officers, cases],
        ..
    } = s;
    let date = format!(
        "el {} de {}",
        s.day.format("%-d"),
        MESES[s.day.format("%m").to_string().parse::<usize>().unwrap_or(1) - 1]
    );
    let mut out = match s.kind {
        0 => vec![
            format!("La policía detuvo a {n} presuntos integrantes de {gang} en {place} {date}."),
            format!("El cabecilla, {leader}, fue capturado en una vivienda de {place}."),
            format!("Según la fiscalía, {gang} exigía cupos a los mototaxistas desde hace meses."),
        ],
        1 => vec![
            format!("Comerciantes de {place} protestaron {date} contra las extorsiones de {gang}."),
            format!("Los manifestantes bloquearon avenidas y quemaron llantas en {place}."),
            format!("«No podemos trabajar así», dijo {person}, dirigente de los comerciantes."),
        ],
        2 => vec![
            format!("{gang} amenazó de muerte a los transportistas de {place} en un video difundido {date}."),
            format!("En el video, {leader} exige pagos semanales a cada conductor."),
            format!("«Tenemos miedo de salir a trabajar», dijo {person}, mototaxista de {place}."),
        ],
        _ => vec![
            format!("El Gobierno declaró {date} el estado de emergencia en {place} por la ola de extorsiones."),
            format!("La medida permite a las Fuerzas Armadas apoyar a la policía en {place}."),
            format!("El alcalde {person} pidió más patrullaje contra {gang}."),
        ],
    };
    out.extend([
        format!(
            "El coronel {officer} afirmó que {officers} agentes fueron desplegados en {place}."
        ),
        format!(
            "Más de {cases} denuncias por extorsión fueron registradas este año, señaló {officer}."
        ),
        format!(
            "Vecinos de {place} relataron que los comercios cerraron tras las amenazas de {gang}."
        ),
        format!("{person} contó que pagaba cada semana para no ser atacado."),
        format!("Los ataques se concentran en la avenida {street} y en el mercado {market}."),
        format!("La empresa de transportes {market} suspendió sus rutas en {place}."),
    ]);
    out
}

/// Sentences any Spanish report on extortion could carry.
fn spanish_background(s: &Story) -> Vec<String> {
    let place = s.place;
    [
        "La extorsión se ha convertido en la principal queja de los pequeños negocios de la ciudad.".to_string(),
        "Los gremios de transportistas han pedido reuniones con el Ministerio del Interior.".to_string(),
        "Especialistas advierten que muchas víctimas no denuncian por temor a represalias.".to_string(),
        "El cobro de cupos suele empezar con una llamada o un mensaje de texto.".to_string(),
        "Las bandas dejan explosivos o disparan contra las fachadas de quienes no pagan.".to_string(),
        "La fiscalía creó unidades especiales para investigar estos delitos.".to_string(),
        format!("En {place} varios colegios suspendieron las clases presenciales por seguridad."),
        "Los comerciantes piden que se refuerce la presencia policial en las noches.".to_string(),
        "La policía recomienda no responder a números desconocidos y denunciar de inmediato.".to_string(),
        "El Congreso debate un proyecto que endurece las penas por extorsión.".to_string(),
        format!("Dirigentes vecinales de {place} organizaron rondas para vigilar las calles."),
        "Las autoridades municipales anunciaron la instalación de nuevas cámaras de vigilancia.".to_string(),
        "Muchos conductores han dejado de trabajar en horario nocturno.".to_string(),
        "Las cifras oficiales muestran un aumento sostenido de las denuncias desde el año pasado.".to_string(),
        "Abogados consultados señalan que los procesos judiciales tardan años en resolverse.".to_string(),
        "Las asociaciones de comerciantes evalúan nuevas movilizaciones en las próximas semanas.".to_string(),
    ]
    .into()
}

fn english_sentences(s: &Story) -> Vec<String> {
    let Story {
        place,
        person,
        officer,
        gang,
        leader,
        street,
        market,
        counts: [n, officers, cases],
        ..
    } = s;
    let date = s.day.format("on %B %-d").to_string();
    let mut out = match s.kind {
        0 => vec![
            format!("Police arrested {n} alleged members of {gang} in {place} {date}."),
            format!("The gang's leader, {leader}, was caught in a house in {place}."),
            format!("Prosecutors said {gang} had demanded payments from motorcycle taxi drivers for months."),
        ],
        1 => vec![
            format!("Merchants in {place} protested {date} against extortion by {gang}."),
            format!("Protesters blocked avenues and burned tyres in {place}."),
            format!("\"We cannot work like this,\" said {person}, a leader of the merchants."),
        ],
        2 => vec![
            format!("{gang} threatened to kill transport workers in {place} in a video released {date}."),
            format!("In the video, {leader} demands weekly payments from every driver."),
            format!("\"We are afraid to go out to work,\" said {person}, a motorcycle taxi driver in {place}."),
        ],
        _ => vec![
            format!("The government declared a state of emergency in {place} {date} over a wave of extortion."),
            format!("The measure lets the armed forces support the police in {place}."),
            format!("Mayor {person} called for more patrols against {gang}."),
        ],
    };
    out.extend([
        format!("Col. {officer} said {officers} officers had been deployed to {place}."),
        format!("More than {cases} extortion complaints were filed this year, {officer} told reporters."),
        format!("Residents of {place} said shops closed after threats from {gang}."),
        format!("{person} said he paid every week so as not to be attacked."),
        format!("The attacks have centred on {street} Avenue and the {market} market."),
        format!("The {market} transport company suspended its routes in {place}."),
    ]);
    out
}

/// Sentences any English report on extortion could carry.
fn english_background(s: &Story) -> Vec<String> {
    let place = s.place;
    [
        "Extortion has become the main complaint of small businesses across the city.".to_string(),
        "Transport unions have asked for meetings with the Interior Ministry.".to_string(),
        "Experts warn that many victims do not report the crime for fear of reprisals.".to_string(),
        "The demands usually begin with a phone call or a text message.".to_string(),
        "Gangs leave explosives or fire shots at the fronts of those who refuse to pay."
            .to_string(),
        "Prosecutors have set up special units to investigate these crimes.".to_string(),
        format!("In {place}, several schools suspended classes for safety reasons."),
        "Merchants want a stronger police presence at night.".to_string(),
        "Police advise people not to answer unknown numbers and to report threats at once."
            .to_string(),
        "Congress is debating a bill that would raise sentences for extortion.".to_string(),
        format!("Neighbourhood leaders in {place} organised patrols to watch the streets."),
        "City officials announced the installation of new security cameras.".to_string(),
        "Many drivers have stopped working at night.".to_string(),
        "Official figures show a steady rise in complaints since last year.".to_string(),
        "Lawyers say court cases take years to be resolved.".to_string(),
        "Merchant associations are weighing new marches in the coming weeks.".to_string(),
    ]
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_have_their_own_names_and_sizes() {
        let order = arrivals(1_000);
        assert_eq!(order.len(), 1_000);
        let stories: std::collections::BTreeSet<usize> = order.iter().copied().collect();
        // Between 1 and 12 reports each, 6.5 on average.
        assert!((100..250).contains(&stories.len()), "{} stories", stories.len());
        let (a, b) = (story(1), story(2));
        assert_ne!(a.gang, b.gang);
        assert_ne!(a.person, b.person);
        let first = report(1, 0);
        assert!(first.text.split_whitespace().count() >= 800);
        assert_eq!(report(1, 0).text, first.text, "generation is deterministic");
    }
}
