//! The current view as a standalone SVG document: the map between its [`Frame`]'s texts,
//! every line wrapped and every label moved inside the picture.

use super::frame::{Frame, LegendSection, Swatch};
use super::text::{text_width, wrap, xml_escape};
use crate::decimal::{Fixed, Shortest};
use crate::layout::{CountryShape, MapLayout, Marker, AGAINST_MARK, AGAINST_MARK_RADIUS};
use crate::scale::UNDISCLOSED_WIDTH;
use std::fmt::Write;

const FONT: &str =
    "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\"";
/// Space around the texts.
const MARGIN: f64 = 16.0;
const INK: &str = "#1a1a1a";
const MUTED: &str = "#555555";
/// Space between legend columns, and the narrowest a column may be.
const COLUMN_GAP: f64 = 24.0;
const MIN_COLUMN: f64 = 260.0;
/// The most legend columns: one per section (goods, claims, values).
const MAX_COLUMNS: usize = 3;
/// Width of a legend sample and the space before its text.
const SWATCH: f64 = 34.0;
const SWATCH_GAP: f64 = 8.0;
/// Map labels: size in pixels (semi-bold), and the least space from the picture's edges.
const LABEL_SIZE: f64 = 12.0;
const LABEL_INSET: f64 = 4.0;

/// How a run of lines is written: size in pixels, line height, weight and colour.
#[derive(Clone, Copy)]
struct Style {
    size: f64,
    lead: f64,
    bold: bool,
    fill: &'static str,
}

const TITLE: Style = Style { size: 20.0, lead: 26.0, bold: true, fill: INK };
const SUBTITLE: Style = Style { size: 14.0, lead: 19.0, bold: false, fill: MUTED };
const FILTERS: Style = Style { size: 13.0, lead: 18.0, bold: true, fill: INK };
const HEADING: Style = Style { size: 13.0, lead: 20.0, bold: true, fill: INK };
const ENTRY: Style = Style { size: 13.0, lead: 17.0, bold: false, fill: INK };
const NOTE: Style = Style { size: 12.0, lead: 16.0, bold: false, fill: MUTED };
const BODY: Style = Style { size: 13.0, lead: 18.0, bold: false, fill: INK };

/// Writes `text` wrapped to `width` from `x`, its first line below `y`; the `y` under it.
/// (Each line keeps the space it was broken at, not drawn, so that the document's text
/// reads back whole.)
fn paragraph(s: &mut String, text: &str, x: f64, mut y: f64, width: f64, st: Style) -> f64 {
    for line in wrap(text, width, st.size, st.bold) {
        y += st.lead;
        let weight = if st.bold { " font-weight=\"700\"" } else { "" };
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight} fill=\"{}\">{}</text>",
            Fixed(x, 1),
            Fixed(y - st.lead * 0.3, 1),
            Shortest(st.size),
            st.fill,
            xml_escape(&line)
        );
    }
    y
}

