import type { AlertDto, LogSavedPositionBody, SavedPositionDto } from '@marketswarm/shared/dto';
import { createAlert } from '../../alerts-api/alerts-api';
import { submitErrors, type FieldErrors } from '../../auth/form-issues';
import { checkSave, levelAlertBody, type RiskLevelSource } from '../../risk/risk-forms';
import { savedBodyFromWhatIf } from '../../risk/risk-position';
import { createSavedPosition, deleteSavedPosition, logSavedPosition, updateSavedPosition, type LoggedTrade } from '../../risk/saved-positions-api';
import type { WhatIfPosition, WhatIfStore } from '../../risk/what-if-store';

/** What a form shows after a submit: nothing (done), or messages per field and one line. */
export type Outcome<T = void> = { ok: true; value: T } | { ok: false; fields: FieldErrors; message: string };

/** What the risk graph's rows and markers do; the panel wires them to the journal, specs to fakes. */
export interface RiskActions {
  save(p: WhatIfPosition, name: string): Promise<Outcome<SavedPositionDto>>;
  rename(id: string, name: string): Promise<Outcome<SavedPositionDto>>;
  remove(id: string): Promise<Outcome>;
  log(id: string, body: Partial<LogSavedPositionBody>): Promise<Outcome<LoggedTrade>>;
  /** A price alert at a breakeven or at a level the trader clicked on the graph. */
  levelAlert(symbol: string, level: number, liveSpot: number | undefined, source: RiskLevelSource, positionIds: readonly string[]): Promise<Outcome<AlertDto>>;
}

async function attempt<T>(fields: readonly string[], run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, ...submitErrors(error, fields) };
  }
}

/**
 * The journal-backed actions. The server's answer goes into the book at once; the `risk-graph`
 * topic then brings the same list to every tab (this one included), so nothing waits on the stream.
 */
export function journalRiskActions(book: WhatIfStore): RiskActions {
  return {
    async save(p, name) {
      const checked = checkSave(savedBodyFromWhatIf(p, name));
      if (!checked.ok) return { ok: false, fields: checked.errors, message: 'Check the name.' };
      const outcome = await attempt(['name'], () => createSavedPosition(checked.body));
      if (outcome.ok) {
        book.upsertSaved(outcome.value);
        // Saved, it is drawn as a saved position; keeping the what-if too would count it twice.
        book.remove(p.id);
      }
      return outcome;
    },
    async rename(id, name) {
      const outcome = await attempt(['name'], () => updateSavedPosition(id, { name: name.trim() }));
      if (outcome.ok) book.upsertSaved(outcome.value);
      return outcome;
    },
    async remove(id) {
      const outcome = await attempt([], () => deleteSavedPosition(id));
      if (outcome.ok) book.removeSaved(id);
      return outcome;
    },
    log: (id, body) => attempt(['commission', ...Array.from({ length: 8 }, (_, i) => `prices.${i}`)], () => logSavedPosition(id, body)),
    levelAlert: (symbol, level, liveSpot, source, positionIds) => attempt([], () => createAlert(levelAlertBody(symbol, level, liveSpot, source, positionIds))),
  };
}
