//! Query parameters, parsed by hand so that every bad value gets a JSON error naming it.

use std::collections::HashMap;

use store::{EventFilter, Page};

use super::error::ApiError;

/// The decoded query string; a repeated name keeps its last value.
pub(crate) struct Params(HashMap<String, String>);

impl Params {
    pub(crate) fn parse(raw: Option<&str>) -> Params {
        Params(form_urlencoded::parse(raw.unwrap_or("").as_bytes()).into_owned().collect())
    }

    /// A value as given, empty or not.
    pub(crate) fn raw(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// A non-empty text value.
    pub(crate) fn text(&self, name: &str) -> Option<String> {
        self.0.get(name).filter(|v| !v.is_empty()).cloned()
    }

    /// The `cursor` and `limit` of a listing; limit defaults to 50 and may be 1 to 500.
    pub(crate) fn page(&self) -> Result<Page, ApiError> {
        let limit = match self.0.get("limit") {
            None => 50,
            Some(raw) => match raw.parse::<usize>() {
                Ok(n) if (1..=500).contains(&n) => n,
                _ => return Err(ApiError::invalid(format!("limit must be 1 to 500, not {raw:?}"))),
            },
        };
        let cursor = match self.0.get("cursor") {
            None => None,
            Some(raw) if raw.is_empty() => return Err(ApiError::invalid("cursor is empty")),
            Some(raw) => Some(raw.clone()),
        };
        Ok(Page { cursor, limit })
    }

    /// An ISO day (YYYY-MM-DD).
    pub(crate) fn day(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.0.get(name).cloned() {
            None => Ok(None),
            Some(raw) => match chrono::NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
                Ok(day) => Ok(Some(day.to_string())),
                Err(_) => Err(ApiError::invalid(format!(
                    "{name} must be a day as YYYY-MM-DD, not {raw:?}"
                ))),
            },
        }
    }

    /// The event filters shared by listings, maps and trends.
    pub(crate) fn events(&self) -> Result<EventFilter, ApiError> {
        let bbox = match self.0.get("bbox").cloned() {
            None => None,
            Some(raw) => {
                let numbers: Vec<f64> =
                    raw.split(',').filter_map(|n| n.trim().parse().ok()).collect();
                match numbers[..] {
                    [west, south, east, north]
                        if numbers.iter().all(|n| n.is_finite())
                            && (-180.0..=180.0).contains(&west)
                            && (-180.0..=180.0).contains(&east)
                            && (-90.0..=90.0).contains(&south)
                            && (-90.0..=90.0).contains(&north) =>
                    {
                        // Two latitudes bound a band whichever comes first.
                        Some([west, south.min(north), east, south.max(north)])
                    }
                    _ => {
                        return Err(ApiError::invalid(format!(
                            "bbox must be west,south,east,north in degrees, not {raw:?}"
                        )))
                    }
                }
            }
        };
        Ok(EventFilter {
            kind: self.text("type"),
            modality: self.text("modality"),
            since: self.day("since")?,
            until: self.day("until")?,
            actor: self.text("actor"),
            place: self.text("place"),
            bbox,
            document: self.text("document"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Params;

    #[test]
    fn bad_values_are_named() {
        let err = |raw: &str| format!("{:?}", Params::parse(Some(raw)).events().err().unwrap());
        assert!(err("since=yesterday").contains("since must be a day"));
        assert!(err("until=").contains("until must be a day"));
        assert!(err("bbox=").contains("bbox must be"));
        assert!(err("bbox=1,2,3").contains("bbox must be"));
        assert!(err("bbox=10,0,-200,5").contains("bbox must be"));
        assert!(
            format!("{:?}", Params::parse(Some("limit=0")).page().err().unwrap()).contains("limit")
        );
        let filter = Params::parse(Some("type=riot&bbox=-77.2,-12.3,-76.8,-11.8&since=2023-10-31"))
            .events()
            .unwrap();
        assert_eq!(filter.kind.as_deref(), Some("riot"));
        assert_eq!(filter.bbox, Some([-77.2, -12.3, -76.8, -11.8]));
        assert_eq!(Params::parse(Some("limit=7&cursor=s9")).page().unwrap().limit, 7);
    }
}
