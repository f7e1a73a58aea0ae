// `quiver restore`: runs a dump script (see CypherDump) against a database in one transaction,
// so that a failing statement leaves the database as it was. A non-empty database is refused
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

  /// Runs `script`'s statements in one transaction, then checkpoints a durable database. With
  /// `replace`, everything the database holds (data, indexes, constraints) is removed first in
  /// the same transaction; otherwise a database that holds anything is refused.
  /// - Throws: `QuiverError` `DatabaseNotEmpty`, or the first failing statement's error with
  ///   its line in the script; the database is unchanged then.
  package static func restore(script: String, into database: Database, replace: Bool = false) throws -> Outcome {
    let split = Database.split(script: script)
    let statements = split.statements + (split.remainder.map { [$0] } ?? [])
    let hasSchema = try !database.execute("SHOW INDEXES").rows.isEmpty || !database.execute("SHOW CONSTRAINTS").rows.isEmpty
    let counts = database.counts
    if !replace && (counts.nodes > 0 || counts.relationships > 0 || hasSchema) {
      throw QuiverError.runtime(
        .semantic, "DatabaseNotEmpty",
        "the database already holds \(counts.nodes) nodes and \(counts.relationships) relationships; restore into an empty one or replace its contents (--force)")
    }
    var outcome = Outcome()
    try database.transaction { tx in
      if replace { try clear(tx) }
      for statement in statements {
        let text = statement.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !isComment(text) else { continue }
        do {
          let result = try tx.execute(text)
          outcome.nodes += result.statistics.nodesCreated
          outcome.relationships += result.statistics.relationshipsCreated
          outcome.statements += 1
        } catch let error as QuiverError {
          throw QuiverError.runtime(error.category, error.code, "line \(statement.start.line): \(error.message)")
        }
      }
    }
    try database.checkpoint()
    return outcome
  }

  /// Removes every node, relationship, constraint and index inside `tx`.
  private static func clear(_ tx: Transaction) throws {
    for row in try tx.execute("SHOW CONSTRAINTS").records {
      if let name = row["name"]?.stringValue { _ = try tx.execute("DROP CONSTRAINT \(Escaping.cypherName(name))") }
    }
    for row in try tx.execute("SHOW INDEXES").records {
      if let name = row["name"]?.stringValue { _ = try tx.execute("DROP INDEX \(Escaping.cypherName(name)) IF EXISTS") }
    }
    _ = try tx.execute("MATCH (n) DETACH DELETE n")
  }

  /// True for text made only of `//` comment lines.
  private static func isComment(_ text: String) -> Bool {
    text.split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
  }
}
