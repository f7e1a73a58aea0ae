// The test procedures declared by `there exists a procedure NAME(in :: T?) :: (out :: T?):` with
// a table of input and output columns. The registered body answers a call with the output
// columns of every row whose input columns equal the arguments.
import Quiver

/// A declared procedure: its signature and the rows of its table.
struct ProcedureDeclaration: Sendable {
  var name: String
  var parameters: [ProcedureField]
  var outputs: [ProcedureField]
  /// Each row holds the input values, then the output values.
  var rows: [[Value]]

  /// Reads the signature (the step text after `there exists a procedure `, trailing `:`
  /// included) and the table, whose header must name the inputs then the outputs.
  static func parse(signature: String, table: DataTable?) throws(StepFailure) -> ProcedureDeclaration {
    var text = signature.trimmingBlanks()
    guard text.hasSuffix(":") else { throw StepFailure("procedure signature must end with `:`") }
    text = String(text.dropLast()).trimmingBlanks()
    guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else {
      throw StepFailure("procedure signature needs `(parameters)`")
    }
    let name = text[..<open].trimmingBlanks()
    var rest = Substring(text[text.index(after: close)...].trimmingBlanks())
    guard !name.isEmpty, rest.hasPrefix("::") else {
      throw StepFailure("procedure signature must read `name(...) :: (...)`")
    }
    rest = Substring(rest.dropFirst(2).trimmingBlanks())
    guard rest.hasPrefix("("), rest.hasSuffix(")") else {
      throw StepFailure("procedure outputs must be in parentheses")
    }
    let parameters = try fields(text[text.index(after: open)..<close])
    let outputs = try fields(rest.dropFirst().dropLast())
    let columns = (parameters + outputs).map(\.name)
    let header = table?.header ?? []
    guard header == columns else {
      throw StepFailure(
        "procedure table header \(ResultComparator.header(header)) does not match the signature "
          + ResultComparator.header(columns))
    }
    var rows: [[Value]] = []
    for (r, cells) in (table?.body ?? []).enumerated() {
      guard cells.count == columns.count else {
        throw StepFailure("procedure table row \(r + 1) has \(cells.count) cells, expected \(columns.count)")
      }
      rows.append(try StepTables.values(cells, row: r + 1, columns: columns))
    }
    return ProcedureDeclaration(name: name, parameters: parameters, outputs: outputs, rows: rows)
  }

  /// `a :: INTEGER?, b :: STRING?` as fields; empty text gives none.
  private static func fields(_ text: Substring) throws(StepFailure) -> [ProcedureField] {
    guard !text.trimmingBlanks().isEmpty else { return [] }
    var result: [ProcedureField] = []
    for part in text.split(separator: ",") {
      let pieces = part.split(separator: "::", omittingEmptySubsequences: false)
      guard pieces.count == 2 else { throw StepFailure("bad procedure field `\(part.trimmingBlanks())`") }
      let name = pieces[0].trimmingBlanks()
      let type = pieces[1].trimmingBlanks()
      guard !name.isEmpty, !type.isEmpty else {
        throw StepFailure("bad procedure field `\(part.trimmingBlanks())`")
      }
      result.append(ProcedureField(name, CypherType(type)))
    }
    return result
  }

  /// The procedure to register. Integer arguments to FLOAT parameters are compared as floats,
  /// as the engine passes them after coercion to the declared type.
  var procedure: Procedure {
    let inputTypes = parameters.map(\.type.name)
    let rows = rows
    return Procedure(name: name, parameters: parameters, outputs: outputs) { arguments in
      guard arguments.count == inputTypes.count else { return [] }
      let args = zip(arguments, inputTypes).map { value, type -> Value in
        if type == "FLOAT", case .int(let i) = value { return .float(Double(i)) }
        return value
      }
      let comparator = ValueComparator()
      return rows.filter { row in
        zip(row.prefix(args.count), args).allSatisfy { comparator.equal($0, $1) }
      }.map { Array($0.dropFirst(args.count)) }
    }
  }
}
