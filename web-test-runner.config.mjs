/**
 * Browser tests of <pay-portal> in the machine's Chromium (never a downloaded one), against the
 * real server: the portal-fixtures plugin starts createApp() over an in-memory SQLite database
 * and makes fixtures through the staff API when a test asks (executeServerCommand).
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { register } from 'tsx/esm/api';

register();
const { startFixtureServer, deadToken } = await import('./test/widget/support/fixture-server.ts');

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
function portalFixtures() {
  /** @type {Awaited<ReturnType<typeof startFixtureServer>> | undefined} */
  let server;
  return {
    name: 'portal-fixtures',
    async serverStart({ config }) {
      const port = config.port;
      server = await startFixtureServer([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
    },
    async serverStop() {
      await server?.close();
    },
    async executeCommand({ command, payload }) {
      if (!server) return undefined;
      if (command === 'portal-fixture') return server.create(payload);
      if (command === 'portal-dead-link') return { apiBase: server.apiBase, token: deadToken() };
      if (command === 'portal-link-events') return server.linkEvents(payload.link);
      if (command === 'portal-staff') {
        return server.staff(payload.link, payload.method, payload.path, payload.body);
      }
      if (command === 'stripe-js') return server.stripeJs(payload);
      if (command === 'square-js') return server.squareJs(payload);
      if (command === 'paypal-js') return server.paypalJs(payload);
      return undefined;
    },
  };
}

export default {
  files: ['test/widget/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testsFinishTimeout: 300000,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json', target: 'es2022' }),
    portalFixtures(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
};
