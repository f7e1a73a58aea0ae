// format(value[, pattern]) (Cypher 25): the ISO text of every temporal kind, Java-style pattern
// letters on dates, times and date-times, quoting, and the letters a kind has no field for.
import Quiver
import Testing

@Suite struct TemporalFormatTests {
  private func value(_ expression: String) throws -> Value {
    try Database().execute("RETURN \(expression) AS v").rows[0][0]
  }

  private static let paris = "datetime('2024-03-05T07:08:09.123456789+01:00[Europe/Paris]')"

  @Test(arguments: [
    // Without a pattern: the ISO text toString gives.
    ("format(date('2024-03-05'))", "2024-03-05"),
    ("format(localtime('07:08:09.5'))", "07:08:09.500"),
    ("format(time('07:08+02:00'))", "07:08+02:00"),
    ("format(localdatetime('2024-03-05T07:08'))", "2024-03-05T07:08"),
    ("format(\(paris))", "2024-03-05T07:08:09.123456789+01:00[Europe/Paris]"),
    ("format(duration('P1Y2M3DT4H5.5S'))", "P1Y2M3DT4H5.5S"),
    // Date letters.
    ("format(date('2024-03-05'), 'dd/MM/yyyy')", "05/03/2024"),
    ("format(date('2024-03-05'), 'd M yy')", "5 3 24"),
    ("format(date('2024-03-05'), 'EEE, d MMM uuuu')", "Tue, 5 Mar 2024"),
    ("format(date('2024-03-05'), 'EEEE d MMMM')", "Tuesday 5 March"),
    ("format(date('2024-03-05'), 'EEEEE MMMMM')", "T M"),
    ("format(date('2024-03-05'), 'D DDD Q QQQ QQQQ G GGGG')", "65 065 1 Q1 1st quarter AD Anno Domini"),
    ("format(date('2024-12-31'), 'D Q')", "366 4"),
    // The manual's example: a Tuesday is the 3rd day of a week counted from Sunday.
    ("format(date('1986-11-18'), \"DDD'nd day of the year,' c'rd day of the week'\")", "322nd day of the year, 3rd day of the week"),
    ("format(date('2024-03-03'), 'e ee eee eeee')", "1 01 Sun Sunday"),
    ("format(date('1970-01-01'), 'g')", "40587"),
    // Week fields count weeks from Sunday, week 1 holding January 1st (the US locale's rule).
    ("format(date('2024-03-05'), 'Y w ww W F')", "2024 10 10 2 1"),
    ("format(date('2024-12-29'), 'YYYY-ww YY W')", "2025-01 25 5"),
    ("format(date('2021-01-01'), 'Y w')", "2021 1"),
    ("format(date('2024-03-30'), 'w W F')", "13 5 5"),
    // p pads what follows it with spaces.
    ("format(date('2024-03-05'), \"ppd|pppMMM|ppp'x'\")", " 5|Mar|  x"),
    // Time letters.
    ("format(localtime('23:05:09.1234'), 'HH:mm:ss.SSS')", "23:05:09.123"),
    ("format(localtime('23:05:09.1234'), 'h:mm a, k, K, n')", "11:05 PM, 23, 11, 123400000"),
    ("format(localtime('00:30'), 'hh:mm a k H')", "12:30 AM 24 0"),
    ("format(localtime('00:00:01.002'), 'A N')", "1002 1002000000"),
    // Offsets and zones.
    ("format(\(paris), 'yyyy-MM-dd HH:mm:ss.SSSSSSSSS XXX')", "2024-03-05 07:08:09.123456789 +01:00"),
    ("format(\(paris), 'VV X XX xx Z ZZZZ ZZZZZ O OOOO')", "Europe/Paris +01 +0100 +0100 +0100 GMT+01:00 +01:00 GMT+1 GMT+01:00"),
    ("format(time('10:00Z'), 'X x XXX Z O')", "Z +00 Z +0000 GMT"),
    ("format(datetime('2024-03-05T10:00-05:30'), 'X xxx Z OOOO VV')", "-0530 -05:30 -0530 GMT-05:30 -05:30"),
    // Quoted text, '' for a quote, other characters copied.
    ("format(date('2024-03-05'), \"'Year' yyyy, 'it''s' d'th'\")", "Year 2024, it's 5th"),
    ("format(date('2024-03-05'), \"yyyy''MM\")", "2024'03"),
  ])
  func formatWritesTheFields(expression: String, expected: String) throws {
    #expect(try value(expression).stringValue == expected)
  }

