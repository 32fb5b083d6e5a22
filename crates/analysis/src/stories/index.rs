//! The incremental story index: blocking keys, candidate stories, scoring and assignment.

use chrono::NaiveDate;
use model::Language;

use super::{
    hash::FastMap,
    signature::{Group, Signature},
};

#[cfg(test)]
mod tests;

/// Dated reports of a story compared with a new report's date, the latest first.
const DATES_CHECKED: usize = 32;

/// A story's norms are recomputed when the corpus has grown by this fraction (its inverse)
/// since they last were.
const STALE_GROWTH: u32 = 64;

/// Tuning of the story index.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryConfig {
    /// Score from which a report joins a story rather than opening its own.
    pub threshold: f32,
    /// Share of the score given to word similarity when the story has a report in the same
    /// language; the rest comes from entities, events, dates and numbers.
    pub word_share: f32,
    /// Days between a report's main date and a story's dates beyond which they count as apart.
    pub date_window_days: i64,
    /// Factor applied to the score of a story whose dates are apart from the report's.
    pub date_penalty: f32,
    /// Factor applied when the report is dated and none of the story's latest reports is, or
    /// the other way round; for an undated report, in part when only some of them are dated.
    pub undated_penalty: f32,
    /// Factor applied when both sides give several numbers with their units and none is shared,
    /// and dates could not be compared: tolls, sums and magnitudes tell apart two events of one
    /// kind.
    pub number_penalty: f32,
    /// Factor applied when the report's and the story's leading actors differ and neither
    /// appears on the other side.
    pub lead_penalty: f32,
    /// Days within which a story's report counts as close in time to a new one (see
    /// `far_lead_penalty`).
    pub close_days: i64,
    /// Factor applied instead of `lead_penalty` when the report is dated and none of the
    /// story's dated reports is within `close_days` of it.
    pub far_lead_penalty: f32,
    /// Score of a report's second-best story from which that story is merged into the best.
    pub merge_threshold: f32,
    /// Stories listed under one key at most, the latest to take it up: news stories are local
    /// in time, and this bounds the work per report however common a key grows.
    pub max_postings: usize,
    /// Keys a story keeps at most; past this its lightest quarter is dropped, which bounds
    /// memory per story and keeps its heaviest keys, those that make it what it is.
    pub max_story_keys: usize,
    /// Candidate stories scored per report at most, those sharing the most weight first.
    pub max_candidates: usize,
    /// A report's words used to find candidates: the rarest ones.
    pub blocking_words: usize,
}

impl Default for StoryConfig {
    fn default() -> StoryConfig {
        StoryConfig {
            threshold: 0.125,
            word_share: 0.6,
            date_window_days: 45,
            date_penalty: 0.6,
            undated_penalty: 0.6,
            number_penalty: 0.7,
            lead_penalty: 0.7,
            merge_threshold: 0.35,
            close_days: 3,
            far_lead_penalty: 0.3,
            max_postings: 32,
            max_story_keys: 256,
            max_candidates: 10,
            blocking_words: 10,
        }
    }
}

/// Where a report went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assignment {
    /// The story's id, its index in [`StoryIndex::stories`]. A later report may merge that
    /// story into another ([`Story::merged_into`]); [`StoryIndex::story_of`] is always current.
    pub story: usize,
    /// True when the report is a copy of an earlier report of the story.
    pub copy: bool,
    /// The score with which it joined, 0 when it opened the story, 1 for copies.
    pub score: f32,
}

/// One report of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The article's id.
    pub document: String,
    /// True when ingestion found it to copy an earlier article: one outlet's text published
    /// again, not independent confirmation.
    pub copy: bool,
    /// Its main date interval: its first event's date, else its first date finer than a year.
    pub date: Option<(NaiveDate, NaiveDate)>,
    /// Its language.
    pub language: Language,
}

