// The official EN 16931 validation for CII (test/fixtures/en16931/, see its README): the XSLT is compiled to
// SaxonJS's SEF form once per machine and SaxonJS version (cached outside the repository), then every invoice
// a test produces runs through it. Every failed-assert is returned, warnings included.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SaxonJS from 'saxon-js';

export interface FailedAssert {
  id: string;
  text: string;
  location: string;
}

export const en16931Dir = path.resolve('test/fixtures/en16931');
const stylesheet = path.join(en16931Dir, 'EN16931-CII-validation.xslt');
const require = createRequire(import.meta.url);
const xslt3 = require.resolve('xslt3/xslt3.js');

function cachePath() {
  const key = createHash('sha256')
    .update(fs.readFileSync(stylesheet))
    .update(JSON.stringify(require('saxon-js/package.json').version))
    .update(JSON.stringify(require('xslt3/package.json').version))
    .digest('hex')
    .slice(0, 16);
  return path.join(os.tmpdir(), 'kontor-en16931', `EN16931-CII-validation-${key}.sef.json`);
}

async function compile(target: string) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Test files run in parallel processes: each writes its own file and renames it, so none reads half a file.
  const partial = `${target}.${process.pid}.partial`;
  await promisify(execFile)(
    process.execPath,
    [xslt3, `-xsl:${stylesheet}`, `-export:${partial}`, '-nogo', '-relocate:on'],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  fs.renameSync(partial, target);
}

let loaded: Promise<unknown> | undefined;

/** The compiled stylesheet, compiled at most once per machine (10–30 s) and read once per process. */
function compiledStylesheet(): Promise<unknown> {
  loaded ??= (async () => {
    const target = cachePath();
    if (!fs.existsSync(target)) await compile(target);
    return JSON.parse(fs.readFileSync(target, 'utf8'));
  })();
  return loaded;
}

interface SvrlElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/** The failed assertions of the EN 16931 CII rules for `xml`; none for a valid invoice. */
export async function failedAsserts(xml: string): Promise<FailedAssert[]> {
  const result = await SaxonJS.transform(
    { stylesheetInternal: await compiledStylesheet(), sourceText: xml, destination: 'document' },
    'async',
  );
  const found = SaxonJS.XPath.evaluate('//*:failed-assert', result.principalResult, {
    resultForm: 'array',
  }) as SvrlElement[];
  return found.map((element) => ({
    id: element.getAttribute('id') ?? '',
    text: (element.textContent ?? '').trim().replace(/\s+/g, ' '),
    location: element.getAttribute('location') ?? '',
  }));
}
