// Golden files for `quiver test`, one that passes and one that fails on purpose. They live in
// Swift strings because SwiftPM warns about other files in a test target unless Package.swift
// declares them; tests write them out to temporary .cypher files.

/// The golden-file fixtures; line numbers inside them matter to GoldenFileTests.
enum GoldenFixtures {
  static let passing = """
    // A golden file that passes: used by GoldenFileTests.
    CREATE (:Person {name: 'Alice', age: 30}), (:Person {name: 'Bob', age: 25});
    CREATE (:Pet {name: 'Rex'});

    MATCH (p:Person) RETURN p.name AS name, p.age AS age ORDER BY age;
    // expect:
    //   | name    | age |
    //   | 'Bob'   | 25  |
    //   | 'Alice' | 30  |

    // Without ORDER BY the rows may come in any order.
    MATCH (n) RETURN n.name AS name;
    // expect:
    //   | name  |
    //   | Rex   |
    //   | Alice |
    //   | Bob   |

    :param limit => 1
    MATCH (p:Person) RETURN p.name AS name, labels(p) AS labels ORDER BY name LIMIT $limit;
    // expect:
    //   | name  | labels     |
    //   |-------|------------|
    //   | Alice | ['Person'] |

    RETURN 1 +;
    // expect error: SyntaxError

    MATCH (n:Nobody) RETURN n;
    // expect:
    //   | n |
    """

  static let failing = """
    // A golden file that fails on purpose (lines matter: GoldenFileTests checks them).
    CREATE (:Person {name: 'Alice'}), (:Person {name: 'Bob'});

    MATCH (p:Person) RETURN p.name AS name ORDER BY name;
    // expect:
    //   | name |
    //   | 'Bob' |
    //   | 'Alice' |

    RETURN 1 AS one;
    // expect error: SyntaxError
    RETURN missing AS x;
    RETURN 1 / 0 AS x;
    // expect error: TypeError
    MATCH (p:Person) RETURN count(p) AS people;
    // expect:
    //   | people |
    //   | 2      |
    """
}
