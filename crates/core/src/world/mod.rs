//! Outlines for any region: the world's countries in a few files by area (`world/*.json`,
//! each an atlas of whole countries, as `atlas.json` is), with an index saying which file holds
//! which country and where.
//!
//! A page with `?data=` reads the index first: it draws the bundled atlas when that covers the
//! dataset ([`WorldIndex::bundled_covers`]); otherwise it downloads only the files the
//! dataset's region touches ([`WorldIndex::files_for`]) and cuts them to that region
//! ([`assemble`]), as `flowmap-geoprep` cuts the bundled one.

use crate::atlas::{Atlas, Country};
mod index_text;

use crate::region::{self, Bbox};
use crate::Dataset;
use geo::{Area, BoundingRect, Coord, MapCoords};

/// Version of the index format.
pub const WORLD_VERSION: u32 = 2;

/// Where the world files are, relative to the page.
pub const WORLD_DIR: &str = "world";

/// The index's file name inside [`WORLD_DIR`].
pub const INDEX_FILE: &str = "index.txt";

/// One file of the world's outlines.
#[derive(Debug, Clone, PartialEq)]
pub struct WorldFile {
    /// File name inside [`WORLD_DIR`].
    pub name: String,
    /// The box around its countries.
    pub bbox: Bbox,
}

/// One country: the file that holds it and its box.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedCountry {
    /// ISO 3166-1 alpha-3 code.
    pub id: String,
    /// Position of its file in [`WorldIndex::files`].
    pub file: usize,
    /// The box around its outline.
    pub bbox: Bbox,
}

/// What the bundled atlas (`atlas.json`) holds, so that a page with `?data=` can tell from
/// the index alone whether it needs the bundled atlas or world files.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundled {
    /// Its region.
    pub bbox: Bbox,
    /// Its countries' ids, sorted.
    pub countries: Vec<String>,
}

/// `world/index.txt`: a line per item, fields separated by spaces, boxes in whole degrees (a
/// JSON reader for it, with its float parsing, costs the page's WebAssembly 5 KB gzip more):
///
/// ```text
/// flowmap-world 2
/// bundled -14 24 104 63 ALB AND ARM …
/// file 02.json -62 -55 -35 -51
/// country ABW 13 -71 12 -69 13
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct WorldIndex {
    /// Format version, [`WORLD_VERSION`].
    pub version: u32,
    /// What the bundled atlas holds.
    pub bundled: Bundled,
    /// The files.
    pub files: Vec<WorldFile>,
    /// Every country, sorted by id.
    pub countries: Vec<IndexedCountry>,
}

/// Longitude and latitude of the cells countries are grouped in (by their box's centre).
const CELL: (f64, f64) = (60.0, 45.0);

