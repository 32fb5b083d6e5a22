//! The API's routes: one handler each, every store call run off the async runtime.

use std::{collections::BTreeMap, sync::Arc};

use axum::{
    extract::{rejection::PathRejection, Path, RawQuery, State},
    http::{HeaderMap, StatusCode},
    Json,
};
use chrono::Datelike;
use store::{EntityFilter, Page, QuoteFilter, SearchKind, SearchOrder, Table};

use super::{
    api::{self, body},
    error::{ApiError, ErrorBody},
    params::Params,
    App,
};

type ApiResult<T> = Result<Json<T>, ApiError>;

/// Runs a store call on the blocking pool, once one of the `CALLS` places is free.
async fn blocking<T: Send + 'static>(
    app: &Arc<App>,
    work: impl FnOnce(&store::Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let _turn = app.calls.acquire().await.map_err(ApiError::internal)?;
    let app = Arc::clone(app);
    tokio::task::spawn_blocking(move || work(&app.store)).await.map_err(ApiError::internal)?
}

fn id(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    path.map(|Path(id)| id).map_err(|err| ApiError::invalid(err.body_text()))
}

fn bodies(items: Vec<String>) -> Vec<api::Raw> {
    items.into_iter().map(api::raw_body).collect()
}

/// Service health.
#[utoipa::path(get, path = "/api/health", responses((status = 200, body = api::Health)))]
pub(crate) async fn health(State(app): State<Arc<App>>) -> ApiResult<api::Health> {
    let health = blocking(&app, |store| {
        let counts = store.counts()?;
        Ok(api::Health {
            status: "ok".into(),
            schema_version: store.schema_version()?,
            documents: counts.documents,
            stories: counts.stories,
            events: counts.events,
            entities: counts.entities,
            quotes: counts.quotes,
        })
    })
    .await?;
    Ok(Json(health))
}

/// Current articles, oldest first.
#[utoipa::path(get, path = "/api/articles",
    params(("outlet" = Option<String>, Query), ("cursor" = Option<String>, Query, pattern = r"^s[0-9]{1,18}$", description = "the `next` of the previous page"), ("limit" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = api::ArticlePage), (status = 400, body = ErrorBody)))]
pub(crate) async fn articles(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<api::ArticlePage> {
    let params = Params::parse(raw.as_deref());
    let page = params.page()?;
    let outlet = params.text("outlet");
    let got = blocking(&app, move |store| Ok(store.documents(outlet.as_deref(), &page)?)).await?;
    Ok(Json(api::ArticlePage {
        items: got.items.into_iter().map(Into::into).collect(),
        next: got.next,
    }))
}

/// One article, any version, with its text and extracted items.
#[utoipa::path(get, path = "/api/articles/{id}", params(("id" = String, Path)),
    responses((status = 200, body = api::Article), (status = 404, body = ErrorBody), (status = 400, body = ErrorBody)))]
pub(crate) async fn article(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<api::Article> {
    let id = id(path)?;
    let article = blocking(&app, move |store| {
        let mut record = store.document(&id)?.ok_or_else(|| ApiError::not_found("article", &id))?;
        let document = api::raw_body(std::mem::take(&mut record.body));
        Ok(api::Article {
            stories: store.stories_of(&id)?,
            quotes: bodies(store.bodies(Table::Quotes, &id)?),
            events: bodies(store.bodies(Table::Events, &id)?),
            quantities: bodies(store.bodies(Table::Quantities, &id)?),
            dates: bodies(store.bodies(Table::Dates, &id)?),
            relations: bodies(store.bodies(Table::Relations, &id)?),
            mentions: store.mentions_in(&id)?.into_iter().map(Into::into).collect(),
            summary: record.into(),
            document,
        })
    })
    .await?;
    Ok(Json(article))
}

/// Stories, oldest first.
#[utoipa::path(get, path = "/api/stories",
    params(("cursor" = Option<String>, Query, pattern = r"^s[0-9]{1,18}$", description = "the `next` of the previous page"), ("limit" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = api::StoryPage), (status = 400, body = ErrorBody)))]
pub(crate) async fn stories(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<api::StoryPage> {
    let page = Params::parse(raw.as_deref()).page()?;
    let got = blocking(&app, move |store| Ok(store.stories(&page)?)).await?;
    Ok(Json(api::StoryPage {
        items: got.items.into_iter().map(Into::into).collect(),
        next: got.next,
    }))
}

/// One story with its merged events and the comparison of its sources.
#[utoipa::path(get, path = "/api/stories/{id}", params(("id" = String, Path)),
    responses((status = 200, body = api::Story), (status = 404, body = ErrorBody), (status = 400, body = ErrorBody)))]
