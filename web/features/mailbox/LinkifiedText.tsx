import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

const urlPattern = /https?:\/\/[^\s<>"']+/g;
// Sentence punctuation right after a URL belongs to the sentence, not the link.
const trailingPunctuation = /[.,;:!?)\]}]+$/;

/** Plain text with its http(s) URLs as links; built as React elements, never as HTML. */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let position = 0;
  for (const match of text.matchAll(urlPattern)) {
    const url = match[0].replace(trailingPunctuation, '');
    const start = match.index;
    parts.push(text.slice(position, start));
    parts.push(
      <Anchor key={start} href={url} rel="noreferrer" inherit>
        {url}
      </Anchor>,
    );
    position = start + url.length;
  }
  parts.push(text.slice(position));
  return <>{parts}</>;
}
