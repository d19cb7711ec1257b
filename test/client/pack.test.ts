/**
 * `npm run pack:client` makes a package that works as published: compiled ES modules with their
 * declarations, the README, and a manifest whose dependencies are the client's own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run pack:client', () => {
  it('makes dist/client-npm, whose module verifies a webhook', async () => {
    execFileSync('npm', ['run', '--silent', 'pack:client'], { cwd: root, stdio: 'pipe' });
    const out = `${root}dist/client-npm/`;
    const manifest = JSON.parse(readFileSync(`${out}package.json`, 'utf8'));
    expect(manifest).toMatchObject({
      name: 'pay-portal-client',
      type: 'module',
      exports: { '.': { types: './index.d.ts', import: './index.js' } },
    });
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      'openapi-fetch',
      'standardwebhooks',
    ]);
    for (const file of ['index.js', 'index.d.ts', 'schema.d.ts', 'README.md']) {
      expect(existsSync(`${out}${file}`), file).toBe(true);
    }
    expect(readFileSync(`${out}README.md`, 'utf8')).toContain("POST('/v1/payment_links'");

    const packed = await import(`${out}index.js`);
    const secret = `whsec_${Buffer.from('a secret of 24 bytes!!!!').toString('base64')}`;
    const body = JSON.stringify({ id: 'evt_1', type: 'invoice.paid', data: { object: {} } });
    const at = new Date();
    const headers = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('evt_1', at, body),
    };
    expect(packed.verifyWebhook(secret, body, headers)).toMatchObject({ type: 'invoice.paid' });
    expect(() => packed.verifyWebhook(secret, `${body} `, headers)).toThrow();
    expect(typeof packed.createPayPortalClient).toBe('function');
  }, 120_000);
});
