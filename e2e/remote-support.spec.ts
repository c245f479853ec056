// Issue 13: remote support in the browser, with the host in German and the client in Hungarian, each in a
// browser context of its own (Chromium's fake screen capture stands in for the picker): a wrong number,
// admission, consent refused and given, the picture at the viewer, pointer, chat, both modes, 20 MB files
// both ways with their checksums, a cancelled transfer, the log, and the end by either side.
import { readFile } from 'node:fs/promises';
import { chromiumMissing, chromiumMissingReason } from './chromium.ts';
import { expect, field, type Page, serverMessage, test, webText } from './fixtures.ts';
import {
  downloadedSha256,
  expectMovingPicture,
  randomFile,
  sessionNumber,
  watchedContext,
} from './remote-support-helpers.ts';
import { type Seed, seedPortal, signInThroughApi } from './seed.ts';

// The first operator comes from the set-up link, which works once: a Kontor of its own.
test.use({ kontorServer: 'remote-support', locale: 'de-DE' });
// Real WebRTC between two contexts on a loaded 2-core machine: one failure of the Show test was seen in 16
// local runs and not reproduced since. A second try keeps that from failing CI; the report still names a
// test that needed it (flaky), which is the cue to look again.
test.describe.configure({ retries: 1 });
test.skip(chromiumMissing, chromiumMissingReason);

const operator = {
  name: 'Olaf Opitz',
  email: 'olaf@fernbetreuung.example',
  password: 'Kupfer Kessel Abend 24',
};
const owner = {
  email: 'maxi@steuer-fern.example',
  password: 'Lavendel Brücke Morgen 17',
  username: 'maxi',
  company: 'Steuerkanzlei Fern GmbH',
  locale: 'de' as const,
};
const ownerName = 'Maximiliane Mustermann-Schönberg';
const clientName = 'Anna Berger';

let seed: Seed;
test.beforeAll(async ({ kontor, playwright }) => {
  seed = await seedPortal(playwright, kontor, operator);
  await seed.registerOwner(owner);
});
test.afterAll(async () => {
  await seed?.dispose();
});

const de = (key: string, params?: Record<string, string>) => webText('de', key, params);
const hu = (key: string, params?: Record<string, string>) => webText('hu', key, params);

/** The host starts a session in a mode on its area's remote-support page and returns the number. */
async function startSession(host: Page, mode: 'support' | 'show'): Promise<string> {
  await host.getByRole('radio', { name: de(`remoteSupport.modes.${mode}`) }).check();
  await host.getByRole('button', { name: de('remoteSupport.start.submit') }).click();
  return sessionNumber(host);
}

/** The client, on the support page, waits for the connection check and asks to join. */
async function join(client: Page, number: string | null) {
  await expect(client.getByText(hu('remoteSupport.check.signalling.ok'))).toBeVisible({ timeout: 15_000 });
  if (number !== null) await field(client, hu('remoteSupport.number')).fill(number);
  await field(client, hu('remoteSupport.client.name')).fill(clientName);
  await client.getByRole('button', { name: hu('remoteSupport.client.join') }).click();
}

async function admit(host: Page, client: Page) {
  await expect(client.getByText(hu('remoteSupport.client.waiting'))).toBeVisible();
  await expect(host.getByText(de('remoteSupport.host.knock', { name: clientName }))).toBeVisible();
  await expect(host.getByText(de('remoteSupport.host.knockAddress', { address: '127.0.0.1' }))).toBeVisible();
  await host.getByRole('button', { name: de('remoteSupport.host.admit') }).click();
}

/** The log the page offers at the end, as the JSON file it saves. */
async function savedLogKinds(page: Page, language: 'de' | 'hu'): Promise<string[]> {
  const dialog = page.getByRole('dialog', { name: webText(language, 'remoteSupport.ended.saveTitle') });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: webText(language, 'remoteSupport.log.downloadJson') }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^remote-support-\d{6}-\d{4}-\d{2}-\d{2}\.json$/);
  const log = JSON.parse(await readFile(await file.path(), 'utf8')) as {
    kind: string;
  }[];
  return log.map((entry) => entry.kind);
}

