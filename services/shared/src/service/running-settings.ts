import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { ConfigError } from '../config/stack-addresses.js';
import { checkComponentSettings } from '../truth/settings/check-settings.js';
import type { NodeSettingName, NodeSettings } from '../truth/settings/node.settings.js';
import { liveKeys, type SettingsSchema } from '../truth/settings/setting-meta.js';
import type { ComponentSettingsSpec } from '../truth/settings/settings-spec.js';
import { settingsRegistry, type SettingsRegistry } from '../truth/settings/settings-registry.js';
import type { Component } from '../truth/component.schema.js';
import type { TruthDoc } from '../truth/truth-doc.schema.js';
import { formatTruthProblem } from '../truth/truth-problem.js';

/** What a reload did to this process: settings it now runs with, and those that wait for a restart. */
export interface SettingsReload {
  applied: string[];
  restartNeeded: string[];
}

/** Parts of a component's own declaration a process reads once at boot (ports, heartbeat, wiring). */
const BOOT_ONLY_FIELDS = ['listen', 'heartbeat', 'publishes', 'consumes', 'bus', 'persistence', 'models'] as const;

/**
 * The settings one process runs with, compared with whatever truth is loaded now.
 *
 * At boot the component's settings are parsed with the schema registered for its id (the same one
 * `./admin build-truth` checks), every problem in one error. On a reload, keys marked live are
 * written into the very object `of()` handed out, so code that reads a field when it uses it
 * (per connection, per request) follows at once; every other difference from the boot-time truth
 * is listed by `restartNeeded()` until a restart or a reload that undoes it.
 */
export class RunningSettings {
  private readonly live: ReadonlySet<string>;
  private readonly current: Record<string, unknown>;
  private pending: string[] = [];

  private readonly spec: ComponentSettingsSpec | undefined;

  private constructor(
    private readonly id: string,
    private readonly registry: SettingsRegistry,
    private readonly booted: { component: Component; settings: Record<string, unknown>; node: NodeSettings; secrets: Record<string, string> },
  ) {
    this.spec = registry.get(id);
    this.live = this.spec ? liveKeys(this.spec.schema) : new Set();
    this.current = structuredClone(booted.settings);
  }

  static boot(doc: TruthDoc, id: string, registry: SettingsRegistry = settingsRegistry): RunningSettings {
    const { component, settings } = parseOwn(doc, id, registry);
    return new RunningSettings(id, registry, { component, settings, node: doc.node, secrets: doc.secrets[id] ?? {} });
  }

  /**
   * This component's settings (live keys follow reloads in place) and the node settings its spec
   * declares, as they were at boot. `spec` must be the one registered for this process.
   */
  of<S extends SettingsSchema, N extends NodeSettingName>(spec: ComponentSettingsSpec<S, N>): { settings: z.output<S>; node: Pick<NodeSettings, N> } {
    if (spec.component !== this.id) throw new Error(`${this.id} asked for the settings of "${spec.component}": a component reads only its own`);
    const node = Object.fromEntries(spec.node.map((key) => [key, this.booted.node[key]])) as Pick<NodeSettings, N>;
    return { settings: this.current as z.output<S>, node };
  }

  /** Setting names whose loaded value differs from the one this process booted with. */
  restartNeeded(): string[] {
    return [...this.pending];
  }

  /** Applies a reloaded truth. Throws ConfigError (and changes nothing) when its settings are invalid. */
  reload(doc: TruthDoc): SettingsReload {
    const { component, settings } = parseOwn(doc, this.id, this.registry);
    const applied: string[] = [];
    const restart: string[] = [];
    for (const key of unionKeys(this.booted.settings, settings)) {
      if (this.live.has(key)) {
        if (!isDeepStrictEqual(this.current[key], settings[key])) {
          this.current[key] = settings[key];
          applied.push(key);
        }
      } else if (!isDeepStrictEqual(this.booted.settings[key], settings[key])) {
        restart.push(key);
      }
    }
    for (const key of this.spec?.node ?? []) {
      if (!isDeepStrictEqual(this.booted.node[key], doc.node[key])) restart.push(`node.${key}`);
    }
    for (const field of BOOT_ONLY_FIELDS) {
      if (!isDeepStrictEqual(this.booted.component[field], component[field])) restart.push(field);
    }
    const secrets = doc.secrets[this.id] ?? {};
    for (const name of unionKeys(this.booted.secrets, secrets)) {
      if (this.booted.secrets[name] !== secrets[name]) restart.push(`secrets.${name}`);
    }
    this.pending = restart;
    return { applied, restartNeeded: restart };
  }
}

function parseOwn(doc: TruthDoc, id: string, registry: SettingsRegistry): { component: Component; settings: Record<string, unknown> } {
  const component = doc.components[id];
  if (!component) throw new ConfigError([`truth has no component "${id}" (known: ${Object.keys(doc.components).join(', ')})`]);
  const checked = checkComponentSettings('redis truth:doc', id, component.settings, registry, ['components', id, 'settings']);
  if (!checked.ok) throw new ConfigError(checked.problems.map(formatTruthProblem));
  return { component, settings: checked.settings };
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