impl WorldIndex {
    /// Splits `world` into files of whole countries, grouped by where the centre of each
    /// country's main box lies (cells of 60° × 45°); returns the index (which also says what
    /// the `bundled` atlas holds) and each file's atlas.
    pub fn split(world: &Atlas, bundled: &Atlas) -> (WorldIndex, Vec<Atlas>) {
        let countries: Vec<Country> = world.countries.iter().map(unwrapped).collect();
        let mut cells: Vec<(usize, Vec<&Country>)> = Vec::new();
        for c in &countries {
            let b = country_box(c);
            let centre = Coord { x: (b[0] + b[2]) / 2.0, y: (b[1] + b[3]) / 2.0 };
            let col = crate::math::clamp(((centre.x + 180.0) / CELL.0).floor(), 0.0, 5.0) as usize;
            let row = crate::math::clamp(((centre.y + 90.0) / CELL.1).floor(), 0.0, 3.0) as usize;
            let cell = row * 6 + col;
            match cells.iter_mut().find(|(k, _)| *k == cell) {
                Some((_, list)) => list.push(c),
                None => cells.push((cell, vec![c])),
            }
        }
        crate::sort::sort_by(&mut cells, |a, b| a.0.cmp(&b.0));
        // Rounded inward to whole degrees: a point inside it is inside the bundled region.
        let [w, s, e, n] = bundled.bbox;
        let bundled = Bundled {
            bbox: [w.ceil(), s.ceil(), e.floor(), n.floor()],
            countries: bundled.countries.iter().map(|c| c.id.clone()).collect(),
        };
        let mut index = WorldIndex {
            version: WORLD_VERSION,
            bundled,
            files: Vec::new(),
            countries: Vec::new(),
        };
        let mut atlases = Vec::new();
        for (cell, countries) in cells {
            let file = index.files.len();
            let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
            for c in &countries {
                let b = country_box(c);
                bbox = [bbox[0].min(b[0]), bbox[1].min(b[1]), bbox[2].max(b[2]), bbox[3].max(b[3])];
                index.countries.push(IndexedCountry { id: c.id.clone(), file, bbox: b });
            }
            index.files.push(WorldFile { name: format!("{cell:02}.json"), bbox });
            let countries = countries.into_iter().cloned().collect();
            atlases.push(Atlas { credit: world.credit.clone(), bbox, countries });
        }
        crate::sort::sort_by(&mut index.countries, |a, b| a.id.cmp(&b.id));
        (index, atlases)
    }

    /// The files the map of `dataset` needs: those holding a country a location is placed
    /// by, and those whose countries reach into the dataset's region.
    ///
    /// ```
    /// use flowmap_core::world::{WorldIndex, WorldFile, IndexedCountry, Bundled, WORLD_VERSION};
    /// use flowmap_core::Dataset;
    /// let index = WorldIndex { version: WORLD_VERSION,
    ///     bundled: Bundled { bbox: [-15.0, 24.0, 105.0, 64.0], countries: vec!["SRB".into()] },
    ///     files: vec![WorldFile { name: "08.json".into(), bbox: [-82.0, -56.0, -34.0, 13.0] },
    ///                 WorldFile { name: "15.json".into(), bbox: [-10.0, 35.0, 60.0, 72.0] }],
    ///     countries: vec![IndexedCountry { id: "BRA".into(), file: 0, bbox: [-74.0, -34.0, -34.0, 5.0] }] };
    /// let d = Dataset::from_json("f.json", r#"{"version": 2, "meta": {"title": "T"},
    ///   "locations": [{"id": "BRA", "name": "Brazil"}, {"id": "LIM", "name": "Lima", "point": [-77, -12]}],
    ///   "categories": [], "sources": [], "flows": []}"#).unwrap();
    /// assert_eq!(index.files_for(&d), ["08.json"]);
    /// assert!(!index.bundled_covers(&d));
    /// ```
    pub fn files_for(&self, dataset: &Dataset) -> Vec<&str> {
        let mut wanted = vec![false; self.files.len()];
        for c in dataset.raw.locations.iter().filter_map(|l| self.country(&l.id)) {
            wanted[c.file] = true;
        }
        let points: Vec<Coord<f64>> = self.placed(dataset).into_iter().flatten().collect();
        if let Some(area) = region::region_around(&points) {
            for c in self.countries.iter().filter(|c| region::intersects(c.bbox, area)) {
                wanted[c.file] = true;
            }
        }
        self.files.iter().zip(wanted).filter(|(_, w)| *w).map(|(f, _)| f.name.as_str()).collect()
    }

    /// True when the bundled atlas can draw `dataset`, as far as the index tells: every
    /// location the map is fitted to has a point inside the bundled region, or is a country
    /// the bundled atlas holds whose box's centre lies inside it.
    pub fn bundled_covers(&self, dataset: &Dataset) -> bool {
        let [w, s, e, n] = self.bundled.bbox;
        let inside = |p: &Coord<f64>| p.x >= w && p.x <= e && p.y >= s && p.y <= n;
        self.placed(dataset).iter().zip(self.fitted(dataset)).all(|(p, l)| {
            let known = l.point.is_some() || self.bundled.countries.binary_search(&l.id).is_ok();
            known && p.as_ref().is_some_and(inside)
        })
    }

