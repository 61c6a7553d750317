/// A city that schools and learners live in. The paper maps IP addresses to latitude and
/// longitude "with the intuition that students in close proximity may be studying similar
/// sets", so location has to carry signal: every class sits in one locality.
struct Locality: Sendable {
    var name: String
    var latitude: Double
    var longitude: Double
    /// Standard time; daylight saving would move evening study by an hour, which nothing
    /// downstream can tell apart from ordinary jitter.
    var utcOffsetMinutes: Int
    /// Relative share of learners; the study site this imitates is mostly used in the US.
    var weight: Double
}

enum Localities {
    static let all: [Locality] = [
        Locality(name: "New York", latitude: 40.71, longitude: -74.01, utcOffsetMinutes: -300, weight: 9),
        Locality(name: "Los Angeles", latitude: 34.05, longitude: -118.24, utcOffsetMinutes: -480, weight: 7),
        Locality(name: "Chicago", latitude: 41.88, longitude: -87.63, utcOffsetMinutes: -360, weight: 5),
        Locality(name: "Houston", latitude: 29.76, longitude: -95.37, utcOffsetMinutes: -360, weight: 4),
        Locality(name: "Phoenix", latitude: 33.45, longitude: -112.07, utcOffsetMinutes: -420, weight: 3),
        Locality(name: "Philadelphia", latitude: 39.95, longitude: -75.17, utcOffsetMinutes: -300, weight: 3),
        Locality(name: "San Antonio", latitude: 29.42, longitude: -98.49, utcOffsetMinutes: -360, weight: 2),
        Locality(name: "San Diego", latitude: 32.72, longitude: -117.16, utcOffsetMinutes: -480, weight: 2),
        Locality(name: "Dallas", latitude: 32.78, longitude: -96.80, utcOffsetMinutes: -360, weight: 3),
        Locality(name: "Austin", latitude: 30.27, longitude: -97.74, utcOffsetMinutes: -360, weight: 2),
        Locality(name: "Seattle", latitude: 47.61, longitude: -122.33, utcOffsetMinutes: -480, weight: 2),
        Locality(name: "Denver", latitude: 39.74, longitude: -104.99, utcOffsetMinutes: -420, weight: 2),
        Locality(name: "Boston", latitude: 42.36, longitude: -71.06, utcOffsetMinutes: -300, weight: 2),
        Locality(name: "Atlanta", latitude: 33.75, longitude: -84.39, utcOffsetMinutes: -300, weight: 3),
        Locality(name: "Miami", latitude: 25.76, longitude: -80.19, utcOffsetMinutes: -300, weight: 2),
        Locality(name: "Minneapolis", latitude: 44.98, longitude: -93.27, utcOffsetMinutes: -360, weight: 1.5),
        Locality(name: "Portland", latitude: 45.52, longitude: -122.68, utcOffsetMinutes: -480, weight: 1.5),
        Locality(name: "Salt Lake City", latitude: 40.76, longitude: -111.89, utcOffsetMinutes: -420, weight: 1),
        Locality(name: "Nashville", latitude: 36.16, longitude: -86.78, utcOffsetMinutes: -360, weight: 1),
        Locality(name: "Columbus", latitude: 39.96, longitude: -83.00, utcOffsetMinutes: -300, weight: 1.5),
        Locality(name: "Toronto", latitude: 43.65, longitude: -79.38, utcOffsetMinutes: -300, weight: 3),
        Locality(name: "Vancouver", latitude: 49.28, longitude: -123.12, utcOffsetMinutes: -480, weight: 1.5),
        Locality(name: "Montreal", latitude: 45.50, longitude: -73.57, utcOffsetMinutes: -300, weight: 1.5),
        Locality(name: "Mexico City", latitude: 19.43, longitude: -99.13, utcOffsetMinutes: -360, weight: 1.5),
        Locality(name: "London", latitude: 51.51, longitude: -0.13, utcOffsetMinutes: 0, weight: 4),
        Locality(name: "Manchester", latitude: 53.48, longitude: -2.24, utcOffsetMinutes: 0, weight: 1.5),
        Locality(name: "Dublin", latitude: 53.35, longitude: -6.26, utcOffsetMinutes: 0, weight: 1),
        Locality(name: "Paris", latitude: 48.86, longitude: 2.35, utcOffsetMinutes: 60, weight: 1.5),
        Locality(name: "Lyon", latitude: 45.76, longitude: 4.84, utcOffsetMinutes: 60, weight: 0.5),
        Locality(name: "Berlin", latitude: 52.52, longitude: 13.40, utcOffsetMinutes: 60, weight: 1.5),
        Locality(name: "Munich", latitude: 48.14, longitude: 11.58, utcOffsetMinutes: 60, weight: 0.7),
        Locality(name: "Madrid", latitude: 40.42, longitude: -3.70, utcOffsetMinutes: 60, weight: 1),
        Locality(name: "Amsterdam", latitude: 52.37, longitude: 4.90, utcOffsetMinutes: 60, weight: 0.7),
        Locality(name: "Johannesburg", latitude: -26.20, longitude: 28.05, utcOffsetMinutes: 120, weight: 0.5),
        Locality(name: "Mumbai", latitude: 19.08, longitude: 72.88, utcOffsetMinutes: 330, weight: 1),
        Locality(name: "Singapore", latitude: 1.35, longitude: 103.82, utcOffsetMinutes: 480, weight: 0.7),
        Locality(name: "Sydney", latitude: -33.87, longitude: 151.21, utcOffsetMinutes: 600, weight: 2),
        Locality(name: "Melbourne", latitude: -37.81, longitude: 144.96, utcOffsetMinutes: 600, weight: 1.5),
        Locality(name: "Auckland", latitude: -36.85, longitude: 174.76, utcOffsetMinutes: 720, weight: 0.7),
    ]

    static let choice = WeightedChoice(all.map(\.weight))
}
