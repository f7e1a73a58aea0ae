// The benchmark dataset (nodes.csv and edges.csv from ../shared/bench/gen_social.py or
// snap_to_csv.py), held as columns for the query parameters queries.md defines, and loaded into
// Quiver by its bulk importer.
import Foundation
import Quiver

/// A social graph read from CSV, and the parameters derived from it.
struct SocialDataset {
  let directory: String
  let ids: [Int64]
  let names: [String]
  let ages: [Int64]
  let cities: [String]
  let sources: [Int64]
  let targets: [Int64]
  let since: [Int64]
  let weights: [Double]
  let hub: Int64
  let typical: Int64
  let farthest: Int64

  var nodeCount: Int { ids.count }
  var edgeCount: Int { sources.count }

  init(directory: String) throws {
    self.directory = directory
    var ids: [Int64] = [], names: [String] = [], ages: [Int64] = [], cities: [String] = []
    try CSVFile(directory + "/nodes.csv").forEachRow { f, line in
      guard f.count == 4, let id = f.int(0), let age = f.int(2) else { throw BenchError(description: "bad line \(line) in nodes.csv") }
      ids.append(id)
      names.append(f.string(1))
      ages.append(age)
      cities.append(f.string(3))
    }
    var sources: [Int64] = [], targets: [Int64] = [], since: [Int64] = [], weights: [Double] = []
    try CSVFile(directory + "/edges.csv").forEachRow { f, line in
      guard f.count == 4, let s = f.int(0), let d = f.int(1), let y = f.int(2), let w = f.double(3) else {
        throw BenchError(description: "bad line \(line) in edges.csv")
      }
      sources.append(s)
      targets.append(d)
      since.append(y)
      weights.append(w)
    }
    (self.ids, self.names, self.ages, self.cities) = (ids, names, ages, cities)
    (self.sources, self.targets, self.since, self.weights) = (sources, targets, since, weights)
    (hub, typical, farthest) = Self.parameters(nodes: ids.count, sources: sources, targets: targets)
  }

  /// hub (most outgoing KNOWS, smallest id on a tie), typical (median out-degree, id ≥ n/2) and
  /// the node farthest from typical (smallest id at the largest distance). Ids are 0..<n.
  private static func parameters(nodes n: Int, sources: [Int64], targets: [Int64]) -> (Int64, Int64, Int64) {
    guard n > 0 else { return (0, 0, 0) }
    var degree = [Int](repeating: 0, count: n)
    for s in sources { degree[Int(s)] += 1 }
    var start = [Int](repeating: 0, count: n + 1)
    for v in 0..<n { start[v + 1] = start[v] + degree[v] }
    var fill = start
    var adjacency = [Int32](repeating: 0, count: sources.count)
    for (s, d) in zip(sources, targets) {
      adjacency[fill[Int(s)]] = Int32(d)
      fill[Int(s)] += 1
    }
    var hub = 0
    for v in 0..<n where degree[v] > degree[hub] { hub = v }
    let median = degree.sorted()[n / 2]
    let typical = (n / 2..<n).first { degree[$0] == median } ?? n / 2
    var distance = [Int](repeating: -1, count: n)
    distance[typical] = 0
    var queue = [typical]
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      for w in adjacency[start[v]..<start[v + 1]] where distance[Int(w)] < 0 {
        distance[Int(w)] = distance[v] + 1
        queue.append(Int(w))
      }
    }
    let far = distance.max() ?? 0
    return (Int64(hub), Int64(typical), Int64(distance.firstIndex(of: far) ?? 0))
  }

  /// Loads the graph the fastest way Quiver offers: an index on Person.id (the key every peer
  /// may have), then the bulk importer reading both CSV files.
  func load(into db: Database) throws {
    _ = try db.execute("CREATE INDEX person_id FOR (p:Person) ON (p.id)")
    try db.importCSV(
      nodes: [CSVNodeFile(path: directory + "/nodes.csv", labels: ["Person"])],
      relationships: [CSVRelationshipFile(path: directory + "/edges.csv", type: "KNOWS")])
  }

  /// The :Person nodes alone through the bulk importer.
  func importNodes(into db: Database) throws {
    try db.importCSV(nodes: [CSVNodeFile(path: directory + "/nodes.csv", labels: ["Person"])])
  }
}
