// Plans carry the committed ids of the names they use: these tests plan against statistics
// that report some names as committed and check which plan specs carry an id and which only a
// name (looked up by the runtime when the statement runs).
import CypherPlanner
import CypherSyntax
import GraphCore
import Testing

/// Statistics of an empty graph whose store has committed the names given, with those ids.
struct CommittedNames: GraphStatistics {
  var labels: [String: LabelID] = [:]
  var types: [String: TypeID] = [:]
  var keys: [String: PropertyKeyID] = [:]
  var nodeCount: Int { 0 }
  var relationshipCount: Int { 0 }
  func count(ofLabel label: String) -> Int { 0 }
  func count(ofType type: String) -> Int { 0 }
  func nodeIndexName(label: String, properties: [String]) -> String? { nil }
  func relationshipIndexName(type: String, properties: [String]) -> String? { nil }
  func indexStatistics(_ name: String) -> (entries: Int, distinct: Int, unique: Bool) { (0, 0, false) }
  func committedLabelID(_ name: String) -> LabelID? { labels[name] }
  func committedTypeID(_ name: String) -> TypeID? { types[name] }
  func committedPropertyKeyID(_ name: String) -> PropertyKeyID? { keys[name] }
}

/// Every operator of the plan `op` heads, found by reflection so that the tests need not list
/// the shape of each operator.
private func operators(_ op: PlanOperator) -> [PlanOperator] {
  var out = [op]
  func visit(_ value: Any) {
    if let child = value as? PlanOperator {
      out += operators(child)
      return
    }
    for child in Mirror(reflecting: value).children { visit(child.value) }
  }
  for child in Mirror(reflecting: op).children { visit(child.value) }
  return out
}

/// The labels of every label predicate in the plan, found by reflection as `operators` does.
private func labelChecks(_ value: Any) -> [[InternedName]] {
  if let expression = value as? PlanExpression, case .hasLabels(let inner, let labels) = expression {
    return [labels] + labelChecks(inner)
  }
  return Mirror(reflecting: value).children.flatMap { labelChecks($0.value) }
}

private func plan(_ query: String, _ statistics: CommittedNames) throws -> [PlanOperator] {
  operators(try Planner.compile(try Parser.parse(query), catalog: TestCatalog(), schema: statistics).root)
}

@Suite struct InternedNamePlanningTests {
  let known = CommittedNames(labels: ["Person": 3], types: ["KNOWS": 2], keys: ["age": 5])

  @Test func aLabelScanCarriesTheCommittedLabelID() throws {
    let scans = try plan("MATCH (n:Person) RETURN n", known).compactMap { op -> InternedName?? in
      if case .nodeScan(_, _, let label) = op { return label }
      return nil
    }
    #expect(scans == [InternedName("Person", id: 3)])
  }

  @Test func aLabelScanOfAnUncommittedLabelCarriesOnlyItsName() throws {
    let scans = try plan("MATCH (n:Robot) RETURN n", known).compactMap { op -> InternedName?? in
      if case .nodeScan(_, _, let label) = op { return label }
      return nil
    }
    #expect(scans == [InternedName("Robot", id: nil)])
  }

