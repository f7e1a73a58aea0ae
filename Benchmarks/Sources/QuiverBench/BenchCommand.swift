// Argument handling and the workload table of quiver-bench.
import Foundation
import Quiver

/// A usage or input problem, reported in one line.
struct BenchError: Error, CustomStringConvertible {
  let description: String
}

/// Parses `WORKLOAD [options]` and runs the workload.
struct BenchCommand {
  static let usage = """
    usage: quiver-bench WORKLOAD [options]
      w1         [--statements N] [--repetitions N]         single-statement CREATEs, in memory
      queries    --data DIR --params JSON [--dataset NAME] [--triangles]
                                                            L1 load and Q1-Q7 of queries.md
      analytics  --data DIR --params JSON [--dataset NAME] [--sources N] [--closeness]
                                                            A0-A9 (betweenness exact unless --sources)
      plan       [--data DIR] [--dataset NAME] [--iterations N]
                                                            parse and plan time of representative statements
      durable    [--statements N] [--threads N]             fsync'd and group commits on disk
      store      --data DIR --db PATH                       load into an on-disk database, checkpoint
      open       --db PATH                                  open that database and count its persons
      footprint  --data DIR [--dataset NAME]                resident bytes per node and per relationship of
                                                            the loaded store, a structural estimate per part,
                                                            and what the columns of the first Q4 and Q5 add
      snapshot                                              read snapshots under a concurrent writer
      merge                                                 MERGE on an indexed key, 10k and 1M persons
      embedding  [--rows N]                                 E1 indexed lookup, execute vs prepared (100k
                                                            persons); E2 N rows (default 1M) decoded
                                                            into a Decodable struct vs read as Values
      linearity  [--sizes 1048576,10485760]                pathological inputs (deep nesting, long literals
                                                            and names, huge lists, operator chains, many
                                                            statements, an error caret, a wide table) at
                                                            each size: time per byte should stay flat
      layout     [--nodes N]                                the reports' force-directed layout of N nodes
                                                            (default 2,000), five relationships per node
      stream     --data DIR [--dataset NAME] [--batch N] [--sequence | --collect]
                                                            peak memory after loading and after streaming
                                                            MATCH (n) RETURN n (batches of N, default 1000;
                                                            --sequence: row by row through db.stream(…).rows;
                                                            --collect: through execute, all rows at once)
    --params is the JSON object of hub, typical, farthest and Q1 ids that
    Benchmarks/harness/datasets.py derives from the dataset (compare.py passes it)
    queries, analytics and linearity take --only Q4,A1-pagerank,list-literal to run some of their workloads; every workload takes --repetitions N (default 5; 1 for store and open; analytics stops
    repeating an algorithm once its runs add up to a second)
    """

  let workload: String
  var repetitions: Int?
  var statements = 10_000
  var threads = 8
  var iterations = 200
  var sources: Int?
  var directory: String?
  var database: String?
  var parameters: String?
  var dataset = "dataset"
  var triangles = false
  var closeness = false
  var batch = 1000
  var rows = 1_000_000
  var nodes = 2_000
  var streamMode = StreamWorkload.Mode.stream
  var sizes = [1 << 20, 10 << 20]
  /// Workload names to run (all when nil), e.g. `Q4,Q5` while profiling one query.
  var only: Set<String>?

  init(_ arguments: [String]) throws {
    guard let first = arguments.first, first != "--help", first != "-h" else { throw BenchError(description: Self.usage) }
    workload = first
    var rest = arguments.dropFirst()
    func text(_ flag: String) throws -> String {
      guard let value = rest.first else { throw BenchError(description: "\(flag) needs a value") }
      rest = rest.dropFirst()
      return value
    }
    func number(_ flag: String) throws -> Int {
      guard let value = Int(try text(flag)), value > 0 else { throw BenchError(description: "\(flag) needs a positive whole number") }
      return value
    }
    while let flag = rest.first {
      rest = rest.dropFirst()
      switch flag {
      case "--triangles": triangles = true
      case "--closeness": closeness = true
      case "--collect": streamMode = .collect
      case "--sequence": streamMode = .sequence
      case "--batch": batch = try number(flag)
      case "--rows": rows = try number(flag)
      case "--nodes": nodes = try number(flag)
      case "--data": directory = try text(flag)
      case "--db": database = try text(flag)
      case "--params": parameters = try text(flag)
      case "--dataset": dataset = try text(flag)
      case "--repetitions": repetitions = try number(flag)
      case "--statements": statements = try number(flag)
      case "--threads": threads = try number(flag)
      case "--iterations": iterations = try number(flag)
      case "--sources": sources = try number(flag)
      case "--sizes": sizes = try text(flag).split(separator: ",").map { Int($0) ?? 0 }
      case "--only": only = Set(try text(flag).split(separator: ",").map(String.init))
      default: throw BenchError(description: "unknown option \(flag)\n" + Self.usage)
      }
    }
  }

  func run() throws {
    func data() throws -> String {
      guard let directory else { throw BenchError(description: "\(workload) needs --data DIR with nodes.csv and edges.csv") }
      return directory
    }
    func db() throws -> String {
      guard let database else { throw BenchError(description: "\(workload) needs --db PATH") }
      return database
    }
    func params() throws -> QueryParameters {
      guard let parameters else { throw BenchError(description: "\(workload) needs --params JSON (hub, typical, farthest, ids)") }
      return try QueryParameters(json: parameters)
    }
    switch workload {
    case "w1": try WriteWorkload(statements: statements).measure(repetitions: repetitions ?? 5)
    case "snapshot": try SnapshotWorkload().measure(repetitions: repetitions ?? 5)
    case "queries":
      try QueryWorkload(
        directory: data(), dataset: dataset, parameters: params(), repetitions: repetitions ?? 5, triangles: triangles,
        only: only
      ).measure()
    case "analytics":
      try AnalyticsWorkload(
        directory: data(), dataset: dataset, parameters: params(), repetitions: repetitions ?? 5, betweennessSources: sources,
        closeness: closeness, only: only
      ).measure()
    case "plan": try PlanWorkload(directory: directory, dataset: dataset, iterations: iterations).measure()
    case "durable": try DurableWorkload(statements: statements, threads: threads, repetitions: repetitions ?? 5).measure()
    case "store": try StoreWorkload(directory: data(), database: db(), dataset: dataset).measure()
    case "footprint": try FootprintWorkload(directory: data(), dataset: dataset).measure()
    case "open": try OpenWorkload(database: db(), dataset: dataset, repetitions: repetitions ?? 1).measure()
    case "stream": try StreamWorkload(directory: data(), dataset: dataset, batch: batch, mode: streamMode).measure()
    case "embedding":
      try EmbeddingWorkload(
        persons: 100_000, rows: rows, repetitions: repetitions ?? 5
      ).measure()
    case "linearity":
      guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else { throw BenchError(description: "--sizes needs byte counts above 0") }
      try LinearityWorkload(sizes: sizes, repetitions: repetitions ?? 3, only: only).measure()
    case "layout": LayoutWorkload(nodes: nodes, repetitions: repetitions ?? 3).measure()
    case "merge": try MergeWorkload(sizes: [10_000, 1_000_000], repetitions: repetitions ?? 5).measure()
    case "load-csv", "import-neo4j", "dump", "restore":
      try LoadingWorkload(workload: workload, directory: data(), database: db(), dataset: dataset).measure()
    default: throw BenchError(description: "unknown workload \(workload)\n" + Self.usage)
    }
  }
}
