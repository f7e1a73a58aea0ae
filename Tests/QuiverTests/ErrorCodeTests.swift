// The typed detail codes of QuiverError: a closed set with unique names that round-trips through
// its raw value, and errors that carry the name they are about.
import Quiver
import Testing

@Suite struct ErrorCodeTests {
  @Test func rawValuesAreUniqueAndSorted() {
    let names = QuiverError.Code.allCases.map(\.rawValue)
    #expect(Set(names).count == names.count)
    #expect(names == names.sorted())
    #expect(names.count == 102)
  }

  @Test func everyCodeRoundTripsThroughItsRawValue() {
    for code in QuiverError.Code.allCases {
      #expect(QuiverError.Code(rawValue: code.rawValue) == code)
      #expect(code.description == code.rawValue)
    }
  }

  @Test(arguments: ["", "undefinedVariable", "NotImplemented", "SyntaxError"])
  func unknownNamesAreNotCodes(_ name: String) {
    #expect(QuiverError.Code(rawValue: name) == nil)
  }

  @Test func anUndefinedVariableCarriesItsName() throws {
    let db = try Database()
    do {
      _ = try db.execute("MATCH (n)\nRETURN m")
      Issue.record("expected an error")
    } catch let e as QuiverError {
      #expect(e.code == .undefinedVariable)
      #expect(e.name == "m")
      #expect(e.position?.line == 2)
      #expect(e.position?.column == 8)
      #expect(e.render() == "2:8: SyntaxError: variable `m` not defined")
    }
  }
}
