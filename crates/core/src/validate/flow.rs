//! Checks of a flow (its references, route, figure, period, texts and citations) and of an
//! event.

use super::Checker;
use crate::model::{Event, Flow, FlowValue, Source, Speaker};
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
        let path = format!("flows[{i}]");
        let before = self.problems.len();
        let name = format!("flow \"{}\"", f.id);
        self.unique_id(seen, format!("{path}.id"), "flow", &f.id);
        self.references(known, &path, &name, f);
        self.route(&path, &name, f);
        if let FlowValue::Known(q) = &f.value {
            crate::quantity::check(&mut self.problems, &format!("{path}.value"), &name, q);
        }
        if let Some(p) = f.period.as_ref().filter(|p| p.is_reversed()) {
            let (a, b) = (p.start.unwrap(), p.end.unwrap());
            self.report(
                format!("{path}.period"),
                format!("{name} ends ({b}) before it starts ({a})"),
            );
        }
        self.not_blank(
            format!("{path}.description"),
            &format!("the description of {name}"),
            &f.description,
        );
        if f.citations.is_empty() {
            self.report(
                format!("{path}.citations"),
                format!("{name} has no citation; every flow needs a source"),
            );
        }
        for (j, cit) in f.citations.iter().enumerate().filter(|(_, c)| c.quote.trim().is_empty()) {
            self.report(
                format!("{path}.citations[{j}].quote"),
                format!("{name} cites \"{}\" without a quote", cit.source),
            );
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

    /// Places, category, sources and speakers the flow names must be kept items.
    fn references(&mut self, known: &Known, path: &str, name: &str, f: &Flow) {
        let refer =
            |c: &mut Checker, set: &HashSet<String>, field: String, what: &str, id: &str| {
                if !set.contains(id) {
                    let why = c.missing(id);
                    c.report(
                        format!("{path}.{field}"),
                        format!("{name} refers to {what} \"{id}\", {why}"),
                    );
                }
            };
        refer(self, &known.locations, "from".into(), "location", &f.from);
        refer(self, &known.locations, "to".into(), "location", &f.to);
        for (j, v) in f.via.iter().enumerate() {
            refer(self, &known.locations, format!("via[{j}]"), "location", v);
        }
        refer(self, &known.categories, "category".into(), "category", &f.category);
        for (j, cit) in f.citations.iter().enumerate() {
            refer(self, &known.sources, format!("citations[{j}].source"), "source", &cit.source);
            refer(
                self,
                &known.speakers,
                format!("citations[{j}].speaker"),
                "speaker",
                &cit.speaker,
            );
        }
    }

    /// The route visits each place once.
    fn route(&mut self, path: &str, name: &str, f: &Flow) {
        if f.from == f.to {
            self.report(
                format!("{path}.to"),
                format!("{name} starts and ends at \"{}\"; a flow needs two places", f.to),
            );
        }
        let mut visited = HashSet::from([f.from.as_str(), f.to.as_str()]);
        for (j, v) in f.via.iter().enumerate() {
            if !visited.insert(v.as_str()) {
                self.report(
                    format!("{path}.via[{j}]"),
                    format!("{name} passes through \"{v}\" twice or through one of its own ends; a route visits each place once"),
                );
            }
        }
    }

    /// An event: a label, and sources that are kept.
    pub(super) fn event(&mut self, known: &Known, i: usize, e: &mut Event) -> bool {
        let mut ok =
            self.not_blank(format!("events[{i}].label"), "the label of an event", &e.label);
        for (j, s) in e.sources.iter().enumerate().filter(|(_, s)| !known.sources.contains(*s)) {
            let message = format!("an event refers to source \"{s}\", {}", self.missing(s));
            self.report(format!("events[{i}].sources[{j}]"), message);
            ok = false;
        }
        ok
    }
}
