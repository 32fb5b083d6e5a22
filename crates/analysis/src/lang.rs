//! Language identification. (Being written.)

use model::Language;

/// Identifies the language of `text`.
pub fn detect(text: &str) -> Language {
    match whatlang::detect_lang(text) {
        Some(whatlang::Lang::Spa) => Language::Spanish,
        Some(whatlang::Lang::Eng) => Language::English,
        _ => Language::Undetermined,
    }
}