/// A story: reports about the same events.
#[derive(Debug, Clone)]
pub struct Story {
    /// Its index in [`StoryIndex::stories`].
    pub id: usize,
    /// Its reports in order of arrival.
    pub members: Vec<Member>,
    /// The languages of its reports, in order of first arrival.
    pub languages: Vec<Language>,
    /// The earliest main date of its reports.
    pub first_date: Option<NaiveDate>,
    /// The latest main date of its reports.
    pub last_date: Option<NaiveDate>,
    /// Summed feature weights of its reports (copies excluded), by key id.
    weights: FastMap<u32, f32>,
    /// Squared norms of the weights times the keys' inverse frequencies, kept up to date as
    /// reports join: neutral groups, then words.
    norms: [f32; 2],
    /// The story its reports moved to when it was merged; it then has no members.
    pub merged_into: Option<usize>,
    /// Number keys among its weights.
    numbers: u32,
    /// Its most-mentioned person or criminal group, with its weight.
    lead: Option<(u32, f32)>,
    /// Reports in the key frequencies when its norms were last recomputed in full.
    normed: u32,
}

/// Corpus statistics of one key.
#[derive(Debug, Clone)]
struct KeyStats {
    group: Group,
    /// Reports holding the key.
    reports: u32,
    /// The latest stories to take up the key.
    postings: Vec<u32>,
    /// True for keys that find candidates whatever their frequency: entities and events at a
    /// place. Words block only when rare within the report; the rest never do.
    blocking: bool,
    /// True for people and criminal groups: a story's protagonists.
    actor: bool,
}

/// A story id with a report's score against it.
pub(crate) type Scored = (usize, f32);

/// A report's features as key ids.
pub(crate) type Interned = Vec<(u32, f32)>;

/// Stories built one report at a time.
#[derive(Debug, Clone, Default)]
pub struct StoryIndex {
    config: StoryConfig,
    ids: FastMap<String, u32>,
    keys: Vec<KeyStats>,
    stories: Vec<Story>,
    documents: FastMap<String, usize>,
    /// Reports counted in the key frequencies.
    reports: u32,
    /// True when frequencies were counted over the whole corpus up front.
    frozen: bool,
}

impl StoryIndex {
    /// An empty index with the default configuration.
    pub fn new() -> StoryIndex {
        StoryIndex::with_config(StoryConfig::default())
    }

    /// An empty index.
    pub fn with_config(config: StoryConfig) -> StoryIndex {
        StoryIndex { config, ..StoryIndex::default() }
    }

    /// An empty index whose key frequencies are counted over `corpus` up front, for batch use.
    pub(crate) fn with_corpus(config: StoryConfig, corpus: &[Signature]) -> StoryIndex {
        let mut index = StoryIndex::with_config(config);
        for signature in corpus {
            if signature.duplicate_of.is_none() {
                index.count(signature);
            }
        }
        index.frozen = true;
        index
    }

    /// The stories so far.
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    /// The story holding `document`.
    pub fn story_of(&self, document: &str) -> Option<usize> {
        self.documents.get(document).copied()
    }

    /// Adds a report to the best story, or to a new one, and says which. When the report also
    /// fits a second story well, the smaller of the two is merged into the larger one and
    /// the merged-into story is returned.
    pub fn add(&mut self, signature: &Signature) -> Assignment {
        if let Some(story) =
            signature.duplicate_of.as_deref().and_then(|of| self.documents.get(of).copied())
        {
            self.stories[story].members.push(Member {
                document: signature.document.clone(),
                copy: true,
                date: signature.dates.first().copied(),
                language: signature.language.clone(),
            });
            self.documents.insert(signature.document.clone(), story);
            return Assignment { story, copy: true, score: 1.0 };
        }
        let features = if self.frozen { self.intern(signature) } else { self.count(signature) };
        let (first, second) = self.best(signature, &features, None);
        let (mut best, score) = match first {
            Some((story, score)) if score >= self.config.threshold => (story, score),
            _ => (self.open(), 0.0),
        };
        self.join(best, signature, &features);
        if let Some((other, other_score)) = second {
            if other_score >= self.config.merge_threshold {
                best = self.merge(best, other);
            }
        }
        Assignment { story: best, copy: false, score }
    }

