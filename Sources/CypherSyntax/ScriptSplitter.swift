// Cuts a script into statements at top-level semicolons using the lexer, so semicolons inside
// strings, backquoted names and comments never split a statement.
import GraphCore

/// A statement's text and the UTF-8 range it spans in the script.
package struct ScriptPiece: Sendable {
  package let start: SourcePosition
  package let endOffset: Int
}

/// Splits scripts on statement-ending semicolons.
package enum ScriptSplitter {
  /// The pieces ended by `;` and the unterminated rest (nil when only trivia remains). When the
  /// text cannot be tokenised (an unclosed string or comment), everything after the last good
  /// semicolon is the rest. A stray character (`#`, NUL, U+FFFF) does not stop the cutting: it
  /// stays in its statement, whose parse reports it.
  package static func split(_ text: String) -> (complete: [ScriptPiece], rest: ScriptPiece?) {
    var lexer = Lexer(text, tolerant: true)
    var pieces: [ScriptPiece] = []
    var pieceStart: SourcePosition?
    var lastEnd = 0
    while true {
      let token: Token
      do {
        token = try lexer.next()
      } catch let e as QuiverError {
        let start = pieceStart ?? e.position ?? .start
        return (pieces, ScriptPiece(start: start, endOffset: text.utf8.count))
      } catch {
        return (pieces, nil)
      }
      if token.kind == .endOfInput {
        if let s = pieceStart { return (pieces, ScriptPiece(start: s, endOffset: lastEnd)) }
        return (pieces, nil)
      }
      if token.isSymbol(";") {
        if let s = pieceStart { pieces.append(ScriptPiece(start: s, endOffset: lastEnd)) }
        pieceStart = nil
        continue
      }
      if pieceStart == nil { pieceStart = token.position }
      lastEnd = token.endOffset
    }
  }
}