pub(crate) async fn story(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<api::Story> {
    let id = id(path)?;
    let story = blocking(&app, move |store| {
        let mut record = store.story(&id)?.ok_or_else(|| ApiError::not_found("story", &id))?;
        let first = store.story_documents(&id, &Page::first(STORY_ARTICLES))?;
        let story = api::raw_body(std::mem::take(&mut record.body));
        Ok(api::Story {
            summary: record.into(),
            story,
            articles: first.items.into_iter().map(Into::into).collect(),
            articles_next: first.next,
        })
    })
    .await?;
    Ok(Json(story))
}

/// Reports summarised on a story page; past them, `articles_next` pages through the rest.
/// Only a story's first 100 reports are compared, so this shows all of those.
const STORY_ARTICLES: usize = 100;

/// A story's reports in story order.
#[utoipa::path(get, path = "/api/stories/{id}/articles",
    params(("id" = String, Path), ("cursor" = Option<String>, Query, pattern = r"^s[0-9]{1,18}$", description = "the `next` of the previous page"), ("limit" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = api::ArticlePage), (status = 404, body = ErrorBody), (status = 400, body = ErrorBody)))]
pub(crate) async fn story_articles(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> ApiResult<api::ArticlePage> {
    let id = id(path)?;
    let page = Params::parse(raw.as_deref()).page()?;
    let got = blocking(&app, move |store| {
        store.story(&id)?.ok_or_else(|| ApiError::not_found("story", &id))?;
        Ok(store.story_documents(&id, &page)?)
    })
    .await?;
    Ok(Json(api::ArticlePage {
        items: got.items.into_iter().map(Into::into).collect(),
        next: got.next,
    }))
}

/// Events of current articles.
#[utoipa::path(get, path = "/api/events",
    params(
        ("type" = Option<String>, Query, description = "event type, e.g. riot"),
        ("modality" = Option<String>, Query),
        ("since" = Option<String>, Query, format = Date),
        ("until" = Option<String>, Query, format = Date),
        ("actor" = Option<String>, Query, description = "entity id among actors or targets"),
        ("place" = Option<String>, Query, description = "place entity id"),
        ("bbox" = Option<String>, Query, pattern = r"^-?(180(\.0{1,6})?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]{1,6})?),-?(90(\.0{1,6})?|[0-8]?[0-9](\.[0-9]{1,6})?),-?(180(\.0{1,6})?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]{1,6})?),-?(90(\.0{1,6})?|[0-8]?[0-9](\.[0-9]{1,6})?)$", description = "west,south,east,north in degrees; west above east crosses the antimeridian"),
        ("document" = Option<String>, Query),
        ("cursor" = Option<String>, Query, pattern = r"^s[0-9]{1,18}$", description = "the `next` of the previous page"),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = api::EventPage), (status = 400, body = ErrorBody)))]
pub(crate) async fn events(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<api::EventPage> {
    let params = Params::parse(raw.as_deref());
    let (filter, page) = (params.events()?, params.page()?);
    let got = blocking(&app, move |store| Ok(store.events(&filter, &page)?)).await?;
    Ok(Json(api::EventPage { items: bodies(got.items), next: got.next }))
}

/// Events at geocoded places, newest first, for the map.
#[utoipa::path(get, path = "/api/map",
    params(("type" = Option<String>, Query), ("since" = Option<String>, Query, format = Date), ("until" = Option<String>, Query, format = Date),
        ("bbox" = Option<String>, Query, pattern = r"^-?(180(\.0{1,6})?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]{1,6})?),-?(90(\.0{1,6})?|[0-8]?[0-9](\.[0-9]{1,6})?),-?(180(\.0{1,6})?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]{1,6})?),-?(90(\.0{1,6})?|[0-8]?[0-9](\.[0-9]{1,6})?)$", description = "west,south,east,north in degrees; west above east crosses the antimeridian"), ("limit" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = Vec<api::MapPoint>), (status = 400, body = ErrorBody)))]