    /// Where each location the map is fitted to lies: its point, else (enough to choose
    /// files by) the centre of its country's box; `None` when the index cannot tell.
    fn placed(&self, dataset: &Dataset) -> Vec<Option<Coord<f64>>> {
        self.fitted(dataset)
            .map(|l| match (l.point, self.country(&l.id)) {
                (Some([x, y]), _) => Some(Coord { x, y }),
                (None, Some(c)) => Some(Coord {
                    x: (c.bbox[0] + c.bbox[2]) / 2.0,
                    y: (c.bbox[1] + c.bbox[3]) / 2.0,
                }),
                (None, None) => None,
            })
            .collect()
    }

    /// The locations the map is fitted to: its focus, else all.
    fn fitted<'a>(&self, dataset: &'a Dataset) -> impl Iterator<Item = &'a crate::model::Location> {
        let focus = &dataset.raw.meta.focus;
        dataset.raw.locations.iter().filter(move |l| focus.is_empty() || focus.contains(&l.id))
    }

    fn country(&self, id: &str) -> Option<&IndexedCountry> {
        self.countries.binary_search_by(|c| c.id.as_str().cmp(id)).ok().map(|i| &self.countries[i])
    }
}

/// The atlas for `dataset` from the world files it needed ([`WorldIndex::files_for`]),
/// cut to its region and its places; without any placed location, the files as they are.
pub fn assemble(files: Vec<Atlas>, dataset: &Dataset) -> Atlas {
    let mut world =
        Atlas { credit: String::new(), bbox: [-180.0, -90.0, 180.0, 90.0], countries: Vec::new() };
    for f in files {
        world.credit = f.credit;
        world.countries.extend(f.countries);
    }
    crate::sort::sort_by(&mut world.countries, |a, b| a.id.cmp(&b.id));
    // The region around every place, not only the focus the map is fitted to: places
    // outside it are drawn at the map's edge, placed by their country's outline, which must
    // be kept.
    let every: Vec<_> = dataset
        .raw
        .locations
        .iter()
        .filter_map(|l| crate::layout::location_point(dataset, &world, &l.id))
        .collect();
    match region::region_around(&every) {
        Some(area) => region::clip(&world, area),
        None => world,
    }
}

/// The box around a country's main parts (its largest polygons, together 98% of its area,
/// so that a far islet does not stretch it), widened to whole degrees (a small index).
fn country_box(c: &Country) -> Bbox {
    let areas: Vec<f64> = c.shape.iter().map(Area::unsigned_area).collect();
    let total: f64 = areas.iter().sum();
    let order = crate::sort::order_of(areas.len(), |a, b| areas[b].total_cmp(&areas[a]));
    let (mut bbox, mut covered) = ([f64::MAX, f64::MAX, f64::MIN, f64::MIN], 0.0);
    for i in order {
        if covered >= 0.98 * total && bbox[0] <= bbox[2] {
            break;
        }
        covered += areas[i];
        if let Some(b) = polygon_box(&c.shape.0[i]) {
            bbox = [bbox[0].min(b[0]), bbox[1].min(b[1]), bbox[2].max(b[2]), bbox[3].max(b[3])];
        }
    }
    if bbox[0] > bbox[2] {
        return [0.0; 4];
    }
    [bbox[0].floor(), bbox[1].floor(), bbox[2].ceil(), bbox[3].ceil()]
}

