//! The page's first frame, written at build time: the bundled view as static HTML and SVG,
//! laid out as the app lays out its own first frame (title, subtitle, summary, the map at the
//! column's width, the hint under it), so that the page shows the map before the
//! WebAssembly has loaded and the app takes the frame over without a jump.
//!
//! The picture uses the app's class names inside (`country`, `flow`, `marker`…), so that
//! the page's style sheet and theme colour it as the app's map; its root and wrappers have
//! their own (`first-frame`, `ff-*`) so that nothing that looks for the app's map finds it.
//! `public/boot.js` removes it when the app's first frame is in the page.

mod tips;

use super::text::xml_escape;
use crate::atlas::Atlas;
use crate::dataset::Dataset;
use crate::describe::summary;
use crate::flow_codes::FlowCodes;
use crate::i18n::{count, tr, trf, Lang, Msg, Noun};
use crate::labels::Side;
use crate::layout::{
    layout, plan, preferred_height, projection, MapLayout, MapView, AGAINST_MARK,
    AGAINST_MARK_RADIUS,
};
use crate::projection::Projection;
use crate::zoom::Zoom;
use geo::{LineString, MultiPolygon, Simplify};
use std::fmt::Write;

/// The map's width in the wide picture: the page's column at a desktop width (`.flowmap`'s
/// 1200 px less its 16 px padding on each side); narrower columns scale the picture down.
pub const WIDE_WIDTH: f64 = 1168.0;
/// The narrow picture, for phones (below [`crate::phone::PHONE_WIDTH`]): the map frame of a
/// 375 × 740 px phone, a 351 px column (12 px padding) and the portrait frame
/// [`crate::phone::frame_height`] gives it.
pub const NARROW_SIZE: (f64, f64) = (351.0, 444.0);

