import type { APIRequestContext } from 'playwright-core';
import type { GenericCsvMappingInput, ImportResultDto, TradeLogDto } from '@marketswarm/shared/dto';

const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'META', 'TSLA', 'AMD', 'GOOG'] as const;

/** The generated file's columns, read through the generic CSV importer like any broker nobody wrote an importer for. */
const MAPPING: GenericCsvMappingInput = {
  name: 'bench',
  columns: { date: 'When', symbol: 'Symbol', side: 'Side', quantity: 'Qty', price: 'Price', commission: ['Fee'] },
  dateFormat: 'YYYY-MM-DD',
  sides: { BOT: { side: 'buy', positionEffect: 'open' }, SLD: { side: 'sell', positionEffect: 'close' } },
};

/**
 * `count` closed stock round trips, 40 a trading day from 2025-01-02 on, winners and losers mixed
 * by a fixed sequence so every run seeds the same journal (two rows per trade: open, then close).
 */
export function roundTripsCsv(count: number): string {
  const rows = ['When,Symbol,Side,Qty,Price,Fee'];
  const day = new Date(Date.UTC(2025, 0, 2));
  for (let i = 0; i < count; i++) {
    const slot = i % 40;
    if (i > 0 && slot === 0) {
      do day.setUTCDate(day.getUTCDate() + 1);
      while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
    }
    const date = day.toISOString().slice(0, 10);
    const minute = 9 * 60 + 35 + slot * 9;
    const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
    const symbol = SYMBOLS[i % SYMBOLS.length]!;
    const entry = 100 + ((i * 37) % 400) / 4;
    const move = (((i * 7919) % 61) - 27) / 20;
    const qty = 10 * (1 + (i % 5));
    rows.push(`${date} ${time(minute)},${symbol},BOT,${qty},${entry.toFixed(2)},1.00`);
    rows.push(`${date} ${time(minute + 4)},${symbol},SLD,${qty},${(entry + move).toFixed(2)},1.00`);
  }
  return `${rows.join('\n')}\n`;
}

/** A new log of `count` closed trades for the signed-in user of `api`, imported through nginx as the wizard would. */
export async function seedTradeLog(api: APIRequestContext, csrf: string, count: number): Promise<{ logId: string; trades: number; importMs: number }> {
  const created = await api.post('/api/logs', { data: { name: `bench ${count}` }, headers: { 'x-csrf-token': csrf } });
  if (!created.ok()) throw new Error(`create log: ${created.status()} ${await created.text()}`);
  const logId = ((await created.json()) as TradeLogDto).id;
  const started = performance.now();
  const res = await api.post(`/api/logs/${logId}/import`, {
    headers: { 'x-csrf-token': csrf },
    multipart: {
      file: { name: 'bench.csv', mimeType: 'text/csv', buffer: Buffer.from(roundTripsCsv(count)) },
      mapping: JSON.stringify(MAPPING),
      timeZone: 'America/New_York',
    },
    timeout: 300_000,
  });
  if (!res.ok()) throw new Error(`import: ${res.status()} ${await res.text()}`);
  const result = (await res.json()) as ImportResultDto;
  return { logId, trades: result.trades, importMs: performance.now() - started };
}
