//! Choosing and cutting out the region the dataset needs.

use flowmap_core::atlas::{Atlas, Country};
use flowmap_core::dataset::Dataset;
use flowmap_core::layout::location_point;
use geo::{Area, BooleanOps, Rect};

/// The box around the dataset's focus locations (all of them when it names none), widened by a margin that keeps the
/// map filled at any common aspect ratio: `[west, south, east, north]` in degrees.
pub fn dataset_region(dataset: &Dataset, world: &Atlas) -> Result<[f64; 4], String> {
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    let focus = &dataset.raw.meta.focus;
    for l in dataset.raw.locations.iter().filter(|l| focus.is_empty() || focus.contains(&l.id)) {
        let p = location_point(dataset, world, &l.id)
            .ok_or_else(|| format!("location \"{}\" has no point and no country outline", l.id))?;
        (w, s, e, n) = (w.min(p.x), s.min(p.y), e.max(p.x), n.max(p.y));
    }
    if w > e {
        return Err("the dataset has no locations".into());
    }
    let (mx, my) = (((e - w) * 0.2).max(12.0), ((n - s) * 0.2).max(8.0));
    Ok([(w - mx).max(-180.0), (s - my).max(-85.0), (e + mx).min(180.0), (n + my).min(85.0)])
}

/// Every country cut to the box; countries left with no area are dropped.
pub fn clip(world: &Atlas, bbox: [f64; 4]) -> Atlas {
    let rect = Rect::new((bbox[0], bbox[1]), (bbox[2], bbox[3])).to_polygon();
    let countries = world
        .countries
        .iter()
        .filter_map(|c| {
            let shape = c.shape.intersection(&rect);
            (shape.unsigned_area() > 1e-6).then(|| Country {
                id: c.id.clone(),
                name: c.name.clone(),
                shape,
            })
        })
        .collect();
    Atlas { credit: world.credit.clone(), bbox, countries }
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::{polygon, MultiPolygon};

    #[test]
    fn clip_cuts_and_drops() {
        let big =
            polygon![(x: 0.0, y: 0.0), (x: 100.0, y: 0.0), (x: 100.0, y: 50.0), (x: 0.0, y: 50.0)];
        let far = polygon![(x: 150.0, y: 0.0), (x: 160.0, y: 0.0), (x: 160.0, y: 10.0)];
        let world = Atlas {
            credit: String::new(),
            bbox: [-180.0, -90.0, 180.0, 90.0],
            countries: vec![
                Country { id: "BIG".into(), name: "Big".into(), shape: MultiPolygon(vec![big]) },
                Country { id: "FAR".into(), name: "Far".into(), shape: MultiPolygon(vec![far]) },
            ],
        };
        let cut = clip(&world, [10.0, 10.0, 30.0, 20.0]);
        assert_eq!(cut.countries.len(), 1);
        assert!((cut.countries[0].shape.unsigned_area() - 200.0).abs() < 1e-6);
    }
}