test('a wrong number is refused; a client who does not allow sharing ends the session', async ({
  page: host,
  kontor,
  browser,
}) => {
  const client = await watchedContext(browser, { locale: 'hu-HU' });
  await signInThroughApi(host, kontor, '/api/v1/auth/sign-in', owner);
  await host.goto(`${kontor.baseUrl}/account`);
  // The owner holds every permission, "host remote support" among them.
  await host
    .getByRole('navigation', { name: de('account.navigation') })
    .getByRole('link', { name: de('remoteSupport.title') })
    .click();
  await expect(host.getByRole('heading', { level: 1 })).toHaveText(de('remoteSupport.title'));
  const number = await startSession(host, 'support');
  await expect(host.getByText(de('remoteSupport.host.waitingForClient'))).toBeVisible();

  // The client finds the page from the sign-in page; a wrong number answers with the server's words.
  await client.page.goto(`${kontor.baseUrl}/sign-in`);
  await client.page.getByRole('link', { name: hu('remoteSupport.signInLink') }).click();
  await expect(client.page.getByRole('heading', { level: 1 })).toHaveText(hu('remoteSupport.title'));
  const wrong = number === '999999' ? '999998' : '999999';
  await join(client.page, wrong);
  const numberField = field(client.page, hu('remoteSupport.number'));
  await expect(numberField).toHaveAttribute('aria-invalid', 'true');
  await expect(client.page.getByText(serverMessage('hu', 'REMOTE_SUPPORT_NUMBER_INVALID'))).toBeVisible();

  await numberField.fill(number.replace(/(\d{3})/, '$1 '));
  await client.page.getByRole('button', { name: hu('remoteSupport.client.join') }).click();
  await admit(host, client.page);

  // Kontor's own question, before any picker: "no" ends the session for both.
  const consent = client.page.getByRole('dialog', {
    name: hu('remoteSupport.consent.title', { name: ownerName }),
  });
  await expect(consent).toBeVisible();
  await expect(host.getByText(de('remoteSupport.screen.waitingConsent', { name: clientName }))).toBeVisible();
  await consent.getByRole('button', { name: hu('remoteSupport.consent.no'), exact: true }).click();
  await expect(client.page.getByText(hu('remoteSupport.ended.youRefused'))).toBeVisible();
  await expect(host.getByText(de('remoteSupport.ended.peerRefused', { name: clientName }))).toBeVisible();

  expect(await savedLogKinds(host, 'de')).toEqual(
    expect.arrayContaining([
      'session.started',
      'client.knocked',
      'client.admitted',
      'consent.asked',
      'consent.refused',
      'session.ended',
    ]),
  );
  const clientDialog = client.page.getByRole('dialog', { name: hu('remoteSupport.ended.saveTitle') });
  await clientDialog.getByRole('button', { name: hu('remoteSupport.log.discard') }).click();
  await expect(clientDialog).toBeHidden();

  // The host's recent sessions keep the log, to read and to save as text.
  await host
    .getByRole('dialog', { name: de('remoteSupport.ended.saveTitle') })
    .getByRole('button', { name: de('common.close') })
    .click();
  await host.getByRole('link', { name: de('remoteSupport.host.back') }).click();
  const grouped = `${number.slice(0, 3)} ${number.slice(3)}`;
  await host.getByRole('button', { name: de('remoteSupport.recent.logOf', { number: grouped }) }).click();
  const stored = host.getByRole('dialog', { name: de('remoteSupport.recent.logOf', { number: grouped }) });
  await expect(
    stored.getByText(de('remoteSupport.log.kinds.consent.refused'), { exact: false }),
  ).toBeVisible();
  const download = host.waitForEvent('download');
  await stored.getByRole('button', { name: de('remoteSupport.log.downloadText') }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  expect(text).toContain(de('remoteSupport.log.textHeading', { number: grouped }));
  expect(text).toContain(de('remoteSupport.log.kinds.consent.refused'));
  await client.finish();
});

test('a support session: picture, pointer, chat, files both ways, a cancelled transfer, Show, ended by the client', async ({
  kontor,
  browser,
}) => {
  test.setTimeout(90_000);
  // Both sides share their screen here, so both run in contexts that accept Chromium's camera-policy notice.
  const hostSide = await watchedContext(browser, { locale: 'de-DE' });
  const host = hostSide.page;
  const client = await watchedContext(browser, { locale: 'hu-HU' });
  await signInThroughApi(host, kontor, '/api/v1/operator/sign-in', operator);
  await host.goto(`${kontor.baseUrl}/operator/remote-support`);
  await startSession(host, 'support');
  // The link carries the number: the client only adds a name.
  const link =
    (await host.getByRole('link', { name: /\/support\?number=\d{6}$/ }).getAttribute('href')) ?? '';
  await client.page.goto(link);
  await join(client.page, null);
  await admit(host, client.page);

  const consent = client.page.getByRole('dialog', {
    name: hu('remoteSupport.consent.title', { name: operator.name }),
  });
  await consent.getByRole('button', { name: hu('remoteSupport.consent.yes') }).click();
  await expect(client.page.getByText(/^Ön ezt osztja meg: /)).toBeVisible();
  await expect(
    client.page.getByRole('button', { name: hu('remoteSupport.session.stopSharing') }),
  ).toBeVisible();
  const viewer = host.getByLabel(de('remoteSupport.screen.remoteVideo', { name: clientName }));
  await expectMovingPicture(viewer);

  // The host points at the picture; the client sees the marker over its preview.
  await viewer.click({ position: { x: 40, y: 30 } });
  await expect(
    client.page.getByRole('img', { name: hu('remoteSupport.screen.pointerOf', { name: operator.name }) }),
  ).toBeVisible();

  // Chat both ways.
  const hostChat = host.getByRole('list', { name: de('remoteSupport.chat.messages') });
  const clientChat = client.page.getByRole('list', { name: hu('remoteSupport.chat.messages') });
  await field(host, de('remoteSupport.chat.message')).fill('Guten Tag, ich sehe Ihren Bildschirm.');
  await host.getByRole('button', { name: de('remoteSupport.chat.send'), exact: true }).click();
  await expect(clientChat.getByText('Guten Tag, ich sehe Ihren Bildschirm.')).toBeVisible();
  await field(client.page, hu('remoteSupport.chat.message')).fill('Köszönöm, látom a mutatót.');
  await client.page.keyboard.press('Enter');
  await expect(hostChat.getByText('Köszönöm, látom a mutatót.')).toBeVisible();

  // 20 MB each way: the progress reaches 100 % on both sides, the checksums match, the saved file is the same.
  const send = async (from: Page, language: 'de' | 'hu', path: string) => {
    const chooser = from.waitForEvent('filechooser');
    await from.getByRole('button', { name: webText(language, 'remoteSupport.files.send') }).click();
    await (await chooser).setFiles(path);
  };
  const done = async (page: Page, language: 'de' | 'hu', name: string) => {
    const progress = page.getByRole('progressbar', {
      name: webText(language, 'remoteSupport.files.progressOf', { name }),
    });
    await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 });
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.getByText(webText(language, 'remoteSupport.files.states.done'))).toBeVisible();
  };
  const save = async (page: Page, language: 'de' | 'hu', name: string) => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: webText(language, 'remoteSupport.files.saveOf', { name }) }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(name);
    return downloadedSha256(file);
  };
  const report = await randomFile(test.info().outputPath('bericht-2026.bin'), 20);
  await send(host, 'de', report.path);
  await done(client.page, 'hu', report.name);
  await done(host, 'de', report.name);
  expect(await save(client.page, 'hu', report.name)).toBe(report.sha256);
  const screenshot = await randomFile(test.info().outputPath('képernyő.bin'), 20);
  await send(client.page, 'hu', screenshot.path);
  await done(host, 'de', screenshot.name);
  await done(client.page, 'hu', screenshot.name);
  expect(await save(host, 'de', screenshot.name)).toBe(screenshot.sha256);
  // The client cancels a transfer while it runs; both sides say so.
  // Large enough to be still running when the click arrives.
  const archive = await randomFile(test.info().outputPath('archiv.bin'), 64);
  await send(host, 'de', archive.path);
  await client.page
    .getByRole('button', { name: hu('remoteSupport.files.cancelOf', { name: archive.name }) })
    .click();
  const cancelled = (page: Page, language: 'de' | 'hu') =>
    page
      .getByRole('row')
      .filter({ hasText: archive.name })
      .getByText(webText(language, 'remoteSupport.files.states.cancelled'));
  await expect(cancelled(client.page, 'hu')).toBeVisible();
  await expect(cancelled(host, 'de')).toBeVisible();
  // Show: the host is asked now, and its screen reaches the client.
  await host.getByRole('button', { name: de('remoteSupport.session.switchTo.show') }).click();
  const hostConsent = host.getByRole('dialog', {
    name: de('remoteSupport.consent.title', { name: clientName }),
  });
  await hostConsent.getByRole('button', { name: de('remoteSupport.consent.yes') }).click();
  await expectMovingPicture(
    client.page.getByLabel(hu('remoteSupport.screen.remoteVideo', { name: operator.name })),
  );
  await expect(host.getByText(/^Sie geben .* frei\.$/)).toBeVisible();

  // The client ends it; both see the end, and the host's log has every step.
  await client.page.getByRole('button', { name: hu('remoteSupport.session.end') }).click();
  await client.page
    .getByRole('dialog', { name: hu('remoteSupport.session.endTitle') })
    .getByRole('button', { name: hu('remoteSupport.session.end') })
    .click();
  await expect(client.page.getByText(hu('remoteSupport.ended.youEnded'))).toBeVisible();
  await expect(host.getByText(de('remoteSupport.ended.peerEnded', { name: clientName }))).toBeVisible();
  const kinds = await savedLogKinds(host, 'de');
  for (const kind of [
    'session.started',
    'client.knocked',
    'client.admitted',
    'consent.asked',
    'consent.given',
    'share.started',
    'mode.switched',
    'file.offered',
    'file.received',
    'file.completed',
    'file.cancelled',
    'chat',
    'session.ended',
  ]) {
    expect(kinds, kind).toContain(kind);
  }
  expect(await savedLogKinds(client.page, 'hu')).toContain('file.cancelled');
  await client.finish();
  await hostSide.finish();
});

