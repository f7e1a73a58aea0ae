// The one error type every layer throws. Each error has a category (the openCypher error type),
// a typed detail code (QuiverError+Code.swift), the phase in which it was raised, an optional
// source position, the name it is about and a message a user can act on; `render(source:)` is the
// one place an error becomes text.

/// An error raised by Quiver while parsing, planning or running a query, or opening a database.
public struct QuiverError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The broad class of the error, named as in openCypher (SyntaxError, TypeError, …).
  public struct Category: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    init(_ name: String) { self.name = name }
    public var description: String { name }

    public static let syntax = Category("SyntaxError")
    public static let semantic = Category("SemanticError")
    public static let type = Category("TypeError")
    public static let argument = Category("ArgumentError")
    public static let entityNotFound = Category("EntityNotFound")
    public static let constraint = Category("ConstraintVerificationFailed")
    public static let procedure = Category("ProcedureError")
    public static let parameterMissing = Category("ParameterMissing")
    public static let arithmetic = Category("ArithmeticError")
    public static let io = Category("IOError")
    public static let cancelled = Category("Cancelled")
    /// A failure that says nothing about the statement: trying it again may succeed (a writer
    /// that gave up waiting for the writer slot). Servers map it to Neo4j's TransientError.
    public static let transient = Category("TransientError")
    /// A statement stopped because it would exceed a resource limit of the database (query size,
    /// list or string size, rows held, memory budget, expansion steps); the graph is unchanged.
    public static let resourceLimit = Category("ResourceLimitExceeded")
  }

  /// When the error was raised: before anything ran (compile) or during execution (runtime).
  public enum Phase: String, Sendable, Hashable {
    case compile = "compile time"
    case runtime = "runtime"
  }

  /// The openCypher error type, e.g. `SyntaxError`.
  public let category: Category
  /// The openCypher detail code, e.g. `.undefinedVariable`, `.invalidArgumentType`.
  public let code: Code
  /// Whether the error was found before execution or while running.
  public let phase: Phase
  /// Where in the query text the error is, when it is about one place.
  public let position: SourcePosition?
  /// The name the error is about, when there is one: the variable, label, function, procedure,
  /// procedure output or parameter involved (e.g. `n` for `variable `n` not defined`).
  public let name: String?
  /// What went wrong, lowercase and concrete.
  public let message: String

  package init(
    _ category: Category, _ code: Code, _ message: String, phase: Phase,
    at position: SourcePosition? = nil, name: String? = nil
  ) {
    self.category = category
    self.code = code
    self.message = message
    self.phase = phase
    self.position = position
    self.name = name
  }

  package static func syntax(_ code: Code, _ message: String, at p: SourcePosition?) -> QuiverError {
    QuiverError(.syntax, code, message, phase: .compile, at: p)
  }

  /// A compile-time error about the query's meaning; openCypher files these under SyntaxError.
  package static func semantic(
    _ code: Code, _ message: String, at p: SourcePosition?, name: String? = nil
  ) -> QuiverError {
    QuiverError(.syntax, code, message, phase: .compile, at: p, name: name)
  }

  package static func runtime(
    _ category: Category, _ code: Code, _ message: String, at p: SourcePosition? = nil
  ) -> QuiverError {
    QuiverError(category, code, message, phase: .runtime, at: p)
  }

  package static func typeError(_ message: String, at p: SourcePosition? = nil) -> QuiverError {
    QuiverError(.type, .invalidArgumentType, message, phase: .runtime, at: p)
  }

  /// A copy that points at `p` when the error has no position yet.
  package func located(_ p: SourcePosition?) -> QuiverError {
    if position != nil || p == nil { return self }
    return moved(to: p)
  }

  /// A copy that points at `p`, whatever position it had.
  package func moved(to p: SourcePosition?) -> QuiverError {
    QuiverError(category, code, message, phase: phase, at: p, name: name)
  }

  public var description: String {
    let place = position.map { " at \($0)" } ?? ""
    return "\(category) (\(code))\(place): \(message)"
  }

  /// The error as a user sees it: `line:col: kind: message`, then the offending line of `source`
  /// with a caret under the column. `origin` (e.g. a file name) prefixes the location.
  public func render(source: String? = nil, origin: String? = nil) -> String {
    var head = ""
    if let origin { head += origin + ":" }
    if let p = position { head += "\(p.line):\(p.column):" }
    if !head.isEmpty { head += " " }
    var text = "\(head)\(category): \(message)"
    if let source, let p = position {
      let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
      if p.line >= 1 && p.line <= lines.count {
        let line = String(lines[p.line - 1]).replacingTabs()
        let caretColumn = max(1, min(p.column, line.count + 1))
        text += "\n  " + line + "\n  " + String(repeating: " ", count: caretColumn - 1) + "^"
      }
    }
    return text
  }
}

extension String {
  fileprivate func replacingTabs() -> String {
    String(map { $0 == "\t" || $0 == "\r" ? " " : $0 })
  }
}
