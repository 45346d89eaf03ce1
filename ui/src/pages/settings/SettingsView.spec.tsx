import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SettingsDraft } from './settings-form';
import { SettingsView, type SaveState, type SettingsViewProps } from './SettingsView';

const draft: SettingsDraft = { displayName: 'Ann Lee', timezone: 'Europe/London', theme: 'light', defaultSymbol: 'NDX', sounds: true, numberLocale: 'de-DE' };
/** The tag of the control named `name`, whatever the attribute order. */
const control = (html: string, name: string) => new RegExp(`<(input|select)[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? '';

const render = (over: Partial<SettingsViewProps> = {}) =>
  renderToStaticMarkup(<SettingsView draft={draft} errors={{}} state={{ kind: 'idle' }} email="ann.lee@example.com" onChange={() => undefined} onSubmit={() => undefined} {...over} />);

describe(SettingsView.name, () => {
  it('is one page with one h1 and a labelled field for every setting, filled from the draft', () => {
    const html = render();
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('data-testid="settings-form"');
    for (const label of ['Display name', 'Time zone', 'Theme', 'Number format', 'Default symbol', 'Play a sound when an alert fires']) expect(html).toContain(`>${label}</label>`);
    expect(control(html, 'displayName')).toContain('value="Ann Lee"');
    expect(control(html, 'timezone')).toContain('value="Europe/London"');
    expect(html).toMatch(/<option value="light" selected="">Light<\/option>/);
    expect(html).toMatch(/<option value="de-DE" selected="">1.234,50 \(Germany\)<\/option>/);
    expect(html).toMatch(/<option value="NDX" selected="">NDX<\/option>/);
    expect(control(html, 'sounds')).toMatch(/type="checkbox".*checked=""/);
    expect(html).toContain('<button type="submit">Save settings</button>');
  });

  it('offers common time zones to pick while any IANA zone may be typed', () => {
    const html = render();
    const list = /list="([^"]+)"/.exec(control(html, 'timezone'))?.[1];
    expect(list).toBeDefined();
    expect(html).toContain(`<datalist id="${list}">`);
    expect(html).toContain('<option value="America/New_York">');
    expect(html).toContain('<option value="Asia/Tokyo">');
  });

  it('shows each refusal under its own field, tied to it for screen readers', () => {
    const html = render({ errors: { timezone: 'must be an IANA time zone such as America/New_York or UTC', displayName: 'must not be empty' } });
    const timezone = control(html, 'timezone');
    expect(timezone).toContain('aria-invalid="true"');
    const described = /aria-describedby="([^"]+)"/.exec(timezone)?.[1]?.split(' ') ?? [];
    expect(described).toHaveLength(2);
    for (const id of described) expect(html).toContain(`id="${id}"`);
    expect(control(html, 'theme')).not.toContain('aria-invalid');
    expect(html).toContain('data-testid="settings-error-timezone">must be an IANA time zone such as America/New_York or UTC</span>');
    expect(html).toContain('data-testid="settings-error-displayName">must not be empty</span>');
    expect(html).not.toContain('data-testid="settings-error-theme"');
    expect(html).toContain('Check the highlighted fields.');
  });

  it('says when the settings are saved, and why a save failed', () => {
    expect(render({ state: { kind: 'saved' } })).toContain('role="status" data-testid="settings-saved">Settings saved.</p>');
    const failed: SaveState = { kind: 'failed', message: 'The server is unreachable.' };
    expect(render({ state: failed })).toContain('role="alert">The server is unreachable.</p>');
    expect(render({ state: { kind: 'saving' } })).toContain('<button type="submit" disabled="">Saving…</button>');
  });
});
