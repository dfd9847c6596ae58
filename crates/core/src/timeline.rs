//! The time axis of the filters: months from the earliest to the latest date in the data.

use crate::dataset::Dataset;
use crate::date::PartialDate;

/// A month as a count since year 0 (January 2023 = 2023 × 12).
pub type Month = i32;

/// The month a date starts in (`earliest`) or ends in.
pub fn month_of(d: &PartialDate, earliest: bool) -> Month {
    let (y, m, _) = if earliest { d.earliest() } else { d.latest() };
    y * 12 + m as i32 - 1
}

/// The month as a `YYYY-MM` date.
pub fn date_of(m: Month) -> PartialDate {
    PartialDate { year: m.div_euclid(12), month: Some((m.rem_euclid(12) + 1) as u8), day: None }
}

/// The span of months the dataset's periods and events cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeline {
    /// First month.
    pub start: Month,
    /// Last month.
    pub end: Month,
}

impl Timeline {
    /// `None` when nothing in the dataset is dated.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{dataset::Dataset, timeline::{Timeline, date_of}};
    /// let d = Dataset::from_json("d", include_str!("../tests/fixtures/two_flows.json")).unwrap();
    /// let t = Timeline::of(&d).unwrap();
    /// assert_eq!((date_of(t.start).to_string(), date_of(t.end).to_string()), ("2022-03".into(), "2023-07".into()));
    /// ```
    pub fn of(dataset: &Dataset) -> Option<Timeline> {
        let mut months = Vec::new();
        for f in &dataset.raw.flows {
            if let Some(p) = &f.period {
                months.extend(p.start.iter().map(|d| month_of(d, true)));
                months.extend(p.end.iter().map(|d| month_of(d, false)));
            }
        }
        months.extend(dataset.raw.events.iter().map(|e| month_of(&e.date, true)));
        Some(Timeline { start: *months.iter().min()?, end: *months.iter().max()? })
    }

    /// Where a month lies along the axis, 0 to 1.
    pub fn fraction(&self, m: Month) -> f64 {
        if self.end == self.start {
            return 0.5;
        }
        (m - self.start) as f64 / (self.end - self.start) as f64
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn months_round_trip() {
        let d: PartialDate = "2023".parse().unwrap();
        assert_eq!(date_of(month_of(&d, true)).to_string(), "2023-01");
        assert_eq!(date_of(month_of(&d, false)).to_string(), "2023-12");
        let t = Timeline {
            start: month_of(&"2022-01".parse().unwrap(), true),
            end: month_of(&"2022-12".parse().unwrap(), true),
        };
        assert!((t.fraction(t.start + 11) - 1.0).abs() < 1e-12);
    }
}
