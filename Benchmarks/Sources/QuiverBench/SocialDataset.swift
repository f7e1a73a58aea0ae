// The benchmark dataset (nodes.csv and edges.csv from ../shared/bench/gen_social.py), loaded into
// Quiver through the public API in batches, with the query parameters queries.md defines.
import Foundation
import Quiver

/// A social graph read from CSV, and the parameters derived from it.
struct SocialDataset {
  let nodes: [[Value]]
  let edges: [[Value]]
  let hub: Int64
  let typical: Int64
  let farthest: Int64

  init(directory: String) throws {
    nodes = try Self.rows(URL(fileURLWithPath: directory).appendingPathComponent("nodes.csv")) { f in
      guard f.count == 4, let id = Int64(f[0]), let age = Int64(f[2]) else { return nil }
      return [.int(id), .string(f[1]), .int(age), .string(f[3])]
    }
    edges = try Self.rows(URL(fileURLWithPath: directory).appendingPathComponent("edges.csv")) { f in
      guard f.count == 4, let s = Int64(f[0]), let d = Int64(f[1]), let since = Int64(f[2]), let w = Double(f[3]) else { return nil }
      return [.int(s), .int(d), .int(since), .float(w)]
    }
    let n = nodes.count
    var out = [[Int]](repeating: [], count: n)
    for e in edges {
      if case .int(let s) = e[0], case .int(let d) = e[1], s < n, d < n { out[Int(s)].append(Int(d)) }
    }
    let degrees = out.map(\.count)
    hub = Int64(degrees.indices.max { degrees[$0] < degrees[$1] || (degrees[$0] == degrees[$1] && $0 > $1) } ?? 0)
    let median = degrees.sorted()[n / 2]
    typical = Int64((n / 2..<n).first { degrees[$0] == median } ?? n / 2)
    var distance = [Int](repeating: -1, count: n)
    distance[Int(typical)] = 0
    var queue = [Int(typical)]
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      for w in out[v] where distance[w] < 0 {
        distance[w] = distance[v] + 1
        queue.append(w)
      }
    }
    let far = distance.max() ?? 0
    farthest = Int64(distance.firstIndex(of: far) ?? 0)
  }

  private static func rows(_ url: URL, _ parse: ([String]) -> [Value]?) throws -> [[Value]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    var out: [[Value]] = []
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard let row = parse(fields) else { throw BenchError(description: "bad line in \(url.lastPathComponent): \(line)") }
      out.append(row)
    }
    return out
  }

  /// Loads the graph into `db` in batches of parameterised UNWIND statements, with an index on
  /// Person.id created before the relationships are matched to their ends.
  func load(into db: Database, batch: Int = 10_000) throws {
    for start in stride(from: 0, to: nodes.count, by: batch) {
      let rows = Value.list(nodes[start..<min(start + batch, nodes.count)].map { .list($0) })
      _ = try db.execute("UNWIND $rows AS r CREATE (:Person {id: r[0], name: r[1], age: r[2], city: r[3]})", parameters: ["rows": rows])
    }
    _ = try db.execute("CREATE INDEX person_id FOR (p:Person) ON (p.id)")
    for start in stride(from: 0, to: edges.count, by: batch) {
      let rows = Value.list(edges[start..<min(start + batch, edges.count)].map { .list($0) })
      _ = try db.execute(
        "UNWIND $rows AS r MATCH (a:Person {id: r[0]}), (b:Person {id: r[1]}) CREATE (a)-[:KNOWS {since: r[2], weight: r[3]}]->(b)",
        parameters: ["rows": rows])
    }
  }
}
