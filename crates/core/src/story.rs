//! Guided steps through a dataset (its `story`): each step's title, text, who says so, and
//! the view it shows — filters, the pinned flow, highlighted places and the extent to zoom
//! to. A step is opened by its number (from 1), from a link (`#step=3`), the step controls,
//! or a host page's message ([`STEP_MESSAGE`]).

use crate::atlas::Atlas;
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::filter::Filter;
use crate::i18n::{tr, trf, Lang, Msg};
use crate::layout::{location_point, projection};
use crate::model::ClaimStatus;
use crate::text::Localized;
use crate::view_state::ViewState;
use crate::zoom::Zoom;
use serde::{Deserialize, Serialize};

/// The message type a host page posts to show a step, `{type: "flowmap:step", step: 3}`,
/// and the map posts back when its step changes (`{type, step, steps}`; `step` is 0 when
/// the reader has left the story).
pub const STEP_MESSAGE: &str = "flowmap:step";

/// One step of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A short headline.
    pub title: Localized,
    /// A sentence or two, naming who says so.
    pub text: Localized,
    /// Who says what the text says, and where: like a flow's citations, by ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<StepCite>,
    /// What the map shows.
    #[serde(default)]
    pub view: StepView,
    /// Callouts shown with this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
}

/// A speaker and the publication reporting them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepCite {
    /// Speaker id.
    pub speaker: String,
    /// Source (publication) id.
    pub source: String,
}

/// What the map shows at a step; every field may be left out (everything shown, the whole map).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepView {
    /// Category ids shown; all when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Claim statuses shown; all when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<ClaimStatus>,
    /// Only flows citing this source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Only flows this speaker says something about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Only flows reaching this date or later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// Only flows starting by this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// The flow pinned (its detail panel open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<String>,
    /// Location ids ringed on the map.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Location ids the map zooms to fit; the whole map when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extent: Vec<String>,
}

/// A short text callout, anchored to one place, one flow or one point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// The callout's words.
    pub text: Localized,
    /// A location id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// A flow id (anchored at the middle of its route).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<String>,
    /// `[longitude, latitude]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<[f64; 2]>,
}

/// The filters of a step: what it does not list is hidden.
///
/// # Examples
/// ```
/// use flowmap_core::story::{filter, StepView};
/// let d = flowmap_core::Dataset::from_json("d.json", r#"{"version": 2, "meta": {"title": "T"},
///   "locations": [], "categories": [{"id": "arms", "name": "Arms"}, {"id": "gas", "name": "Gas"}],
///   "sources": [], "flows": []}"#).unwrap();
/// let view = StepView { categories: vec!["gas".into()], ..StepView::default() };
/// assert_eq!(filter(&d, &view).hidden_categories, ["arms".to_string()].into());
/// ```
pub fn filter(dataset: &Dataset, view: &StepView) -> Filter {
    let mut f = Filter {
        source: view.source.clone(),
        speaker: view.speaker.clone(),
        from: view.from,
        to: view.to,
        ..Filter::default()
    };
    if !view.categories.is_empty() {
        let hidden = dataset.raw.categories.iter().filter(|c| !view.categories.contains(&c.id));
        f.hidden_categories.extend(hidden.map(|c| c.id.clone()));
    }
    if !view.statuses.is_empty() {
        let hidden = ClaimStatus::ALL.into_iter().filter(|s| !view.statuses.contains(s));
        f.hidden_statuses.extend(hidden);
    }
    f
}

/// Step `n` (from 1) of the dataset's story.
pub fn step(dataset: &Dataset, n: usize) -> Option<&Step> {
    n.checked_sub(1).and_then(|i| dataset.raw.story.get(i))
}

/// The view a link or a message asks for, made whole: a step number brings its filters and
/// pinned flow (the zoom, which depends on the map's size, is [`zoom`]'s); a number the
/// story does not have is dropped.
pub fn resolve(dataset: &Dataset, mut view: ViewState) -> ViewState {
    match view.step.and_then(|n| step(dataset, n)) {
        Some(s) => {
            view.filter = filter(dataset, &s.view);
            view.selected = s.view.flow.clone();
        }
        None => view.step = None,
    }
    view
}

