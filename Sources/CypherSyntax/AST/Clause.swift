// Clauses and whole statements of the Cypher syntax tree.
import GraphCore

/// A statement: a query, optionally prefixed with EXPLAIN or PROFILE.
package struct Statement: Sendable, Hashable {
  package enum Mode: Sendable, Hashable { case run, explain, profile }
  package var mode: Mode
  package var query: QueryBody
  /// Set for schema commands, which have no query.
  package var schema: SchemaCommand?
  package init(mode: Mode, query: QueryBody, schema: SchemaCommand? = nil) {
    self.mode = mode
    self.query = query
    self.schema = schema
  }
}

/// One or more single queries joined by UNION / UNION ALL.
package struct QueryBody: Sendable, Hashable {
  package var parts: [SingleQuery]
  /// `unionAll[i]` tells whether parts i and i+1 are joined by UNION ALL.
  package var unionAll: [Bool]
  package init(parts: [SingleQuery], unionAll: [Bool]) {
    self.parts = parts
    self.unionAll = unionAll
  }
}

/// A sequence of clauses.
package struct SingleQuery: Sendable, Hashable {
  package var clauses: [Clause]
  package var loc: Loc
  package init(clauses: [Clause], loc: Loc) {
    self.clauses = clauses
    self.loc = loc
  }
}

/// A projected expression: `expr AS alias`, or `expr` named after its text.
package struct ProjectionItem: Sendable, Hashable {
  package var expression: Expression
  package var alias: String?
  /// The expression's text as written, the column name when there is no alias.
  package var text: String
  package var loc: Loc

  package var name: String { alias ?? text }

  package init(expression: Expression, alias: String?, text: String, loc: Loc) {
    self.expression = expression
    self.alias = alias
    self.text = text
    self.loc = loc
  }
}

/// `ORDER BY expr [ASC|DESC]`.
package struct SortItem: Sendable, Hashable {
  package var expression: Expression
  package var ascending: Bool
  package init(expression: Expression, ascending: Bool) {
    self.expression = expression
    self.ascending = ascending
  }
}

/// The body shared by WITH and RETURN.
package struct Projection: Sendable, Hashable {
  package var distinct: Bool
  package var star: Bool
  package var items: [ProjectionItem]
  package var orderBy: [SortItem]
  package var skip: Expression?
  package var limit: Expression?
  package var loc: Loc

  package init(
    distinct: Bool, star: Bool, items: [ProjectionItem], orderBy: [SortItem], skip: Expression?,
    limit: Expression?, loc: Loc
  ) {
    self.distinct = distinct
    self.star = star
    self.items = items
    self.orderBy = orderBy
    self.skip = skip
    self.limit = limit
    self.loc = loc
  }
}

extension Expression {
  /// The name a dynamic-label list holds for a label written as a plain name; nil for `$(expr)`.
  package var staticLabel: String? {
    if case .literal(.string(let name)) = self { return name }
    return nil
  }
}

/// One item of SET.
package enum SetItem: Sendable, Hashable {
  /// `target.key = value` (target is any expression yielding a node, relationship or map).
  case property(target: Expression, key: String, value: Expression, Loc)
  /// `n = {map}` (replace) or `n += {map}` (merge).
  case properties(variable: String, value: Expression, merge: Bool, Loc)
  /// `n:Label:Other`.
  case labels(variable: String, labels: [String], Loc)
  /// `target[key] = value`: the key is computed per row and must be a string.
  case dynamicProperty(target: Expression, key: Expression, value: Expression, Loc)
  /// `n:$(expr):Label`: labels of which at least one is computed per row (a string or a list of
  /// strings); static ones are string literals.
  case dynamicLabels(variable: String, labels: [Expression], Loc)
}

/// One item of REMOVE.
package enum RemoveItem: Sendable, Hashable {
  case property(target: Expression, key: String, Loc)
  case labels(variable: String, labels: [String], Loc)
  /// `target[key]`.
  case dynamicProperty(target: Expression, key: Expression, Loc)
  /// `n:$(expr)`.
  case dynamicLabels(variable: String, labels: [Expression], Loc)
}

extension RemoveItem {
  /// The expressions the item evaluates per row: its target and any computed key or labels.
  package var expressions: [Expression] {
    switch self {
    case .property(let target, _, _): return [target]
    case .labels: return []
    case .dynamicProperty(let target, let key, _): return [target, key]
    case .dynamicLabels(_, let labels, _): return labels
    }
  }
}

/// `ON CREATE SET …` / `ON MATCH SET …`.
package struct MergeAction: Sendable, Hashable {
  package var onCreate: Bool
  package var items: [SetItem]
  package init(onCreate: Bool, items: [SetItem]) {
    self.onCreate = onCreate
    self.items = items
  }
}

