// Helpers for the remote-support spec: a second browser context watched like the test's own (console
// errors and axe), reading the session number, a file's checksum, and the frames a video shows.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Browser, BrowserContextOptions, Download, Locator, Page } from '@playwright/test';
import { watchAccessibility } from './accessibility.ts';
import { expect } from './fixtures.ts';

export interface WatchedContext {
  page: Page;
  /** Closes the context; fails on any browser error or WCAG violation seen in it. */
  finish: () => Promise<void>;
}

/**
 * Chromium (156) logs this on every getDisplayMedia() in a page whose Permissions-Policy says `camera=()`, as
 * Kontor's does, although the call asks for no camera and succeeds; no page can avoid it. It is the one
 * console error a sharing side's context accepts.
 */
const cameraPolicyNotice = 'Permissions policy violation: camera is not allowed in this document.';

/** A context of its own (the other side of a session), checked as the fixtures check the test's own. */
export async function watchedContext(
  browser: Browser,
  options: BrowserContextOptions,
): Promise<WatchedContext> {
  // Options of playwright.config.ts reach only the test's own context.
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(error.error().message));
  context.on('console', (message) => {
    const text = message.text();
    if (
      message.type() === 'error' &&
      !text.startsWith('Failed to load resource') &&
      text !== cameraPolicyNotice
    ) {
      errors.push(text);
    }
  });
  const accessibility = watchAccessibility(context);
  const page = await context.newPage();
  return {
    page,
    finish: async () => {
      const violations = await accessibility.finish();
      await context.close();
      expect(errors, 'errors in the second browser').toEqual([]);
      expect(violations, 'WCAG 2.1 A/AA violations in the second browser').toEqual([]);
    },
  };
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export async function downloadedSha256(download: Download): Promise<string> {
  const path = await download.path();
  return sha256(await readFile(path));
}

/** The six digits the host's page shows as "311 894". */
export async function sessionNumber(page: Page): Promise<string> {
  const shown = page.getByText(/^\d{3} \d{3}$/);
  await expect(shown).toBeVisible();
  return ((await shown.textContent()) ?? '').replace(/\s/g, '');
}

/**
 * A file of random bytes (nothing on the way can shorten them), made in the test and written where the
 * browser reads it: handing Playwright a path is seconds faster than a 20 MB buffer over its protocol.
 */
export async function randomFile(path: string, megabytes: number) {
  const buffer = randomBytes(megabytes * 1024 * 1024);
  await writeFile(path, buffer);
  return { name: basename(path), path, sha256: sha256(buffer) };
}

/** Waits until the video shows decoded frames that move on: a real picture, not a black box. */
export async function expectMovingPicture(video: Locator): Promise<void> {
  await expect(video).toBeVisible();
  const frames = await video.evaluate(
    (element: HTMLVideoElement) =>
      new Promise<{ width: number; advanced: boolean }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no video frame within 15 s')), 15_000);
        let first: number | null = null;
        const next = () =>
          element.requestVideoFrameCallback((_now, metadata) => {
            if (first === null) {
              first = metadata.mediaTime;
              next();
              return;
            }
            if (metadata.mediaTime > first) {
              clearTimeout(timer);
              resolve({ width: element.videoWidth, advanced: true });
            } else next();
          });
        next();
      }),
  );
  expect(frames.width).toBeGreaterThan(0);
  expect(frames.advanced).toBe(true);
}
