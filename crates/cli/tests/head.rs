//! `head`: the tags an outlet puts in its page's `<head>` for a dataset.

mod common;

use common::{read, run, stderr, stdout, Temp};

#[test]
fn head_prints_the_bundled_dataset_tags_in_the_asked_language() {
    let o = run(&[
        "head",
        "public/data/flows.json",
        "--lang",
        "uk",
        "--site",
        "https://example.org/map",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let tags = stdout(&o);
    let data: serde_json::Value = serde_json::from_str(&read("public/data/flows.json")).unwrap();
    let title = data["meta"]["title"]["uk"].as_str().unwrap();
    assert!(tags.starts_with(&format!("<title>{title}</title>\n")), "{tags}");
    assert!(tags.contains(r#"<meta property="og:locale" content="uk_UA" />"#), "{tags}");
    assert!(
        tags.contains(
            r#"<meta property="og:image" content="https://example.org/map/fallback.uk.png" />"#
        ),
        "{tags}"
    );
}

#[test]
fn index_html_holds_the_bundled_dataset_head_in_english() {
    // Link previews read index.html without running the map: its head must say what the page
    // says once the dataset is read (regenerate with `flowmap-data head public/data/flows.json`).
    let o = run(&["head", "public/data/flows.json", "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let tags = stdout(&o);
    assert_eq!(tags.lines().count(), 8, "{tags}");
    let index = read("index.html");
    for tag in tags.lines() {
        assert!(index.contains(tag), "index.html lacks {tag}");
    }
}

#[test]
fn head_refuses_an_unknown_language_and_a_missing_file() {
    let o = run(&["head", "public/data/flows.json", "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .contains("--lang fr: the map's interface is written in en, ru, uk, sr-Latn, sr-Cyrl"),
        "{}",
        stderr(&o)
    );
    let tmp = Temp::new("head");
    let broken = tmp.write("broken.json", "{\"version\": 2,");
    let o = run(&["head", &broken]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("broken.json"), "{}", stderr(&o));
}
