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
