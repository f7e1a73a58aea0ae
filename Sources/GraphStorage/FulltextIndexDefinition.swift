// Full-text indexes as Neo4j 5 defines them (`CREATE FULLTEXT INDEX … FOR (n:A|B) ON EACH
// [n.p, n.q]`): the string properties of entities with any of some labels (or types), split into
// lower-cased words. Queries (FulltextQuery.swift) run over those words when they are asked, so
// the store keeps only this definition and writes need no maintenance.

/// A full-text index: entities with any of `labels` (or relationship types), and the string
/// values of their `properties`.
package struct FulltextIndexDefinition: Sendable, Hashable {
  package var name: String
  package var entity: SchemaEntity
  package var labels: [String]
  package var properties: [String]

  package init(name: String, entity: SchemaEntity, labels: [String], properties: [String]) {
    self.name = name
    self.entity = entity
    self.labels = labels
    self.properties = properties
  }

  /// The words of `text` as the index keeps them: maximal runs of letters and digits, lower-cased
  /// (Lucene's standard analyzer without stop words, for text that is not in scripts that need
  /// a dictionary to split words).
  package static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    for ch in text {
      if ch.isLetter || ch.isNumber {
        current.append(ch)
      } else if !current.isEmpty {
        words.append(current.lowercased())
        current = ""
      }
    }
    if !current.isEmpty { words.append(current.lowercased()) }
    return words
  }
}
