// The benchmark dataset (nodes.csv and edges.csv from ../shared/bench/gen_social.py or
// snap_to_csv.py), loaded into Quiver by its bulk importer, and the query parameters queries.md
// derives from it, which Benchmarks/harness/datasets.py computes and passes to every system.
import Foundation
import Quiver

/// The directory of a social graph's CSV files.
struct SocialDataset {
  let directory: String

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

/// hub (most outgoing KNOWS), typical (median out-degree), farthest (from typical) and the Q1
/// look-up ids, as `--params JSON` (the JSON object Benchmarks/harness/datasets.py makes).
struct QueryParameters {
  let hub: Int64
  let typical: Int64
  let farthest: Int64
  let ids: [Int64]

  init(json: String) throws {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
      let hub = object["hub"] as? Int, let typical = object["typical"] as? Int, let farthest = object["farthest"] as? Int,
      let ids = object["ids"] as? [Int]
    else { throw BenchError(description: "--params needs a JSON object with hub, typical, farthest and ids") }
    (self.hub, self.typical, self.farthest, self.ids) = (Int64(hub), Int64(typical), Int64(farthest), ids.map(Int64.init))
  }
}
