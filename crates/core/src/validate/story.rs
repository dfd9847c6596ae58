//! Checks of the story's steps: texts, who says so, and what each step's view and callouts
//! refer to. A step without a title or text is left out; a reference to something the
//! dataset does not have is dropped from the step, which stays.

use super::flow::Known;
use super::Checker;
use crate::json_path::JsonPath;
use crate::story::{Annotation, Step};
use std::collections::HashSet;

impl Checker {
    /// Step `i`; `flows` are the ids of the flows kept.
    pub(super) fn step(
        &mut self,
        known: &Known,
        flows: &HashSet<String>,
        i: usize,
        s: &mut Step,
    ) -> bool {
        let path = self.at("story", i);
        let name = format!("story step {}", i + 1);
        let ok = self.not_blank(path.key("title"), &format!("the title of {name}"), &s.title)
            & self.not_blank(path.key("text"), &format!("the text of {name}"), &s.text);
        let mut j = 0;
        s.cites.retain(|c| {
            let at = path.key("cites").index(j);
            j += 1;
            let missing =
                [("speaker", &c.speaker, &known.speakers), ("source", &c.source, &known.sources)]
                    .into_iter()
                    .find(|(_, id, ids)| !ids.contains(*id));
            if let Some((kind, id, _)) = missing {
                let message = format!(
                    "{name} cites {kind} \"{id}\", {}; the citation is left out",
                    self.missing(id)
                );
                self.report(at.key(kind), message);
            }
            missing.is_none()
        });
        let view = path.key("view");
        let v = &mut s.view;
        self.known_ids(
            &view.key("categories"),
            &name,
            "category",
            &mut v.categories,
            &known.categories,
        );
        self.known_ids(&view.key("places"), &name, "location", &mut v.places, &known.locations);
        self.known_ids(&view.key("extent"), &name, "location", &mut v.extent, &known.locations);
        for (key, kind, id, ids) in [
            ("source", "source", &mut v.source, &known.sources),
            ("speaker", "speaker", &mut v.speaker, &known.speakers),
            ("flow", "flow", &mut v.flow, flows),
        ] {
            if let Some(missing) = id.take_if(|id| !ids.contains(id)) {
                let message = format!(
                    "{name} shows {kind} \"{missing}\", {}; the step is shown without it",
                    self.missing(&missing)
                );
                self.report(view.key(key), message);
            }
        }
        let notes = path.key("annotations");
        let mut j = 0;
        s.annotations.retain(|a| {
            let kept = self.annotation(known, flows, &notes.index(j), a);
            j += 1;
            kept
        });
        ok
    }

    /// Drops the ids of `list` that are not in `ids`, reporting each.
    fn known_ids(
        &mut self,
        path: &JsonPath,
        name: &str,
        kind: &str,
        list: &mut Vec<String>,
        ids: &HashSet<String>,
    ) {
        let mut j = 0;
        list.retain(|id| {
            let known = ids.contains(id);
            if !known {
                let message = format!(
                    "{name} refers to {kind} \"{id}\", {}; it is left out of the step",
                    self.missing(id)
                );
                self.report(path.clone().index(j), message);
            }
            j += 1;
            known
        });
    }

    /// A callout: text, and exactly one anchor that exists.
    fn annotation(
        &mut self,
        known: &Known,
        flows: &HashSet<String>,
        path: &JsonPath,
        a: &Annotation,
    ) -> bool {
        if !self.not_blank(path.key("text"), "the text of a callout", &a.text) {
            return false;
        }
        let anchors = [a.place.is_some(), a.flow.is_some(), a.point.is_some()];
        if anchors.iter().filter(|x| **x).count() != 1 {
            let message = "a callout needs exactly one of \"place\", \"flow\" or \"point\" to be anchored to; it is left out".to_string();
            self.report(path.clone(), message);
            return false;
        }
        let missing = match (&a.place, &a.flow, a.point) {
            (Some(id), _, _) if !known.locations.contains(id) => Some(("place", "location", id)),
            (_, Some(id), _) if !flows.contains(id) => Some(("flow", "flow", id)),
            (_, _, Some([lon, lat])) if !(lon.abs() <= 180.0 && lat.abs() <= 90.0) => {
                self.report(
                    path.key("point"),
                    "a callout's point is not a [longitude, latitude] pair (−180…180, −90…90); it is left out".into(),
                );
                return false;
            }
            _ => None,
        };
        if let Some((key, kind, id)) = missing {
            let message = format!(
                "a callout is anchored to {kind} \"{id}\", {}; it is left out",
                self.missing(id)
            );
            self.report(path.key(key), message);
            return false;
        }
        true
    }
}

#[cfg(test)]
mod test {
    use crate::dataset::Dataset;

    #[test]
    fn bad_references_are_dropped_from_the_step_by_path() {
        let d = Dataset::from_json(
            "d.json",
            r#"{"version": 2, "meta": {"title": "T"}, "locations": [{"id": "SRB", "name": "Serbia"}],
            "categories": [{"id": "arms", "name": "Arms"}], "sources": [], "flows": [],
            "story": [
              {"title": "One", "text": "t", "cites": [{"speaker": "svr", "source": "s"}],
               "view": {"categories": ["arms", "gas"], "flow": "kits", "extent": ["SRB", "XXX"]},
               "annotations": [{"text": "a", "place": "SRB", "point": [1, 2]}, {"text": "b", "place": "CZE"},
                               {"text": "c", "point": [200, 0]}, {"text": "d", "place": "SRB"}]},
              {"title": " ", "text": "t"}
            ]}"#,
        )
        .unwrap();
        let problems: Vec<String> = d.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "story[0].cites[0].speaker: story step 1 cites speaker \"svr\", which is not defined; the citation is left out",
                "story[0].view.categories[1]: story step 1 refers to category \"gas\", which is not defined; it is left out of the step",
                "story[0].view.extent[1]: story step 1 refers to location \"XXX\", which is not defined; it is left out of the step",
                "story[0].view.flow: story step 1 shows flow \"kits\", which is not defined; the step is shown without it",
                "story[0].annotations[0]: a callout needs exactly one of \"place\", \"flow\" or \"point\" to be anchored to; it is left out",
                "story[0].annotations[1].place: a callout is anchored to location \"CZE\", which is not defined; it is left out",
                "story[0].annotations[2].point: a callout's point is not a [longitude, latitude] pair (−180…180, −90…90); it is left out",
                "story[1].title: the title of story step 2 is empty; write the text shown to readers",
            ]
        );
        let s = &d.raw.story;
        assert_eq!(s.len(), 1);
        assert_eq!(
            (s[0].view.categories.len(), s[0].view.extent.len(), s[0].annotations.len()),
            (1, 1, 1)
        );
        assert!(s[0].cites.is_empty() && s[0].view.flow.is_none());
    }
}
