// What `SHOW FUNCTIONS` lists for the built-in functions: each name as Cypher spells it, its
// category as the Neo4j manual groups them, its signature and a one-line description.
// A test checks that every scalar, aggregate and temporal function has an entry.

/// One built-in function as `SHOW FUNCTIONS` describes it.
package struct BuiltinFunction: Sendable {
  package let name: String
  package let category: String
  package let signature: String
  package let description: String
  /// True for aggregating functions.
  package var aggregating: Bool { category == "Aggregating" }
}

/// The built-in functions, sorted by name.
package enum FunctionCatalog {
  package static let builtins: [BuiltinFunction] = entries.map {
    BuiltinFunction(name: $0.0, category: $0.1, signature: $0.2, description: $0.3)
  }.sorted { $0.name.lowercased() < $1.name.lowercased() }

  private static let entries: [(String, String, String, String)] =
    predicate + scalar + aggregating + list + numeric + string + temporal + vector + spatial

  private static let predicate: [(String, String, String, String)] = [
    ("all", "Predicate", "all(variable IN list WHERE predicate) :: BOOLEAN", "True when the predicate holds for every element of the list."),
    ("any", "Predicate", "any(variable IN list WHERE predicate) :: BOOLEAN", "True when the predicate holds for at least one element of the list."),
    ("exists", "Predicate", "exists(input :: ANY) :: BOOLEAN", "True when the property is not null or the pattern has a match."),
    ("isEmpty", "Predicate", "isEmpty(input :: LIST<ANY> | MAP | STRING) :: BOOLEAN", "True when the list, map or string is empty."),
    ("none", "Predicate", "none(variable IN list WHERE predicate) :: BOOLEAN", "True when the predicate holds for no element of the list."),
    ("single", "Predicate", "single(variable IN list WHERE predicate) :: BOOLEAN", "True when the predicate holds for exactly one element of the list."),
  ]

  private static let scalar: [(String, String, String, String)] = [
    ("char_length", "Scalar", "char_length(input :: STRING) :: INTEGER", "The number of Unicode characters in a string."),
    ("character_length", "Scalar", "character_length(input :: STRING) :: INTEGER", "The number of Unicode characters in a string."),
    ("coalesce", "Scalar", "coalesce(input :: ANY, ...) :: ANY", "The first of its arguments that is not null."),
    ("elementId", "Scalar", "elementId(input :: NODE | RELATIONSHIP) :: STRING", "The element id of a node or relationship."),
    ("endNode", "Scalar", "endNode(input :: RELATIONSHIP) :: NODE", "The end node of a relationship."),
    ("head", "Scalar", "head(list :: LIST<ANY>) :: ANY", "The first element of a list."),
    ("id", "Scalar", "id(input :: NODE | RELATIONSHIP) :: INTEGER", "The id of a node or relationship (deprecated in Neo4j for elementId())."),
    ("last", "Scalar", "last(list :: LIST<ANY>) :: ANY", "The last element of a list."),
    ("length", "Scalar", "length(input :: PATH) :: INTEGER", "The number of relationships in a path."),
    ("path_length", "Scalar", "path_length(input :: PATH) :: INTEGER", "The number of relationships in a path (GQL's name for length)."),
    ("nullIf", "Scalar", "nullIf(v1 :: ANY, v2 :: ANY) :: ANY", "Null when the two values are equal, otherwise the first value."),
    ("properties", "Scalar", "properties(input :: NODE | RELATIONSHIP | MAP) :: MAP", "A map of all the properties of a node, relationship or map."),
    ("randomUUID", "Scalar", "randomUUID() :: STRING", "A random UUID."),
    ("size", "Scalar", "size(input :: LIST<ANY> | STRING | VECTOR) :: INTEGER", "The number of elements of a list, characters of a string or coordinates of a vector."),
    ("startNode", "Scalar", "startNode(input :: RELATIONSHIP) :: NODE", "The start node of a relationship."),
    ("timestamp", "Scalar", "timestamp() :: INTEGER", "Milliseconds since midnight, January 1, 1970 UTC."),
    ("toBoolean", "Scalar", "toBoolean(input :: STRING | INTEGER | BOOLEAN) :: BOOLEAN", "Converts a string, integer or boolean to a boolean."),
    ("toBooleanOrNull", "Scalar", "toBooleanOrNull(input :: ANY) :: BOOLEAN", "Converts a value to a boolean, or null when it cannot be converted."),
    ("toFloat", "Scalar", "toFloat(input :: STRING | INTEGER | FLOAT) :: FLOAT", "Converts a string, integer or float to a float."),
    ("toFloatOrNull", "Scalar", "toFloatOrNull(input :: ANY) :: FLOAT", "Converts a value to a float, or null when it cannot be converted."),
    ("toInteger", "Scalar", "toInteger(input :: STRING | INTEGER | FLOAT | BOOLEAN) :: INTEGER", "Converts a string, number or boolean to an integer."),
    ("toIntegerOrNull", "Scalar", "toIntegerOrNull(input :: ANY) :: INTEGER", "Converts a value to an integer, or null when it cannot be converted."),
    ("type", "Scalar", "type(input :: RELATIONSHIP) :: STRING", "The type of a relationship."),
    ("valueType", "Scalar", "valueType(input :: ANY) :: STRING", "The most precise type of a value, e.g. INTEGER NOT NULL."),
    ("file", "LOAD CSV", "file() :: STRING", "The file LOAD CSV is reading; null outside LOAD CSV."),
    ("linenumber", "LOAD CSV", "linenumber() :: INTEGER", "The line LOAD CSV is reading; null outside LOAD CSV."),
  ]

  private static let aggregating: [(String, String, String, String)] = [
    ("avg", "Aggregating", "avg(input :: INTEGER | FLOAT | DURATION) :: INTEGER | FLOAT | DURATION", "The average of a set of numbers or durations."),
    ("collect", "Aggregating", "collect(input :: ANY) :: LIST<ANY>", "A list of the non-null values of an expression."),
    ("count", "Aggregating", "count(input :: ANY) :: INTEGER", "The number of non-null values, or of rows with count(*)."),
    ("max", "Aggregating", "max(input :: ANY) :: ANY", "The largest of a set of values."),
    ("min", "Aggregating", "min(input :: ANY) :: ANY", "The smallest of a set of values."),
    ("percentileCont", "Aggregating", "percentileCont(input :: FLOAT, percentile :: FLOAT) :: FLOAT", "The percentile of a set of numbers, interpolated linearly."),
    ("percentileDisc", "Aggregating", "percentileDisc(input :: INTEGER | FLOAT, percentile :: FLOAT) :: INTEGER | FLOAT", "The value nearest to the percentile of a set of numbers."),
    ("stDev", "Aggregating", "stDev(input :: FLOAT) :: FLOAT", "The standard deviation of a sample of numbers."),
    ("stDevP", "Aggregating", "stDevP(input :: FLOAT) :: FLOAT", "The standard deviation of a whole population of numbers."),
    ("sum", "Aggregating", "sum(input :: INTEGER | FLOAT | DURATION) :: INTEGER | FLOAT | DURATION", "The sum of a set of numbers or durations."),
  ]

  private static let list: [(String, String, String, String)] = [
    ("keys", "List", "keys(input :: NODE | RELATIONSHIP | MAP) :: LIST<STRING>", "The property names of a node or relationship, or the keys of a map."),
    ("labels", "List", "labels(input :: NODE) :: LIST<STRING>", "The labels of a node."),
    ("nodes", "List", "nodes(input :: PATH) :: LIST<NODE>", "The nodes of a path."),
    ("range", "List", "range(start :: INTEGER, end :: INTEGER, step = 1 :: INTEGER) :: LIST<INTEGER>", "The integers from start to end, inclusive, by step."),
    ("reduce", "List", "reduce(accumulator = initial, variable IN list | expression) :: ANY", "Folds a list into one value through an accumulator."),
    ("relationships", "List", "relationships(input :: PATH) :: LIST<RELATIONSHIP>", "The relationships of a path."),
    ("reverse", "List", "reverse(input :: LIST<ANY> | STRING) :: LIST<ANY> | STRING", "A list or string in reverse order."),
    ("tail", "List", "tail(input :: LIST<ANY>) :: LIST<ANY>", "All but the first element of a list."),
    ("toBooleanList", "List", "toBooleanList(input :: LIST<ANY>) :: LIST<BOOLEAN>", "Converts each element to a boolean; elements that cannot be converted become null."),
    ("toFloatList", "List", "toFloatList(input :: LIST<ANY>) :: LIST<FLOAT>", "Converts each element to a float; elements that cannot be converted become null."),
    ("toIntegerList", "List", "toIntegerList(input :: LIST<ANY>) :: LIST<INTEGER>", "Converts each element to an integer; elements that cannot be converted become null."),
    ("toStringList", "List", "toStringList(input :: LIST<ANY>) :: LIST<STRING>", "Converts each element to a string; elements that cannot be converted become null."),
  ]

  private static let numeric: [(String, String, String, String)] = [
    ("abs", "Numeric", "abs(input :: INTEGER | FLOAT) :: INTEGER | FLOAT", "The absolute value of a number."),
    ("ceil", "Numeric", "ceil(input :: FLOAT) :: FLOAT", "The smallest integral float not less than a number."),
    ("floor", "Numeric", "floor(input :: FLOAT) :: FLOAT", "The largest integral float not greater than a number."),
    ("isNaN", "Numeric", "isNaN(input :: INTEGER | FLOAT) :: BOOLEAN", "True when the number is NaN."),
    ("rand", "Numeric", "rand() :: FLOAT", "A random float in [0, 1)."),
    ("round", "Numeric", "round(value :: FLOAT, precision = 0 :: INTEGER, mode = 'HALF_UP' :: STRING) :: FLOAT", "A number rounded to a precision with a rounding mode."),
    ("sign", "Numeric", "sign(input :: INTEGER | FLOAT) :: INTEGER", "The sign of a number: -1, 0 or 1."),
    ("e", "Logarithmic", "e() :: FLOAT", "The base of the natural logarithm."),
    ("exp", "Logarithmic", "exp(input :: FLOAT) :: FLOAT", "e raised to a power."),
    ("log", "Logarithmic", "log(input :: FLOAT) :: FLOAT", "The natural logarithm of a number."),
    ("log10", "Logarithmic", "log10(input :: FLOAT) :: FLOAT", "The base-10 logarithm of a number."),
    ("sqrt", "Logarithmic", "sqrt(input :: FLOAT) :: FLOAT", "The square root of a number."),
    ("acos", "Trigonometric", "acos(input :: FLOAT) :: FLOAT", "The arccosine of a number, in radians."),
    ("asin", "Trigonometric", "asin(input :: FLOAT) :: FLOAT", "The arcsine of a number, in radians."),
    ("atan", "Trigonometric", "atan(input :: FLOAT) :: FLOAT", "The arctangent of a number, in radians."),
    ("atan2", "Trigonometric", "atan2(y :: FLOAT, x :: FLOAT) :: FLOAT", "The arctangent of y / x, in radians."),
    ("cos", "Trigonometric", "cos(input :: FLOAT) :: FLOAT", "The cosine of an angle in radians."),
    ("cot", "Trigonometric", "cot(input :: FLOAT) :: FLOAT", "The cotangent of an angle in radians."),
    ("degrees", "Trigonometric", "degrees(input :: FLOAT) :: FLOAT", "Converts radians to degrees."),
    ("haversin", "Trigonometric", "haversin(input :: FLOAT) :: FLOAT", "Half the versine of an angle."),
    ("pi", "Trigonometric", "pi() :: FLOAT", "The constant pi."),
    ("radians", "Trigonometric", "radians(input :: FLOAT) :: FLOAT", "Converts degrees to radians."),
    ("sin", "Trigonometric", "sin(input :: FLOAT) :: FLOAT", "The sine of an angle in radians."),
    ("tan", "Trigonometric", "tan(input :: FLOAT) :: FLOAT", "The tangent of an angle in radians."),
  ]

  private static let string: [(String, String, String, String)] = [
    ("btrim", "String", "btrim(original :: STRING, trimCharacterString :: STRING) :: STRING", "A string with leading and trailing whitespace, or the given characters, removed."),
    ("left", "String", "left(original :: STRING, length :: INTEGER) :: STRING", "The leftmost characters of a string."),
    ("lower", "String", "lower(input :: STRING) :: STRING", "A string in lowercase (alias of toLower)."),
    ("ltrim", "String", "ltrim(original :: STRING, trimCharacterString :: STRING) :: STRING", "A string with leading whitespace, or the given characters, removed."),
    ("isNormalized", "String", "isNormalized(input :: STRING, normalForm = 'NFC' :: STRING) :: BOOLEAN", "Whether a string is in a Unicode normal form (Quiver's function form of IS NORMALIZED)."),
    ("normalize", "String", "normalize(input :: STRING, normalForm = NFC :: [NFC, NFD, NFKC, NFKD]) :: STRING", "A string in a Unicode normal form."),
    ("replace", "String", "replace(original :: STRING, search :: STRING, replace :: STRING) :: STRING", "A string with every occurrence of search replaced."),
    ("right", "String", "right(original :: STRING, length :: INTEGER) :: STRING", "The rightmost characters of a string."),
    ("rtrim", "String", "rtrim(original :: STRING, trimCharacterString :: STRING) :: STRING", "A string with trailing whitespace, or the given characters, removed."),
    ("split", "String", "split(original :: STRING, splitDelimiter :: STRING) :: LIST<STRING>", "The parts of a string around a delimiter."),
    ("substring", "String", "substring(original :: STRING, start :: INTEGER, length :: INTEGER) :: STRING", "Part of a string, from a 0-based start."),
    ("toLower", "String", "toLower(input :: STRING) :: STRING", "A string in lowercase."),
    ("toString", "String", "toString(input :: ANY) :: STRING", "Converts a number, boolean or temporal value to a string."),
    ("toStringOrNull", "String", "toStringOrNull(input :: ANY) :: STRING", "Converts a value to a string, or null when it cannot be converted."),
    ("toUpper", "String", "toUpper(input :: STRING) :: STRING", "A string in uppercase."),
    ("trim", "String", "trim([[LEADING | TRAILING | BOTH] [trimCharacterString] FROM] input :: STRING) :: STRING", "A string with leading and/or trailing whitespace, or the given characters, removed."),
    ("upper", "String", "upper(input :: STRING) :: STRING", "A string in uppercase (alias of toUpper)."),
  ]

  private static let temporal: [(String, String, String, String)] = {
    var rows: [(String, String, String, String)] = []
    let kinds = [
      ("date", "DATE"), ("datetime", "ZONED DATETIME"), ("localdatetime", "LOCAL DATETIME"),
      ("localtime", "LOCAL TIME"), ("time", "ZONED TIME"),
    ]
    for (name, type) in kinds {
      rows.append((name, "Temporal", "\(name)(input = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: \(type)", "Creates a \(type) value."))
      for clock in ["realtime", "statement", "transaction"] {
        rows.append(("\(name).\(clock)", "Temporal", "\(name).\(clock)(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: \(type)", "The current \(type) by the \(clock) clock."))
      }
      rows.append(("\(name).truncate", "Temporal", "\(name).truncate(unit :: STRING, input = DEFAULT_TEMPORAL_ARGUMENT :: ANY, fields = null :: MAP) :: \(type)", "A temporal value truncated to a \(type) at the given unit."))
    }
    rows.append(("datetime.fromepoch", "Temporal", "datetime.fromepoch(seconds :: INTEGER | FLOAT, nanoseconds :: INTEGER | FLOAT) :: ZONED DATETIME", "A ZONED DATETIME from seconds and nanoseconds since the epoch."))
    rows.append(("datetime.fromepochmillis", "Temporal", "datetime.fromepochmillis(milliseconds :: INTEGER | FLOAT) :: ZONED DATETIME", "A ZONED DATETIME from milliseconds since the epoch."))
    rows.append(("duration", "Duration", "duration(input :: ANY) :: DURATION", "Creates a DURATION value."))
    rows.append((
      "format", "Temporal",
      "format(value :: DATE | LOCAL TIME | ZONED TIME | LOCAL DATETIME | ZONED DATETIME | DURATION, pattern = null :: STRING) :: STRING",
      "The temporal value as an ISO-formatted STRING, or as a STRING formatted by the given pattern."
    ))
    for (unit, what) in [("between", "logical units"), ("inDays", "days"), ("inMonths", "months"), ("inSeconds", "seconds")] {
      rows.append(("duration.\(unit)", "Duration", "duration.\(unit)(from :: ANY, to :: ANY) :: DURATION", "The DURATION between two instants, in \(what)."))
    }
    rows.append((
      "duration_between", "Duration", "duration_between(from :: ANY, to :: ANY) :: DURATION",
      "The DURATION between two instants, in logical units (GQL's name for duration.between)."
    ))
    return rows
  }()

  private static let spatial: [(String, String, String, String)] = [
    ("point", "Spatial", "point(input :: MAP) :: POINT", "A 2D or 3D point in the Cartesian or WGS-84 coordinate reference system."),
    ("point.distance", "Spatial", "point.distance(from :: POINT, to :: POINT) :: FLOAT", "The distance between two points of one CRS: Euclidean, or geodesic metres for WGS-84."),
    ("point.withinBBox", "Spatial", "point.withinBBox(point :: POINT, lowerLeft :: POINT, upperRight :: POINT) :: BOOLEAN", "True when the point lies in the box given by its lower-left and upper-right corners."),
  ]

  private static let vector: [(String, String, String, String)] = [
    ("vector", "Vector", "vector(vectorValue :: STRING | LIST<INTEGER | FLOAT>, dimension :: INTEGER, coordinateType :: [INTEGER64, INTEGER32, INTEGER16, INTEGER8, FLOAT64, FLOAT32]) :: VECTOR", "Constructs a VECTOR value."),
    ("vector.similarity.cosine", "Vector", "vector.similarity.cosine(a :: VECTOR | LIST<INTEGER | FLOAT>, b :: VECTOR | LIST<INTEGER | FLOAT>) :: FLOAT", "The cosine similarity of two vectors, scaled to [0, 1]."),
    ("vector.similarity.euclidean", "Vector", "vector.similarity.euclidean(a :: VECTOR | LIST<INTEGER | FLOAT>, b :: VECTOR | LIST<INTEGER | FLOAT>) :: FLOAT", "The Euclidean similarity of two vectors, 1 / (1 + d²)."),
    ("vector_dimension_count", "Vector", "vector_dimension_count(vector :: VECTOR) :: INTEGER", "Returns the dimension of a VECTOR."),
    ("vector_distance", "Vector", "vector_distance(vector1 :: VECTOR, vector2 :: VECTOR, vectorDistanceMetric :: [EUCLIDEAN, EUCLIDEAN_SQUARED, MANHATTAN, COSINE, DOT, HAMMING]) :: FLOAT", "Returns a FLOAT representing the distance between the two vector values based on the selected vectorDistanceMetric algorithm."),
    ("vector_norm", "Vector", "vector_norm(vector :: VECTOR, vectorDistanceMetric :: [EUCLIDEAN, MANHATTAN]) :: FLOAT", "Returns a FLOAT representing the distance between the given vector and an origin vector of the same dimension, calculated using the specified vectorDistanceMetric."),
  ]
}
