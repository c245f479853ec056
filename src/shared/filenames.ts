// A file name from outside (an upload, an e-mail attachment) as Kontor stores and serves it: the last path
// segment, without control, quoting or reserved characters, without direction marks (which let
// "invoice\u202Efdp.exe" pass for "invoice.exe" read backwards), at most 120 characters, extension kept.

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const unsafe = /[\u0000-\u001f\u007f-\u009f"<>|:*?\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const maxCharacters = 120;

export function safeFilename(name: string | undefined): string {
  const base = ((name ?? '').split(/[/\\]/).pop() ?? '')
    .replace(unsafe, '')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!base) return 'attachment';
  const chars = [...base];
  if (chars.length <= maxCharacters) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return chars.slice(0, maxCharacters - [...extension].length).join('') + extension;
}
