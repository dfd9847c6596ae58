//! Where a validator's problem is in the sheets: the JSON path of the dataset written,
//! turned into the list, item and column of the sheet it came from.

use super::cells::nth;

/// `flows[3].citations[1].speaker` → ("flows", 3, "speaker_2"): the list, index and column.
pub(super) fn sheet_position(path: &str) -> Option<(&str, usize, String)> {
    let (list, rest) = path.split_once('[')?;
    let (index, rest) = rest.split_once(']')?;
    let field = rest.trim_start_matches('.');
    // The number in the first `[…]` of `s`, plus one: the column suffix.
    let k = |s: &str| -> Option<usize> {
        s.split_once('[')?.1.split_once(']')?.0.parse::<usize>().ok().map(|j| j + 1)
    };
    let column = match field.split(['.', '[']).next().unwrap_or("") {
        "citations" if field == "citations" => "source".to_string(),
        "citations" => {
            let col = ["source", "speaker", "stance", "quote"]
                .into_iter()
                .find(|c| field.ends_with(c))
                .unwrap_or("source");
            nth(col, k(field)?)
        }
        "value" => match field.strip_prefix("value").unwrap_or("") {
            "" => "currency".to_string(),
            ".of" | ".of.amount" => "of_amount".to_string(),
            ".of.what" => "of_what".to_string(),
            p if p.starts_with(".parts[") => {
                nth(if p.ends_with("what") { "part_what" } else { "part_amount" }, k(p)?)
            }
            p => p.trim_start_matches('.').to_string(),
        },
        "point" => "lon".to_string(),
        "period" => "end".to_string(),
        other => other.to_string(),
    };
    Some((list, index.parse().ok()?, column))
}
