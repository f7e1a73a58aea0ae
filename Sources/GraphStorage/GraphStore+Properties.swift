// Property keys of the store: the interner that gives each key name a small id, and the
// conversions between a record's `PropertyMap` and the name-keyed maps of the API and the log.
import GraphCore

extension GraphStore {
  /// The interned id of a property key, or nil when no property of that name was ever stored.
  package func propertyKeyID(_ name: String) -> PropertyKeyID? { propertyKeyIDs[name] }

  /// The name of an interned property key.
  package func propertyKeyName(_ id: PropertyKeyID) -> String { propertyKeyNames[Int(id)] }

  /// Every property key ever stored, for `db.propertyKeys()`.
  package var propertyKeys: [String] { propertyKeyNames }

  /// The interned id of property key `name`, interning it when new (writers that build
  /// `PropertyMap`s themselves, like the bulk importer, call it once per key, not per record).
  package mutating func internPropertyKey(_ name: String) -> PropertyKeyID {
    if let id = propertyKeyIDs[name] { return id }
    let id = PropertyKeyID(propertyKeyNames.count)
    propertyKeyNames.append(name)
    propertyKeyIDs[name] = id
    return id
  }

  /// A record's map for name-keyed `properties`, interning new keys; null values are left out.
  mutating func propertyMap(_ properties: [String: Value]) -> PropertyMap {
    var map = PropertyMap()
    for (k, v) in properties where !v.isNull { map.set(internPropertyKey(k), v) }
    return map
  }

  /// A record's properties by key name.
  package func dictionary(_ map: PropertyMap) -> [String: Value] {
    var out: [String: Value] = [:]
    out.reserveCapacity(map.count)
    for e in map.entries { out[propertyKeyNames[Int(e.key)]] = e.value }
    return out
  }

  /// The value of the property named `name` in a record's map.
  func value(_ map: PropertyMap, _ name: String) -> Value? {
    propertyKeyIDs[name].flatMap { map[$0] }
  }
}
