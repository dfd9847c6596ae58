//! Dates as precise as the reporting: a year, a month or a day.

use crate::i18n::{trf, Lang, Msg};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day of month, if known.
    pub day: Option<u8>,
}

/// Why a date string was refused.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("\"{0}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct DateError(pub String);

/// Month names in `lang`: standing alone ("июль 2023") and after a day or "since"
/// ("23 июня 2025", "с июня 2025"). Serbian Cyrillic is transliterated from Latin.
fn months(lang: Lang) -> ([&'static str; 12], [&'static str; 12]) {
    const EN: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match lang {
        Lang::En => (EN, EN),
        Lang::Ru => (
            [
                "январь",
                "февраль",
                "март",
                "апрель",
                "май",
                "июнь",
                "июль",
                "август",
                "сентябрь",
                "октябрь",
                "ноябрь",
                "декабрь",
            ],
            [
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря",
            ],
        ),
        Lang::Uk => (
            [
                "січень",
                "лютий",
                "березень",
                "квітень",
                "травень",
                "червень",
                "липень",
                "серпень",
                "вересень",
                "жовтень",
                "листопад",
                "грудень",
            ],
            [
                "січня",
                "лютого",
                "березня",
                "квітня",
                "травня",
                "червня",
                "липня",
                "серпня",
                "вересня",
                "жовтня",
                "листопада",
                "грудня",
            ],
        ),
        Lang::SrLatn | Lang::SrCyrl => (
            [
                "januar",
                "februar",
                "mart",
                "april",
                "maj",
                "jun",
                "jul",
                "avgust",
                "septembar",
                "oktobar",
                "novembar",
                "decembar",
            ],
            [
                "januara",
                "februara",
                "marta",
                "aprila",
                "maja",
                "juna",
                "jula",
                "avgusta",
                "septembra",
                "oktobra",
                "novembra",
                "decembra",
            ],
        ),
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError(s.to_string());
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        };
        let year = num(parts.first().ok_or_else(err)?, 4).ok_or_else(err)? as i32;
        let month = match parts.get(1) {
            Some(m) => Some(num(m, 2).filter(|m| (1..=12).contains(m)).ok_or_else(err)? as u8),
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(d), Some(m)) => Some(
                num(d, 2)
                    .filter(|d| *d >= 1 && *d <= days_in_month(year, m) as u32)
                    .ok_or_else(err)? as u8,
            ),
            _ => None,
        };
        if parts.len() > 3 {
            return Err(err());
        }
        Ok(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    /// ISO form, as written in datasets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl PartialDate {
    /// The first day this date can mean, as `(year, month, day)`.
    pub fn earliest(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean, as `(year, month, day)`.
    pub fn latest(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (self.year, month, self.day.unwrap_or_else(|| days_in_month(self.year, month)))
    }

    /// Reading form in `lang`: "2023", "Jul 2023", "23 Jun 2025"; "23 июня 2025";
    /// "23. juna 2025.".
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::{date::PartialDate, i18n::Lang};
    /// let d: PartialDate = "2025-06-23".parse().unwrap();
    /// assert_eq!(d.human(Lang::En), "23 Jun 2025");
    /// assert_eq!(d.human(Lang::Uk), "23 червня 2025");
    /// ```
    pub fn human(&self, lang: Lang) -> String {
        self.reading(lang, false)
    }

    /// The reading form; `governed` picks the month form used after a preposition
    /// ("с июня 2025").
    fn reading(&self, lang: Lang, governed: bool) -> String {
        let (alone, after) = months(lang);
        let serbian = matches!(lang, Lang::SrLatn | Lang::SrCyrl);
        let text = match (self.month, self.day) {
            (Some(m), Some(d)) if serbian => {
                format!("{d}. {} {}.", after[m as usize - 1], self.year)
            }
            (Some(m), Some(d)) => format!("{d} {} {}", after[m as usize - 1], self.year),
            (Some(m), None) if serbian => {
                format!("{} {}.", if governed { after } else { alone }[m as usize - 1], self.year)
            }
            (Some(m), None) => {
                format!("{} {}", if governed { after } else { alone }[m as usize - 1], self.year)
            }
            _ if serbian => format!("{}.", self.year),
            _ => self.year.to_string(),
        };
        if lang == Lang::SrCyrl {
            crate::i18n::to_cyrillic(&text)
        } else {
            text
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A span of time; either end may be open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First month or day covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    /// Last month or day covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
}

impl Period {
    /// True when the period ends before it starts ("2023" to "2023-05" is fine).
    pub fn is_reversed(&self) -> bool {
        matches!((&self.start, &self.end), (Some(a), Some(b)) if b.latest() < a.earliest())
    }

    /// "Mar 2022 – Jul 2023", "since Feb 2022", "until 2023", or "" when open at both ends;
    /// in `lang`.
    pub fn human(&self, lang: Lang) -> String {
        match (&self.start, &self.end) {
            (Some(a), Some(b)) if a == b => a.human(lang),
            (Some(a), Some(b)) => format!("{} – {}", a.human(lang), b.human(lang)),
            (Some(a), None) => trf(lang, Msg::Since, &[&a.reading(lang, true)]),
            (None, Some(b)) => trf(lang, Msg::Until, &[&b.reading(lang, true)]),
            (None, None) => String::new(),
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!("2023".parse(), Ok(PartialDate { year: 2023, month: None, day: None }));
        assert_eq!("2023-07".parse::<PartialDate>().unwrap().human(Lang::En), "Jul 2023");
        assert_eq!("2024-02-29".parse::<PartialDate>().unwrap().to_string(), "2024-02-29");
    }

    #[test]
    fn refuses_impossible_dates() {
        for bad in ["2023-13", "2023-02-29", "23-01", "2023-1", "2023-06-31", "June 2023", ""] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn reversed_periods_are_found_at_any_precision() {
        let p = |a: &str, b: &str| Period {
            start: Some(a.parse().unwrap()),
            end: Some(b.parse().unwrap()),
        };
        assert!(p("2023-07", "2023-03").is_reversed());
        assert!(!p("2023-05", "2023").is_reversed());
        assert!(!p("2023", "2023-01").is_reversed());
        assert!(p("2024", "2023-12-31").is_reversed());
    }

    #[test]
    fn periods_read_naturally() {
        let p: Period = serde_json::from_str(r#"{"start": "2022-03", "end": "2023-07"}"#).unwrap();
        assert_eq!(p.human(Lang::En), "Mar 2022 – Jul 2023");
        assert_eq!(p.human(Lang::Ru), "март 2022 – июль 2023");
        let p: Period = serde_json::from_str(r#"{"start": "2022-02"}"#).unwrap();
        assert_eq!(p.human(Lang::En), "since Feb 2022");
        assert_eq!(p.human(Lang::Ru), "с февраля 2022");
        assert_eq!(p.human(Lang::SrLatn), "od februara 2022.");
        assert_eq!(p.human(Lang::SrCyrl), "од фебруара 2022.");
    }
}
