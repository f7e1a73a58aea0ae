// The closed set of detail codes a QuiverError carries (openCypher's detail codes where one
// exists, Quiver's own for storage and transactions). A struct rather than a public enum, so that
// adding a code never breaks a client's exhaustive switch; the initialiser from text only accepts
// the codes listed here, so the set stays closed like an enum's.

extension QuiverError {
  /// The detail code of an error, e.g. `UndefinedVariable`; `rawValue` is the openCypher name.
  ///
  /// Compare against the constants (`error.code == .undefinedVariable`). `init?(rawValue:)`
  /// accepts only the names of the codes in `allCases`.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code's name as openCypher and the TCK spell it, e.g. `UndefinedVariable`.
    public let rawValue: String

    private init(_ rawValue: String) { self.rawValue = rawValue }

    /// The code named `rawValue`, or nil when Quiver has no such code.
    public init?(rawValue: String) {
      guard let code = Code.byName[rawValue] else { return nil }
      self = code
    }

    /// The code's name, as `rawValue`.
    public var description: String { rawValue }

    private static let byName: [String: Code] = Dictionary(
      allCases.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

    /// An aggregate and a non-grouping variable are mixed in one expression.
    public static let ambiguousAggregationExpression = Code("AmbiguousAggregationExpression")
    /// The query was cancelled or ran past its timeout.
    public static let cancelled = Code("Cancelled")
    /// A result value does not decode into the requested Swift type.
    public static let cannotDecodeValue = Code("CannotDecodeValue")
    /// A Swift value cannot be turned into a Cypher value.
    public static let cannotEncodeValue = Code("CannotEncodeValue")
    /// Two result columns of one projection have the same name.
    public static let columnNameConflict = Code("ColumnNameConflict")
    /// A constraint of that shape already exists.
    public static let constraintAlreadyExists = Code("ConstraintAlreadyExists")
    /// Existing data violates the constraint being created.
    public static let constraintCreationFailed = Code("ConstraintCreationFailed")
    /// No constraint of that name or shape exists.
    public static let constraintNotFound = Code("ConstraintNotFound")
    /// A write would violate a constraint.
    public static let constraintValidationFailed = Code("ConstraintValidationFailed")
    /// The write-ahead log cannot be read.
    public static let corruptLog = Code("CorruptLog")
    /// A database directory's manifest file is damaged or of a newer format.
    public static let corruptManifest = Code("CorruptManifest")
    /// A snapshot file cannot be read.
    public static let corruptSnapshot = Code("CorruptSnapshot")
    /// CREATE or MERGE was given a variable-length relationship.
    public static let creatingVarLength = Code("CreatingVarLength")
    /// Another process holds the database directory.
    public static let databaseLocked = Code("DatabaseLocked")
    /// A restore was asked into a database that already holds data.
    public static let databaseNotEmpty = Code("DatabaseNotEmpty")
    /// The database directory does not exist.
    public static let databaseNotFound = Code("DatabaseNotFound")
    /// A node with relationships was deleted without DETACH.
    public static let deleteConnectedNode = Code("DeleteConnectedNode")
    /// A deleted node or relationship was read.
    public static let deletedEntityAccess = Code("DeletedEntityAccess")
    /// The parts of a UNION return different columns.
    public static let differentColumnsInUnion = Code("DifferentColumnsInUnion")
    /// An integer was divided by zero.
    public static let divisionByZero = Code("DivisionByZero")
    /// A duration or temporal computation left the representable range.
    public static let durationOverflow = Code("DurationOverflow")
    /// Variable-length or shortest-path expansion would take more steps than the limit allows.
    public static let expansionLimitExceeded = Code("ExpansionLimitExceeded")
    /// A file could not be read or written.
    public static let fileError = Code("FileError")
    /// A file to import cannot be read.
    public static let fileNotReadable = Code("FileNotReadable")
    /// A file could not be created or written.
    public static let fileNotWritable = Code("FileNotWritable")
    /// A float computation overflowed.
    public static let floatingPointOverflow = Code("FloatingPointOverflow")
    /// A user-defined function threw an error.
    public static let functionCallFailed = Code("FunctionCallFailed")
    /// the graph catalog already holds a graph of that name
    public static let graphAlreadyExists = Code("GraphAlreadyExists")
    /// no graph of that name is in the graph catalog
    public static let graphNotFound = Code("GraphNotFound")
    /// `CALL { … } IN TRANSACTIONS` run inside an explicit transaction.
    public static let implicitTransactionRequired = Code("ImplicitTransactionRequired")
    /// An index of that shape already exists.
    public static let indexAlreadyExists = Code("IndexAlreadyExists")
    /// The index backs a constraint and cannot be dropped alone.
    public static let indexBelongsToConstraint = Code("IndexBelongsToConstraint")
    /// No index of that name or shape exists.
    public static let indexNotFound = Code("IndexNotFound")
    /// An integer computation overflowed 64 bits.
    public static let integerOverflow = Code("IntegerOverflow")
    /// An aggregate function is used where aggregation is not allowed.
    public static let invalidAggregation = Code("InvalidAggregation")
    /// Procedure arguments are given in a form not allowed here.
    public static let invalidArgumentPassingMode = Code("InvalidArgumentPassingMode")
    /// A value or expression has a type the operation does not accept.
    public static let invalidArgumentType = Code("InvalidArgumentType")
    /// A value has the right type but is out of the accepted domain.
    public static let invalidArgumentValue = Code("InvalidArgumentValue")
    /// An `IN TRANSACTIONS OF n ROWS` batch size that is not a positive integer.
    public static let invalidBatchSize = Code("InvalidBatchSize")
    /// A CSV file to import is malformed.
    public static let invalidCSV = Code("InvalidCSV")
    /// Clauses are combined in an order or place Cypher does not allow.
    public static let invalidClauseComposition = Code("InvalidClauseComposition")
    /// DELETE was given something other than a node, relationship or path.
    public static let invalidDelete = Code("InvalidDelete")
    /// A string literal has an unknown escape sequence.
    public static let invalidEscape = Code("InvalidEscape")
    /// A GraphML file is malformed or does not describe a graph Quiver can hold.
    public static let invalidGraphML = Code("InvalidGraphML")
    /// A gzip-compressed input file is damaged or not gzip.
    public static let invalidGzip = Code("InvalidGzip")
    /// A JSON or JSON Lines file is malformed.
    public static let invalidJSON = Code("InvalidJSON")
    /// A label expression is malformed or used where it is not allowed (CREATE, MERGE, SET).
    public static let invalidLabelExpression = Code("InvalidLabelExpression")
    /// A number literal is malformed.
    public static let invalidNumberLiteral = Code("InvalidNumberLiteral")
    /// A function is called with the wrong number of arguments.
    public static let invalidNumberOfArguments = Code("InvalidNumberOfArguments")
    /// A parameter name is malformed.
    public static let invalidParameterName = Code("InvalidParameterName")
    /// A parameter is used where a literal is required.
    public static let invalidParameterUse = Code("InvalidParameterUse")
    /// A WHERE inside a pattern stands where it is not allowed (CREATE, MERGE, a variable-length relationship).
    public static let invalidPatternPredicate = Code("InvalidPatternPredicate")
    /// A value cannot be stored as a property.
    public static let invalidPropertyType = Code("InvalidPropertyType")
    /// A range (e.g. of a variable-length pattern) is malformed.
    public static let invalidRange = Code("InvalidRange")
    /// A relationship pattern is malformed.
    public static let invalidRelationshipPattern = Code("InvalidRelationshipPattern")
    /// A type in a type predicate is malformed, e.g. a closed dynamic union mixing nullable and NOT NULL members.
    public static let invalidTypeExpression = Code("InvalidTypeExpression")
    /// The query contains a character Cypher does not allow.
    public static let invalidUnicodeCharacter = Code("InvalidUnicodeCharacter")
    /// A unicode escape in a string literal is malformed.
    public static let invalidUnicodeLiteral = Code("InvalidUnicodeLiteral")
    /// A database directory holds fewer committed transactions than its manifest records (a deleted or cut-short write-ahead log).
    public static let lostTransactions = Code("LostTransactions")
    /// A map is indexed by something that is not a string.
    public static let mapElementAccessByNonString = Code("MapElementAccessByNonString")
    /// The rows and values a query holds at once would exceed its memory budget.
    public static let memoryLimitExceeded = Code("MemoryLimitExceeded")
    /// MERGE would need to read a property it sets itself.
    public static let mergeReadOwnWrites = Code("MergeReadOwnWrites")
    /// A parameter the query uses was not given.
    public static let missingParameter = Code("MissingParameter")
    /// SKIP, LIMIT or a function got a negative integer.
    public static let negativeIntegerArgument = Code("NegativeIntegerArgument")
    /// An aggregate function is nested inside another.
    public static let nestedAggregation = Code("NestedAggregation")
    /// The query nests deeper than the parser allows.
    public static let nestingTooDeep = Code("NestingTooDeep")
    /// An export procedure ran on a database without an export directory (in memory).
    public static let noExportDirectory = Code("NoExportDirectory")
    /// An expression in WITH has no alias.
    public static let noExpressionAlias = Code("NoExpressionAlias")
    /// A relationship to create does not have exactly one type.
    public static let noSingleRelationshipType = Code("NoSingleRelationshipType")
    /// A transaction command (commit, rollback) was given while no transaction is open.
    public static let noTransaction = Code("NoTransaction")
    /// An expression that must be constant reads variables or calls rand().
    public static let nonConstantExpression = Code("NonConstantExpression")
    /// The database path is not a directory.
    public static let notADirectory = Code("NotADirectory")
    /// An expression that must give exactly one value gave no row or several.
    public static let notASingleValue = Code("NotASingleValue")
    /// A number does not fit the range the operation accepts.
    public static let numberOutOfRange = Code("NumberOutOfRange")
    /// An export path leads outside the export directory.
    public static let pathOutsideExportDirectory = Code("PathOutsideExportDirectory")
    /// A LOAD CSV file URL that leaves the import directory (an absolute path, `..`, or a link out).
    public static let pathOutsideImportDirectory = Code("PathOutsideImportDirectory")
    /// A procedure raised an error while running.
    public static let procedureCallFailed = Code("ProcedureCallFailed")
    /// No procedure of that name exists.
    public static let procedureNotFound = Code("ProcedureNotFound")
    /// The query text is longer than the database's maximum query size.
    public static let queryTooLarge = Code("QueryTooLarge")
    /// A write was attempted on a database opened read-only.
    public static let readOnlyDatabase = Code("ReadOnlyDatabase")
    /// One relationship variable is used twice in a pattern.
    public static let relationshipUniquenessViolation = Code("RelationshipUniquenessViolation")
    /// A LOAD CSV URL of a scheme other than `file:` while remote loading is not allowed.
    public static let remoteURLNotAllowed = Code("RemoteURLNotAllowed")
    /// A relationship to create has no direction.
    public static let requiresDirectedRelationship = Code("RequiresDirectedRelationship")
    /// A result stream was read after it was closed, consumed or failed.
    public static let resultConsumed = Code("ResultConsumed")
    /// Sort, aggregation, DISTINCT or collect() would hold more rows than the limit allows.
    public static let rowLimitExceeded = Code("RowLimitExceeded")
    /// The statement or transaction ran past its timeout and was stopped (category `cancelled`).
    public static let timedOut = Code("TimedOut")
    /// An import met more bad rows than --bad-row-limit allows.
    public static let tooManyBadRows = Code("TooManyBadRows")
    /// A transaction was begun while another is open in the same session.
    public static let transactionAlreadyOpen = Code("TransactionAlreadyOpen")
    /// A transaction was used after it ended.
    public static let transactionClosed = Code("TransactionClosed")
    /// A block comment is not closed.
    public static let unclosedComment = Code("UnclosedComment")
    /// A backquoted identifier is not closed.
    public static let unclosedIdentifier = Code("UnclosedIdentifier")
    /// A string literal is not closed.
    public static let unclosedString = Code("UnclosedString")
    /// A variable (or procedure output) is used but not defined.
    public static let undefinedVariable = Code("UndefinedVariable")
    /// A statement produced output where none was expected.
    public static let unexpectedOutput = Code("UnexpectedOutput")
    /// The query does not follow the grammar, or uses an unsupported form.
    public static let unexpectedSyntax = Code("UnexpectedSyntax")
    /// No function of that name exists.
    public static let unknownFunction = Code("UnknownFunction")
    /// A list or string built while running would be larger than the limit allows.
    public static let valueTooLarge = Code("ValueTooLarge")
    /// A variable is introduced again where it is already defined.
    public static let variableAlreadyBound = Code("VariableAlreadyBound")
    /// A SEARCH subclause breaks a rule of vector search: its variable is not one the same
    /// MATCH binds, the pattern has another shape than one entity (or one hop), an expression
    /// refers to the binding variable, or the filter is not property predicates joined by AND.
    public static let invalidVectorSearch = Code("InvalidVectorSearch")
    /// A variable is used as a different kind of entity than it is bound to.
    public static let variableTypeConflict = Code("VariableTypeConflict")
    /// A write was attempted in a read-only transaction.
    public static let writeInReadOnlyTransaction = Code("WriteInReadOnlyTransaction")
    /// Waiting for the single writer slot ran past the statement's timeout; retrying may succeed.
    public static let writerBusy = Code("WriterBusy")

    /// Every code Quiver raises, in alphabetical order of `rawValue`.
    public static let allCases: [Code] = [
      .ambiguousAggregationExpression, .cancelled, .cannotDecodeValue, .cannotEncodeValue,
      .columnNameConflict, .constraintAlreadyExists, .constraintCreationFailed, .constraintNotFound,
      .constraintValidationFailed, .corruptLog, .corruptManifest, .corruptSnapshot,
      .creatingVarLength, .databaseLocked, .databaseNotEmpty, .databaseNotFound,
      .deleteConnectedNode, .deletedEntityAccess, .differentColumnsInUnion, .divisionByZero,
      .durationOverflow, .expansionLimitExceeded, .fileError, .fileNotReadable, .fileNotWritable,
      .floatingPointOverflow, .functionCallFailed, .graphAlreadyExists, .graphNotFound,
      .implicitTransactionRequired, .indexAlreadyExists, .indexBelongsToConstraint, .indexNotFound,
      .integerOverflow, .invalidAggregation, .invalidArgumentPassingMode, .invalidArgumentType,
      .invalidArgumentValue, .invalidBatchSize, .invalidCSV, .invalidClauseComposition,
      .invalidDelete, .invalidEscape, .invalidGraphML, .invalidGzip, .invalidJSON,
      .invalidLabelExpression, .invalidNumberLiteral, .invalidNumberOfArguments,
      .invalidParameterName, .invalidParameterUse, .invalidPatternPredicate, .invalidPropertyType,
      .invalidRange, .invalidRelationshipPattern, .invalidTypeExpression, .invalidUnicodeCharacter,
      .invalidUnicodeLiteral, .invalidVectorSearch, .lostTransactions, .mapElementAccessByNonString, .memoryLimitExceeded,
      .mergeReadOwnWrites, .missingParameter, .negativeIntegerArgument, .nestedAggregation,
      .nestingTooDeep, .noExportDirectory, .noExpressionAlias, .noSingleRelationshipType,
      .noTransaction, .nonConstantExpression, .notADirectory, .notASingleValue, .numberOutOfRange,
      .pathOutsideExportDirectory, .pathOutsideImportDirectory, .procedureCallFailed,
      .procedureNotFound, .queryTooLarge, .readOnlyDatabase, .relationshipUniquenessViolation,
      .remoteURLNotAllowed, .requiresDirectedRelationship, .resultConsumed, .rowLimitExceeded,
      .timedOut, .tooManyBadRows, .transactionAlreadyOpen, .transactionClosed, .unclosedComment,
      .unclosedIdentifier, .unclosedString, .undefinedVariable, .unexpectedOutput,
      .unexpectedSyntax, .unknownFunction, .valueTooLarge, .variableAlreadyBound,
      .variableTypeConflict, .writeInReadOnlyTransaction, .writerBusy,
    ]
  }
}
