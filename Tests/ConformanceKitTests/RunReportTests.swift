// Tests of the run report and plan: per-file counts, failures with reasons, the skipped line and
// the final `N passed, N failed` line; the JSON records; the worker record line round trip; and
// how filters, `@ignore` and unparsable files are planned.
import Foundation
import Testing

@testable import ConformanceKit

@Suite struct RunReportTests {
  private func sampleReport() -> RunReport {
    RunReport(files: [
      ("a/A.feature", [
        CaseReport(id: "a/A.feature :: [1] x", file: "a/A.feature", scenario: "[1] x", status: .passed),
        CaseReport(id: "a/A.feature :: [2] y #0", file: "a/A.feature", scenario: "[2] y", example: 0, status: .failed, reason: "line 9 `Then …`: two\nlines"),
      ]),
      ("b/B.feature", [
        CaseReport(id: "b/B.feature :: [1] z", file: "b/B.feature", scenario: "[1] z", status: .skipped, reason: "tagged @ignore"),
      ]),
    ])
  }

  @Test func consoleReportEndsWithTheTotalsLine() {
    let text = sampleReport().consoleText(notes: ["ratchet check passed (p)"])
    #expect(text == """
      a/A.feature: 1 passed, 1 failed, 0 skipped
      b/B.feature: 0 passed, 0 failed, 1 skipped

      Failures:
      FAIL a/A.feature :: [2] y #0
          line 9 `Then …`: two
          lines

      ratchet check passed (p)
      1 skipped
      1 passed, 1 failed

      """)
  }

  @Test func jsonHasOneRecordPerCase() throws {
    let data = Data(sampleReport().jsonText.utf8)
    let records = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(records.count == 3)
    #expect(records.map { $0["id"] as? String } == ["a/A.feature :: [1] x", "a/A.feature :: [2] y #0", "b/B.feature :: [1] z"])
    #expect(records.map { $0["status"] as? String } == ["passed", "failed", "skipped"])
    #expect(records[1]["reason"] as? String == "line 9 `Then …`: two\nlines")
    #expect(records[1]["example"] as? Int == 0)
  }

  @Test func workerRecordLineRoundTrips() throws {
    let record = WorkerRecord(index: 3, status: .failed, reason: "a\nb \"quoted\"")
    let line = record.encodedLine()
    #expect(line.hasPrefix("\n@@tck {"))
    let decoded = try #require(WorkerRecord.decode(line: line.trimmingBlanks()))
    #expect(decoded == record)
    #expect(WorkerRecord.decode(line: "engine noise") == nil)
  }

  @Test func planSettlesIgnoredAndUnparsableCasesWithoutWorkers() throws {
    let text = "Feature: F\n  Scenario: [1] keep\n    Given any graph\n  @ignore\n  Scenario: [2] skip\n    Given any graph\n  Scenario: [3] other\n    Given any graph\n"
    let good = FeatureFile(relativePath: "F.feature", absolutePath: "/F.feature",
                           cases: TestCase.all(in: try GherkinParser.parse(text), path: "F.feature"), parseError: nil)
    let bad = FeatureFile(relativePath: "G.feature", absolutePath: "/G.feature", cases: [], parseError: "cannot parse: line 2: oops")
    let plan = RunPlan(files: [good, bad], filter: "F.feature :: [")
    #expect(plan.jobs.map(\.pending) == [[0, 2]])
    let report = plan.report(outcomes: ["F.feature": [0: .passed]])
    #expect(report.allCases.map(\.status) == [.passed, .skipped, .failed, .failed])
    #expect(report.allCases[2].reason == "no outcome was reported for this case")
    #expect(report.allCases[3].id == "G.feature :: (feature file)")
    let filtered = RunPlan(files: [good], filter: "[3]")
    #expect(filtered.jobs.map(\.pending) == [[2]])
    #expect(filtered.notRun == ["F.feature :: [1] keep", "F.feature :: [2] skip"])
  }
}
