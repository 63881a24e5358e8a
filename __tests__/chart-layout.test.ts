import { describe, expect, it } from '@jest/globals';
import { type LabelScene, placeLabels } from '../src/core/chart/layout.js';
import { Occupancy, rectangle } from '../src/core/chart/shapes.js';

// Label placement on small hand-made scenes. Text boxes are worked out by hand from shapes.ts: a label of
// font size s is s + 1 px tall, kept 2 px clear all round; a point label sits 9 px from its point's centre
// (the point's 6 px half-size, plus 3). Widths are DejaVu Sans advances (text-width.ts) at 11 px:
// 'ab' (1255 + 1300 units) is 13.7 px, '1' (1303 units) 7.0 px.

/**
 * An empty 200 x 100 plot; each test adds what it needs. Its 40 x 30 legends take the bottom-right corner
 * (with 8 px of room: x 152..200, y 62..100) unless a mark is there.
 */
function scene(parts: Partial<LabelScene>): LabelScene {
  return { width: 200, height: 100, marks: [], lines: [], legend: { width: 40, height: 30 }, roofs: [], points: [], sweeps: [], measured: [], eaves: [], eaveAngle: -30, ridges: [], ...parts };
}

const RIGHT = { align: 'left', baseline: 'middle', dx: 9, dy: 0 };
const LEFT = { align: 'right', baseline: 'middle', dx: -9, dy: 0 };

/** A point and the square it keeps clear, as label-scene.ts gives them. */
const point = (x: number, y: number, name: string, number: string) => ({ x, y, name, number });
const pointMark = (x: number, y: number) => ({ x, y, radius: 6 });

