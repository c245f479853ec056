import { hash, verify } from '@node-rs/argon2';

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane. Set explicitly so a
// library default change never weakens stored hashes.
export const argon2Options = {
  algorithm: 2, // Algorithm.Argon2id, a const enum that verbatimModuleSyntax cannot import
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const passwordMinLength = 12;
export const passwordMaxLength = 128;

/** NFKC so the same visible password always hashes the same; never truncated. */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

export const passwordLength = (password: string): number => [...normalizePassword(password)].length;

export const hashPassword = (password: string): Promise<string> =>
  hash(normalizePassword(password), argon2Options);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, normalizePassword(password), argon2Options).catch(() => false);

// Verifying against this when no account matches keeps unknown-user and wrong-password answers equally slow.
let dummyHash: Promise<string> | undefined;
export const verifyAgainstDummy = async (password: string): Promise<false> => {
  dummyHash ??= hashPassword('kontor-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
};
