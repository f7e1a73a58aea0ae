// Tests of the worker pool with shell scripts standing in for workers: records are collected
// despite stray output, a crashing worker costs only the case it was on and a new worker
// resumes after it, and a hanging worker is killed after the time limit.
import Testing

@testable import ConformanceKit

@Suite struct WorkerPoolTests {
  /// A pool whose workers run `script` with the comma-separated case indices as `$1`.
  private func pool(_ script: String, timeout: Double = 10, jobs: Int = 2) -> WorkerPool {
    WorkerPool(
      jobs: jobs, timeout: timeout,
      command: { _, indices in
        ["/bin/sh", "-c", "ulimit -c 0; IFS=,; for i in $1; do\n" + script + "\ndone", "sh",
         indices.map(String.init).joined(separator: ",")]
      },
      environment: ["PATH=/usr/bin:/bin"])
  }

  private let report = #"printf 'noise\n@@tck {"index":%s,"status":"passed"}\n' "$i""#

  @Test func collectsEveryRecordDespiteStrayOutput() {
    let outcomes = pool(report).run([
      WorkerJob(file: "a", pending: [0, 1, 2]), WorkerJob(file: "b", pending: [0]), WorkerJob(file: "c", pending: []),
    ])
    #expect(outcomes["a"] == [0: .passed, 1: .passed, 2: .passed])
    #expect(outcomes["b"] == [0: .passed])
    #expect(outcomes["c"] == nil)
  }

  @Test func crashCostsOneCaseAndANewWorkerResumes() {
    let script = #"if [ "$i" = 1 ]; then echo 'Fatal error: boom' >&2; kill -SEGV $$; fi; "# + report
    let outcomes = pool(script).run([WorkerJob(file: "a", pending: [0, 1, 2, 3])])
    #expect(outcomes["a"]?[0] == .passed)
    #expect(outcomes["a"]?[1] == .failed("crashed: worker killed by signal 11 (SIGSEGV); stderr: Fatal error: boom"))
    #expect(outcomes["a"]?[2] == .passed)
    #expect(outcomes["a"]?[3] == .passed)
  }

  @Test func hangIsKilledAfterTheTimeLimit() {
    let script = #"if [ "$i" = 2 ]; then while :; do :; done; fi; "# + report
    let outcomes = pool(script, timeout: 0.5, jobs: 1).run([WorkerJob(file: "a", pending: [1, 2, 5])])
    #expect(outcomes["a"] == [1: .passed, 2: .failed("timed out after 0.5 s"), 5: .passed])
  }

  @Test func workerThatStopsReportingFailsTheRemainingCasesOneByOne() {
    let script = #"if [ "$i" -ge 1 ]; then exit 3; fi; "# + report
    let outcomes = pool(script).run([WorkerJob(file: "a", pending: [0, 1, 2])])
    #expect(outcomes["a"]?[0] == .passed)
    #expect(outcomes["a"]?[1] == .failed("crashed: worker ended with exit status 3"))
    #expect(outcomes["a"]?[2] == .failed("crashed: worker ended with exit status 3"))
  }
}
