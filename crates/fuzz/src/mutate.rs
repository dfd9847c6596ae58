//! Mutations of an input: byte-level (flips, insertions, deletions, copies, cuts, splices with
//! another input) and, for JSON, structure-aware (a value replaced by a hostile one, a member
//! removed, an element copied many times, deep nesting, numbers out of range).

use crate::rng::Rng;
use serde_json::Value;

/// Bytes that matter to JSON, CSV, URLs and text handling.
const INTERESTING_BYTES: &[u8] =
    b"\"\\{}[],:#&=%?-+.0123456789eE\n\r\t \x00\x7f\x80\xbf\xc0\xe2\xef\xfe\xff";

/// Text that has broken parsers before: out-of-range numbers, escapes, markup, odd letters.
const HOSTILE_TEXT: &[&str] = &[
    "1e400",
    "-1e400",
    "-0",
    "5e-324",
    "1e308",
    "NaN",
    "Infinity",
    "\\u0000",
    "\\ud800",
    "\\uDFFF\\uD800",
    "</text><script>",
    "\u{202e}",
    "\u{200b}",
    "\u{fffd}",
    "%",
    "%ZZ",
    "%00",
    "%E2%80",
    "%0A//",
    "zoom=",
    "zoom=NaN,1,1",
    "zoom=1e400,1e400,-1e400",
    "from=9999-99",
    "to=-1",
    "cat=-",
    "flow=%22%5D",
    "data=",
    "data=//x",
    "\u{0}",
    "\r\n",
];

/// Applies one to four random mutations to `input`; `other` is another input to splice from.
pub fn bytes(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        byte_step(rng, &mut out, other);
    }
    out
}

fn byte_step(rng: &mut Rng, out: &mut Vec<u8>, other: &[u8]) {
    let at = rng.below(out.len() + 1);
    match rng.below(8) {
        0 if !out.is_empty() => {
            let i = rng.below(out.len());
            out[i] ^= 1 << rng.below(8);
        }
        1 => out.insert(at, *rng.pick(INTERESTING_BYTES)),
        2 if !out.is_empty() => {
            let end = (at + 1 + rng.below(64)).min(out.len());
            out.drain(at.min(end)..end);
        }
        3 if !out.is_empty() => {
            let start = rng.below(out.len());
            let end = (start + 1 + rng.below(256)).min(out.len());
            let copy = out[start..end].to_vec();
            let most = if rng.one_in(8) { 500 } else { 4 };
            let times = 1 + rng.below(most);
            for _ in 0..times {
                out.splice(at..at, copy.iter().copied());
            }
        }
        4 => out.truncate(at),
        5 if !other.is_empty() => {
            let start = rng.below(other.len());
            let end = (start + 1 + rng.below(512)).min(other.len());
            out.splice(at..at, other[start..end].iter().copied());
        }
        6 => {
            let text = rng.pick(HOSTILE_TEXT).as_bytes();
            out.splice(at..at, text.iter().copied());
        }
        _ => {
            // A number token replaced with one out of range.
            let digits: Vec<usize> = (0..out.len()).filter(|&i| out[i].is_ascii_digit()).collect();
            if !digits.is_empty() {
                let i = *rng.pick(&digits);
                let text = rng.pick(&HOSTILE_TEXT[..6]).as_bytes();
                out.splice(i..=i, text.iter().copied());
            }
        }
    }
}

/// A structure-aware mutation of a JSON document; byte mutations when it is not JSON.
pub fn json(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let Ok(mut value) = serde_json::from_slice::<Value>(input) else {
        return bytes(rng, input, other);
    };
    let donor: Option<Value> = serde_json::from_slice(other).ok();
    for _ in 0..=rng.below(3) {
        let n = count_nodes(&value);
        let target = rng.below(n);
        let replacement = hostile_value(rng, donor.as_ref(), &value);
        let mut seen = 0;
        mutate_node(rng, &mut value, target, &mut seen, &replacement);
    }
    let text =
        if rng.one_in(2) { serde_json::to_vec_pretty(&value) } else { serde_json::to_vec(&value) };
    let text = text.unwrap_or_default();
    // Sometimes a few byte mutations on top: what no serializer writes.
    if rng.one_in(4) {
        bytes(rng, &text, other)
    } else {
        text
    }
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count_nodes).sum(),
        Value::Object(o) => o.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// A value an attacker or a careless spreadsheet would put somewhere.
