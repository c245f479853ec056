// The adapter for a real provider: POSTs the parameters as JSON to the service's provider_url and takes a
// JSON object back. Past `timeoutMs` (GATEWAY_TIMEOUT_MS) the call is abandoned as a timeout.
import { isServiceAnswer, ProviderError, type ServiceAdapter } from './adapter.ts';

/** A provider's answer larger than this is no answer a program should get. */
export const maxAnswerBytes = 1_048_576;

export function createHttpAdapter({ timeoutMs }: { timeoutMs: number }): ServiceAdapter {
  return {
    async call(request, { signal }) {
      if (!request.providerUrl) throw new ProviderError('failed', 'the service has no provider_url');
      const timeout = AbortSignal.timeout(timeoutMs);
      let text: string;
      try {
        const response = await fetch(request.providerUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'idempotency-key': request.idempotencyKey,
          },
          body: JSON.stringify(request.parameters),
          signal: AbortSignal.any([signal, timeout]),
          redirect: 'error',
        });
        if (response.status < 200 || response.status > 299) {
          await response.body?.cancel();
          throw new ProviderError('failed', `status ${response.status}`);
        }
        text = await readAtMost(response, maxAnswerBytes);
      } catch (error) {
        if (error instanceof ProviderError) throw error;
        if (timeout.aborted || signal.aborted) {
          throw new ProviderError('timeout', `no answer in ${timeoutMs} ms`);
        }
        throw new ProviderError('failed', `unreachable (${(error as Error).name})`);
      }
      let answer: unknown;
      try {
        answer = JSON.parse(text);
      } catch {
        throw new ProviderError('bad_answer', 'not JSON');
      }
      if (!isServiceAnswer(answer)) throw new ProviderError('bad_answer', 'not a JSON object');
      return answer;
    },
  };
}

/** The body as text, refused once it passes `limit` bytes (the rest is not read). */
async function readAtMost(response: Response, limit: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader?.cancel();
      throw new ProviderError('bad_answer', 'answer too large');
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
