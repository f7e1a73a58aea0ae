// The catalog `SHOW FUNCTIONS` prints covers every function the planner resolves, once each,
// and names only functions the planner resolves.
import CypherPlanner
import Testing

@Suite struct FunctionCatalogTests {
  static let names = Set(FunctionCatalog.builtins.map { $0.name.lowercased() })

  @Test func everyScalarAndAggregateFunctionIsListed() {
    for f in ScalarFunction.allCases { #expect(Self.names.contains(f.rawValue.lowercased()), "\(f.rawValue)") }
    for f in AggregateFunction.allCases { #expect(Self.names.contains(f.rawValue.lowercased()), "\(f.rawValue)") }
  }

  @Test func everyListedFunctionResolvesOnce() {
    #expect(Self.names.count == FunctionCatalog.builtins.count)
    let syntax: Set<String> = ["all", "any", "none", "single", "reduce"]
    for f in FunctionCatalog.builtins {
      let lower = f.name.lowercased()
      let resolves = ScalarFunction.byName[lower] != nil || AggregateFunction.byName[lower] != nil
        || TemporalFunction.resolve(lower) != nil || syntax.contains(lower)
      #expect(resolves, "\(f.name)")
      #expect(!f.description.isEmpty && f.signature.hasPrefix(f.name), "\(f.name)")
    }
  }
}
