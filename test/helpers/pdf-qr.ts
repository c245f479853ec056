// Reads the QR code off a PDF's first page the way a banking app would read it off paper: the page rendered
// to pixels by poppler's pdftoppm, the code found and decoded by jsQR.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export async function qrOfFirstPage(pdf: Buffer): Promise<string | null> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-qr-'));
  try {
    const file = path.join(directory, 'invoice.pdf');
    fs.writeFileSync(file, pdf);
    await promisify(execFile)('pdftoppm', [
      '-png',
      '-r',
      '150',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(directory, 'page'),
    ]);
    const image = PNG.sync.read(fs.readFileSync(path.join(directory, 'page.png')));
    return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
