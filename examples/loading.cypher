// Loading a small transit network from CSV files with LOAD CSV. Files resolve inside the import
// directory: for `quiver test`, the directory of this script (so 'file:///loading/…').
LOAD CSV WITH HEADERS FROM 'file:///loading/stations.csv' AS row
CALL (row) {
  CREATE (:Station {id: toInteger(row.id), name: row.name, zone: toInteger(row.zone)})
} IN TRANSACTIONS OF 2 ROWS;

LOAD CSV FROM 'file:///loading/links.csv' AS row FIELDTERMINATOR ';'
MATCH (a:Station {id: toInteger(row[0])}), (b:Station {id: toInteger(row[1])})
CREATE (a)-[:LINK {minutes: toInteger(row[2])}]->(b);

// Quoted fields keep their commas; an empty field is null.
MATCH (s:Station) RETURN s.id AS id, s.name AS name, s.zone AS zone ORDER BY id;
// expect:
//   | id | name            | zone |
//   | 1  | 'Harbour'       | 1    |
//   | 2  | 'Market, North' | 1    |
//   | 3  | 'Old Mill'      | null |
//   | 4  | 'Airport'       | 3    |

// The journey from the harbour to the airport.
MATCH p = (:Station {name: 'Harbour'})-[:LINK*]->(:Station {name: 'Airport'})
RETURN reduce(t = 0, l IN relationships(p) | t + l.minutes) AS minutes;
// expect:
//   | minutes |
//   | 21      |

// Files outside the import directory are refused.
LOAD CSV FROM 'file:///../README.md' AS row RETURN row;
// expect error: PathOutsideImportDirectory

// IN TRANSACTIONS runs only in an implicit transaction, and REPORT STATUS needs ON ERROR.
UNWIND [1] AS i CALL { WITH i CREATE (:X) } IN TRANSACTIONS REPORT STATUS AS s RETURN s;
// expect error: InvalidClauseComposition
