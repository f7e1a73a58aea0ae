// The meaning of each step phrasing the TCK uses. A Gherkin step is read into a `TCKStep`
// (reading its doc string or table); a phrasing that is not listed here is an unsupported step.
import Quiver

/// One step of a scenario, with its argument read.
enum TCKStep {
  /// `an empty graph` or `any graph`: a fresh database.
  case freshGraph
  /// `the <name> graph`: a fresh database built by the named graph's script.
  case namedGraph(String)
  /// `having executed:`: a set-up statement whose outcome is not checked beyond succeeding.
  case setup(String)
  case parameters([String: Value])
  case procedure(ProcedureDeclaration)
  /// `executing query:` (the query under test) or `executing control query:`.
  case query(String, isControl: Bool)
  case result(ResultExpectation)
  case emptyResult
  case error(ExpectedError)
  case sideEffects(SideEffects)

  /// Reads `step`; throws for a phrasing it does not know or a malformed argument.
  static func read(_ step: GherkinStep) throws(StepFailure) -> TCKStep {
    let text = step.text
    switch text {
    case "an empty graph", "any graph": return .freshGraph
    case "having executed:": return .setup(try docString(step))
    case "parameters are:": return .parameters(try StepTables.parameters(step.table))
    case "executing query:": return .query(try docString(step), isControl: false)
    case "executing control query:": return .query(try docString(step), isControl: true)
    case "the result should be empty": return .emptyResult
    case "no side effects": return .sideEffects(.none)
    case "the side effects should be:":
      guard let table = step.table else { throw StepFailure("side effects step needs a table") }
      return .sideEffects(try SideEffects.parse(table))
    default: break
    }
    if let (ordered, ignoresListOrder) = resultPhrasing(text) {
      return .result(
        try StepTables.result(step.table, ordered: ordered, ignoresListOrder: ignoresListOrder))
    }
    let procedurePrefix = "there exists a procedure "
    if text.hasPrefix(procedurePrefix) {
      return .procedure(
        try ProcedureDeclaration.parse(signature: String(text.dropFirst(procedurePrefix.count)), table: step.table))
    }
    if text.hasPrefix("the "), text.hasSuffix(" graph"), text.count > "the  graph".count {
      let name = String(text.dropFirst(4).dropLast(6))
      if !name.contains(" ") { return .namedGraph(name) }
    }
    if let expected = ExpectedError.parse(text) { return .error(expected) }
    throw StepFailure("unsupported step: \(step.keyword) \(text)")
  }

  /// For a result phrasing: whether rows are ordered and whether list order is ignored.
  static func resultPhrasing(_ text: String) -> (ordered: Bool, ignoresListOrder: Bool)? {
    switch text {
    case "the result should be, in any order:": return (false, false)
    case "the result should be, in order:": return (true, false)
    case "the result should be (ignoring element order for lists):",
      "the result should be, in any order (ignoring element order for lists):":
      return (false, true)
    case "the result should be, in order (ignoring element order for lists):": return (true, true)
    default: return nil
    }
  }

  private static func docString(_ step: GherkinStep) throws(StepFailure) -> String {
    guard let doc = step.docString else { throw StepFailure("step `\(step.text)` needs a doc string") }
    return doc
  }
}
