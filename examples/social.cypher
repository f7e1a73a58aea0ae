// A small social network: people with ages and cities, weighted KNOWS edges (weight = how
// often they meet, 1–10), and the groups they belong to.
CREATE
  (alice:Person {name: 'Alice', age: 34, city: 'Lisbon'}),
  (bob:Person {name: 'Bob', age: 29, city: 'Lisbon'}),
  (carol:Person {name: 'Carol', age: 41, city: 'Porto'}),
  (dave:Person {name: 'Dave', age: 25, city: 'Porto'}),
  (erin:Person {name: 'Erin', age: 37, city: 'Madrid'}),
  (frank:Person {name: 'Frank', age: 52, city: 'Madrid'}),
  (grace:Person {name: 'Grace', age: 23, city: 'Lisbon'}),
  (heidi:Person {name: 'Heidi', age: 45, city: 'Seville'}),
  (ivan:Person {name: 'Ivan', age: 31, city: 'Seville'}),
  (judy:Person {name: 'Judy', age: 28, city: 'Porto'}),
  (mallory:Person {name: 'Mallory', age: 39, city: 'Madrid'}),
  (niaj:Person {name: 'Niaj', age: 33, city: 'Lisbon'}),
  (olivia:Person {name: 'Olivia', age: 26, city: 'Porto'}),
  (peggy:Person {name: 'Peggy', age: 48, city: 'Seville'}),
  (rupert:Person {name: 'Rupert', age: 36, city: 'Madrid'}),
  (sybil:Person {name: 'Sybil', age: 30, city: 'Lisbon'}),
  (trent:Person {name: 'Trent', age: 44, city: 'Porto'}),
  (victor:Person {name: 'Victor', age: 27, city: 'Seville'}),
  (walter:Person {name: 'Walter', age: 58, city: 'Madrid'}),
  (zoe:Person {name: 'Zoe', age: 22, city: 'Lisbon'}),
  (climbers:Group {name: 'Climbers'}),
  (chess:Group {name: 'Chess Club'}),
  (choir:Group {name: 'Choir'}),
  (alice)-[:KNOWS {weight: 8}]->(bob),
  (alice)-[:KNOWS {weight: 3}]->(carol),
  (alice)-[:KNOWS {weight: 5}]->(grace),
  (bob)-[:KNOWS {weight: 6}]->(dave),
  (bob)-[:KNOWS {weight: 2}]->(niaj),
  (carol)-[:KNOWS {weight: 9}]->(dave),
  (carol)-[:KNOWS {weight: 4}]->(judy),
  (dave)-[:KNOWS {weight: 7}]->(olivia),
  (erin)-[:KNOWS {weight: 5}]->(frank),
  (erin)-[:KNOWS {weight: 6}]->(mallory),
  (erin)-[:KNOWS {weight: 2}]->(alice),
  (frank)-[:KNOWS {weight: 8}]->(walter),
  (frank)-[:KNOWS {weight: 3}]->(rupert),
  (grace)-[:KNOWS {weight: 9}]->(zoe),
  (grace)-[:KNOWS {weight: 4}]->(sybil),
  (heidi)-[:KNOWS {weight: 7}]->(ivan),
  (heidi)-[:KNOWS {weight: 5}]->(peggy),
  (ivan)-[:KNOWS {weight: 6}]->(victor),
  (ivan)-[:KNOWS {weight: 1}]->(erin),
  (judy)-[:KNOWS {weight: 8}]->(trent),
  (judy)-[:KNOWS {weight: 3}]->(olivia),
  (mallory)-[:KNOWS {weight: 4}]->(rupert),
  (niaj)-[:KNOWS {weight: 7}]->(sybil),
  (niaj)-[:KNOWS {weight: 2}]->(zoe),
  (olivia)-[:KNOWS {weight: 5}]->(trent),
  (peggy)-[:KNOWS {weight: 6}]->(victor),
  (rupert)-[:KNOWS {weight: 9}]->(walter),
  (sybil)-[:KNOWS {weight: 3}]->(zoe),
  (trent)-[:KNOWS {weight: 2}]->(carol),
  (victor)-[:KNOWS {weight: 4}]->(heidi),
  (walter)-[:KNOWS {weight: 1}]->(mallory),
  (zoe)-[:KNOWS {weight: 6}]->(bob),
  (alice)-[:MEMBER_OF {since: 2019}]->(climbers),
  (grace)-[:MEMBER_OF {since: 2021}]->(climbers),
  (zoe)-[:MEMBER_OF {since: 2022}]->(climbers),
  (carol)-[:MEMBER_OF {since: 2015}]->(chess),
  (trent)-[:MEMBER_OF {since: 2018}]->(chess),
  (walter)-[:MEMBER_OF {since: 2010}]->(chess),
  (heidi)-[:MEMBER_OF {since: 2016}]->(choir),
  (peggy)-[:MEMBER_OF {since: 2017}]->(choir),
  (erin)-[:MEMBER_OF {since: 2020}]->(choir);

// Who does Alice know, and how well?
MATCH (:Person {name: 'Alice'})-[k:KNOWS]->(friend)
RETURN friend.name AS friend, k.weight AS weight
ORDER BY weight DESC;
// expect:
//   | friend  | weight |
//   | 'Bob'   | 8      |
//   | 'Grace' | 5      |
//   | 'Carol' | 3      |

// People per city with their average age.
MATCH (p:Person)
RETURN p.city AS city, count(*) AS people, avg(p.age) AS averageAge
ORDER BY people DESC, city;
// expect:
//   | city      | people | averageAge |
//   | 'Lisbon'  | 6      | 28.5       |
//   | 'Madrid'  | 5      | 44.4       |
//   | 'Porto'   | 5      | 32.8       |
//   | 'Seville' | 4      | 37.75      |

// Friends of friends of Alice she does not know yet.
MATCH (alice:Person {name: 'Alice'})-[:KNOWS]->()-[:KNOWS]->(fof)
WHERE fof <> alice AND NOT (alice)-[:KNOWS]->(fof)
RETURN DISTINCT fof.name AS suggestion
ORDER BY suggestion;
// expect:
//   | suggestion |
//   | 'Dave'     |
//   | 'Judy'     |
//   | 'Niaj'     |
//   | 'Sybil'    |
//   | 'Zoe'      |

// The most connected people (in + out).
MATCH (p:Person)-[:KNOWS]-()
RETURN p.name AS person, count(*) AS degree
ORDER BY degree DESC, person
LIMIT 5;
// expect:
//   | person  | degree |
//   | 'Alice' | 4      |
//   | 'Bob'   | 4      |
//   | 'Carol' | 4      |
//   | 'Erin'  | 4      |
//   | 'Zoe'   | 4      |

// Members of each group, collected in name order.
MATCH (p:Person)-[m:MEMBER_OF]->(g:Group)
WITH g, p, m ORDER BY p.name
RETURN g.name AS group, collect(p.name) AS members, min(m.since) AS founded
ORDER BY group;
// expect:
//   | group        | members                      | founded |
//   | 'Chess Club' | ['Carol', 'Trent', 'Walter'] | 2010    |
//   | 'Choir'      | ['Erin', 'Heidi', 'Peggy']   | 2016    |
//   | 'Climbers'   | ['Alice', 'Grace', 'Zoe']    | 2019    |
