import { createServer } from 'node:net';
import { spawn } from 'node:child_process';
import { loadRepoTruth, startRedisTrio } from '@marketswarm/shared/testing';
const redis = await startRedisTrio();
await loadRepoTruth(redis.system.client());
const blocker = createServer().listen(0, '127.0.0.1');
await new Promise(r => blocker.once('listening', r));
const port = blocker.address().port;
for (const dir of ['services/journal', 'services/copilot']) {
  const child = spawn(process.execPath, [dir + '/dist/main.js'], { env: { ...redis.env, PORT: String(port), LOG_LEVEL: 'warn', PATH: process.env.PATH } });
  let out = ''; child.stdout.on('data', d => out += d); child.stderr.on('data', d => out += d);
  const code = await new Promise(r => child.once('exit', r));
  console.log(dir, 'exit', code, out.trim());
}
blocker.close(); await redis.stop();
