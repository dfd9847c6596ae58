//! Reading TopoJSON country files (as in `world-atlas`) into `geo` multipolygons,
//! simplifying each shared arc once so that neighbouring borders stay identical.

use geo::{Coord, LineString, MultiPolygon, Polygon, Simplify};
use serde::Deserialize;

/// The parts of a TopoJSON topology this tool reads.
#[derive(Debug, Deserialize)]
pub struct Topology {
    transform: Option<Transform>,
    arcs: Vec<Vec<[f64; 2]>>,
    objects: std::collections::HashMap<String, Collection>,
}

#[derive(Debug, Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Debug, Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        arcs: Vec<Vec<i64>>,
        #[serde(default)]
        properties: Properties,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
        #[serde(default)]
        properties: Properties,
    },
    #[serde(other)]
    Other,
}

#[derive(Debug, Deserialize, Default)]
struct Properties {
    name: Option<String>,
    a3: Option<String>,
}

/// A country read from the topology.
#[derive(Debug, Clone)]
pub struct Feature {
    /// ISO alpha-3 code from `properties.a3`.
    pub id: String,
    /// Name from `properties.name`.
    pub name: String,
    /// Outline in degrees.
    pub shape: MultiPolygon<f64>,
}

impl Topology {
    /// Decodes every arc to degrees and simplifies it with Douglas–Peucker at `epsilon` degrees.
    fn decoded_arcs(&self, epsilon: f64) -> Vec<Vec<Coord<f64>>> {
        self.arcs
            .iter()
            .map(|arc| {
                let (mut x, mut y) = (0.0, 0.0);
                let coords: Vec<Coord<f64>> = arc
                    .iter()
                    .map(|p| match &self.transform {
                        Some(t) => {
                            x += p[0];
                            y += p[1];
                            Coord {
                                x: x * t.scale[0] + t.translate[0],
                                y: y * t.scale[1] + t.translate[1],
                            }
                        }
                        None => Coord { x: p[0], y: p[1] },
                    })
                    .collect();
                if epsilon > 0.0 {
                    LineString(coords).simplify(epsilon).0
                } else {
                    coords
                }
            })
            .collect()
    }

    /// The features of object `name` that carry an alpha-3 code.
    pub fn features(&self, name: &str, epsilon: f64) -> Result<Vec<Feature>, String> {
        let collection = self
            .objects
            .get(name)
            .ok_or_else(|| format!("the topology has no object \"{name}\""))?;
        let arcs = self.decoded_arcs(epsilon);
        let ring = |indices: &[i64]| -> LineString<f64> {
            let mut out: Vec<Coord<f64>> = Vec::new();
            for &i in indices {
                let (arc, reversed) =
                    if i < 0 { (&arcs[(!i) as usize], true) } else { (&arcs[i as usize], false) };
                let pts: Box<dyn Iterator<Item = &Coord<f64>>> =
                    if reversed { Box::new(arc.iter().rev()) } else { Box::new(arc.iter()) };
                for (k, p) in pts.enumerate() {
                    if k > 0 || out.is_empty() {
                        out.push(*p);
                    }
                }
            }
            LineString(out)
        };
        let polygon = |rings: &Vec<Vec<i64>>| -> Option<Polygon<f64>> {
            let mut rs = rings.iter().map(|r| ring(r)).filter(|r| r.0.len() >= 4);
            let exterior = rs.next()?;
            Some(Polygon::new(exterior, rs.collect()))
        };
        let mut out = Vec::new();
        for g in &collection.geometries {
            let (polys, props) = match g {
                Geometry::Polygon { arcs, properties } => {
                    (polygon(arcs).into_iter().collect(), properties)
                }
                Geometry::MultiPolygon { arcs, properties } => {
                    (arcs.iter().filter_map(polygon).collect::<Vec<_>>(), properties)
                }
                Geometry::Other => continue,
            };
            let Some(id) = props.a3.clone().filter(|a| a.len() == 3) else {
                continue;
            };
            out.push(Feature {
                name: props.name.clone().unwrap_or_else(|| id.clone()),
                id,
                shape: MultiPolygon(polys),
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::Area;

    /// Two unit squares sharing arc 0 (the middle border), quantised with a transform.
    const TOPO: &str = r#"{
      "type": "Topology",
      "transform": {"scale": [1, 1], "translate": [10, 40]},
      "arcs": [[[1, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1], [1, 0]], [[1, 0], [1, 0], [0, 1], [-1, 0]]],
      "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "West", "a3": "WST"}},
        {"type": "MultiPolygon", "arcs": [[[2, -1]]], "properties": {"name": "East", "a3": "EST"}},
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "No code"}}
      ]}}
    }"#;

    #[test]
    fn decodes_shared_arcs_and_skips_uncoded_features() {
        let topo: Topology = serde_json::from_str(TOPO).unwrap();
        let f = topo.features("countries", 0.0).unwrap();
        assert_eq!(f.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["WST", "EST"]);
        assert!((f[0].shape.unsigned_area() - 1.0).abs() < 1e-9);
        assert!((f[1].shape.unsigned_area() - 1.0).abs() < 1e-9);
        assert_eq!(f[0].shape.0[0].exterior().0[0], Coord { x: 11.0, y: 40.0 });
    }

    #[test]
    fn missing_object_is_named() {
        let topo: Topology = serde_json::from_str(TOPO).unwrap();
        assert_eq!(topo.features("land", 0.0).unwrap_err(), "the topology has no object \"land\"");
    }
}