    /// Interns a report's keys and counts them in the frequencies.
    fn count(&mut self, signature: &Signature) -> Interned {
        self.reports += 1;
        let features = self.intern(signature);
        for &(id, _) in &features {
            self.keys[id as usize].reports += 1;
        }
        features
    }

    /// Ids of a report's keys, creating those not seen before.
    pub(crate) fn intern(&mut self, signature: &Signature) -> Interned {
        let mut key = String::new();
        signature
            .features
            .iter()
            .map(|feature| {
                key.clear();
                key.push_str(feature.group.prefix());
                key.push(':');
                key.push_str(&feature.key);
                let id = match self.ids.get(&key) {
                    Some(&id) => id,
                    None => {
                        let id = self.keys.len() as u32;
                        self.ids.insert(key.clone(), id);
                        self.keys.push(KeyStats {
                            group: feature.group,
                            reports: 0,
                            postings: Vec::new(),
                            blocking: match feature.group {
                                Group::Entity => true,
                                Group::Event => feature.key.contains('@'),
                                Group::Date | Group::Number | Group::Word => false,
                            },
                            actor: feature.group == Group::Entity && is_actor(&feature.key),
                        });
                        id
                    }
                };
                (id, feature.weight)
            })
            .collect()
    }

    /// Inverse frequency of a key: rare keys say more.
    fn idf(&self, id: u32) -> f32 {
        let reports = self.keys[id as usize].reports.max(1) as f32;
        (1.0 + self.reports.max(1) as f32 / reports).ln()
    }

    /// The best- and second-best-scoring candidate stories for a report, leaving out `skip`.
    pub(crate) fn best(
        &mut self,
        signature: &Signature,
        features: &Interned,
        skip: Option<usize>,
    ) -> (Option<Scored>, Option<Scored>) {
        let report = self.prepare(features);
        let mut words: Vec<(f32, u32)> = Vec::new();
        let mut shared: FastMap<u32, f32> =
            FastMap::with_capacity_and_hasher(1024, Default::default());
        for value in &report.values {
            let value_idf = value.weight * value.idf;
            let stats = &self.keys[value.id as usize];
            if stats.blocking {
                self.block(value.id, value_idf, &mut shared);
            } else if stats.group == Group::Word {
                words.push((value_idf, value.id));
            }
        }
        words.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(value, id) in words.iter().take(self.config.blocking_words) {
            self.block(id, value, &mut shared);
        }
        let mut candidates: Vec<(f32, u32)> = shared
            .into_iter()
            .filter(|&(story, _)| Some(story as usize) != skip)
            .map(|(story, weight)| (weight, story))
            .collect();
        let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if candidates.len() > self.config.max_candidates {
            candidates.select_nth_unstable_by(self.config.max_candidates, order);
            candidates.truncate(self.config.max_candidates);
        }
        candidates.sort_by(order);
        for &(_, story) in &candidates {
            self.refresh(story as usize);
        }
        let main = signature.dates.first().copied();
        let mut best: Option<(usize, f32)> = None;
        let mut second: Option<(usize, f32)> = None;
        let better = |story: usize, score: f32, than: Option<(usize, f32)>| {
            than.is_none_or(|(id, top)| score > top || (score == top && story < id))
        };
        for (_, story) in candidates {
            let story = story as usize;
            let score = self.score(&self.stories[story], signature, &report, main);
            if better(story, score, best) {
                second = best;
                best = Some((story, score));
            } else if better(story, score, second) {
                second = Some((story, score));
            }
        }
        (best, second)
    }

