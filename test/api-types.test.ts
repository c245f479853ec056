// Issue 7, item 1: the web app's API types come from the server's own route schemas, so a use that does
// not follow a schema fails to compile.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiTypes } from '../scripts/api-types.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kontor-api-types-'));
  await writeFile(path.join(dir, 'schema.d.ts'), await generateApiTypes());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const header = `import type { paths } from './schema';
type Session = paths['/api/v1/auth/session']['get']['responses'][200]['content']['application/json'];
declare const session: Session;
`;

const uses = {
  follows: `const zone: string = session.account.timeZone;
const role: 'owner' | 'admin' | 'member' = session.account.role;
const email: string | null = session.user.email;`,
  unknownField: 'session.account.seats;',
  wrongType: 'const email: string = session.user.email;',
  wrongPath: "type Gone = paths['/api/v1/no-such-route'];",
};

/** The compiler's complaints about each use, checked against the generated types in one program. */
async function compile(): Promise<Record<keyof typeof uses, string>> {
  const files = await Promise.all(
    Object.entries(uses).map(async ([name, code]) => {
      const file = path.join(dir, `${name}.ts`);
      await writeFile(file, `${header}${code}\nexport {};\n`);
      return [name, file] as const;
    }),
  );
  const program = ts.createProgram(
    files.map(([, file]) => file),
    { strict: true, noEmit: true, skipLibCheck: true },
  );
  const complaints = files.map(([name, file]) => {
    const found = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
    return [name, found.map((item) => ts.flattenDiagnosticMessageText(item.messageText, ' ')).join('; ')];
  });
  return Object.fromEntries(complaints);
}

describe('the generated API types', () => {
  it('accept a use that follows the route schemas and refuse one that does not', async () => {
    const complaints = await compile();
    expect(complaints.follows).toBe('');
    expect(complaints.unknownField).toMatch(/'seats' does not exist/);
    expect(complaints.wrongType).toMatch(/'null' is not assignable/);
    expect(complaints.wrongPath).toMatch(/no-such-route/);
  });
});
