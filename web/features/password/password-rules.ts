// Mirrors the server's rule: length in characters after NFKC normalization, 12 to 128.
export const passwordMinLength = 12;
export const passwordMaxLength = 128;

export const passwordLength = (password: string): number => [...password.normalize('NFKC')].length;
