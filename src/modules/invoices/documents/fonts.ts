// PDF/A forbids the standard 14 fonts, so every invoice embeds (a subset of) DejaVu Sans Condensed, shipped
// in fonts/ with its licence. The fonts are parsed once per process: parsing them for each PDF took 35 ms.
// Their layout is simplified to one glyph per character with its advance width (no kerning, no ligatures):
// full OpenType shaping was half the time of a long appendix, and an invoice's Latin text needs neither.
import fs from 'node:fs';
import { createRequire } from 'node:module';

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface FontkitFont {
  glyphForCodePoint(codePoint: number): Glyph;
}

interface GlyphRun {
  glyphs: Glyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  readonly advanceWidth: number;
}

// pdfkit accepts a parsed fontkit font in place of a file; its own fontkit parses it, so the versions match.
const requireFromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'));
const fontkit = requireFromPdfkit('fontkit') as { create(buffer: Uint8Array): FontkitFont };

function simplyLaidOut(file: string): FontkitFont {
  const font = fontkit.create(fs.readFileSync(new URL(`./fonts/${file}`, import.meta.url)));
  const glyphs = new Map<number, Glyph>();
  const glyphOf = (codePoint: number) => {
    let glyph = glyphs.get(codePoint);
    if (!glyph) {
      glyph = font.glyphForCodePoint(codePoint);
      glyphs.set(codePoint, glyph);
    }
    return glyph;
  };
  // Everything else (metrics, tables, subsetting) is the original font's.
  const laidOut = Object.create(font) as FontkitFont & { layout(text: string): GlyphRun };
  laidOut.layout = (text) => {
    const glyphRun: GlyphRun = {
      glyphs: [],
      positions: [],
      // pdfkit scales the positions in place and then reads the width, as fontkit's getter sums them.
      get advanceWidth() {
        let width = 0;
        for (const position of this.positions) width += position.xAdvance;
        return width;
      },
    };
    for (const character of text) {
      const glyph = glyphOf(character.codePointAt(0) ?? 0);
      glyphRun.glyphs.push(glyph);
      glyphRun.positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    return glyphRun;
  };
  return laidOut;
}

let fonts: { regular: FontkitFont; bold: FontkitFont } | undefined;

type FontSource = NonNullable<Parameters<PDFKit.PDFDocument['registerFont']>[1]>;

/** The two faces for registerFont (which takes a parsed font, though pdfkit's types list only files). */
export function invoiceFonts(): { regular: FontSource; bold: FontSource } {
  fonts ??= {
    regular: simplyLaidOut('DejaVuSansCondensed.ttf'),
    bold: simplyLaidOut('DejaVuSansCondensed-Bold.ttf'),
  };
  return fonts as unknown as { regular: FontSource; bold: FontSource };
}
