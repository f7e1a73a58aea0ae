// Which cases a run executes and how their outcomes become the report: unparsable files and
// `@ignore` cases are settled without a worker, the rest go to workers one job per file.

/// The cases selected for a run.
struct RunPlan {
  var files: [FeatureFile]
  /// Per file, the indices of the selected cases.
  var selected: [String: [Int]] = [:]
  /// Ids of existing cases left out by the filter.
  var notRun: Set<String> = []

  init(files: [FeatureFile], filter: String?) {
    self.files = files
    for file in files {
      var indices: [Int] = []
      for (i, c) in file.cases.enumerated() {
        if let filter, !c.id.contains(filter) { notRun.insert(c.id) } else { indices.append(i) }
      }
      selected[file.relativePath] = indices
    }
  }

  /// One job per readable file with its selected cases that are not `@ignore`d.
  var jobs: [WorkerJob] {
    files.filter { $0.parseError == nil }.map { file in
      WorkerJob(
        file: file.relativePath,
        pending: (selected[file.relativePath] ?? []).filter { !file.cases[$0].isIgnored })
    }
  }

  /// The report, given the workers' outcomes per file and case index.
  func report(outcomes: [String: [Int: CaseOutcome]]) -> RunReport {
    var result: [(path: String, cases: [CaseReport])] = []
    for file in files {
      if let error = file.parseError {
        let id = TestCase.id(featurePath: file.relativePath, title: "(feature file)", exampleIndex: nil)
        result.append(
          (file.relativePath,
            [CaseReport(id: id, file: file.relativePath, scenario: "(feature file)", status: .failed, reason: error)]))
        continue
      }
      let cases = (selected[file.relativePath] ?? []).map { i in
        let c = file.cases[i]
        let outcome =
          c.isIgnored
          ? CaseOutcome.skipped("tagged @ignore")
          : outcomes[file.relativePath]?[i] ?? .failed("no outcome was reported for this case")
        return CaseReport(
          id: c.id, file: file.relativePath, scenario: c.title, example: c.exampleIndex,
          status: outcome.status, reason: outcome.reason)
      }
      if !cases.isEmpty { result.append((file.relativePath, cases)) }
    }
    return RunReport(files: result)
  }
}
