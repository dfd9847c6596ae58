//! Checks of the items flows refer to (locations, categories, sources, speakers) and of the
//! graphic's settings.

use super::Checker;
use crate::json_path::JsonPath;
use crate::model::{Category, Location, Meta, Source, Speaker};
use std::collections::HashSet;

impl Checker {
    /// A location: a unique id, a name, a point on Earth when it has one.
    pub(super) fn location(
        &mut self,
        seen: &mut HashSet<String>,
        i: usize,
        l: &mut Location,
    ) -> bool {
        let path = self.at("locations", i);
        let ok = self.unique_id(seen, &path, "location", &l.id)
            & self.not_blank(
                path.key("name"),
                &format!("the name of location \"{}\"", l.id),
                &l.name,
            );
        if let Some([lon, lat]) = l.point {
            let on_earth = lon.is_finite()
                && lat.is_finite()
                && (-180.0..=180.0).contains(&lon)
                && (-90.0..=90.0).contains(&lat);
            if !on_earth {
                self.report(
                    path.key("point"),
                    format!(
                        "[{}, {}] is not a [longitude, latitude] pair (−180…180, −90…90); location \"{}\" is left out",
                        coordinate(lon),
                        coordinate(lat),
                        l.id
                    ),
                );
                return false;
            }
        }
        ok
    }

    /// A category: a unique id and a name.
    pub(super) fn category(
        &mut self,
        seen: &mut HashSet<String>,
        i: usize,
        k: &mut Category,
    ) -> bool {
        let path = self.at("categories", i);
        self.unique_id(seen, &path, "category", &k.id)
            & self.not_blank(
                path.key("name"),
                &format!("the name of category \"{}\"", k.id),
                &k.name,
            )
    }

    /// A publication: a unique id and an outlet; an empty title or a link that is not http(s)
    /// is dropped, the source stays.
    pub(super) fn source(&mut self, seen: &mut HashSet<String>, i: usize, s: &mut Source) -> bool {
        let path = self.at("sources", i);
        let mut ok = self.unique_id(seen, &path, "source", &s.id);
        if s.outlet.is_blank() {
            self.report(
                path.key("outlet"),
                format!("the outlet of source \"{}\" is empty; the source is left out", s.id),
            );
            ok = false;
        }
        if s.title.as_ref().is_some_and(|t| t.trim().is_empty()) {
            self.report(
                path.key("title"),
                format!(
                    "the title of source \"{}\" is empty; write it as published, or leave the field out when it has none",
                    s.id
                ),
            );
            s.title = None;
        }
        if let Some(url) = s.url.as_ref().filter(|u| !super::is_web_link(u)) {
            self.report(
                path.key("url"),
                format!(
                    "\"{url}\" is not an http(s) link; source \"{}\" is shown without it",
                    s.id
                ),
            );
            s.url = None;
        }
        ok
    }

    /// A speaker: a unique id and a name.
    pub(super) fn speaker(
        &mut self,
        seen: &mut HashSet<String>,
        i: usize,
        s: &mut Speaker,
    ) -> bool {
        let path = self.at("speakers", i);
        self.unique_id(seen, &path, "speaker", &s.id)
            & self.not_blank(
                path.key("name"),
                &format!("the name of speaker \"{}\"", s.id),
                &s.name,
            )
    }

    /// The graphic's settings: focus on known locations, a language the interface speaks;
    /// what is wrong is ignored.
    pub(super) fn meta(&mut self, meta: &mut Meta, locations: &HashSet<String>) {
        for (i, id) in meta.focus.iter().enumerate().filter(|(_, id)| !locations.contains(*id)) {
            let message = format!(
                "the map cannot focus on location \"{id}\", {}; it is ignored",
                self.missing(id)
            );
            self.report(JsonPath::root().key("meta").key("focus").index(i), message);
        }
        meta.focus.retain(|id| locations.contains(id));
        if let Some(tag) = meta.language.take() {
            if crate::i18n::Lang::parse(&tag).is_some() {
                meta.language = Some(tag);
            } else {
                let known: Vec<&str> = crate::i18n::Lang::ALL.iter().map(|l| l.tag()).collect();
                self.report(
                    JsonPath::root().key("meta").key("language"),
                    format!(
                        "\"{tag}\" is not a language the map's interface is written in ({}); readers get their browser's language",
                        known.join(", ")
                    ),
                );
            }
        }
        if let Some(image) = meta.image.take() {
            if crate::page_meta::is_picture_address(&image) {
                meta.image = Some(image.trim().to_string());
            } else {
                self.report(
                    JsonPath::root().key("meta").key("image"),
                    format!(
                        "\"{image}\" is neither an http(s) address nor a path beside the page (such as \"card.png\"); links to the graphic are shared without a picture"
                    ),
                );
            }
        }
    }
}

/// A coordinate as written in a message: a huge one (a typing mistake) as `1e308`.
fn coordinate(x: f64) -> String {
    if x.abs() >= 1e6 {
        crate::math::exponential(x)
    } else {
        crate::decimal::Shortest(x).to_string()
    }
}
