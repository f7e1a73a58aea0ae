// Argument handling and the workload table of quiver-bench.
import Foundation
import Quiver

/// A usage or input problem, reported in one line.
struct BenchError: Error, CustomStringConvertible {
  let description: String
}

/// Parses `WORKLOAD [--repetitions N] [--statements N]` and runs the workload.
struct BenchCommand {
  let workload: String
  var repetitions = 5
  var statements = 10_000
  var directory: String?
  var dataset = "dataset"
  var triangles = false

  init(_ arguments: [String]) throws {
    guard let first = arguments.first else {
      throw BenchError(description: "usage: quiver-bench w1 [--repetitions N] [--statements N] | snapshot [--repetitions N] | queries --data DIR [--dataset NAME] [--triangles] [--repetitions N] | durable [--repetitions N] [--statements N]")
    }
    workload = first
    var rest = arguments.dropFirst()
    while let flag = rest.first {
      rest = rest.dropFirst()
      if flag == "--triangles" {
        triangles = true
        continue
      }
      if flag == "--data" || flag == "--dataset" {
        guard let text = rest.first else { throw BenchError(description: "\(flag) needs a value") }
        rest = rest.dropFirst()
        if flag == "--data" { directory = text } else { dataset = text }
        continue
      }
      guard let value = rest.first.flatMap({ Int($0) }) else {
        throw BenchError(description: "\(flag) needs a whole number")
      }
      rest = rest.dropFirst()
      switch flag {
      case "--repetitions": repetitions = value
      case "--statements": statements = value
      default: throw BenchError(description: "unknown option \(flag)")
      }
    }
  }

  func run() throws {
    switch workload {
    case "analytics": try AnalyticsWorkload(directory: ProcessInfo.processInfo.environment["QUIVER_BENCH_DATA"] ?? "/tmp/sf100k").measure(repetitions: repetitions)
    case "w1": try WriteWorkload(statements: statements).measure(repetitions: repetitions)
    case "snapshot": try SnapshotWorkload().measure(repetitions: repetitions)
    case "queries":
      guard let directory else { throw BenchError(description: "queries needs --data DIR with nodes.csv and edges.csv") }
      try QueryWorkload(directory: directory, dataset: dataset, repetitions: repetitions, triangles: triangles).measure()
    case "durable": try DurableWorkload(statements: statements).measure(repetitions: repetitions)
    default: throw BenchError(description: "unknown workload \(workload)")
    }
  }
}