pub(crate) async fn map(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Vec<api::MapPoint>> {
    let params = Params::parse(raw.as_deref());
    let (filter, page) = (params.events()?, params.page()?);
    let points =
        blocking(&app, move |store| Ok(store.event_points(&filter, page.limit.max(1) * 10)?))
            .await?;
    Ok(Json(
        points
            .into_iter()
            .map(|p| api::MapPoint {
                event: p.event,
                kind: p.kind,
                date: p.date,
                place: p.place,
                name: p.name,
                lat: p.lat,
                lon: p.lon,
                document: p.document,
            })
            .collect(),
    ))
}

/// Events per week by type and place, and per year with the change against the year before.
#[utoipa::path(get, path = "/api/trends",
    params(("type" = Option<String>, Query), ("since" = Option<String>, Query, format = Date), ("until" = Option<String>, Query, format = Date), ("place" = Option<String>, Query)),
    responses((status = 200, body = api::Trends), (status = 400, body = ErrorBody)))]
pub(crate) async fn trends(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<api::Trends> {
    let filter = Params::parse(raw.as_deref()).events()?;
    let rows = blocking(&app, move |store| Ok(store.trend_rows(&filter)?)).await?;
    Ok(Json(trend_counts(&rows)))
}

/// Counts per week and per year from `(type, first day, place)` rows.
pub(crate) fn trend_counts(rows: &[(String, String, Option<String>)]) -> api::Trends {
    let mut weeks: BTreeMap<(String, String, Option<String>), usize> = BTreeMap::new();
    let mut years: BTreeMap<(String, i32), usize> = BTreeMap::new();
    for (kind, day, place) in rows {
        let Ok(day) = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") else { continue };
        let monday = day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()));
        *weeks.entry((monday.to_string(), kind.clone(), place.clone())).or_default() += 1;
        *years.entry((kind.clone(), day.year())).or_default() += 1;
    }
    api::Trends {
        weeks: weeks
            .into_iter()
            .map(|((week, kind, place), count)| api::WeekCount { week, kind, place, count })
            .collect(),
        years: years
            .iter()
            .map(|((kind, year), &count)| api::YearCount {
                year: *year,
                kind: kind.clone(),
                count,
                change_percent: years.get(&(kind.clone(), year - 1)).map(|&before| {
                    ((count as f64 - before as f64) / before as f64 * 1000.0).round() / 10.0
                }),
            })
            .collect(),
    }
}

/// Entities in order of first mention.
#[utoipa::path(get, path = "/api/entities",
    params(("type" = Option<String>, Query, description = "person, organization, criminal_group, place, other"),
        ("cursor" = Option<String>, Query, pattern = r"^s[0-9]{1,18}$", description = "the `next` of the previous page"), ("limit" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = api::EntityList), (status = 400, body = ErrorBody)))]
pub(crate) async fn entities(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<api::EntityList> {
    let params = Params::parse(raw.as_deref());
    let filter = EntityFilter { kind: params.text("type") };
    let page = params.page()?;
    let got = blocking(&app, move |store| Ok(store.entities(&filter, &page)?)).await?;
    Ok(Json(api::EntityList {
        items: got.items.into_iter().map(Into::into).collect(),
        next: got.next,
    }))
}

/// One entity with aliases, relations, quotes, events and first mentions.
#[utoipa::path(get, path = "/api/entities/{id}", params(("id" = String, Path)),
    responses((status = 200, body = api::EntityPage), (status = 404, body = ErrorBody), (status = 400, body = ErrorBody)))]
pub(crate) async fn entity(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<api::EntityPage> {
    let id = id(path)?;
    let page = blocking(&app, move |store| {
        let record = store.entity(&id)?.ok_or_else(|| ApiError::not_found("entity", &id))?;
        let relations = store.relations_of(&id)?;
        let mut related: Vec<api::Entity> = Vec::new();
        for relation in &relations {
            let relation = body(relation);
            for end in ["subject", "object"] {
                let Some(other) = relation[end].as_str().filter(|o| *o != id) else { continue };
                if related.iter().all(|e| e.id != other) {
                    if let Some(found) = store.entity(other)? {
                        related.push(found.into());
                    }
                }
            }
        }
        let first = Page::first(ENTITY_ITEMS);
        let quotes = store
            .quotes(&QuoteFilter { speaker: Some(id.clone()), ..Default::default() }, &first)?;
        let mut events = store.events(
            &store::EventFilter { actor: Some(id.clone()), ..Default::default() },
            &first,
        )?;
        if events.items.is_empty() {
            events = store.events(
                &store::EventFilter { place: Some(id.clone()), ..Default::default() },
                &first,
            )?;
        }
        let mentions = store.mentions(&id, &first)?;
        Ok(api::EntityPage {
            relations: bodies(relations),
            related,
            quotes: bodies(quotes.items),
            quotes_next: quotes.next,
            events: bodies(events.items),
            events_next: events.next,
            first_mentions: mentions.items.into_iter().map(Into::into).collect(),
            mentions_next: mentions.next,
            entity: record.into(),
        })
    })
    .await?;
    Ok(Json(page))
}

/// Quotes, events and mentions shown on an entity page; each list's `_next` cursor continues
/// it through `/api/quotes?speaker=`, `/api/events?actor=` (or `place=`) and
/// `/api/entities/{id}/mentions`.
const ENTITY_ITEMS: usize = 20;

/// An entity's mentions.
#[utoipa::path(get, path = "/api/entities/{id}/mentions",
    params(("id" = String, Path), ("cursor" = Option<String>, Query, pattern = r"^s[0-9]{1,18}$", description = "the `next` of the previous page"), ("limit" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = api::MentionPage), (status = 400, body = ErrorBody)))]
