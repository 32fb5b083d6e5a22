//! The bundled Lima 2023 sample corpus, compiled into the binary so `vigia demo` runs anywhere.

use model::Diagnostic;

use crate::input::Input;

/// The corpus files, in name order, as `analyze examples/lima-2023` would read them.
pub(crate) const FILES: &[(&str, &[u8])] = &[
    (
        "examples/lima-2023/andes-wire-en.html",
        include_bytes!("../../../examples/lima-2023/andes-wire-en.html"),
    ),
    (
        "examples/lima-2023/andes-wire-syndicated.txt",
        include_bytes!("../../../examples/lima-2023/andes-wire-syndicated.txt"),
    ),
    ("examples/lima-2023/atom.xml", include_bytes!("../../../examples/lima-2023/atom.xml")),
    ("examples/lima-2023/batch.jsonl", include_bytes!("../../../examples/lima-2023/batch.jsonl")),
    (
        "examples/lima-2023/diario-limeno-es.html",
        include_bytes!("../../../examples/lima-2023/diario-limeno-es.html"),
    ),
    ("examples/lima-2023/feed.xml", include_bytes!("../../../examples/lima-2023/feed.xml")),
    (
        "examples/lima-2023/meridian-wire-followup-en.jsonl",
        include_bytes!("../../../examples/lima-2023/meridian-wire-followup-en.jsonl"),
    ),
    (
        "examples/lima-2023/noticias-rimac-es.html",
        include_bytes!("../../../examples/lima-2023/noticias-rimac-es.html"),
    ),
    (
        "examples/lima-2023/observatorio-analysis-en.txt",
        include_bytes!("../../../examples/lima-2023/observatorio-analysis-en.txt"),
    ),
    (
        "examples/lima-2023/radio-sur-es.txt",
        include_bytes!("../../../examples/lima-2023/radio-sur-es.txt"),
    ),
];

/// The corpus as inputs.
pub(crate) fn inputs() -> (Vec<Input>, Vec<Diagnostic>) {
    let inputs = FILES
        .iter()
        .map(|(name, bytes)| Input::Memory {
            name: (*name).to_string(),
            bytes: std::borrow::Cow::Borrowed(*bytes),
        })
        .collect();
    (inputs, Vec::new())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_corpus_file_is_bundled() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/lima-2023");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| {
                format!("examples/lima-2023/{}", entry.unwrap().file_name().to_string_lossy())
            })
            .collect();
        on_disk.sort();
        let bundled: Vec<&str> = super::FILES.iter().map(|(name, _)| *name).collect();
        assert_eq!(on_disk, bundled);
    }
}
