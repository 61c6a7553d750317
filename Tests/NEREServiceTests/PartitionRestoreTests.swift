@testable import NEREService
import NEREKafka
import Testing

/// Where an assigned partition's windows come from (DESIGN §3).
struct PartitionRestoreTests {
    @Test func theCacheServesWhenNobodyProcessedThePartitionSince() {
        #expect(PartitionOwnership.restore(cachePosition: 120, groupOffset: 100) == .cache(resumeAt: 120),
                "killed after the SQLite commit, before the offset commit: resume from the cache")
        #expect(PartitionOwnership.restore(cachePosition: 100, groupOffset: 100) == .cache(resumeAt: 100))
        #expect(PartitionOwnership.restore(cachePosition: 40, groupOffset: KafkaOffset.invalid) == .cache(resumeAt: 40),
                "no group offset (coordinator unreachable or a new group): the snapshot is consistent")
    }

    @Test func theChangelogServesWhenTheCacheIsBehindOrEmpty() {
        #expect(PartitionOwnership.restore(cachePosition: 80, groupOffset: 100) == .changelog(groupOffset: 100),
                "another instance processed the partition since this cache's snapshot")
        #expect(PartitionOwnership.restore(cachePosition: nil, groupOffset: 100) == .changelog(groupOffset: 100))
        #expect(PartitionOwnership.restore(cachePosition: nil, groupOffset: KafkaOffset.invalid)
                == .changelog(groupOffset: KafkaOffset.invalid), "a first start: nothing anywhere yet")
    }
}
