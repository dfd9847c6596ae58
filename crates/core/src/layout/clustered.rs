//! A plan's places and lines as drawn at one zoom: each place on its own, or, above
//! [`CLUSTER_FROM`] places, nearby places as one cluster ([`crate::cluster`]) with lines
//! between clusters. Lines between the same clusters follow [`crate::bundle`]'s rules: one
//! line, with the sum of its figures only where they add up; flows inside one cluster are
//! not drawn but counted in its marker.

use super::plan::{Plan, PlannedFlow, MARKER_RADIUS};
use crate::cluster::{Hierarchy, CLUSTER_FROM, RADIUS};
use crate::dataset::Dataset;
use crate::describe::location_name;
use crate::i18n::{count, tr, trf, Lang, Msg, Noun};
use crate::model::{ClaimStatus, FlowValue, Quantity};
use crate::palette::dash_pattern;
use crate::scale::WidthScale;
use crate::totals::Side;
use crate::zoom::Zoom;
use geo::Coord;
use std::borrow::Cow;
use std::collections::HashSet;

/// Places drawn as one marker: what it holds and what its flows add up to.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Its marker's id: its first place's, and how many others it holds ("FRA+12").
    pub id: String,
    /// Location ids of its places, the heaviest (the one it is named for) first.
    pub places: Vec<String>,
    /// Its name: "Frankfurt and 12 places nearby".
    pub name: String,
    /// Flows leaving it for places outside it (dataset indices).
    pub out: Side,
    /// Flows arriving from places outside it.
    pub into: Side,
    /// Flows between its own places: not drawn as lines.
    pub inside: Vec<usize>,
}

/// A marker to draw: a place or a cluster, at its projected point (before it is moved to the
/// edge of the view or off the controls).
pub(super) struct Node<'a> {
    pub(super) id: Cow<'a, str>,
    pub(super) at: Coord<f64>,
    pub(super) radius: f64,
    /// Its label on the map (a cluster's name).
    pub(super) text: Cow<'a, str>,
    pub(super) cluster: Option<Cluster>,
}

/// What a layout draws at one zoom.
pub(super) struct Drawn<'a> {
    pub(super) nodes: Vec<Node<'a>>,
    /// Lines with routes by position in `nodes`, in dataset order of their first flows.
    pub(super) lines: Cow<'a, [PlannedFlow]>,
    /// The route in words of each line that joins different places of some clusters.
    pub(super) between: Vec<(usize, String)>,
    /// The width scale of the lines between clusters, when clusters are drawn.
    pub(super) scale: Option<WidthScale>,
}

/// The places and lines of `plan` at `zoom`, with `raw` the places' projected points.
pub(super) fn drawn<'a>(
    dataset: &'a Dataset,
    plan: &'a Plan,
    raw: &[Coord<f64>],
    zoom: Zoom,
    lang: Lang,
) -> Drawn<'a> {
    // No hierarchy (nothing clusters) up to a few thousand places.
    let hierarchy = if plan.places.len() > CLUSTER_FROM {
        let base: Vec<Coord<f64>> = raw
            .iter()
            .map(|p| {
                let (x, y) = zoom.invert(p.x, p.y);
                Coord { x, y }
            })
            .collect();
        let weights: Vec<f64> = plan.places.iter().map(|p| p.weight).collect();
        Hierarchy::build(&base, &weights, RADIUS)
    } else {
        Hierarchy::default()
    };
    let Some(level) = hierarchy.at(zoom.k) else {
        let nodes = plan
            .places
            .iter()
            .zip(raw)
            .map(|(p, at)| Node {
                id: Cow::Borrowed(p.id.as_str()),
                at: *at,
                radius: p.radius,
                text: Cow::Borrowed(location_name(dataset, &p.id, lang)),
                cluster: None,
            })
            .collect();
        return Drawn {
            nodes,
            lines: Cow::Borrowed(&plan.flows),
            between: Vec::new(),
            scale: None,
        };
    };
    let name = |k: usize| location_name(dataset, &plan.places[k].id, lang);
    let mut ids = ClusterIds::new(dataset);
    let mut nodes: Vec<Node> = level
        .groups
        .iter()
        .map(|g| {
            let lead = g.members[0];
            let (x, y) = zoom.apply(g.at.x, g.at.y);
            let place = &plan.places[lead];
            if g.members.len() == 1 {
                return Node {
                    id: Cow::Borrowed(place.id.as_str()),
                    at: Coord { x, y },
                    radius: place.radius,
                    text: Cow::Borrowed(name(lead)),
                    cluster: None,
                };
            }
            let others = g.members.len() - 1;
            let cluster_name =
                trf(lang, Msg::ClusterName, &[name(lead), &count(lang, others, Noun::Place)]);
            let id = ids.make(&place.id, others);
            Node {
                id: Cow::Owned(id.clone()),
                at: Coord { x, y },
                radius: cluster_radius(g.members.len()).max(place.radius),
                // The label is the name its screen-reader name starts with.
                text: Cow::Owned(cluster_name.clone()),
                cluster: Some(Cluster {
                    id,
                    places: g.members.iter().map(|&m| plan.places[m].id.clone()).collect(),
                    name: cluster_name,
                    out: Side::default(),
                    into: Side::default(),
                    inside: Vec::new(),
                }),
            }
        })
        .collect();
    let (lines, between, scale) = lines_between(dataset, plan, &level.of, &mut nodes, lang);
    Drawn { nodes, lines: Cow::Owned(lines), between, scale: Some(scale) }
}

