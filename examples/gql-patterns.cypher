// GQL graph patterns as Neo4j 5 and Cypher 25 write them: label expressions, WHERE inside
// patterns, quantified relationships and path patterns with group variables, path selectors.
CREATE
  (lisbon:Station {name: 'Lisbon'}), (coimbra:Station:Hub {name: 'Coimbra'}),
  (porto:Station:Hub {name: 'Porto'}), (braga:Station {name: 'Braga'}), (depot:Depot {name: 'Depot'}),
  (lisbon)-[:LINK {minutes: 100}]->(coimbra),
  (coimbra)-[:LINK {minutes: 60}]->(porto),
  (porto)-[:LINK {minutes: 40}]->(braga),
  (lisbon)-[:EXPRESS {minutes: 170}]->(porto),
  (braga)-[:SERVICE {minutes: 15}]->(depot);

// Stations that are not hubs, and everything with some label that is a hub or a depot.
MATCH (s:Station&!Hub)
RETURN s.name AS station ORDER BY station;
// expect:
//   | station  |
//   | 'Braga'  |
//   | 'Lisbon' |

MATCH (n) WHERE n:Hub|Depot
RETURN n.name AS name ORDER BY name;
// expect:
//   | name      |
//   | 'Coimbra' |
//   | 'Depot'   |
//   | 'Porto'   |

// Connections longer than an hour, with the condition inside the pattern.
MATCH (a:Station)-[r:LINK|EXPRESS WHERE r.minutes > 60]->(b)
RETURN a.name AS from, b.name AS to ORDER BY r.minutes;
// expect:
//   | from     | to        |
//   | 'Lisbon' | 'Coimbra' |
//   | 'Lisbon' | 'Porto'   |

// Where Lisbon reaches in one to three LINK hops, and the stops on the way.
MATCH (:Station {name: 'Lisbon'}) ((x)-[l:LINK]->(y)){1,3} (b)
RETURN b.name AS destination, [s IN y | s.name] AS stops, reduce(t = 0, e IN l | t + e.minutes) AS minutes
ORDER BY minutes;
// expect:
//   | destination | stops                          | minutes |
//   | 'Coimbra'   | ['Coimbra']                    | 100     |
//   | 'Porto'     | ['Coimbra', 'Porto']           | 160     |
//   | 'Braga'     | ['Coimbra', 'Porto', 'Braga']  | 200     |

// Two-link legs from Lisbon that change at a hub, one or two of them in a row.
MATCH (:Station {name: 'Lisbon'}) ((x)-[:LINK]->(via:Hub)-[:LINK]->(y)){1,2} (e)
RETURN e.name AS destination, [v IN via | v.name] AS changes;
// expect:
//   | destination | changes     |
//   | 'Porto'     | ['Coimbra'] |

// The two shortest routes from Lisbon to Braga.
MATCH p = SHORTEST 2 (:Station {name: 'Lisbon'})-->+(:Station {name: 'Braga'})
RETURN [n IN nodes(p) | n.name] AS route ORDER BY length(p);
// expect:
//   | route                                   |
//   | ['Lisbon', 'Porto', 'Braga']            |
//   | ['Lisbon', 'Coimbra', 'Porto', 'Braga'] |

// The fewest hops from Lisbon to the depot, over any connection.
MATCH p = SHORTEST 1 (:Station {name: 'Lisbon'})-->+(:Depot)
RETURN [n IN nodes(p) | n.name] AS route;
// expect:
//   | route                                 |
//   | ['Lisbon', 'Porto', 'Braga', 'Depot'] |

// A group variable nothing reads is not collected: only the destinations are counted here.
MATCH (:Station {name: 'Lisbon'}) ((x)-[:LINK]->(y)){1,3} (b)
RETURN count(b) AS reached;
// expect:
//   | reached |
//   | 3       |

// A parameter may give the count of SHORTEST, SHORTEST … GROUPS and ANY.
:param routes => 2
MATCH p = SHORTEST $routes (:Station {name: 'Lisbon'})-->+(:Station {name: 'Braga'})
RETURN length(p) AS hops ORDER BY hops;
// expect:
//   | hops |
//   | 2    |
//   | 3    |

:param routes => 0
MATCH p = ANY $routes (:Station {name: 'Lisbon'})-->+(:Station {name: 'Braga'})
RETURN p;
// expect error: InvalidArgumentValue

// A path pattern in parentheses: its WHERE checks the whole path, and its variable names it.
MATCH (route = (:Station {name: 'Lisbon'})-[:LINK|EXPRESS]->+(b:Station {name: 'Braga'})
  WHERE all(s IN nodes(route) WHERE s.name <> 'Coimbra'))
RETURN [n IN nodes(route) | n.name] AS stops;
// expect:
//   | stops                        |
//   | ['Lisbon', 'Porto', 'Braga'] |
