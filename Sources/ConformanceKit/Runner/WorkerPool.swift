// Runs feature files in worker processes, up to `jobs` at once, with one poll loop over their
// pipes. A worker that dies or spends more than `timeout` seconds on one case is killed if need
// be; that case is recorded as crashed or timed out and a new worker resumes the file after it.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file's cases still to run in workers.
struct WorkerJob: Sendable {
  var file: String
  /// Indices of the cases to run, in order.
  var pending: [Int]
}

/// Schedules jobs onto worker processes and collects one outcome per case.
struct WorkerPool {
  var jobs: Int
  var timeout: Double
  /// The command line of a worker for `file` running the cases `indices`.
  var command: (_ file: String, _ indices: [Int]) -> [String]
  var environment: [String]

  /// Runs every job; returns the outcome of each case, keyed by file then case index.
  func run(_ initial: [WorkerJob]) -> [String: [Int: CaseOutcome]] {
    var queue = initial.filter { !$0.pending.isEmpty }
    var running: [RunningWorker] = []
    var outcomes: [String: [Int: CaseOutcome]] = [:]
    func record(_ file: String, _ index: Int, _ outcome: CaseOutcome) {
      outcomes[file, default: [:]][index] = outcome
    }
    while true {
      while running.count < max(1, jobs), !queue.isEmpty {
        let job = queue.removeFirst()
        do {
          let child = try ChildProcess.spawn(command(job.file, job.pending), environment: environment)
          running.append(RunningWorker(job: job, child: child))
        } catch {
          for index in job.pending { record(job.file, index, .failed("cannot start a worker: \(error)")) }
        }
      }
      if running.isEmpty { break }
      waitForActivity(running)
      var stillRunning: [RunningWorker] = []
      for worker in running {
        for (index, outcome) in worker.drain() { record(worker.job.file, index, outcome) }
        switch worker.state(timeout: timeout) {
        case .running:
          stillRunning.append(worker)
        case .finished:
          break
        case .lost(let index, let outcome, let rest):
          record(worker.job.file, index, outcome)
          if !rest.pending.isEmpty { queue.insert(rest, at: 0) }
        }
      }
      running = stillRunning
    }
    return outcomes
  }

  /// Blocks until a worker pipe has data, a worker may have exited, or a deadline passes.
  private func waitForActivity(_ running: [RunningWorker]) {
    var fds: [pollfd] = []
    var wait = timeout
    for worker in running {
      for fd in [worker.child.outputFD, worker.child.errorFD] where fd >= 0 {
        fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
      }
      if worker.child.outputFD < 0 && worker.child.errorFD < 0 { wait = min(wait, 0.005) }
      wait = min(wait, max(0, timeout - worker.secondsSinceProgress()))
    }
    _ = poll(&fds, nfds_t(fds.count), Int32(min(wait * 1000 + 1, 60_000)))
  }
}

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
