// The child process of the crash tests: opens a database directory and commits numbered
// transactions in a loop, writing `ack W N` to standard output after writer W's commit N
// returned. The test kills it at random moments and checks that every acknowledged transaction
// survived whole. With several writers, each commits its own numbered series in its own thread,
// and a checkpoint thread races them (and the kill); reader threads, when asked for, count what
// their snapshots hold meanwhile (the sanitizer run in scripts/sanitizers.sh uses them). In
// `import` mode it bulk-imports numbered CSV batches instead (each committed as a new snapshot),
// with a logged transaction after each, and writes `ack 0 N` after import N returned.
// Usage: quiver-crash-child DIRECTORY [fsync|group] [CHECKPOINT-LOG-BYTES] [WRITERS] [READERS]
//        quiver-crash-child DIRECTORY import
import Foundation
import GraphCore
import Quiver

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Serialises lines written by several threads.
let output = Locked(())

/// Writes `line` and a newline to standard output unbuffered, whole.
func say(_ line: String) {
  let bytes = Array((line + "\n").utf8)
  output.withLock { _ in
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
}

/// Commits writer `w`'s transaction `i`: three `Item` nodes tagged `w` and `seq: i` joined by
/// two `NEXT` relationships, writer `w`'s counter set to `i`, and on every seventh one the third
/// item of transaction `i - 5` deleted. Some run as one auto-committed statement, others as an
/// explicit transaction of several statements. Unique ids are `w * 10^12 + i * 10 + k`.
func commit(_ i: Int64, writer w: Int64, on db: Database) throws {
  let p: [String: Value] = ["i": .int(i), "w": .int(w), "base": .int(w * 1_000_000_000_000)]
  let create = """
    CREATE (a:Item {w: $w, seq: $i, uid: $base + $i * 10, at: date('2024-01-01') + duration({days: $i}), w3: $i / 3.0}),
           (b:Item {w: $w, seq: $i, uid: $base + $i * 10 + 1, tags: ['x', 'y']}),
           (d:Item {w: $w, seq: $i, uid: $base + $i * 10 + 2, name: 'ö' + toString($i)}),
           (a)-[:NEXT {w: $w, seq: $i}]->(b), (b)-[:NEXT {w: $w, seq: $i}]->(d)
    """
  if i % 3 == 0 && i % 7 != 0 {
    _ = try db.execute("MATCH (c:Counter {w: $w}) " + create + " SET c.value = $i", parameters: p)
    return
  }
  try db.transaction { tx in
    _ = try tx.execute(create, parameters: p)
    if i % 7 == 0 {
      _ = try tx.execute("MATCH (n:Item {uid: $base + ($i - 5) * 10 + 2}) DETACH DELETE n", parameters: p)
    }
    _ = try tx.execute("MATCH (c:Counter {w: $w}) SET c.value = $i", parameters: p)
  }
}

/// Writer `w`'s loop: from its counter on, commit and acknowledge forever. A single writer
/// also checkpoints every 40 transactions, as before there were several.
func write(writer w: Int64, on db: Database, checkpoints: Bool) {
  do {
    let start = try db.execute("MATCH (c:Counter {w: $w}) RETURN c.value AS v", parameters: ["w": .int(w)])
      .rows.first?.first?.intValue ?? 0
    say("ready \(w) \(start)")
    var i = start + 1
    while true {
      try commit(i, writer: w, on: db)
      say("ack \(w) \(i)")
      if checkpoints && i % 40 == 0 { _ = try db.execute("CALL db.checkpoint()") }
      i += 1
    }
  } catch {
    say("error \(error)")
    exit(1)
  }
}

/// Reader `r`'s loop: counts items and the relationships between them on a fresh snapshot,
/// forever; a snapshot that holds a relationship without both its items fails the process.
func read(reader r: Int, on db: Database) {
  do {
    while true {
      let row = try db.execute(
        "MATCH (n:Item) WITH count(n) AS items OPTIONAL MATCH (a:Item)-[:NEXT]->(b:Item) RETURN items, count(b) AS links"
      ).rows.first
      guard let items = row?.first?.intValue, let links = row?.last?.intValue, links <= 2 * items else {
        say("error reader \(r) saw \(String(describing: row))")
        exit(1)
      }
    }
  } catch {
    say("error \(error)")
    exit(1)
  }
}

/// Import mode: from the last batch the database holds on, imports batch `b` (`importBatchSize`
/// `Batch` nodes with `batch: b`, chained by `CHAIN` relationships) from CSV files written next
/// to the database directory, acknowledges it, then sets the counter to `b` in a logged
/// transaction; forever.
func importBatches(on db: Database, directory: String) -> Never {
  let csv = directory + "-csv"
  do {
    try FileManager.default.createDirectory(atPath: csv, withIntermediateDirectories: true)
    let start = try db.execute("MATCH (n:Batch) RETURN max(n.batch)").rows.first?.first?.intValue ?? 0
    say("ready 0 \(start)")
    var b = start + 1
    while true {
      var nodes = "id,batch:int,k:int,name\n", links = "src,dst,batch:int\n"
      for k in 0..<Int64(importBatchSize) {
        nodes += "\(b * 1_000_000 + k),\(b),\(k),n\(k)\n"
        if k > 0 { links += "\(b * 1_000_000 + k - 1),\(b * 1_000_000 + k),\(b)\n" }
      }
      try nodes.write(toFile: csv + "/nodes.csv", atomically: false, encoding: .utf8)
      try links.write(toFile: csv + "/links.csv", atomically: false, encoding: .utf8)
      try db.importCSV(
        nodes: [CSVNodeFile(path: csv + "/nodes.csv", labels: ["Batch"])],
        relationships: [CSVRelationshipFile(path: csv + "/links.csv", type: "CHAIN")])
      say("ack 0 \(b)")
      _ = try db.execute("MERGE (c:Counter {w: 0}) SET c.value = $b", parameters: ["b": .int(b)])
      b += 1
    }
  } catch {
    say("error \(error)")
    exit(1)
  }
}

/// Nodes per imported batch in import mode.
let importBatchSize = 500

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  say("usage: quiver-crash-child DIRECTORY [fsync|group] [CHECKPOINT-LOG-BYTES] [WRITERS] [READERS]")
  exit(2)
}
if arguments.count >= 3 && arguments[2] == "import" {
  do {
    let db = try Database(path: arguments[1])
    _ = try db.execute("CREATE INDEX batch_number IF NOT EXISTS FOR (n:Batch) ON (n.batch)")
    importBatches(on: db, directory: arguments[1])
  } catch {
    say("error \(error)")
    exit(1)
  }
}
var options = DatabaseOptions()
if arguments.count >= 3 && arguments[2] == "group" { options.durability = .groupCommit(maxDelay: .milliseconds(1)) }
if arguments.count >= 4, let size = Int(arguments[3]) { options.checkpointLogSize = size }
let writers = arguments.count >= 5 ? max(1, Int(arguments[4]) ?? 1) : 1
let readers = arguments.count >= 6 ? max(0, Int(arguments[5]) ?? 0) : 0
do {
  let db = try Database(path: arguments[1], options: options)
  _ = try db.execute("CREATE INDEX item_seq IF NOT EXISTS FOR (n:Item) ON (n.seq)")
  _ = try db.execute("CREATE CONSTRAINT item_uid IF NOT EXISTS FOR (n:Item) REQUIRE n.uid IS UNIQUE")
  for w in 0..<writers {
    _ = try db.execute("MERGE (c:Counter {w: $w}) ON CREATE SET c.value = 0", parameters: ["w": .int(Int64(w))])
  }
  for r in 0..<readers {
    Thread { read(reader: r, on: db) }.start()
  }
  if writers == 1 {
    write(writer: 0, on: db, checkpoints: true)
  }
  for w in 0..<writers {
    let thread = Thread { write(writer: Int64(w), on: db, checkpoints: false) }
    thread.start()
  }
  // Checkpoints race the writers (and the kill) at random moments.
  var random = SystemRandomNumberGenerator()
  while true {
    usleep(UInt32.random(in: 500...20_000, using: &random))
    _ = try db.execute("CALL db.checkpoint()")
  }
} catch {
  say("error \(error)")
  exit(1)
}
