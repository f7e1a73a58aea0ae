// What the bulk importer is given: node files with their labels and id column, relationship files
// with their type and the columns naming their end nodes, and what it reports back.

/// A CSV file of nodes for `Database.importCSV`: a header row, then one node per row carrying
/// `labels`, each non-empty field a property named by its column. A column may declare its type
/// as `name:int`, `name:float`, `name:boolean` or `name:string`; otherwise each value is read as
/// an integer, a float, a boolean or else a string, whichever it spells.
public struct CSVNodeFile: Sendable, Hashable {
  public var path: String
  public var labels: [String]
  /// The column whose values relationship files use to name nodes (stored as a property too).
  public var idColumn: String

  public init(path: String, labels: [String], idColumn: String = "id") {
    self.path = path
    self.labels = labels
    self.idColumn = idColumn
  }
}

/// A CSV file of relationships for `Database.importCSV`: a header row, then one relationship of
/// `type` per row from the node named in `startColumn` to the node named in `endColumn` (by
/// the values of the node files' id columns); the other fields become properties as for nodes.
public struct CSVRelationshipFile: Sendable, Hashable {
  public var path: String
  public var type: String
  /// The start node's column; nil for the first column.
  public var startColumn: String?
  /// The end node's column; nil for the second column.
  public var endColumn: String?

  public init(path: String, type: String, startColumn: String? = nil, endColumn: String? = nil) {
    self.path = path
    self.type = type
    self.startColumn = startColumn
    self.endColumn = endColumn
  }
}

/// What an import created.
public struct ImportSummary: Sendable, Hashable {
  public var nodes: Int
  public var relationships: Int
  public var properties: Int

  public init(nodes: Int, relationships: Int, properties: Int) {
    self.nodes = nodes
    self.relationships = relationships
    self.properties = properties
  }
}