    /// A report's weights with their keys' current inverse frequencies, its norms and lead.
    fn prepare(&self, features: &Interned) -> Prepared {
        let mut norms = [0.0f32; 2];
        let mut lead: Option<(u32, f32)> = None;
        let values: Vec<Value> = features
            .iter()
            .map(|&(id, weight)| {
                let stats = &self.keys[id as usize];
                let idf = self.idf(id);
                let word = !stats.group.is_neutral();
                norms[usize::from(word)] += (weight * idf) * (weight * idf);
                if stats.actor && lead.is_none_or(|(_, top)| weight > top) {
                    lead = Some((id, weight));
                }
                Value { id, weight, idf, word }
            })
            .collect();
        Prepared { values, norms: norms.map(f32::sqrt), lead: lead.map(|(id, _)| id) }
    }

    /// Adds the stories listed under a key to the candidates.
    fn block(&self, id: u32, value: f32, shared: &mut FastMap<u32, f32>) {
        for &story in &self.keys[id as usize].postings {
            *shared.entry(story).or_default() += value;
        }
    }

    /// Similarity of a report to a story: cosine over the language-neutral keys, blended with
    /// cosine over words when the story has a report in the same language; lowered when their
    /// dates are apart, when only one side is dated, when both give numbers and share none, and
    /// when their leading actors differ, more so when no report of the story is close in time.
    fn score(
        &self,
        story: &Story,
        signature: &Signature,
        report: &Prepared,
        main: Option<(NaiveDate, NaiveDate)>,
    ) -> f32 {
        let mut dots = [0.0f32; 2];
        for value in &report.values {
            if let Some(&theirs) = story.weights.get(&value.id) {
                dots[usize::from(value.word)] += value.weight * theirs * value.idf * value.idf;
            }
        }
        let cosine = |part: usize| {
            let norm = report.norms[part] * story.norms[part].sqrt();
            if norm > 0.0 {
                dots[part] / norm
            } else {
                0.0
            }
        };
        let neutral = cosine(0);
        let mut score = if story.languages.contains(&signature.language) && report.norms[1] > 0.0 {
            self.config.word_share * cosine(1) + (1.0 - self.config.word_share) * neutral
        } else {
            neutral
        };
        // Most of the story's dated reports must be near this one; a range would let one
        // wrongly joined report stretch the story over years.
        let (mut near, mut dated, mut checked, mut close) = (0usize, 0usize, 0usize, 0usize);
        for member in story.members.iter().rev().filter(|m| !m.copy).take(DATES_CHECKED) {
            checked += 1;
            if let (Some((start, end)), Some((first, last))) = (main, member.date) {
                dated += 1;
                let gap = (start - last).num_days().max((first - end).num_days());
                near += usize::from(gap <= self.config.date_window_days);
                close += usize::from(gap <= self.config.close_days);
            } else if member.date.is_some() {
                dated += 1;
            }
        }
        // Dates can be compared: the report and some of the story's latest reports are dated.
        let timed = main.is_some() && dated > 0;
        if timed && near * 2 < dated {
            score *= self.config.date_penalty;
        }
        // When one side is dated and the other not, time cannot confirm the match, so the content
        // must say more. An undated report is held back in proportion to the story's dated
        // reports, so that one undated member does not open a dated story to every undated
        // report; a dated report is placed against the dated ones, so only an undated story
        // holds it back.
        if checked > 0 {
            let share = match main {
                Some(_) if dated == 0 => 1.0,
                Some(_) => 0.0,
                None => dated as f32 / checked as f32,
            };
            score *= 1.0 - (1.0 - self.config.undated_penalty) * share;
        }
        if let (Some(ours), Some((theirs, _))) = (report.lead, story.lead) {
            if !story.weights.contains_key(&ours)
                && !report.values.iter().any(|value| value.id == theirs)
            {
                // Same place, other actors, weeks apart: most often a new incident there, so
                // only a close date lets a report with other leading actors join on content.
                score *= if timed && close == 0 {
                    self.config.far_lead_penalty
                } else {
                    self.config.lead_penalty
                };
            }
        }
        // Numbers change as a story unfolds (a toll rises, an analysis cites its own figures), so
        // they only speak when dates could not be compared.
        if !timed && story.numbers >= 2 {
            let (mut given, mut shared) = (0usize, false);
            for value in &report.values {
                if self.keys[value.id as usize].group == Group::Number {
                    given += 1;
                    shared |= story.weights.contains_key(&value.id);
                }
            }
            if given >= 2 && !shared {
                score *= self.config.number_penalty;
            }
        }
        score
    }

