// The statements of a Bolt connection: RUN, PULL and DISCARD over a library `ResultStream`, the
// earlier results of an explicit transaction parked until they are pulled (`qid`), and the
// summary metadata and failures drivers expect.
import Foundation
import NIOCore
import Quiver
import Synchronization

extension BoltConnection {

  func run(_ query: String, _ parameters: [String: PackValue], _ extra: [String: PackValue]) {
    let inTransaction = state == .txReady || state == .txStreaming
    do {
      try checkDatabase(extra["db"])
      var bound: [String: Value] = [:]
      for (name, value) in parameters { bound[name] = try value.quiverValue(format: format) }
      let statement = SystemQueries.rewrite(query, parameters: bound) ?? (query, bound)
      if inTransaction { parkOpenResult() }
      runStarted = ContinuousClock.now
      var timeout: Duration?
      if !inTransaction { (timeout, clientTimeoutApplies) = limit(extra) }
      stream = try session.run(statement.query, parameters: statement.parameters, timeout: timeout)
      let firstRow = runStarted.duration(to: .now)
      var metadata: [String: PackValue] = [
        "fields": .list((stream?.columns ?? []).map { .string($0) }),
        "t_first": .int(Self.milliseconds(firstRow)),
      ]
      streamID = nextStreamID
      nextStreamID += 1
      if inTransaction { metadata["qid"] = .int(streamID) }
      autoCommitStream = !inTransaction
      state = inTransaction ? .txStreaming : .streaming
      succeed(metadata)
    } catch {
      stream = nil
      fail(statementFailure(error))
    }
  }

  /// Sends up to `n` records of the result `qid` (-1: the last RUN's; none for DISCARD), then
  /// `has_more` or the summary.
  func pull(n: Int64, qid: Int64, discard: Bool) {
    let id = qid == -1 ? streamID : qid
    if let result = parked.removeValue(forKey: id) {
      pullParked(result, id: id, n: n, discard: discard)
      return
    }
    guard let stream, id == streamID else {
      fail(.invalidRequest("no open result with qid \(qid)"))
      return
    }
    do {
      if discard {
        stream.close()
      } else {
        var remaining = n < 0 ? Int.max : Int(n)
        while remaining > 0 && stream.hasMore {
          if pendingResets.load(ordering: .sequentiallyConsistent) > 0 {
            write(tag: 0x7E, [])
            return
          }
          let rows = try stream.fetch(min(remaining, 1000))
          remaining -= rows.count
          for row in rows { writeRecord(row) }
          if out.readableBytes >= batchBytes { flush() }
          if rows.isEmpty { break }
        }
      }
      if stream.hasMore {
        succeed(["has_more": .bool(true)])
        return
      }
      let summary = try stream.consume()
      self.stream = nil
      resultEnded()
      succeed(summaryMetadata(summary, hadColumns: !stream.columns.isEmpty))
    } catch {
      self.stream = nil
      fail(statementFailure(error))
    }
  }

  /// PULL or DISCARD on an earlier result of the transaction, from its kept rows.
  func pullParked(_ result: ParkedResult, id: Int64, n: Int64, discard: Bool) {
    var result = result
    let count = discard ? result.rows.count - result.position : min(n < 0 ? Int.max : Int(n), result.rows.count - result.position)
    if !discard {
      for row in result.rows[result.position..<(result.position + count)] {
        writeRecord(row)
        if out.readableBytes >= batchBytes { flush() }
      }
    }
    result.position += count
    if result.position < result.rows.count {
      parked[id] = result
      succeed(["has_more": .bool(true)])
      return
    }
    switch result.ending {
    case .success(let summary):
      resultEnded()
      succeed(summaryMetadata(summary, hadColumns: result.hadColumns))
    case .failure(let error):
      fail(statementFailure(error))
    }
  }

  /// Before a RUN inside a transaction: the library runs one statement of a session at a time,
  /// so the result still open is read to its end (rows, then summary or error) and kept for
  /// the PULLs that name its `qid`, as Bolt lets a client interleave results.
  func parkOpenResult() {
    guard let open = stream else { return }
    stream = nil
    var rows: [[Value]] = []
    do {
      while open.hasMore { rows += try open.fetch(1000) }
      let summary = try open.consume()
      parked[streamID] = ParkedResult(rows: rows, hadColumns: !open.columns.isEmpty, ending: .success(summary))
    } catch {
      parked[streamID] = ParkedResult(rows: rows, hadColumns: !open.columns.isEmpty, ending: .failure(error))
    }
  }

  /// A result has been read to its end: back to READY, or to TX_READY once no result of the
  /// transaction remains open.
  func resultEnded() {
    if state == .txStreaming {
      if stream == nil && parked.isEmpty { state = .txReady }
    } else {
      state = .ready
    }
  }

  /// The FAILURE for a statement's error, telling a timeout the client set from the server's.
  func statementFailure(_ error: any Error) -> BoltFailure {
    BoltErrorTable.failure(for: error, clientTimeout: clientTimeoutApplies)
  }

  func summaryMetadata(_ summary: ResultSummary, hadColumns: Bool) -> [String: PackValue] {
    var metadata: [String: PackValue] = [
      "t_last": .int(Self.milliseconds(summary.totalTime - summary.timeToFirstRow)),
      "type": .string(summary.queryType.code),
      "db": .string("neo4j"),
    ]
    let stats = BoltSummary.statistics(summary.statistics)
    if !stats.isEmpty { metadata["stats"] = .map(stats) }
    if autoCommitStream && summary.queryType != .readOnly { metadata["bookmark"] = .string(context.bookmarks.advance()) }
    if let text = summary.plan, let plan = summary.planDescription {
      let profiled = plan.rows != nil
      metadata[profiled ? "profile" : "plan"] = BoltSummary.plan(plan, text: text, profiled: profiled)
    }
    if version.hasGQLStatuses {
      metadata["statuses"] = BoltSummary.statuses(
        summary.notifications, hadColumns: hadColumns, hadRows: summary.rowCount > 0)
    } else if !summary.notifications.isEmpty {
      metadata["notifications"] = BoltSummary.notifications(summary.notifications)
    }
    return metadata
  }
}

/// A result of an explicit transaction read to its end before a later RUN: its rows, how far
/// PULLs have taken them, and its summary or the error that ended it.
struct ParkedResult {
  var rows: [[Value]]
  var position = 0
  /// Whether the statement had result columns (for the GQL outcome status).
  let hadColumns: Bool
  let ending: Result<ResultSummary, any Error>
}
