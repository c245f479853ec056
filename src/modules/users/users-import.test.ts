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
      'Benutzernummer',
      'Benutzername',
      'Anrede',
      'Titel',
      'Vorname',
      'Nachname',
      'E-Mail',
      'Rolle',
    ]);
    expect(rows.map((row) => [row[1], row[2], row[6], row[7]])).toEqual([
      ['Justus Jura', 'Herr', 'justus@jura.test', 'Inhaber'],
      ['mia', '', 'mia@jura.test', 'Mitglied'],
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
    const csv = `${exported}1;anna;Frau;Dr.;Anna;Alt;anna@jura.test;Verwalter\r\n2;bernd;;;Bernd;Bauer;;Mitglied\r\n`;
    const result = (await importCsv(csv, true)).json();
    expect(result.created).toBe(2);
    expect(result.rows.map((row: { status: string }) => row.status)).toEqual(['exists', 'new', 'new']);
    const users = (await owner.get(base)).json().items;
    expect(
      users.map((user: { username: string; role: string; salutation: string }) => [
        user.username,
        user.role,
        user.salutation,
      ]),
    ).toEqual([
      ['anna', 'admin', 'ms'], // the role column is honoured
      ['bernd', 'member', null],
      ['Justus Jura', 'owner', 'mr'],
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
      message: expect.stringContaining('Benutzername, Vorname, Nachname'), // as the caller's spreadsheet names them
    });
    const { client: member } = await signedInUser(t.app, owner, base.split('/')[4] ?? '', {
      username: 'm',
      email: 'm@jura.test',
    });
    expect((await importCsv('username,firstName,lastName\nx,X,Y', false, member)).statusCode).toBe(403);
    expect((await member.get(`${base}/export.csv`)).statusCode).toBe(403);
  });

  it('CSV opens in the user’s spreadsheet: the export follows the caller’s language', async () => {
    await owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } });
    const english = (await owner.get(`${base}/export.csv`)).body;
    expect(english.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFUser number,User name,Salutation,Title,First name,Last name,E-mail,Role',
      expect.stringMatching(/^\d{7},Justus Jura,Mr,Dr\.,Justus,Jura,justus@jura\.test,Owner$/),
    ]);
    await owner.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'hu' } });
    const hungarian = parseCsv((await owner.get(`${base}/export.csv`)).body);
    expect(hungarian[0]?.slice(4, 6)).toEqual(['Vezetéknév', 'Keresztnév']);
    expect(hungarian[1]?.slice(4, 6)).toEqual(['Jura', 'Justus']);
  });

  it('reads both forms: an English file with commas and a German one with semicolons', async () => {
    const english =
      'User name,First name,Last name,E-mail,Role,Salutation\nanna,Anna,Alt,anna@jura.test,Administrator,Ms\n';
    const german = '\uFEFFBenutzername;Vorname;Nachname;Rolle\r\nbernd;Bernd;Bauer;Mitglied\r\n';
    for (const csv of [english, german]) {
      const preview = (await importCsv(csv, false)).json();
      expect(preview.rows.map((row: { errors: unknown[] }) => row.errors)).toEqual([[]]);
    }
    expect((await importCsv(german, false)).json().rows[0]).toMatchObject({
      username: 'bernd',
      firstName: 'Bernd',
      role: 'member',
    });
    const row = (await importCsv(english, false)).json().rows[0];
    expect(row).toMatchObject({ username: 'anna', role: 'admin', salutation: 'ms', status: 'new' });
  });

  it('marks in the preview the rows the confirmation would refuse: an admin without e-mail, an owner', async () => {
    const csv = [
      'Benutzername;Vorname;Nachname;E-Mail;Rolle;Anrede',
      'anna;Anna;Alt;;Verwalter;',
      'olaf;Olaf;Ohm;olaf@jura.test;Inhaber;',
      'rita;Rita;Rot;;Chefin;',
      'sina;Sina;Sand;;;Fräulein',
      'tom;Tom;Tal;tom@jura.test;admin;Herr',
    ].join('\n');
    const preview = (await importCsv(csv, false)).json();
    expect(preview.rows.map((row: { status: string }) => row.status)).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'new',
    ]);
    const problems = preview.rows.map((row: { errors: { field: string; message: string }[] }) => row.errors);
    expect(problems[0]).toEqual([
      {
        field: 'email',
        code: 'ADMIN_EMAIL_REQUIRED',
        message: 'Ein Benutzer mit Verwalterrecht braucht eine E-Mail-Adresse.',
      },
    ]);
    expect(problems[1][0]).toMatchObject({ field: 'role', code: 'IMPORT_OWNER_ROLE' });
    expect(problems[2][0]).toMatchObject({
      field: 'role',
      message: expect.stringContaining('Inhaber, Verwalter, Mitglied'),
    });
    expect(problems[3][0]).toMatchObject({
      field: 'salutation',
      message: expect.stringContaining('Frau, Herr, divers'),
    });
    expect((await importCsv(csv, true)).json().code).toBe('IMPORT_HAS_ERRORS');
  });
});
