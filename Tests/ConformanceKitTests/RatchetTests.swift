// Tests of the ratchet file: comments are ignored and kept, a listed scenario that fails or no
// longer exists is a violation unless the run filtered it out, and updating only adds ids.
import Testing

@testable import ConformanceKit

@Suite struct RatchetTests {
  @Test func parsesIdsAndIgnoresComments() {
    let r = Ratchet.parse("# passing scenarios\n\nb.feature :: [2] B\na.feature :: [1] A #0\n")
    #expect(r.comments == ["# passing scenarios"])
    #expect(r.ids == ["b.feature :: [2] B", "a.feature :: [1] A #0"])
  }

  @Test func violationsNameFailingMissingAndSkippedIds() {
    let r = Ratchet(comments: [], ids: ["a", "b", "c", "d", "e"])
    let status: [String: CaseOutcome.Status] = ["a": .passed, "b": .failed, "c": .skipped, "e": .failed]
    #expect(r.violations(status: status, notRun: ["e"]) == ["b (failed)", "c (skipped)", "d (no such scenario)"])
  }

  @Test func updatingOnlyAdds() {
    let r = Ratchet(comments: ["# keep"], ids: ["b", "z"])
    let updated = r.adding(["a", "b"])
    #expect(updated.ids == ["a", "b", "z"])
    #expect(updated.text == "# keep\na\nb\nz\n")
  }
}
