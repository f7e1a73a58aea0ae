// A full-text index over two properties of two labels, queried with the supported Lucene syntax:
// words (any case), phrases, prefixes, fields and boolean operators. The best match comes first.
CREATE (:Movie {title: 'The Matrix', plot: 'A hacker learns the truth about reality'}),
  (:Movie {title: 'The Matrix Reloaded', plot: 'Neo and the rebels fight the machines'}),
  (:Book {title: 'Reality Hunger', plot: 'A manifesto'});

CREATE FULLTEXT INDEX titles FOR (n:Movie|Book) ON EACH [n.title, n.plot];

CALL db.index.fulltext.queryNodes('titles', 'matrix AND NOT neo') YIELD node
RETURN node.title AS title;
// expect:
//   | title        |
//   | 'The Matrix' |

CALL db.index.fulltext.queryNodes('titles', 'reality OR hunger') YIELD node, score
WITH node, score ORDER BY score DESC
RETURN node.title AS title;
// expect:
//   | title            |
//   | 'Reality Hunger' |
//   | 'The Matrix'     |

CALL db.index.fulltext.queryNodes('titles', 'title:"matrix reloaded" hack*') YIELD node
RETURN node.title AS title ORDER BY title;
// expect:
//   | title                 |
//   | 'The Matrix'          |
//   | 'The Matrix Reloaded' |

SHOW FULLTEXT INDEXES YIELD name, type, labelsOrTypes, properties, size;
// expect:
//   | name     | type       | labelsOrTypes     | properties         | size |
//   | 'titles' | 'FULLTEXT' | ['Movie', 'Book'] | ['title', 'plot']  | 3    |

// Fuzzy queries are not supported.
CALL db.index.fulltext.queryNodes('titles', 'matrx~') YIELD node RETURN node;
// expect error: ProcedureCallFailed
