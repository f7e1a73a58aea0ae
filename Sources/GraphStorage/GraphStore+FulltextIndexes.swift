// Full-text indexes of the store: creating and dropping their definitions (logged like every
// schema change) and the search `db.index.fulltext.queryNodes` runs, which reads the indexed
// string properties of every entity with one of the labels when it is asked.
import Foundation
import GraphCore

extension GraphStore {
  /// The full-text indexes by name.
  var fulltextIndexes: [String: FulltextIndexDefinition] {
    _read { yield tables.fulltextIndexes }
    _modify {
      makeUnique()
      yield &tables.fulltextIndexes
    }
  }

  /// All full-text index definitions, sorted by name.
  package var fulltextIndexDefinitions: [FulltextIndexDefinition] { fulltextIndexes.values.sorted { $0.name < $1.name } }

  /// The full-text index called `name`, if there is one.
  package func fulltextIndex(_ name: String) -> FulltextIndexDefinition? { fulltextIndexes[name] }

  /// Whether an index or constraint of any kind is called `name` (they share one namespace).
  package func schemaNameTaken(_ name: String) -> Bool {
    indexes[name] != nil || vectorIndexes[name] != nil || fulltextIndexes[name] != nil || lookupIndexes[name] != nil
      || constraints[name] != nil
  }

  /// Creates a full-text index and logs the change.
  /// - Throws: `IndexAlreadyExists` when an index or constraint has the name, or a full-text
  ///   index covers the same labels and properties.
  package mutating func createFulltextIndex(_ def: FulltextIndexDefinition) throws {
    if schemaNameTaken(def.name) {
      throw QuiverError.runtime(.semantic, .indexAlreadyExists, "an index or constraint named `\(def.name)` already exists")
    }
    if let same = fulltextIndexes.values.first(where: {
      $0.entity == def.entity && Set($0.labels) == Set(def.labels) && Set($0.properties) == Set(def.properties)
    }) {
      throw QuiverError.runtime(.semantic, .indexAlreadyExists, "full-text index `\(same.name)` already covers the same properties")
    }
    fulltextIndexes[def.name] = def
    schemaVersion += 1
    changeLog?.append(.createFulltextIndex(def))
  }

  /// Drops a full-text index and logs the change; returns false when there is none of that name.
  @discardableResult
  package mutating func dropFulltextIndex(_ name: String) -> Bool {
    guard fulltextIndexes.removeValue(forKey: name) != nil else { return false }
    schemaVersion += 1
    changeLog?.append(.dropFulltextIndex(name))
    return true
  }

  /// The words of every entity the index covers that has at least one indexed string, in id order.
  private func documents(_ def: FulltextIndexDefinition) -> [FulltextDocument] {
    let ids: [Int64]
    switch def.entity {
    case .node:
      ids = Set(def.labels.flatMap { nodeIDs(withLabel: $0) }).sorted()
    case .relationship:
      let types = Set(def.labels)
      ids = allRelationshipIDs().filter { type(of: $0).map(types.contains) ?? false }
    }
    return ids.compactMap { id in
      var fields: [String: [String]] = [:]
      for p in def.properties {
        let value = def.entity == .node ? nodeProperty(id, p) ?? nil : relationshipProperty(id, p) ?? nil
        if case .string(let s)? = value { fields[p] = FulltextIndexDefinition.words(s) }
      }
      return fields.isEmpty ? nil : FulltextDocument(id: id, fields: fields)
    }
  }

  /// How many entities the index holds text for.
  package func fulltextIndexSize(_ name: String) -> Int {
    fulltextIndexes[name].map { documents($0).count } ?? 0
  }

  /// The entities of index `name` that match `query`, best first (equal scores by id).
  /// - Throws: `IndexNotFound` for an unknown name, `ProcedureCallFailed` for a query outside
  ///   the supported syntax.
  /// - Complexity: O(total words) per query: every indexed value is read and split.
  package func fulltextSearch(_ name: String, query text: String) throws -> [(id: Int64, score: Double)] {
    guard let def = fulltextIndexes[name] else {
      throw QuiverError.runtime(.procedure, .indexNotFound, "there is no full-text index named `\(name)`")
    }
    let query: FulltextQuery
    do { query = try FulltextQuery.parse(text) } catch {
      throw QuiverError.runtime(.procedure, .procedureCallFailed, "cannot parse the full-text query '\(text)': \(error.message)")
    }
    let docs = documents(def)
    var frequency: [String: Int] = [:]
    let wanted = query.words
    for doc in docs {
      var seen = Set<String>()
      for words in doc.fields.values { for w in words where wanted.contains(w) { seen.insert(w) } }
      for w in seen { frequency[w, default: 0] += 1 }
    }
    let n = Double(docs.count)
    let idf: (String) -> Double = { 1 + Foundation.log((n + 1) / Double((frequency[$0] ?? 0) + 1)) }
    var hits: [(id: Int64, score: Double)] = []
    for doc in docs {
      if let s = query.score(doc, idf: idf) { hits.append((doc.id, s)) }
    }
    hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    return hits
  }
}
