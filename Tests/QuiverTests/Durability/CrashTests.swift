// The crash test: a child process commits numbered transactions and acknowledges each on
// standard output; it is killed with SIGKILL at random moments, and after each kill the
// database must hold every acknowledged transaction, none half-applied, with indexes that agree
// with the data. 60 rounds by default with one writer; QUIVER_CRASH_ROUNDS and
// QUIVER_CRASH_WRITERS (writer threads, with a checkpoint thread racing them) make the long mode
// that scripts/crash-soak.sh runs. A second test kills the child while it bulk-imports CSV
// batches, each committed as a new snapshot: every batch must be there whole or not at all.
import Foundation
import Quiver
import Testing

@Suite struct CrashTests {
  /// What one child run acknowledged.
  struct Run {
    /// Per writer, the counter it started from and its last acknowledged transaction.
    var ready: [Int64: Int64] = [:]
    var acknowledged: [Int64: Int64] = [:]
    var output = ""
  }

  /// What a long run counted, printed at the end.
  struct Tally {
    var transactions: Int64 = 0
    var lostAcknowledged = 0
    var halfApplied = 0
  }

  /// Starts the child on `dir`, kills it after `acks` acknowledgements (or, with nil, at a random
  /// moment of its start-up) plus up to `jitter` microseconds, and returns what it printed.
  private func runChild(_ child: String, _ dir: String, mode: String, writers: Int, acks: Int?, jitter: UInt32) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: child)
    process.arguments = [dir, mode, "12000", String(writers)]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    var run = Run()
    let reader = pipe.fileHandleForReading
    func absorb(_ data: Data) {
      run.output += String(decoding: data, as: UTF8.self)
    }
    func acknowledged() -> Int {
      run.output.split(separator: "\n").filter { $0.hasPrefix("ack ") }.count
    }
    if let acks {
      while acknowledged() < acks && !run.output.contains("error") {
        let data = reader.availableData
        if data.isEmpty { break }
        absorb(data)
      }
    }
    usleep(jitter)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    absorb(reader.readDataToEndOfFile())
    for line in run.output.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count == 3, let w = Int64(fields[1]), let n = Int64(fields[2]) else { continue }
      if fields[0] == "ready" { run.ready[w] = n }
      // A line cut by the kill can only be the last; whole ones come in order per writer.
      if fields[0] == "ack" { run.acknowledged[w] = max(run.acknowledged[w] ?? 0, n) }
    }
    return run
  }

  /// Checks the graph against the child's rules for each writer's transactions 1...counter,
  /// counts lost and half-applied transactions into `tally`, and returns the counters (each
  /// writer's last committed transaction).
  private func verify(
    _ dir: String, acknowledged: [Int64: Int64], writers: Int, round: Int, _ tally: inout Tally
  ) throws -> (counters: [Int64: Int64], repaired: Bool) {
    let db = try Database(path: dir)
    var counters: [Int64: Int64] = [:]
    for row in try db.execute("MATCH (c:Counter) RETURN c.w, c.value").rows {
      counters[row[0].intValue ?? -1] = row[1].intValue ?? 0
    }
    var items: [[Int64]: Int64] = [:]
    for row in try db.execute("MATCH (n:Item) RETURN n.w, n.seq, count(*)").rows {
      items[[row[0].intValue ?? -1, row[1].intValue ?? -1]] = row[2].intValue
    }
    var links: [[Int64]: Int64] = [:]
    for row in try db.execute("MATCH ()-[r:NEXT]->() RETURN r.w, r.seq, count(*)").rows {
      links[[row[0].intValue ?? -1, row[1].intValue ?? -1]] = row[2].intValue
    }
    var problems: [String] = []
    for w in 0..<Int64(writers) {
      let counter = counters[w] ?? 0
      let acked = acknowledged[w] ?? 0
      if counter < acked { tally.lostAcknowledged += Int(acked - counter) }
      #expect(counter >= acked, "round \(round): writer \(w) acknowledged \(acked) but only \(counter) survived")
      #expect(counter <= acked + 1, "round \(round): writer \(w) committed \(counter) but acknowledged \(acked)")
      for seq in 1...max(counter, 1) where counter > 0 {
        let deleter = seq + 5
        let deleted = deleter <= counter && deleter % 7 == 0
        if items[[w, seq]] != (deleted ? 2 : 3) || links[[w, seq]] != (deleted ? 1 : 2) {
          problems.append("writer \(w) transaction \(seq): \(items[[w, seq]] ?? 0) items, \(links[[w, seq]] ?? 0) links")
        }
      }
    }
    let beyond = items.keys.filter { $0[1] > (counters[$0[0]] ?? 0) || $0[1] < 1 }
    tally.halfApplied += problems.count + beyond.count
    #expect(problems.isEmpty, "round \(round): \(problems.prefix(5))")
    #expect(beyond.isEmpty, "round \(round): items of uncommitted transactions \(beyond.sorted { $0.lexicographicallyPrecedes($1) }.prefix(5))")
    #expect(db.consistencyViolations.isEmpty, "round \(round): \(db.consistencyViolations.prefix(3))")
    // The index seek finds what a scan finds.
    let top = counters.values.max() ?? 0
    for seq in [1, top / 2, top] where seq > 0 {
      let seek = try db.execute("MATCH (n:Item) WHERE n.seq = $s RETURN count(*)", parameters: ["s": .int(seq)]).rows[0][0]
      let scan = try db.execute("MATCH (n:Item) WHERE n.seq + 0 = $s RETURN count(*)", parameters: ["s": .int(seq)]).rows[0][0]
      #expect(seek.intValue == scan.intValue, "round \(round): index disagrees for \(seq)")
    }
    return (counters, !db.recoveryWarnings.isEmpty)
  }

  /// Kills the child in import mode at random moments (often while it writes an import's
  /// snapshot): each batch up to the last is there whole, with its index entries; none beyond
  /// the last acknowledged one but one; the counter set after each import follows it.
  /// QUIVER_CRASH_IMPORT_ROUNDS sets the number of rounds (12 by default).
  @Test func killedImportsAreWholeOrAbsent() throws {
    let child = try #require(crashChildExecutable(), "build the quiver-crash-child product first")
    let rounds = Int(ProcessInfo.processInfo.environment["QUIVER_CRASH_IMPORT_ROUNDS"] ?? "") ?? 12
    let dir = try ScratchDirectory()
    let path = dir.file("db")
    var generator = SystemRandomNumberGenerator()
    var acknowledged: Int64 = 0
    let started = ContinuousClock.now
    for round in 1...rounds {
      let acks = Int.random(in: 0...3, using: &generator)
      let run = try runChild(child, path, mode: "import", writers: 1, acks: acks, jitter: UInt32.random(in: 0...30_000, using: &generator))
      #expect(!run.output.contains("error"), "round \(round): \(run.output.suffix(300))")
      if let ready = run.ready[0] { #expect(ready >= acknowledged, "round \(round): reopened at \(ready) after \(acknowledged)") }
      acknowledged = max(acknowledged, run.acknowledged[0] ?? 0)
      let db = try Database(path: path)
      let batches = try db.execute("MATCH (n:Batch) RETURN n.batch, count(*), min(n.k), max(n.k) ORDER BY n.batch").rows
      let last = Int64(batches.count)
      #expect(last >= acknowledged && last <= acknowledged + 1, "round \(round): \(last) batches, \(acknowledged) acknowledged")
      for (i, row) in batches.enumerated() {
        #expect(row.map { $0.intValue } == [Int64(i) + 1, 500, 0, 499], "round \(round): batch row \(row)")
      }
      let links = try db.execute("MATCH (a:Batch)-[r:CHAIN]->(b:Batch) WHERE a.k + 1 = b.k AND r.batch = a.batch RETURN count(*)").rows
      #expect(links.first?.first?.intValue == last * 499, "round \(round): \(links)")
      let seek = try db.execute("MATCH (n:Batch) WHERE n.batch = $b RETURN count(*)", parameters: ["b": .int(last)]).rows
      #expect(seek.first?.first?.intValue == (last > 0 ? 500 : 0), "round \(round): index seek \(seek)")
      let counter = try db.execute("MATCH (c:Counter) RETURN c.value").rows.first?.first?.intValue ?? 0
      #expect(counter == last || counter == last - 1, "round \(round): counter \(counter) after \(last) imports")
      // The full consistency check costs seconds per thousand nodes in a debug build: last round only.
      if round == rounds { #expect(db.consistencyViolations.isEmpty, "round \(round): \(db.consistencyViolations.prefix(3))") }
      acknowledged = last
    }
    print("import crash test: \(rounds) rounds, \(acknowledged) batches imported, \(ContinuousClock.now - started)")
  }

  @Test func killedWritersLoseNoAcknowledgedTransaction() throws {
    let child = try #require(crashChildExecutable(), "build the quiver-crash-child product first")
    let environment = ProcessInfo.processInfo.environment
    let rounds = Int(environment["QUIVER_CRASH_ROUNDS"] ?? "") ?? 60
    let writers = max(1, Int(environment["QUIVER_CRASH_WRITERS"] ?? "") ?? 1)
    var dir = try ScratchDirectory()
    var generator = SystemRandomNumberGenerator()
    var acknowledged: [Int64: Int64] = [:]
    var tally = Tally()
    var killedInStartup = 0, tornTails = 0
    let started = ContinuousClock.now
    for round in 1...rounds {
      // The consistency check costs more as the graph grows; long runs start afresh now and then.
      if round % 60 == 1 && round > 1 {
        dir = try ScratchDirectory()
        acknowledged = [:]
      }
      let mode = round % 3 == 0 ? "group" : "fsync"
      let acks: Int? = round % 10 == 7 ? nil : Int.random(in: 0...25, using: &generator)
      if acks == nil { killedInStartup += 1 }
      let run = try runChild(
        child, dir.path, mode: mode, writers: writers, acks: acks, jitter: UInt32.random(in: 0...4000, using: &generator))
      #expect(!run.output.contains("error"), "round \(round): \(run.output.suffix(300))")
      for (w, ready) in run.ready {
        #expect(ready >= acknowledged[w] ?? 0, "round \(round): writer \(w) reopened at \(ready) after \(acknowledged[w] ?? 0)")
      }
      let before = acknowledged.values.reduce(0, +)
      acknowledged.merge(run.acknowledged) { max($0, $1) }
      let outcome = try verify(dir.path, acknowledged: acknowledged, writers: writers, round: round, &tally)
      tally.transactions += outcome.counters.values.reduce(0, +) - before
      acknowledged = outcome.counters
      if outcome.repaired { tornTails += 1 }
    }
    print(
      "crash test: \(rounds) rounds, \(writers) writers, \(tally.transactions) transactions, "
        + "\(tally.lostAcknowledged) acknowledged commits lost, \(tally.halfApplied) half-applied, "
        + "\(killedInStartup) kills during start-up, \(tornTails) torn log tails cut, \(ContinuousClock.now - started)")
  }
}
