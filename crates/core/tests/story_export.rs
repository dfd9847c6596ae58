//! Each step of the bundled story, laid out as the page lays it out (its filters and zoom, at
//! 1280 pixels, 375 on a phone's portrait frame, and 375 embedded, the map at its natural
//! height): its callouts are in the SVG export, inside the map, clear of every marker, every
//! label shown and each other (all of them but on the small embedded map, where one with no
//! room is left out of the drawing), and its places are ringed.

use flowmap_core::annotate::{obstacles, overlay};
use flowmap_core::atlas::Atlas;
use flowmap_core::dataset::Dataset;
use flowmap_core::export::{svg, xml_escape, Frame};
use flowmap_core::filter::indices;
use flowmap_core::i18n::Lang;
use flowmap_core::layout::{countries, layout, plan, preferred_height, projection, MapView};
use flowmap_core::story::{step, view_of, zoom};
use std::path::Path;

fn public(file: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    std::fs::read_to_string(root.join(file)).unwrap()
}

#[test]
fn every_step_exports_its_callouts_clear_of_labels_and_markers() {
    let d = Dataset::from_json("flows.json", &public("data/flows.json")).unwrap();
    let atlas = Atlas::from_json(&public("atlas.json")).unwrap();
    for (width, phone) in [(1280.0, None), (375.0, Some((375.0, 740.0))), (375.0, None)] {
        let natural = preferred_height(&d, &atlas, width);
        let height = flowmap_core::phone::frame_height(natural, phone);
        let small = height < 300.0;
        for n in 1..=d.raw.story.len() {
            for lang in Lang::ALL {
                let s = step(&d, n).unwrap();
                let z = zoom(&d, &atlas, s, width, height);
                let v = view_of(&d, n, z);
                let shown = indices(&v.filter.shown(
                    &d,
                    &flowmap_core::flow_codes::FlowCodes::of(&d),
                    &v.filter.passes(&d),
                ));
                let map = layout(
                    &d,
                    &atlas,
                    &plan(&d, &atlas, &shown),
                    &MapView { width, height, zoom: z, lang },
                );
                let proj = projection(&d, &atlas, width, height, z);
                let o = overlay(s, &d, &map, &proj, (width, height), lang.tag());
                let at = format!("step {n}, {width} × {height} px, {lang:?}");
                let all = o.callouts.len() == s.annotations.len();
                assert!(
                    all || small,
                    "{at}: {} of {} callouts",
                    o.callouts.len(),
                    s.annotations.len()
                );
                assert_eq!(o.rings.len(), s.view.places.len(), "{at}: every place ringed");
                let keep_out = obstacles(&map);
                for (i, c) in o.callouts.iter().enumerate() {
                    let r = c.rect;
                    assert!(
                        r.x0 >= 0.0 && r.y0 >= 0.0 && r.x1 <= width && r.y1 <= height,
                        "{at}: {r:?} off the map"
                    );
                    for k in &keep_out {
                        assert!(!r.overlaps(k), "{at}: callout {i} {r:?} covers {k:?}");
                    }
                    for other in &o.callouts[i + 1..] {
                        assert!(!r.overlaps(&other.rect), "{at}: callouts overlap");
                    }
                }
                let mut frame = Frame::of(&d, &shown, &v.filter, &atlas.credit, lang);
                frame.overlay = o.clone();
                let shapes = countries(&atlas, &proj);
                let (doc, _) = svg(&shapes, &map, width, height, 1.0, &frame);
                for c in &o.callouts {
                    for line in &c.lines {
                        assert!(
                            doc.contains(&format!(">{}</text>", xml_escape(line))),
                            "{at}: {line} not exported"
                        );
                    }
                }
                assert_eq!(doc.matches("class=\"callout\"").count(), o.callouts.len());
            }
        }
    }
}
