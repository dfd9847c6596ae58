//! Checks of the generated `public/atlas.json` (written by `scripts/atlas.sh`): borders as
//! news outlets draw them.

use flowmap_core::atlas::Atlas;
use geo::{point, Contains};

fn atlas() -> Atlas {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/atlas.json");
    let text =
        std::fs::read_to_string(path).expect("public/atlas.json is missing: run scripts/atlas.sh");
    Atlas::from_json(&text).unwrap()
}

#[test]
fn crimea_is_drawn_in_ukraine() {
    let a = atlas();
    let simferopol = point!(x: 34.10, y: 44.95);
    assert!(a.country("UKR").unwrap().shape.contains(&simferopol));
    assert!(!a.country("RUS").unwrap().shape.contains(&simferopol));
}

#[test]
fn balkan_countries_are_distinct() {
    let a = atlas();
    for id in ["SRB", "XKX", "MKD", "MNE", "BIH", "ALB", "HRV"] {
        assert!(a.country(id).is_some(), "{id} missing");
    }
    let pristina = point!(x: 21.17, y: 42.67);
    assert!(a.country("XKX").unwrap().shape.contains(&pristina));
    assert!(!a.country("SRB").unwrap().shape.contains(&pristina));
}

#[test]
fn covers_every_location_of_the_dataset_and_credits_natural_earth() {
    let a = atlas();
    assert!(a.credit.contains("Natural Earth"));
    for id in ["SRB", "CZE", "BGR", "UKR", "RUS", "KAZ", "KGZ", "ARM"] {
        assert!(a.country(id).is_some(), "{id} missing");
    }
}

#[test]
fn the_core_knows_every_country_of_the_world_files() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/world/index.txt");
    let text =
        std::fs::read_to_string(path).expect("public/world is missing: run scripts/atlas.sh");
    let mut outlined: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("country "))
        .filter_map(|l| l.split(' ').next())
        .collect();
    outlined.sort_unstable();
    let mut known: Vec<&str> = flowmap_core::places::country_ids().collect();
    known.sort_unstable();
    assert_eq!(known, outlined, "places.rs's COUNTRY_IDS must list the world files' countries");
}