pub(crate) async fn mentions(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> ApiResult<api::MentionPage> {
    let id = id(path)?;
    let page = Params::parse(raw.as_deref()).page()?;
    let got = blocking(&app, move |store| Ok(store.mentions(&id, &page)?)).await?;
    Ok(Json(api::MentionPage {
        items: got.items.into_iter().map(Into::into).collect(),
        next: got.next,
    }))
}

/// Quotes of current articles.
#[utoipa::path(get, path = "/api/quotes",
    params(("speaker" = Option<String>, Query, description = "the speaker's entity id"), ("document" = Option<String>, Query),
        ("kind" = Option<String>, Query, description = "direct, reported or scare"),
        ("cursor" = Option<String>, Query, pattern = r"^s[0-9]{1,18}$", description = "the `next` of the previous page"), ("limit" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = api::QuotePage), (status = 400, body = ErrorBody)))]
pub(crate) async fn quotes(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<api::QuotePage> {
    let params = Params::parse(raw.as_deref());
    let filter = QuoteFilter {
        speaker: params.text("speaker"),
        document: params.text("document"),
        kind: params.text("kind"),
    };
    let page = params.page()?;
    let got = blocking(&app, move |store| Ok(store.quotes(&filter, &page)?)).await?;
    Ok(Json(api::QuotePage { items: bodies(got.items), next: got.next }))
}

/// Full-text search over articles, quotes and entities; case and accents are ignored. By
/// default the best matches among the newest 200; `sort=newest` pages through every match.
#[utoipa::path(get, path = "/api/search",
    params(("q" = String, Query, min_length = 1), ("kind" = Option<String>, Query, pattern = r"^(article|quote|entity)(,(article|quote|entity))*$"),
        ("sort" = Option<String>, Query, pattern = r"^(relevance|newest)$", description = "`relevance` (the default): best first among the newest 200 matches; `newest`: every match, newest first"),
        ("cursor" = Option<String>, Query, pattern = r"^[on][0-9]{1,18}$", description = "the `next` of the previous page; it continues that page's order whatever `sort` says"), ("limit" = Option<u32>, Query, minimum = 1, maximum = 500)),
    responses((status = 200, body = api::HitPage), (status = 400, body = ErrorBody)))]