/// A standalone SVG of the current view (light theme): `countries` and `layout` of a
/// `width` × `height` map with the texts and legend of `frame`; and the document's height
/// (the map's plus the frame's). Each flow is drawn `opacity` opaque, the opacity a crowded
/// canvas map strokes its lines with ([`line_opacity`](crate::batch::line_opacity)); 1 on
/// SVG maps. (Crossing flows darken a little more here than on the canvas, which strokes
/// many flows as one shape.) Texts are wrapped to the width and place labels moved inside
/// it, by [`text_width`]'s measure.
///
/// # Examples
/// ```
/// use flowmap_core::export::{svg, Frame};
/// use flowmap_core::layout::MapLayout;
/// let empty = MapLayout::default();
/// let (doc, height) = svg(&[], &empty, 800.0, 500.0, 1.0, &Frame { title: "A & B".into(), ..Frame::default() });
/// assert!(height > 500.0);
/// assert!(doc.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
/// assert!(doc.contains("A &amp; B"));
/// ```
pub fn svg(
    countries: &[CountryShape],
    layout: &MapLayout,
    width: f64,
    height: f64,
    opacity: f64,
    frame: &Frame,
) -> (String, f64) {
    let inner = (width - 2.0 * MARGIN).max(1.0);
    let mut s = String::new();
    let mut y = MARGIN - 6.0;
    y = paragraph(&mut s, &frame.title, MARGIN, y, inner, TITLE);
    y = paragraph(&mut s, &frame.subtitle, MARGIN, y, inner, SUBTITLE);
    y = paragraph(&mut s, &frame.filters, MARGIN, y + 4.0, inner, FILTERS);
    let top = (y + 10.0).round();
    map(&mut s, countries, layout, width, height, opacity, top);
    overlay(&mut s, &frame.overlay, top);
    let mut y = legend(&mut s, &frame.legend, top + height + 6.0, inner);
    y = paragraph(&mut s, &frame.notes, MARGIN, y + 6.0, inner, BODY);
    y = paragraph(&mut s, &frame.sources, MARGIN, y + 6.0, inner, NOTE);
    y = paragraph(&mut s, &frame.credit, MARGIN, y, inner, NOTE);
    let total = (y + MARGIN - 4.0).ceil();
    let (width, total_text) = (Shortest(width), Shortest(total));
    let doc = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total_text}\" viewBox=\"0 0 {width} {total_text}\" {FONT}>\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{s}</svg>"
    );
    (doc, total)
}

/// The map at `top`: countries and flows clipped to its frame, then the place labels, which
/// are kept inside the picture rather than clipped.
fn map(
    s: &mut String,
    countries: &[CountryShape],
    layout: &MapLayout,
    width: f64,
    height: f64,
    opacity: f64,
    top: f64,
) {
    let (width_text, height_text, top_text) = (Shortest(width), Shortest(height), Shortest(top));
    let _ = write!(
        s,
        "<defs><clipPath id=\"map\"><rect width=\"{width_text}\" height=\"{height_text}\"/></clipPath></defs>\
         <g transform=\"translate(0,{top_text})\" clip-path=\"url(#map)\">\
         <rect width=\"{width_text}\" height=\"{height_text}\" fill=\"#eef3f7\"/>"
    );
    let involved: rustc_hash::FxHashSet<&str> =
        layout.markers.iter().map(|m| m.id.as_str()).collect();
    for c in countries {
        let fill = if involved.contains(c.id.as_str()) { "#d2d0c4" } else { "#e2e2dc" };
        let _ = write!(s, "<path class=\"country\" d=\"{}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"0.6\" fill-rule=\"evenodd\"/>", c.d);
    }
    let flow_group = if opacity < 1.0 {
        format!("<g class=\"flow\" opacity=\"{}\">", Fixed(opacity, 3))
    } else {
        "<g class=\"flow\">".to_string()
    };
    for f in &layout.flows {
        s.push_str(&flow_group);
        for leg in &f.legs {
            if f.undisclosed {
                let _ = write!(s, "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-opacity=\"0.2\" stroke-width=\"9\" stroke-linecap=\"round\"/>", leg.line(), f.color);
            }
            let dash =
                f.dasharray().map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
            let _ = write!(
                s,
                "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash}/>",
                leg.line(),
                f.color,
                Fixed(f.width, 2)
            );
            let _ = write!(s, "<path d=\"{}\" fill=\"{}\"/>", leg.arrow(), f.color);
        }
        if let Some(at) = f.mark_at() {
            against_mark(s, at.x, at.y, f.color);
        }
        s.push_str("</g>");
    }
    // Markers out of the view (zoomed in) are left out, with their labels.
    let inside = |m: &&Marker| (0.0..=width).contains(&m.at.x) && (0.0..=height).contains(&m.at.y);
    for m in layout.markers.iter().filter(inside) {
        // A cluster is a ring, as on the page.
        let style = if layout.cluster(&m.id).is_some() {
            format!("fill=\"{INK}\" fill-opacity=\"0.3\" stroke=\"{INK}\" stroke-width=\"2\"")
        } else {
            format!("fill=\"{INK}\" stroke=\"#ffffff\" stroke-width=\"1.5\"")
        };
        let _ = write!(
            s,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {style}/>",
            Fixed(m.at.x, 1),
            Fixed(m.at.y, 1),
            Fixed(m.radius, 1)
        );
    }
    let _ = write!(s, "</g><g transform=\"translate(0,{top_text})\">");
    // Only the labels that fit: the others show on the page when their marker is hovered,
    // which a picture cannot do.
    for m in layout.markers.iter().filter(inside).filter(|m| m.label.shown) {
        let (x, y) = label_at(m, width, height);
        let (x, y, size) = (Fixed(x, 1), Fixed(y, 1), Shortest(LABEL_SIZE));
        let _ = write!(
            s,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" font-weight=\"600\" fill=\"{INK}\" \
             stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
            xml_escape(&m.text)
        );
    }
    s.push_str("</g>");
}

