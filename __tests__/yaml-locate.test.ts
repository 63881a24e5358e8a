// Where an error points: the line and column of a key path, through nested block mappings, flow
// collections, anchors and aliases. Positions counted by hand on the text below.
import { describe, expect, it } from '@jest/globals';
import { loadYaml } from '../src/core/config/yaml.js';

const TEXT = [
  'version: 1', //                                                   line 1
  'hardware: [a100, {name: npu, memory: {dram: 1 GB/s}}]', //        line 2
  'shared: &fp16 { precision: fp16 }', //                            line 3
  'models:', //                                                      line 4
  '  - name: first', //                                              line 5
  '    <<: *fp16', //                                                line 6
  '    ops:', //                                                     line 7
  '      - { name: o1, bytes: { dram: 1 MB } }', //                  line 8
  '      - name: o2', //                                             line 9
  '        bytes:', //                                               line 10
  '          dram: 2 MB', //                                         line 11
  '  - *fp16', //                                                    line 12
  '  - "name": third', //                                            line 13
  '',
].join('\n');

describe('locate', () => {
  const { locate } = loadYaml(TEXT, 'f.yml');

  it('finds values and keys in block mappings and lists', () => {
    expect(locate(['version'])).toEqual({ line: 1, column: 10 });
    expect(locate(['version'], { key: true })).toEqual({ line: 1, column: 1 });
    expect(locate(['models', 0, 'name'])).toEqual({ line: 5, column: 11 });
    expect(locate(['models', 0, 'ops', 1, 'bytes', 'dram'])).toEqual({ line: 11, column: 17 });
    expect(locate(['models', 0, 'ops', 1, 'bytes', 'dram'], { key: true })).toEqual({ line: 11, column: 11 });
    // A quoted key: the name inside its quotes.
    expect(locate(['models', 2, 'name'], { key: true })).toEqual({ line: 13, column: 6 });
  });

  it('finds values inside flow collections', () => {
    expect(locate(['hardware', 1])).toEqual({ line: 2, column: 18 });
    expect(locate(['hardware', 1, 'memory', 'dram'])).toEqual({ line: 2, column: 45 });
    expect(locate(['models', 0, 'ops', 0, 'bytes', 'dram'], { key: true })).toEqual({ line: 8, column: 30 });
  });

  it('points at an alias, not into what it names', () => {
    expect(locate(['models', 1])).toEqual({ line: 12, column: 5 });
    expect(locate(['models', 1, 'precision'])).toEqual({ line: 12, column: 5 });
    expect(locate(['models', 0, '<<'])).toEqual({ line: 6, column: 9 });
    expect(locate(['shared', 'precision'])).toEqual({ line: 3, column: 28 });
  });

  it('falls back to the deepest part of the path that exists', () => {
    expect(locate(['models', 0, 'measured', 'a100'])).toEqual({ line: 5, column: 5 });
    expect(locate(['models', 7])).toEqual({ line: 5, column: 3 });
    expect(locate(['models', 'first'])).toEqual({ line: 5, column: 3 });
    expect(locate([])).toEqual({ line: 1, column: 1 });
  });
});