/// The view of step `n`, at zoom `zoom`.
pub fn view_of(dataset: &Dataset, n: usize, zoom: Zoom) -> ViewState {
    resolve(dataset, ViewState { step: Some(n), zoom, ..ViewState::default() })
}

/// True when `view` still shows its step's filters and pinned flow: the reader has not
/// changed them since the step was shown (a zoom or a pan stays in the story).
pub fn on_step(dataset: &Dataset, view: &ViewState) -> bool {
    view.step
        .and_then(|n| step(dataset, n))
        .is_some_and(|s| view.filter == filter(dataset, &s.view) && view.selected == s.view.flow)
}

/// Who says what a step says, and where: "Who says so: Russia's Foreign Intelligence
/// Service (SVR) — reported by RKS News; …", each speaker with the publications reporting them.
pub fn cite_line(dataset: &Dataset, s: &Step, lang: Lang) -> String {
    let mut by: Vec<(&str, Vec<String>)> = Vec::new();
    for c in &s.cites {
        let Some(src) = dataset.source(&c.source) else { continue };
        let line = crate::describe::source_line(src, lang);
        match by.iter_mut().find(|(id, _)| *id == c.speaker) {
            Some((_, lines)) => lines.push(line),
            None => by.push((&c.speaker, vec![line])),
        }
    }
    let parts: Vec<String> = by
        .iter()
        .filter_map(|(id, lines)| {
            let name = dataset.speaker(id)?.name.get(lang.tag());
            Some(format!("{name} — {}", trf(lang, Msg::ReportedBy, &[&lines.join("; ")])))
        })
        .collect();
    format!("{}: {}", tr(lang, Msg::WhoSaysSo), parts.join("; "))
}

/// How much of the map a step's extent leaves around it, as a share of each side.
const EXTENT_MARGIN: f64 = 0.2;
/// The closest a step zooms in.
const MAX_STEP_ZOOM: f64 = 6.0;

/// The zoom that fits step `s`'s extent into a `width × height` map: the places' box,
/// centred, with a margin; the whole map when the extent is empty or already fits.
pub fn zoom(dataset: &Dataset, atlas: &Atlas, s: &Step, width: f64, height: f64) -> Zoom {
    let proj = projection(dataset, atlas, width, height, Zoom::IDENTITY);
    let points: Vec<_> = s
        .view
        .extent
        .iter()
        .filter_map(|id| location_point(dataset, atlas, id))
        .map(|c| proj.project(c))
        .collect();
    fit(&points, width, height)
}

/// The zoom that fits screen points (at no zoom) into the map, centred with a margin.
///
/// # Examples
/// ```
/// use flowmap_core::story::fit;
/// use geo::Coord;
/// let z = fit(&[Coord { x: 100.0, y: 100.0 }, Coord { x: 200.0, y: 150.0 }], 600.0, 400.0);
/// assert_eq!(z.k, 3.6); // 600 × 0.6 / 100
/// assert_eq!((z.x, z.y), (300.0 - 150.0 * 3.6, 200.0 - 125.0 * 3.6));
/// ```
pub fn fit(points: &[geo::Coord<f64>], width: f64, height: f64) -> Zoom {
    let Some(first) = points.first() else { return Zoom::IDENTITY };
    let (mut x0, mut y0, mut x1, mut y1) = (first.x, first.y, first.x, first.y);
    for p in points {
        (x0, y0, x1, y1) = (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y));
    }
    let share = 1.0 - 2.0 * EXTENT_MARGIN;
    let k = ((width * share) / (x1 - x0).max(1.0)).min((height * share) / (y1 - y0).max(1.0));
    let k = crate::math::clamp(k, 1.0, MAX_STEP_ZOOM);
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    Zoom { k, x: width / 2.0 - k * cx, y: height / 2.0 - k * cy }.clamped(width, height)
}