/// A story step's rings and callouts over the map at `top`: each callout a white box with
/// its lines, and its leader line when it has one.
fn overlay(s: &mut String, o: &crate::annotate::Overlay, top: f64) {
    if o.rings.is_empty() && o.callouts.is_empty() {
        return;
    }
    let _ = write!(s, "<g class=\"story-notes\" transform=\"translate(0,{})\">", Shortest(top));
    for (at, r) in &o.rings {
        let _ = write!(s, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{INK}\" stroke-width=\"1.5\"/>", Fixed(at.x, 1), Fixed(at.y, 1), Fixed(*r, 1));
    }
    for c in &o.callouts {
        if let Some((a, b)) = c.leader {
            let _ = write!(s, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{INK}\" stroke-width=\"1\"/>", Fixed(a.x, 1), Fixed(a.y, 1), Fixed(b.x, 1), Fixed(b.y, 1));
        }
        let r = &c.rect;
        let _ = write!(s, "<rect class=\"callout\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"1\"/>", Fixed(r.x0, 1), Fixed(r.y0, 1), Fixed(r.x1 - r.x0, 1), Fixed(r.y1 - r.y0, 1));
        for (i, line) in c.lines.iter().enumerate() {
            let at = c.line_at(i);
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{INK}\">{}</text>",
                Fixed(at.x, 1),
                Fixed(at.y, 1),
                Shortest(crate::annotate::NOTE_SIZE),
                xml_escape(line)
            );
        }
    }
    s.push_str("</g>");
}

/// Where a marker's label starts (its left end and baseline): where the layout placed it; on
/// the marker's other side when that side runs past the edge; then moved inward as far as
/// still needed to lie wholly inside a `width` × `height` map.
fn label_at(m: &Marker, width: f64, height: f64) -> (f64, f64) {
    use crate::labels::Side;
    let w = text_width(&m.text, LABEL_SIZE, true);
    // The gap between the marker's centre and the label's near end.
    let gap = (m.label.at.x - m.at.x).abs();
    let left = match m.label.side {
        Side::Right if m.at.x + gap + w > width - LABEL_INSET => m.at.x - gap - w,
        Side::Right => m.at.x + gap,
        Side::Left if m.at.x - gap - w < LABEL_INSET => m.at.x + gap,
        Side::Left => m.at.x - gap - w,
        _ => m.label.at.x - w / 2.0,
    };
    let left = left.min(width - LABEL_INSET - w).max(LABEL_INSET);
    let y = crate::math::clamp(m.label.at.y, LABEL_SIZE, height - LABEL_INSET);
    (left, y)
}

/// The legend's sections in as many columns as fit in `inner` pixels, from `y`; the `y`
/// under the longest column.
fn legend(s: &mut String, sections: &[LegendSection], y: f64, inner: f64) -> f64 {
    let fit = ((inner + COLUMN_GAP) / (MIN_COLUMN + COLUMN_GAP)).floor() as usize;
    let columns = fit.clamp(1, sections.len().clamp(1, MAX_COLUMNS));
    let column = (inner - COLUMN_GAP * (columns - 1) as f64) / columns as f64;
    let mut ends = [y; MAX_COLUMNS];
    for section in sections {
        // Each section goes into the shortest column so far.
        let c = (0..columns).fold(0, |best, c| if ends[c] < ends[best] { c } else { best });
        let x = MARGIN + c as f64 * (column + COLUMN_GAP);
        ends[c] = legend_section(s, section, x, ends[c], column) + 8.0;
    }
    ends.into_iter().fold(y, f64::max)
}

