// `quiver restore`: runs a dump script (see CypherDump) against an empty database, statement by
// statement; when one fails, the database is emptied again. A non-empty database is refused
// unless the caller asks to replace its contents.
import Foundation
import Quiver

/// Loads a Cypher dump into a database.
package enum DumpRestore {
  /// What a restore did.
  package struct Outcome: Sendable, Hashable {
    package var statements = 0
    package var nodes = 0
    package var relationships = 0
  }

  /// Runs `script`'s statements, each committed on its own, then checkpoints a durable database.
  /// With `replace`, everything the database holds (data, indexes, constraints) is removed first;
  /// otherwise a database that holds anything is refused.
  /// - Throws: `QuiverError` `DatabaseNotEmpty` (nothing changed), or the first failing
  ///   statement's error with its line in the script, after emptying the database again.
  package static func restore(script: String, into database: Database, replace: Bool = false) throws -> Outcome {
    let split = Database.split(script: script)
    let statements = split.statements + (split.remainder.map { [$0] } ?? [])
    let hasSchema = try !database.execute("SHOW INDEXES").rows.isEmpty || !database.execute("SHOW CONSTRAINTS").rows.isEmpty
    let counts = database.counts
    if !replace && (counts.nodes > 0 || counts.relationships > 0 || hasSchema) {
      throw QuiverError.runtime(
        .semantic, .databaseNotEmpty,
        "the database already holds \(counts.nodes) nodes and \(counts.relationships) relationships; restore into an empty one or replace its contents (--force)")
    }
    // Each statement commits on its own: one transaction around a whole dump keeps every change
    // for rollback and copies that record at each statement, which grows quadratically (a dump
    // of 100,000 nodes and a million relationships did not finish in 15 minutes). The database
    // was empty before (or is replaced), so a failure empties it again instead.
    if replace { try database.transaction { try clear($0) } }
    var outcome = Outcome()
    for statement in statements {
      guard !isBlankOrComment(statement.text) else { continue }
      do {
        let result = try database.execute(statement.text)
        outcome.nodes += result.statistics.nodesCreated
        outcome.relationships += result.statistics.relationshipsCreated
        outcome.statements += 1
      } catch let error as QuiverError {
        try database.transaction { try clear($0) }
        throw QuiverError.runtime(error.category, error.code, "line \(statement.start.line): \(error.message)")
      }
    }
    try database.checkpoint()
    return outcome
  }

  /// Removes every node, relationship, constraint and index inside `tx`.
  private static func clear(_ tx: Transaction) throws {
    for row in try tx.execute("SHOW CONSTRAINTS").records {
      if let name = row["name"]?.stringValue { _ = try tx.execute("DROP CONSTRAINT \(CypherText.name(name))") }
    }
    for row in try tx.execute("SHOW INDEXES").records {
      if let name = row["name"]?.stringValue { _ = try tx.execute("DROP INDEX \(CypherText.name(name)) IF EXISTS") }
    }
    _ = try tx.execute("MATCH (n) DETACH DELETE n")
  }

  /// True for text made only of blank and `//` comment lines. Stops at the first character of
  /// anything else, so a statement of many megabytes costs no more than a short one.
  static func isBlankOrComment(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    var atLineStart = true
    while let byte = bytes.next() {
      switch byte {
      case UInt8(ascii: "\n"): atLineStart = true
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): continue
      case UInt8(ascii: "/") where atLineStart:
        guard bytes.next() == UInt8(ascii: "/") else { return false }
        while let rest = bytes.next(), rest != UInt8(ascii: "\n") {}
        atLineStart = true
      default: return false
      }
    }
    return true
  }
}
