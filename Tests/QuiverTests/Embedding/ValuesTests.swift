// Values in and out of the embedding API: plain Swift parameters, Encodable parameters through
// ValueEncoder, rows decoded into Decodable types by column name or from a node's properties,
// typed row accessors, Date as datetime, and decoding errors that name column, type and value.
import Foundation
import Quiver
import Testing

private struct Person: Codable, Equatable {
  var name: String
  var age: Int
  var email: String?
}

private struct Event: Codable, Equatable {
  var title: String
  var at: Date
  var tags: [String]
  var rating: Double
}

/// The error `body` throws, as a `QuiverError`; nil when it returns or throws another error.
private func quiverError(_ body: () throws -> Any) -> QuiverError? {
  do {
    _ = try body()
    return nil
  } catch {
    return error as? QuiverError
  }
}

/// Every common leaf type, read from columns, map entries and node properties alike.
private struct Reading: Codable, Equatable {
  var label: String
  var count: Int
  var level: Double
  var active: Bool
}

@Suite struct ValuesTests {
  private func people() throws -> Database {
    let db = try Database()
    try db.execute("CREATE (:Person {name: 'Alice', age: 25, email: 'a@x.org'}), (:Person {name: 'Bob', age: 31})")
    return db
  }

  @Test func plainSwiftValuesAreParameters() throws {
    let db = try people()
    let minimum = 30
    let names: [String] = ["Alice", "Bob", "Carol"]
    let missing: Int? = nil
    let result = try db.execute(
      "MATCH (p:Person) WHERE p.age >= $min AND p.name IN $names RETURN p.name AS name, $none IS NULL AS n, $f AS f, $m AS m",
      parameters: ["min": minimum, "names": names, "none": missing, "f": 1.5, "m": ["k": [1, 2]]])
    #expect(result.rows.map { $0.map(\.cypherText) } == [["'Bob'", "true", "1.5", "{k: [1, 2]}"]])
  }

  @Test func rowsDecodeByColumnName() throws {
    let db = try people()
    let found = try db.query(
      Person.self, "MATCH (p:Person) RETURN p.name AS name, p.age AS age, p.email AS email ORDER BY name")
    #expect(found == [Person(name: "Alice", age: 25, email: "a@x.org"), Person(name: "Bob", age: 31, email: nil)])
  }

  @Test func leafFieldsDecodeFromColumnsMapsAndNodes() throws {
    let db = try Database()
    let expected = [Reading(label: "a", count: 2, level: 3, active: true)]
    // An integer decodes into a Double field wherever it comes from.
    #expect(try db.query(Reading.self, "RETURN 'a' AS label, 2 AS count, 3 AS level, true AS active") == expected)
    #expect(try db.query(Reading.self, "RETURN {label: 'a', count: 2, level: 3.0, active: true} AS r") == expected)
    try db.execute("CREATE (:R {label: 'a', count: 2, level: 3, active: true})")
    #expect(try db.query(Reading.self, "MATCH (r:R) RETURN r") == expected)
    #expect(try db.query([Reading].self, "RETURN [{label: 'a', count: 2, level: 3, active: true}] AS rs") == [expected])
    let wrong = quiverError { try db.query(Reading.self, "RETURN {label: 'a', count: 2, level: 3, active: 'yes'} AS r") }
    #expect(wrong?.message == "column `r.active`: expected Bool (a BOOLEAN), found STRING 'yes'")
    let large = quiverError { try db.query(Reading.self, "RETURN 'a' AS label, 2 AS count, 'high' AS level, true AS active") }
    #expect(large?.message == "column `level`: expected Double (a FLOAT), found STRING 'high'")
  }

  @Test func aNodeColumnDecodesFromItsProperties() throws {
    let db = try people()
    let found = try db.query(Person.self, "MATCH (p:Person) WHERE p.age > $age RETURN p", parameters: ["age": 30])
    #expect(found == [Person(name: "Bob", age: 31, email: nil)])
    let node = try db.query(Node.self, "MATCH (p:Person {name: 'Alice'}) RETURN p")
    #expect(node.map(\.labels) == [["Person"]])
  }

  @Test func singleColumnsDecodeAsScalars() throws {
    let db = try people()
    #expect(try db.query(String.self, "MATCH (p:Person) RETURN p.name ORDER BY p.name") == ["Alice", "Bob"])
    #expect(try db.query([Int].self, "RETURN [1, 2, 3] AS l") == [[1, 2, 3]])
    #expect(try db.query(Int?.self, "RETURN null AS x") == [nil])
    #expect(try db.query(Double.self, "RETURN 2 AS x") == [2.0])
  }

