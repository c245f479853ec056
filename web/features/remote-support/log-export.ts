// R6: the session's log as the server wrote it, saved by either side as JSON or as readable text.
import type { TFunction } from 'i18next';
import type { LogEntry, LogKind } from '../../../src/modules/remote-support/remote-support.protocol.ts';
import { groupedNumber } from './remote-support-api.ts';

/** An entry as the server wrote it; a newer server may write kinds this version does not know. */
export type LogLine = Omit<LogEntry, 'kind'> & { kind: string };

const kinds: readonly LogKind[] = [
  'session.started',
  'client.knocked',
  'client.admitted',
  'client.rejected',
  'consent.asked',
  'consent.given',
  'consent.refused',
  'share.started',
  'share.stopped',
  'share.paused',
  'share.resumed',
  'mode.switched',
  'file.offered',
  'file.received',
  'file.completed',
  'file.cancelled',
  'file.failed',
  'chat',
  'session.ended',
];

/** What happened, in the interface language (a kind this version does not know is shown as it is). */
export function kindLabel(t: TFunction, kind: string): string {
  return kinds.includes(kind as LogKind) ? t(`remoteSupport.log.kinds.${kind as LogKind}`) : kind;
}

export function actorLabel(t: TFunction, actor: string): string {
  return actor === 'host' || actor === 'client' || actor === 'server'
    ? t(`remoteSupport.log.actors.${actor}`)
    : actor;
}

export function detailsText(details: LogLine['details']): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== '')
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
}

const time = (iso: string, locale: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(date);
};

/** One line per entry: time, who, what, details. */
export function logAsText(log: LogLine[], t: TFunction, locale: string, number: string): string {
  const lines = log.map((entry) =>
    [time(entry.at, locale), actorLabel(t, entry.actor), kindLabel(t, entry.kind), detailsText(entry.details)]
      .filter((part) => part !== '')
      .join(' · '),
  );
  return `${t('remoteSupport.log.textHeading', { number: groupedNumber(number) })}\n\n${lines.join('\n')}\n`;
}

/** The file's name: the session's number and the day, never anything the other side chose. */
const fileName = (number: string, extension: string) =>
  `remote-support-${number.replace(/\D/g, '')}-${new Date().toISOString().slice(0, 10)}.${extension}`;

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a minute is ample for slow machines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveLogAsJson(log: LogLine[], number: string): void {
  save(new Blob([JSON.stringify(log, null, 2)], { type: 'application/json' }), fileName(number, 'json'));
}

export function saveLogAsText(log: LogLine[], t: TFunction, locale: string, number: string): void {
  save(
    new Blob([logAsText(log, t, locale, number)], { type: 'text/plain;charset=utf-8' }),
    fileName(number, 'txt'),
  );
}
