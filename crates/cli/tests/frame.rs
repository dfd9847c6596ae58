//! `frame`: the page's first frame, drawn at build time into the built index.html.

mod common;

use common::{read, run, stderr, stdout, Temp};

#[test]
fn frame_draws_the_bundled_view_into_the_page_in_place_of_its_marker() {
    let data: serde_json::Value = serde_json::from_str(&read("public/data/flows.json")).unwrap();
    let title = data["meta"]["title"]["en"].as_str().unwrap();
    let flows = data["flows"].as_array().unwrap().len();
    // index.html carries the marker the build replaces (scripts/first-frame.sh).
    assert_eq!(read("index.html").matches("<!-- first frame -->").count(), 1);
    let tmp = Temp::new("frame");
    let page = tmp.write("index.html", "<body>\n<!-- first frame -->\n</body>\n");
    let o =
        run(&["frame", "public/data/flows.json", "--atlas", "public/atlas.json", "--page", &page]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<body>\n<div class=\"flowmap first-frame\""), "{html:.200}");
    assert!(html.ends_with("</article></div>\n</body>\n"));
    assert!(html.contains(&format!("<h1 id=\"ff-title\">{title}</h1>")), "{html:.400}");
    // Both pictures (wide and narrow) draw every flow over the countries, each with the
    // number of its tooltip in the frame's one block of tooltips.
    assert_eq!(html.matches("<g class=\"flow\" data-tip=\"").count(), 2 * flows);
    assert_eq!(html.matches("<script type=\"application/json\" id=\"ff-tips\">").count(), 1);
    assert!(html.matches("class=\"country").count() > 20);
    // The page once drawn has no marker left: a second run says so.
    let again =
        run(&["frame", "public/data/flows.json", "--atlas", "public/atlas.json", "--page", &page]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("no <!-- first frame --> to replace"), "{}", stderr(&again));
}

#[test]
fn frame_prints_the_fragment_without_a_page_and_needs_the_atlas() {
    let o = run(&["frame", "public/data/flows.json", "--atlas", "public/atlas.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("<div class=\"flowmap first-frame\""));
    let o = run(&["frame", "public/data/flows.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("frame needs the dataset and --atlas"), "{}", stderr(&o));
}
