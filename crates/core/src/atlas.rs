//! The compact country-geometry asset (`public/atlas.json`).
//!
//! Written at build time by `flowmap-geoprep` from Natural Earth data, read by the app.
//! Coordinates are longitude/latitude quantised to `1 / quantum` degrees; each ring is
//! stored as its first point followed by deltas, which keeps the JSON small and gzips well.

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Current version of the atlas format.
pub const ATLAS_VERSION: u32 = 1;

/// One country as stored in the asset: polygons of rings, exterior ring first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EncodedCountry {
    /// ISO 3166-1 alpha-3 code (`XKX` for Kosovo).
    pub id: String,
    /// English name from the source data.
    pub name: String,
    /// Polygons → rings → flat `[x0, y0, dx1, dy1, …]` in quantised units.
    pub polygons: Vec<Vec<Vec<i64>>>,
}

/// The asset as serialised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EncodedAtlas {
    /// Format version, [`ATLAS_VERSION`].
    pub version: u32,
    /// Attribution that must be shown with the map.
    pub credit: String,
    /// Region covered: `[west, south, east, north]` in degrees.
    pub bbox: [f64; 4],
    /// Units per degree of the stored integers.
    pub quantum: f64,
    /// Countries, sorted by id.
    pub countries: Vec<EncodedCountry>,
}

/// A decoded country.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub id: String,
    /// English name.
    pub name: String,
    /// Outline in longitude/latitude degrees.
    pub shape: MultiPolygon<f64>,
}

/// Decoded country geometry of the map's region.
#[derive(Debug, Clone, PartialEq)]
pub struct Atlas {
    /// Attribution that must be shown with the map.
    pub credit: String,
    /// Region covered: `[west, south, east, north]` in degrees.
    pub bbox: [f64; 4],
    /// Countries, sorted by id.
    pub countries: Vec<Country>,
}

/// Why an atlas could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum AtlasError {
    /// The asset has a version this build does not know.
    #[error("the map geometry has format version {found}, expected {expected}")]
    UnknownVersion {
        /// The version the asset says it is in.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
    /// A ring has an odd number of integers or fewer than three points.
    #[error("the outline of {country} has a malformed ring (polygon {polygon}, ring {ring})")]
    BadRing {
        /// The country whose outline it is.
        country: String,
        /// Which polygon of the outline, from 0.
        polygon: usize,
        /// Which ring of that polygon, from 0.
        ring: usize,
    },
    /// The quantum is not a positive number.
    #[error("the map geometry has an invalid quantum {}", crate::decimal::Shortest(*.0))]
    BadQuantum(f64),
}

impl EncodedAtlas {
    /// Quantises and delta-encodes decoded geometry.
    pub fn encode(atlas: &Atlas, quantum: f64) -> Self {
        let countries = atlas
            .countries
            .iter()
            .map(|c| EncodedCountry {
                id: c.id.clone(),
                name: c.name.clone(),
                polygons: c
                    .shape
                    .iter()
                    .map(|p| {
                        std::iter::once(p.exterior())
                            .chain(p.interiors())
                            .map(|r| encode_ring(r, quantum))
                            .filter(|r| r.len() >= 6)
                            .collect::<Vec<_>>()
                    })
                    .filter(|rings| !rings.is_empty())
                    .collect(),
            })
            .collect();
        EncodedAtlas {
            version: ATLAS_VERSION,
            credit: atlas.credit.clone(),
            bbox: atlas.bbox,
            quantum,
            countries,
        }
    }

