import type { Benchmark } from './lib/benchmark.ts';
import { compareAlternating } from './lib/compare.ts';
import { startBareFastify, startKontor } from './lib/servers.ts';

export const g0: Benchmark = {
  name: 'G0',
  description: 'Kontor GET /healthz req/s over a bare Fastify hello-world',
  goal: { op: '>=', value: 0.5 },
  async run(options) {
    const bare = await startBareFastify();
    const kontor = await startKontor(options);
    return compareAlternating({
      ...options,
      limit: { label: 'bare-fastify GET /', url: `${bare.baseUrl}/` },
      subject: { label: 'kontor GET /healthz', url: `${kontor.baseUrl}/healthz` },
    });
  },
};