  @Test func typedAccessorsOnARow() throws {
    let db = try people()
    let row = try #require(try db.execute("MATCH (p:Person {name: 'Alice'}) RETURN p.name AS name, p.age AS age").first)
    #expect(try row["name", as: String.self] == "Alice")
    #expect(try row["age", as: Int.self] == 25)
    #expect(row["age"]?.intValue == 25)
    #expect(row["nope"] == nil)
    #expect(row[0].stringValue == "Alice")
    let error = quiverError { try row["age", as: String.self] }
    #expect(error?.code == .cannotDecodeValue)
    #expect(error?.name == "age")
    #expect(error?.message == "column `age`: expected String (a STRING), found INTEGER 25")
    #expect(quiverError { try row["height", as: Int.self] }?.message == "no column `height`; the columns are name, age")
  }

  @Test func decodingErrorsNameColumnTypeAndValue() throws {
    let db = try people()
    let wrongType = quiverError {
      try db.query(Person.self, "RETURN 'Carol' AS name, 'old' AS age, null AS email")
    }
    #expect(wrongType?.code == .cannotDecodeValue)
    #expect(wrongType?.name == "age")
    #expect(wrongType?.message == "column `age`: expected Int (an INTEGER), found STRING 'old'")
    let missing = quiverError { try db.query(Person.self, "RETURN 'Carol' AS name") }
    #expect(missing?.message == "column `age`: no column `age`; the columns are name")
    let null = quiverError { try db.query(Person.self, "RETURN 'Carol' AS name, null AS age") }
    #expect(null?.message == "column `age`: expected Int, found NULL")
    let nested = quiverError { try db.query(Person.self, "RETURN {name: 'C', age: 1.5} AS p") }
    #expect(nested?.message == "column `p.age`: expected Int (an INTEGER), found FLOAT 1.5")
    let overflow = quiverError { try db.query(Int8.self, "RETURN 300 AS x") }
    #expect(overflow?.message == "column `x`: 300 does not fit Int8")
  }

  @Test func encodableValuesBecomeMaps() throws {
    let db = try Database()
    let event = Event(
      title: "launch", at: Date(timeIntervalSince1970: 1_700_000_000.25), tags: ["a", "b"], rating: 4.5)
    let encoded = try ValueEncoder().encode(event)
    try db.execute("CREATE (e:Event) SET e = $event", parameters: ["event": encoded])
    let text = try db.execute("MATCH (e:Event) RETURN e.at AS at, e.tags AS tags, e.title AS title")
    #expect(text.rows.map { $0.map(\.cypherText) } == [["2023-11-14T22:13:20.250Z", "['a', 'b']", "'launch'"]])
    let back = try db.query(Event.self, "MATCH (e:Event) RETURN e")
    #expect(back == [event])
    #expect(try ValueEncoder().encode([1, 2]).cypherText == "[1, 2]")
    #expect(try ValueEncoder().encode(["k": Optional<Int>.none]).cypherText == "{k: null}")
    let tooBig = quiverError { try ValueEncoder().encode(["n": UInt64.max]) }
    #expect(tooBig?.code == .cannotEncodeValue)
    #expect(tooBig?.message == "n: 18446744073709551615 does not fit a Cypher INTEGER")
  }

  @Test func datesAreUTCDatetimes() throws {
    let db = try Database()
    let date = Date(timeIntervalSince1970: -86_400.5)
    let row = try db.execute("RETURN $d AS d, toString($d) AS s", parameters: ["d": date])[0]
    #expect(try row["s", as: String.self] == "1969-12-30T23:59:59.500Z")
    #expect(try row["d", as: Date.self] == date)
    let local = try db.query(Date.self, "RETURN localdatetime('2024-02-29T12:00') AS d")
    #expect(local == [Date(timeIntervalSince1970: 1_709_208_000)])
    #expect(quiverError { try db.query(Date.self, "RETURN time('12:00Z') AS d") }?.message
      == "column `d`: expected Date (a DATETIME), found ZONED TIME 12:00Z")
  }

  @Test func valueLiteralsAndValueDecoder() throws {
    let v: Value = ["a": [1, 2.5, "x", true, nil]]
    #expect(v.cypherText == "{a: [1, 2.5, 'x', true, null]}")
    #expect(try ValueDecoder().decode([String: [Int]].self, from: ["a": [1, 2]]) == ["a": [1, 2]])
    #expect(try ValueDecoder().decode(Value.self, from: ["a": [1, 2]]).cypherText == "{a: [1, 2]}")
    #expect(quiverError { try ValueDecoder().decode([Int].self, from: ["a"]) }?.message
      == "at `[0]`: expected Int (an INTEGER), found STRING 'a'")
  }

  /// Every intermediate value is a `Value`: its size decides the memory of rows, lists and
  /// columns, so boxed cases (temporal values, points) must not grow it.
  @Test func valueStaysSeventeenBytes() {
    #expect(MemoryLayout<Value>.size == 17)
    #expect(MemoryLayout<Value>.stride == 24)
  }

  @Test func resultsAreCollectionsOfRows() throws {
    let db = try people()
    let result = try db.execute("MATCH (p:Person) RETURN p.name AS name ORDER BY name")
    #expect(result.count == 2)
    #expect(try result.map { try $0["name", as: String.self] } == ["Alice", "Bob"])
    #expect(try result.decode(String.self) == ["Alice", "Bob"])
  }
}
