// The statements running in one database, for SHOW TRANSACTIONS and TERMINATE TRANSACTIONS:
// each is listed from when it starts until its result stream ends, under an id in Neo4j's form
// (`neo4j-transaction-7`). Terminating one sets its cancellation flag, so it fails with
// `Cancelled` at its next check, as `Session.cancel()` does.
import CypherRuntime
import CypherSyntax
import Foundation
import GraphCore

/// The running statements of a database; safe from any thread.
final class RunningStatements: Sendable {
  /// One running statement.
  struct Entry: Sendable {
    /// Its number, from which its id is made when listed.
    let number: Int
    let query: String
    /// When it started; its wall-clock start time is worked out when listed, so that starting a
    /// statement reads one clock.
    let started: ContinuousClock.Instant
    /// Nil for a statement nothing can stop (no timeout, no cancellation token, no session).
    let flag: CancellationFlag?
  }

  private struct State: ~Copyable {
    var next = 1
    /// The running statements in reused slots, and the free slots: starting and ending a
    /// statement hashes nothing and formats no text.
    var slots: [Entry?] = []
    var free: [Int] = []

    /// The running statements, by number.
    var entries: [Int: Entry] {
      var out: [Int: Entry] = [:]
      for case let entry? in slots { out[entry.number] = entry }
      return out
    }
  }

  private let state = Locked(State())

  /// Lists `query`, started at `started`, as running and returns the slot to hand `finish`.
  func register(_ query: String, started: ContinuousClock.Instant, flag: CancellationFlag?) -> Int {
    state.withLock { s in
      let entry = Entry(number: s.next, query: query, started: started, flag: flag)
      s.next += 1
      if let slot = s.free.popLast() {
        s.slots[slot] = entry
        return slot
      }
      s.slots.append(entry)
      return s.slots.count - 1
    }
  }

  /// Takes the statement in `slot` off the list.
  func finish(_ slot: Int) {
    state.withLock { s in
      guard s.slots.indices.contains(slot), s.slots[slot] != nil else { return }
      s.slots[slot] = nil
      s.free.append(slot)
    }
  }

  /// The id SHOW TRANSACTIONS gives statement `number`, in Neo4j's form.
  static func id(_ number: Int) -> String { "neo4j-transaction-\(number)" }

  /// The number of the statement with `id`; nil for text not in that form.
  static func number(_ id: String) -> Int? {
    let prefix = "neo4j-transaction-"
    guard id.hasPrefix(prefix) else { return nil }
    guard let number = Int(id.dropFirst(prefix.count)), id == Self.id(number) else { return nil }
    return number
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
    let entries = state.withLock { $0.entries }.sorted { $0.key < $1.key }
    let now = ContinuousClock.now
    let wallNow = Date()
    let rows: [[Value]] = entries.map { number, e in
      let elapsed = e.started.duration(to: now).components
      let t = wallNow.timeIntervalSince1970 - (Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
      let epochSecond = Int64(t.rounded(.down))
      let day = epochSecond >= 0 ? epochSecond / 86_400 : (epochSecond - 86_399) / 86_400
      let nanoOfDay = (epochSecond - day * 86_400) * 1_000_000_000 + Int64((t - t.rounded(.down)) * 1e9)
      return [
        .string("neo4j"), .string(Self.id(number)), .string("query-\(number)"), .string(""), .string(""), .string(""),
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
      if let number = Self.number(id), let entry = entries[number] {
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
