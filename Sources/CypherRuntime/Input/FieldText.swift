// The text of an import field without the spaces around it, for the typed columns (numbers,
// booleans, temporal values) that allow them. Works on the UTF-8 bytes: trimming by Character
// cost more than parsing the number that follows.

/// Helpers for the text of import fields.
package enum FieldText {
  /// `text` without the spaces around it; `text` itself (no copy) when there are none, as for
  /// nearly every field.
  package static func trimmingSpaces(_ text: String) -> String {
    let bytes = text.utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, bytes[start] == UInt8(ascii: " ") { start = bytes.index(after: start) }
    while end > start, bytes[bytes.index(before: end)] == UInt8(ascii: " ") { end = bytes.index(before: end) }
    if start == bytes.startIndex && end == bytes.endIndex { return text }
    return String(text[start..<end])
  }
}
