import { describe, expect, it } from 'vitest';
import { compileRepoTruthSync } from '../testing/repo-truth.js';
import type { PublicTruth } from '../truth/compile-truth.js';
import { gatewayInstanceCount, gatewayInstances, instancePortEnv, instanceServiceId, isExtraGatewayName, parseGatewayCount } from './gateway-instances.js';
import { ConfigError } from './stack-addresses.js';

const { truth } = compileRepoTruthSync();

function withInstancesSetting(value: unknown): PublicTruth {
  const copy = structuredClone(truth);
  copy.components['sse']!.settings['instances'] = value;
  return copy;
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(gatewayInstances.name, () => {
  it('runs one gateway with the component its own pm2 name, port and heartbeat id by default', () => {
    expect(gatewayInstances(truth, {})).toEqual([{ index: 1, pm2: 'fotw-sse', serviceId: 'sse', host: '127.0.0.1', port: 3001, portEnv: 'MS_SSE_PORT', env: {} }]);
  });

  it('adds fotw-sse-2 on the first port + 20 with its own PORT and MS_INSTANCE when two are asked for', () => {
    const [first, second] = gatewayInstances(truth, { MS_SSE_INSTANCES: '2' });
    expect(first?.pm2).toBe('fotw-sse');
    expect(second).toEqual({ index: 2, pm2: 'fotw-sse-2', serviceId: 'sse-2', host: '127.0.0.1', port: 3021, portEnv: 'MS_SSE_2_PORT', env: { PORT: '3021', MS_INSTANCE: '2' } });
  });

  it('follows MS_SSE_PORT for the offset and MS_SSE_<n>_PORT for an explicit port', () => {
    expect(gatewayInstances(truth, { MS_SSE_INSTANCES: '3', MS_SSE_PORT: '41000' }).map((i) => i.port)).toEqual([41000, 41020, 41040]);
    expect(gatewayInstances(truth, { MS_SSE_INSTANCES: '2', MS_SSE_PORT: '41000', MS_SSE_2_PORT: '45555' }).map((i) => i.port)).toEqual([41000, 45555]);
  });

  it('takes the count from the truth setting when the environment says nothing, and the environment wins', () => {
    expect(gatewayInstances(withInstancesSetting(2), {})).toHaveLength(2);
    expect(gatewayInstances(withInstancesSetting(2), { MS_SSE_INSTANCES: '1' })).toHaveLength(1);
  });

  it('refuses a second gateway on a port another component takes, naming both', () => {
    expect(problemsOf(() => gatewayInstances(truth, { MS_SSE_INSTANCES: '2', MS_SSE_2_PORT: '3002' }))).toEqual([
      'MS_SSE_2_PORT: gateway instance 2 would listen on 3002, the port of "journal"',
    ]);
  });

  it('reports every bad value at once', () => {
    const problems = problemsOf(() => gatewayInstances(withInstancesSetting(2), { MS_SSE_PORT: 'x', MS_SSE_2_PORT: '70000' }));
    expect(problems).toEqual(['MS_SSE_PORT=x: must be a port number from 1 to 65535', 'MS_SSE_2_PORT=70000: must be a port number from 1 to 65535']);
  });

  it('collects problems into a given list instead of throwing', () => {
    const problems: string[] = [];
    expect(gatewayInstances(truth, { MS_SSE_INSTANCES: '0' }, problems)).toHaveLength(1);
    expect(problems).toEqual(['MS_SSE_INSTANCES=0: must be a whole number from 1 to 8']);
  });
});

describe(gatewayInstanceCount.name, () => {
  it('refuses counts outside 1 to 8 from the environment or truth', () => {
    for (const raw of ['0', '9', 'two', '-1', '1.5']) {
      const problems: string[] = [];
      expect(gatewayInstanceCount(truth.components['sse']!, { MS_SSE_INSTANCES: raw }, problems)).toBe(1);
      expect(problems, raw).toHaveLength(1);
    }
    const problems: string[] = [];
    expect(gatewayInstanceCount(withInstancesSetting('2').components['sse']!, {}, problems)).toBe(1);
    expect(problems).toEqual(['components.sse.settings.instances: must be a whole number from 1 to 8']);
  });
});

describe(parseGatewayCount.name, () => {
  it('reads whole numbers from 1 to 8 and nothing else', () => {
    expect(['1', '2', '8'].map(parseGatewayCount)).toEqual([1, 2, 8]);
    for (const raw of ['0', '9', '08x', 'two', '-1', '1.5', ' 2', '']) expect(parseGatewayCount(raw), raw).toBeUndefined();
  });
});

describe(instanceServiceId.name, () => {
  it('keeps the component id for the first instance and suffixes the others', () => {
    expect(instanceServiceId('sse', {})).toBe('sse');
    expect(instanceServiceId('sse', { MS_INSTANCE: '1' })).toBe('sse');
    expect(instanceServiceId('sse', { MS_INSTANCE: '2' })).toBe('sse-2');
  });

  it('refuses an instance that is not a small whole number', () => {
    expect(problemsOf(() => instanceServiceId('sse', { MS_INSTANCE: 'b' }))).toEqual(['MS_INSTANCE=b: must be a whole number from 1 to 8']);
  });
});

describe(isExtraGatewayName.name, () => {
  it('recognises fotw-sse-2 to fotw-sse-8 and nothing else', () => {
    expect(['fotw-sse-2', 'fotw-sse-8'].map((n) => isExtraGatewayName(truth, n))).toEqual([true, true]);
    expect(['fotw-sse', 'fotw-sse-1', 'fotw-sse-9', 'fotw-sse-x', 'fotw-journal-2'].map((n) => isExtraGatewayName(truth, n))).toEqual([false, false, false, false, false]);
  });
});

describe(instancePortEnv.name, () => {
  it('puts the instance number before _PORT', () => {
    expect(instancePortEnv('MS_SSE_PORT', 2)).toBe('MS_SSE_2_PORT');
  });
});
