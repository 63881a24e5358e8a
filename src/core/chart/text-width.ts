// Text width in the chart's font, without a canvas. Vega measures labels to lay out axes, legends and titles;
// without a canvas it guesses 0.8 * characters * fontSize, about a third wider than real text, which pushes
// legends and titles apart. The chart names DejaVu Sans first (Verdana, drawn from the same Bitstream Vera
// design brief, has nearly the same advances), and this table gives its real widths.

/** The font stack every text of the chart names; the widths below are those of its first family. */
export const CHART_FONT = 'DejaVu Sans, Verdana, sans-serif';

/** Font units per em of DejaVu Sans (`head.unitsPerEm`). */
const UNITS_PER_EM = 2048;

/**
 * Advance widths of printable ASCII (U+0020..U+007E) in font units, from the `hmtx` table of DejaVu Sans 2.37
 * (DejaVuSans.ttf and DejaVuSans-Bold.ttf, https://dejavu-fonts.github.io), as scripts/chart-font-metrics.mjs
 * reads them. Kerning is ignored: it moves a typical label by well under a pixel.
 */
const ASCII: Record<'regular' | 'bold', readonly number[]> = {
  regular: [
    651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303, 1303, 1303,
    1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577, 1294, 1178,
    1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251,
    1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995,
    1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
  ],
  bold: [
    713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748, 1425, 1425, 1425, 1425,
    1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188, 2048, 1585, 1561, 1503, 1700, 1399, 1399,
    1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741, 1501, 1741, 1577, 1475, 1397, 1663, 1585, 2259, 1579, 1483,
    1485, 936, 748, 936, 1716, 1024, 1024, 1382, 1466, 1214, 1466, 1389, 891, 1466, 1458, 702, 702, 1362, 702, 2134,
    1458, 1407, 1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748, 1458, 1716,
  ],
};

/** The other characters the chart writes, same source; the bold face differs only for `·` and `µ`. */
const OTHER: Record<string, number> = {
  '·': 651, '×': 1716, '→': 1716, '←': 1716, '…': 2048, '–': 1024, '—': 2048, 'µ': 1303, '∞': 1706, '≥': 1716, '≤': 1716,
};
const OTHER_BOLD: Record<string, number> = { ...OTHER, '·': 778, 'µ': 1507 };

/** For anything else (accented letters, CJK), a wide glyph: better to leave room than to overlap. */
const FALLBACK = 1303;

/**
 * Width in pixels of one line of `text` set in DejaVu Sans at `fontSize` px:
 * textWidth('dram 3.35 TB/s', 11) //=> 84.0 (the 0.8 estimate says 123).
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const ascii = bold ? ASCII.bold : ASCII.regular;
  const other = bold ? OTHER_BOLD : OTHER;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    units += code >= 32 && code < 127 ? ascii[code - 32]! : (other[ch] ?? FALLBACK);
  }
  return (units * fontSize) / UNITS_PER_EM;
}
