// The child process of the crash tests: opens a database directory and commits numbered
// transactions in a loop, writing `ack N` to standard output after commit N returned. The test
// kills it at random moments and checks that every acknowledged transaction survived whole.
// Usage: quiver-crash-child DIRECTORY [fsync|group] [CHECKPOINT-LOG-BYTES]
import Quiver

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes `line` and a newline to standard output unbuffered.
func say(_ line: String) {
  let bytes = Array((line + "\n").utf8)
  var done = 0
  while done < bytes.count {
    let n = bytes.withUnsafeBytes { buffer -> Int in
      guard let base = buffer.baseAddress else { return 0 }
      return write(1, base + done, buffer.count - done)
    }
    if n <= 0 { exit(3) }
    done += n
  }
}

/// Commits transaction `i`: three `Item` nodes tagged `seq: i` joined by two `NEXT`
/// relationships, the counter set to `i`, and on every seventh one the third item of
/// transaction `i - 5` deleted. Some run as one auto-committed statement, others as an explicit
/// transaction of several statements.
func commit(_ i: Int64, on db: Database) throws {
  let p: [String: Value] = ["i": .int(i)]
  let create = """
    CREATE (a:Item {seq: $i, uid: $i * 10, at: date('2024-01-01') + duration({days: $i}), w: $i / 3.0}),
           (b:Item {seq: $i, uid: $i * 10 + 1, tags: ['x', 'y']}), (d:Item {seq: $i, uid: $i * 10 + 2, name: 'ö' + toString($i)}),
           (a)-[:NEXT {seq: $i}]->(b), (b)-[:NEXT {seq: $i}]->(d)
    """
  if i % 3 == 0 && i % 7 != 0 {
    _ = try db.execute("MATCH (c:Counter) " + create + " SET c.value = $i", parameters: p)
    return
  }
  try db.transaction { tx in
    _ = try tx.execute(create, parameters: p)
    if i % 7 == 0 {
      _ = try tx.execute("MATCH (n:Item {uid: ($i - 5) * 10 + 2}) DETACH DELETE n", parameters: p)
    }
    _ = try tx.execute("MATCH (c:Counter) SET c.value = $i", parameters: p)
  }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  say("usage: quiver-crash-child DIRECTORY [fsync|group] [CHECKPOINT-LOG-BYTES]")
  exit(2)
}
var options = DatabaseOptions()
if arguments.count >= 3 && arguments[2] == "group" { options.durability = .groupCommit(maxDelay: .milliseconds(1)) }
if arguments.count >= 4, let size = Int(arguments[3]) { options.checkpointLogSize = size }
do {
  let db = try Database(path: arguments[1], options: options)
  _ = try db.execute("CREATE INDEX item_seq IF NOT EXISTS FOR (n:Item) ON (n.seq)")
  _ = try db.execute("CREATE CONSTRAINT item_uid IF NOT EXISTS FOR (n:Item) REQUIRE n.uid IS UNIQUE")
  _ = try db.execute("MERGE (c:Counter) ON CREATE SET c.value = 0")
  let start = try db.execute("MATCH (c:Counter) RETURN c.value AS v").rows.first?.first?.intValue ?? 0
  say("ready \(start)")
  var i = start + 1
  while true {
    try commit(i, on: db)
    say("ack \(i)")
    if i % 40 == 0 { _ = try db.execute("CALL db.checkpoint()") }
    i += 1
  }
} catch {
  say("error \(error)")
  exit(1)
}