/// One legend section at (`x`, `y`) in a column `width` wide; the `y` under it.
fn legend_section(s: &mut String, section: &LegendSection, x: f64, y: f64, width: f64) -> f64 {
    let mut y = paragraph(s, &section.heading, x, y, width, HEADING);
    let text_x = x + SWATCH + SWATCH_GAP;
    for (swatch, text) in &section.entries {
        let mid = y + ENTRY.lead * 0.7 - 4.5;
        swatch_at(s, swatch, x, mid);
        y = paragraph(s, text, text_x, y, width - SWATCH - SWATCH_GAP, ENTRY) + 3.0;
    }
    for hint in &section.hints {
        y = paragraph(s, hint, x, y + 2.0, width, NOTE);
    }
    y
}

/// A legend sample, [`SWATCH`] wide from `x`, centred on `y`.
fn swatch_at(s: &mut String, swatch: &Swatch, x: f64, y: f64) {
    let _ = write!(s, "<g transform=\"translate({},{})\">", Fixed(x, 1), Fixed(y, 1));
    let line = "<path d=\"M1,0 L33,0\"";
    let _ = match swatch {
        Swatch::Color(c) => write!(
            s,
            "<path d=\"M1,0 L24,0\" stroke=\"{c}\" stroke-width=\"3\"/><path d=\"M33,0 L24,-4.5 L24,4.5 Z\" fill=\"{c}\"/>"
        ),
        Swatch::Dash(dash) => {
            let dash =
                dash.as_ref().map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
            write!(s, "{line} stroke=\"{INK}\" stroke-width=\"2.5\"{dash}/>")
        }
        Swatch::Against => {
            against_mark(s, SWATCH / 2.0, 0.0, INK);
            Ok(())
        }
        Swatch::Width(w) => write!(s, "{line} stroke=\"{MUTED}\" stroke-width=\"{}\"/>", Fixed(*w, 2)),
        Swatch::Undisclosed => write!(
            s,
            "{line} stroke=\"{MUTED}\" stroke-opacity=\"0.2\" stroke-width=\"9\" stroke-linecap=\"round\"/>\
             {line} stroke=\"{MUTED}\" stroke-width=\"{}\"/>",
            Shortest(UNDISCLOSED_WIDTH)
        ),
    };
    s.push_str("</g>");
}