/// The zoom a share `t` (0 to 1) of the way from `from` to `to`, eased in and out: the scale
/// changes evenly in proportion, and the map point at the centre moves along a line.
///
/// # Examples
/// ```
/// use flowmap_core::story::between;
/// use flowmap_core::zoom::Zoom;
/// let to = Zoom { k: 4.0, x: -300.0, y: -200.0 };
/// assert_eq!(between(Zoom::IDENTITY, to, 0.0, 200.0, 100.0), Zoom::IDENTITY);
/// assert_eq!(between(Zoom::IDENTITY, to, 1.0, 200.0, 100.0), to);
/// assert_eq!(between(Zoom::IDENTITY, to, 0.5, 200.0, 100.0).k, 2.0);
/// ```
pub fn between(from: Zoom, to: Zoom, t: f64, width: f64, height: f64) -> Zoom {
    if t >= 1.0 {
        return to;
    }
    let e = if t < 0.5 { 2.0 * t * t } else { 1.0 - 2.0 * (1.0 - t) * (1.0 - t) };
    let k = from.k * crate::math::pow(to.k / from.k, e);
    let (w, h) = (width / 2.0, height / 2.0);
    let centre = |z: Zoom| ((w - z.x) / z.k, (h - z.y) / z.k);
    let ((ax, ay), (bx, by)) = (centre(from), centre(to));
    let (cx, cy) = (ax + (bx - ax) * e, ay + (by - ay) * e);
    Zoom { k, x: w - k * cx, y: h - k * cy }
}

/// The step a swipe of `(dx, dy)` pixels goes to from step `n` of `steps`: a mostly
/// sideways swipe of at least 40 px, leftwards to the next step; `None` for anything else.
///
/// # Examples
/// ```
/// use flowmap_core::story::swiped;
/// assert_eq!(swiped(2, 5, -80.0, 10.0), Some(3));
/// assert_eq!(swiped(1, 5, 80.0, 0.0), None); // no step before the first
/// assert_eq!(swiped(2, 5, -50.0, 60.0), None); // a scroll
/// ```
pub fn swiped(n: usize, steps: usize, dx: f64, dy: f64) -> Option<usize> {
    if dx.abs() < 40.0 || dx.abs() < 1.5 * dy.abs() {
        return None;
    }
    let to = if dx < 0.0 { n + 1 } else { n.checked_sub(1)? };
    (1..=steps).contains(&to).then_some(to)
}

/// The step a host page's message asks for: `{type: "flowmap:step", step: n}` with `n` a
/// whole number from 1 to `steps`; `None` for any other message.
///
/// # Examples
/// ```
/// use flowmap_core::story::asked_step;
/// assert_eq!(asked_step(Some("flowmap:step"), Some(2.0), 5), Some(2));
/// assert_eq!(asked_step(Some("flowmap:step"), Some(2.5), 5), None);
/// assert_eq!(asked_step(Some("flowmap:height"), Some(2.0), 5), None);
/// ```
pub fn asked_step(kind: Option<&str>, step: Option<f64>, steps: usize) -> Option<usize> {
    let n = step.filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= steps as f64)?;
    (kind == Some(STEP_MESSAGE)).then_some(n as usize)
}

#[cfg(test)]
mod test {
    use super::*;

