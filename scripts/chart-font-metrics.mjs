// Prints the advance-width table of src/core/chart/text-width.ts from the DejaVu Sans TrueType files:
//
//   node scripts/chart-font-metrics.mjs [/usr/share/fonts/truetype/dejavu]
//
// It reads the `head` (unitsPerEm), `hhea` (numberOfHMetrics), `cmap` (format 4, Unicode BMP) and `hmtx`
// (advance widths) tables as the OpenType spec lays them out (https://learn.microsoft.com/typography/opentype/spec/),
// for printable ASCII and the few other characters the chart writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/usr/share/fonts/truetype/dejavu';
const EXTRA = '·×→←…–—µ∞≥≤';

function tables(font) {
  const count = font.readUInt16BE(4);
  const out = {};
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    out[font.toString('latin1', at, at + 4)] = font.readUInt32BE(at + 8);
  }
  return out;
}

/** Glyph index of a BMP code point through the format-4 subtable of (platform 3, encoding 1). */
function glyphLookup(font, cmap) {
  const count = font.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < count; i++) {
    const at = cmap + 4 + 8 * i;
    if (font.readUInt16BE(at) === 3 && font.readUInt16BE(at + 2) === 1) sub = cmap + font.readUInt32BE(at + 4);
  }
  if (sub < 0 || font.readUInt16BE(sub) !== 4) throw new Error('no format-4 Unicode cmap');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  return (code) => {
    for (let s = 0; s < segments; s++) {
      if (font.readUInt16BE(ends + 2 * s) < code) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (start > code) return 0;
      const delta = font.readInt16BE(deltas + 2 * s);
      const rangeOffset = font.readUInt16BE(offsets + 2 * s);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(offsets + 2 * s + rangeOffset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function advanceWidths(file) {
  const font = readFileSync(file);
  const t = tables(font);
  const unitsPerEm = font.readUInt16BE(t.head + 18);
  const metrics = font.readUInt16BE(t.hhea + 34);
  const glyph = glyphLookup(font, t.cmap);
  const advance = (ch) => {
    const g = Math.min(glyph(ch.codePointAt(0)), metrics - 1);
    return font.readUInt16BE(t.hmtx + 4 * g);
  };
  const ascii = [];
  for (let c = 32; c < 127; c++) ascii.push(advance(String.fromCharCode(c)));
  const extra = Object.fromEntries([...EXTRA].map((ch) => [ch, advance(ch)]));
  return { unitsPerEm, ascii, extra };
}

for (const [name, file] of [['regular', 'DejaVuSans.ttf'], ['bold', 'DejaVuSans-Bold.ttf']]) {
  const { unitsPerEm, ascii, extra } = advanceWidths(join(dir, file));
  console.log(`// ${file}: unitsPerEm ${unitsPerEm}`);
  console.log(`${name}: [${ascii.join(', ')}],`);
  console.log(`${name} extra: ${JSON.stringify(extra)}`);
}
