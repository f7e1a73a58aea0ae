// The list casting functions `toBooleanList`, `toFloatList`, `toIntegerList` and
// `toStringList`: each element converted as the matching `…OrNull` function converts it, so an
// element that cannot be converted becomes null instead of failing the query.
import CypherPlanner
import GraphCore

extension ExecutionContext {
  /// Converts every element of the list `x` with the `…OrNull` form of `f`; `x` must be a list.
  func listConversion(_ f: ScalarFunction, _ x: Value) throws -> Value {
    guard case .list(let items) = x else { throw argumentType(f, x) }
    let element: ScalarFunction
    switch f {
    case .toBooleanList: element = .toBooleanOrNull
    case .toFloatList: element = .toFloatOrNull
    case .toIntegerList: element = .toIntegerOrNull
    default: element = .toStringOrNull
    }
    return .list(items.map { (try? conversion(element, $0)) ?? .null })
  }
}
