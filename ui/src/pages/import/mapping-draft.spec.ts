import { describe, expect, it } from 'vitest';
import { genericCsvMappingSchema } from '@marketswarm/shared/dto';
import { sampleCsv } from './csv-sample';
import { checkDraft, draftFromMapping, guessDraft, guessSide, mappingInput, sameMapping, withColumn, type MappingDraft } from './mapping-draft';

// TradeNote's template: the journal's own generic CSV fixture, as a trader would drop it.
const TRADENOTE = [
  'Account,T/D,S/D,Currency,Type,Side,Symbol,Qty,Price,Exec Time,Comm,SEC,TAF,NSCC,Nasdaq,ECN Remove,ECN Add,Gross Proceeds,Net Proceeds,Clr Broker,Liq,Note',
  'TR1,12/01/2026,12/03/2026,USD,stock,SS,NVDA,100,140.25,09:31:02,1,0.02,0.01,0,0,0.3,0,14025,14023.67,,,',
  'TR1,12/01/2026,12/03/2026,USD,stock,BC,NVDA,100,139.75,10:02:41,1,0,0,0,0,0.3,0,-13975,-13976.3,,,',
  'TR1,12/01/2026,12/03/2026,USD,stock,B,AAPL,50,230.1,11:00:00,1,0,0,0,0,0,0,-11505,-11506,,,',
  'TR1,12/01/2026,12/03/2026,USD,stock,S,AAPL,50,231,11:45:10,1,0.01,0,0,0,0,0,11550,11548.99,,,',
].join('\n');

describe(guessDraft.name, () => {
  it('maps the columns whose names say what they hold and the usual side codes', () => {
    const draft = guessDraft(sampleCsv(TRADENOTE));
    expect(draft.columns).toMatchObject({ account: 'Account', date: 'T/D', time: 'Exec Time', symbol: 'Symbol', side: 'Side', quantity: 'Qty', price: 'Price', currency: 'Currency', kind: 'Type', orderId: '' });
    expect(draft.fees.commission).toEqual(['Comm']);
    expect(draft.dateFormat).toBe('MM/DD/YYYY');
    expect(draft.sides).toEqual({ SS: 'sell:open', BC: 'buy:close', B: 'buy:unknown', S: 'sell:unknown' });
    expect(draft.kinds).toEqual({ stock: 'stock' });
  });

  it('reads ISO dates as YYYY-MM-DD and leaves unusual codes for the trader', () => {
    const draft = guessDraft(sampleCsv('Date,Action,Ticker,Shares,Fill Price\n2026-12-01 09:30:00,LONG-ENTRY,SPY,1,600\n'));
    expect(draft.dateFormat).toBe('YYYY-MM-DD');
    expect(draft.columns).toMatchObject({ date: 'Date', side: 'Action', symbol: 'Ticker', quantity: 'Shares', price: 'Fill Price' });
    expect(draft.sides).toEqual({ 'LONG-ENTRY': '' });
  });

  it('knows the common spellings of side codes', () => {
    expect([guessSide('bot'), guessSide('SLD'), guessSide('Sell Short'), guessSide('buy_to_cover'), guessSide('STC'), guessSide('?')]).toEqual(['buy:unknown', 'sell:unknown', 'sell:open', 'buy:close', 'sell:close', '']);
  });
});

