// The HTML part of every e-mail, with react-email: one centred column that narrows on phones, a button for
// each link (with the address spelled out below for clients that block buttons), the provider's footer.
import { Body } from '@react-email/body';
import { Button } from '@react-email/button';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Hr } from '@react-email/hr';
import { Html } from '@react-email/html';
import { Img } from '@react-email/img';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import type { CSSProperties } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Block } from './mail.templates.ts';

export interface EmailContent {
  locale: string;
  greeting: string;
  blocks: Block[];
  closing: string;
  senderName: string;
  logoUrl: string | null;
  /** Footer lines: the provider's name, address, contact and legal notice. */
  footer: string[];
  buttonFallback: string;
  /** C2: why a notification reaches this recipient, and where that is changed. */
  subscription?: Subscription;
}

export interface Subscription {
  reason: string;
  linkLabel: string;
  url: string;
}

const font = '-apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily: font, margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', maxWidth: '600px', padding: '32px 28px', borderRadius: '6px' },
  text: { fontSize: '16px', lineHeight: '24px', color: '#1f2328', margin: '0 0 16px' },
  note: { fontSize: '14px', lineHeight: '20px', color: '#57606a', margin: '0 0 16px' },
  factLabel: { fontSize: '14px', color: '#57606a', padding: '4px 16px 4px 0', verticalAlign: 'top' },
  factValue: {
    fontSize: '16px',
    fontWeight: 600,
    color: '#1f2328',
    padding: '4px 0',
    fontFamily: 'monospace',
  },
  button: {
    backgroundColor: '#1c7ed6',
    borderRadius: '4px',
    color: '#ffffff',
    fontSize: '16px',
    fontWeight: 600,
    padding: '12px 20px',
    textDecoration: 'none',
    display: 'inline-block',
  },
  fallback: {
    fontSize: '12px',
    lineHeight: '18px',
    color: '#57606a',
    margin: '8px 0 0',
    wordBreak: 'break-all',
  },
  footer: { fontSize: '12px', lineHeight: '18px', color: '#57606a', margin: '0' },
} satisfies Record<string, CSSProperties>;

/** A paragraph whose line breaks stay line breaks. */
function Lines({ text, style }: { text: string; style: CSSProperties }) {
  const lines = text.split('\n');
  return (
    <Text style={style}>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one fixed text
        <span key={index}>
          {index > 0 && <br />}
          {line}
        </span>
      ))}
    </Text>
  );
}

function BlockView({ block, fallback }: { block: Block; fallback: string }) {
  switch (block.kind) {
    case 'text':
      return <Lines text={block.text} style={styles.text} />;
    case 'note':
      return <Lines text={block.text} style={styles.note} />;
    case 'facts':
      return (
        <table role="presentation" cellPadding={0} cellSpacing={0} style={{ margin: '0 0 16px' }}>
          <tbody>
            {block.facts.map((fact) => (
              <tr key={fact.label}>
                <td style={styles.factLabel}>{fact.label}</td>
                <td style={styles.factValue}>{fact.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'button':
      return (
        <Section style={{ margin: '0 0 20px' }}>
          <Button href={block.url} style={styles.button}>
            {block.label}
          </Button>
          <Text style={styles.fallback}>
            {fallback} <Link href={block.url}>{block.url}</Link>
          </Text>
        </Section>
      );
  }
}

function Email({ content }: { content: EmailContent }) {
  const preview = content.blocks.find((block) => block.kind === 'text');
  return (
    <Html lang={content.locale}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      {preview?.kind === 'text' && <Preview>{preview.text}</Preview>}
      <Body style={styles.body}>
        <Container style={styles.container}>
          {content.logoUrl && (
            <Img
              src={content.logoUrl}
              alt={content.senderName}
              height="48"
              style={{ marginBottom: '24px' }}
            />
          )}
          <Text style={styles.text}>{content.greeting}</Text>
          {content.blocks.map((block, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a template's blocks never move
            <BlockView key={index} block={block} fallback={content.buttonFallback} />
          ))}
          <Lines text={`${content.closing}\n${content.senderName}`} style={styles.text} />
          <Hr style={{ borderColor: '#d0d7de', margin: '24px 0 16px' }} />
          {content.subscription && (
            <Text style={{ ...styles.footer, margin: '0 0 12px' }}>
              {content.subscription.reason}{' '}
              <Link href={content.subscription.url}>{content.subscription.linkLabel}</Link>
            </Text>
          )}
          {content.footer.map((line) => (
            <Text key={line} style={styles.footer}>
              {line}
            </Text>
          ))}
        </Container>
      </Body>
    </Html>
  );
}

const doctype =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * The HTML part: the components are synchronous, so React renders them in one pass (react-email's own
 * render streams, and imports react-dom anew per call: 5× slower, which the invoice run's thousands of
 * e-mails noticed, bench I1). React's preload links for images are no use in an e-mail; they go.
 */
export const renderHtml = async (content: EmailContent): Promise<string> =>
  `${doctype}${renderToStaticMarkup(<Email content={content} />).replace(/<link rel="preload" as="image"[^>]*>/g, '')}`;

/** The text part, from the same blocks. */
export function renderText(content: EmailContent): string {
  const blocks = content.blocks.map((block) => {
    if (block.kind === 'facts') return block.facts.map((fact) => `${fact.label}: ${fact.value}`).join('\n');
    if (block.kind === 'button') return `${block.label}:\n${block.url}`;
    return block.text;
  });
  const { subscription } = content;
  const why = subscription ? [`${subscription.reason}\n${subscription.linkLabel}: ${subscription.url}`] : [];
  const footer = content.footer.length ? [`-- \n${content.footer.join('\n')}`] : [];
  return `${[content.greeting, ...blocks, `${content.closing}\n${content.senderName}`, ...why, ...footer].join('\n\n')}\n`;
}