    /// Moves the smaller of two stories into the larger one, which it returns: a report that
    /// fits both well shows they tell the same events.
    fn merge(&mut self, a: usize, b: usize) -> usize {
        let (into, from) = if self.stories[b].members.len() > self.stories[a].members.len() {
            (b, a)
        } else {
            (a, b)
        };
        let mut weights: Vec<(u32, f32)> =
            self.stories[from].weights.iter().map(|(&id, &weight)| (id, weight)).collect();
        weights.sort_by_key(|&(id, _)| id);
        for &(id, weight) in &weights {
            self.shift(into, id, weight);
            self.shift(from, id, -weight);
        }
        let members = std::mem::take(&mut self.stories[from].members);
        for member in &members {
            self.documents.insert(member.document.clone(), into);
        }
        self.stories[into].members.extend(members);
        self.stories[from].lead = None;
        self.stories[from].merged_into = Some(into);
        if self.stories[into].weights.len() > self.config.max_story_keys {
            self.prune(into);
        }
        self.summarise(from);
        self.summarise(into);
        into
    }

    /// Opens an empty story.
    pub(crate) fn open(&mut self) -> usize {
        let id = self.stories.len();
        self.stories.push(Story {
            id,
            members: Vec::new(),
            languages: Vec::new(),
            first_date: None,
            last_date: None,
            weights: FastMap::default(),
            norms: [0.0; 2],
            numbers: 0,
            lead: None,
            merged_into: None,
            normed: self.reports,
        });
        id
    }

    /// Adds a report to a story.
    pub(crate) fn join(&mut self, story: usize, signature: &Signature, features: &Interned) {
        for &(id, weight) in features {
            self.shift(story, id, weight);
        }
        if self.stories[story].weights.len() > self.config.max_story_keys {
            self.prune(story);
        }
        let entry = &mut self.stories[story];
        entry.members.push(Member {
            document: signature.document.clone(),
            copy: false,
            date: signature.dates.first().copied(),
            language: signature.language.clone(),
        });
        if !entry.languages.contains(&signature.language) {
            entry.languages.push(signature.language.clone());
        }
        if let Some(&(start, end)) = signature.dates.first() {
            entry.first_date = Some(entry.first_date.map_or(start, |first| first.min(start)));
            entry.last_date = Some(entry.last_date.map_or(end, |last| last.max(end)));
        }
        self.documents.insert(signature.document.clone(), story);
    }

    /// Takes a report out of a story (not its copies), for a second pass over a batch.
    pub(crate) fn leave(&mut self, story: usize, signature: &Signature, features: &Interned) {
        for &(id, weight) in features {
            self.shift(story, id, -weight);
        }
        if self.stories[story].lead.is_some_and(|(id, _)| {
            !self.stories[story].weights.contains_key(&id)
                || features.iter().any(|&(ours, _)| ours == id)
        }) {
            self.relead(story);
        }
        self.stories[story].members.retain(|member| member.document != signature.document);
        self.documents.remove(&signature.document);
        self.summarise(story);
    }

