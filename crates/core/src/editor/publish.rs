//! What the editor hands over for publication: the dataset file and the embed code.

use crate::export::xml_escape;
use crate::model::RawDataset;

/// The dataset as a JSON file, indented for reading.
///
/// # Examples
/// ```
/// use flowmap_core::editor::dataset_json;
/// use flowmap_core::dataset::Dataset;
/// let text = std::fs::read_to_string("../../public/data/flows.json").unwrap();
/// let raw = Dataset::from_json("flows.json", &text).unwrap().raw;
/// let again = Dataset::from_json("again.json", &dataset_json(&raw)).unwrap();
/// assert!(again.is_valid());
/// assert_eq!(again.raw, raw);
/// ```
pub fn dataset_json(raw: &RawDataset) -> String {
    let mut text = serde_json::to_string_pretty(raw).unwrap_or_default();
    text.push('\n');
    text
}

/// The embed code for a map published in `folder` (an address ending in `/`) with its
/// dataset at `file` in that folder (`data/flows.json`, the map's own, needs no `?data=`):
/// the frame, titled `title`, and the host script that sizes it.
///
/// # Examples
/// ```
/// use flowmap_core::editor::embed_code;
/// let code = embed_code("https://cdn.example/map/", "drafts/a b.json", "Guns & roses");
/// assert!(code.starts_with(r#"<iframe src="https://cdn.example/map/?embed=1&amp;data=drafts/a%20b.json" title="Guns &amp; roses""#));
/// assert!(code.ends_with(r#"<script src="https://cdn.example/map/embed.js" async></script>"#));
/// assert!(embed_code("/m/", " data/flows.json ", "t").contains(r#"src="/m/?embed=1""#));
/// ```
pub fn embed_code(folder: &str, file: &str, title: &str) -> String {
    let file = file.trim().trim_start_matches("./");
    let search = if file.is_empty() || file == "data/flows.json" {
        String::new()
    } else {
        format!("?data={}", crate::query::percent_encode(file))
    };
    let src = xml_escape(&crate::query::embed_url(folder, &search, ""));
    let (title, script) = (xml_escape(title), xml_escape(&format!("{folder}embed.js")));
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" data-flowmap width=\"100%\" height=\"700\" \
         style=\"border:0\" loading=\"lazy\"></iframe>\n<script src=\"{script}\" async></script>"
    )
}
