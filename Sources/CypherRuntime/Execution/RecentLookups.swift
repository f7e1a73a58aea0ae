// Name look-ups a statement repeats on every row, answered without hashing the name.

/// The last few names a statement looked up and what they gave. A plan hands out the same key
/// and parameter strings for every row, and equal strings compare by identity first, so finding
/// one here costs no hashing. A name that gave nothing is not kept: it may exist later.
struct RecentLookups<Found> {
  private var entries: [(name: String, found: Found)] = []
  private static var capacity: Int { 32 }

  /// What `name` gave before, or else what `lookUp` gives now (kept when found).
  mutating func value(of name: String, lookUp: () -> Found?) -> Found? {
    for entry in entries where entry.name == name { return entry.found }
    guard let found = lookUp() else { return nil }
    if entries.count < Self.capacity { entries.append((name, found)) }
    return found
  }
}
