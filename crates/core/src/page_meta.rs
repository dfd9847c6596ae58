//! What a page's head says about the graphic: its `<title>`, description and the picture a
//! shared link shows (its social card), in the reader's language.
//!
//! The page sets these once the dataset is read; `flowmap-data head` prints them as tags for
//! an outlet's own page, since link previews read the head without running the app.

use crate::describe::summary;
use crate::export::xml_escape;
use crate::flow_codes::FlowCodes;
use crate::i18n::Lang;
use crate::Dataset;

/// The head of the page showing one dataset in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMeta {
    /// The dataset's title: the page's `<title>` and `og:title`.
    pub title: String,
    /// The subtitle, else the summary of every flow: `description` and `og:description`.
    pub description: String,
    /// The social card's address: the dataset's `meta.image`, else the picture made at build
    /// time for the bundled dataset (per language), else none.
    pub image: Option<String>,
    /// The reader's language (`og:locale`).
    pub lang: Lang,
}

/// The head for `dataset` (with its [`FlowCodes`]) read in `lang`; `bundled` when it is the
/// dataset published with the page (`data/flows.json`, whose pictures
/// `scripts/fallback.mjs` makes at build time).
///
/// ```
/// use flowmap_core::{flow_codes::FlowCodes, page_meta::page_meta, i18n::Lang, Dataset};
/// let d = Dataset::from_json("flows.json", r#"{"version": 2, "meta": {"title": {"en": "Grain", "uk": "Зерно"}},
///   "locations": [], "categories": [], "sources": [], "flows": []}"#).unwrap();
/// let codes = FlowCodes::of(&d);
/// let head = page_meta(&d, &codes, Lang::Uk, true);
/// assert_eq!(head.title, "Зерно");
/// assert_eq!(head.image.as_deref(), Some("fallback.uk.png"));
/// assert_eq!(page_meta(&d, &codes, Lang::En, false).image, None);
/// ```
pub fn page_meta(dataset: &Dataset, codes: &FlowCodes, lang: Lang, bundled: bool) -> PageMeta {
    let meta = &dataset.raw.meta;
    let tag = lang.tag();
    let description = match meta.subtitle.as_ref().map(|s| s.get(tag).trim()) {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => {
            let all: Vec<usize> = (0..dataset.raw.flows.len()).collect();
            summary(dataset, codes, &all, lang)
        }
    };
    let image =
        meta.image.clone().or_else(|| bundled.then(|| format!("fallback.{}.png", lang.tag())));
    PageMeta { title: meta.title.get(tag).trim().to_string(), description, image, lang }
}

/// True for an address a social card may point to: an `http(s)` link, or a path relative to
/// the page without a scheme (`card.png`, `img/card.png`); not `javascript:`, `data:` or
/// `//host/…`.
pub fn is_picture_address(address: &str) -> bool {
    if crate::validate::is_web_link(address) {
        return true;
    }
    let path = address.trim();
    let scheme = path.split('/').next().is_some_and(|first| first.contains(':'));
    !path.is_empty()
        && !scheme
        && !path.starts_with("//")
        && !path.starts_with('\\')
        && !path.chars().any(|c| c.is_control() || c.is_whitespace())
}