/// `c` made continuous across the antimeridian: a polygon whose ring crosses it (its box
/// would span more than half the globe) has its western longitudes moved by 360°, and when
/// the country's parts lie on both sides (Fiji's islands, Chukotka, the Aleutians), the side
/// with less land is moved a turn towards the other. Its box, its centre and the places it
/// holds are then those a reader expects; longitudes may reach past ±180°.
fn unwrapped(c: &Country) -> Country {
    let shift = |p: &geo::Polygon<f64>, by: f64| p.map_coords(|q| Coord { x: q.x + by, y: q.y });
    let mut polygons: Vec<geo::Polygon<f64>> = c
        .shape
        .iter()
        .map(|p| match p.bounding_rect() {
            Some(b) if b.width() > 180.0 => {
                p.map_coords(|q| Coord { x: if q.x < 0.0 { q.x + 360.0 } else { q.x }, y: q.y })
            }
            _ => p.clone(),
        })
        .collect();
    let centre = |p: &geo::Polygon<f64>| p.bounding_rect().map_or(0.0, |b| b.center().x);
    let (lo, hi) =
        polygons.iter().map(centre).fold((f64::MAX, f64::MIN), |(l, h), x| (l.min(x), h.max(x)));
    if hi - lo > 180.0 {
        let area = |east: bool| -> f64 {
            polygons.iter().filter(|p| (centre(p) >= 0.0) == east).map(Area::unsigned_area).sum()
        };
        let (move_east, by) =
            if area(true) >= area(false) { (false, 360.0) } else { (true, -360.0) };
        polygons = polygons
            .iter()
            .map(|p| if (centre(p) >= 0.0) == move_east { shift(p, by) } else { p.clone() })
            .collect();
    }
    Country { id: c.id.clone(), name: c.name.clone(), shape: geo::MultiPolygon(polygons) }
}

