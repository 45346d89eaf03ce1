import { useId, type FormEvent } from 'react';
import type { TagDto, TradeLogDto } from '@marketswarm/shared/dto';
import { OUTCOMES, SORT_LABELS, TRADE_SORTS, type JournalFilters, type Outcome, type TradeListSort } from '../journal-api/journal-filters';
import './journal-filters.css';

export interface JournalFilterBarProps {
  filters: JournalFilters;
  onChange: (next: JournalFilters) => void;
  logs: readonly TradeLogDto[];
  tags: readonly TagDto[];
  /** The trades page filters by outcome and sorts; analytics does neither. */
  withOutcomeAndSort?: boolean;
  /** What "All logs" means on this page. */
  allLogsLabel?: string;
  /** Which time the dates filter by, said next to them. */
  dateMeaning: string;
}

const textOf = (value: FormDataEntryValue | null): string => (typeof value === 'string' ? value : '');

const OUTCOME_LABELS: Record<Outcome, string> = { win: 'Wins', loss: 'Losses', open: 'Open' };

/**
 * Filters shared by the trades list and analytics. Selects and dates apply at once; symbol and
 * strategy apply on Enter or when the field is left, so typing does not fire a request per key.
 */
export function JournalFilterBar({ filters, onChange, logs, tags, withOutcomeAndSort = false, allLogsLabel = 'All active logs', dateMeaning }: JournalFilterBarProps) {
  const id = useId();
  const set = <K extends keyof JournalFilters>(key: K, value: JournalFilters[K] | '') => {
    const next = { ...filters };
    if (value === '' || value === undefined) delete next[key];
    else next[key] = value;
    if (key === 'log' && !next.log) next.log = 'all';
    onChange(next);
  };
  const applyText = (key: 'symbol' | 'strategy', value: string) => {
    const trimmed = key === 'symbol' ? value.trim().toUpperCase() : value.trim();
    if ((filters[key] ?? '') !== trimmed) set(key, trimmed);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const symbol = textOf(form.get('symbol')).trim().toUpperCase();
    const strategy = textOf(form.get('strategy')).trim();
    const next = { ...filters };
    if (symbol) next.symbol = symbol;
    else delete next.symbol;
    if (strategy) next.strategy = strategy;
    else delete next.strategy;
    onChange(next);
  };
  const active = logs.filter((log) => log.archivedAt === null);
  const hasFilters = Object.keys(filters).some((key) => key !== 'log' && key !== 'sort') || filters.log !== 'all';
  return (
    <form className="journal-filters" role="search" aria-label="Filter trades" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-log`}>Log</label>
        <select id={`${id}-log`} value={filters.log} onChange={(e) => set('log', e.target.value)}>
          <option value="all">{allLogsLabel}</option>
          {active.map((log) => (
            <option key={log.id} value={log.id}>
              {log.name}
            </option>
          ))}
          {filters.log !== 'all' && !active.some((log) => log.id === filters.log) ? <option value={filters.log}>{logs.find((l) => l.id === filters.log)?.name ?? 'Unknown log'}</option> : null}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => set('from', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => set('to', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-symbol`}>Symbol</label>
        <input id={`${id}-symbol`} name="symbol" key={`symbol:${filters.symbol ?? ''}`} defaultValue={filters.symbol ?? ''} placeholder="SPX" size={8} maxLength={40} autoComplete="off" onBlur={(e) => applyText('symbol', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-strategy`}>Strategy</label>
        <input id={`${id}-strategy`} name="strategy" key={`strategy:${filters.strategy ?? ''}`} defaultValue={filters.strategy ?? ''} placeholder="Iron condor" size={12} maxLength={40} autoComplete="off" onBlur={(e) => applyText('strategy', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tag`}>Tag</label>
        <select id={`${id}-tag`} value={filters.tag ?? ''} onChange={(e) => set('tag', e.target.value)}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
      </div>
      {withOutcomeAndSort ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-outcome`}>Outcome</label>
            <select id={`${id}-outcome`} value={filters.outcome ?? ''} onChange={(e) => set('outcome', e.target.value as Outcome | '')}>
              <option value="">Any outcome</option>
              {OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {OUTCOME_LABELS[outcome]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-sort`}>Sort</label>
            <select id={`${id}-sort`} value={filters.sort} onChange={(e) => set('sort', e.target.value as TradeListSort)}>
              {TRADE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {SORT_LABELS[sort]}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      {/* Enter in a text field submits; the button is there for pointer users and is the form's default. */}
      <button type="submit">Apply</button>
      <button type="button" disabled={!hasFilters} onClick={() => onChange({ log: 'all', sort: filters.sort })}>
        Clear
      </button>
      <span className="journal-filters-note muted">{dateMeaning}</span>
    </form>
  );
}
