// The crash test: a child process commits numbered transactions and acknowledges each on
// standard output; it is killed with SIGKILL at random moments, and after each kill the
// database must hold every acknowledged transaction, none half-applied, with indexes that agree
// with the data. 60 rounds by default; set QUIVER_CRASH_ROUNDS for a longer run.
import Foundation
import Quiver
import Testing

@Suite struct CrashTests {
  /// What one child run acknowledged.
  struct Run {
    var ready: Int64?
    var acknowledged: Int64?
    var output = ""
  }

  /// Starts the child on `dir`, kills it after `acks` acknowledgements (or, with nil, at a random
  /// moment of its start-up) plus up to `jitter` microseconds, and returns what it printed.
  private func runChild(_ child: String, _ dir: String, mode: String, acks: Int?, jitter: UInt32) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: child)
    process.arguments = [dir, mode, "12000"]
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
      if line.hasPrefix("ready ") { run.ready = Int64(line.dropFirst(6)) }
      if line.hasPrefix("ack ") { run.acknowledged = Int64(line.dropFirst(4)) }
    }
    return run
  }

  /// Checks the graph against the child's rules for transactions 1...counter, and returns the
  /// counter (the last committed transaction).
  private func verify(_ dir: String, acknowledged: Int64, round: Int) throws -> (counter: Int64, repaired: Bool) {
    let db = try Database(path: dir)
    let counter = try db.execute("MATCH (c:Counter) RETURN c.value").rows.first?.first?.intValue ?? 0
    #expect(counter >= acknowledged, "round \(round): acknowledged \(acknowledged) but only \(counter) survived")
    #expect(counter <= acknowledged + 1, "round \(round): \(counter) committed but \(acknowledged) acknowledged")
    var items: [Int64: Int64] = [:]
    for row in try db.execute("MATCH (n:Item) RETURN n.seq, count(*)").rows {
      items[row[0].intValue ?? -1] = row[1].intValue
    }
    var links: [Int64: Int64] = [:]
    for row in try db.execute("MATCH ()-[r:NEXT]->() RETURN r.seq, count(*)").rows {
      links[row[0].intValue ?? -1] = row[1].intValue
    }
    var problems: [String] = []
    for seq in 1...max(counter, 1) where counter > 0 {
      let deleter = seq + 5
      let deleted = deleter <= counter && deleter % 7 == 0
      if items[seq] != (deleted ? 2 : 3) || links[seq] != (deleted ? 1 : 2) {
        problems.append("transaction \(seq): \(items[seq] ?? 0) items, \(links[seq] ?? 0) links")
      }
    }
    let beyond = items.keys.filter { $0 > counter || $0 < 1 }
    #expect(problems.isEmpty, "round \(round): \(problems.prefix(5))")
    #expect(beyond.isEmpty, "round \(round): items of uncommitted transactions \(beyond.sorted().prefix(5))")
    #expect(db.consistencyViolations.isEmpty, "round \(round): \(db.consistencyViolations.prefix(3))")
    // The index seek finds what a scan finds.
    for seq in [1, counter / 2, counter] where seq > 0 {
      let seek = try db.execute("MATCH (n:Item) WHERE n.seq = $s RETURN count(*)", parameters: ["s": .int(seq)]).rows[0][0]
      let scan = try db.execute("MATCH (n:Item) WHERE n.seq + 0 = $s RETURN count(*)", parameters: ["s": .int(seq)]).rows[0][0]
      #expect(seek.intValue == scan.intValue, "round \(round): index disagrees for \(seq)")
    }
    return (counter, !db.recoveryWarnings.isEmpty)
  }

  @Test func killedWritersLoseNoAcknowledgedTransaction() throws {
    let child = try #require(crashChildExecutable(), "build the quiver-crash-child product first")
    let rounds = Int(ProcessInfo.processInfo.environment["QUIVER_CRASH_ROUNDS"] ?? "") ?? 60
    var dir = try ScratchDirectory()
    var generator = SystemRandomNumberGenerator()
    var acknowledged: Int64 = 0, total: Int64 = 0
    var killedInStartup = 0, tornTails = 0
    let started = ContinuousClock.now
    for round in 1...rounds {
      // The consistency check costs more as the graph grows; long runs start afresh now and then.
      if round % 60 == 1 && round > 1 {
        dir = try ScratchDirectory()
        acknowledged = 0
      }
      let mode = round % 3 == 0 ? "group" : "fsync"
      let acks: Int? = round % 10 == 7 ? nil : Int.random(in: 0...25, using: &generator)
      if acks == nil { killedInStartup += 1 }
      let run = try runChild(child, dir.path, mode: mode, acks: acks, jitter: UInt32.random(in: 0...4000, using: &generator))
      #expect(!run.output.contains("error"), "round \(round): \(run.output.suffix(300))")
      if let ready = run.ready { #expect(ready >= acknowledged, "round \(round): reopened at \(ready) after \(acknowledged)") }
      let before = acknowledged
      acknowledged = max(acknowledged, run.acknowledged ?? 0)
      let outcome = try verify(dir.path, acknowledged: acknowledged, round: round)
      total += outcome.counter - before
      acknowledged = outcome.counter
      if outcome.repaired { tornTails += 1 }
    }
    print(
      "crash test: \(rounds) rounds, \(total) transactions, \(killedInStartup) kills during start-up, "
        + "\(tornTails) torn log tails cut, \(ContinuousClock.now - started)")
  }
}
