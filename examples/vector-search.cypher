// The Cypher 25 SEARCH subclause: a MATCH whose binding variable comes from a vector index
// search (the k nearest neighbours, best first), with the similarity as SCORE AS. Pattern
// labels and the MATCH's WHERE filter the neighbours afterwards. The search is exact.
CREATE (:Movie {title: 'Aladdin', rating: 8.0}),
       (:Movie {title: 'Cinderella', embedding: [1, 3, 4], rating: 7.3}),
       (:Movie:Favorite {title: 'Frozen', embedding: [1, 3, 3], rating: 7.4}),
       (:Movie {title: 'Lilo & Stitch', embedding: [1, 1, 3], rating: 7.4}),
       (:Movie:Favorite {title: 'Lion King', embedding: [2, 5, 2], rating: 8.5}),
       (:Movie:Favorite {title: 'Mulan', embedding: [2, 3, 3], rating: 7.7}),
       (:Movie {title: 'Snow White', embedding: [1, 2, 3], rating: 7.6});

CREATE VECTOR INDEX moviePlots FOR (m:Movie) ON m.embedding
OPTIONS {indexConfig: {`vector.dimensions`: 3, `vector.similarity_function`: 'cosine'}};

MATCH (snowWhite:Movie {title: 'Snow White'})
MATCH (movie:Movie)
  SEARCH movie IN (
    VECTOR INDEX moviePlots
    FOR snowWhite.embedding
    LIMIT 4
  ) SCORE AS similarity
RETURN movie.title AS title, round(similarity * 10000) AS score;
// expect:
//   | title        | score   |
//   | 'Snow White' | 10000.0 |
//   | 'Cinderella' | 9979.0  |
//   | 'Frozen'     | 9905.0  |
//   | 'Mulan'      | 9843.0  |

// Labels in the pattern and WHERE filter after the search: Lion King is a favourite but not
// among the four nearest.
MATCH (movie:Movie&Favorite)
  SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4)
  WHERE movie.rating > 7.5
RETURN movie.title AS title;
// expect:
//   | title   |
//   | 'Mulan' |

// OPTIONAL MATCH keeps the row when the query vector is null.
MATCH (aladdin:Movie {title: 'Aladdin'})
OPTIONAL MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR aladdin.embedding LIMIT 2)
RETURN aladdin.title AS title, movie;
// expect:
//   | title     | movie |
//   | 'Aladdin' | null  |

// The binding variable must be one the same MATCH introduces.
MATCH (movie:Movie)
MATCH (other:Movie {title: 'Snow White'})
  SEARCH movie IN (VECTOR INDEX moviePlots FOR other.embedding LIMIT 4)
RETURN movie.title;
// expect error: InvalidVectorSearch
