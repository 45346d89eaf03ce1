import { KEY_MAP, SHORTCUT_GROUPS } from './keymap';

/** The shortcut table, grouped, from the one key map: the `?` dialog and the help page show it. */
export function ShortcutsList({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="shortcuts-list">
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group} className="shortcuts-group" aria-label={group}>
          <Heading className="shortcuts-group-title">{group}</Heading>
          <dl>
            {KEY_MAP.filter((b) => b.group === group).map((binding) => (
              <div key={binding.label ?? binding.keys.join(' ')} className="shortcut-row">
                <dt>
                  {(binding.label ?? binding.keys[0] ?? '').split(' ').map((key, i) => (
                    <kbd key={i}>{key}</kbd>
                  ))}
                </dt>
                <dd>{binding.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="muted shortcuts-note">Shortcuts wait while you type in a field. Ctrl, ⌘ and Alt combinations stay the browser’s.</p>
    </div>
  );
}
