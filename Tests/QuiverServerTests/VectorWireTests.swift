// VECTOR values on the wire: the Bolt versions Quiver speaks (up to 5.x) have no vector
// structure, so a vector travels as the list of its coordinates — over Bolt, in the Query API's
// plain and typed JSON, and in the transactional endpoint's rows.
import NIOCore
import Quiver
import Testing

@testable import QuiverServer

@Suite struct VectorWireTests {
  @Test func boltWritesAVectorAsItsCoordinates() throws {
    let c = Conversation(version: BoltVersion(5, 8), database: try Database())
    #expect(c.logIn()?.isSuccess == true)
    let (_, pull) = c.query("RETURN vector([1, -2], 2, INTEGER8) AS a, vector([0.5, 2], 2, FLOAT32) AS b")
    #expect(pull.first?.values == [.list([.int(1), .int(-2)]), .list([.float(0.5), .float(2)])])
  }

  @Test func queryAPIWritesAVectorAsAList() throws {
    let client = RouterClient(database: try Database())
    let plain = client.query("RETURN vector([1, 2], 2, INT16) AS v")
    #expect(plain.json.rows == [[.array([.int(1), .int(2)])]])
    let out = client.send(
      "POST", "/db/neo4j/query/v2", json: RouterClient.body("RETURN vector([3], 1, INTEGER) AS v"),
      ["accept": "application/vnd.neo4j.query.v1.1", "content-type": "application/vnd.neo4j.query.v1.1"])
    #expect(out.status == 202)
    #expect(out.json.rows == [[.object(["$type": .string("List"), "_value": .array([.object(["$type": .string("Integer"), "_value": .string("3")])])])]])
  }

  @Test func transactionalEndpointWritesAVectorAsAList() throws {
    var w = JSONWriter()
    w.legacyRow(.vector(try #require(Vector(.float64, floats: [1.5, -2]))))
    #expect(String(decoding: w.bytes, as: UTF8.self) == "[1.5,-2.0]")
  }
}
