// A vector index over embeddings and the nearest neighbours of a query vector, scored as Neo4j
// normalises them ((1 + cos) / 2 for cosine). The search is exact.
UNWIND [['tea', [0.9, 0.1, 0.0]], ['coffee', [0.8, 0.3, 0.1]], ['bicycle', [0.0, 0.2, 0.9]],
        ['kettle', [0.6, 0.0, 0.5]], ['unknown', null]] AS item
CREATE (:Item {name: item[0], embedding: item[1]});

CREATE VECTOR INDEX item_embedding IF NOT EXISTS FOR (i:Item) ON i.embedding
OPTIONS {indexConfig: {`vector.dimensions`: 3, `vector.similarity_function`: 'cosine'}};

CALL db.index.vector.queryNodes('item_embedding', 2, [1.0, 0.0, 0.0]) YIELD node, score
RETURN node.name AS name, round(score * 1000) AS permille;
// expect:
//   | name     | permille |
//   | 'tea'    | 997.0    |
//   | 'coffee' | 965.0    |

SHOW VECTOR INDEXES YIELD name, type, labelsOrTypes, properties, size;
// expect:
//   | name             | type     | labelsOrTypes | properties      | size |
//   | 'item_embedding' | 'VECTOR' | ['Item']      | ['embedding']   | 4    |

// The query must have the index's dimensions.
CALL db.index.vector.queryNodes('item_embedding', 2, [1.0, 0.0]) YIELD node RETURN node;
// expect error: InvalidArgumentValue
