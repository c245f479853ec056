// Issue 13.7: a portal set to relayed connections only, without a TURN server, says so at once — in the
// client's check before joining and on both sides once the session runs — instead of a picture that never
// comes.
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, test, webText } from './fixtures.ts';
import { sessionNumber, watchedContext } from './remote-support-helpers.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

test.use({
  kontorServer: 'remote-support-no-relay',
  kontorEnv: { REMOTE_SUPPORT_RELAY_ONLY: 'true' },
  locale: 'de-DE',
});
test.skip(chromiumMissing, chromiumMissingReason);

const operator = { name: 'Olaf Opitz', email: 'olaf@ohne-relay.example', password: 'Kupfer Kessel Abend 24' };
let seed: Seed;
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
});
test.afterAll(async () => {
  await seed?.dispose();
});

test('relay only without a TURN server: the check and the session say it cannot connect', async ({
  page: host,
  kontor,
  browser,
}) => {
  const de = (key: string) => webText('de', key);
  const hu = (key: string) => webText('hu', key);
  await signInThroughApi(host, kontor, '/api/v1/operator/sign-in', operator);
  await host.goto(`${kontor.baseUrl}/operator/remote-support`);
  await host.getByRole('radio', { name: de('remoteSupport.modes.support') }).check();
  await host.getByRole('button', { name: de('remoteSupport.start.submit') }).click();
  const number = await sessionNumber(host);

  const client = await watchedContext(browser, { locale: 'hu-HU' });
  await client.page.goto(`${kontor.baseUrl}/support`);
  await expect(client.page.getByText(hu('remoteSupport.check.relayUnreachable'))).toBeVisible({
    timeout: 15_000,
  });
  await field(client.page, hu('remoteSupport.number')).fill(number);
  await field(client.page, hu('remoteSupport.client.name')).fill('Anna Berger');
  await client.page.getByRole('button', { name: hu('remoteSupport.client.join') }).click();
  await host.getByRole('button', { name: de('remoteSupport.host.admit') }).click();
  await expect(host.getByText(de('remoteSupport.session.noRelay'))).toBeVisible();
  await expect(client.page.getByText(hu('remoteSupport.session.noRelay'))).toBeVisible();
  await client.finish();
});