  @Test func aCountByPropertyCarriesTheCommittedLabelAndKeyIDs() throws {
    let counts = try plan("MATCH (n:Person) RETURN n.age AS a, count(*) AS c", known).compactMap { op -> PropertyCountSpec? in
      if case .nodeCountByProperty(_, let spec) = op { return spec }
      return nil
    }
    #expect(counts.map(\.label) == [InternedName("Person", id: 3)])
    #expect(counts.map(\.key) == [InternedName("age", id: 5)])
    let unknown = try plan("MATCH (n:Robot) RETURN n.size AS s, count(*) AS c", known).compactMap { op -> PropertyCountSpec? in
      if case .nodeCountByProperty(_, let spec) = op { return spec }
      return nil
    }
    #expect(unknown.map(\.label) == [InternedName("Robot", id: nil)])
    #expect(unknown.map(\.key) == [InternedName("size", id: nil)])
  }
  @Test func variableLengthAndShortestPathTypesCarryTheCommittedTypeIDs() throws {
    let expected: [InternedName] = [InternedName("KNOWS", id: 2), InternedName("LIKES", id: nil)]
    let walks = try plan("MATCH (a)-[:KNOWS|LIKES*1..3]->(b) RETURN b", known).compactMap { op -> [InternedName]? in
      if case .varExpand(_, let spec) = op { return spec.hops.first?.types }
      return nil
    }
    #expect(walks == [expected])
    let paths = try plan("MATCH (a), (b) MATCH p = shortestPath((a)-[:KNOWS|LIKES*]->(b)) RETURN p", known)
      .compactMap { op -> [InternedName]? in
        if case .shortestPath(_, let spec) = op { return spec.types }
        return nil
      }
    #expect(paths == [expected])
  }
  @Test func labelPredicatesCarryTheCommittedLabelIDs() throws {
    let expected: [InternedName] = [InternedName("Person", id: 3), InternedName("Robot", id: nil)]
    let compiled = try Planner.compile(try Parser.parse("MATCH (n) WHERE n:Person:Robot RETURN n"), catalog: TestCatalog(), schema: known)
    #expect(labelChecks(compiled.root) == [expected])
    let pattern = try Planner.compile(try Parser.parse("MATCH (n:Person:Robot) RETURN n"), catalog: TestCatalog(), schema: known)
    #expect(labelChecks(pattern.root) == [[InternedName("Robot", id: nil)]])
  }
  @Test func createStepsCarryTheCommittedLabelAndTypeIDs() throws {
    let steps = try plan("CREATE (a:Person:Robot)-[:KNOWS]->(b:Robot)-[:BUILT]->(c)", known).flatMap { op -> [CreateStep] in
      if case .create(_, let steps) = op { return steps }
      return []
    }
    var labels: [[InternedName]] = []
    var types: [InternedName] = []
    for step in steps {
      switch step {
      case .node(_, let l, _): labels.append(l)
      case .relationship(_, let t, _, _, _, _): types.append(t)
      case .path: break
      }
    }
    #expect(labels == [[InternedName("Person", id: 3), InternedName("Robot", id: nil)], [InternedName("Robot", id: nil)], []])
    #expect(types == [InternedName("KNOWS", id: 2), InternedName("BUILT", id: nil)])
  }
  @Test func setAndRemoveCarryTheCommittedKeyAndLabelIDs() throws {
    let query = "MATCH (n) SET n.age = 1, n.size = 2, n:Person:Robot REMOVE n.age, n.size, n:Person:Robot"
    let ops = try plan(query, known)
    let sets = ops.flatMap { op -> [SetOperation] in
      if case .set(_, let items) = op { return items }
      return []
    }
    let removes = ops.flatMap { op -> [RemoveOperation] in
      if case .remove(_, let items) = op { return items }
      return []
    }
    let both: [InternedName] = [InternedName("Person", id: 3), InternedName("Robot", id: nil)]
    var setKeys: [InternedName] = []
    var setLabels: [[InternedName]] = []
    for item in sets {
      if case .property(_, let key, _) = item { setKeys.append(key) }
      if case .addLabels(_, let labels) = item { setLabels.append(labels) }
    }
    #expect(setKeys == [InternedName("age", id: 5), InternedName("size", id: nil)])
    #expect(setLabels == [both])
    var removedKeys: [InternedName] = []
    var removedLabels: [[InternedName]] = []
    for item in removes {
      if case .property(_, let key) = item { removedKeys.append(key) }
      if case .labels(_, let labels) = item { removedLabels.append(labels) }
    }
    #expect(removedKeys == [InternedName("age", id: 5), InternedName("size", id: nil)])
    #expect(removedLabels == [both])
  }
}