fn hostile_value(rng: &mut Rng, donor: Option<&Value>, whole: &Value) -> Value {
    let deep = |depth: usize| {
        let mut v = Value::Null;
        for _ in 0..depth {
            v = Value::Array(vec![v]);
        }
        v
    };
    match rng.below(14) {
        0 => Value::Null,
        1 => Value::Bool(rng.one_in(2)),
        2 => serde_json::json!(-0.0),
        3 => serde_json::json!(1e308),
        4 => serde_json::json!(5e-324),
        5 => serde_json::json!(u64::MAX),
        6 => serde_json::json!(i64::MIN),
        7 => Value::String(String::new()),
        8 => Value::String("x".repeat(1 + rng.below(20_000))),
        9 => Value::String((*rng.pick(HOSTILE_TEXT)).to_string()),
        10 => Value::Array(Vec::new()),
        11 => Value::Object(serde_json::Map::new()),
        12 => deep(1 + rng.below(300)),
        _ => {
            // A piece of a real document, put where it does not belong.
            let source = donor.unwrap_or(whole);
            let n = count_nodes(source);
            nth_node(source, rng.below(n)).cloned().unwrap_or(Value::Null)
        }
    }
}

fn nth_node(v: &Value, n: usize) -> Option<&Value> {
    fn walk<'a>(v: &'a Value, n: usize, seen: &mut usize) -> Option<&'a Value> {
        if *seen == n {
            return Some(v);
        }
        *seen += 1;
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(a) => Box::new(a.iter()),
            Value::Object(o) => Box::new(o.values()),
            _ => Box::new(std::iter::empty()),
        };
        children.into_iter().find_map(|c| walk(c, n, seen))
    }
    walk(v, n, &mut 0)
}

/// Changes node number `target` (in depth-first order): replaced, or, for arrays and objects,
/// an element copied many times or a member removed.
fn mutate_node(rng: &mut Rng, v: &mut Value, target: usize, seen: &mut usize, new: &Value) -> bool {
    if *seen == target {
        match v {
            Value::Array(a) if !a.is_empty() && rng.one_in(2) => {
                let i = rng.below(a.len());
                let copy = a[i].clone();
                let times = if rng.one_in(4) { 1 + rng.below(2_000) } else { 1 };
                a.extend(std::iter::repeat_n(copy, times));
            }
            Value::Object(o) if !o.is_empty() && rng.one_in(2) => {
                let keys: Vec<String> = o.keys().cloned().collect();
                o.remove(rng.pick(&keys));
            }
            _ => *v = new.clone(),
        }
        return true;
    }
    *seen += 1;
    match v {
        Value::Array(a) => a.iter_mut().any(|c| mutate_node(rng, c, target, seen, new)),
        Value::Object(o) => o.values_mut().any(|c| mutate_node(rng, c, target, seen, new)),
        _ => false,
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn mutations_change_the_input_and_stay_repeatable() {
        let doc = br#"{"a": [1, 2, {"b": "c"}], "d": null}"#;
        let run = |seed| {
            let mut rng = Rng::new(seed);
            (0..50).map(|_| json(&mut rng, doc, b"[3]")).collect::<Vec<_>>()
        };
        let first = run(7);
        assert_eq!(first, run(7), "the same seed gives the same inputs");
        assert!(first.iter().filter(|m| m.as_slice() != doc).count() > 40);
        assert!(first.iter().any(|m| serde_json::from_slice::<Value>(m).is_err()));
    }
}
