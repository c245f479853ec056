// One argon2id hash or verify, synchronously, in a worker thread of the low-priority pool in passwords.ts.
// Plain JavaScript: worker threads start without the TypeScript loader.
import { hashSync, verifySync } from '@node-rs/argon2';

export default function argon2id({ kind, password, passwordHash, options }) {
  return kind === 'hash' ? hashSync(password, options) : verifySync(passwordHash, password, options);
}
