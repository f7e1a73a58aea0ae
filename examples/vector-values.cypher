// VECTOR values (Cypher 25): vector() with its coordinate types, vectors stored as properties,
// vector_distance() and vector_norm() in float32 arithmetic (the Neo4j manual's numbers), type
// predicates and valueType(), and a vector index searched with a VECTOR query.
CREATE (:Node {id: 1, vector: vector([1.0, 4.0, 2.0], 3, FLOAT32)}),
  (:Node {id: 2, vector: vector([3.0, -2.0, 1.0], 3, FLOAT32)}),
  (:Node {id: 3, vector: vector([2.0, 8.0, 3.0], 3, FLOAT32)});

// A vector from a list and from a string; floats are coerced to the coordinate type.
RETURN vector([1, 2, 3], 3, INTEGER) AS ints, vector('[1.05000e+00, 0.123, 5]', 3, FLOAT) AS floats,
  vector([1.9, -1.9], 2, INT8) AS truncated;
// expect:
//   | ints                                   | floats                                          | truncated                              |
//   | vector([1, 2, 3], 3, INTEGER NOT NULL) | vector([1.05, 0.123, 5.0], 3, FLOAT NOT NULL) | vector([1, -1], 2, INTEGER8 NOT NULL) |

// The manual's distances and norms.
RETURN vector_distance(vector([1, 2, 3], 3, INTEGER8), vector([1, 2, 4], 3, INTEGER8), COSINE) AS cosine,
  vector_distance(vector([1.0, 5.0, 3.0, 6.7], 4, FLOAT32), vector([5.0, 2.5, 3.1, 9.0], 4, FLOAT32), EUCLIDEAN) AS euclidean,
  vector_norm(vector([1.0, 5.0, 3.0, 6.7], 4, FLOAT32), MANHATTAN) AS manhattan;
// expect:
//   | cosine               | euclidean         | manhattan          |
//   | 0.008539855480194092 | 5.248809337615967 | 15.699999809265137 |

// A stored vector keeps its type.
MATCH (n:Node {id: 3})
RETURN n.vector AS v, valueType(n.vector) AS type, vector_dimension_count(n.vector) AS dimension,
  n.vector IS :: VECTOR<FLOAT32>(3) AS exact, n.vector IS :: VECTOR<INT8> AS int8;
// expect:
//   | v                                           | type                          | dimension | exact | int8  |
//   | vector([2.0, 8.0, 3.0], 3, FLOAT32 NOT NULL) | 'VECTOR<FLOAT32>(3) NOT NULL' | 3         | true  | false |

// The two nearest neighbours of a query vector by exhaustive search.
MATCH (node:Node)
RETURN node.id AS id, vector_distance(node.vector, vector([4.0, 5.0, 6.0], 3, FLOAT32), EUCLIDEAN_SQUARED) AS distance
ORDER BY distance LIMIT 2;
// expect:
//   | id | distance |
//   | 3  | 22.0     |
//   | 1  | 26.0     |

// A vector index holds VECTOR properties and takes a VECTOR query.
CREATE VECTOR INDEX node_vector FOR (n:Node) ON n.vector
  OPTIONS {indexConfig: {`vector.dimensions`: 3, `vector.similarity_function`: 'euclidean'}};
MATCH (n:Node) SEARCH n IN (VECTOR INDEX node_vector FOR vector([4.0, 5.0, 6.0], 3, FLOAT64) LIMIT 1)
RETURN n.id AS id;
// expect:
//   | id |
//   | 3  |

// A coordinate that does not fit its type.
RETURN vector([1, 300], 2, INTEGER8);
// expect error: NumberOutOfRange
