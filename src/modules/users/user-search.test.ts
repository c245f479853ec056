// Issue 6.13 "search finds Müller for Mueller and Kovács for Kovacs", on both databases.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOperator,
  signedInOwner,
  type TestClient,
} from '../../../test/helpers/test-client.ts';

describeEachDatabase('search', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let users: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect, env: { DEFAULT_SEAT_LIMIT: '10' } });
    owner = (await signedInOwner(t.app, { companyName: 'Steuerbüro Kovács Kft.' })).client;
    users = `/api/v1/accounts/${await accountIdOf(owner)}/users`;
    for (const [username, firstName, lastName] of [
      ['jm', 'Jörg', 'Müller'],
      ['pk', 'Péter', 'Kovács'],
      ['gross', 'Grete', 'Groß'],
      ['moeller', 'Mia', 'Möller'],
    ]) {
      await owner.post(users, { username, firstName, lastName });
    }
  });
  afterEach(() => t.close());

  const found = async (q: string) =>
    (await owner.get(`${users}?q=${encodeURIComponent(q)}`))
      .json()
      .items.map((user: { lastName: string }) => user.lastName);

  it('search finds "Müller" for "Mueller" and "Kovács" for "Kovacs", folding umlauts, accents and ß', async () => {
    expect(await found('Mueller')).toEqual(['Müller']);
    expect(await found('muller')).toEqual(['Müller']);
    expect(await found('MÜLLER')).toEqual(['Müller']);
    expect(await found('Kovacs')).toEqual(['Kovács']);
    expect(await found('Péter')).toEqual(['Kovács']);
    expect(await found('gross')).toEqual(['Groß']);
    expect(await found('Joerg')).toEqual(['Müller']);
    expect(await found('ller')).toEqual(['Möller', 'Müller']);
    expect(await found('Moeller')).toEqual(['Möller']); // not Müller: folding never mixes letters up
  });

  it('finds a renamed user by the new name only', async () => {
    const id = (await owner.get(`${users}?q=kovacs`)).json().items[0].id;
    await owner.request({ method: 'PATCH', url: `${users}/${id}`, payload: { lastName: 'Szabó' } });
    expect(await found('Szabo')).toEqual(['Szabó']);
    expect(await found('Kovacs')).toEqual([]);
  });

  it('finds customer accounts by folded name and by their owner’s folded name', async () => {
    await signedInOwner(t.app, {
      companyName: 'Andere GmbH',
      lastName: 'Schäfer',
      email: 'chef@andere.test',
      username: 'chef',
    });
    const { client: operator } = await signedInOperator(t.app);
    const accounts = async (q: string) =>
      (await operator.get(`/api/v1/operator/accounts?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((account: { name: string }) => account.name);
    expect(await accounts('steuerburo kovacs')).toEqual(['Steuerbüro Kovács Kft.']);
    expect(await accounts('Schaefer')).toEqual(['Andere GmbH']);
    expect(await accounts('%')).toEqual([]); // % is searched for, not a wildcard
  });
});