pub(crate) async fn search(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> ApiResult<api::HitPage> {
    let params = Params::parse(raw.as_deref());
    let query = params.text("q").ok_or_else(|| ApiError::invalid("q is required"))?;
    let mut kinds = Vec::new();
    let listed = params.raw("kind").unwrap_or("article,quote,entity");
    for name in listed.split(',') {
        kinds.push(SearchKind::parse(name.trim()).ok_or_else(|| {
            ApiError::invalid(format!("kind must be article, quote or entity, not {name:?}"))
        })?);
    }
    let order = match params.raw("sort") {
        None | Some("relevance") => SearchOrder::Relevance,
        Some("newest") => SearchOrder::Newest,
        Some(other) => {
            return Err(ApiError::invalid(format!(
                "sort must be relevance or newest, not {other:?}"
            )))
        }
    };
    let page = params.page()?;
    // A cursor continues the listing it came from, in that listing's order.
    let order = match page.cursor.as_deref().and_then(|c| c.chars().next()) {
        Some('n') => SearchOrder::Newest,
        Some('o') => SearchOrder::Relevance,
        _ => order,
    };
    let got =
        blocking(&app, move |store| Ok(store.search_by(&query, &kinds, order, &page)?)).await?;
    Ok(Json(api::HitPage {
        items: got
            .items
            .into_iter()
            .map(|h| api::Hit {
                kind: h.kind.as_str().into(),
                id: h.id,
                document: h.document,
                label: h.label,
            })
            .collect(),
        next: got.next,
    }))
}

/// Queues articles for ingestion; needs a bearer token.
#[utoipa::path(post, path = "/api/ingest", request_body = api::IngestRequest,
    security(("bearer" = [])),
    responses((status = 202, body = api::Job), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub(crate) async fn ingest(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    payload: Result<Json<api::IngestRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<api::Job>), ApiError> {
    super::authorize(&app, &headers).await?;
    let Json(request) = payload.map_err(|err| ApiError::invalid(err.body_text()))?;
    if request.articles.is_empty() {
        return Err(ApiError::invalid("articles must hold at least one article"));
    }
    if request.articles.len() > 10_000 {
        return Err(ApiError::invalid("at most 10000 articles per request"));
    }
    let job = app.jobs.submit(request.articles).ok_or_else(ApiError::busy)?;
    Ok((StatusCode::ACCEPTED, Json(job)))
}

/// An ingest job's state.
#[utoipa::path(get, path = "/api/jobs/{id}", params(("id" = String, Path)),
    responses((status = 200, body = api::Job), (status = 404, body = ErrorBody), (status = 400, body = ErrorBody)))]
pub(crate) async fn job(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<api::Job> {
    let id = id(path)?;
    app.jobs.get(&id).map(Json).ok_or_else(|| ApiError::not_found("job", &id))
}

#[cfg(test)]
mod tests {
    #[test]
    fn trends_count_weeks_and_years() {
        let row = |kind: &str, day: &str, place: Option<&str>| {
            (kind.to_string(), day.to_string(), place.map(String::from))
        };
        let trends = super::trend_counts(&[
            row("riot", "2023-10-31", Some("La Victoria")),
            row("riot", "2023-11-02", Some("La Victoria")),
            row("riot", "2022-11-02", None),
            row("arrest", "2023-11-07", Some("Lima")),
            row("arrest", "not a day", None),
        ]);
        let weeks: Vec<String> = trends
            .weeks
            .iter()
            .map(|w| format!("{} {} {:?} {}", w.week, w.kind, w.place, w.count))
            .collect();
        assert_eq!(
            weeks,
            [
                "2022-10-31 riot None 1",
                "2023-10-30 riot Some(\"La Victoria\") 2",
                "2023-11-06 arrest Some(\"Lima\") 1",
            ]
        );
        let years: Vec<String> = trends
            .years
            .iter()
            .map(|y| format!("{} {} {} {:?}", y.kind, y.year, y.count, y.change_percent))
            .collect();
        assert_eq!(years, ["arrest 2023 1 None", "riot 2022 1 None", "riot 2023 2 Some(100.0)"]);
    }
}

/// The store exported: `events.csv` (ACLED-style columns), `events.geojson`,
/// `entities.ftm.jsonl` (FollowTheMoney) or `report.json` (the `vigia analyze` report).
#[utoipa::path(get, path = "/api/export/{file}",
    params(("file" = String, Path, description = "events.csv, events.geojson, entities.ftm.jsonl or report.json")),
    responses(
        (status = 200, description = "the export", content(
            (String = "text/csv"), (Object = "application/geo+json"), (String = "application/x-ndjson"), (Object = "application/json"))),
        (status = 404, body = ErrorBody), (status = 400, body = ErrorBody)))]
pub(crate) async fn export(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<axum::response::Response, ApiError> {
    use crate::export::ExportFormat;
    use axum::response::IntoResponse;
    let file = id(path)?;
    let (format, kind) = match file.as_str() {
        "events.csv" => (ExportFormat::Csv, "text/csv; charset=utf-8"),
        "events.geojson" => (ExportFormat::Geojson, "application/geo+json"),
        "entities.ftm.jsonl" => (ExportFormat::Ftm, "application/x-ndjson"),
        "report.json" => (ExportFormat::Json, "application/json"),
        _ => return Err(ApiError::not_found("export", &file)),
    };
    let bytes = blocking(&app, move |store| {
        let mut out = Vec::new();
        crate::export::export(store, format, &mut out).map_err(ApiError::internal)?;
        Ok(out)
    })
    .await?;
    Ok(([(axum::http::header::CONTENT_TYPE, kind)], bytes).into_response())
}