    /// Changes a story's weight of one key, keeping its norms, postings and lead in step.
    fn shift(&mut self, story: usize, id: u32, change: f32) {
        let idf = self.idf(id);
        let max_postings = self.config.max_postings;
        let stats = &mut self.keys[id as usize];
        let entry = &mut self.stories[story];
        let old = entry.weights.get(&id).copied().unwrap_or(0.0);
        let mut new = old + change;
        if new <= 1e-6 {
            new = 0.0;
            if entry.weights.remove(&id).is_some() && stats.group == Group::Number {
                entry.numbers -= 1;
            }
            if let Some(at) = stats.postings.iter().position(|&s| s as usize == story) {
                stats.postings.swap_remove(at);
            }
        } else {
            entry.weights.insert(id, new);
            if old == 0.0 {
                if stats.group == Group::Number {
                    entry.numbers += 1;
                }
                if stats.postings.len() >= max_postings {
                    stats.postings.remove(0);
                }
                stats.postings.push(story as u32);
            }
        }
        let part = usize::from(!stats.group.is_neutral());
        entry.norms[part] = (entry.norms[part] + (new * new - old * old) * idf * idf).max(0.0);
        if stats.actor
            && change > 0.0
            && entry.lead.is_none_or(|(lead, top)| new > top || (new == top && id < lead))
        {
            entry.lead = Some((id, new));
        }
    }

    /// Recomputes a story's norms with the keys' current inverse frequencies: in a stream they
    /// grow as reports arrive, so norms summed when the story's reports joined fall behind and
    /// inflate the scores of older stories. Done once the corpus has grown by a fraction
    /// ([`STALE_GROWTH`]) since the last time, which keeps the cost per report flat.
    fn refresh(&mut self, story: usize) {
        let normed = self.stories[story].normed;
        if self.frozen || self.reports <= normed + normed / STALE_GROWTH {
            return;
        }
        self.stories[story].normed = self.reports;
        let mut norms = [0.0f32; 2];
        for (&id, &weight) in &self.stories[story].weights {
            let idf = self.idf(id);
            norms[usize::from(!self.keys[id as usize].group.is_neutral())] +=
                weight * weight * idf * idf;
        }
        self.stories[story].norms = norms;
    }

    /// Drops a story's lightest keys, down to three quarters of the limit.
    fn prune(&mut self, story: usize) {
        let mut keys: Vec<(f32, u32)> =
            self.stories[story].weights.iter().map(|(&id, &weight)| (weight, id)).collect();
        keys.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let drop = keys.len().saturating_sub(self.config.max_story_keys * 3 / 4);
        for &(weight, id) in &keys[..drop] {
            self.shift(story, id, -weight);
        }
        if self.stories[story]
            .lead
            .is_some_and(|(id, _)| !self.stories[story].weights.contains_key(&id))
        {
            self.relead(story);
        }
    }

    /// Finds a story's lead again after a report left.
    fn relead(&mut self, story: usize) {
        let mut lead: Option<(u32, f32)> = None;
        for (&id, &weight) in &self.stories[story].weights {
            if self.keys[id as usize].actor
                && lead.is_none_or(|(top_id, top)| weight > top || (weight == top && id < top_id))
            {
                lead = Some((id, weight));
            }
        }
        self.stories[story].lead = lead;
    }

    /// Recomputes a story's languages and date range from its reports other than copies.
    fn summarise(&mut self, story: usize) {
        let entry = &mut self.stories[story];
        entry.languages.clear();
        entry.first_date = None;
        entry.last_date = None;
        for member in entry.members.iter().filter(|member| !member.copy) {
            if !entry.languages.contains(&member.language) {
                entry.languages.push(member.language.clone());
            }
            if let Some((start, end)) = member.date {
                entry.first_date = Some(entry.first_date.map_or(start, |first| first.min(start)));
                entry.last_date = Some(entry.last_date.map_or(end, |last| last.max(end)));
            }
        }
    }
}

/// A report ready for scoring.
struct Prepared {
    values: Vec<Value>,
    /// Norms of the neutral part and of the words.
    norms: [f32; 2],
    /// The actor it mentions most.
    lead: Option<u32>,
}

/// One key of a report with its weight and current inverse frequency.
struct Value {
    id: u32,
    weight: f32,
    idf: f32,
    word: bool,
}

/// People and criminal groups, by their key: `person:…`, `criminal_group:…`, and knowledge-base
/// entries, which are mostly groups and their leaders.
fn is_actor(key: &str) -> bool {
    key.starts_with("person:") || key.starts_with("criminal_group:") || key.starts_with("kb:")
}