/// Marker ids for clusters ("FRA+12") that no place and no other cluster has: a location id
/// may itself hold a "+".
struct ClusterIds<'a> {
    taken: HashSet<Cow<'a, str>>,
}

impl<'a> ClusterIds<'a> {
    /// Every location's id that a cluster's could equal (those with a "+"), drawn or not:
    /// a story or search may name any.
    fn new(dataset: &'a Dataset) -> Self {
        let locations = dataset.raw.locations.iter();
        let taken = locations.filter(|l| l.id.contains('+')).map(|l| l.id.as_str().into());
        ClusterIds { taken: taken.collect() }
    }

    /// The id of the cluster led by `lead` with `others` places: "+" added until it is free.
    fn make(&mut self, lead: &str, others: usize) -> String {
        let mut id = format!("{lead}+{others}");
        while self.taken.contains(id.as_str()) {
            id.push('+');
        }
        self.taken.insert(id.clone().into());
        id
    }
}

/// A cluster's marker radius: larger for more places, at most a little over a place's.
fn cluster_radius(places: usize) -> f64 {
    (4.0 + 0.5 * (places as f64).sqrt()).min(MARKER_RADIUS.1 + 2.0)
}

/// What lines are drawn as one between clusters: the same route between them, goods, claim,
/// spoken against or not, and currency or unit ([`crate::bundle`]'s rules).
type LineKey<'a> = (Vec<usize>, &'a str, ClaimStatus, bool, Option<&'a str>);

