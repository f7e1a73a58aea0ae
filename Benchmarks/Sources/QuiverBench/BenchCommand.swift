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

  init(_ arguments: [String]) throws {
    guard let first = arguments.first else {
      throw BenchError(description: "usage: quiver-bench w1 [--repetitions N] [--statements N] | snapshot [--repetitions N] | durable [--repetitions N] [--statements N]")
    }
    workload = first
    var rest = arguments.dropFirst()
    while let flag = rest.first {
      rest = rest.dropFirst()
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
    case "w1": try WriteWorkload(statements: statements).measure(repetitions: repetitions)
    case "snapshot": try SnapshotWorkload().measure(repetitions: repetitions)
    case "durable": try DurableWorkload(statements: statements).measure(repetitions: repetitions)
    default: throw BenchError(description: "unknown workload \(workload)")
    }
  }
}
