// User-defined functions written in Swift: called from Cypher, checked at plan time (argument
// count, literal argument types), checked at run time (argument and result types), a throwing
// body reported as FunctionCallFailed, listed by SHOW FUNCTIONS, and plans made again when one
// is registered.
import Foundation
import Quiver
import Testing

private struct OutOfRange: Error, CustomStringConvertible {
  var description: String { "latitude out of range" }
}

/// A database with `geo.km(lat1, lon1, lat2, lon2)` (an equirectangular approximation) and
/// `text.shout(s)` registered.
private func withFunctions() throws -> Database {
  let db = try Database()
  db.registerFunction(
    "geo.km", parameters: [("lat1", "FLOAT"), ("lon1", "FLOAT"), ("lat2", "FLOAT"), ("lon2", "FLOAT")],
    returns: "FLOAT", description: "approximate distance in km"
  ) { args in
    let v: [Double] = args.map { $0.doubleValue ?? 0 }
    guard abs(v[0]) <= 90, abs(v[2]) <= 90 else { throw OutOfRange() }
    let latitude: Double = (v[0] + v[2]) / 2 * Double.pi / 180
    let x: Double = (v[3] - v[1]) * 111.32 * cos(latitude)
    let y: Double = (v[2] - v[0]) * 110.57
    return .float((x * x + y * y).squareRoot())
  }
  db.register(
    UserFunction(name: "text.shout", parameters: [ProcedureField("s", "STRING?")], returns: "STRING?") { args in
      args[0].stringValue.map { .string($0.uppercased() + "!") } ?? .null
    })
  return db
}

@Suite struct UserFunctionTests {
  @Test func calledFromCypher() throws {
    let db = try withFunctions()
    try db.execute("CREATE (:City {name: 'a', lat: 0.0, lon: 0.0}), (:City {name: 'b', lat: 0.0, lon: 1.0})")
    let rows = try db.execute(
      """
      MATCH (a:City {name: 'a'}), (b:City {name: 'b'})
      RETURN round(geo.km(a.lat, a.lon, b.lat, b.lon)) AS km, text.shout(b.name) AS s, TEXT.SHOUT(null) AS n
      """)
    #expect(rows.rows.map { $0.map(\.cypherText) } == [["111.0", "'B!'", "null"]])
  }

  @Test func argumentsAreCheckedAtPlanTime() throws {
    let db = try withFunctions()
    #expect(thrown { try db.execute("RETURN geo.km(1.0, 2.0)") } == "InvalidNumberOfArguments at 1:8")
    #expect(thrown { try db.execute("RETURN geo.km(1.0, 'x', 2.0, 3.0)") } == "InvalidArgumentType at 1:8")
    #expect(thrown { try db.prepare("RETURN text.shout(DISTINCT 'a')") } == "InvalidArgumentType at 1:8")
    #expect(thrown { try db.execute("RETURN geo.nope(1)") } == "UnknownFunction at 1:8")
    do {
      try db.execute("RETURN geo.km(1.0, 'x', 2.0, 3.0)")
    } catch let error as QuiverError {
      #expect(error.message == "geo.km() argument `lon1` must be FLOAT?, not STRING")
      #expect(error.phase == .compile)
    }
  }

  @Test func argumentsAndResultAreCheckedAtRunTime() throws {
    let db = try withFunctions()
    db.registerFunction("bad.result", parameters: [], returns: "INTEGER") { _ in .string("no") }
    do {
      try db.execute("UNWIND ['x'] AS v RETURN geo.km(v, 0.0, 0.0, 0.0)")
      Issue.record("expected a type error")
    } catch let error as QuiverError {
      #expect(error.code == .invalidArgumentType)
      #expect(error.message == "geo.km() argument `lat1` must be FLOAT?, not STRING")
    }
    #expect(thrown { try db.execute("RETURN bad.result()") } == "InvalidArgumentType")
  }

  @Test func aThrowingFunctionGivesAClearError() throws {
    let db = try withFunctions()
    do {
      try db.execute("RETURN geo.km(100.0, 0.0, 0.0, 0.0)")
      Issue.record("expected the function's error")
    } catch let error as QuiverError {
      #expect(error.code == .functionCallFailed)
      #expect(error.name == "geo.km")
      #expect(error.message == "geo.km() failed: latitude out of range")
    }
  }

  @Test func listedAndPlannedAgainWhenRegistered() throws {
    let db = try Database()
    let query = "RETURN late.one() AS x"
    #expect(thrown { try db.execute(query) } == "UnknownFunction at 1:8")
    db.registerFunction("late.one", parameters: [], returns: "INTEGER") { _ in 1 }
    #expect(try db.query(Int.self, query) == [1])
    db.registerFunction("late.one", parameters: [], returns: "INTEGER") { _ in 2 }
    #expect(try db.query(Int.self, query) == [2])
    let listed = try db.execute("SHOW FUNCTIONS").filter { $0["category"]?.stringValue == "user-defined" }
    #expect(listed.map { $0["signature"]?.stringValue ?? "" } == ["late.one() :: INTEGER?"])
    #expect(db.userFunctions.map(\.name) == ["late.one"])
  }
}
