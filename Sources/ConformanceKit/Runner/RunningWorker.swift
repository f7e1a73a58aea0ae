// One worker process as the pool sees it: drains its pipes into case records, and decides when
// it has finished, crashed, or hung past the time limit (then kills it).
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One worker process and what it has reported so far.
final class RunningWorker {
  var job: WorkerJob
  let child: ChildProcess
  private var lastProgress = ContinuousClock.now
  private var output: [UInt8] = []
  private var errorText: [UInt8] = []

  init(job: WorkerJob, child: ChildProcess) {
    self.job = job
    self.child = child
  }

  func secondsSinceProgress() -> Double {
    let d = ContinuousClock.now - lastProgress
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }

  /// Reads whatever the pipes hold (without blocking) and returns the records that completed.
  func drain() -> [(index: Int, outcome: CaseOutcome)] {
    var fds = [child.outputFD, child.errorFD].filter { $0 >= 0 }.map {
      pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
    }
    guard !fds.isEmpty, poll(&fds, nfds_t(fds.count), 0) > 0 else { return [] }
    for p in fds where p.revents != 0 {
      let chunk = ChildProcess.readChunk(p.fd)
      if p.fd == child.outputFD {
        if let chunk { output += chunk } else { child.closeOutput() }
      } else if let chunk {
        if errorText.count < 16384 { errorText += chunk.prefix(16384 - errorText.count) }
      } else {
        child.closeError()
      }
    }
    var reported: [(index: Int, outcome: CaseOutcome)] = []
    while let newline = output.firstIndex(of: UInt8(ascii: "\n")) {
      let line = String(decoding: output[..<newline], as: UTF8.self)
      output.removeSubrange(...newline)
      guard let record = WorkerRecord.decode(line: line), job.pending.contains(record.index) else { continue }
      job.pending.removeAll { $0 == record.index }
      lastProgress = .now
      reported.append((record.index, CaseOutcome(status: record.status, reason: record.reason)))
    }
    return reported
  }

  /// Where a worker stands after its pipes were drained.
  enum State {
    case running
    /// Exited after reporting every case.
    case finished
    /// Died or was killed on case `index`, which failed with `outcome`; `rest` remains to run.
    case lost(index: Int, outcome: CaseOutcome, rest: WorkerJob)
  }

  /// Reaps a worker that exited and kills one that has made no progress for `timeout` seconds.
  func state(timeout: Double) -> State {
    let rest = WorkerJob(file: job.file, pending: Array(job.pending.dropFirst()))
    if child.outputFD < 0 && child.errorFD < 0, let exit = child.pollExit() {
      guard let current = job.pending.first else { return .finished }
      let how: String
      switch exit {
      case .exited(0): how = "worker ended without reporting this case"
      case .exited: how = "crashed: worker ended with \(exit)"
      case .signaled: how = "crashed: worker killed by \(exit)"
      }
      return .lost(index: current, outcome: .failed(how + stderrHint()), rest: rest)
    }
    guard secondsSinceProgress() > timeout else { return .running }
    child.terminate()
    guard let current = job.pending.first else { return .finished }
    let seconds = timeout == timeout.rounded() && timeout < 1e9 ? String(Int(timeout)) : String(timeout)
    return .lost(index: current, outcome: .failed("timed out after \(seconds) s"), rest: rest)
  }

  /// The most telling line the worker wrote to stderr (a `Fatal error` line if any).
  private func stderrHint() -> String {
    let lines = String(decoding: errorText, as: UTF8.self).split(whereSeparator: \.isNewline)
      .map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    guard let line = lines.first(where: { $0.contains("Fatal error") }) ?? lines.last else { return "" }
    return "; stderr: " + ResultComparator.truncated(line, limit: 300)
  }
}
