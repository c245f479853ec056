import type { ServicesTable } from '../../../db/schema.ts';
import type { ServiceAdapter } from './adapter.ts';
import { demoAdapter } from './demo.ts';
import { createHttpAdapter } from './http.ts';

export * from './adapter.ts';

/** One adapter per kind a service names in services.adapter. */
export function createAdapters({
  timeoutMs,
}: {
  timeoutMs: number;
}): Record<ServicesTable['adapter'], ServiceAdapter> {
  return { demo: demoAdapter, http: createHttpAdapter({ timeoutMs }) };
}
