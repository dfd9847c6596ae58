//! Serbian Latin → Cyrillic, so that the catalogue holds Serbian once.

/// Words kept in Latin script: acronyms (two or more capitals, such as SVG or USD) and key
/// names.
fn keep_latin(word: &str) -> bool {
    word.chars().filter(char::is_ascii_uppercase).count() >= 2
        || matches!(word, "Ctrl" | "Mac" | "Enter" | "Esc" | "Tab")
}

fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'a' => "а",
        'b' => "б",
        'c' => "ц",
        'č' => "ч",
        'ć' => "ћ",
        'd' => "д",
        'đ' => "ђ",
        'e' => "е",
        'f' => "ф",
        'g' => "г",
        'h' => "х",
        'i' => "и",
        'j' => "ј",
        'k' => "к",
        'l' => "л",
        'm' => "м",
        'n' => "н",
        'o' => "о",
        'p' => "п",
        'r' => "р",
        's' => "с",
        'š' => "ш",
        't' => "т",
        'u' => "у",
        'v' => "в",
        'z' => "з",
        'ž' => "ж",
        'A' => "А",
        'B' => "Б",
        'C' => "Ц",
        'Č' => "Ч",
        'Ć' => "Ћ",
        'D' => "Д",
        'Đ' => "Ђ",
        'E' => "Е",
        'F' => "Ф",
        'G' => "Г",
        'H' => "Х",
        'I' => "И",
        'J' => "Ј",
        'K' => "К",
        'L' => "Л",
        'M' => "М",
        'N' => "Н",
        'O' => "О",
        'P' => "П",
        'R' => "Р",
        'S' => "С",
        'Š' => "Ш",
        'T' => "Т",
        'U' => "У",
        'V' => "В",
        'Z' => "З",
        'Ž' => "Ж",
        _ => return None,
    })
}

fn digraph(a: char, b: char) -> Option<&'static str> {
    Some(match (a, b) {
        ('l', 'j') => "љ",
        ('n', 'j') => "њ",
        ('d', 'ž') => "џ",
        ('L', 'j' | 'J') => "Љ",
        ('N', 'j' | 'J') => "Њ",
        ('D', 'ž' | 'Ž') => "Џ",
        _ => return None,
    })
}

fn word_to_cyrillic(word: &str, out: &mut String) {
    if keep_latin(word) {
        out.push_str(word);
        return;
    }
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if let Some(d) = chars.get(i + 1).and_then(|b| digraph(chars[i], *b)) {
            out.push_str(d);
            i += 2;
            continue;
        }
        match letter(chars[i]) {
            Some(c) => out.push_str(c),
            None => out.push(chars[i]),
        }
        i += 1;
    }
}

/// Serbian Latin text in Cyrillic script; acronyms and key names stay Latin.
pub fn to_cyrillic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            word_to_cyrillic(&word, &mut out);
            word.clear();
            out.push(c);
        }
    }
    word_to_cyrillic(&word, &mut out);
    out
}

#[cfg(test)]
mod test {
    use super::to_cyrillic;

    #[test]
    fn digraphs_and_acronyms() {
        assert_eq!(
            to_cyrillic("Prikazano tokova: 7 od 23"),
            "Приказано токова: 7 од 23"
        );
        assert_eq!(
            to_cyrillic("Ljubljana, njihov, džep"),
            "Љубљана, њихов, џеп"
        );
        assert_eq!(to_cyrillic("Preuzmi CSV (Ctrl)"), "Преузми CSV (Ctrl)");
    }
}
