// A bulk import into a durable database is committed as a new snapshot, not logged row by row:
// the graph reopens the same with transactions logged before and after it, under either
// durability mode; an import that fails leaves the files as they were; and the two crash points
// of its commit, simulated on the files, leave either the graph before the import (a partly
// written snapshot) or the graph with it (the new snapshot beside the old log). A transaction
// too large for the log's checkpoint size is committed as a snapshot the same way.
import Foundation
import Quiver
import Testing

@Suite struct BulkImportTests {
  /// Writes a node file of `count` `Item`s (ids from 1, a name, a float and a flag) and a file of
  /// `LINK`s from each item to the next, and returns them.
  private func files(_ dir: ScratchDirectory, count: Int) throws -> (CSVNodeFile, CSVRelationshipFile) {
    var nodes = "id,name,score:float,even:boolean\n", links = "src,dst,w:int\n"
    for i in 1...count {
      nodes += "\(i),item \(i),\(Double(i) / 4),\(i % 2 == 0)\n"
      if i < count { links += "\(i),\(i + 1),\(i * 10)\n" }
    }
    try dir.write("items.csv", Array(nodes.utf8))
    try dir.write("links.csv", Array(links.utf8))
    return (CSVNodeFile(path: dir.file("items.csv"), labels: ["Item"]), CSVRelationshipFile(path: dir.file("links.csv"), type: "LINK"))
  }

  /// Logged transactions before the import (an index, nodes, a deletion that leaves a hole).
  private func before(_ db: Database) throws {
    _ = try db.execute("CREATE INDEX item_id FOR (n:Item) ON (n.id)")
    _ = try db.execute("CREATE (:Old {v: 1})-[:R]->(:Old {v: 2}), (:Old {v: 3})")
    _ = try db.execute("MATCH (n:Old {v: 3}) DELETE n")
  }

  /// The files of a database directory, to put back later as a crash would leave them.
  private func saved(_ path: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in ["snapshot", "wal", "manifest"] where FileManager.default.fileExists(atPath: path + "/" + name) {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
    }
    return files
  }

  private func restore(_ files: [String: Data], to path: String) throws {
    for name in ["snapshot", "wal", "manifest"] {
      try? FileManager.default.removeItem(atPath: path + "/" + name)
      if let data = files[name] { try data.write(to: URL(fileURLWithPath: path + "/" + name)) }
    }
  }

