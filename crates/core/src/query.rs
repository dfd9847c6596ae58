//! Reading the page's query string (`?data=…`) and writing the embed URL.

/// Decodes `%XX` escapes and `+` (as sent by forms); invalid escapes are kept as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes everything but unreserved characters and `/` (kept for readable paths).
pub(crate) fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The address of the embeddable view of the page at `folder` (ending in `/`): `?embed=1`
/// plus the page's dataset, language and theme, and the view in `hash`, so the article
/// shows what the editor sees.
///
/// # Examples
/// ```
/// use flowmap_core::query::embed_url;
/// assert_eq!(
///     embed_url("https://cdn.example/map/", "?data=drafts/a%20b.json&lang=ru&x=1", "#cat=-arms"),
///     "https://cdn.example/map/?embed=1&data=drafts/a%20b.json&lang=ru#cat=-arms"
/// );
/// ```
pub fn embed_url(folder: &str, search: &str, hash: &str) -> String {
    let mut url = format!("{folder}?embed=1");
    for name in ["data", "lang", "theme"] {
        if let Some(v) = param(search, name).filter(|v| !v.is_empty()) {
            url.push_str(&format!("&{name}={}", percent_encode(&v)));
        }
    }
    if hash.len() > 1 {
        url.push('#');
        url.push_str(hash.trim_start_matches('#'));
    }
    url
}

/// The value of `name` in a query string such as `?data=x.json&lang=ru`.
pub fn param(search: &str, name: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| percent_decode(k) == name)
        .map(|(_, v)| percent_decode(v))
}

/// The dataset a page should load: `?data=` when it is a relative URL on this site, or a
/// `blob:` URL made by a page of this site (`origin`, such as `https://cdn.example`: the
/// editor's preview), else `default`. A link to another host or scheme is refused with a
/// sentence.
///
/// # Examples
/// ```
/// use flowmap_core::query::dataset_url;
/// let o = "https://cdn.example";
/// assert_eq!(dataset_url("?data=drafts/mine.json", "data/flows.json", o), Ok("drafts/mine.json".into()));
/// assert_eq!(dataset_url("", "data/flows.json", o), Ok("data/flows.json".into()));
/// assert!(dataset_url("?data=https://example.com/x.json", "d", o).is_err());
/// // The browser would read these as https://example.com and //example.com.
/// assert!(dataset_url("?data=ht%09tps://example.com/x.json", "d", o).is_err());
/// assert!(dataset_url("?data=/%0A/example.com/x.json", "d", o).is_err());
/// // A file the editor made in this browser, and one another site made.
/// assert!(dataset_url("?data=blob:https://cdn.example/5f0c", "d", o).is_ok());
/// assert!(dataset_url("?data=blob:https://cdn.example.evil/5f0c", "d", o).is_err());
/// ```
pub fn dataset_url(search: &str, default: &str, origin: &str) -> Result<String, String> {
    let Some(url) = param(search, "data").filter(|u| !u.trim().is_empty()) else {
        return Ok(default.to_string());
    };
    let u = url.trim();
    let has_scheme = u.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    // The browser's URL parser drops tabs and line breaks anywhere in a URL ("ht\ttps://x" is
    // "https://x", "/\t/x" is "//x"), so no control character may pass the checks below.
    let control = u.chars().any(char::is_control);
    let own_blob = u.strip_prefix("blob:").and_then(|r| r.strip_prefix(origin));
    if own_blob.is_some_and(|r| r.starts_with('/')) && origin.starts_with("http") && !control {
        return Ok(u.to_string());
    }
    if control || has_scheme || u.starts_with("//") || u.starts_with("\\\\") || u.contains('\\') {
        return Err(format!(
            "?data={u} was not loaded: only a dataset on this site can be shown (give a path such as ?data=drafts/flows.json)"
        ));
    }
    Ok(u.to_string())
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn decodes_and_finds_params() {
        assert_eq!(param("?lang=ru&data=a%2Fb%20c.json", "data").as_deref(), Some("a/b c.json"));
        assert_eq!(param("?data", "data").as_deref(), Some(""));
        assert_eq!(param("?x=1", "data"), None);
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
        assert_eq!(percent_decode("%aé"), "%aé");
    }

    const O: &str = "http://127.0.0.1:8080";

    #[test]
    fn refuses_other_hosts_and_schemes() {
        for bad in [
            "//evil.example/x.json",
            "https://evil.example/x.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "%2F%2Fevil.example",
            "\\\\evil\\x",
            // What the browser reads as another host or scheme once it drops tabs and breaks.
            "ht%09tps://evil.example/x.json",
            "/%09/evil.example/x.json",
            "/%0A/evil.example",
            "java%0Dscript:alert(1)",
            "%00//evil.example",
        ] {
            assert!(dataset_url(&format!("?data={bad}"), "d", O).is_err(), "{bad}");
        }
        assert_eq!(dataset_url("?data=/drafts/x.json", "d", O), Ok("/drafts/x.json".into()));
        assert_eq!(dataset_url("?data=x.json%3Fv%3D2", "d", O), Ok("x.json?v=2".into()));
        let own = "blob:http://127.0.0.1:8080/1b2c-3d";
        assert_eq!(dataset_url(&format!("?data={own}"), "d", O).as_deref(), Ok(own));
        // Another origin's blob (or one that only starts like this origin), a blob on a
        // page without an origin (a file opened from disk).
        for bad in ["blob:http://127.0.0.1:80801/x", "blob:https://evil.example/x", "blob:null/x"] {
            assert!(dataset_url(&format!("?data={bad}"), "d", O).is_err(), "{bad}");
        }
        assert!(dataset_url("?data=blob:null/x", "d", "null").is_err());
    }
}