/// The plan's lines between the clusters (`of` gives each place's node), with each
/// cluster's flows out, in and inside counted on its node; and the route in words of each
/// line that joins different places of clusters, by its first flow.
fn lines_between(
    dataset: &Dataset,
    plan: &Plan,
    of: &[usize],
    nodes: &mut [Node],
    lang: Lang,
) -> (Vec<PlannedFlow>, Vec<(usize, String)>, WidthScale) {
    // Each drawn line with its key; grouped by sorting on the key (no hash table, which would
    // be one more copy of its code in the download).
    let mut keyed: Vec<(LineKey, &PlannedFlow)> = Vec::with_capacity(plan.flows.len());
    for line in &plan.flows {
        let mut route: Vec<usize> = line.route.iter().map(|&p| of[p]).collect();
        route.dedup();
        if let Some(c) = nodes[route[0]].cluster.as_mut() {
            if route.len() < 2 {
                add_members(&mut c.inside, line);
                continue;
            }
            add_members(&mut c.out.flows, line);
        }
        if let Some(c) = route.last().and_then(|&n| nodes[n].cluster.as_mut()) {
            add_members(&mut c.into.flows, line);
        }
        let f = &dataset.raw.flows[line.index];
        let measure = f.value.known().map(Quantity::measure);
        keyed.push(((route, f.category.as_str(), f.status, line.disputed, measure), line));
    }
    for c in nodes.iter_mut().filter_map(|n| n.cluster.as_mut()) {
        for list in [&mut c.out.flows, &mut c.into.flows, &mut c.inside] {
            crate::sort::sort(list);
        }
    }
    // One comparison of keys, for the sort and for finding where a run of equal keys ends.
    let compare = |a: usize, b: usize| keyed[a].0.cmp(&keyed[b].0);
    let order = crate::sort::order_of(keyed.len(), compare);
    let mut between = Vec::new();
    let mut lines: Vec<PlannedFlow> = Vec::new();
    let mut parts: Vec<&PlannedFlow> = Vec::new();
    for (n, &k) in order.iter().enumerate() {
        parts.push(keyed[k].1);
        if order.get(n + 1).is_some_and(|&next| compare(next, k).is_eq()) {
            continue;
        }
        let route = &keyed[k].0 .0;
        let line = one_line(dataset, route.clone(), &parts);
        if parts.len() > 1 && route.iter().any(|&n| nodes[n].cluster.is_some()) {
            between.push((line.index, route_words(nodes, route, lang)));
        }
        lines.push(line);
        parts.clear();
    }
    // Lines between clusters add up more than any line of single places: the scale reaches
    // the largest, so that widths still tell the lines apart.
    let scale = plan.scale.reaching(lines.iter().filter_map(|l| l.sum.as_deref()));
    let width_of = |i: usize| scale.flow_width(&dataset.raw.flows[i]);
    for line in &mut lines {
        line.width = match &line.sum {
            Some(q) => scale.figure_width(q),
            None => line.others.iter().fold(width_of(line.index), |w, &i| w.max(width_of(i))),
        };
        line.dash = dash_pattern(dataset.raw.flows[line.index].status, line.width);
    }
    crate::sort::sort_by(&mut lines, |a, b| a.index.cmp(&b.index));
    crate::sort::sort_by(&mut between, |a, b| a.0.cmp(&b.0));
    (lines, between, scale)
}

/// The lines `parts` (of the same goods, claim and measure) drawn as one along `route`: with
/// the sum of their figures where they add up ([`crate::bundle::line_sum`]), else counted.
/// Its width is set by the caller, once the scale of all lines is known.
fn one_line(dataset: &Dataset, route: Vec<usize>, parts: &[&PlannedFlow]) -> PlannedFlow {
    let first = parts[0];
    if parts.len() == 1 {
        return PlannedFlow { route, ..first.clone() };
    }
    let mut members: Vec<usize> = Vec::new();
    for l in parts {
        add_members(&mut members, l);
    }
    crate::sort::sort(&mut members);
    let sum = crate::bundle::line_sum(dataset, &members);
    let flows = || members.iter().map(|&i| &dataset.raw.flows[i]);
    PlannedFlow {
        index: members[0],
        route,
        undisclosed: flows().all(|f| matches!(f.value, FlowValue::Undisclosed(_))),
        others: members[1..].to_vec(),
        sum: sum.map(Box::new),
        ..first.clone()
    }
}

/// Adds the flows `line` draws (dataset indices) to `list`.
fn add_members(list: &mut Vec<usize>, line: &PlannedFlow) {
    list.push(line.index);
    list.extend_from_slice(&line.others);
}

/// A line's route through `nodes` in words: "Frankfurt and 12 places nearby to London".
fn route_words(nodes: &[Node], route: &[usize], lang: Lang) -> String {
    let name = |n: usize| match &nodes[n].cluster {
        Some(c) => c.name.clone(),
        None => nodes[n].text.to_string(),
    };
    let (first, last) = (route[0], route[route.len() - 1]);
    let mut s = trf(lang, Msg::FromTo, &[&name(first), &name(last)]);
    if route.len() > 2 {
        let via: Vec<String> = route[1..route.len() - 1].iter().map(|&n| name(n)).collect();
        s.push(' ');
        s.push_str(&trf(lang, Msg::Via, &[&via.join(&format!(" {} ", tr(lang, Msg::And)))]));
    }
    s
}