/// The first frame of `dataset` drawn on `atlas` in `lang`: an HTML fragment for the page's
/// body, with a wide and a narrow picture of the map (the style sheet shows one).
///
/// # Examples
/// ```
/// use flowmap_core::{atlas::Atlas, dataset::Dataset, export::first_frame, i18n::Lang};
/// let d = Dataset::from_json("d", include_str!("../../tests/fixtures/two_flows.json")).unwrap();
/// let atlas = Atlas { credit: String::new(), bbox: [0.0; 4], countries: vec![] };
/// let html = first_frame(&d, &atlas, Lang::En);
/// assert!(html.starts_with("<div class=\"flowmap first-frame\" role=\"main\" data-lang=\"en\""));
/// assert!(html.contains("<h1 id=\"ff-title\">Two flows</h1>"));
/// assert_eq!(html.matches("<svg ").count(), 2);
/// ```
pub fn first_frame(dataset: &Dataset, atlas: &Atlas, lang: Lang) -> String {
    let meta = &dataset.raw.meta;
    let every: Vec<usize> = (0..dataset.raw.flows.len()).collect();
    let label = trf(lang, Msg::MapLabel, &[&count(lang, every.len(), Noun::Flow)]);
    let mut s = format!(
        "<div class=\"flowmap first-frame\" role=\"main\" data-lang=\"{}\"><article class=\"graphic\" aria-labelledby=\"ff-title\"><header>\
         <h1 id=\"ff-title\">{}</h1>",
        lang.tag(),
        xml_escape(meta.title.get(lang.tag()))
    );
    if let Some(sub) = &meta.subtitle {
        let _ = write!(s, "<p class=\"subtitle\">{}</p>", xml_escape(sub.get(lang.tag())));
    }
    let _ = write!(
        s,
        "<p class=\"summary\">{}</p></header><div class=\"ff-frame\">",
        xml_escape(&summary(dataset, &FlowCodes::of(dataset), &every, lang))
    );
    let plan = plan(dataset, atlas, &every);
    let wide = (WIDE_WIDTH, preferred_height(dataset, atlas, WIDE_WIDTH));
    let fit =
        |(width, height): (f64, f64)| projection(dataset, atlas, width, height, Zoom::IDENTITY);
    let (wide_proj, narrow_proj) = (fit(wide), fit(NARROW_SIZE));
    // The narrow picture draws the wide picture's outlines, which are written once, scaled.
    let (k, tx, ty) = scaled(&wide_proj, &narrow_proj);
    // What either picture shows, in the wide one's pixels.
    let shown = [
        (-tx / k).min(0.0),
        (-ty / k).min(0.0),
        ((NARROW_SIZE.0 - tx) / k).max(wide.0),
        ((NARROW_SIZE.1 - ty) / k).max(wide.1),
    ];
    let lay = |(width, height): (f64, f64)| {
        layout(dataset, atlas, &plan, &MapView { width, height, zoom: Zoom::IDENTITY, lang })
    };
    let (wide_layout, narrow_layout) = (lay(wide), lay(NARROW_SIZE));
    let involved: Vec<&str> = wide_layout.markers.iter().map(|m| m.id.as_str()).collect();
    let mut tips = tips::Tips::default();
    for (class, (width, height), laid_out) in
        [("ff-wide", wide, &wide_layout), ("ff-narrow", NARROW_SIZE, &narrow_layout)]
    {
        let _ = write!(
            s,
            "<svg class=\"ff-map {class}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{class}-label\">\
             <title id=\"{class}-label\">{}</title>",
            xml_escape(&label)
        );
        if class == "ff-wide" {
            s.push_str("<g class=\"countries\" id=\"ff-countries\">");
            for c in &atlas.countries {
                let d = compact_path(&c.shape, &wide_proj, shown);
                if d.is_empty() {
                    continue;
                }
                let class =
                    if involved.contains(&c.id.as_str()) { "country involved" } else { "country" };
                let _ = write!(s, "<path class=\"{class}\" d=\"{d}\"/>");
            }
            s.push_str("</g>");
        } else {
            let _ = write!(
                s,
                "<use href=\"#ff-countries\" transform=\"matrix({k:.6} 0 0 {k:.6} {tx:.2} {ty:.2})\"/>"
            );
        }
        picture(&mut s, laid_out, |index| tips.add(dataset, laid_out, index, lang));
        s.push_str("</svg>");
    }
    s.push_str(&tips.script(lang));
    let _ = write!(
        s,
        "</div><p class=\"ff-hint\"><span class=\"touch\">{}</span><span class=\"pointer\">{}</span></p></article></div>",
        xml_escape(&tr(lang, Msg::HintTouch)),
        xml_escape(&tr(lang, Msg::HintPointer))
    );
    s
}

/// The scale and shift `(k, tx, ty)` that take `from`'s pixels to `to`'s: two fits of the same
/// points differ only in those ([`Projection::fit`], [`Projection::zoomed`]).
fn scaled(from: &Projection, to: &Projection) -> (f64, f64, f64) {
    let (p, q) = (geo::coord! { x: 0.0, y: 45.0 }, geo::coord! { x: 30.0, y: 45.0 });
    let (a, b) = (from.project(p), from.project(q));
    let (ta, tb) = (to.project(p), to.project(q));
    let k = (tb.x - ta.x) / (b.x - a.x);
    (k, ta.x - k * a.x, ta.y - k * a.y)
}

/// How far, in pixels, an outline in the first frame may stray from the atlas's
/// (Ramer–Douglas–Peucker): a pixel, which the eye does not tell from the app's outlines
/// when the app takes the frame over.
const SIMPLIFY_PX: f64 = 1.0;

