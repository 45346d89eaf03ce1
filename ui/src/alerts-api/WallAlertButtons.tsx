import { useState } from 'react';
import { submitErrors } from '../auth/form-issues';
import { createAlert } from './alerts-api';
import { wallAlertBody, type WallSide } from './level-alerts';

interface WallAlertButtonsProps {
  symbol: string;
  callWall: number | undefined;
  putWall: number | undefined;
  spot: number | undefined;
  /** Sends the alert; the journal by default (specs pass their own). */
  create?: typeof createAlert;
}

/** "Alert at this level" for the GEX walls: one click sets a price alert at the wall's strike. */
export function WallAlertButtons({ symbol, callWall, putWall, spot, create = createAlert }: WallAlertButtonsProps) {
  const [status, setStatus] = useState('');
  const alertAt = async (side: WallSide, strike: number): Promise<void> => {
    setStatus(`Setting an alert at the ${side} wall…`);
    try {
      await create(wallAlertBody(symbol, side, strike, spot));
      setStatus(`Alert set at the ${side} wall ${strike}.`);
    } catch (error) {
      setStatus(`No alert: ${submitErrors(error, []).message}`);
    }
  };
  const button = (side: WallSide, strike: number | undefined) =>
    strike === undefined ? null : (
      <button
        type="button"
        className={`gex-toggle gex-wall-alert gex-wall-alert-${side}`}
        data-testid="gex-wall-alert"
        data-wall={side}
        data-level={strike}
        aria-label={`Alert me when ${symbol} reaches the ${side} wall ${strike}`}
        onClick={() => void alertAt(side, strike)}
      >
        <span aria-hidden="true">🔔</span> {side === 'call' ? 'Call' : 'Put'} wall
      </button>
    );
  return (
    <span className="gex-wall-alerts" role="group" aria-label={`${symbol} wall alerts`}>
      {button('call', callWall)}
      {button('put', putWall)}
      <span className="gex-wall-status muted" role="status">
        {status}
      </span>
    </span>
  );
}
