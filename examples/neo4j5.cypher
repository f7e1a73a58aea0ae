// Neo4j 5 / Cypher 25 expressions that openCypher lacks: type predicates and valueType(), the
// casting functions, string and list concatenation with ||, the extended simple CASE, and the
// newer string, numeric and vector functions.
CREATE (:Reading {sensor: 'a', value: 21}),
  (:Reading {sensor: 'b', value: '19.5'}),
  (:Reading {sensor: 'c', value: 18.25}),
  (:Reading {sensor: 'd'});

// Which readings are numbers, and of which type.
MATCH (r:Reading)
RETURN r.sensor AS sensor, r.value IS :: INTEGER NOT NULL | FLOAT NOT NULL AS numeric, valueType(r.value) AS type
ORDER BY sensor;
// expect:
//   | sensor | numeric | type             |
//   | 'a'    | true    | 'INTEGER NOT NULL' |
//   | 'b'    | false   | 'STRING NOT NULL'  |
//   | 'c'    | true    | 'FLOAT NOT NULL'   |
//   | 'd'    | false   | 'NULL'             |

// Casting what can be cast; the rest becomes null.
MATCH (r:Reading)
WITH r ORDER BY r.sensor
RETURN toFloatList(collect(r.value)) AS floats, toStringList([1, true, [2]]) AS strings;
// expect:
//   | floats             | strings             |
//   | [21.0, 19.5, 18.25] | ['1', 'true', null] |

// Labels for readings, with comparison operators and predicates in the WHEN.
MATCH (r:Reading)
RETURN r.sensor || ':' || CASE toFloatOrNull(r.value)
  WHEN IS NULL THEN 'missing'
  WHEN < 19 THEN 'cool'
  WHEN 19, 19.5, 20 THEN 'mild'
  ELSE 'warm' END AS label
ORDER BY label;
// expect:
//   | label       |
//   | 'a:warm'    |
//   | 'b:mild'    |
//   | 'c:cool'    |
//   | 'd:missing' |

// Newer string and numeric functions.
RETURN btrim('--x--', '-') AS b, trim(LEADING '0' FROM '007') AS t, round(2.675, 2) AS r,
  round(2.5, 0, 'HALF_EVEN') AS even, nullIf(1, 1) AS n, char_length('héllo') AS len,
  vector.similarity.cosine([1, 0], [1, 0]) AS cos;
// expect:
//   | b   | t   | r    | even | n    | len | cos |
//   | 'x' | '7' | 2.68 | 2.0  | null | 5   | 1.0 |

// A closed dynamic union must agree on NOT NULL.
RETURN 1 IS :: INTEGER NOT NULL | FLOAT AS bad;
// expect error: InvalidTypeExpression

// Relationship types computed per row: CREATE and MERGE take the one type the expression gives.
CREATE (:City {name: 'Porto'}), (:City {name: 'Braga'});
MATCH (a:City {name: 'Porto'}), (b:City {name: 'Braga'})
UNWIND ['ROAD', 'RAIL', 'ROAD'] AS kind
MERGE (a)-[r:$(kind)]->(b)
RETURN type(r) AS type, count(*) AS rows ORDER BY type;
// expect:
//   | type   | rows |
//   | 'RAIL' | 1    |
//   | 'ROAD' | 2    |

MATCH (a:City {name: 'Porto'}), (b:City {name: 'Braga'})
CREATE (a)-[r:$(['ROAD', 'RAIL'])]->(b);
// expect error: NoSingleRelationshipType

// Temporal values written by a pattern (Cypher 25 format()).
RETURN format(date('2024-03-05'), 'EEEE d MMMM uuuu') AS day,
  format(datetime('2024-03-05T07:08:09+01:00'), "HH:mm 'at' XXX") AS time;
// expect:
//   | day                    | time             |
//   | 'Tuesday 5 March 2024' | '07:08 at +01:00' |

// A duration by its components: the largest unit named takes the whole group.
RETURN format(duration('PT90M'), "h 'h' mm 'min'") AS hm, format(duration('P17D'), "w 'weeks' d 'days'") AS wd;
// expect:
//   | hm           | wd               |
//   | '1 h 30 min' | '2 weeks 3 days' |