/// The mark of a denied or disputed flow at (`x`, `y`), in `color`.
fn against_mark(s: &mut String, x: f64, y: f64, color: &str) {
    let (x, y, radius) = (Fixed(x, 1), Fixed(y, 1), Shortest(AGAINST_MARK_RADIUS));
    let _ = write!(
        s,
        "<g class=\"against-mark\" transform=\"translate({x},{y})\"><circle r=\"{radius}\" fill=\"#ffffff\" stroke=\"{color}\" stroke-width=\"1.5\"/>\
         <path d=\"{AGAINST_MARK}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\"/></g>"
    );
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn flows_are_as_translucent_as_on_the_canvas() {
        use crate::arc::{arc, ArcStyle};
        use crate::layout::FlowShape;
        let leg = arc(
            geo::coord! { x: 10.0, y: 10.0 },
            geo::coord! { x: 300.0, y: 200.0 },
            &ArcStyle::default(),
        )
        .unwrap();
        let flow = FlowShape { legs: vec![leg], ..FlowShape::plain(0, 2.0) };
        let l = MapLayout { flows: vec![flow.clone(), flow], ..MapLayout::default() };
        let (faint, _) = svg(&[], &l, 800.0, 500.0, 0.25, &Frame::default());
        assert_eq!(faint.matches("<g class=\"flow\" opacity=\"0.250\">").count(), 2);
        let (opaque, _) = svg(&[], &l, 800.0, 500.0, 1.0, &Frame::default());
        assert_eq!(opaque.matches("<g class=\"flow\">").count(), 2);
        assert!(!opaque.contains("opacity=\""));
    }

    #[test]
    fn clusters_are_rings() {
        use crate::labels::{Placement, Rect, Side};
        use crate::layout::Cluster;
        let marker = |id: &str, x: f64| Marker {
            id: id.into(),
            at: geo::coord! { x: x, y: 100.0 },
            radius: 5.0,
            text: id.into(),
            label: Placement {
                side: Side::Right,
                at: geo::coord! { x: x + 7.0, y: 104.0 },
                rect: Rect { x0: 0.0, y0: 0.0, x1: 0.0, y1: 0.0 },
                shown: false,
            },
            off_map: false,
        };
        let cluster = Cluster {
            id: "A+2".into(),
            places: vec!["A".into(), "B".into(), "C".into()],
            name: "A and 2 places nearby".into(),
            out: Default::default(),
            into: Default::default(),
            inside: Vec::new(),
        };
        let l = MapLayout {
            markers: vec![marker("A+2", 100.0), marker("D", 300.0)],
            clusters: vec![cluster],
            ..MapLayout::default()
        };
        let (svg, _) = svg(&[], &l, 800.0, 500.0, 1.0, &Frame::default());
        assert_eq!(svg.matches("fill-opacity=\"0.3\"").count(), 1, "one ring");
        let ring =
            format!("<circle cx=\"100.0\" cy=\"100.0\" r=\"5.0\" fill=\"{INK}\" fill-opacity");
        assert!(svg.contains(&ring), "{svg}");
        let dot = format!("<circle cx=\"300.0\" cy=\"100.0\" r=\"5.0\" fill=\"{INK}\" stroke=");
        assert!(svg.contains(&dot), "{svg}");
    }

    #[test]
    fn labels_at_the_edges_are_moved_inside() {
        use crate::labels::{Placement, Rect, Side};
        let marker = |x: f64, side: Side, text: &str| {
            let gap = if side == Side::Left { -7.0 } else { 7.0 };
            Marker {
                id: "X".into(),
                at: geo::coord! { x: x, y: 100.0 },
                radius: 4.0,
                text: text.into(),
                label: Placement {
                    side,
                    at: geo::coord! { x: x + gap, y: 104.0 },
                    rect: Rect { x0: 0.0, y0: 0.0, x1: 0.0, y1: 0.0 },
                    shown: true,
                },
                off_map: false,
            }
        };
        // Past the right edge: on the marker's left, ending before it.
        let w = text_width("Kyrgyzstan", LABEL_SIZE, true);
        let right = marker(790.0, Side::Right, "Kyrgyzstan");
        assert_eq!(label_at(&right, 800.0, 500.0).0, 783.0 - w);
        // Past the left edge: on its right.
        let left = marker(5.0, Side::Left, "Nigeria ↓");
        assert_eq!(label_at(&left, 800.0, 500.0).0, 12.0);
        // Too long for either side of a narrow map: moved as far inward as it must.
        let long = marker(60.0, Side::Right, "Kyrgyzstan");
        assert_eq!(label_at(&long, 100.0, 500.0).0, LABEL_INSET);
        let fine = marker(300.0, Side::Right, "Serbia");
        assert_eq!(label_at(&fine, 800.0, 500.0), (307.0, 104.0));
    }

    #[test]
    fn the_legend_takes_columns_on_a_wide_picture_and_one_on_a_narrow_one() {
        let section = |h: &str| LegendSection {
            heading: h.into(),
            entries: vec![(Swatch::Width(3.0), "100 million".into())],
            hints: vec![],
        };
        let sections = [section("Goods"), section("How solid"), section("Value")];
        let heights: Vec<f64> = [1248.0, 343.0]
            .iter()
            .map(|w| legend(&mut String::new(), &sections, 0.0, *w))
            .collect();
        assert!(heights[1] > 2.5 * heights[0], "{heights:?}");
    }
}