  @Test(arguments: ["format(null)", "format(null, 'yyyy')", "format(date('2024-03-05'), null)"])
  func nullGivesNull(expression: String) throws {
    #expect(try value(expression).isNull)
  }

  /// Durations: within each group (months, days, seconds) the largest named unit takes the whole
  /// group and each smaller one what is left.
  @Test(arguments: [
    ("format(duration('PT90M'), 'h:mm')", "1:30"),
    ("format(duration('PT90M'), 'm')", "90"),
    ("format(duration('PT90M'), 's')", "5400"),
    ("format(duration('P1Y2M'), 'y M')", "1 2"),
    ("format(duration('P1Y2M'), 'MM')", "14"),
    ("format(duration('P1Y5M'), 'y q M')", "1 1 2"),
    ("format(duration('P17D'), 'w d')", "2 3"),
    ("format(duration('P17D'), 'dd')", "17"),
    // Components never cross groups: a month is not turned into days, nor a day into hours.
    ("format(duration('P1M1DT1H'), 'd H')", "1 1"),
    ("format(duration('PT1H2M3.0456S'), \"HH:mm:ss.SSS 'and' n\")", "01:02:03.045 and 45600000"),
    ("format(duration('PT1.5S'), 'A')", "1500"),
    ("format(duration('PT1.5S'), 's A N')", "1 500 0"),
    ("format(duration('PT0.000001234S'), 'N')", "1234"),
    // A negative duration's components are negative.
    ("format(duration('-PT90M'), 'h:mm')", "-1:-30"),
    ("format(duration('PT-0.25S'), 's SS')", "0 25"),
    ("format(duration('P-1Y-2M'), 'y M')", "-1 -2"),
    ("format(duration('P3D'), \"d 'days' ''\")", "3 days '"),
  ])
  func formatsDurations(expression: String, expected: String) throws {
    #expect(try value(expression).stringValue == expected)
  }

  @Test(arguments: [
    ("format(date('2024-03-05'), 'HH')", "InvalidArgumentValue"),
    ("format(localtime('10:00'), 'yyyy')", "InvalidArgumentValue"),
    ("format(localdatetime('2024-03-05T10:00'), 'XXX')", "InvalidArgumentValue"),
    ("format(localtime('10:00'), 'VV')", "InvalidArgumentValue"),
    ("format(date('2024-03-05'), 'yyyy[MM]')", "InvalidArgumentValue"),
    ("format(date('2024-03-05'), 'www')", "InvalidArgumentValue"),
    ("format(date('2024-03-05'), 'WW')", "InvalidArgumentValue"),
    ("format(date('2024-03-05'), 'FF')", "InvalidArgumentValue"),
    ("format(date('2024-03-05'), 'cc')", "InvalidArgumentValue"),
    ("format(localtime('10:00'), 'w')", "InvalidArgumentValue"),
    ("format(\(paris), 'z')", "InvalidArgumentValue"),
    ("format(\(paris), 'vvvv')", "InvalidArgumentValue"),
    ("format(date('2024-03-05'), 'pMMM')", "InvalidArgumentValue"),
    ("format(date('2024-03-05'), 'yyyyp')", "InvalidArgumentValue"),
    ("format(date('2024-03-05'), \"'open\")", "InvalidArgumentValue"),
    ("format(date('2024-03-05'), 'ddd')", "InvalidArgumentValue"),
    ("format(localtime('10:00'), 'SSSSSSSSSS')", "InvalidArgumentValue"),
    ("format(duration('P1D'), 'E')", "InvalidArgumentValue"),
    ("format(duration('P1D'), 'SSSSSSSSSS')", "InvalidArgumentValue"),
    ("format(duration('P1D'), 'dddddddddddddddddddd')", "InvalidArgumentValue"),
    ("format(duration({seconds: 9223372036854775807}), 'N')", "InvalidArgumentValue"),
    ("format(1, 'yyyy')", "InvalidArgumentType"),
    ("format('2024-03-05')", "InvalidArgumentType"),
    ("format(date('2024-03-05'), 3)", "InvalidArgumentType"),
    ("format()", "InvalidNumberOfArguments"),
  ])
  func formatRefusesWhatTheValueLacks(expression: String, code: String) throws {
    #expect(errorCode { _ = try value(expression) } == code)
  }
}
