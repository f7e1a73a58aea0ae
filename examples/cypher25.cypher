// Cypher 25 clauses and query composition: FILTER, LET, standalone ORDER BY / OFFSET / LIMIT,
// sequential queries with NEXT, conditional WHEN … THEN … ELSE, FINISH, NODETACH DELETE, and
// SHOW … YIELD … WHERE … RETURN.
CREATE (:Item {name: 'apple', price: 3}), (:Item {name: 'pear', price: 5}),
  (:Item {name: 'plum', price: 2}), (:Item {name: 'fig', price: 8});

// FILTER and LET in place of WITH; ORDER BY, OFFSET and LIMIT on their own.
MATCH (i:Item)
FILTER i.price > 2
LET total = i.price * 2
ORDER BY total DESC
OFFSET 1
LIMIT 2
RETURN i.name AS name, total;
// expect:
//   | name    | total |
//   | 'pear'  | 10    |
//   | 'apple' | 6     |

// NEXT hands the rows of one query to the next.
MATCH (i:Item) RETURN i.price AS price
NEXT
RETURN sum(price) AS total, count(*) AS items;
// expect:
//   | total | items |
//   | 18    | 4     |

// A conditional query runs the branch of the first predicate that holds.
WHEN EXISTS { MATCH (i:Item) WHERE i.price > 5 } THEN RETURN 'some expensive' AS verdict
ELSE RETURN 'all cheap' AS verdict;
// expect:
//   | verdict          |
//   | 'some expensive' |

// After NEXT, each part of a UNION reads the whole table (its aggregates count every row) ...
MATCH (i:Item) RETURN i.name AS name, i.price AS price
NEXT
RETURN 'cheapest' AS which, min(price) AS price
UNION
RETURN 'dearest' AS which, max(price) AS price;
// expect:
//   | which      | price |
//   | 'cheapest' | 2     |
//   | 'dearest'  | 8     |

// ... and a conditional query runs once per row.
MATCH (i:Item) RETURN i.name AS name, i.price AS price
NEXT
WHEN price > 4 THEN RETURN name, 'dear' AS band
ELSE RETURN name, 'cheap' AS band
NEXT
RETURN name, band ORDER BY name;
// expect:
//   | name    | band    |
//   | 'apple' | 'cheap' |
//   | 'fig'   | 'dear'  |
//   | 'pear'  | 'dear'  |
//   | 'plum'  | 'cheap' |

// FINISH: the write happens and nothing is returned.
MATCH (i:Item {name: 'plum'}) SET i.price = 1 FINISH;

MATCH (i:Item {name: 'plum'}) RETURN i.price AS price;
// expect:
//   | price |
//   | 1     |

// NODETACH DELETE refuses a node that still has relationships.
CREATE (:Shelf)-[:HOLDS]->(:Box);
MATCH (s:Shelf) NODETACH DELETE s;
// expect error: DeleteConnectedNode

// SHOW takes YIELD, WHERE and RETURN like a query.
SHOW FUNCTIONS YIELD name, category WHERE category = 'Vector' RETURN name ORDER BY name;
// expect:
//   | name                          |
//   | 'vector'                      |
//   | 'vector.similarity.cosine'    |
//   | 'vector.similarity.euclidean' |
//   | 'vector_dimension_count'      |
//   | 'vector_distance'             |
//   | 'vector_norm'                 |

// FOR is UNWIND in GQL's order; IS LABELED tests a label expression.
CREATE (:Tool {name: 'hammer'}), (:Tool:Heavy {name: 'anvil'});
FOR name IN ['anvil', 'hammer'] MATCH (t:Tool {name: name})
RETURN name, t IS LABELED Heavy AS heavy, t IS NOT LABELED Heavy|Sharp AS light;
// expect:
//   | name     | heavy | light |
//   | 'anvil'  | true  | false |
//   | 'hammer' | false | true  |
