import Testing
@testable import NEREContracts

@Suite("IP anonymisation")
struct IPAddressPrefixTests {
    @Test(arguments: [
        ("203.0.113.57", "203.0.113.0"),
        ("10.0.0.255", "10.0.0.0"),
        ("0.0.0.0", "0.0.0.0"),
        ("2001:db8:85a3:1234:5678:8a2e:370:7334", "2001:db8:85a3::"),
        ("2001:DB8:85A3::1", "2001:db8:85a3::"),
        ("fe80::1", "fe80::"),
        ("::1", "::"),
        ("::ffff:192.0.2.128", "::"),
    ])
    func keepsTheNetworkPrefix(_ address: String, _ prefix: String) {
        #expect(IPAddressPrefix.anonymise(address) == prefix)
    }

    @Test(arguments: ["", "not-an-ip", "203.0.113", "203.0.113.256", "203.0.113.057", "203.0.113.57/24", "fe80::1%eth0",
                      "2001:db8::85a3::1", " 203.0.113.57", "203.0.113.57\n"])
    func refusesWhatIsNotAnAddress(_ text: String) {
        #expect(IPAddressPrefix.anonymise(text) == nil)
    }
}
