//! Text in the SVG export: escaped for XML, measured approximately and wrapped to a width,
//! so that no line runs past the picture's edge (an SVG has no text layout of its own).

/// Escapes text for XML (element content and double-quoted attributes), and drops the
/// characters XML 1.0 does not allow at all (C0 controls but tab and line breaks, U+FFFE,
/// U+FFFF): a dataset text holding one would otherwise make the whole SVG unreadable.
///
/// # Examples
/// ```
/// use flowmap_core::export::xml_escape;
/// assert_eq!(xml_escape("<a href=\"x\">&</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
/// assert_eq!(xml_escape("bell\u{7}\u{FFFE}\tok"), "bell\tok");
/// ```
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {}
            _ => out.push(c),
        }
    }
    out
}

/// A character's advance in ems, on the wide side of common sans-serif fonts (DejaVu Sans,
/// the widest a reader is likely to get for `system-ui`; Arial, Roboto and Segoe UI are
/// narrower), so that a measured line fits in any of them.
fn advance(c: char) -> f64 {
    match c {
        ' ' | '\u{a0}' => 0.32,
        'i' | 'j' | 'l' | 'I' | 'J' | '!' | '.' | ',' | ':' | ';' | '\'' | '|' | '(' | ')'
        | '[' | ']' | 'f' | 't' | 'r' | 'і' | 'ї' | 'ј' | 'І' | 'Ї' | 'Ј' => 0.42,
        'm' | 'w' | 'M' | 'W' | '—' | 'ж' | 'ш' | 'щ' | 'ю' | 'ы' | 'м' | 'Ж' | 'Ш' | 'Щ' | 'Ю'
        | 'Ы' | 'Љ' | 'Њ' | 'љ' | 'њ' | 'Ф' | 'ф' | '@' | '%' => 1.0,
        '0'..='9' => 0.64,
        c if c.is_uppercase() => 0.76,
        c if c.is_alphabetic() => 0.63,
        _ => 0.7,
    }
}

/// The approximate width in pixels of `text` at `size` pixels, bold or not.
///
/// # Examples
/// ```
/// use flowmap_core::export::text_width;
/// assert!(text_width("Serbia", 12.0, false) > 40.0);
/// assert!(text_width("Serbia", 12.0, true) > text_width("Serbia", 12.0, false));
/// ```
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let ems: f64 = text.chars().map(advance).sum();
    ems * size * if bold { 1.1 } else { 1.0 }
}

/// Breaks `text` into lines no wider than `width` pixels at `size` (see [`text_width`]),
/// between words (never at a no-break space: "71,1\u{a0}млн" stays whole); a word wider
/// than the whole line (a long link) is broken where it must. A line broken at a space keeps
/// one at its end, so that the lines joined give the text back (with its spaces collapsed).
/// An empty text gives no lines.
///
/// # Examples
/// ```
/// use flowmap_core::export::wrap;
/// assert_eq!(wrap("one two three four", 50.0, 10.0, false), vec!["one two ", "three ", "four"]);
/// assert!(wrap("   ", 50.0, 10.0, false).is_empty());
/// ```
pub fn wrap(text: &str, width: f64, size: f64, bold: bool) -> Vec<String> {
    let fits = |s: &str| text_width(s, size, bold) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let breaks = |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}');
    for word in text.split(breaks).filter(|w| !w.is_empty()) {
        let joined = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if fits(&joined) {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line) + " ");
        }
        // A word too long for a line of its own is cut into pieces that fit.
        for c in word.chars() {
            line.push(c);
            if !fits(&line) && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn every_line_fits_and_no_word_is_lost() {
        let text = "Serbia's president said on June 23 that https://example.org/a/very/long/address/that/cannot/break stopped";
        let lines = wrap(text, 120.0, 12.0, false);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(text_width(l.trim_end(), 12.0, false) <= 120.0, "{l}");
        }
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn no_break_spaces_hold() {
        assert_eq!(wrap("about 71,1\u{a0}млн", 60.0, 10.0, false), vec!["about ", "71,1\u{a0}млн"]);
    }

    #[test]
    fn wide_letters_measure_wider() {
        assert!(text_width("WWW", 10.0, false) > text_width("iii", 10.0, false) * 2.0);
        assert!(text_width("Шуш", 10.0, false) > text_width("Sus", 10.0, false));
    }
}
