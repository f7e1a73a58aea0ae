// Neo4j 5 constraints beyond uniqueness and existence on nodes: node keys, relationship
// constraints and property types, each refusing what breaks it.
CREATE CONSTRAINT person_key FOR (p:Person) REQUIRE (p.first, p.last) IS NODE KEY;
CREATE CONSTRAINT person_age FOR (p:Person) REQUIRE p.age IS :: INTEGER | FLOAT;
CREATE CONSTRAINT knows_since FOR ()-[k:KNOWS]-() REQUIRE k.since IS NOT NULL;
CREATE CONSTRAINT knows_id FOR ()-[k:KNOWS]-() REQUIRE k.id IS UNIQUE;
CREATE (a:Person {first: 'Ada', last: 'Lovelace', age: 36}),
  (b:Person {first: 'Charles', last: 'Babbage', age: 79.5}),
  (a)-[:KNOWS {id: 1, since: 1833}]->(b);

SHOW CONSTRAINTS YIELD name, type, entityType, properties, ownedIndex, propertyType;
// expect:
//   | name          | type                              | entityType     | properties         | ownedIndex    | propertyType      |
//   | 'knows_id'    | 'RELATIONSHIP_UNIQUENESS'         | 'RELATIONSHIP' | ['id']             | 'knows_id'    | null              |
//   | 'knows_since' | 'RELATIONSHIP_PROPERTY_EXISTENCE' | 'RELATIONSHIP' | ['since']          | null          | null              |
//   | 'person_age'  | 'NODE_PROPERTY_TYPE'              | 'NODE'         | ['age']            | null          | 'INTEGER | FLOAT' |
//   | 'person_key'  | 'NODE_KEY'                        | 'NODE'         | ['first', 'last']  | 'person_key'  | null              |

// A key needs every property.
CREATE (:Person {first: 'Ada'});
// expect error: ConstraintValidationFailed

// And a combination no other node has.
MERGE (p:Person {first: 'Ada', last: 'Byron'}) SET p.last = 'Lovelace';
// expect error: ConstraintValidationFailed

// The age must be a number.
MATCH (p:Person {first: 'Ada'}) SET p.age = '36';
// expect error: ConstraintValidationFailed

// Relationships need `since`, and a unique `id`.
MATCH (a:Person {first: 'Ada'}), (b:Person {first: 'Charles'}) CREATE (b)-[:KNOWS {id: 1, since: 1834}]->(a);
// expect error: ConstraintValidationFailed

MATCH ()-[k:KNOWS]->() REMOVE k.since;
// expect error: ConstraintValidationFailed

// A property type cannot be NOT NULL: that is an existence constraint.
CREATE CONSTRAINT FOR (p:Person) REQUIRE p.first IS :: STRING NOT NULL;
// expect error: InvalidTypeExpression

MATCH (p:Person)-[k:KNOWS]->(q) RETURN p.first AS from, q.first AS to, k.since AS since;
// expect:
//   | from  | to        | since |
//   | 'Ada' | 'Charles' | 1833  |
