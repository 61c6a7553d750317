#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// DESIGN §2: an `ip` is only ever kept with its host part dropped. IPv4 keeps its /24
/// (the last octet becomes 0); IPv6 keeps its /48, the usual per-site allocation.
public enum IPAddressPrefix {
    public static func anonymise(_ text: String) -> String? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            var bytes = withUnsafeBytes(of: &v4) { Array($0) }
            bytes[3] = 0
            return bytes.map(String.init).joined(separator: ".")
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            withUnsafeMutableBytes(of: &v6) { raw in
                for i in 6..<16 { raw[i] = 0 }
            }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &v6, &buffer, socklen_t(buffer.count)) != nil else { return nil }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return nil
    }
}
