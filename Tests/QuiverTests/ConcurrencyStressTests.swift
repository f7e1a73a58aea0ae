// Readers check invariants while writers move money between accounts and add and delete linked
// nodes, all at once for a bounded time: every snapshot a reader sees must be consistent.
import Dispatch
import Foundation
import GraphCore
import Quiver
import Synchronization
import Testing

@Suite struct ConcurrencyStressTests {
  static let accounts = 50
  static let startingBalance: Int64 = 100

  @Test func readersNeverSeeHalfAppliedWrites() throws {
    let db = try Database()
    _ = try db.execute(
      "UNWIND range(0, $n - 1) AS i CREATE (:Account {id: i, balance: $b})",
      parameters: ["n": .int(Int64(Self.accounts)), "b": .int(Self.startingBalance)])
    let total = Int64(Self.accounts) * Self.startingBalance
    let deadline = ContinuousClock.now.advanced(by: .seconds(3))
    let log = ProblemLog()
    let group = DispatchGroup()
    @Sendable func record(_ problem: String) { log.add(problem) }

    // Dedicated threads: the global queues may run only as many blocks at once as there are cores.
    func spawn(_ body: @escaping @Sendable () -> Void) {
      group.enter()
      Thread {
        body()
        group.leave()
      }.start()
    }
    for writer in 0..<2 {
      spawn {
        var rng = SystemRandomNumberGenerator()
        var i = 0
        while ContinuousClock.now < deadline {
          i += 1
          do {
            let a = Int64.random(in: 0..<Int64(Self.accounts), using: &rng)
            let b = (a + Int64.random(in: 1..<Int64(Self.accounts), using: &rng)) % Int64(Self.accounts)
            _ = try db.execute(
              "MATCH (a:Account {id: $a}), (b:Account {id: $b}) SET a.balance = a.balance - $x, b.balance = b.balance + $x",
              parameters: ["a": .int(a), "b": .int(b), "x": .int(Int64.random(in: 1...20, using: &rng))])
            log.transfers.add(1, ordering: .relaxed)
            if i % 5 == 0 {
              _ = try db.execute("CREATE (:Temp {w: $w})-[:LINK]->(:Temp {w: $w})", parameters: ["w": .int(Int64(writer))])
            }
            if i % 7 == 0 {
              _ = try db.execute("MATCH (t:Temp) WITH t LIMIT 2 DETACH DELETE t")
            }
            if i % 11 == 0 {
              // A transaction whose first half would break the invariant on its own.
              try db.transaction { tx in
                _ = try tx.execute("MATCH (a:Account {id: 0}) SET a.balance = a.balance - 1000")
                _ = try tx.execute("MATCH (a:Account {id: 1}) SET a.balance = a.balance + 1000")
              }
            }
          } catch {
            record("writer error: \(error)")
          }
        }
      }
    }
    for _ in 0..<2 {
      spawn {
        while ContinuousClock.now < deadline {
          do {
            let sum = try db.execute("MATCH (a:Account) RETURN sum(a.balance) AS s").rows[0][0].intValue
            if sum != total { record("sum of balances \(sum ?? -1), expected \(total)") }
            let links = try db.execute(
              "MATCH (a)-[r:LINK]->(b) RETURN count(r) AS r, count(a.w) AS a, count(b.w) AS b").rows[0]
            if links[0].intValue != links[1].intValue || links[0].intValue != links[2].intValue {
              record("relationship with a missing endpoint: \(links)")
            }
            try db.transaction(readOnly: true) { tx in
              let first = try tx.execute("MATCH (a:Account) RETURN sum(a.balance) AS s").rows[0][0].intValue
              let temps = try tx.execute("MATCH (t:Temp) RETURN count(t) AS c").rows[0][0].intValue
              let second = try tx.execute("MATCH (a:Account) RETURN sum(a.balance) AS s").rows[0][0].intValue
              let tempsAgain = try tx.execute("MATCH (t:Temp) RETURN count(t) AS c").rows[0][0].intValue
              if first != second || temps != tempsAgain { record("a read-only transaction saw two states") }
            }
            log.reads.add(1, ordering: .relaxed)
          } catch {
            record("reader error: \(error)")
          }
        }
      }
    }
    group.wait()
    let problems = log.problems
    #expect(problems.isEmpty, "\(problems.prefix(5))")
    #expect(log.transfers.load(ordering: .relaxed) > 100)
    #expect(log.reads.load(ordering: .relaxed) > 20)
    let final = try db.execute("MATCH (a:Account) RETURN sum(a.balance) AS s").rows[0][0].intValue
    #expect(final == total)
  }
}

/// What the stress test's threads report.
final class ProblemLog: Sendable {
  private let entries = Locked<[String]>([])
  let transfers = Atomic<Int>(0)
  let reads = Atomic<Int>(0)

  func add(_ problem: String) { entries.withLock { $0.append(problem) } }
  var problems: [String] { entries.withLock { $0 } }
}