/// A polygon's box.
fn polygon_box(p: &geo::Polygon<f64>) -> Option<Bbox> {
    p.bounding_rect().map(|b| [b.min().x, b.min().y, b.max().x, b.max().y])
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::atlas::EncodedAtlas;
    use geo::{polygon, MultiPolygon};

    fn square(id: &str, x: f64, y: f64) -> Country {
        let p = polygon![(x: x, y: y), (x: x + 4.0, y: y), (x: x + 4.0, y: y + 4.0), (x: x, y: y + 4.0)];
        Country { id: id.into(), name: id.into(), shape: MultiPolygon(vec![p]) }
    }

    fn world() -> Atlas {
        Atlas {
            credit: "Natural Earth".into(),
            bbox: [-180.0, -90.0, 180.0, 90.0],
            countries: vec![
                square("BRA", -50.0, -15.0),
                square("PER", -59.0, -12.0),
                square("SRB", 20.0, 43.0),
            ],
        }
    }

    /// A bundled atlas of Serbia's region.
    fn serbia() -> Atlas {
        region::clip(&world(), [10.0, 35.0, 35.0, 55.0])
    }

    fn dataset(locations: &str) -> Dataset {
        let text = format!(
            r#"{{"version": 2, "meta": {{"title": "T"}}, "locations": {locations},
            "categories": [], "sources": [], "flows": []}}"#
        );
        Dataset::from_json("f.json", &text).unwrap()
    }

    #[test]
    fn countries_are_split_by_area_and_each_indexed_once() {
        let (index, files) = WorldIndex::split(&world(), &serbia());
        assert_eq!(index.files.len(), 2, "{:?}", index.files);
        assert_eq!(files.iter().map(|f| f.countries.len()).sum::<usize>(), 3);
        let ids: Vec<&str> = index.countries.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["BRA", "PER", "SRB"]);
        let serb = index.country("SRB").unwrap();
        assert_eq!(serb.bbox, [20.0, 43.0, 24.0, 47.0]);
        assert_eq!(files[serb.file].countries[0].id, "SRB");
    }

    #[test]
    fn a_dataset_gets_only_the_files_of_its_region() {
        let (index, files) = WorldIndex::split(&world(), &serbia());
        let d = dataset(r#"[{"id": "BRA", "name": "Brazil"}, {"id": "PER", "name": "Peru"}]"#);
        let names = index.files_for(&d);
        assert_eq!(names.len(), 1);
        let file = index.files.iter().position(|f| f.name == names[0]).unwrap();
        let json = serde_json::to_string(&EncodedAtlas::encode(&files[file], 50.0)).unwrap();
        let atlas = assemble(vec![Atlas::from_json(&json).unwrap()], &d);
        assert_eq!(atlas.countries.len(), 2);
        assert_eq!(atlas.credit, "Natural Earth");
        assert!(atlas.countries.iter().all(|c| c.shape.0.len() == 1));
        // The same dataset is not covered by an atlas of Serbia only; one in Serbia is.
        assert!(!index.bundled_covers(&d));
        let home = dataset(
            r#"[{"id": "SRB", "name": "Serbia"}, {"id": "BEG", "name": "Belgrade", "point": [20.5, 44.8]}]"#,
        );
        assert!(index.bundled_covers(&home));
        let far = dataset(
            r#"[{"id": "SRB", "name": "Serbia"}, {"id": "X", "name": "Far", "point": [60.0, 44.8]}]"#,
        );
        assert!(!index.bundled_covers(&far));
    }

    #[test]
    fn a_country_across_the_antimeridian_has_a_box_on_its_side_of_the_globe() {
        let ring = polygon![(x: 170.0, y: 60.0), (x: 179.9, y: 60.0), (x: -175.0, y: 65.0), (x: 170.0, y: 70.0)];
        let c =
            Country { id: "RUS".into(), name: "Russia".into(), shape: MultiPolygon(vec![ring]) };
        let c = unwrapped(&c);
        assert_eq!(country_box(&c), [170.0, 60.0, 185.0, 70.0]);
        let centre = geo::Centroid::centroid(&c.shape).unwrap();
        assert!(centre.x() > 170.0 && centre.x() < 185.0, "{centre:?}");
    }

    #[test]
    fn places_outside_the_focus_keep_the_country_they_are_placed_by() {
        let text = r#"{"version": 2, "meta": {"title": "T", "focus": ["BRA"]},
            "locations": [{"id": "BRA", "name": "Brazil"}, {"id": "SRB", "name": "Serbia"}],
            "categories": [], "sources": [], "flows": []}"#;
        let d = Dataset::from_json("f.json", text).unwrap();
        let atlas = assemble(vec![world()], &d);
        assert!(atlas.country("SRB").is_some(), "{:?}", atlas.countries);
        assert!(crate::layout::location_point(&d, &atlas, "SRB").is_some());
    }

    #[test]
    fn a_place_known_only_by_its_country_still_picks_its_file() {
        let (index, _) = WorldIndex::split(&world(), &serbia());
        let d = dataset(r#"[{"id": "SRB", "name": "Serbia"}, {"id": "X", "name": "Nowhere"}]"#);
        assert_eq!(index.files_for(&d).len(), 1);
        let none = dataset(r#"[{"id": "X", "name": "Nowhere"}]"#);
        assert!(index.files_for(&none).is_empty());
    }

    #[test]
    fn the_index_reads_back_and_refuses_another_version() {
        let (index, _) = WorldIndex::split(&world(), &serbia());
        let text = index.to_text();
        assert!(text.starts_with("flowmap-world 2\nbundled 10 35 35 55 SRB\n"), "{text}");
        assert_eq!(WorldIndex::from_text(&text), Ok(index));
        let later = text.replacen("flowmap-world 2", "flowmap-world 9", 1);
        assert!(WorldIndex::from_text(&later).unwrap_err().contains("version 9"));
        let broken = text.replacen("country BRA 0", "country BRA x", 1);
        assert!(WorldIndex::from_text(&text.replacen(" 35 35 55", " 35.5 35 55", 1)).is_err());
        assert_eq!(
            WorldIndex::from_text(&broken),
            Err("line 5 of the world index cannot be read".into())
        );
        let beyond = text.replacen("country BRA 0", "country BRA 7", 1);
        assert!(WorldIndex::from_text(&beyond).is_err());
        assert!(WorldIndex::from_text("<html>").is_err());
    }
}
