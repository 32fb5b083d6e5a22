//! Languages as Vigía sees them: two supported, the rest named but not analysed.

/// The language of an article or block.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Language {
    /// Spanish, fully supported.
    Spanish,
    /// English, fully supported.
    English,
    /// Detected but not supported; holds the ISO 639-1 code where one exists, else ISO 639-3.
    Other(String),
    /// Too little text, or no clear winner.
    Undetermined,
}

impl Language {
    /// The ISO code written in reports: `es`, `en`, another code, or `und`.
    pub fn code(&self) -> &str {
        match self {
            Language::Spanish => "es",
            Language::English => "en",
            Language::Other(code) => code,
            Language::Undetermined => "und",
        }
    }

    /// Reads a code or a tag such as `es-PE` or `en_US`; the primary subtag decides.
    pub fn from_tag(tag: &str) -> Language {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "es" | "spa" | "spanish" | "español" => Language::Spanish,
            "en" | "eng" | "english" => Language::English,
            "" | "und" | "mul" | "zxx" => Language::Undetermined,
            _ if primary.len() <= 3 && primary.chars().all(|c| c.is_ascii_alphabetic()) => {
                Language::Other(primary)
            }
            _ => Language::Undetermined,
        }
    }

    /// True for the languages whose text later stages analyse.
    pub fn is_supported(&self) -> bool {
        matches!(self, Language::Spanish | Language::English)
    }
}
