import { promptAlertRuleSchema, type InternalPromptAlertDto, type PromptAlertDto, type PromptAlertStage } from '@marketswarm/shared/dto';
import type { PromptAlertRow } from '../database/journal-db.js';

export function promptAlertJson(row: PromptAlertRow): PromptAlertDto {
  return {
    id: row.id,
    text: row.text,
    // Stored by the service from a parsed rule: the schema only restores its type.
    rule: promptAlertRuleSchema.parse(JSON.parse(row.rule)),
    stage: row.stage as PromptAlertStage,
    stageChangedAt: row.stage_changed_at,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function internalPromptAlertJson(row: PromptAlertRow): InternalPromptAlertDto {
  return { ...promptAlertJson(row), userId: row.user_id };
}
