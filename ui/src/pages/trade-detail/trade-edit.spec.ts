import { describe, expect, it } from 'vitest';
import { trade } from '../../journal-api/testing/journal-fixtures';
import { closeBody, issuesToErrors, legsToClose, notesFieldsOf, notesPatch, parseTagNames } from './trade-edit';

describe('notes, tags and risk', () => {
  const t = trade();

  it('sends only what changed, keeping known tags by id and creating new ones by name', () => {
    expect(notesPatch(t, notesFieldsOf(t))).toBeNull();
    const patch = notesPatch(t, { ...notesFieldsOf(t), notes: 'New plan', tags: 'FOMC, gap fill , fomc' });
    expect(patch).toEqual({ ok: true, body: { notes: 'New plan', tags: [{ id: '33333333-3333-4333-8333-333333333333' }, { name: 'gap fill' }] } });
  });

  it('clears the risk when the field is emptied and refuses one that is not a positive number', () => {
    expect(notesPatch(t, { ...notesFieldsOf(t), risk: '' })).toEqual({ ok: true, body: { risk: null } });
    expect(notesPatch(t, { ...notesFieldsOf(t), risk: '250.5' })).toEqual({ ok: true, body: { risk: 250.5 } });
    expect(notesPatch(t, { ...notesFieldsOf(t), risk: '-3' })).toMatchObject({ ok: false, errors: { risk: 'must be positive' } });
    expect(notesPatch(t, { ...notesFieldsOf(t), risk: 'abc' })).toMatchObject({ ok: false, errors: { risk: expect.any(String) as string } });
  });

  it('reads tag names once each, case-insensitively', () => {
    expect(parseTagNames(' a, ,B,b, c ')).toEqual(['a', 'B', 'c']);
  });
});

describe('closing a trade', () => {
  it('asks a price for each leg still open, or every leg when none says so', () => {
    const open = trade({ status: 'open', closedAt: null });
    expect(legsToClose(open).map((l) => l.id)).toEqual(['leg-1', 'leg-2']);
    const partly = trade({ status: 'open', closedAt: null, legs: trade().legs.map((leg, i) => ({ ...leg, closePrice: i === 0 ? null : leg.closePrice })) });
    expect(legsToClose(partly).map((l) => l.id)).toEqual(['leg-1']);
  });

  it('builds the close body with prices, time and per-contract commission', () => {
    expect(closeBody({ prices: ['0.3', '0.05'], at: '', commission: '' })).toEqual({ ok: true, body: { prices: [0.3, 0.05], commission: 0 } });
    const withTime = closeBody({ prices: ['1'], at: '2026-12-01T15:30', commission: '0.65' });
    expect(withTime).toEqual({ ok: true, body: { prices: [1], at: new Date('2026-12-01T15:30').getTime(), commission: 0.65 } });
  });

  it('names each bad field', () => {
    expect(closeBody({ prices: ['', 'x'], at: 'nonsense', commission: 'y' })).toEqual({
      ok: false,
      errors: { 'prices.0': 'must be a number', 'prices.1': 'must be a number', at: 'must be a date and time', commission: 'must be a number' },
    });
    expect(closeBody({ prices: ['0.1234567'], at: '', commission: '' })).toMatchObject({ ok: false, errors: { 'prices.0': 'must be a decimal number with at most 6 decimals' } });
  });

  it('maps the journal\'s issues to the fields', () => {
    expect(issuesToErrors([{ path: 'prices', message: 'must hold 2 prices' }, { path: '', message: 'x' }])).toEqual({ prices: 'must hold 2 prices', '(root)': 'x' });
  });
});
