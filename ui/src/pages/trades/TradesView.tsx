import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { Link } from 'react-router';
import type { TagDto, TradeDto, TradeLogDto } from '@marketswarm/shared/dto';
import { LoadFailure } from '../../components/page-feedback';
import { filtersToSearch, type JournalFilters } from '../../journal-api/journal-filters';
import { formatCount, formatDateTime, formatDecimal, formatMoney, formatR, formatRate, pnlTone } from '../../journal-api/journal-format';
import type { TradeTotals } from '../../journal-api/trade-totals';
import { JournalFilterBar } from '../../shell/JournalFilterBar';
import './trades.css';

export interface TradesViewProps {
  filters: JournalFilters;
  onFilters: (next: JournalFilters) => void;
  logs: readonly TradeLogDto[];
  tags: readonly TagDto[];
  /** Filtered and sorted already. */
  trades: readonly TradeDto[];
  totals: TradeTotals;
  timeZone: string;
  loading: boolean;
  loadingMore: boolean;
  error: Error | null;
  onRetry: () => void;
  onOpen: (tradeId: string) => void;
}

const ROW_HEIGHT = 36;

/** The trades list: filters, a totals row of what is shown, and a virtual list (10,000 rows stay fast). */
export function TradesView(props: TradesViewProps) {
  const { filters, onFilters, logs, tags, trades, totals, loading, loadingMore, error, onRetry } = props;
  const analyticsSearch = filtersToSearch(filters).toString();
  return (
    <section className="trades-page" aria-labelledby="trades-title">
      <div className="page-title-row">
        <h1 id="trades-title">Trades</h1>
        <Link to={`/analytics${analyticsSearch ? `?${analyticsSearch}` : ''}`}>Analytics of these filters</Link>
      </div>
      <JournalFilterBar filters={filters} onChange={onFilters} logs={logs} tags={tags} withOutcomeAndSort dateMeaning="Dates filter by the day a trade opened (exchange time). Wins and losses are told apart here from each trade's net P&L." />
      <TotalsRow totals={totals} loadingMore={loadingMore} />
      {error && <LoadFailure error={error} onRetry={onRetry} />}
      {loading ? (
        <p className="muted" role="status">
          Loading trades…
        </p>
      ) : trades.length === 0 && !error ? (
        <p className="muted trades-empty" role="status">
          {loadingMore ? 'Loading trades…' : 'No trades match these filters.'} {loadingMore ? null : <Link to="/import">Import a broker export</Link>}
        </p>
      ) : (
        <TradeTable {...props} />
      )}
    </section>
  );
}

function TotalsRow({ totals, loadingMore }: { totals: TradeTotals; loadingMore: boolean }) {
  return (
    <dl className="trades-totals" aria-label="Totals of the trades shown">
      <div>
        <dt>Trades</dt>
        <dd data-testid="trades-total-count" data-value={totals.count}>
          {formatCount(totals.count)}
        </dd>
      </div>
      <div>
        <dt>Net P&amp;L</dt>
        <dd data-testid="trades-total-pnl" data-value={totals.net} className={pnlTone(totals.net)}>
          {formatMoney(totals.net, true)}
        </dd>
      </div>
      <div>
        <dt>Win rate</dt>
        <dd data-testid="trades-total-winrate" data-value={totals.winRate ?? ''} title={`${totals.wins} wins of ${totals.closed} closed`}>
          {formatRate(totals.winRate)}
        </dd>
      </div>
      <div>
        <dt>Wins / losses</dt>
        <dd>
          {totals.wins} / {totals.losses}
        </dd>
      </div>
      {loadingMore ? (
        <div className="trades-loading-more" role="status">
          Loading more…
        </div>
      ) : null}
    </dl>
  );
}

const COLUMNS = ['Opened', 'Closed', 'Log', 'Symbol', 'Strategy', 'Side', 'Qty', 'Status', 'Net P&L', 'R', 'Tags'] as const;

function TradeTable({ trades, logs, timeZone, onOpen }: TradesViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const logNames = useMemo(() => new Map(logs.map((log) => [log.id, log.name])), [logs]);
  const virtualizer = useVirtualizer({
    count: trades.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => trades[index]?.id ?? index,
    // Before the first measurement (and when rendered without a browser) assume a usual viewport.
    initialRect: { width: 1200, height: 15 * ROW_HEIGHT },
  });
  return (
    <div className="trades-table" role="table" aria-label="Trades" aria-rowcount={trades.length + 1}>
      <div className="trades-head" role="rowgroup">
        <div className="trades-grid" role="row" aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <span key={column} role="columnheader">
              {column}
            </span>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="trades-scroll" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const trade = trades[item.index];
            return trade ? <TradeRow key={item.key} trade={trade} index={item.index} top={item.start} logName={logNames.get(trade.logId)} timeZone={timeZone} onOpen={onOpen} /> : null;
          })}
        </div>
      </div>
    </div>
  );
}

interface TradeRowProps {
  trade: TradeDto;
  index: number;
  top: number;
  logName: string | undefined;
  timeZone: string;
  onOpen: (tradeId: string) => void;
}

/**
 * One row, memoised: scrolling re-renders the list on every frame, and only rows that came into
 * view need rendering. The symbol is a plain link (a router Link costs hooks per row) that opens in
 * place on a plain click and leaves modified clicks (a new tab) to the browser.
 */
const TradeRow = memo(function TradeRow({ trade, index, top, logName, timeZone, onOpen }: TradeRowProps) {
  return (
    <div
      className="trades-grid trades-row"
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      data-testid="trades-row"
      data-trade-id={trade.id}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onOpen(trade.id)}
      onKeyDown={(event) => onRowKey(event, trade.id, onOpen)}
    >
      <span role="cell">{formatDateTime(trade.openedAt, timeZone)}</span>
      <span role="cell">{trade.closedAt === null ? '—' : formatDateTime(trade.closedAt, timeZone)}</span>
      <span role="cell" className="ellipsis">
        {logName ?? '—'}
      </span>
      <span role="cell" className="trades-symbol">
        <a href={`/trades/${encodeURIComponent(trade.id)}`} tabIndex={-1} onClick={(event) => openInPlace(event, trade.id, onOpen)}>
          {trade.symbol}
        </a>
      </span>
      <span role="cell" className="ellipsis">
        {trade.strategy}
      </span>
      <span role="cell">{trade.side}</span>
      <span role="cell" className="num">
        {formatDecimal(trade.quantity)}
      </span>
      <span role="cell">
        <span className={`status status-${trade.status}`}>{trade.status}</span>
      </span>
      <span role="cell" className={`num ${pnlTone(trade.net)}`}>
        {formatMoney(trade.net, true)}
      </span>
      <span role="cell" className="num">
        {formatR(trade.r)}
      </span>
      <span role="cell" className="ellipsis muted">
        {trade.tags.map((tag) => tag.name).join(', ')}
      </span>
    </div>
  );
});

function onRowKey(event: KeyboardEvent<HTMLDivElement>, id: string, onOpen: (tradeId: string) => void): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    onOpen(id);
  }
}

function openInPlace(event: MouseEvent<HTMLAnchorElement>, id: string, onOpen: (tradeId: string) => void): void {
  event.stopPropagation();
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  onOpen(id);
}
