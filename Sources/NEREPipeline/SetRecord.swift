import NEREContracts

/// One record of `nere.sets` (a compacted topic keyed by set id), or one line of a sets file:
/// a new or edited set, or a tombstone (null payload) for a deleted one.
public enum SetRecord: Sendable, Hashable {
    case published(StudySet)
    case deleted(setID: String)
}
