//! The view a link reopens: filters, the pinned flow, the place found and the zoom, kept in
//! the URL hash as
//! `#cat=-arms&status=-alleged&src=svr&from=2023-01&to=2024&flow=kits&place=SRB&zoom=2,-100,-50`.
//! Hidden categories and statuses carry a leading `-`, so a link stays short and new
//! categories in a later version of the dataset show by default. A story's step is only
//! its number, `#step=3`: the step's view is in the dataset ([`crate::story`]).

use crate::date::PartialDate;
use crate::decimal::Fixed;
use crate::filter::Filter;
use crate::model::ClaimStatus;
use crate::query::percent_decode;
use crate::zoom::Zoom;
use std::collections::BTreeSet;

/// Everything about the current view that a shared link should restore.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// The reader's filters.
    pub filter: Filter,
    /// Id of the pinned flow.
    pub selected: Option<String>,
    /// Id of the place chosen in the search, whose flows are highlighted.
    pub place: Option<String>,
    /// Zoom and pan.
    pub zoom: Zoom,
    /// The story step shown (from 1), when the view is that step's.
    pub step: Option<usize>,
}

/// Escapes what would break a hash parameter.
fn escape(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char);
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl ViewState {
    /// The hash, without `#`; empty for the default view.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::view_state::ViewState;
    /// let mut v = ViewState::default();
    /// assert_eq!(v.to_hash(), "");
    /// v.selected = Some("kits".into());
    /// v.filter.hidden_categories.insert("arms".into());
    /// assert_eq!(v.to_hash(), "cat=-arms&flow=kits");
    /// assert_eq!(ViewState::from_hash("#cat=-arms&flow=kits"), v);
    /// ```
    pub fn to_hash(&self) -> String {
        if let Some(n) = self.step {
            return format!("step={n}");
        }
        let f = &self.filter;
        let mut parts = Vec::new();
        let minus = |items: Vec<String>| {
            items.iter().map(|s| format!("-{}", escape(s))).collect::<Vec<_>>().join(",")
        };
        if !f.hidden_categories.is_empty() {
            parts.push(format!("cat={}", minus(f.hidden_categories.iter().cloned().collect())));
        }
        if !f.hidden_statuses.is_empty() {
            parts.push(format!(
                "status={}",
                minus(f.hidden_statuses.iter().map(|s| s.key().to_string()).collect())
            ));
        }
        if let Some(s) = &f.source {
            parts.push(format!("src={}", escape(s)));
        }
        if let Some(s) = &f.speaker {
            parts.push(format!("who={}", escape(s)));
        }
        if let Some(d) = &f.from {
            parts.push(format!("from={d}"));
        }
        if let Some(d) = &f.to {
            parts.push(format!("to={d}"));
        }
        if let Some(s) = &self.selected {
            parts.push(format!("flow={}", escape(s)));
        }
        if let Some(p) = &self.place {
            parts.push(format!("place={}", escape(p)));
        }
        if !self.zoom.is_identity() {
            let z = &self.zoom;
            parts.push(format!("zoom={},{},{}", Fixed(z.k, 3), Fixed(z.x, 1), Fixed(z.y, 1)));
        }
        parts.join("&")
    }

    /// Reads a hash (with or without `#`); unknown or malformed parts are ignored, so an
    /// old or mangled link still opens the map.
    pub fn from_hash(hash: &str) -> ViewState {
        let mut v = ViewState::default();
        for pair in hash.trim_start_matches('#').split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let list = || value.split(',').filter_map(|s| s.strip_prefix('-')).map(percent_decode);
            match key {
                // Sets filled by insertion: collecting into one sorts first, with its own
                // copy of the standard sort in the wasm.
                "cat" => v.filter.hidden_categories = filled(list()),
                "status" => {
                    v.filter.hidden_statuses = filled(
                        list().filter_map(|k| ClaimStatus::ALL.into_iter().find(|s| s.key() == k)),
                    );
                }
                "src" => v.filter.source = Some(percent_decode(value)).filter(|s| !s.is_empty()),
                "who" => v.filter.speaker = Some(percent_decode(value)).filter(|s| !s.is_empty()),
                "from" => v.filter.from = value.parse::<PartialDate>().ok(),
                "to" => v.filter.to = value.parse::<PartialDate>().ok(),
                "flow" => v.selected = Some(percent_decode(value)).filter(|s| !s.is_empty()),
                "place" => v.place = Some(percent_decode(value)).filter(|s| !s.is_empty()),
                "step" => v.step = value.parse().ok().filter(|n| *n > 0),
                "zoom" => {
                    let n: Vec<f64> = value.split(',').filter_map(crate::math::parse_f64).collect();
                    if let [k, x, y] = n[..] {
                        // Read at the precision a link writes, so that it reads back the same;
                        // a scale outside the zoom's range is brought into it. (Rounding
                        // 1e308 overflows: the finite check comes after it.)
                        let (min, max) = crate::zoom::ZOOM_RANGE;
                        let k = crate::math::clamp((k * 1000.0).round() / 1000.0, min, max);
                        let (x, y) = ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0);
                        if k.is_finite() && x.is_finite() && y.is_finite() {
                            v.zoom = Zoom { k, x, y };
                        }
                    }
                }
                _ => {}
            }
        }
        v
    }
}

