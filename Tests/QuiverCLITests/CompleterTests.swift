// Tab completion as a pure function: labels in node patterns, relationship types in
// relationship patterns, property keys after '.', procedures after CALL, parameters after '$',
// keywords, snippets and functions elsewhere, and the shell's commands with their arguments.
import QuiverShellSupport
import Testing

@Suite("Completion")
struct CompleterTests {
  let vocabulary = CompletionVocabulary(
    labels: ["Person", "Pet", "Odd Label"], relationshipTypes: ["KNOWS", "OWNS"],
    propertyKeys: ["name", "nickname", "age"], procedures: ["db.labels", "db.relationshipTypes", "dbms.info"],
    parameters: ["limit"])

  func complete(_ line: String) -> Completion {
    Completer.complete(line: line, cursor: line.count, vocabulary: vocabulary)
  }

  @Test("labels after ':' in a node pattern")
  func labels() {
    #expect(complete("MATCH (n:Pe") == Completion(start: 9, candidates: ["Person", "Pet"]))
    #expect(complete("MATCH (n:Pers").candidates == ["Person"])
    #expect(complete("MATCH (:O").candidates == ["`Odd Label`"])
    #expect(complete("MATCH (n:Person:P").candidates == ["Person", "Pet"])
  }

  @Test("relationship types after ':' or '|' in a relationship pattern")
  func types() {
    #expect(complete("MATCH (a)-[:K") == Completion(start: 12, candidates: ["KNOWS"]))
    #expect(complete("MATCH (a)-[r:KNOWS|O").candidates == ["OWNS"])
    #expect(complete("MATCH (a)-[:").candidates == ["KNOWS", "OWNS"])
  }

  @Test("property keys after '.'")
  func properties() {
    #expect(complete("MATCH (n) RETURN n.na") == Completion(start: 19, candidates: ["name"]))
    #expect(complete("MATCH (n) WHERE n.").candidates == ["age", "name", "nickname"])
  }

  @Test("procedures after CALL, dotted names included")
  func procedures() {
    #expect(complete("CALL db.l") == Completion(start: 5, candidates: ["db.labels"]))
    #expect(complete("CALL d").candidates == ["db.labels", "db.relationshipTypes", "dbms.info"])
  }

  @Test("parameters after '$'")
  func parameters() {
    #expect(complete("RETURN $li") == Completion(start: 8, candidates: ["limit"]))
  }

  @Test("keywords, snippets and functions keep the case typed")
  func keywords() {
    #expect(complete("MAT").candidates == ["MATCH"])
    #expect(complete("mat").candidates == ["match"])
    #expect(complete("MATCH (n) ORD").candidates == ["ORDER", "ORDER BY"])
    #expect(complete("OPT").candidates == ["OPTIONAL", "OPTIONAL MATCH"])
    #expect(complete("RETURN toUp").candidates == ["toUpper("])
    #expect(complete("RETURN co").candidates.contains("collect("))
    #expect(complete("RETURN co").candidates.contains("contains"))
    #expect(complete("RETURN Co").candidates.contains("CONTAINS"))
    #expect(complete("MATCH (n) ").candidates.isEmpty)
  }

  @Test("commands and their arguments")
  func commands() {
    #expect(complete(":be") == Completion(start: 0, candidates: [":begin"]))
    #expect(complete(":pa").candidates == [":param", ":params"])
    #expect(complete(":format j") == Completion(start: 8, candidates: ["json", "jsonl"]))
    #expect(complete(":help be").candidates == ["begin"])
    #expect(complete(":export ").candidates == ["dot", "mermaid"])
  }

  @Test("the cursor need not be at the end")
  func cursorInside() {
    let line = "MATCH (n:Pe) RETURN n"
    #expect(Completer.complete(line: line, cursor: 11, vocabulary: vocabulary).candidates == ["Person", "Pet"])
  }

  @Test("the common prefix of candidates")
  func commonPrefix() {
    #expect(Completion(start: 0, candidates: ["Person", "Pet"]).commonPrefix == "Pe")
    #expect(Completion(start: 0, candidates: ["ORDER", "ORDER BY"]).commonPrefix == "ORDER")
    #expect(Completion(start: 0, candidates: []).commonPrefix == nil)
  }
}
