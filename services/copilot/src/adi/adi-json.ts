import { adiSectionSnapshotSchema, adiSnapshotSchema, type AdiSectionSnapshot, type AdiSnapshot } from '@marketswarm/shared/dto';

/**
 * The JSON payload, checked against the published contract on the way out: a builder defect
 * becomes a 500 here instead of a payload that breaks the readers who trust the schema id and version.
 */
export function adiJson(snapshot: AdiSnapshot): AdiSnapshot {
  return adiSnapshotSchema.parse(snapshot);
}

export function adiSectionJson(snapshot: AdiSectionSnapshot): AdiSectionSnapshot {
  return adiSectionSnapshotSchema.parse(snapshot);
}
