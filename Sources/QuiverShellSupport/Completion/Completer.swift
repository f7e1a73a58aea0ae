// Tab completion for the shell as a pure function of the line, the cursor and what the graph
// holds: after `:` in a node pattern labels, in a relationship pattern types; after `.` property
// keys; after CALL procedure names; after `$` parameter names; else keywords, snippets and
// functions; at the start of a line the shell's commands.
import Quiver

/// What the graph and session offer for completion.
package struct CompletionVocabulary: Sendable {
  package var labels: [String] = []
  package var relationshipTypes: [String] = []
  package var propertyKeys: [String] = []
  package var procedures: [String] = []
  package var parameters: [String] = []

  package init(
    labels: [String] = [], relationshipTypes: [String] = [], propertyKeys: [String] = [],
    procedures: [String] = [], parameters: [String] = []
  ) {
    self.labels = labels
    self.relationshipTypes = relationshipTypes
    self.propertyKeys = propertyKeys
    self.procedures = procedures
    self.parameters = parameters
  }
}

/// The candidates for completing the word before the cursor.
package struct Completion: Equatable, Sendable {
  /// Character offset in the line where the word being completed starts; candidates replace
  /// the text from here to the cursor.
  package var start: Int
  /// Full replacements for that text, sorted, without duplicates.
  package var candidates: [String]

  package init(start: Int, candidates: [String]) {
    self.start = start
    self.candidates = candidates
  }

  /// The longest prefix all candidates share (compared case-insensitively, spelled as the
  /// first candidate), or nil when there are none.
  package var commonPrefix: String? {
    guard var prefix = candidates.first.map(Array.init) else { return nil }
    for candidate in candidates.dropFirst() {
      let other = Array(candidate)
      var length = 0
      while length < min(prefix.count, other.count), prefix[length].lowercased() == other[length].lowercased() {
        length += 1
      }
      prefix = Array(prefix[0..<length])
    }
    return String(prefix)
  }
}

/// Computes completions.
package enum Completer {
  /// The completion for `line` with the cursor at character offset `cursor`.
  package static func complete(line: String, cursor: Int, vocabulary: CompletionVocabulary) -> Completion {
    let characters = Array(line)
    let cursor = max(0, min(cursor, characters.count))
    let before = Array(characters[0..<cursor])
    if let command = commandCompletion(before) { return command }

    var start = cursor
    while start > 0, isWordCharacter(before[start - 1]) { start -= 1 }
    let word = String(before[start..<cursor])
    let previous = start > 0 ? before[start - 1] : nil

    switch previous {
    case ":", "|":
      let inRelationship = enclosingBracket(before[0..<start]) == "["
      return Completion(
        start: start,
        candidates: matching(word, inRelationship ? vocabulary.relationshipTypes : vocabulary.labels, quoted: true))
    case ".":
      var dotted = start - 1
      while dotted > 0, isWordCharacter(before[dotted - 1]) || before[dotted - 1] == "." { dotted -= 1 }
      if previousWord(before[0..<dotted]).uppercased() == "CALL" {
        return Completion(start: dotted, candidates: matching(String(before[dotted..<cursor]), vocabulary.procedures))
      }
      return Completion(start: start, candidates: matching(word, vocabulary.propertyKeys, quoted: true))
    case "$":
      return Completion(start: start, candidates: matching(word, vocabulary.parameters, quoted: true))
    default:
      break
    }
    if previousWord(before[0..<start]).uppercased() == "CALL" {
      return Completion(start: start, candidates: matching(word, vocabulary.procedures))
    }
    guard !word.isEmpty else { return Completion(start: start, candidates: []) }
    let upper = word.first?.isLowercase == true ? false : true
    let keywords = (CypherVocabulary.keywords + CypherVocabulary.snippets).filter {
      $0.lowercased().hasPrefix(word.lowercased())
    }.map { upper ? $0 : $0.lowercased() }
    let functions = CypherVocabulary.functions.filter { $0.lowercased().hasPrefix(word.lowercased()) }
      .map { $0 + "(" }
    return Completion(start: start, candidates: Array(Set(keywords + functions)).sorted())
  }

  /// Commands at the start of a line and the words after them.
  private static func commandCompletion(_ before: [Character]) -> Completion? {
    let text = String(before)
    let trimmed = text.drop { $0.isWhitespace }
    guard trimmed.hasPrefix(":") else { return nil }
    let offset = text.count - trimmed.count
    guard let space = trimmed.firstIndex(where: \.isWhitespace) else {
      return Completion(start: offset, candidates: CypherVocabulary.commands.filter { $0.hasPrefix(trimmed.lowercased()) })
    }
    let command = trimmed[..<space].lowercased()
    let argument = trimmed[space...].drop { $0.isWhitespace }
    guard let words = CypherVocabulary.commandArguments[command], !argument.contains(where: \.isWhitespace) else {
      return Completion(start: before.count, candidates: [])
    }
    return Completion(
      start: before.count - argument.count, candidates: words.filter { $0.hasPrefix(argument.lowercased()) }.sorted())
  }

  /// `names` that start with `prefix`, case-insensitively, sorted; names that are not plain
  /// identifiers are backquoted when `quoted`.
  private static func matching(_ prefix: String, _ names: [String], quoted: Bool = false) -> [String] {
    let lowered = prefix.lowercased()
    let found = names.filter { $0.lowercased().hasPrefix(lowered) }
      .map { quoted ? CypherText.name($0) : $0 }
    return Array(Set(found)).sorted()
  }

  private static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_"
  }

  /// The word before `text`'s trailing white space.
  private static func previousWord(_ text: ArraySlice<Character>) -> String {
    var end = text.endIndex
    while end > text.startIndex, text[end - 1].isWhitespace { end -= 1 }
    var start = end
    while start > text.startIndex, isWordCharacter(text[start - 1]) { start -= 1 }
    return String(text[start..<end])
  }

  /// The innermost `(` or `[` still open in `text`, skipping quoted strings; nil outside both.
  private static func enclosingBracket(_ text: ArraySlice<Character>) -> Character? {
    var stack: [Character] = []
    var quote: Character?
    for character in text {
      if let open = quote {
        if character == open { quote = nil }
        continue
      }
      switch character {
      case "'", "\"", "`": quote = character
      case "(", "[", "{": stack.append(character)
      case ")", "]", "}": if !stack.isEmpty { stack.removeLast() }
      default: break
      }
    }
    return stack.last(where: { $0 == "(" || $0 == "[" })
  }
}
