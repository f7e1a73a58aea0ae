// The stored properties of one node or relationship: values under interned property keys.
import GraphCore


/// A record's properties: values under interned keys in one small array sorted by key. Reading a
/// property follows one pointer from the record and compares integers, where a string-keyed
/// dictionary would hash the key and touch several scattered cache lines.
package struct PropertyMap: Sendable {
  /// One property.
  package struct Entry: Sendable {
    package var key: PropertyKeyID
    package var value: Value
  }

  /// The properties in ascending key order. Null values are never stored.
  package private(set) var entries: [Entry] = []

  package init() {}

  package var isEmpty: Bool { entries.isEmpty }
  package var count: Int { entries.count }

  /// Where `key` is, or where it would be inserted.
  private func position(of key: PropertyKeyID) -> (index: Int, found: Bool) {
    sortedSlot(of: key, count: entries.count) { entries[$0].key }
  }

  /// The value under `key`, or nil when absent.
  package subscript(key: PropertyKeyID) -> Value? {
    let (i, found) = position(of: key)
    // Spelled out: a bare `nil` here would become `Value.null`, which is a literal of `Value` too.
    guard found else { return Optional<Value>.none }
    return entries[i].value
  }

  /// Stores `value` under `key` (a null value removes it); returns the previous value.
  @discardableResult
  package mutating func set(_ key: PropertyKeyID, _ value: Value) -> Value? {
    if value.isNull { return remove(key) }
    let (i, found) = position(of: key)
    if found {
      let old = entries[i].value
      entries[i].value = value
      return old
    }
    // Appending (keys set in ascending order, as loaders do) skips the general insert.
    if i == entries.count {
      entries.append(Entry(key: key, value: value))
    } else {
      entries.insert(Entry(key: key, value: value), at: i)
    }
    return nil
  }

  /// Makes room for `count` properties at once (a loader that knows a record's count).
  package mutating func reserveCapacity(_ count: Int) {
    entries.reserveCapacity(count)
  }

  /// Removes the value under `key`; returns it.
  @discardableResult
  package mutating func remove(_ key: PropertyKeyID) -> Value? {
    let (i, found) = position(of: key)
    guard found else { return nil }
    return entries.remove(at: i).value
  }
}

/// Where `key` is among `count` keys in ascending order (`keyAt(i)` the i-th), or where it would be
/// inserted. Records and tables have few keys: a scan beats a binary search until the list is
/// long.
@inline(__always)
func sortedSlot(of key: PropertyKeyID, count: Int, keyAt: (Int) -> PropertyKeyID) -> (index: Int, found: Bool) {
  if count <= 16 {
    for i in 0..<count where keyAt(i) >= key { return (i, keyAt(i) == key) }
    return (count, false)
  }
  var lo = 0
  var hi = count
  while lo < hi {
    let mid = (lo + hi) / 2
    if keyAt(mid) < key { lo = mid + 1 } else { hi = mid }
  }
  return (lo, lo < count && keyAt(lo) == key)
}
