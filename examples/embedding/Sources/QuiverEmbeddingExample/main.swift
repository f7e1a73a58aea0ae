// Quiver embedded in a command-line app: plain Swift parameters, Codable rows, prepared
// statements, streaming (sync and async), async calls with task cancellation, a Swift function
// called from Cypher, the graph walked without Cypher, a query log, durability and analytics.
// Each step checks its answer and the app exits non-zero on the first wrong one.
import Foundation
import Quiver

struct Person: Codable, Sendable, Equatable {
  var name: String
  var age: Int
  var born: Date?
}

/// Stops the app with a message when `condition` is false.
func check(_ condition: Bool, _ what: String) {
  guard condition else {
    FileHandle.standardError.write(Data("FAILED: \(what)\n".utf8))
    exit(1)
  }
  print("ok: \(what)")
}

let db = try Database()

// Observability: count every statement, note the slow ones.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  func add() { lock.withLock { value += 1 } }
  var count: Int { lock.withLock { value } }
}
let logged = Counter()
db.queryLog = QueryLog { _ in logged.add() }

// Values in: plain Swift values and an Encodable struct.
let people = [
  Person(name: "Alice", age: 25, born: Date(timeIntervalSince1970: 0)), Person(name: "Bob", age: 31, born: nil),
  Person(name: "Carol", age: 47, born: nil),
]
for person in people {
  try db.execute("CREATE (p:Person) SET p = $props", parameters: ["props": try ValueEncoder().encode(person)])
}
try db.execute(
  "MATCH (a:Person {name: $a}), (b:Person {name: $b}) CREATE (a)-[:KNOWS {since: $since}]->(b)",
  parameters: ["a": "Alice", "b": "Bob", "since": 2020])
try db.execute("MATCH (b:Person {name: 'Bob'}), (c:Person {name: 'Carol'}) CREATE (b)-[:KNOWS]->(c)")

// Values out: rows decoded by column name, and from a node's properties.
let byColumns = try db.query(Person.self, "MATCH (p:Person) RETURN p.name AS name, p.age AS age, p.born AS born ORDER BY name")
check(byColumns == people, "rows decode into Person by column name")
let fromNodes = try db.query(Person.self, "MATCH (p:Person) WHERE p.age > $min RETURN p ORDER BY p.name", parameters: ["min": 30])
check(fromNodes.map(\.name) == ["Bob", "Carol"], "a node column decodes from its properties")
let alice = try db.execute("MATCH (p:Person {name: 'Alice'}) RETURN p.born AS born, p.age AS age")[0]
check(try alice["born", as: Date.self] == Date(timeIntervalSince1970: 0), "a Date comes back as it went in")
do {
  _ = try alice["age", as: String.self]
  check(false, "a wrong type is refused")
} catch let error as QuiverError {
  check(error.code == .cannotDecodeValue && error.message.contains("column `age`"), "decoding errors name the column")
}

// Prepared statements.
try db.execute("CREATE INDEX FOR (p:Person) ON (p.name)")
let ageOf = try db.prepare("MATCH (p:Person {name: $name}) RETURN p.age AS age")
check(try ageOf.query(Int.self, ["name": "Carol"]) == [47], "a prepared statement runs with parameters")

// Streaming: leave the loop after the first row; the stream is closed when the loop's iterator
// goes, at the latest when the function that looped returns.
func firstRowOnly(_ db: Database) throws -> ResultStream {
  let stream = try db.stream("MATCH (p:Person) RETURN p.name AS name ORDER BY name")
  for _ in stream.rows { break }
  return stream
}
check(!(try firstRowOnly(db)).hasMore, "leaving a streamed loop early closes the stream")

// A Swift function called from Cypher.
db.registerFunction("text.initials", parameters: [("name", "STRING")], returns: "STRING") { args in
  .string(String(args[0].stringValue?.prefix(1) ?? ""))
}
check(try db.query(String.self, "MATCH (p:Person) RETURN text.initials(p.name) ORDER BY p.name") == ["A", "B", "C"],
  "a user-defined function is callable from Cypher")

// A Swift aggregating function: each group folds its rows into a state of any Sendable type.
db.registerAggregateFunction(
  "text.longest", parameters: [("s", CypherType("STRING", nullable: false))], returns: "STRING?", initial: ""
) { longest, args in
  if let s = args[0].stringValue, s.count > longest.count || (s.count == longest.count && s < longest) { longest = s }
} result: { longest in
  longest.isEmpty ? .null : .string(longest)
}
check(try db.query(String.self, "MATCH (p:Person) RETURN text.longest(p.name)") == ["Alice"],
  "a user-defined aggregate folds every row")

// The graph without Cypher.
let graph = db.reader()
let bob = try db.query(Int64.self, "MATCH (p:Person {name: 'Bob'}) RETURN id(p)")[0]
check(graph.degree(of: bob) == 2 && graph.neighbours(of: bob, direction: .outgoing, type: "KNOWS").count == 1,
  "a reader walks neighbours and degrees")

// Analytics.
let ranks = try db.algorithms.pageRank()
check(ranks.count == 3, "PageRank scores every node")

/// Swift concurrency: an async transaction, an async sequence, and a cancelled task.
func concurrency(_ db: Database) async throws {
  let total = try await db.transaction { tx in
    try tx.execute("MATCH (p:Person) SET p.age = p.age + 1")
    return try tx.query(Int.self, "MATCH (p:Person) RETURN sum(p.age)")[0]
  }
  check(total == 25 + 31 + 47 + 3, "an async transaction commits")
  var names: [String] = []
  for try await person in db.rows("MATCH (p:Person) RETURN p ORDER BY p.name").decoded(as: Person.self) {
    names.append(person.name)
  }
  check(names == ["Alice", "Bob", "Carol"], "an async sequence decodes rows")
  let endless = Task { try await db.execute("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)") }
  try await Task.sleep(for: .milliseconds(100))
  endless.cancel()
  switch await endless.result {
  case .success: check(false, "cancelling a task cancels its query")
  case .failure(let error): check((error as? QuiverError)?.code == .cancelled, "cancelling a task cancels its query")
  }
}

try await concurrency(db)

// Durability: a database in a directory survives reopening.
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-example-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: directory) }
do {
  let disk = try Database(path: directory)
  try disk.execute("CREATE (:Saved {n: 1})")
}
check(try Database(path: directory).query(Int.self, "MATCH (s:Saved) RETURN s.n") == [1], "a durable database reopens")

check(logged.count > 10, "the query log saw every statement")
print("embedding example: all checks passed")
