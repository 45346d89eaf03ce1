import { describe, expect, it } from 'vitest';
import { placeTooltip, TooltipTarget, type TooltipAnchor } from './tooltip-target';

const anchor = (over: Partial<TooltipAnchor> = {}): TooltipAnchor => ({ key: 'k', top: 100, bottom: 128, left: 80, panelWidth: 600, panelHeight: 500, ...over });

describe(TooltipTarget.name, () => {
  it('tells its listeners when the pointed cell changes, not when it is pointed at again', () => {
    const target = new TooltipTarget();
    let calls = 0;
    target.subscribe(() => calls++);
    target.show(anchor());
    target.show(anchor());
    expect(calls).toBe(1);
    target.show(anchor({ key: 'other' }));
    target.hide();
    target.hide();
    expect(calls).toBe(3);
    expect(target.get()).toBeUndefined();
  });
});

describe(placeTooltip.name, () => {
  const size = { width: 240, height: 170 };

  it('goes below the cell, aligned with its left edge', () => {
    expect(placeTooltip(anchor(), size)).toEqual({ top: 132, left: 80 });
  });

  it('goes above a cell near the panel’s bottom', () => {
    // 428 + 4 + 170 > 500, and 400 − 4 − 170 = 226 fits above.
    expect(placeTooltip(anchor({ top: 400, bottom: 428 }), size)).toEqual({ top: 226, left: 80 });
  });

  it('stays inside the panel’s right edge', () => {
    expect(placeTooltip(anchor({ left: 500 }), size).left).toBe(360);
  });
});