    fn dataset() -> Dataset {
        Dataset::from_json(
            "d.json",
            r#"{"version": 2, "meta": {"title": "T"},
            "locations": [{"id": "SRB", "name": "Serbia", "point": [20.5, 44.8]},
                          {"id": "RUS", "name": "Russia", "point": [37.6, 55.8]},
                          {"id": "CHN", "name": "China", "point": [116.4, 39.9]}],
            "categories": [{"id": "arms", "name": "Arms"}, {"id": "gas", "name": "Gas"}],
            "sources": [{"id": "s", "outlet": "O", "kind": "news-report"}],
            "speakers": [{"id": "p", "name": "P", "kind": "news-outlet"}],
            "flows": [{"id": "g", "from": "CHN", "to": "RUS", "category": "gas", "value": "undisclosed",
              "description": "d", "status": "reported",
              "citations": [{"source": "s", "speaker": "p", "stance": "claims", "quote": "q"}]},
              {"id": "f", "from": "SRB", "to": "RUS", "category": "arms", "value": "undisclosed",
              "description": "d", "status": "reported",
              "citations": [{"source": "s", "speaker": "p", "stance": "claims", "quote": "q"}]}],
            "story": [
              {"title": "One", "text": "t", "view": {"categories": ["arms"], "statuses": ["reported"], "flow": "f"}},
              {"title": "Two", "text": "t", "view": {"source": "s", "from": "2023-01", "extent": ["SRB", "RUS"]}}
            ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_step_number_brings_its_filters_and_pin() {
        let d = dataset();
        let v = resolve(&d, ViewState::from_hash("#step=1"));
        assert_eq!(v.step, Some(1));
        assert_eq!(v.selected.as_deref(), Some("f"));
        assert_eq!(v.filter.hidden_categories, ["gas".to_string()].into());
        assert_eq!(v.filter.hidden_statuses.len(), 4);
        assert!(on_step(&d, &v));
        let two = resolve(&d, ViewState::from_hash("#step=2"));
        assert_eq!((two.filter.source.as_deref(), two.selected), (Some("s"), None));
        assert_eq!(two.filter.from, Some("2023-01".parse().unwrap()));
    }

    #[test]
    fn a_step_the_story_does_not_have_is_dropped() {
        let d = dataset();
        assert_eq!(resolve(&d, ViewState::from_hash("#step=3")), ViewState::default());
        assert_eq!(resolve(&d, ViewState::from_hash("#step=0")), ViewState::default());
    }

    #[test]
    fn touching_a_filter_or_the_pin_leaves_the_step_a_zoom_does_not() {
        let d = dataset();
        let mut v = view_of(&d, 1, Zoom::IDENTITY);
        v.zoom = Zoom { k: 2.0, x: -10.0, y: -10.0 };
        assert!(on_step(&d, &v));
        v.filter.hidden_categories.clear();
        assert!(!on_step(&d, &v));
        let mut v = view_of(&d, 1, Zoom::IDENTITY);
        v.selected = None;
        assert!(!on_step(&d, &v));
    }

    #[test]
    fn the_extent_is_fitted_with_a_margin() {
        let d = dataset();
        let atlas =
            Atlas { credit: String::new(), bbox: [-180.0, -90.0, 180.0, 90.0], countries: vec![] };
        let s = step(&d, 2).unwrap();
        let z = zoom(&d, &atlas, s, 800.0, 500.0);
        let proj = projection(&d, &atlas, 800.0, 500.0, z);
        for id in ["SRB", "RUS"] {
            let p = proj.project(location_point(&d, &atlas, id).unwrap());
            assert!((0.1 * 800.0..=0.9 * 800.0).contains(&p.x), "{id} at {p:?}");
            assert!((0.1 * 500.0..=0.9 * 500.0).contains(&p.y), "{id} at {p:?}");
        }
        assert!(z.k > 1.0);
        assert_eq!(zoom(&d, &atlas, step(&d, 1).unwrap(), 800.0, 500.0), Zoom::IDENTITY);
    }

    #[test]
    fn the_cite_line_groups_publications_by_speaker() {
        let mut d = dataset();
        d.raw.story[0].cites = vec![
            StepCite { speaker: "p".into(), source: "s".into() },
            StepCite { speaker: "p".into(), source: "s".into() },
        ];
        assert_eq!(cite_line(&d, &d.raw.story[0], Lang::En), "Who says so: P — reported by O; O");
    }

    #[test]
    fn a_transition_moves_smoothly_and_ends_where_it_should() {
        let to = Zoom { k: 3.0, x: -400.0, y: -100.0 };
        let mut last = 1.0;
        for i in 1..=10 {
            let z = between(Zoom::IDENTITY, to, i as f64 / 10.0, 400.0, 300.0);
            assert!(z.k >= last - 1e-9 && z.k <= 3.0 + 1e-9);
            last = z.k;
        }
        assert_eq!(between(Zoom::IDENTITY, to, 1.0, 400.0, 300.0), to);
    }
}
