import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublicTruth } from '@marketswarm/shared/truth';
import { loadNginxTemplate, renderNginxConfig } from '../nginx/render-nginx-config.js';
import type { AdminPaths } from '../paths.js';

/** Renders the dev nginx config for this stack's ports into <run>/nginx/nginx.conf. */
export async function writeNginxConfig(paths: AdminPaths, truth: PublicTruth, cert: { certFile: string; keyFile: string }): Promise<string> {
  const templateDir = path.join(paths.repoRoot, 'nginx');
  await mkdir(paths.nginxDir, { recursive: true });
  const text = renderNginxConfig({
    truth,
    env: process.env,
    runDir: paths.runDir,
    certFile: cert.certFile,
    keyFile: cert.keyFile,
    template: await loadNginxTemplate(templateDir, 'dev'),
    templateDir,
  });
  const file = path.join(paths.nginxDir, 'nginx.conf');
  await writeFile(file, text);
  return file;
}
