import Foundation
import NEREContracts
import NEREKafka
import NEREPipeline

extension InboundEvent {
    /// A `nere.study-events` record as the pipeline takes it: decoded and validated here, so a
    /// record that is not a valid StudySession (including a null value, which a delete-policy
    /// topic should never carry) reaches the dead-letter queue with its reason.
    init(_ message: KafkaConsumerMessage, now: Timestamp) {
        let payload = message.value ?? []
        let decoded: SessionDecoding = message.value == nil
            ? .rejected(ContractViolation(field: "", reason: .missing, detail: "the record has no value (null payload)"))
            : SessionDecoding(json: payload, now: now)
        self.init(origin: EventOrigin(topic: message.topic, partition: Int(message.partition), offset: message.offset),
                  key: message.key, payload: Data(payload), decoded: decoded)
    }
}
