// Group commit: commits write their log record under the log lock, then wait outside it until an
// fsync covers their sequence number. The first waiter leads: it waits up to the delay bound for
// more records, fsyncs once, and wakes every commit the fsync covered.
import GraphStorage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tracks which log records are written and which are durable, and batches the fsyncs.
final class GroupCommit: @unchecked Sendable {
  private let condition = Condition()
  private let log: DiskFile
  private let maxDelay: Duration
  // Guarded by `condition`.
  private var written: LogPosition
  private var durable: LogPosition
  private var syncing = false
  private var failure: QuiverError?

  init(log: DiskFile, maxDelay: Duration, durableUpTo position: LogPosition) {
    self.log = log
    self.maxDelay = maxDelay
    written = position
    durable = position
  }

  /// The last transaction an fsync covered, and where its record ends.
  var durablePosition: LogPosition { condition.locked { durable } }

  /// The error of a failed fsync; once set, the log accepts no more commits.
  var failed: QuiverError? { condition.locked { failure } }

  /// Notes that the record of a transaction is written (not yet durable), ending at `position`.
  func wrote(_ position: LogPosition) {
    condition.locked { if position.sequence > written.sequence { written = position } }
  }

  /// Notes that everything up to `position` is durable by other means (a checkpoint, after which
  /// the log holds only its header).
  func covered(upTo position: LogPosition) {
    condition.locked {
      if position.sequence >= written.sequence { written = position }
      if position.sequence >= durable.sequence { durable = position }
      condition.broadcast()
    }
  }

  /// Returns once transaction `sequence` is durable, leading an fsync when none is under way.
  func waitDurable(_ sequence: UInt64) throws(QuiverError) {
    condition.lock()
    defer { condition.unlock() }
    while durable.sequence < sequence {
      if let failure { throw failure }
      if syncing {
        condition.wait()
        continue
      }
      syncing = true
      condition.unlock()
      pause()
      condition.lock()
      let target = written
      condition.unlock()
      let outcome = Result { () throws(QuiverError) in try log.sync() }
      condition.lock()
      syncing = false
      switch outcome {
      case .success: if target.sequence > durable.sequence { durable = target }
      case .failure(let e): failure = e
      }
      condition.broadcast()
    }
  }

  /// Waits for the delay bound, giving other commits time to write their records.
  private func pause() {
    let (seconds, attoseconds) = maxDelay.components
    guard seconds > 0 || attoseconds > 0 else { return }
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
  }
}