/// `YIELD a AS b`.
package struct YieldItem: Sendable, Hashable {
  package var field: String
  package var alias: String?
  package var loc: Loc
  package init(field: String, alias: String?, loc: Loc) {
    self.field = field
    self.alias = alias
    self.loc = loc
  }
}

/// `CALL ns.name(args) YIELD … WHERE …`.
package struct ProcedureCall: Sendable, Hashable {
  package var name: String
  /// nil when the call has no parentheses (arguments come from parameters of the same names).
  package var arguments: [Expression]?
  /// nil without YIELD; empty never (YIELD * sets `yieldAll`).
  package var yields: [YieldItem]?
  package var yieldAll: Bool
  package var predicate: Expression?
  package var loc: Loc

  package init(
    name: String, arguments: [Expression]?, yields: [YieldItem]?, yieldAll: Bool,
    predicate: Expression?, loc: Loc
  ) {
    self.name = name
    self.arguments = arguments
    self.yields = yields
    self.yieldAll = yieldAll
    self.predicate = predicate
    self.loc = loc
  }
}

/// A clause.
package enum Clause: Sendable, Hashable {
  /// `[OPTIONAL] MATCH patterns [WHERE predicate]`, with a Cypher 25 SEARCH subclause when
  /// `search` is set.
  case match(optional: Bool, patterns: [PatternPart], predicate: Expression?, search: VectorSearch?, Loc)
  case unwind(Expression, alias: String, Loc)
  case with(Projection, predicate: Expression?)
  case `return`(Projection)
  case create([PatternPart], Loc)
  case merge(PatternPart, actions: [MergeAction], Loc)
  case set([SetItem], Loc)
  case remove([RemoveItem], Loc)
  case delete(detach: Bool, [Expression], Loc)
  case foreach(variable: String, list: Expression, body: [Clause], Loc)
  case call(ProcedureCall)
  /// `CALL { subquery }`, or with a scope clause `CALL (a, b) { … }` / `CALL (*) { … }` naming
  /// the outer variables it imports (nil: the body's leading WITH imports them).
  case subquery(QueryBody, imports: SubqueryImports?, Loc)
  /// `CALL { … } IN TRANSACTIONS …`: a subquery whose rows run in batches, each committed alone.
  case subqueryInTransactions(QueryBody, imports: SubqueryImports?, InTransactions, Loc)
  /// `LOAD CSV [WITH HEADERS] FROM url AS row [FIELDTERMINATOR 't']`.
  case loadCSV(LoadCSV)
  /// `FINISH`: the query runs to the end and returns no rows and no columns.
  case finish(Loc)
}

/// The modifiers of `CALL { … } IN TRANSACTIONS [OF n ROWS] [ON ERROR …] [REPORT STATUS AS s]`.
package struct InTransactions: Sendable, Hashable {
  /// What happens to the statement when one batch fails.
  package enum OnError: Sendable, Hashable {
    /// The statement fails; batches committed before stay (the default).
    case fail
    /// The failed batch is rolled back and the next batches run.
    case `continue`
    /// The failed batch is rolled back and no further batch runs.
    case `break`
  }
  /// `OF n ROWS`: an integer literal or parameter; nil for the default (1000 rows).
  package var batchSize: Expression?
  /// Where the batch size is written.
  package var batchSizeLoc: Loc?
  package var onError: OnError
  /// `REPORT STATUS AS name`: the variable receiving each row's batch status map.
  package var status: String?
  package var statusLoc: Loc?
  package init(batchSize: Expression?, batchSizeLoc: Loc? = nil, onError: OnError, status: String?, statusLoc: Loc?) {
    self.batchSize = batchSize
    self.batchSizeLoc = batchSizeLoc
    self.onError = onError
    self.status = status
    self.statusLoc = statusLoc
  }
}

/// `LOAD CSV [WITH HEADERS] FROM url AS variable [FIELDTERMINATOR 't']`.
package struct LoadCSV: Sendable, Hashable {
  /// Rows are maps keyed by the first line's fields rather than lists.
  package var withHeaders: Bool
  package var url: Expression
  package var variable: String
  /// The FIELDTERMINATOR string as written (nil: a comma).
  package var fieldTerminator: String?
  package var loc: Loc
  package init(withHeaders: Bool, url: Expression, variable: String, fieldTerminator: String?, loc: Loc) {
    self.withHeaders = withHeaders
    self.url = url
    self.variable = variable
    self.fieldTerminator = fieldTerminator
    self.loc = loc
  }
}

/// The variables a `CALL (…) { … }` scope clause imports.
package enum SubqueryImports: Sendable, Hashable {
  /// `CALL (*)`: every variable in scope.
  case all
  /// `CALL (a, b)`, or `CALL ()` for none.
  case names([String])
}
