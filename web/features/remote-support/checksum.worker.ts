// The SHA-256 of a file being sent, computed in a worker (the bytes are moved here, not copied): crypto.subtle.digest blocks the thread it runs
// on, and the page's thread is the one that feeds the data channel meanwhile.
import { sha256Hex } from './sha256.ts';

self.addEventListener('message', async ({ data }: MessageEvent<ArrayBuffer>) => {
  try {
    self.postMessage({ sha256: await sha256Hex(data) });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
