//! The JSON path (`flows[3].value`) of the value at a line and column of a JSON text: what
//! a shape error names, found by scanning the text up to where the parser stopped.

/// One open object or array.
enum Frame {
    /// An object and the key of the member being read (`None` before a key).
    Object(Option<String>),
    /// An array and the position of the element being read.
    Array(usize),
}

/// The path of the value the parser was reading when it stopped at `line` and `column`
/// (1-based, as serde_json reports them, the column being that of the last character
/// read); `"."` for the top level. When it stopped on a closing bracket, the error is
/// about what the bracket closes, except when the bracket follows an object or array
/// that just ended and the error is not about the `whole` container (a missing field, a
/// wrong length): serde_json reports errors in some values one character late.
///
/// # Examples
/// ```
/// use flowmap_core::json_path::path_at;
/// let text = "{\"flows\": [{\"id\": 1},\n {\"id\": \"b\", \"status\": \"rumoured\"}]}";
/// assert_eq!(path_at(text, 2, 33, false), "flows[1].status");
/// assert_eq!(path_at(text, 2, 34, true), "flows[1]");
/// let late = "{\"name\": {\"en\": 5}}";
/// assert_eq!(path_at(late, 1, 19, false), "name");
/// assert_eq!(path_at(text, 1, 1, false), ".");
/// ```
pub fn path_at(text: &str, line: usize, column: usize, whole: bool) -> String {
    let line_start: usize =
        text.split('\n').take(line.saturating_sub(1)).map(|l| l.len() + 1).sum();
    let end = (line_start + column.saturating_sub(1)).min(text.len());
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = Some(text.get(start..i.min(text.len())).unwrap_or_default().to_string());
                }
            }
            _ => {}
        }
        i += 1;
    }
    // Stopped on a closing bracket: the path of what it closes, or of the value before it.
    if matches!(bytes.get(end), Some(b'}' | b']')) && i == end {
        let after_value = text[..end].trim_end().ends_with(['}', ']']);
        if whole || !after_value {
            stack.pop();
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    if path.is_empty() {
        ".".into()
    } else {
        path
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn keys_with_escapes_and_nested_arrays() {
        let text = r#"{"a\"b": [[1, 2], [3, {"c": x}]]}"#;
        let at = text.find('x').unwrap() + 1;
        assert_eq!(path_at(text, 1, at, false), "a\\\"b[1][1].c");
    }

    #[test]
    fn a_closing_bracket_names_its_container() {
        let text = "{\"m\": {\"t\": 1}}";
        assert_eq!(path_at(text, 1, 14, true), "m");
        assert_eq!(path_at(text, 1, 15, true), ".");
        assert_eq!(path_at(text, 1, 15, false), "m");
    }
}
