/// Size and time bounds shared by every payload. The JSON Schemas in `topics/` state the
/// same numbers; `SchemaAgreementTests` keeps the two in step.
public enum ContractLimits {
    /// Kafka's default `message.max.bytes` is 1 MB; anything larger is a producer bug.
    public static let maxPayloadBytes = 1 << 20
    public static let maxIDBytes = 256
    /// Free-text labels (platform, study mode, language codes) are short by nature.
    public static let maxLabelBytes = 64
    public static let maxTitleBytes = 1024
    public static let maxTextBytes = 4096
    public static let maxTerms = 10_000
    public static let contentVectorDimensions = 128
    /// Clock skew between devices is minutes; a day ahead is a broken clock.
    public static let futureToleranceSeconds: Int64 = 86_400
    /// Nothing in this system predates 2000; earlier timestamps are zeroed or garbled clocks.
    public static let earliestTimestamp = Timestamp(microsecondsSinceEpoch: 946_684_800_000_000)
    public static let minimumUserAge = 13
    public static let maximumUserAge = 130
}
