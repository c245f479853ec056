import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError, defineErrors } from './app-error.ts';
import { checkPassword, normalizePassword } from './password-policy.ts';

export { passwordMaxLength, passwordMinLength } from './password-policy.ts';

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane. Set explicitly so a
// library default change never weakens stored hashes.
export const argon2Options = {
  algorithm: 2, // Algorithm.Argon2id, a const enum that verbatimModuleSyntax cannot import
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const passwordErrors = defineErrors({
  PASSWORD_TOO_SHORT: 400,
  PASSWORD_TOO_LONG: 400,
  PASSWORD_TOO_COMMON: 400,
  PASSWORD_CONTAINS_PERSONAL_DATA: 400,
  PASSWORD_TOO_GUESSABLE: 400,
});

/** Throws the policy's reason, also as a detail of the field so forms show it under that field. */
export function assertPasswordAcceptable(
  password: string,
  context: (string | null | undefined)[],
  field = 'password',
): void {
  const problem = checkPassword(password, context);
  if (!problem) return;
  const params = 'params' in problem ? problem.params : {};
  throw new AppError(problem.code, { params, details: [{ field, code: problem.code }] });
}

/**
 * argon2id runs in worker threads of lower CPU priority than the event loop (bench G2): under a wave of
 * sign-ins the hashing takes the CPU the request thread leaves, instead of starving every other request.
 * One thread per core; more would only share the same cores.
 */
const argon2Pool = new Piscina({
  filename: new URL('./password-worker.js', import.meta.url).href,
  maxThreads: availableParallelism(),
  niceIncrement: 10,
  // An idle server holds no hashing threads (bench M1: each is a V8 isolate and argon2's 19 MiB); the next
  // sign-in starts one again in some 20 ms.
  minThreads: 0,
  idleTimeout: 5_000,
  execArgv: [], // not the server's own flags (preloads, profiling): the worker is plain JavaScript
});

export const hashPassword = (password: string): Promise<string> =>
  argon2Pool.run({ kind: 'hash', password: normalizePassword(password), options: argon2Options });

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  argon2Pool
    .run({ kind: 'verify', passwordHash, password: normalizePassword(password), options: argon2Options })
    .catch(() => false);

// Verifying against this when no account matches keeps unknown-user and wrong-password answers equally slow.
let dummyHash: Promise<string> | undefined;
export const verifyAgainstDummy = async (password: string): Promise<false> => {
  dummyHash ??= hashPassword('kontor-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
};
