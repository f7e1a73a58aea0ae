// Temporal values end to end: parsing ISO text and maps, printing, accessors, arithmetic,
// durations between values, truncation, comparison and ORDER BY, storage as properties.
import Quiver
import Testing

/// The ISO text of the temporal value `expression` evaluates to.
private func text(_ expression: String) throws -> String? {
  guard case .temporal(let t) = try value(expression) else { return nil }
  return t.description
}

@Suite struct TemporalTests {
  @Test func parsesDatesInEveryForm() throws {
    #expect(try text("date('2015-07-21')") == "2015-07-21")
    #expect(try text("date('20150721')") == "2015-07-21")
    #expect(try text("date('2015-W30-2')") == "2015-07-21")
    #expect(try text("date('2015W30')") == "2015-07-20")
    #expect(try text("date('2015-202')") == "2015-07-21")
    #expect(try text("date('2015')") == "2015-01-01")
    #expect(try text("date('+999999999-12-31')") == "+999999999-12-31")
  }

  @Test func parsesTimesAndZones() throws {
    #expect(try text("localtime('214032.142')") == "21:40:32.142")
    #expect(try text("time('2140-00:00')") == "21:40Z")
    #expect(try text("time('22+18:00')") == "22:00+18:00")
    #expect(try text("datetime('2015-W30T2140-02')") == "2015-07-20T21:40-02:00")
    #expect(try text("datetime('2015-07-21T21:40:32.142[Europe/London]')") == "2015-07-21T21:40:32.142+01:00[Europe/London]")
    #expect(try text("localdatetime('2015202T21')") == "2015-07-21T21:00")
  }

  @Test func buildsFromMaps() throws {
    #expect(try text("date({year: 1984, quarter: 3, dayOfQuarter: 45})") == "1984-08-14")
    #expect(try text("datetime({year: 1817, week: 1})") == "1816-12-30T00:00Z")
    #expect(try text("localtime({hour: 12, minute: 31, second: 14, nanosecond: 789, millisecond: 123, microsecond: 456})") == "12:31:14.123456789")
    #expect(try text("time({hour: 12, minute: 34, second: 56, timezone: '-02:05:07'})") == "12:34:56-02:05:07")
    #expect(try text("date({date: date('1984-11-11'), quarter: 3})") == "1984-08-11")
    #expect(
      try text("datetime({datetime: datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: 'Europe/Stockholm'}), timezone: '+05:00'})")
        == "1984-10-11T16:00+05:00")
    #expect(try value("date(null)").isNull)
  }

  @Test func printsDurations() throws {
    #expect(try text("duration({months: 0.75})") == "P22DT19H51M49.5S")
    #expect(try text("duration({seconds: -60, milliseconds: -1})") == "PT-1M-0.001S")
    #expect(try text("duration({seconds: -2, milliseconds: 1})") == "PT-1.999S")
    #expect(try text("duration('P2012-02-02T14:37:21.545')") == "P2012Y2M2DT14H37M21.545S")
    #expect(try text("duration('P0D')") == "PT0S")
    guard case .temporal(let d) = try value("duration('PT-0.4S')") else { Issue.record("not temporal"); return }
    #expect(d.kind == .duration && d.seconds == -1 && d.nanoseconds == 600_000_000)
  }

  @Test func readsComponents() throws {
    let db = try Database()
    let r = try db.execute(
      "WITH datetime({year: 1984, month: 11, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: 'Europe/Stockholm'}) AS d "
        + "RETURN d.week, d.dayOfWeek, d.ordinalDay, d.timezone, d.offsetMinutes, d.epochMillis").rows[0]
    #expect(r.map(\.description) == ["45", "7", "316", "'Europe/Stockholm'", "60", "469020674645"])
    #expect(try value("duration({years: 1, months: 4, days: 10}).monthsOfYear").intValue == 4)
  }

  @Test func addsAndSubtractsDurations() throws {
    let big = "duration({years: 12.5, months: 5.5, days: 14.5, hours: 16.5, minutes: 12.5, seconds: 70.5, nanoseconds: 3})"
    #expect(try text("date('1984-10-11') + \(big)") == "1997-10-11")
    #expect(try text("date('1984-10-11') - \(big)") == "1971-10-12")
    #expect(try text("localtime('12:31:14.000000001') - \(big)") == "02:33:00.499999998")
    #expect(try text("date('2015-01-31') + duration('P1M')") == "2015-02-28")
    #expect(try text("duration('P1D') * 1.5") == "P1DT12H")
    #expect(try text("duration('PT1H') + duration('PT30M')") == "PT1H30M")
    #expect(try text("-duration('P1DT1S')") == "P-1DT-1S")
    #expect(try text("datetime('2015-03-29T01:30[Europe/Stockholm]') + duration('PT1H')") == "2015-03-29T03:30+02:00[Europe/Stockholm]")
  }

  @Test func measuresDurationsBetween() throws {
    #expect(try text("duration.between(date('1984-10-11'), datetime('2015-07-21T21:40:32.142+0100'))") == "P30Y9M10DT21H40M32.142S")
    #expect(try text("duration.inMonths(date('2018-07-21'), datetime('2016-07-21T21:40:32.142+0100'))") == "P-1Y-11M")
    #expect(
      try text("duration.inSeconds(datetime({year: 2017, month: 10, day: 29, hour: 0, timezone: 'Europe/Stockholm'}), date({year: 2017, month: 10, day: 30}))")
        == "PT25H")
    #expect(try text("duration.between(date('-999999999-01-01'), date('+999999999-12-31'))") == "P1999999998Y11M30D")
  }

  @Test func truncates() throws {
    #expect(try text("date.truncate('weekYear', date('1984-02-01'), {day: 5})") == "1984-01-05")
    #expect(
      try text("datetime.truncate('hour', datetime('1984-10-11T12:31:14-01:00'), {timezone: 'Europe/Stockholm'})")
        == "1984-10-11T12:00+01:00[Europe/Stockholm]")
    #expect(try text("localtime.truncate('millisecond', localtime('12:31:14.645876123'), {nanosecond: 2})") == "12:31:14.645000002")
  }

  @Test func comparesAndOrders() throws {
    #expect(try value("time('10:00+01:00') < time('09:35Z')").boolValue == true)
    #expect(try value("date('1984-10-11') = date({year: 1984, month: 10, day: 11})").boolValue == true)
    #expect(try value("duration('P1D') < duration('P2D')").isNull)
    let db = try Database()
    let ordered = try db.execute(
      "UNWIND [duration('P1D'), 'a', date('2000-01-01'), localtime('12:00'), datetime('2000-01-01T00:00Z'), [1]] AS x "
        + "RETURN x ORDER BY x").rows.map { $0[0].description }
    #expect(ordered == ["[1]", "2000-01-01T00:00Z", "2000-01-01", "12:00", "P1D", "'a'"])
  }

  @Test func storesTemporalProperties() throws {
    let db = try Database()
    _ = try db.execute("CREATE ({d: date('1984-10-11'), ds: [time('13:00'), time('14:00+01:00')]})")
    let r = try db.execute("MATCH (n) RETURN n.d, n.ds").rows[0]
    #expect(r.map(\.description) == ["1984-10-11", "[13:00Z, 14:00+01:00]"])
    #expect(try value("valueType(localdatetime('2015-07-21T21:40'))").stringValue == "LOCAL DATETIME NOT NULL")
  }
}
