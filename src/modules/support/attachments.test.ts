// Issue 11, bad input: attachments are bounded in count and size, their bytes must be what they claim
// (a short list of kinds), and their names carry no path.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachDatabase, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { accountIdOf, signedInOwner, type TestClient } from '../../../test/helpers/test-client.ts';
import { safeFilename } from '../../shared/filenames.ts';
import { maxAttachmentBytes } from './attachments.ts';
import { pngAttachment } from './test-attachments.ts';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');

describeEachDatabase('support attachments', (dialect) => {
  let t: TestApp;
  let owner: TestClient;
  let base: string;
  beforeAll(async () => {
    t = await buildTestApp({ db: dialect });
    owner = (await signedInOwner(t.app)).client;
    base = `/api/v1/accounts/${await accountIdOf(owner)}/support-requests`;
  });
  afterAll(() => t.close());

  const attempt = (attachments: object[]) =>
    owner.post(base, { subject: 'Anhänge', text: 'Siehe Anhang.', attachments });
  const stored = () => t.db.selectFrom('supportAttachments').select(['filename', 'contentType']).execute();

  it('takes five attachments of the allowed kinds, not six', async () => {
    const six = Array.from({ length: 6 }, (_, index) => pngAttachment(`bild-${index}.png`));
    const refused = await attempt(six);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].field).toBe('attachments');
    const before = (await stored()).length;
    const five = await attempt([
      pngAttachment(),
      { filename: 'rechnung.pdf', contentType: 'application/pdf', data: pdf.toString('base64') },
      {
        filename: 'log.txt',
        contentType: 'text/plain',
        data: Buffer.from('Fehler: 42\n').toString('base64'),
      },
      {
        filename: 'foto.jpg',
        contentType: 'image/jpeg',
        data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]).toString('base64'),
      },
      {
        filename: 'daten.zip',
        contentType: 'application/zip',
        data: Buffer.from('PK\x03\x04rest').toString('base64'),
      },
    ]);
    expect(five.statusCode, five.body).toBe(201);
    expect((await stored()).length - before).toBe(5);
  });

  it('refuses an attachment over 5 MiB with a field error, and stores nothing of the request', async () => {
    const requestsBefore = await t.db.selectFrom('supportRequests').select('id').execute();
    const big = Buffer.alloc(maxAttachmentBytes + 1, 0x41);
    const refused = await attempt([
      pngAttachment(),
      { filename: 'gross.txt', contentType: 'text/plain', data: big.toString('base64') },
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([
      expect.objectContaining({ field: 'attachments.1', code: 'SUPPORT_ATTACHMENT_TOO_LARGE' }),
    ]);
    expect(await t.db.selectFrom('supportRequests').select('id').execute()).toHaveLength(
      requestsBefore.length,
    );
  });

  it('refuses bytes that are not what they claim, and kinds outside the list', async () => {
    const disguised = await attempt([
      { filename: 'x.pdf', contentType: 'application/pdf', data: pngAttachment().data },
    ]);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().details[0]).toMatchObject({
      field: 'attachments.0',
      code: 'SUPPORT_ATTACHMENT_TYPE',
    });
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const asHtml = await attempt([{ filename: 'x.html', contentType: 'text/html', data: html }]);
    expect(asHtml.statusCode).toBe(400);
    const binaryAsText = Buffer.from([0x00, 0x01, 0x02, 0x7f]).toString('base64');
    const asText = await attempt([{ filename: 'x.txt', contentType: 'text/plain', data: binaryAsText }]);
    expect(asText.json().details[0].code).toBe('SUPPORT_ATTACHMENT_TYPE');
    const notBase64 = await attempt([{ filename: 'x.png', contentType: 'image/png', data: '***' }]);
    expect(notBase64.json().details[0].code).toBe('SUPPORT_ATTACHMENT_INVALID');
  });

  it('keeps only the last part of a name with a path, without control characters', async () => {
    const opened = await attempt([
      pngAttachment('../../etc/pass\u0007wd.png'),
      pngAttachment('C:\\Users\\mia\\bild.png'),
    ]);
    expect(opened.statusCode, opened.body).toBe(201);
    const names = opened.json().messages[0].attachments.map((a: { filename: string }) => a.filename);
    expect(names).toEqual(['passwd.png', 'bild.png']);
    expect(safeFilename('...')).toBe('attachment');
    expect(safeFilename(`${'a'.repeat(300)}.pdf`)).toBe(`${'a'.repeat(116)}.pdf`);
  });
});
