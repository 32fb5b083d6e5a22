//! Batch clustering: every report known up front.

use super::{
    index::{Assignment, StoryConfig, StoryIndex},
    signature::Signature,
};

/// Clusters a whole corpus: key frequencies from all of it, one pass in the given order, then a
/// second pass that moves each report to its best story. Story ids are numbered by first report.
pub fn cluster_batch(signatures: &[Signature], config: &StoryConfig) -> Vec<Assignment> {
    let mut index = StoryIndex::with_corpus(config.clone(), signatures);
    let mut assignments: Vec<Assignment> =
        signatures.iter().map(|signature| index.add(signature)).collect();
    // Stories merged during the first pass moved their reports.
    for (assignment, signature) in assignments.iter_mut().zip(signatures) {
        if let Some(story) = index.story_of(&signature.document) {
            assignment.story = story;
        }
    }
    for (at, signature) in signatures.iter().enumerate() {
        if assignments[at].copy {
            continue;
        }
        let features = index.intern(signature);
        let current = assignments[at].story;
        index.leave(current, signature, &features);
        let (story, score) = match index.best(signature, &features, None).0 {
            Some((story, score)) if score >= config.threshold => (story, score),
            // Back to where it was when that story is now empty, else on its own.
            _ if index.stories()[current].members.iter().all(|member| member.copy) => {
                (current, 0.0)
            }
            _ => (index.open(), 0.0),
        };
        index.join(story, signature, &features);
        assignments[at] = Assignment { story, copy: false, score };
    }
    for (at, signature) in signatures.iter().enumerate() {
        if let Some(story) = signature.duplicate_of.as_deref().and_then(|of| index.story_of(of)) {
            if assignments[at].copy {
                assignments[at].story = story;
            }
        }
    }
    let mut dense: Vec<Option<usize>> = vec![None; index.stories().len()];
    let mut next = 0;
    for assignment in &mut assignments {
        let slot = &mut dense[assignment.story];
        let id = *slot.get_or_insert_with(|| {
            next += 1;
            next - 1
        });
        assignment.story = id;
    }
    assignments
}