test('a Show session: the host shares after its yes, pauses, stops, shares again and ends it', async ({
  kontor,
  browser,
}) => {
  const hostSide = await watchedContext(browser, { locale: 'de-DE' });
  const host = hostSide.page;
  const client = await watchedContext(browser, { locale: 'hu-HU' });
  await signInThroughApi(host, kontor, '/api/v1/operator/sign-in', operator);
  await host.goto(`${kontor.baseUrl}/operator/remote-support`);
  const number = await startSession(host, 'show');
  await client.page.goto(`${kontor.baseUrl}/support`);
  await join(client.page, number);
  await admit(host, client.page);

  // In Show the host is asked; the client waits for that answer and sees nothing before it.
  await expect(
    client.page.getByText(hu('remoteSupport.screen.waitingConsent', { name: operator.name })),
  ).toBeVisible();
  const consent = host.getByRole('dialog', { name: de('remoteSupport.consent.title', { name: clientName }) });
  await consent.getByRole('button', { name: de('remoteSupport.consent.yes') }).click();
  const picture = client.page.getByLabel(hu('remoteSupport.screen.remoteVideo', { name: operator.name }));
  await expectMovingPicture(picture);

  await host.getByRole('button', { name: de('remoteSupport.session.pause') }).click();
  await expect(
    client.page.getByText(hu('remoteSupport.screen.paused', { name: operator.name })),
  ).toBeVisible();
  await host.getByRole('button', { name: de('remoteSupport.session.resume') }).click();
  await host.getByRole('button', { name: de('remoteSupport.session.stopSharing') }).click();
  await expect(
    client.page.getByText(hu('remoteSupport.screen.notShared', { name: operator.name })),
  ).toBeVisible();
  await host.getByRole('button', { name: de('remoteSupport.session.shareAgain') }).click();
  await expectMovingPicture(picture);

  await host.getByRole('button', { name: de('remoteSupport.session.end') }).click();
  await host
    .getByRole('dialog', { name: de('remoteSupport.session.endTitle') })
    .getByRole('button', { name: de('remoteSupport.session.end') })
    .click();
  await expect(host.getByText(de('remoteSupport.ended.youEnded'))).toBeVisible();
  await expect(
    client.page.getByText(hu('remoteSupport.ended.peerEnded', { name: operator.name })),
  ).toBeVisible();

  // The client keeps the log as readable text, in its language.
  const download = client.page.waitForEvent('download');
  await client.page
    .getByRole('dialog', { name: hu('remoteSupport.ended.saveTitle') })
    .getByRole('button', { name: hu('remoteSupport.log.downloadText') })
    .click();
  const text = await readFile(await (await download).path(), 'utf8');
  for (const kind of ['consent.given', 'share.paused', 'share.resumed', 'share.stopped', 'session.ended']) {
    expect(text).toContain(hu(`remoteSupport.log.kinds.${kind}`));
  }
  await client.finish();
  await hostSide.finish();
});