/// The set of `items`, inserted one by one.
fn filled<T: Ord>(items: impl Iterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::ClaimStatus;

    #[test]
    fn full_round_trip() {
        let v = ViewState {
            filter: Filter {
                hidden_categories: ["arms".to_string(), "dual use/goods".to_string()].into(),
                hidden_statuses: [ClaimStatus::Alleged, ClaimStatus::Unverified].into(),
                source: Some("bne-2023-11-09".into()),
                speaker: Some("svr".into()),
                from: Some("2023-01".parse().unwrap()),
                to: Some("2024".parse().unwrap()),
            },
            selected: Some("srb-cze-ukr-grad".into()),
            place: Some("SRB".into()),
            zoom: Zoom { k: 2.5, x: -120.5, y: -30.0 },
            step: None,
        };
        let hash = v.to_hash();
        assert_eq!(
            hash,
            "cat=-arms,-dual%20use%2Fgoods&status=-alleged,-unverified&src=bne-2023-11-09&who=svr&from=2023-01&to=2024\
             &flow=srb-cze-ukr-grad&place=SRB&zoom=2.500,-120.5,-30.0"
        );
        assert_eq!(ViewState::from_hash(&format!("#{hash}")), v);
    }

    #[test]
    fn a_step_is_written_as_its_number_alone() {
        let v = ViewState { step: Some(3), selected: Some("kits".into()), ..ViewState::default() };
        assert_eq!(v.to_hash(), "step=3");
        assert_eq!(ViewState::from_hash("#step=3").step, Some(3));
        assert_eq!(ViewState::from_hash("#step=-1&step=x").step, None);
    }

    #[test]
    fn junk_is_ignored() {
        let v = ViewState::from_hash(
            "#zoom=NaN,1,2&from=2023-13&status=-rumoured&what=ever&flow=&place=",
        );
        assert_eq!(v, ViewState::default());
    }

    /// Found by fuzzing: `zoom=0,…` and negative scales were taken as they were.
    #[test]
    fn a_zoom_out_of_range_is_brought_into_it_and_reads_back_the_same() {
        let (min, max) = crate::zoom::ZOOM_RANGE;
        assert_eq!(ViewState::from_hash("#zoom=-3,10,-3").zoom.k, min);
        assert_eq!(ViewState::from_hash("#zoom=1e300,0,0").zoom.k, max);
        assert!(
            ViewState::from_hash("#zoom=1.5,1e308,-3").zoom.is_identity(),
            "a pan that overflows"
        );
        let v = ViewState::from_hash("#zoom=1.0004,0.04,-7.06");
        assert_eq!(ViewState::from_hash(&v.to_hash()), v);
    }
}
