// Services of the catalogue made through the operators' API, for tests of what uses them.
import type { TestClient } from './test-client.ts';

/** Creates a service and gives it a price from now; returns its id. */
export async function serviceWithPrice(
  operator: TestClient,
  options: {
    code: string;
    names?: { de: string; en: string; hu: string };
    unit?: 'request' | 'message' | 'page';
    netCents?: number;
    vatRateBp?: number;
  },
): Promise<string> {
  const created = await operator.post('/api/v1/operator/services', {
    code: options.code,
    names: options.names ?? {
      de: `${options.code} (de)`,
      en: `${options.code} (en)`,
      hu: `${options.code} (hu)`,
    },
    unit: options.unit ?? 'request',
    adapter: 'demo',
  });
  if (created.statusCode !== 201) throw new Error(`service creation failed: ${created.body}`);
  const id = created.json().id as string;
  const priced = await operator.post(`/api/v1/operator/services/${id}/prices`, {
    netCents: options.netCents ?? 35,
    vatRateBp: options.vatRateBp ?? 1900,
  });
  if (priced.statusCode !== 201) throw new Error(`price failed: ${priced.body}`);
  return id;
}
