// `GET /db/neo4j/schema` for the console's sidebar: labels and relationship types with their
// counts, property keys, and the rows of SHOW INDEXES and SHOW CONSTRAINTS, in one answer.
import Quiver

/// The schema summary the console's sidebar shows.
enum ConsoleSchema {
  static func response(_ database: Database) -> HTTPResponse {
    let schema = database.schema
    let session = Session(database: database)
    let indexes = (try? session.run("SHOW INDEXES").collect())
    let constraints = (try? session.run("SHOW CONSTRAINTS").collect())
    return .json(200) { w in
      w.object { w, member in
        for (name, entries) in [("labels", schema.labels), ("relationshipTypes", schema.relationshipTypes)] {
          member(&w, name)
          w.array(entries) { w, entry in
            w.object { w, member in
              member(&w, "name")
              w.string(entry.name)
              member(&w, "count")
              w.int(Int64(entry.count))
            }
          }
        }
        member(&w, "propertyKeys")
        w.array(schema.propertyKeys) { $0.string($1) }
        for (name, result) in [("indexes", indexes), ("constraints", constraints)] {
          member(&w, name)
          w.array(result?.rows ?? []) { w, row in
            w.object { w, member in
              for (column, value) in zip(result?.columns ?? [], row) {
                member(&w, column)
                w.plain(value)
              }
            }
          }
        }
      }
    }
  }
}
