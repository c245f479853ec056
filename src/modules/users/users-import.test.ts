// U8: CSV export, and an import that previews every row's problems and then creates all or nothing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  accountIdOf,
  signedInOwner,
  signedInUser,
  subjectsTo,
  type TestClient,
} from '../../../test/helpers/test-client.ts';
import { parseCsv } from './users-csv.ts';

describeEachDatabase('users CSV', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let base: string;
  beforeEach(async () => {
    t = await buildTestApp({ db: dialect, env: { DEFAULT_SEAT_LIMIT: '4' } });
    owner = (await signedInOwner(t.app)).client;
    base = `/api/v1/accounts/${await accountIdOf(owner)}/users`;
  });
  afterEach(() => t.close());

  const importCsv = (csv: string, confirm: boolean, client = owner) =>
    client.post(`${base}/import`, { csv, confirm });
  const count = async () => (await t.db.selectFrom('users').select('id').execute()).length;

  it('exports every user with its numbers and role', async () => {
    await owner.post(base, { username: 'mia', firstName: 'Mia', lastName: 'Muster', email: 'mia@jura.test' });
    const response = await owner.get(`${base}/export.csv`);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('users.csv');
    expect(response.headers['cache-control']).toBe('no-store');
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual([
      'userNumber',
      'username',
      'salutation',
      'title',
      'firstName',
      'lastName',
      'email',
      'role',
    ]);
    expect(rows.map((row) => [row[1], row[6], row[7]])).toEqual([
      ['Justus Jura', 'justus@jura.test', 'owner'],
      ['mia', 'mia@jura.test', 'member'],
    ]);
  });

  it('previews without changing anything, naming each row’s problems in the caller’s language', async () => {
    const csv = [
      'username;firstName;lastName;email',
      'anna;Anna;Alt;anna@jura.test',
      ';Bernd;Bauer;', // no user name
      'carla;Carla;Christ;not-an-address',
      'anna;Anna;Andere;', // duplicate in the file
      'Justus Jura;J;J;', // taken in the account
      `${'x'.repeat(101)};Long;Name;`,
    ].join('\r\n');
    const preview = await importCsv(csv, false);
    expect(preview.statusCode).toBe(200);
    const rows = preview.json().rows;
    expect(rows.map((row: { line: number; status: string }) => [row.line, row.status])).toEqual([
      [2, 'new'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'invalid'],
    ]);
    expect(rows[5].errors).toEqual([
      { field: 'username', code: 'maxLength', message: 'darf höchstens 100 Zeichen lang sein' },
    ]);
    expect(rows[1].errors).toEqual([{ field: 'username', code: 'required', message: 'ist ein Pflichtfeld' }]);
    expect(rows[2].errors[0]).toMatchObject({ field: 'email', code: 'email' });
    expect(rows[3].errors[0]).toMatchObject({ field: 'username', code: 'USERNAME_TAKEN' });
    expect(await count()).toBe(1);

    const refused = await importCsv(csv, true);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('IMPORT_HAS_ERRORS');
    expect(await count()).toBe(1);
  });

  it('creates every valid row on confirm, sends credentials, and skips users it already has', async () => {
    const exported = (await owner.get(`${base}/export.csv`)).body; // the owner's own row: exists
    const csv = `${exported}1,anna,,Dr.,Anna,Alt,anna@jura.test,admin\r\n2,bernd,,,Bernd,Bauer,,member\r\n`;
    const result = (await importCsv(csv, true)).json();
    expect(result.created).toBe(2);
    expect(result.rows.map((row: { status: string }) => row.status)).toEqual(['exists', 'new', 'new']);
    const users = (await owner.get(base)).json().items;
    expect(users.map((user: { username: string; role: string }) => [user.username, user.role])).toEqual([
      ['anna', 'member'], // a role column never grants the admin right
      ['bernd', 'member'],
      ['Justus Jura', 'owner'],
    ]);
    expect(await subjectsTo(t.app, 'anna@jura.test')).toEqual([
      'Ihre Zugangsdaten für Kanzlei Jura & Partner',
    ]);
    expect(await subjectsTo(t.app, 'justus@jura.test')).toContain('Zugangsdaten für Bernd Bauer');
  });

  it('applies the seat limit to the whole file', async () => {
    const csv = ['username,firstName,lastName', 'a,A,A', 'b,B,B', 'c,C,C', 'd,D,D'].join('\n');
    const preview = (await importCsv(csv, false)).json();
    expect(preview.rows.map((row: { status: string }) => row.status)).toEqual([
      'new',
      'new',
      'new',
      'invalid',
    ]);
    expect(preview.rows[3].errors[0].message).toContain('4 von 4');
    expect((await importCsv(csv, true)).statusCode).toBe(400);
    expect(await count()).toBe(1);
  });

  it('refuses a file without the needed columns, and non-admins', async () => {
    const missing = await importCsv('name,mail\nx,y', false);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'IMPORT_COLUMNS_MISSING',
      message: expect.stringContaining('username, firstName, lastName'),
    });
    const { client: member } = await signedInUser(t.app, owner, base.split('/')[4] ?? '', {
      username: 'm',
      email: 'm@jura.test',
    });
    expect((await importCsv('username,firstName,lastName\nx,X,Y', false, member)).statusCode).toBe(403);
    expect((await member.get(`${base}/export.csv`)).statusCode).toBe(403);
  });
});
