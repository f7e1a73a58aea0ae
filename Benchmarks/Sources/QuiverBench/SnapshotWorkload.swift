// The cost of a read snapshot while a writer runs: a reader repeatedly runs a tiny query (which
// takes a snapshot) while another thread commits writes, against a reader alone.
import Foundation
import Quiver
import Synchronization

/// Snapshot cost under a concurrent writer.
struct SnapshotWorkload {
  let nodes = 100_000
  let reads = 20_000

  func measure(repetitions: Int) throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, $n) AS i CREATE (:Person {id: i})", parameters: ["n": .int(Int64(nodes))])
    let alone = try Measurement.time(repetitions) { try readLoop(db) }
    let stop = Atomic<Bool>(false)
    let writer = Thread {
      var i: Int64 = 0
      while !stop.load(ordering: .relaxed) {
        _ = try? db.execute("CREATE (:Extra {i: $i})", parameters: ["i": .int(i)])
        i += 1
      }
    }
    writer.start()
    let contended = try Measurement.time(repetitions) { try readLoop(db) }
    stop.store(true, ordering: .relaxed)
    var m = Measurement(workload: "snapshot-read-under-write", dataset: "\(nodes) nodes, \(reads) reads")
    m.seconds = contended
    let aloneMedian = alone.sorted()[alone.count / 2]
    let contendedMedian = contended.sorted()[contended.count / 2]
    m.extra["read_alone_us"] = aloneMedian / Double(reads) * 1e6
    m.extra["read_with_writer_us"] = contendedMedian / Double(reads) * 1e6
    m.report()
  }

  private func readLoop(_ db: Database) throws {
    for _ in 0..<reads {
      _ = try db.execute("RETURN 1 AS one")
    }
  }
}
