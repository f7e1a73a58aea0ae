// A lending library: books, authors, genres and loans to members, with due dates as ISO text.
CREATE
  (tolkien:Author {name: 'J. R. R. Tolkien', born: 1892}),
  (leguin:Author {name: 'Ursula K. Le Guin', born: 1929}),
  (pratchett:Author {name: 'Terry Pratchett', born: 1948}),
  (jemisin:Author {name: 'N. K. Jemisin', born: 1972}),
  (fantasy:Genre {name: 'Fantasy'}),
  (scifi:Genre {name: 'Science Fiction'}),
  (humour:Genre {name: 'Humour'}),
  (hobbit:Book {title: 'The Hobbit', year: 1937, copies: 3}),
  (lotr:Book {title: 'The Lord of the Rings', year: 1954, copies: 2}),
  (earthsea:Book {title: 'A Wizard of Earthsea', year: 1968, copies: 2}),
  (dispossessed:Book {title: 'The Dispossessed', year: 1974, copies: 1}),
  (guards:Book {title: 'Guards! Guards!', year: 1989, copies: 2}),
  (mort:Book {title: 'Mort', year: 1987, copies: 1}),
  (fifth:Book {title: 'The Fifth Season', year: 2015, copies: 2}),
  (ana:Member {name: 'Ana', joined: 2020}),
  (ben:Member {name: 'Ben', joined: 2018}),
  (cleo:Member {name: 'Cleo', joined: 2023}),
  (tolkien)-[:WROTE]->(hobbit), (tolkien)-[:WROTE]->(lotr),
  (leguin)-[:WROTE]->(earthsea), (leguin)-[:WROTE]->(dispossessed),
  (pratchett)-[:WROTE]->(guards), (pratchett)-[:WROTE]->(mort),
  (jemisin)-[:WROTE]->(fifth),
  (hobbit)-[:IN_GENRE]->(fantasy), (lotr)-[:IN_GENRE]->(fantasy), (earthsea)-[:IN_GENRE]->(fantasy),
  (dispossessed)-[:IN_GENRE]->(scifi), (guards)-[:IN_GENRE]->(fantasy), (guards)-[:IN_GENRE]->(humour),
  (mort)-[:IN_GENRE]->(fantasy), (mort)-[:IN_GENRE]->(humour), (fifth)-[:IN_GENRE]->(fantasy),
  (fifth)-[:IN_GENRE]->(scifi),
  (ana)-[:BORROWED {due: '2026-12-01'}]->(hobbit),
  (ana)-[:BORROWED {due: '2026-12-08'}]->(mort),
  (ben)-[:BORROWED {due: '2026-11-20'}]->(dispossessed),
  (cleo)-[:BORROWED {due: '2026-12-03'}]->(fifth),
  (cleo)-[:BORROWED {due: '2026-11-28'}]->(hobbit);

// Books per genre, most first.
MATCH (b:Book)-[:IN_GENRE]->(g:Genre)
RETURN g.name AS genre, count(b) AS books
ORDER BY books DESC, genre;
// expect:
//   | genre             | books |
//   | 'Fantasy'         | 6     |
//   | 'Humour'          | 2     |
//   | 'Science Fiction' | 2     |

// Copies still on the shelf.
MATCH (b:Book)
OPTIONAL MATCH (b)<-[loan:BORROWED]-()
WITH b, count(loan) AS loans
RETURN b.title AS title, b.copies - loans AS available
ORDER BY title;
// expect:
//   | title                   | available |
//   | 'A Wizard of Earthsea'  | 2         |
//   | 'Guards! Guards!'       | 2         |
//   | 'Mort'                  | 0         |
//   | 'The Dispossessed'      | 0         |
//   | 'The Fifth Season'      | 1         |
//   | 'The Hobbit'            | 1         |
//   | 'The Lord of the Rings' | 2         |

// Overdue loans on 2026-11-25 (ISO dates compare as text).
MATCH (m:Member)-[l:BORROWED]->(b:Book)
WHERE l.due < '2026-11-25'
RETURN m.name AS member, b.title AS book, l.due AS due;
// expect:
//   | member | book               | due          |
//   | 'Ben'  | 'The Dispossessed' | '2026-11-20' |

// Authors whose books span more than one genre.
MATCH (a:Author)-[:WROTE]->(:Book)-[:IN_GENRE]->(g:Genre)
WITH a, collect(DISTINCT g.name) AS genres
WHERE size(genres) > 1
RETURN a.name AS author, genres
ORDER BY author;
// expect:
//   | author              | genres                         |
//   | 'N. K. Jemisin'     | ['Fantasy', 'Science Fiction'] |
//   | 'Terry Pratchett'   | ['Fantasy', 'Humour']          |
//   | 'Ursula K. Le Guin' | ['Fantasy', 'Science Fiction'] |