describe(checkDraft.name, () => {
  const sample = sampleCsv(TRADENOTE);

  it('turns a complete draft into a mapping the shared schema accepts, fees added up from several columns', () => {
    const draft: MappingDraft = { ...guessDraft(sample), name: 'tradezero', fees: { commission: ['Comm'], exchangeFee: ['SEC', 'TAF', 'Nasdaq', 'ECN Remove', 'ECN Add'], clearingFee: ['NSCC'] } };
    const check = checkDraft(draft, sample);
    expect(check).toEqual({
      ok: true,
      mapping: {
        name: 'tradezero',
        columns: { account: 'Account', date: 'T/D', time: 'Exec Time', symbol: 'Symbol', side: 'Side', quantity: 'Qty', price: 'Price', currency: 'Currency', kind: 'Type', commission: ['Comm'], exchangeFee: ['SEC', 'TAF', 'Nasdaq', 'ECN Remove', 'ECN Add'], clearingFee: ['NSCC'] },
        dateFormat: 'MM/DD/YYYY',
        sides: { SS: { side: 'sell', positionEffect: 'open' }, BC: { side: 'buy', positionEffect: 'close' }, B: { side: 'buy', positionEffect: 'unknown' }, S: { side: 'sell', positionEffect: 'unknown' } },
        kinds: { stock: 'stock' },
      },
    });
    // What the wizard sends inline is exactly what the journal parses.
    expect(genericCsvMappingSchema.parse(JSON.parse(JSON.stringify(mappingInput(draft))))).toEqual(check.ok && check.mapping);
  });

  it('names each field still missing, on the path the journal would name', () => {
    const draft = withColumn(withColumn(guessDraft(sample), sample, 'price', ''), sample, 'date', '');
    const check = checkDraft({ ...draft, name: 'Trade Zero', sides: { ...draft.sides, SS: '' } }, sample);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.issues).toEqual([
      { path: 'columns.date', message: 'choose the column that holds the date (or date and time)' },
      { path: 'columns.price', message: 'choose the column that holds the price' },
      { path: 'sides.SS', message: 'choose what "SS" means' },
      { path: 'name', message: 'must be a lower-case slug such as "ibkr"' },
    ]);
  });

  it('refuses a saved mapping that names columns this file lacks', () => {
    const draft = draftFromMapping({ name: 'other', columns: { date: 'When', symbol: 'Symbol', side: 'Side', quantity: 'Qty', price: 'Price', commission: ['Comm', 'Fee'] }, dateFormat: 'MM/DD/YYYY', sides: { B: { side: 'buy', positionEffect: 'unknown' } } });
    const check = checkDraft(draft, sample);
    expect(!check.ok && check.issues).toEqual([
      { path: 'columns.date', message: 'the file has no column "When"' },
      { path: 'columns.commission', message: 'the file has no column "Fee"' },
      { path: 'sides.SS', message: 'choose what "SS" means' },
      { path: 'sides.BC', message: 'choose what "BC" means' },
      { path: 'sides.S', message: 'choose what "S" means' },
    ]);
  });

  it('asks for the instrument kind of every value of a mapped kind column', () => {
    const futures = sampleCsv('Date,Side,Symbol,Qty,Price,Kind\n12/01/2026,B,/MESZ6,1,6000,FUT\n12/01/2026,S,/MESZ6,1,6001,Fx\n');
    const check = checkDraft(guessDraft(futures), futures);
    expect(!check.ok && check.issues).toEqual([{ path: 'kinds.Fx', message: 'choose the instrument kind of "Fx"' }]);
  });
});

describe(sameMapping.name, () => {
  it('sees a saved mapping loaded into the editor as unchanged until a field changes', () => {
    const saved = { name: 'tradezero', columns: { date: 'T/D', time: 'Exec Time', symbol: 'Symbol', side: 'Side', quantity: 'Qty', price: 'Price', commission: ['Comm'] }, dateFormat: 'MM/DD/YYYY' as const, sides: { B: { side: 'buy' as const, positionEffect: 'unknown' as const } } };
    const draft = draftFromMapping(saved);
    expect(sameMapping(mappingInput(draft), saved)).toBe(true);
    expect(sameMapping(mappingInput({ ...draft, dateFormat: 'YYYY-MM-DD' }), saved)).toBe(false);
    expect(sameMapping(mappingInput({ ...draft, sides: { ...draft.sides, S: 'sell:unknown' } }), saved)).toBe(false);
  });
});

describe(withColumn.name, () => {
  it('brings the codes of a newly chosen side column, keeping meanings already chosen', () => {
    const sample = sampleCsv('Side,B/S,Symbol\nB,BOT,SPY\nX,SLD,SPY\n');
    const draft = { ...guessDraft(sample), sides: { X: 'sell:close' as const } };
    expect(withColumn(draft, sample, 'side', 'Side').sides).toEqual({ B: 'buy:unknown', X: 'sell:close' });
    expect(withColumn(draft, sample, 'side', 'B/S').sides).toEqual({ X: 'sell:close', BOT: 'buy:unknown', SLD: 'sell:unknown' });
  });
});
