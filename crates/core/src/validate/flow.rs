//! Checks of a flow (its references, route, figure, period, texts and citations) and of an
//! event.

use super::Checker;
use crate::json_path::JsonPath;
use crate::model::{Citation, Event, Flow, FlowValue, Source, SourceKind, Speaker};
use std::collections::HashSet;

/// The ids flows and events may refer to: those of the items kept.
pub(super) struct Known {
    pub locations: HashSet<String>,
    pub categories: HashSet<String>,
    pub sources: HashSet<String>,
    pub speakers: HashSet<String>,
}

impl Checker {
    /// A flow. Anything wrong leaves it out ("(flow not shown)"); a warning (a claim status
    /// stronger than its citations allow, a unit without words) leaves it shown.
    pub(super) fn flow(
        &mut self,
        seen: &mut HashSet<String>,
        known: &Known,
        sources: &[Source],
        speakers: &[Speaker],
        i: usize,
        f: &mut Flow,
    ) -> bool {
        let path = self.at("flows", i);
        let before = self.problems.len();
        let name = format!("flow \"{}\"", f.id);
        // Over the limit, the flow is left out before its citations are checked one by one
        // (10,000 of them would each report the same missing source).
        if f.citations.len() > crate::limits::MAX_CITATIONS {
            let (n, most) = (f.citations.len(), crate::limits::MAX_CITATIONS);
            self.report(
                path.key("citations"),
                format!("{name} has {n} citations; the map shows flows with up to {most} (flow not shown)"),
            );
            return false;
        }
        self.unique_id(seen, &path, "flow", &f.id);
        self.references(known, &path, &name, f);
        self.route(&path, &name, f);
        if let FlowValue::Known(q) = &f.value {
            crate::quantity::check(&mut self.problems, &path.key("value"), &name, q);
        }
        if let Some(p) = f.period.as_ref().filter(|p| p.is_reversed()) {
            let (a, b) = (p.start.unwrap(), p.end.unwrap());
            self.report(path.key("period"), format!("{name} ends ({b}) before it starts ({a})"));
        }
        // (The paths and words of a problem are made only when there is one: 100,000 flows.)
        if f.description.is_blank() {
            self.not_blank(
                path.key("description"),
                &format!("the description of {name}"),
                &f.description,
            );
        }
        if f.citations.is_empty() {
            self.report(
                path.key("citations"),
                format!("{name} has no citation; every flow needs a source"),
            );
        }
        for (j, cit) in f.citations.iter().enumerate() {
            self.evidence(&|| path.key("citations").index(j), &name, cit, sources);
        }
        let ok = self.problems[before..].iter().all(|p| p.warning);
        if ok {
            crate::claims::check(sources, speakers, &path, f, &mut self.problems);
        } else {
            for p in self.problems[before..].iter_mut().filter(|p| !p.warning) {
                p.message.push_str(" (flow not shown)");
            }
        }
        ok
    }

    /// What a citation shows readers: the sentence quoted, or for a `dataset` source the
    /// table or series the figure comes from (a quote is then optional). A dataset cited
    /// without an address for its table is a warning.
    fn evidence(
        &mut self,
        at: &dyn Fn() -> JsonPath,
        name: &str,
        cit: &Citation,
        sources: &[Source],
    ) {
        let has_quote = !cit.quote.trim().is_empty();
        let series = cit.series.as_deref().map(str::trim);
        let source = sources.iter().find(|s| s.id == cit.source);
        let dataset = source.is_some_and(|s| s.kind == SourceKind::Dataset);
        if series == Some("") {
            self.report(at().key("series"), format!("{name} cites \"{}\" with an empty series; name the table or series, or leave series out", cit.source));
        } else if series.is_some() && !dataset && source.is_some() {
            self.report(at().key("series"), format!("{name} names a series for \"{}\", which is not a dataset source; a series (a table of a statistics office or database) goes with a source of kind \"dataset\"", cit.source));
        } else if !has_quote && dataset && series.is_none() {
            self.report(at().key("series"), format!("{name} cites the dataset \"{}\" without a quote or a series; name the table or series the figure comes from", cit.source));
        } else if !has_quote && !dataset {
            self.report(
                at().key("quote"),
                format!("{name} cites \"{}\" without a quote", cit.source),
            );
        } else if !has_quote && source.is_some_and(|s| s.url.is_none()) {
            self.warn(at().key("series"), format!("{name} cites the dataset \"{}\" by its series alone, and the source has no url; give the address where readers find the table", cit.source));
        }
    }

    /// Places, category, sources and speakers the flow names must be kept items.
    fn references(&mut self, known: &Known, path: &JsonPath, name: &str, f: &Flow) {
        let refer = |c: &mut Checker,
                     set: &HashSet<String>,
                     at: &dyn Fn() -> JsonPath,
                     what: &str,
                     id: &str| {
            if !set.contains(id) {
                let why = c.missing(id);
                c.report(at(), format!("{name} refers to {what} \"{id}\", {why}"));
            }
        };
        refer(self, &known.locations, &|| path.key("from"), "location", &f.from);
        refer(self, &known.locations, &|| path.key("to"), "location", &f.to);
        for (j, v) in f.via.iter().enumerate() {
            refer(self, &known.locations, &|| path.key("via").index(j), "location", v);
        }
        refer(self, &known.categories, &|| path.key("category"), "category", &f.category);
        for (j, cit) in f.citations.iter().enumerate() {
            let at = || path.key("citations").index(j);
            refer(self, &known.sources, &|| at().key("source"), "source", &cit.source);
            refer(self, &known.speakers, &|| at().key("speaker"), "speaker", &cit.speaker);
        }
    }

    /// The route visits each place once.
    fn route(&mut self, path: &JsonPath, name: &str, f: &Flow) {
        if f.from == f.to {
            self.report(
                path.key("to"),
                format!("{name} starts and ends at \"{}\"; a flow needs two places", f.to),
            );
        }
        let mut visited = HashSet::from([f.from.as_str(), f.to.as_str()]);
        for (j, v) in f.via.iter().enumerate() {
            if !visited.insert(v.as_str()) {
                self.report(
                    path.key("via").index(j),
                    format!("{name} passes through \"{v}\" twice or through one of its own ends; a route visits each place once"),
                );
            }
        }
    }

    /// An event: a label, and sources that are kept.
    pub(super) fn event(&mut self, known: &Known, i: usize, e: &mut Event) -> bool {
        let path = self.at("events", i);
        let mut ok = self.not_blank(path.key("label"), "the label of an event", &e.label);
        for (j, s) in e.sources.iter().enumerate().filter(|(_, s)| !known.sources.contains(*s)) {
            let message = format!("an event refers to source \"{s}\", {}", self.missing(s));
            self.report(path.key("sources").index(j), message);
            ok = false;
        }
        ok
    }
}
