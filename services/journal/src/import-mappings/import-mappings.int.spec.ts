import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportMappingDto, ImportResultDto, TradeLogDto } from '@marketswarm/shared/dto';
import type { SignedInAccount } from '@marketswarm/shared/testing';
import { startJournalApp, type JournalApp } from '../testing/journal-app.js';
import { fileForm } from '../testing/journal-fixtures.js';

/** A broker nobody has an importer for: a day's round trip in two rows, with its own column names. */
const CSV = ['When,Ticker,Action,Shares,Fill,Fee', '2026-03-02 10:15:00,AAPL,BOT,100,180.50,1.00', '2026-03-02 11:45:00,AAPL,SLD,100,182.25,1.00'].join('\n');

const MAPPING = {
  name: 'smallbroker',
  columns: { date: 'When', symbol: 'Ticker', side: 'Action', quantity: 'Shares', price: 'Fill', commission: ['Fee'] },
  dateFormat: 'YYYY-MM-DD',
  sides: { BOT: { side: 'buy', positionEffect: 'open' }, SLD: { side: 'sell', positionEffect: 'close' } },
};

const upload = (fields: Record<string, string>): FormData => fileForm(CSV, 'smallbroker.csv', { type: 'text/csv', fields });

describe('saved import mappings and generic CSV imports', () => {
  let journal: JournalApp;
  let alice: SignedInAccount;
  let bob: SignedInAccount;
  let log: string;

  beforeAll(async () => {
    journal = await startJournalApp();
    alice = await journal.account('mapper-alice@test.dev');
    bob = await journal.account('mapper-bob@test.dev');
    log = (await journal.call<TradeLogDto>(alice, 'POST', '/api/logs', { name: 'Generic' })).body.id;
  });
  afterAll(() => journal.stop());

  it('saves a mapping by name, lists it with its defaults filled, and refuses a second of the same name', async () => {
    const created = await journal.call<ImportMappingDto>(alice, 'POST', '/api/journal/import-mappings', { name: 'Small broker', mapping: MAPPING });
    expect(created.status).toBe(201);
    expect(created.body.mapping.columns.exchangeFee).toEqual([]);
    const list = await journal.call<{ mappings: ImportMappingDto[] }>(alice, 'GET', '/api/journal/import-mappings');
    expect(list.body.mappings.map((m) => m.name)).toEqual(['Small broker']);
    const again = await journal.call(alice, 'POST', '/api/journal/import-mappings', { name: 'Small broker', mapping: MAPPING });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ issues: [{ path: 'name' }] });
  });

  it('names the mapping field it refuses', async () => {
    const bad = await journal.call(alice, 'POST', '/api/journal/import-mappings', { name: 'Bad', mapping: { ...MAPPING, dateFormat: 'DD.MM.YYYY' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ issues: [{ path: 'mapping.dateFormat' }] });
  });

  it('imports a file through a saved mapping named by mappingId: one closed AAPL trade, commissions included', async () => {
    const saved = (await journal.call<{ mappings: ImportMappingDto[] }>(alice, 'GET', '/api/journal/import-mappings')).body.mappings[0];
    const result = await journal.call<ImportResultDto>(alice, 'POST', `/api/logs/${log}/import`, upload({ mappingId: saved?.id ?? '', timeZone: 'America/New_York' }));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ format: 'generic-csv', broker: 'smallbroker', executions: 2, trades: 1, skipped: [] });
    const trades = await journal.call<{ trades: { symbol: string; status: string; net: number }[] }>(alice, 'GET', `/api/logs/${log}/trades`);
    // (182.25 − 180.50) × 100 − 2 × 1.00 = 173.
    expect(trades.body.trades).toMatchObject([{ symbol: 'AAPL', status: 'closed', net: 173 }]);
  });

  it('previews a file through a mapping sent inline, and names a bad inline mapping by its path', async () => {
    const preview = await journal.call<ImportResultDto>(alice, 'POST', `/api/logs/${log}/import?dryRun=true`, upload({ mapping: JSON.stringify({ ...MAPPING, name: 'inline' }) }));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, format: 'generic-csv', broker: 'inline' });
    const notJson = await journal.call(alice, 'POST', `/api/logs/${log}/import?dryRun=true`, upload({ mapping: '{columns' }));
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ issues: [{ path: 'mapping', message: 'must be a JSON column mapping' }] });
    const missingColumn = await journal.call(alice, 'POST', `/api/logs/${log}/import?dryRun=true`, upload({ mapping: JSON.stringify({ ...MAPPING, columns: { ...MAPPING.columns, price: undefined } }) }));
    expect(missingColumn.status).toBe(400);
    expect(missingColumn.body).toMatchObject({ issues: [{ path: 'mapping.columns.price' }] });
  });

  it('asks for a mapping when the generic CSV format is chosen without one', async () => {
    const result = await journal.call(alice, 'POST', `/api/logs/${log}/import?dryRun=true`, upload({ broker: 'generic-csv' }));
    expect(result.status).toBe(422);
    expect(JSON.stringify(result.body)).toContain('send mapping or mappingId');
  });

  it('answers another user\'s mapping as one that does not exist, on every route and as a mappingId', async () => {
    const saved = (await journal.call<{ mappings: ImportMappingDto[] }>(alice, 'GET', '/api/journal/import-mappings')).body.mappings[0]?.id ?? '';
    expect((await journal.call(bob, 'GET', `/api/journal/import-mappings/${saved}`)).status).toBe(404);
    expect((await journal.call(bob, 'PUT', `/api/journal/import-mappings/${saved}`, { name: 'Mine', mapping: MAPPING })).status).toBe(404);
    expect((await journal.call(bob, 'DELETE', `/api/journal/import-mappings/${saved}`)).status).toBe(404);
    expect((await journal.call<{ mappings: unknown[] }>(bob, 'GET', '/api/journal/import-mappings')).body.mappings).toEqual([]);
    const bobLog = (await journal.call<TradeLogDto>(bob, 'POST', '/api/logs', { name: 'Bob' })).body.id;
    const borrowed = await journal.call(bob, 'POST', `/api/logs/${bobLog}/import?dryRun=true`, upload({ mappingId: saved }));
    expect(borrowed.status).toBe(404);
    expect(borrowed.body).toMatchObject({ issues: [{ path: 'mappingId' }] });
  });

  it('renames and deletes a saved mapping', async () => {
    const saved = (await journal.call<{ mappings: ImportMappingDto[] }>(alice, 'GET', '/api/journal/import-mappings')).body.mappings[0]?.id ?? '';
    const renamed = await journal.call<ImportMappingDto>(alice, 'PUT', `/api/journal/import-mappings/${saved}`, { name: 'Small broker (2026)', mapping: MAPPING });
    expect(renamed.body.name).toBe('Small broker (2026)');
    expect((await journal.call(alice, 'DELETE', `/api/journal/import-mappings/${saved}`)).status).toBe(204);
    expect((await journal.call(alice, 'GET', `/api/journal/import-mappings/${saved}`)).status).toBe(404);
  });
});