impl PageMeta {
    /// The head's tags: `<title>`, the description, and the Open Graph and Twitter card tags,
    /// one per line, every value escaped. A relative image is resolved against `site` (the
    /// page's address, such as `https://example.org/map/`) when given: link previews need a
    /// full address.
    ///
    /// ```
    /// use flowmap_core::{page_meta::PageMeta, i18n::Lang};
    /// let head = PageMeta { title: "Grain & oil".into(), description: "Who ships".into(),
    ///     image: Some("card.png".into()), lang: Lang::En };
    /// let tags = head.tags(Some("https://example.org/map/"));
    /// assert!(tags.contains("<title>Grain &amp; oil</title>"));
    /// assert!(tags.contains(r#"<meta property="og:image" content="https://example.org/map/card.png" />"#));
    /// ```
    pub fn tags(&self, site: Option<&str>) -> String {
        let image = self.image.as_ref().map(|i| match site {
            Some(site) if !crate::validate::is_web_link(i) => {
                format!("{}/{}", site.trim_end_matches('/'), i.trim_start_matches("./"))
            }
            _ => i.clone(),
        });
        let mut tags = vec![format!("<title>{}</title>", xml_escape(&self.title))];
        let image = image.map(|i| ("property", "og:image", i));
        for (kind, name, content) in self.fields().into_iter().chain(image) {
            tags.push(format!(r#"<meta {kind}="{name}" content="{}" />"#, xml_escape(&content)));
        }
        tags.join("\n")
    }

    /// The head's `<meta>` tags but the image, as (attribute, its value, content): `name`
    /// or `property`, then for example `og:title`.
    pub fn fields(&self) -> Vec<(&'static str, &'static str, String)> {
        let card = if self.image.is_some() { "summary_large_image" } else { "summary" };
        vec![
            ("name", "description", self.description.clone()),
            ("property", "og:type", "website".into()),
            ("property", "og:title", self.title.clone()),
            ("property", "og:description", self.description.clone()),
            ("property", "og:locale", og_locale(self.lang).into()),
            ("name", "twitter:card", card.into()),
        ]
    }
}

/// Open Graph's `language_TERRITORY` for an interface language.
fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en_US",
        Lang::Ru => "ru_RU",
        Lang::Uk => "uk_UA",
        Lang::SrLatn | Lang::SrCyrl => "sr_RS",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(meta: &str) -> Dataset {
        let text = format!(
            r#"{{"version": 2, "meta": {meta}, "locations": [{{"id": "SRB", "name": "Serbia"}},
            {{"id": "RUS", "name": "Russia"}}], "categories": [{{"id": "arms", "name": "Arms"}}],
            "sources": [{{"id": "s", "outlet": "Outlet", "kind": "news-report"}}],
            "speakers": [{{"id": "svr", "name": "Russia's SVR", "kind": "intelligence"}}],
            "flows": [{{"id": "f", "from": "SRB", "to": "RUS", "category": "arms",
            "value": "undisclosed", "status": "alleged", "description": "Kits",
            "citations": [{{"source": "s", "speaker": "svr", "stance": "claims", "quote": "Q"}}]}}]}}"#
        );
        Dataset::from_json("flows.json", &text).unwrap()
    }

    #[test]
    fn the_description_is_the_subtitle_else_the_summary() {
        let d = dataset(r#"{"title": "T", "subtitle": {"en": "Sub", "ru": "Подзаголовок"}}"#);
        assert_eq!(page_meta(&d, &FlowCodes::of(&d), Lang::Ru, false).description, "Подзаголовок");
        let d = dataset(r#"{"title": "T", "subtitle": " "}"#);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let all = summary(&d, &FlowCodes::of(&d), &[0], Lang::En);
        assert_eq!(page_meta(&d, &FlowCodes::of(&d), Lang::En, false).description, all);
        assert!(all.starts_with("1 flow "), "{all}");
    }

    #[test]
    fn the_dataset_picture_wins_over_the_built_one() {
        let d = dataset(r#"{"title": "T", "image": "https://example.org/card.png"}"#);
        assert_eq!(
            page_meta(&d, &FlowCodes::of(&d), Lang::SrLatn, true).image.as_deref(),
            Some("https://example.org/card.png")
        );
        let d = dataset(r#"{"title": "T"}"#);
        assert_eq!(
            page_meta(&d, &FlowCodes::of(&d), Lang::SrCyrl, true).image.as_deref(),
            Some("fallback.sr-Cyrl.png")
        );
    }

    #[test]
    fn pictures_are_web_links_or_paths_beside_the_page() {
        for ok in ["card.png", "./img/card.png", "img/a:b.png", "https://example.org/c.png"] {
            assert!(is_picture_address(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:image/png;base64,AA",
            "//evil.example/c.png",
            "",
            "a b.png",
            "a\tb.png",
            "\\\\host\\c.png",
        ] {
            assert!(!is_picture_address(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_wrong_picture_is_a_problem_and_dropped() {
        let d = dataset(r#"{"title": "T", "image": " card.png\n"}"#);
        assert_eq!(d.raw.meta.image.as_deref(), Some("card.png"));
        let d = dataset(r#"{"title": "T", "image": "javascript:alert(1)"}"#);
        assert_eq!(d.raw.meta.image, None);
        let p = d.problems.iter().find(|p| p.path == "meta.image").unwrap();
        assert!(p.message.contains("javascript:alert(1)"), "{}", p.message);
    }

    #[test]
    fn tags_escape_every_value_and_leave_full_addresses_alone() {
        let head = PageMeta {
            title: "\"><script>".into(),
            description: "a < b".into(),
            image: Some("https://cdn.example/c.png".into()),
            lang: Lang::SrLatn,
        };
        let tags = head.tags(Some("https://example.org/"));
        assert!(!tags.contains("<script>") && tags.contains("&lt;script&gt;"), "{tags}");
        assert!(tags.contains(r#"content="https://cdn.example/c.png""#), "{tags}");
        assert!(tags.contains(r#"<meta property="og:locale" content="sr_RS" />"#), "{tags}");
        let bare = PageMeta { image: None, ..head }.tags(None);
        assert!(!bare.contains("og:image") && bare.contains(r#"content="summary""#), "{bare}");
    }
}