describe('placeLabels: points', () => {
  it('puts a lone point label to the right of its point, anchored at the point', () => {
    const layout = placeLabels(scene({ points: [point(100, 50, 'ab', '1')], marks: [pointMark(100, 50)] }));
    expect(layout.numbered).toBe(false);
    expect(layout.points).toEqual([{ text: 'ab', x: 100, y: 50, at: RIGHT, fontSize: 11 }]);
  });

  it('moves the second of two labels that would overlap to its next spot, left of its point', () => {
    // First label, right of (100, 50): x 107..124.7, y 42..58. The second's right spot, at (100, 62), would
    // cover y 54..70: overlap. Its left spot, x 75.3..93, y 54..70, is clear of both points' squares (x 94..106).
    const layout = placeLabels(
      scene({ points: [point(100, 50, 'ab', '1'), point(100, 62, 'ab', '2')], marks: [pointMark(100, 50), pointMark(100, 62)] }),
    );
    expect(layout.points.map((l) => l.at)).toEqual([RIGHT, LEFT]);
    expect(layout.numbered).toBe(false);
  });

  it('flips a label at the plot\'s right edge to the left of its point', () => {
    // Right of (195, 50) the box would end at 195 + 9 + 13.7 + 2 = 219.7, past the edge at 200.
    const layout = placeLabels(scene({ points: [point(195, 50, 'ab', '1')], marks: [pointMark(195, 50)] }));
    expect(layout.points[0]!.at).toEqual(LEFT);
  });

  it('numbers the points when one name fits nowhere, and places the numbers', () => {
    // 'a very long model name' is 134.2 px wide: no spot of a point at (30, 50) in a 60 px plot holds it.
    // '1' fits to the right: x 37..48.
    const layout = placeLabels(scene({ width: 60, points: [point(30, 50, 'a very long model name', '1')], marks: [pointMark(30, 50)] }));
    expect(layout.numbered).toBe(true);
    expect(layout.points).toEqual([{ text: '1', x: 30, y: 50, at: RIGHT, fontSize: 11 }]);
  });

  it('numbers more than 12 points even when every name fits', () => {
    const points = Array.from({ length: 13 }, (_, i) => point(10 + 40 * (i % 5), 15 + 30 * Math.floor(i / 5), 'm', String(i + 1)));
    const layout = placeLabels(scene({ width: 400, points }));
    expect(layout.numbered).toBe(true);
    expect(layout.points.map((l) => l.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
  });

  it('puts a label that fits nowhere but over a mark where it covers no other label', () => {
    // One mark of half-size 19 at (20, 20) covers the whole 40 x 40 plot but its edges: no spot is clear of it.
    // The first point's '1' takes its first spot, right (x 27..38, y 12..28); the second's first spot clear
    // of that label is its next, left (x 2..13).
    const layout = placeLabels(
      scene({ width: 40, height: 40, points: [point(20, 20, '1', '1'), point(20, 20, '2', '2')], marks: [{ x: 20, y: 20, radius: 19 }] }),
    );
    expect(layout.points.map((l) => [l.text, l.at])).toEqual([['1', RIGHT], ['2', LEFT]]);
  });

  it('takes a spot in two rings farther out, clear of labels, before it covers one', () => {
    // 20 numbered points at one place (100, 50). Rings 8, 14 and 20 px out hold ten numbers ('1' right, '2'
    // left, '3' over, '4' under, then '5' to '10' 20 px out); '11' and '12' fit 32 px out, right and left
    // (dx 33: the ring's 32 + 1); '13' to '20' find no spot clear of labels and go right.
    const points = Array.from({ length: 20 }, (_, i) => point(100, 50, 'n', String(i + 1)));
    const layout = placeLabels(scene({ points, marks: [pointMark(100, 50)] }));
    expect(layout.points.slice(10, 12).map((l) => l.at)).toEqual([{ ...RIGHT, dx: 33 }, { ...LEFT, dx: -33 }]);
    expect(layout.points.slice(12).every((l) => l.at.dx === 9)).toBe(true);
  });

  it('places a label that fits nowhere to the right anyway', () => {
    // A 10 x 10 plot holds no box of 'ab' (17.7 x 16 px with its margin), names nor numbers.
    const layout = placeLabels(scene({ width: 10, height: 10, points: [point(5, 5, 'ab', '1')] }));
    expect(layout.points).toEqual([{ text: '1', x: 5, y: 5, at: RIGHT, fontSize: 11 }]);
  });
});

describe('placeLabels: roofs', () => {
  const ABOVE = { align: 'right', baseline: 'bottom', dx: 0, dy: -3 };
  const BELOW = { align: 'right', baseline: 'top', dx: 0, dy: 3 };

  it('right-aligns a roof label above its roof, 4 px from the plot\'s right edge', () => {
    const layout = placeLabels(scene({ roofs: [{ y: 50, start: 20, texts: ['ab'] }] }));
    expect(layout.roofs).toEqual([{ text: 'ab', x: 196, y: 50, at: ABOVE, fontSize: 11 }]);
  });

  it('puts it below its roof when a mark takes the place above', () => {
    // Above, at x 196: x 180.3..198, y 3..19 (12 px tall, 3 px up, 2 px margin). The mark at (190, 10)
    // covers x 184..196, y 4..16. Below: y 21..37, clear.
    const layout = placeLabels(scene({ roofs: [{ y: 20, start: 20, texts: ['ab'] }], marks: [{ x: 190, y: 10, radius: 6 }] }));
    expect(layout.roofs[0]!.at).toEqual(BELOW);
    expect(layout.roofs[0]!.x).toBe(196);
  });

  it('keeps clear of another roof\'s line, its own not counting', () => {
    // Roof A at y 30 from x 20, roof B at y 20 from x 100: B's line (band y 18.5..21.5) crosses every spot
    // above A right of x 100 (y 13..29 with the margin). Below A at x 196 (y 31..47, clear of the legends
    // from y 62) touches only A's own line (band y 28.5..31.5), which does not count: A goes there. B then
    // takes its first spot, above at 196 (y 3..19), touching only its own line.
    const layout = placeLabels(scene({ roofs: [{ y: 30, start: 20, texts: ['ab'] }, { y: 20, start: 100, texts: ['ab'] }] }));
    expect(layout.roofs).toEqual([
      { text: 'ab', x: 196, y: 30, at: BELOW, fontSize: 11 },
      { text: 'ab', x: 196, y: 20, at: ABOVE, fontSize: 11 },
    ]);
  });

  it('stacks a roof label a row off its roof when the spots on and beside it are taken, clear of marks', () => {
    // Three roofs at y 50 across a 30 px plot, each 'ab' (13.7 px). Every spot on the roof also touches the
    // other two roofs' lines, so each takes its first spot clear of labels: the first above at x 26
    // (x 10.3..28, y 33..49), the second below (y 51..67). For the third nothing is left on the roof (at x 10
    // it would start at -5.7) nor left of it. A row (16 px) further up, at dy -19, its box (y 17..33) would
    // cover the mark at (20, 25) (x 14..26, y 19..31); a row further down, at dy 19 (y 67..83), is clear.
    const roof = { y: 50, start: 0, texts: ['ab'] };
    const layout = placeLabels(scene({ width: 30, roofs: [roof, roof, roof], marks: [{ x: 20, y: 25, radius: 6 }] }));
    expect(layout.roofs).toEqual([
      { text: 'ab', x: 26, y: 50, at: ABOVE, fontSize: 11 },
      { text: 'ab', x: 26, y: 50, at: BELOW, fontSize: 11 },
      { text: 'ab', x: 26, y: 50, at: { ...BELOW, dy: 19 }, fontSize: 11 },
    ]);
  });

  it('tries a terse text only where no other fits on the roof nor in line left of it', () => {
    // The long text (134.2 px) fits neither above nor below a roof from x 150 (86 px of room), but in line left
    // of it, right-aligned at 142 (8 px before the start): x 5.8..144. From x 120 (above, 116 px of room)
    // there is no room left of it either (112 px): then the terse 'ab' goes above the roof at the right end.
    const texts = ['a very long model name'];
    const left = placeLabels(scene({ roofs: [{ y: 50, start: 150, texts, terse: 'ab' }] }));
    expect(left.roofs).toEqual([{ text: texts[0], x: 142, y: 50, at: { align: 'right', baseline: 'middle', dx: 0, dy: 0 }, fontSize: 11 }]);
    const terse = placeLabels(scene({ roofs: [{ y: 50, start: 120, texts, terse: 'ab' }] }));
    expect(terse.roofs).toEqual([{ text: 'ab', x: 196, y: 50, at: ABOVE, fontSize: 11 }]);
  });

  it('takes the next, shorter text when the first does not fit on the roof', () => {
    // Above, a label may reach 40 px left of the roof's start at 150: 196 - 110 = 86 px of room. The long
    // text is 134.2 px wide; 'ab' fits.
    const layout = placeLabels(scene({ roofs: [{ y: 50, start: 150, texts: ['a very long model name', 'ab'] }] }));
    expect(layout.roofs).toEqual([{ text: 'ab', x: 196, y: 50, at: ABOVE, fontSize: 11 }]);
  });

  it('writes every roof label in the same form: the first in which every one fits', () => {
    // Roof A at y 20 from x 20 has room for the long text (134.2 px) above it: 196 - 134.2 = 61.8, past
    // 20 - 40. Roof B at y 50 from x 120 has none, above (116 px) nor left of it (112 px), so both take 'ab',
    // above at the right end: A's box y 3..19, B's y 33..49, each touching only its own line.
    const texts = ['a very long model name', 'ab'];
    const layout = placeLabels(scene({ roofs: [{ y: 20, start: 20, texts }, { y: 50, start: 120, texts }] }));
    expect(layout.roofs).toEqual([
      { text: 'ab', x: 196, y: 20, at: ABOVE, fontSize: 11 },
      { text: 'ab', x: 196, y: 50, at: ABOVE, fontSize: 11 },
    ]);
  });

  it('gives every roof its terse text where one roof needs it', () => {
    // As above, with the long text the only one besides the terse ones: B fits only its terse 'cd'.
    const texts = ['a very long model name'];
    const layout = placeLabels(scene({ roofs: [{ y: 20, start: 20, texts, terse: 'ab' }, { y: 50, start: 120, texts, terse: 'cd' }] }));
    expect(layout.roofs.map((label) => label.text)).toEqual(['ab', 'cd']);
  });
});

describe('placeLabels: measured marks, eaves and ridges', () => {
  it('leaves out a measured label that fits nowhere, unless it is required', () => {
    const crowded = { width: 10, height: 10, measured: [{ x: 5, y: 5, texts: ['99%'], required: false }] };
    expect(placeLabels(scene(crowded)).measured).toEqual([null]);
    const required = { ...crowded, measured: [{ x: 5, y: 5, texts: ['above roof'], required: true }] };
    expect(placeLabels(scene(required)).measured).toEqual([
      { text: 'above roof', x: 5, y: 5, at: { align: 'left', baseline: 'middle', dx: 7.5, dy: 0 }, fontSize: 10 },
    ]);
  });

  it('leaves out an eave label longer than its eave', () => {
    // The eave is 14.1 px long; 'ab' needs 13.7 px plus 10.
    const layout = placeLabels(scene({ eaves: [{ from: [0, 100], to: [10, 90], texts: ['ab'] }] }));
    expect(layout.eaves).toEqual([null]);
  });

  it('puts a ridge label under its ridge, 6 px down, centred', () => {
    const layout = placeLabels(scene({ ridges: [{ x: 100, y: 50, text: '295' }] }));
    expect(layout.ridges).toEqual([{ text: '295', x: 100, y: 50, at: { align: 'center', baseline: 'top', dx: 0, dy: 6 }, fontSize: 10 }]);
  });
});

describe('placeLabels: the legends', () => {
  it('go bottom-right on an empty plot, top-left when a mark is bottom-right, under the plot when both corners hold one', () => {
    // The corners: top-left x 0..48, y 0..38; bottom-right x 152..200, y 62..100. A tie goes bottom-right.
    expect(placeLabels(scene({})).legend).toBe('bottom-right');
    expect(placeLabels(scene({ marks: [{ x: 180, y: 80, radius: 6 }] })).legend).toBe('top-left');
    expect(placeLabels(scene({ marks: [{ x: 180, y: 80, radius: 6 }, { x: 20, y: 20, radius: 6 }] })).legend).toBe('bottom');
  });

  it('keep points\' labels out of the corner they take', () => {
    // The point at (135, 90) keeps x 129..141 clear, outside the corner. Right of it the label would cover
    // x 142..159.7, y 82..98: inside the corner. Left of it, x 110.3..128, is clear.
    const layout = placeLabels(scene({ points: [point(135, 90, 'ab', '1')], marks: [pointMark(135, 90)] }));
    expect(layout.legend).toBe('bottom-right');
    expect(layout.points[0]!.at).toEqual(LEFT);
  });
});

describe('Occupancy.attempt: placements tried on a copy, kept or dropped whole', () => {
  // A 100 x 100 plot; each box lies inside it, apart from the others.
  const tried = rectangle(10, 10, 20, 20);
  const before = rectangle(40, 10, 50, 20);
  const mark = rectangle(70, 10, 80, 20);
  const start = () => {
    const occupancy = new Occupancy(100, 100);
    occupancy.block(before);
    occupancy.block(mark, 'mark');
    return occupancy;
  };

  it('an accepted trial: its result, and what it placed taken here, beside what was there', () => {
    const occupancy = start();
    const seen: boolean[] = [];
    const work = (trial: Occupancy) => {
      seen.push(trial.free(before, true));
      return trial.place([tried], (shape) => shape);
    };
    const result = occupancy.attempt(work, (placed) => placed === tried);
    expect(seen).toEqual([false]); // the trial starts from what was placed before it
    expect(result).toBe(tried);
    expect(occupancy.free(tried, true)).toBe(false);
    expect(occupancy.free(before, true)).toBe(false);
    // The mark is still a mark, not a label: a label may go over it when it must.
    expect(occupancy.free(mark, true, { overMarks: true })).toBe(true);
  });

  it('a rejected trial: null, and nothing here changed', () => {
    const occupancy = start();
    expect(occupancy.attempt((trial) => trial.place([tried], (shape) => shape), () => false)).toBeNull();
    expect(occupancy.free(tried, true)).toBe(true);
    expect(occupancy.free(before, true)).toBe(false);
  });
});
