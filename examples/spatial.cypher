// Spatial values: POINTs in the Cartesian and WGS-84 coordinate reference systems, stored as
// properties and found through a point index, their components, point.distance() (the Neo4j
// manual's Copenhagen-to-Malmö example) and point.withinBBox().
CREATE POINT INDEX place_location FOR (p:Place) ON (p.location);
CREATE (:Place {city: 'Copenhagen', location: point({longitude: 12.564590, latitude: 55.672874})}),
  (:Place {city: 'Malmo', location: point({longitude: 12.994341, latitude: 55.611784})}),
  (:Place {city: 'Lund', location: point({longitude: 13.191, latitude: 55.7047})});

// The distance between the two offices, in metres, as the manual rounds it.
MATCH (a:Place {city: 'Copenhagen'}), (b:Place {city: 'Malmo'})
RETURN round(point.distance(a.location, b.location)) AS travelDistance;
// expect:
//   | travelDistance |
//   | 27842.0        |

// Components, the CRS and the type of a stored point.
MATCH (p:Place {city: 'Lund'})
RETURN p.location.latitude AS latitude, p.location.crs AS crs, p.location.srid AS srid, valueType(p.location) AS type;
// expect:
//   | latitude | crs      | srid | type             |
//   | 55.7047  | 'wgs-84' | 4326 | 'POINT NOT NULL' |

// The places inside a box around the Öresund, nearest to Copenhagen first.
WITH point({longitude: 12.9, latitude: 55.5}) AS lowerLeft, point({longitude: 13.3, latitude: 55.8}) AS upperRight
MATCH (p:Place) WHERE point.withinBBox(p.location, lowerLeft, upperRight)
RETURN p.city AS city ORDER BY city;
// expect:
//   | city    |
//   | 'Lund'  |
//   | 'Malmo' |

// Cartesian points in 2D and 3D: Euclidean distance, and null between different CRSs.
RETURN point.distance(point({x: 2.3, y: 4.5}), point({x: 1.1, y: 5.4})) AS flat,
  point.distance(point({x: 0, y: 0, z: 0}), point({x: 2, y: 3, z: 6})) AS solid,
  point.distance(point({x: 0, y: 0}), point({longitude: 0, latitude: 0})) AS mixed;
// expect:
//   | flat | solid | mixed |
//   | 1.5  | 7.0   | null  |

// Finding a place by its exact location uses the index.
MATCH (p:Place) WHERE p.location = point({longitude: 12.994341, latitude: 55.611784})
RETURN p.city AS city;
// expect:
//   | city    |
//   | 'Malmo' |

// Places within 30 km of Copenhagen: the distance predicate is answered through the index too.
MATCH (p:Place) WHERE point.distance(p.location, point({longitude: 12.564590, latitude: 55.672874})) < 30000
RETURN p.city AS city ORDER BY city;
// expect:
//   | city         |
//   | 'Copenhagen' |
//   | 'Malmo'      |
