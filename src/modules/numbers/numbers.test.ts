// T2: operators give an account its number block; admins give members extensions and direct-dial numbers
// from it (no duplicates, nothing outside the block, extension 0 kept for the main number); every member
// reads the directory. Every refusal is a 400 naming its field and writes nothing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  signedInUser,
  type TestClient,
} from '../../../test/helpers/test-client.ts';

const berlin = { prefix: '+49 30 12345', lastExtension: 99, faxNumber: '+49 30 12345-99' };

describeEachDatabase('numbers and the company directory', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let operator: TestClient;
  let accountId: string;
  let mia: { client: TestClient; user: { id: string } };
  let max: { client: TestClient; user: { id: string } };
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    accountId = await accountIdOf(owner);
    operator = (await signedInOperator(t.app)).client;
    mia = await signedInUser(t.app, owner, accountId, { username: 'mia', email: 'mia@jura.test' });
    max = await signedInUser(t.app, owner, accountId, {
      username: 'max',
      email: 'max@jura.test',
      firstName: 'Max',
      lastName: 'Mustermann',
    });
  });
  afterEach(() => t.close());

  const blockUrl = () => `/api/v1/operator/accounts/${accountId}/number-block`;
  const numberUrl = (userId: string) => `/api/v1/accounts/${accountId}/users/${userId}/number`;
  const setBlock = (payload: object) => operator.request({ method: 'PUT', url: blockUrl(), payload });
  const assign = (userId: string, payload: object, client = owner) =>
    client.request({ method: 'PUT', url: numberUrl(userId), payload });
  const storedNumbers = () =>
    t.db
      .selectFrom('memberNumbers')
      .select(['userId', 'extension', 'directDial'])
      .orderBy('extension')
      .execute();
  const refusal = (response: { statusCode: number; json: () => unknown }) => {
    expect(response.statusCode).toBe(400);
    const body = response.json() as { details: { field: string; code: string; message: string }[] };
    expect(body.details[0]?.message).toBeTruthy();
    return body.details.map(({ field, code }) => ({ field, code }));
  };

  it('gives the account its block with the main number ending in -0 and a fax number inside it', async () => {
    const set = await setBlock(berlin);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().block).toMatchObject({
      prefix: '+493012345',
      prefixFormatted: '+49 30 12345',
      lastExtension: 99,
      mainNumber: '+4930123450',
      mainNumberFormatted: '+49 30 12345-0',
      faxNumber: '+49301234599',
      faxNumberFormatted: '+49 30 12345-99',
    });
    expect((await operator.get(blockUrl())).json().block.mainNumber).toBe('+4930123450');
    const audited = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'actorType'])
      .where('action', 'like', 'number_block.%')
      .execute();
    expect(audited).toEqual([{ action: 'number_block.assigned', actorType: 'operator' }]);
  });

  it('refuses a malformed prefix, a fax number outside the block or on the main number', async () => {
    for (const prefix of ['030 12345', '+49 30 12a45', '+999 12345', '+']) {
      expect(refusal(await setBlock({ ...berlin, prefix }))).toEqual([
        { field: 'prefix', code: 'NUMBER_PREFIX_INVALID' },
      ]);
    }
    expect(refusal(await setBlock({ ...berlin, faxNumber: '+49 30 99999-1' }))).toEqual([
      { field: 'faxNumber', code: 'FAX_NUMBER_OUTSIDE_BLOCK' },
    ]);
    expect(refusal(await setBlock({ ...berlin, faxNumber: '+49 30 12345-0' }))).toEqual([
      { field: 'faxNumber', code: 'FAX_NUMBER_RESERVED' },
    ]);
    expect(refusal(await setBlock({ ...berlin, lastExtension: 9999, prefix: '+49 30 1234567890' }))).toEqual([
      { field: 'lastExtension', code: 'NUMBER_BLOCK_TOO_LONG' },
    ]);
    expect(await t.db.selectFrom('numberBlocks').selectAll().execute()).toEqual([]);
    const unknown = await operator.request({
      method: 'PUT',
      url: '/api/v1/operator/accounts/00000000-0000-0000-0000-000000000000/number-block',
      payload: berlin,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('gives members extensions with the prefix + extension as default number, and removes them', async () => {
    expect((await assign(mia.user.id, { extension: '12' })).statusCode).toBe(409); // no block yet
    await setBlock(berlin);
    const given = await assign(mia.user.id, { extension: '12' });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json()).toEqual({
      userId: mia.user.id,
      extension: '12',
      directDial: '+49301234512',
      directDialFormatted: '+49 30 12345-12',
    });
    const own = await assign(max.user.id, { extension: '13', directDial: '+49 30 12345-40' });
    expect(own.json().directDial).toBe('+49301234540');
    expect(await storedNumbers()).toEqual([
      { userId: mia.user.id, extension: '12', directDial: '+49301234512' },
      { userId: max.user.id, extension: '13', directDial: '+49301234540' },
    ]);

    expect((await owner.delete(numberUrl(max.user.id))).statusCode).toBe(204);
    expect(await storedNumbers()).toHaveLength(1);
    const audited = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'targetId'])
      .where('action', 'like', 'member_number.%')
      .orderBy('createdAt')
      .execute();
    expect(audited.map((row) => row.action)).toEqual([
      'member_number.assigned',
      'member_number.assigned',
      'member_number.removed',
    ]);
  });

  it('refuses duplicates, numbers outside the block, the main and fax numbers, and writes nothing', async () => {
    await setBlock(berlin);
    await assign(mia.user.id, { extension: '12' });
    const cases: [object, { field: string; code: string }][] = [
      [{ extension: '12' }, { field: 'extension', code: 'EXTENSION_TAKEN' }],
      [{ extension: '100' }, { field: 'extension', code: 'EXTENSION_OUTSIDE_RANGE' }],
      [{ extension: '07' }, { field: 'extension', code: 'EXTENSION_OUTSIDE_RANGE' }],
      [{ extension: '0' }, { field: 'extension', code: 'EXTENSION_RESERVED' }],
      [
        { extension: '20', directDial: '+49 30 99999-20' },
        { field: 'directDial', code: 'DIRECT_DIAL_OUTSIDE_BLOCK' },
      ],
      [
        { extension: '20', directDial: '+49 30 12345-100' },
        { field: 'directDial', code: 'DIRECT_DIAL_OUTSIDE_BLOCK' },
      ],
      [
        { extension: '20', directDial: '+49 30 12345-12' },
        { field: 'directDial', code: 'DIRECT_DIAL_TAKEN' },
      ],
      [
        { extension: '20', directDial: '+49 30 12345-0' },
        { field: 'directDial', code: 'DIRECT_DIAL_RESERVED' },
      ],
      [{ extension: '99' }, { field: 'directDial', code: 'DIRECT_DIAL_RESERVED' }], // the fax number
    ];
    for (const [payload, expected] of cases) {
      expect(refusal(await assign(max.user.id, payload)), JSON.stringify(payload)).toEqual([expected]);
    }
    // The message is the reader's language and names the range.
    const german = await owner.request({
      method: 'PUT',
      url: numberUrl(max.user.id),
      payload: { extension: '100' },
      headers: { 'accept-language': 'de' },
    });
    expect(german.json().details[0].message).toMatch(/Durchwahl.*1 bis 99/);
    expect(await storedNumbers()).toEqual([
      { userId: mia.user.id, extension: '12', directDial: '+49301234512' },
    ]);
  });

  it("refuses a change of the block that would leave a member's number outside it", async () => {
    await setBlock(berlin);
    await assign(mia.user.id, { extension: '42' });
    const narrower = await setBlock({ ...berlin, lastExtension: 9, faxNumber: null });
    expect(narrower.statusCode).toBe(409);
    expect(narrower.json().code).toBe('NUMBER_BLOCK_EXCLUDES_ASSIGNED');
    expect(narrower.json().message).toContain('Mia Muster (42)');
    expect((await setBlock({ ...berlin, prefix: '+49 30 54321', faxNumber: null })).statusCode).toBe(409);
    expect(refusal(await setBlock({ ...berlin, faxNumber: '+49 30 12345-42' }))).toEqual([
      { field: 'faxNumber', code: 'FAX_NUMBER_TAKEN' },
    ]);
    expect((await t.db.selectFrom('numberBlocks').selectAll().executeTakeFirstOrThrow()).prefix).toBe(
      '+493012345',
    );
    // A change that keeps everyone inside is taken.
    const wider = await setBlock({ ...berlin, lastExtension: 999 });
    expect(wider.statusCode, wider.body).toBe(200);
  });

  it('keeps other accounts and members without the permission out', async () => {
    await setBlock(berlin);
    const foreign = await signedInOwner(t.app, {
      email: 'chef@andere.test',
      companyName: 'Andere',
      username: 'chef',
    });
    const foreignAccount = await accountIdOf(foreign.client);
    const stranger = (
      await foreign.client.post(`/api/v1/accounts/${foreignAccount}/users`, {
        username: 'stranger',
        firstName: 'S',
        lastName: 'Tranger',
      })
    ).json().user.id;
    expect((await assign(stranger, { extension: '30' })).statusCode).toBe(404);
    expect((await owner.delete(numberUrl(stranger))).statusCode).toBe(404);
    expect((await assign(max.user.id, { extension: '30' }, mia.client)).statusCode).toBe(403);
    expect((await foreign.client.get(`/api/v1/accounts/${accountId}/directory`)).statusCode).toBe(404);
    expect(await storedNumbers()).toEqual([]);
  });

  it('lists the directory for every member, with main and fax number, searchable', async () => {
    await setBlock(berlin);
    await assign(mia.user.id, { extension: '12' });
    await assign(max.user.id, { extension: '13', directDial: '+49 30 12345-55' });
    const url = `/api/v1/accounts/${accountId}/directory`;
    const all = await mia.client.get(url); // a plain member, no permissions
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().block).toMatchObject({
      mainNumberFormatted: '+49 30 12345-0',
      faxNumberFormatted: '+49 30 12345-99',
    });
    const mias = all.json().items.find((item: { userId: string }) => item.userId === mia.user.id);
    expect(mias).toMatchObject({
      email: 'mia@jura.test',
      extension: '12',
      directDialFormatted: '+49 30 12345-12',
    });
    expect(all.json().items).toHaveLength(3); // the owner too, without a number

    const found = async (q: string) =>
      (await mia.client.get(`${url}?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((item: { userId: string }) => item.userId);
    expect(await found('mustermann')).toEqual([max.user.id]);
    // By extension; other users may match too where their random user number holds the digits.
    expect(await found('13')).toContain(max.user.id);
    expect(await found('+49 30 12345-55')).toEqual([max.user.id]);
    expect(await found('12345-12')).toEqual([mia.user.id]);
    expect(await found('nobody')).toEqual([]);
  });
});
