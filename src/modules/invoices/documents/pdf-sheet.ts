// The few drawing moves an invoice needs, on A4 in points: single-line text placed left or right-aligned,
// cut with "…" or wrapped at a width by our own measuring (pdfkit's line wrapper is slow and breaks pages on
// its own), hairlines, and a page break that repeats a table's header.
export const page = { width: 595.28, height: 841.89, left: 56, right: 539, top: 50, bottom: 780 } as const;

export interface TextOptions {
  bold?: boolean;
  size?: number;
  /** Right-align at this x instead of starting at x. */
  alignRight?: boolean;
  /** Cut with "…" to this width. */
  width?: number;
}

export const bodySize = 9;
export const smallSize = 7.5;

export class Sheet {
  y: number = page.top;
  private bold = false;
  private size = bodySize;
  private onNewPage: (() => void) | null = null;

  constructor(readonly doc: PDFKit.PDFDocument) {
    doc.font('R').fontSize(bodySize);
  }

  private use(bold: boolean, size: number) {
    if (bold !== this.bold) {
      this.doc.font(bold ? 'B' : 'R');
      this.bold = bold;
    }
    if (size !== this.size) {
      this.doc.fontSize(size);
      this.size = size;
    }
  }

  widthOf(text: string, options: TextOptions = {}): number {
    this.use(options.bold ?? false, options.size ?? bodySize);
    return this.doc.widthOfString(text);
  }

  fit(text: string, width: number, options: TextOptions = {}): string {
    if (this.widthOf(text, options) <= width) return text;
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.widthOf(`${text.slice(0, middle)}…`, options) <= width) low = middle;
      else high = middle - 1;
    }
    return `${text.slice(0, low).trimEnd()}…`;
  }

  /** `text` in lines no wider than `width`, broken at spaces (a longer word is cut). */
  wrap(text: string, width: number, options: TextOptions = {}): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (!current || this.widthOf(candidate, options) <= width) current = candidate;
      else {
        lines.push(current);
        current = word;
      }
    }
    if (current) lines.push(current);
    return lines.map((line) => this.fit(line, width, options));
  }

  text(text: string, x: number, y: number, options: TextOptions = {}): void {
    if (!text) return;
    const shown = options.width ? this.fit(text, options.width, options) : text;
    this.use(options.bold ?? false, options.size ?? bodySize);
    const left = options.alignRight ? x - this.doc.widthOfString(shown) : x;
    this.doc.text(shown, left, y, { lineBreak: false });
  }

  rule(y: number, from: number = page.left, to: number = page.right): void {
    this.doc.moveTo(from, y).lineTo(to, y).lineWidth(0.5).strokeColor('#888888').stroke();
  }

  /** Called after each page break from now on (a table's header), null to stop. */
  repeatOnNewPage(draw: (() => void) | null): void {
    this.onNewPage = draw;
  }

  /** A new page when `height` more points do not fit on this one. */
  ensure(height: number): void {
    if (this.y + height <= page.bottom) return;
    this.doc.addPage();
    this.y = page.top;
    this.onNewPage?.();
  }

  /** Writes `footer(page, pages)` on every page, once all are known. */
  footers(footer: (pageNumber: number, pages: number) => void): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      this.doc.switchToPage(index);
      footer(index - start + 1, count);
    }
  }
}
