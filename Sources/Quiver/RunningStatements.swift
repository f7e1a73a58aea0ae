// The statements running in one database, for SHOW TRANSACTIONS and TERMINATE TRANSACTIONS:
// each is listed from when it starts until its result stream ends, under an id in Neo4j's form
// (`neo4j-transaction-7`). Terminating one sets its cancellation flag, so it fails with
// `Cancelled` at its next check, as `Session.cancel()` does.
import CypherRuntime
import CypherSyntax
import Foundation
import GraphCore
import Synchronization

/// The running statements of a database; safe from any thread.
final class RunningStatements: Sendable {
  /// One running statement.
  struct Entry: Sendable {
    let number: Int
    let query: String
    let startedAt: Date
    let started: ContinuousClock.Instant
    /// Nil for a statement nothing can stop (no timeout, no cancellation token, no session).
    let flag: CancellationFlag?
  }

  private struct State: ~Copyable {
    var next = 1
    var entries: [String: Entry] = [:]
  }

  private let state = Mutex(State())

  /// Lists `query` as running and returns its id.
  func register(_ query: String, flag: CancellationFlag?) -> String {
    state.withLock { s in
      let number = s.next
      s.next += 1
      let id = "neo4j-transaction-\(number)"
      s.entries[id] = Entry(number: number, query: query, startedAt: Date(), started: .now, flag: flag)
      return id
    }
  }

  /// Takes the statement `id` off the list.
  func finish(_ id: String) {
    state.withLock { _ = $0.entries.removeValue(forKey: id) }
  }

  /// The rows of SHOW TRANSACTIONS or TERMINATE TRANSACTIONS; nil for any other command.
  func result(of command: SchemaCommand) -> QueryResult? {
    switch command {
    case .showTransactions: return listing()
    case .terminateTransactions(let ids): return terminate(ids)
    default: return nil
    }
  }

  /// SHOW TRANSACTIONS: Neo4j's default columns, one row per running statement, oldest first.
  private func listing() -> QueryResult {
    let entries = state.withLock { $0.entries }.sorted { $0.value.number < $1.value.number }
    let now = ContinuousClock.now
    let rows: [[Value]] = entries.map { id, e in
      let elapsed = e.started.duration(to: now).components
      let t = e.startedAt.timeIntervalSince1970
      let epochSecond = Int64(t.rounded(.down))
      let day = epochSecond >= 0 ? epochSecond / 86_400 : (epochSecond - 86_399) / 86_400
      let nanoOfDay = (epochSecond - day * 86_400) * 1_000_000_000 + Int64((t - t.rounded(.down)) * 1e9)
      return [
        .string("neo4j"), .string(id), .string("query-\(e.number)"), .string(""), .string(""), .string(""),
        .string(e.query), .temporal(.dateTime(epochDay: day, nanoOfDay: nanoOfDay, offsetSeconds: 0)),
        .string("Running"),
        .temporal(.duration(months: 0, days: 0, seconds: elapsed.seconds, nanoseconds: elapsed.attoseconds / 1_000_000_000)),
      ]
    }
    return QueryResult(
      columns: [
        "database", "transactionId", "currentQueryId", "connectionId", "clientAddress", "username", "currentQuery",
        "startTime", "status", "elapsedTime",
      ], rows: rows)
  }

  /// TERMINATE TRANSACTIONS: asks each listed statement to stop; one row per id given.
  private func terminate(_ ids: [String]) -> QueryResult {
    let entries = state.withLock { $0.entries }
    let rows: [[Value]] = ids.map { id in
      let message: String
      if let entry = entries[id] {
        if let flag = entry.flag {
          flag.cancel()
          message = "Transaction terminated."
        } else {
          message = "Transaction cannot be terminated: it runs without a timeout or cancellation token."
        }
      } else {
        message = "Transaction not found."
      }
      return [.string(id), .string(""), .string(message)]
    }
    return QueryResult(columns: ["transactionId", "username", "message"], rows: rows)
  }
}
