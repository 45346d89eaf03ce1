import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PlaybookChecklistView } from './PlaybookChecklist';
import type { ChecklistItem } from './playbook-form';

const noop = () => undefined;

const items: ChecklistItem[] = [
  { entryId: 'a', title: 'No trades before 10:00', kind: 'rule', status: 'active', mark: 'followed' },
  { entryId: 'b', title: 'Size ≤ 1% risk', kind: 'constraint', status: 'active', mark: 'broken' },
  { entryId: 'c', title: 'Old rule', kind: 'rule', status: 'retired', mark: undefined },
];

describe(PlaybookChecklistView.name, () => {
  it('shows each rule with followed / broken / n/a and the current mark pressed', () => {
    const html = renderToStaticMarkup(<PlaybookChecklistView items={items} dirty={false} saving={false} message={undefined} onMark={noop} onSave={noop} />);
    expect(html.match(/data-testid="playbook-check"/g)).toHaveLength(3);
    expect(html).toContain('data-id="a" data-mark="followed"');
    expect(html).toContain('data-id="b" data-mark="broken"');
    expect(html).toContain('data-id="c" data-mark="none"');
    expect(html).toContain('1 followed · 1 broken');
    expect(html.match(/aria-checked="true"/g)).toHaveLength(3);
    expect(html).toContain('retired');
  });

  it('enables Save only with unsaved marks', () => {
    expect(renderToStaticMarkup(<PlaybookChecklistView items={items} dirty={false} saving={false} message={undefined} onMark={noop} onSave={noop} />)).toMatch(/data-testid="playbook-checklist-save" disabled=""/);
    expect(renderToStaticMarkup(<PlaybookChecklistView items={items} dirty saving={false} message={undefined} onMark={noop} onSave={noop} />)).not.toMatch(/data-testid="playbook-checklist-save" disabled=""/);
  });

  it('points to the playbook page when there is nothing to check', () => {
    expect(renderToStaticMarkup(<PlaybookChecklistView items={[]} dirty={false} saving={false} message={undefined} onMark={noop} onSave={noop} />)).toContain('No active rules');
  });
});
