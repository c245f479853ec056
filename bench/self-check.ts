import type { Benchmark } from './lib/benchmark.ts';
import { compareAlternating } from './lib/compare.ts';
import { startBareFastify } from './lib/servers.ts';

/** Bare Fastify against a second bare Fastify: checks the harness and shows how noisy the machine is. */
export const self: Benchmark = {
  name: 'SELF',
  description: 'harness check: bare Fastify over bare Fastify, the ratio should be close to 1',
  goal: { op: '>=', value: 0.9 },
  async run(options) {
    const limit = await startBareFastify();
    const subject = await startBareFastify();
    return compareAlternating({
      ...options,
      limit: { label: 'bare-fastify A GET /', url: `${limit.baseUrl}/` },
      subject: { label: 'bare-fastify B GET /', url: `${subject.baseUrl}/` },
    });
  },
};