impl Cluster {
    /// How many places it holds.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Always false: a cluster holds at least two places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Its flows out, in and inside in words, for its tooltip: "Out: 12 flows, 3,400
    /// flights", "In: …", "Between these places: 3 flows, not drawn as lines".
    pub fn totals(&self, dataset: &Dataset, lang: Lang) -> [String; 3] {
        let side = |msg, s: &Side| {
            trf(lang, msg, &[&count(lang, s.flows.len(), Noun::Flow), &s.text(dataset, lang)])
        };
        [
            side(Msg::TotalsOut, &self.out),
            side(Msg::TotalsIn, &self.into),
            trf(lang, Msg::ClusterInside, &[&count(lang, self.inside.len(), Noun::Flow)]),
        ]
    }

    /// Its first `n` places by name, the rest counted: "Airport 1, Airport 7, and 10 more".
    pub fn place_names(&self, dataset: &Dataset, n: usize, lang: Lang) -> String {
        let shown = if self.places.len() > n + 1 { n } else { self.places.len() };
        let mut names: Vec<String> = self.places[..shown]
            .iter()
            .map(|p| location_name(dataset, p, lang).to_string())
            .collect();
        if shown < self.places.len() {
            let more = crate::format::grouped((self.places.len() - shown) as u64, lang);
            names.push(trf(lang, Msg::AndMore, &[&more]));
        }
        names.join(", ")
    }

    /// Its marker's name for screen readers: what it holds and its flows out, in and inside.
    pub fn label(&self, dataset: &Dataset, lang: Lang) -> String {
        trf(
            lang,
            Msg::ClusterLabel,
            &[
                &self.name,
                &count(lang, self.out.flows.len(), Noun::Flow),
                &self.out.text(dataset, lang),
                &count(lang, self.into.flows.len(), Noun::Flow),
                &self.into.text(dataset, lang),
                &count(lang, self.inside.len(), Noun::Flow),
            ],
        )
    }
}

impl super::MapLayout {
    /// The cluster drawn by the marker `id`, if it is one.
    pub fn cluster(&self, id: &str) -> Option<&Cluster> {
        let k = self.clusters.binary_search_by(|c| c.id.as_str().cmp(id)).ok()?;
        Some(&self.clusters[k])
    }

    /// The id of the marker that draws location `id`: its own, or its cluster's.
    pub fn marker_of<'a>(&'a self, id: &'a str) -> &'a str {
        match self.drawn_at.binary_search_by(|(p, _)| p.as_str().cmp(id)) {
            Ok(k) => &self.clusters[self.drawn_at[k].1].id,
            Err(_) => id,
        }
    }

    /// The marker that draws location `id` (its own, or its cluster's), if one is drawn.
    pub fn marker_drawing(&self, id: &str) -> Option<&super::Marker> {
        let id = self.marker_of(id);
        self.markers.iter().find(|m| m.id == id)
    }

    /// The name of a line of several flows for screen readers ([`crate::bundle::line_name`]),
    /// naming the clusters it joins when it joins different places of some.
    pub fn line_name(&self, dataset: &Dataset, shape: &super::FlowShape, lang: Lang) -> String {
        let members = shape.others.len() + 1;
        let total =
            crate::bundle::line_total(members, shape.sum.as_deref(), shape.undisclosed, lang);
        let first = &dataset.raw.flows[shape.index];
        let plain = crate::bundle::line_name(dataset, first, &total, lang);
        match self.between_words(shape.index) {
            // The same words after the route's.
            Some(route) => {
                let own = crate::describe::route_words(dataset, first, lang);
                format!("{route}{}", plain.strip_prefix(own.as_str()).unwrap_or(&plain))
            }
            None => plain,
        }
    }

    /// The route in words of the line that draws flow `index`, when it joins clusters.
    pub fn between_words(&self, index: usize) -> Option<&str> {
        let line = self.line_of(index)?.index;
        let k = self.between.binary_search_by(|(i, _)| i.cmp(&line)).ok()?;
        Some(&self.between[k].1)
    }
}