  @Test(arguments: ["fsync", "group"])
  func importBetweenLoggedTransactionsReopensTheSame(_ mode: String) throws {
    let dir = try ScratchDirectory()
    let (nodes, links) = try files(dir, count: 500)
    let path = dir.file("db")
    var options = DatabaseOptions()
    if mode == "group" { options.durability = .groupCommit(maxDelay: .milliseconds(1)) }
    let expected: String
    do {
      let db = try Database(path: path, options: options)
      try before(db)
      let summary = try db.importCSV(nodes: [nodes], relationships: [links])
      #expect(summary == ImportSummary(nodes: 500, relationships: 499, properties: 500 * 4 + 499))
      // The import is in the snapshot: the log holds its header only.
      #expect(try dir.read("db/wal").count == 16)
      _ = try db.execute("MATCH (n:Item {id: 7}) SET n.name = 'seven', n.extra = [1, 2]")
      _ = try db.execute("MATCH (a:Item {id: 500}), (b:Old {v: 1}) CREATE (a)-[:BACK {at: 1.5}]->(b)")
      expected = try dump(db)
    }
    let db = try Database(path: path, options: options)
    #expect(try dump(db) == expected)
    #expect(db.recoveryWarnings.isEmpty)
    let counts = try db.execute("MATCH (n:Item) RETURN count(*), sum(n.score), sum(CASE WHEN n.even THEN 1 ELSE 0 END)").rows
    #expect(counts.map { $0.map(canonical) } == [[canonical(.int(500)), canonical(.float(31312.5)), canonical(.int(250))]])
    let chain = try db.execute("MATCH (a:Item)-[l:LINK]->(b:Item) WHERE b.id = a.id + 1 RETURN count(*), sum(l.w)").rows
    #expect(chain.map { $0.map { $0.intValue } } == [[499, 1_247_500]])
    let seven = try db.execute("MATCH (n:Item {id: 7}) RETURN n.name, n.score, n.extra").rows
    #expect(seven.map { $0.map(canonical) } == [[canonical(.string("seven")), canonical(.float(1.75)), canonical(.list([.int(1), .int(2)]))]])
    #expect(try db.execute("MATCH (:Item {id: 500})-[b:BACK]->(o:Old) RETURN b.at, o.v").rows.map { $0.map(canonical) }
      == [[canonical(.float(1.5)), canonical(.int(1))]])
    #expect(try db.execute("EXPLAIN MATCH (n:Item {id: 3}) RETURN n").plan?.contains("NodeIndexSeek") == true)
    #expect(db.consistencyViolations.isEmpty)
  }

  @Test func failedImportLeavesTheFilesAsTheyWere() throws {
    let dir = try ScratchDirectory()
    let (nodes, _) = try files(dir, count: 20)
    try dir.write("bad.csv", Array("src,dst\n1,2\n3,99\n".utf8))
    let path = dir.file("db")
    let expected: String
    let files: [String: Data]
    do {
      let db = try Database(path: path)
      try before(db)
      expected = try dump(db)
      files = try saved(path)
      let error = try #require(throws: QuiverError.self) {
        try db.importCSV(nodes: [nodes], relationships: [CSVRelationshipFile(path: dir.file("bad.csv"), type: "LINK")])
      }
      #expect(error.code == .invalidCSV)
      #expect(try dump(db) == expected)
      #expect(try saved(path) == files)
      #expect(!FileManager.default.fileExists(atPath: path + "/snapshot.tmp"))
      // The database goes on logging transactions after the failed import.
      _ = try db.execute("CREATE (:After {v: 9})")
    }
    let db = try Database(path: path)
    #expect(try db.execute("MATCH (n) RETURN count(*)").rows[0][0].intValue == 3)
    #expect(try db.execute("MATCH (n:After) RETURN n.v").rows[0][0].intValue == 9)
  }

  /// A crash while the import's snapshot is written leaves `snapshot.tmp` beside the old files:
  /// opening drops it and gives the graph before the import, which can then be imported again.
  @Test func crashWhileWritingTheSnapshotLosesOnlyTheImport() throws {
    let dir = try ScratchDirectory()
    let (nodes, links) = try files(dir, count: 300)
    let path = dir.file("db")
    let beforeImport: String, afterImport: String
    let old: [String: Data]
    let imported: Data
    do {
      let db = try Database(path: path)
      try before(db)
      _ = try db.execute("CALL db.checkpoint()")
      _ = try db.execute("CREATE (:Logged {v: 4})")
      beforeImport = try dump(db)
      old = try saved(path)
      try db.importCSV(nodes: [nodes], relationships: [links])
      afterImport = try dump(db)
      imported = try #require(try saved(path)["snapshot"])
    }
    try restore(old, to: path)
    try imported.prefix(imported.count / 2).write(to: URL(fileURLWithPath: path + "/snapshot.tmp"))
    do {
      let db = try Database(path: path)
      #expect(try dump(db) == beforeImport)
      #expect(db.recoveryWarnings.isEmpty)
      #expect(!FileManager.default.fileExists(atPath: path + "/snapshot.tmp"))
      try db.importCSV(nodes: [nodes], relationships: [links])
      #expect(try dump(db) == afterImport)
    }
    #expect(try dump(try Database(path: path)) == afterImport)
  }

  /// A crash after the import's snapshot was renamed into place, before the log was emptied,
  /// leaves the new snapshot beside the old log and manifest: opening gives the graph with the
  /// import (the log's records are older than the snapshot), and later commits follow it.
  @Test func crashBeforeTheLogIsEmptiedKeepsTheImport() throws {
    let dir = try ScratchDirectory()
    let (nodes, links) = try files(dir, count: 300)
    let path = dir.file("db")
    let afterImport: String
    let old: [String: Data]
    let imported: Data
    do {
      let db = try Database(path: path)
      try before(db)
      old = try saved(path)
      try db.importCSV(nodes: [nodes], relationships: [links])
      afterImport = try dump(db)
      imported = try #require(try saved(path)["snapshot"])
    }
    #expect(old["snapshot"] == nil && (old["wal"]?.count ?? 0) > 16)
    try restore(old, to: path)
    try imported.write(to: URL(fileURLWithPath: path + "/snapshot"))
    let later: String
    do {
      let db = try Database(path: path)
      #expect(try dump(db) == afterImport)
      // The records the snapshot holds were dropped, so the next one follows the snapshot.
      #expect(try dir.read("db/wal").count == 16)
      _ = try db.execute("MATCH (n:Item {id: 1}) SET n.name = 'first'")
      later = try dump(db)
    }
    let db = try Database(path: path)
    #expect(try dump(db) == later)
    #expect(canonical(try db.execute("MATCH (n:Item {id: 1}) RETURN n.name").rows[0][0]) == canonical(.string("first")))
    #expect(db.consistencyViolations.isEmpty)
  }

  /// A transaction whose record would take the log past the checkpoint size commits as a
  /// snapshot, not as a record with a checkpoint after it; smaller ones are still logged.
  @Test func transactionPastTheCheckpointSizeCommitsAsASnapshot() throws {
    let dir = try ScratchDirectory()
    let path = dir.file("db")
    let options = DatabaseOptions(checkpointLogSize: 4096)
    let expected: String
    do {
      let db = try Database(path: path, options: options)
      _ = try db.execute("CREATE (:Small {v: 1})")
      #expect(try dir.read("db/wal").count > 16)
      #expect(!FileManager.default.fileExists(atPath: path + "/snapshot"))
      _ = try db.execute("UNWIND range(1, 400) AS i CREATE (:Big {i: i, s: 'value ' + toString(i)})")
      #expect(try dir.read("db/wal").count == 16)
      #expect(FileManager.default.fileExists(atPath: path + "/snapshot"))
      _ = try db.execute("MATCH (n:Small) SET n.v = 2")
      #expect(try dir.read("db/wal").count > 16)
      expected = try dump(db)
    }
    let db = try Database(path: path, options: options)
    #expect(try dump(db) == expected)
    #expect(try db.execute("MATCH (n:Big) RETURN count(*), sum(n.i)").rows.map { $0.map { $0.intValue } } == [[400, 80200]])
    #expect(try db.execute("MATCH (n:Small) RETURN n.v").rows.map { $0.map { $0.intValue } } == [[2]])
  }

  /// A reader's snapshot, taken before the import, keeps the graph it saw while the import
  /// commits; statements after the import see it.
  @Test func readerKeepsItsSnapshotDuringTheImport() throws {
    let dir = try ScratchDirectory()
    let (nodes, links) = try files(dir, count: 50)
    let db = try Database(path: dir.file("db"))
    try before(db)
    let stream = try db.stream("MATCH (n) RETURN count(*) AS c")
    try db.importCSV(nodes: [nodes], relationships: [links])
    #expect(try stream.next()?.first?.intValue == 2)
    #expect(try db.execute("MATCH (n) RETURN count(*)").rows[0][0].intValue == 52)
  }
}
