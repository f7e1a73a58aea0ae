// Token lookup indexes name the label and type sets the store always keeps: creating one
// changes no plan, and SHOW INDEXES lists it as Neo4j does. There is one of each kind at most.
CREATE (:Person:Author {name: 'Ada'}), (:Person {name: 'Alan'})-[:KNOWS]->(:Book {title: 'Notes'});

CREATE LOOKUP INDEX node_labels FOR (n) ON EACH labels(n);
CREATE LOOKUP INDEX FOR ()-[r]-() ON EACH type(r);

SHOW LOOKUP INDEXES YIELD name, entityType, labelsOrTypes, properties, size, distinctValues;
// expect:
//   | name             | entityType     | labelsOrTypes | properties | size | distinctValues |
//   | 'index_f7700477' | 'RELATIONSHIP' | null          | null       | 1    | 1              |
//   | 'node_labels'    | 'NODE'         | null          | null       | 4    | 3              |

// A second node label lookup index is equivalent to the first.
CREATE LOOKUP INDEX more_labels FOR (n) ON EACH labels(n);
// expect error: IndexAlreadyExists

DROP INDEX node_labels;
MATCH (p:Person) RETURN p.name AS name ORDER BY name;
// expect:
//   | name   |
//   | 'Ada'  |
//   | 'Alan' |
