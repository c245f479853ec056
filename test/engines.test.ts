// Issue 6.15: `npm install` warned EBADENGINE (cookie@2 wants Node 22). Every installed package must run on
// the oldest Node.js that package.json's `engines` promises, so that promise holds for the whole tree.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { expect, it } from 'vitest';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));

it('npm install warns EBADENGINE: no package of the tree wants a newer Node.js than engines promises', () => {
  const oldest = semver.minVersion(read('package.json').engines.node)?.version ?? '';
  expect(oldest).toBe('20.19.0');
  const lock: { packages: Record<string, { engines?: { node?: string } | string[] }> } =
    read('package-lock.json');
  const wanting = Object.entries(lock.packages)
    .map(([location, entry]) => ({
      location,
      node: Array.isArray(entry.engines) ? undefined : entry.engines?.node,
    }))
    .filter(({ node }) => node && semver.validRange(node) && !semver.satisfies(oldest, node))
    .map(({ location, node }) => `${location} wants node ${node}`);
  expect(wanting).toEqual([]);
});