/// Path data of `shape` in `proj` for a picture of the box `[x0, y0, x1, y1]`, smaller than the app's
/// ([`crate::path::multipolygon_path`]) for the page's first download: simplified by
/// [`SIMPLIFY_PX`], in whole pixels, each
/// point after a ring's first written from the one before ("l3-2"), the rings wholly outside
/// the box and those smaller than a pixel or two left out.
fn compact_path(
    shape: &MultiPolygon<f64>,
    proj: &Projection,
    [bx0, by0, bx1, by1]: [f64; 4],
) -> String {
    let mut out = String::new();
    for poly in shape {
        for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
            let projected: LineString<f64> = ring.coords().map(|c| proj.project(*c)).collect();
            let mut points: Vec<(i64, i64)> = Vec::new();
            for p in projected.simplify(SIMPLIFY_PX).coords() {
                let at = (p.x.round() as i64, p.y.round() as i64);
                if points.last() != Some(&at) {
                    points.push(at);
                }
            }
            let (x0, x1) =
                points.iter().fold((i64::MAX, i64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
            let (y0, y1) =
                points.iter().fold((i64::MAX, i64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
            let outside =
                (x1 as f64) < bx0 || (y1 as f64) < by0 || x0 as f64 > bx1 || y0 as f64 > by1;
            if points.len() < 4 || outside {
                continue;
            }
            let _ = write!(out, "M{},{}l", points[0].0, points[0].1);
            for (i, pair) in points.windows(2).enumerate() {
                let (dx, dy) = (pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
                if i > 0 && dx >= 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{dx}");
                if dy >= 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{dy}");
            }
            out.push('z');
        }
    }
    out
}

/// The flows and markers of `l`, as the app's map draws them (src/components/flow_arc.rs
/// and map.rs) without what only the pointer and keyboard use; each flow with the number of
/// its tooltip (`data-tip`, from `tip`).
fn picture(s: &mut String, l: &MapLayout, mut tip: impl FnMut(usize) -> Option<usize>) {
    s.push_str("<g class=\"flows\">");
    for f in &l.flows {
        match tip(f.index) {
            Some(n) => {
                let _ = write!(s, "<g class=\"flow\" data-tip=\"{n}\">");
            }
            None => s.push_str("<g class=\"flow\">"),
        }
        let dash = f.dasharray().map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
        for leg in &f.legs {
            let line = leg.line();
            if f.undisclosed {
                let _ = write!(s, "<path class=\"band\" d=\"{line}\" stroke=\"{}\"/>", f.color);
            }
            let _ = write!(
                s,
                "<path class=\"line\" d=\"{line}\" stroke=\"{}\" stroke-width=\"{:.2}\"{dash}/><path class=\"arrow\" d=\"{}\" fill=\"{}\"/>",
                f.color,
                f.width,
                leg.arrow(),
                f.color
            );
        }
        if let Some(at) = f.mark_at() {
            let _ = write!(
                s,
                "<g class=\"against-mark\" transform=\"translate({:.1},{:.1})\"><circle r=\"{AGAINST_MARK_RADIUS}\"/><path d=\"{AGAINST_MARK}\"/></g>",
                at.x, at.y
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</g><g class=\"markers\">");
    for m in &l.markers {
        let mut class = String::from(if m.label.shown { "marker" } else { "marker tucked" });
        if m.off_map {
            class.push_str(" off-map");
        }
        let anchor = match m.label.side {
            Side::Right => "start",
            Side::Left => "end",
            Side::Above | Side::Below => "middle",
        };
        let _ = write!(
            s,
            "<g class=\"{class}\"><circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text></g>",
            m.at.x,
            m.at.y,
            m.radius,
            m.label.at.x,
            m.label.at.y,
            xml_escape(&m.text)
        );
    }
    s.push_str("</g>");
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn the_frame_draws_every_flow_and_place_in_both_pictures() {
        let d =
            Dataset::from_json("t", include_str!("../../tests/fixtures/two_flows.json")).unwrap();
        let atlas = Atlas { credit: String::new(), bbox: [0.0; 4], countries: vec![] };
        let html = first_frame(&d, &atlas, Lang::Ru);
        assert!(html.contains("data-lang=\"ru\""));
        let flows = html.matches("<g class=\"flow\" data-tip=").count();
        assert_eq!(flows, 2 * d.raw.flows.len());
        assert!(html.contains("viewBox=\"0 0 351 444\""));
        // The outlines are written once, for the wide picture; the narrow one draws them scaled.
        assert_eq!(html.matches("id=\"ff-countries\"").count(), 1);
        assert_eq!(html.matches("<use href=\"#ff-countries\" transform=\"matrix(").count(), 1);
        // One accessible name per picture, in the frame's language.
        assert_eq!(html.matches("<title id=").count(), 2);
        assert!(html.contains(&trf(Lang::Ru, Msg::MapLabel, &[&count(Lang::Ru, 2, Noun::Flow)])));
        // Nothing in it can be focused or looks like the app's map to a script.
        assert!(!html.contains("tabindex") && !html.contains("class=\"map"));
    }

    #[test]
    fn the_narrow_picture_is_the_wide_one_scaled() {
        let d =
            Dataset::from_json("t", include_str!("../../tests/fixtures/two_flows.json")).unwrap();
        let atlas = Atlas { credit: String::new(), bbox: [0.0; 4], countries: vec![] };
        let wide = projection(&d, &atlas, WIDE_WIDTH, 600.0, Zoom::IDENTITY);
        let narrow = projection(&d, &atlas, NARROW_SIZE.0, NARROW_SIZE.1, Zoom::IDENTITY);
        let (k, tx, ty) = scaled(&wide, &narrow);
        assert!(k > 0.1 && k < 1.0, "{k}");
        for (x, y) in [(19.0, 44.0), (37.6, 55.7), (-3.0, 40.0), (100.0, 20.0)] {
            let (w, n) = (
                wide.project(geo::coord! { x: x, y: y }),
                narrow.project(geo::coord! { x: x, y: y }),
            );
            assert!(
                (tx + k * w.x - n.x).abs() < 1e-6 && (ty + k * w.y - n.y).abs() < 1e-6,
                "{x},{y}"
            );
        }
    }

    #[test]
    fn outlines_are_whole_pixels_from_point_to_point() {
        use crate::projection::Viewport;
        use geo::{coord, polygon};
        let proj = Projection::fit(
            &[coord! { x: 0.0, y: 0.0 }, coord! { x: 10.0, y: 10.0 }],
            Viewport { width: 100.0, height: 100.0, padding: 0.0 },
        );
        let square =
            polygon![(x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0)];
        let d = compact_path(&MultiPolygon(vec![square.clone()]), &proj, [0.0, 0.0, 100.0, 100.0]);
        // Read back: the first point absolute, then steps; each lands on a corner, rounded.
        let body = d.strip_prefix('M').and_then(|d| d.strip_suffix('z')).unwrap();
        let (first, steps) = body.split_once('l').unwrap();
        let numbers = |t: &str| -> Vec<i64> {
            t.replace('-', " -")
                .split([' ', ','])
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().unwrap())
                .collect()
        };
        let mut at = numbers(first);
        let mut visited = vec![(at[0], at[1])];
        for step in numbers(steps).chunks(2) {
            at = vec![at[0] + step[0], at[1] + step[1]];
            visited.push((at[0], at[1]));
        }
        let corners: Vec<(i64, i64)> = square
            .exterior()
            .coords()
            .map(|c| proj.project(*c))
            .map(|p| (p.x.round() as i64, p.y.round() as i64))
            .collect();
        assert_eq!(visited, corners, "{d}");
        // A ring far outside the picture is left out.
        let away = polygon![(x: 500.0, y: 0.0), (x: 510.0, y: 0.0), (x: 510.0, y: 10.0), (x: 500.0, y: 0.0)];
        assert_eq!(compact_path(&MultiPolygon(vec![away]), &proj, [0.0, 0.0, 100.0, 100.0]), "");
    }
}
