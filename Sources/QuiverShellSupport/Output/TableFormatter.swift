// Lays out query results as bordered text tables, with Unicode box drawing on terminals and an
// ASCII fallback for pipes, files and dumb terminals. Columns are sized by display width, so
// wide (CJK, emoji) characters line up; given a width limit, the widest columns are narrowed and
// their cells cut with `…` until the table fits.
import Quiver

/// Formats a grid of cells as an aligned table: a header row, a rule, then one line per row.
package struct TableFormatter: Sendable {
  /// The characters the borders are drawn with.
  package enum Style: Sendable, Equatable {
    /// `┌─┬─┐ │ ├─┼─┤ └─┴─┘`, for terminals.
    case unicode
    /// `+-+ |`, for pipes, files and `TERM=dumb`.
    case ascii
  }

  package var style: Style
  /// Columns the whole table may take, borders included; nil for no limit.
  package var maxWidth: Int?

  package init(style: Style, maxWidth: Int? = nil) {
    self.style = style
    self.maxWidth = maxWidth
  }

  /// The table for `columns` and rows of values, cells written by `CypherNotation.cell`.
  package func format(columns: [String], rows: [[Value]]) -> String {
    format(columns: columns, cells: rows.map { $0.map(CypherNotation.cell) })
  }

  /// The table for `columns` and rows of already rendered cells, each line ending in `\n`.
  /// Control characters in cells are escaped so each row stays on one line. Returns "" when
  /// there are no columns.
  package func format(columns: [String], cells: [[String]]) -> String {
    guard !columns.isEmpty else { return "" }
    var header = columns.map(CypherText.singleLine)
    var body = cells.map { row in
      (0..<columns.count).map { $0 < row.count ? CypherText.singleLine(row[$0]) : "" }
    }
    var widths = header.map(\.displayWidth)
    for row in body {
      for (index, cell) in row.enumerated() {
        widths[index] = max(widths[index], cell.displayWidth)
      }
    }
    if let maxWidth {
      widths = Self.fitting(widths, into: maxWidth)
      header = zip(header, widths).map { Self.truncated($0, to: $1) }
      body = body.map { row in zip(row, widths).map { Self.truncated($0, to: $1) } }
    }
    let box = Box(style)
    var out = rule(widths, box.top) + line(header, widths, box)
    // A table without rows closes right under the header.
    guard !body.isEmpty else { return out + rule(widths, box.bottom) }
    out += rule(widths, box.middle)
    for row in body { out += line(row, widths, box) }
    return out + rule(widths, box.bottom)
  }

  /// Column widths narrowed, widest first, until the table (with `| ` and ` |` around every
  /// cell) fits in `limit` columns; no column goes below 3 (one character and `…`).
  package static func fitting(_ widths: [Int], into limit: Int) -> [Int] {
    var widths = widths
    let borders = 3 * widths.count + 1
    let minimum = 3
    while widths.reduce(borders, +) > limit {
      guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > minimum else {
        break
      }
      let excess = widths.reduce(borders, +) - limit
      let second = widths.enumerated().filter { $0.offset != widest }.map(\.element).max() ?? minimum
      widths[widest] -= max(1, min(excess, widths[widest] - max(second, minimum)))
    }
    return widths
  }

  /// `text` cut to `width` display columns, ending in `…` when something was cut.
  package static func truncated(_ text: String, to width: Int) -> String {
    guard text.displayWidth > width else { return text }
    var out = ""
    var used = 0
    for character in text {
      let next = character.displayWidth
      if used + next > width - 1 { break }
      out.append(character)
      used += next
    }
    return out + "…"
  }

  /// The border characters of one style: left, joint and right corners of each rule.
  private struct Box {
    let horizontal: Character
    let vertical: Character
    let top: (Character, Character, Character)
    let middle: (Character, Character, Character)
    let bottom: (Character, Character, Character)

    init(_ style: Style) {
      switch style {
      case .unicode:
        horizontal = "─"
        vertical = "│"
        top = ("┌", "┬", "┐")
        middle = ("├", "┼", "┤")
        bottom = ("└", "┴", "┘")
      case .ascii:
        horizontal = "-"
        vertical = "|"
        top = ("+", "+", "+")
        middle = top
        bottom = top
      }
    }
  }

  private func rule(_ widths: [Int], _ corners: (Character, Character, Character)) -> String {
    let horizontal = Box(style).horizontal
    let segments = widths.map { String(repeating: horizontal, count: $0 + 2) }
    return String(corners.0) + segments.joined(separator: String(corners.1)) + String(corners.2)
      + "\n"
  }

  private func line(_ cells: [String], _ widths: [Int], _ box: Box) -> String {
    let bar = String(box.vertical)
    let padded = zip(cells, widths).map { cell, width in
      " " + cell + String(repeating: " ", count: width - cell.displayWidth) + " "
    }
    return bar + padded.joined(separator: bar) + bar + "\n"
  }
}

extension String {
  /// The number of terminal columns the text takes: two for wide East Asian characters and
  /// emoji, none for combining marks and zero-width characters, one otherwise.
  package var displayWidth: Int {
    reduce(0) { $0 + $1.displayWidth }
  }
}

extension Character {
  /// Terminal columns of one grapheme cluster; see `String.displayWidth`.
  package var displayWidth: Int {
    guard let first = unicodeScalars.first else { return 0 }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    if first.properties.isEmojiPresentation { return 2 }
    if unicodeScalars.contains("\u{FE0F}") && first.properties.isEmoji { return 2 }
    return Self.isWide(first.value) ? 2 : 1
  }

  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