    /// Restores `geo` geometry, checking the version and every ring.
    pub fn decode(&self) -> Result<Atlas, AtlasError> {
        if self.version != ATLAS_VERSION {
            return Err(AtlasError::UnknownVersion {
                found: self.version,
                expected: ATLAS_VERSION,
            });
        }
        if !(self.quantum.is_finite() && self.quantum > 0.0) {
            return Err(AtlasError::BadQuantum(self.quantum));
        }
        let countries = self
            .countries
            .iter()
            .map(|c| {
                let polygons = c
                    .polygons
                    .iter()
                    .enumerate()
                    .map(|(pi, rings)| {
                        let mut rings = rings.iter().enumerate().map(|(ri, r)| {
                            decode_ring(r, self.quantum).ok_or_else(|| AtlasError::BadRing {
                                country: c.id.clone(),
                                polygon: pi,
                                ring: ri,
                            })
                        });
                        let exterior = rings.next().unwrap_or(Err(AtlasError::BadRing {
                            country: c.id.clone(),
                            polygon: pi,
                            ring: 0,
                        }))?;
                        let interiors = rings.collect::<Result<Vec<_>, _>>()?;
                        Ok(Polygon::new(exterior, interiors))
                    })
                    .collect::<Result<Vec<_>, AtlasError>>()?;
                Ok(Country {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    shape: MultiPolygon(polygons),
                })
            })
            .collect::<Result<Vec<_>, AtlasError>>()?;
        Ok(Atlas { credit: self.credit.clone(), bbox: self.bbox, countries })
    }
}

impl Atlas {
    /// Parses the JSON asset.
    pub fn from_json(text: &str) -> Result<Atlas, String> {
        let encoded: EncodedAtlas = serde_json::from_str(text).map_err(|e| e.to_string())?;
        encoded.decode().map_err(|e| e.to_string())
    }

    /// The country with this ISO alpha-3 id.
    pub fn country(&self, id: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.id == id)
    }
}

fn encode_ring(ring: &LineString<f64>, quantum: f64) -> Vec<i64> {
    let mut out = Vec::with_capacity(ring.0.len() * 2);
    let (mut px, mut py) = (0i64, 0i64);
    // The closing point repeats the first; decoding closes the ring again.
    let n = ring.0.len().saturating_sub(usize::from(ring.is_closed()));
    for (i, c) in ring.0[..n].iter().enumerate() {
        let (x, y) = ((c.x * quantum).round() as i64, (c.y * quantum).round() as i64);
        if i > 0 && x == px && y == py {
            continue;
        }
        if i == 0 {
            out.extend([x, y]);
        } else {
            out.extend([x - px, y - py]);
        }
        (px, py) = (x, y);
    }
    out
}

fn decode_ring(flat: &[i64], quantum: f64) -> Option<LineString<f64>> {
    if !flat.len().is_multiple_of(2) || flat.len() < 6 {
        return None;
    }
    let (mut x, mut y) = (0i64, 0i64);
    let coords = flat
        .chunks_exact(2)
        .map(|d| {
            x += d[0];
            y += d[1];
            Coord { x: x as f64 / quantum, y: y as f64 / quantum }
        })
        .collect::<Vec<_>>();
    // `LineString` is closed by `Polygon::new`.
    Some(LineString(coords))
}

#[cfg(test)]
mod test {
    use super::*;
    use geo::polygon;

    fn sample() -> Atlas {
        let square = polygon![(x: 20.0, y: 44.0), (x: 21.5, y: 44.0), (x: 21.5, y: 45.25), (x: 20.0, y: 45.25)];
        Atlas {
            credit: "Natural Earth".into(),
            bbox: [0.0, 30.0, 90.0, 70.0],
            countries: vec![Country {
                id: "SRB".into(),
                name: "Serbia".into(),
                shape: MultiPolygon(vec![square]),
            }],
        }
    }

    #[test]
    fn encode_decode_round_trip_keeps_coordinates() {
        let atlas = sample();
        let encoded = EncodedAtlas::encode(&atlas, 100.0);
        assert_eq!(encoded.countries[0].polygons[0][0], vec![2000, 4400, 150, 0, 0, 125, -150, 0]);
        let json = serde_json::to_string(&encoded).unwrap();
        let decoded = Atlas::from_json(&json).unwrap();
        assert_eq!(decoded, atlas);
    }

    #[test]
    fn unknown_version_is_refused() {
        let mut encoded = EncodedAtlas::encode(&sample(), 100.0);
        encoded.version = 9;
        assert_eq!(encoded.decode(), Err(AtlasError::UnknownVersion { found: 9, expected: 1 }));
    }

    #[test]
    fn malformed_ring_names_the_country() {
        let mut encoded = EncodedAtlas::encode(&sample(), 100.0);
        encoded.countries[0].polygons[0][0].pop();
        let err = encoded.decode().unwrap_err();
        assert_eq!(err.to_string(), "the outline of SRB has a malformed ring (polygon 0, ring 0)");
    }
}
