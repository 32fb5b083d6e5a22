//! Function words of the seven languages the fast path scores, hashed into a table at compile time.
//!
//! A word listed under several languages counts for each of them, so only words that set a
//! language apart move the margin. Lists must be complete in that sense: a Spanish word that is
//! also common Portuguese has to appear under both, or Spanish text would earn Portuguese points.

/// Bit of each language in a word's mask; the order matches [`CODES`].
pub(super) const ES: u8 = 1 << 0;
pub(super) const EN: u8 = 1 << 1;
pub(super) const PT: u8 = 1 << 2;
pub(super) const IT: u8 = 1 << 3;
pub(super) const FR: u8 = 1 << 4;
pub(super) const CA: u8 = 1 << 5;
pub(super) const DE: u8 = 1 << 6;

/// ISO 639-1 codes in bit order.
pub(super) const CODES: [&str; 7] = ["es", "en", "pt", "it", "fr", "ca", "de"];

/// Elided forms keep their apostrophe (`l'`, `dell'`); English clitics lead with it (`'s`).
const SPANISH: &str = "a al algo algunos algunas ante antes así aunque ayer aún años bajo cada \
    casi como con contra cual cuales cuando cuyo da de del desde después dijo donde dos durante \
    el ella ellas ellos en entre era eran es esa esas ese eso esos esta estaba estado estas este \
    esto estos está están fue fueron ha había habían han hasta hay hoy la las le les lo los \
    mientras mismo misma muy más ni no nos o otra otras otro otros para pero poco por porque \
    puede pueden que quien quienes se segundo según ser si sido sin sobre solo son su sus sólo \
    también tiene tienen toda todas todo todos tras tres un una unas uno unos va van viene y ya \
    él será serán";

const ENGLISH: &str = "a about after against all also an and are as at be because been before \
    being but by can come could did do does due during for from had has have he her his how if \
    in into is it its last man more most no not of on one only or other our out over said says \
    sense she should so some than that the their them then there these they this those three \
    through to told two under up very war was we were what when where which while who whom will \
    with would year years you 's 're 've 'll 'm 'd 't don' didn' doesn' isn' wasn' aren' weren' \
    can' couldn' won' wouldn' hasn' haven' hadn' shouldn'";

const PORTUGUESE: &str = "a ao aos após as até à às ainda anos antes ante cada cerca com como \
    contra da das de depois desde disse do dos durante e ela elas ele eles em entre era eram \
    essa esse esta este estava está estão foi foram há havia isso isto já mais mas mesmo muito \
    na nas nem no nos não num numa o onde os ou outra outras outro outros para pela pelas pelo \
    pelos pode podem por porque quando que se segundo sem seja ser seu seus sido sobre sua suas \
    também tem ter todo todos toda todas três um uma umas uns vai vão será têm";

const ITALIAN: &str = "a ad agli ai al alla alle allo anche ancora anni aveva che ci come con \
    contro cui da dai dal dalla dalle degli dei del della delle dello detto di disse dopo dove \
    due durante e ed era erano essere fa fra gli ha hanno i ieri il in la le lo loro ma mentre \
    molto ne nei nel nella nelle nello non o oggi per perché più presso quando quella quello \
    questa questi questo qui sarà se secondo senza si sono stata stati stato su sua sui sul \
    sulla suo suoi tra tre tutti tutto tutta un una uno va verso viene è già \
    l' d' c' dell' all' dall' nell' sull' un' quest'";

const FRENCH: &str = "a ainsi alors ans après au aussi aux avait avant avec avoir ce ces cet \
    cette chez comme contre dans de depuis des deux dont du durant déjà elle elles en encore \
    entre est et été était être fait il ils je la le les leur leurs lors ma mais ne ni non nous \
    on ont ou où par pas peut plus pour qui que sa sans se selon ses si son sont sous sur tous \
    tout toute toutes trois très un une va vous y à l' d' qu' n' s' c' j' m'";

const CATALAN: &str = "a aquell aquest aquesta aquestes aquests al als amb anys això cap com \
    contra d' de del dels des després dos durant el els en entre era eren es estat fa fins ha \
    han havia hem hi ho i ja l' la les m' mentre molt més n' ni no o on pel pels per perquè \
    però quan que qui s' se segons sense ser serà seran seu seus seva seves si sobre també tres \
    un una unes uns va van és són";

const GERMAN: &str = "als am an auch auf aus aber bei bis da das dass daß dem den der des die \
    diese dieser dieses drei durch ein eine einem einen einer eines er es für gegen hat haben \
    hatte im in ins ist ja jahr jahre jahren kann kein keine können laut man mehr mit nach \
    nicht noch nur oder ohne sagte schon sein seine seit sich sie sind so soll sollen sowie um \
    und unter vom von vor war waren weil wenn wie will wir wird werden wurde wurden zu zum zur \
    zwei über";

const LISTS: [(u8, &str); 7] = [
    (ES, SPANISH),
    (EN, ENGLISH),
    (PT, PORTUGUESE),
    (IT, ITALIAN),
    (FR, FRENCH),
    (CA, CATALAN),
    (DE, GERMAN),
];

/// Open-addressing table size: a power of two, about three times the number of distinct words.
const SLOTS: usize = 2048;

/// Word → mask of languages it belongs to, with the word's hash so most probes skip comparing
/// bytes; empty keys mark free slots.
static WORDS: [Entry; SLOTS] = build();

#[derive(Clone, Copy)]
struct Entry {
    hash: u32,
    key: &'static [u8],
    mask: u8,
}

/// The mask of languages `word` (lowercase UTF-8) is a function word of, or 0.
pub(super) fn lookup(word: &[u8]) -> u8 {
    let hash = fnv(word);
    let mut slot = hash as usize & (SLOTS - 1);
    loop {
        let entry = &WORDS[slot];
        if entry.key.is_empty() {
            return 0;
        }
        if entry.hash == hash && entry.key == word {
            return entry.mask;
        }
        slot = (slot + 1) & (SLOTS - 1);
    }
}

const fn fnv(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn build() -> [Entry; SLOTS] {
    let mut table = [Entry { hash: 0, key: &[], mask: 0 }; SLOTS];
    let mut list = 0;
    while list < LISTS.len() {
        let (mask, words) = LISTS[list];
        let bytes = words.as_bytes();
        let mut start = 0;
        while start < bytes.len() {
            if bytes[start] == b' ' {
                start += 1;
                continue;
            }
            let mut end = start;
            while end < bytes.len() && bytes[end] != b' ' {
                end += 1;
            }
            let word = bytes.split_at(end).0.split_at(start).1;
            let hash = fnv(word);
            let mut slot = hash as usize & (SLOTS - 1);
            loop {
                if table[slot].key.is_empty() {
                    table[slot] = Entry { hash, key: word, mask };
                    break;
                }
                if same(table[slot].key, word) {
                    table[slot].mask |= mask;
                    break;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            start = end;
        }
        list += 1;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_words_carry_every_language() {
        assert_eq!(lookup(b"que"), ES | PT | FR | CA);
        assert_eq!(lookup("él".as_bytes()), ES);
        assert_eq!(lookup(b"dell'"), IT);
        assert_eq!(lookup(b"zzz"), 0);
        let used = WORDS.iter().filter(|entry| !entry.key.is_empty()).count();
        assert!(used * 2 < SLOTS, "{used} words fill too much of the table");
    }
}
