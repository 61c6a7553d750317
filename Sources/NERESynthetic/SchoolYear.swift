/// The calendar every session falls in: one northern-hemisphere school year, fixed in the
/// past so that a consumer checking for future timestamps accepts all of it.
enum SchoolYear {
    /// 2025-09-01T00:00:00Z, a Monday.
    static let firstDaySeconds: Int64 = 1_756_684_800
    /// 2025-09-01 … 2026-06-30.
    static let dayCount = 303
    static let endSeconds = firstDaySeconds + Int64(dayCount) * 86_400
    /// Classes do not meet from 2025-12-20 to 2026-01-04.
    static let winterBreak = 110..<126

    static func weekday(_ day: Int) -> Int { day % 7 }
    static func isWeekend(_ day: Int) -> Bool { weekday(day) >= 5 }

    /// Maps a count of teaching days onto the calendar by skipping the winter break, so that
    /// a syllabus keeps its order across the holidays.
    static func calendarDay(teachingDay: Int) -> Int {
        teachingDay >= winterBreak.lowerBound ? teachingDay + winterBreak.count : teachingDay
    }
}
