// Names that Object.prototype also answers to, as levels, model names and device ids: they are data, and
// no figure becomes NaN or a function's source.
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/core/config/index.js';
import { buildReport, reportJson } from '../src/core/report/build.js';
import { rulesFor } from '../src/core/gate/rules.js';

const CONFIG = (word: string) => `version: 1
hardware: ${word}
devices:
  ${word}:
    compute: { fp32: 1 TFLOP/s }
    memory: { dram: 1 GB/s, ${word}: 10 GB/s }
models:
  - name: ${word}
    precision: fp32
    ops:
      - { name: ${word}, flops: 1 GFLOP, bytes: { dram: 1 MB, ${word}: { weights: 2 MB } } }
      - { name: b, flops: 1 GFLOP, bytes: { dram: 1 MB } }
    measured: { ${word}: 4 ms }
gate:
  models:
    ${word}: { budgets: { max-latency: 1 ms } }
`;

describe.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])('the name %s', (word) => {
  it('is a level, a device and a model like any other', () => {
    const config = loadConfig(CONFIG(word), 'roofline.yml');
    const [result] = buildReport(config, null, null).results;
    // 2 GFLOP at 1 TFLOP/s is 2 ms; each op's 1 MB of DRAM at 1 GB/s is 1 ms, its level's 2 MB at 10 GB/s 0.2 ms.
    expect(result).toMatchObject({
      model: word, hardware: word, flops: 2e9, bytes: { dram: 2e6, [word]: 2e6 },
      bandwidth: { dram: 1e9, [word]: 1e10 }, intensity: { dram: 1000, [word]: 1000 }, seconds: 2e-3, efficiency: 0.5,
    });
    expect(reportJson(buildReport(config, null, null))).not.toMatch(/NaN|function|native code/);
    expect(rulesFor(config.gate, word).budgets['max-latency']).toBe(1e-3);
  });

});

describe('__proto__', () => {
  it('names a model like any other', () => {
    const text = 'version: 1\nhardware: a100\nmodels:\n  - { name: __proto__, precision: fp16, flops: 1 GFLOP, bytes: 1 MB }\n';
    expect(buildReport(loadConfig(text, 'roofline.yml'), null, null).results[0]!.model).toBe('__proto__');
  });

  it('is refused clearly as a key of gate.models, where it would be dropped', () => {
    const text = 'version: 1\nhardware: a100\nmodels:\n  - { name: __proto__, precision: fp16, flops: 1 GFLOP, bytes: 1 MB }\ngate:\n  models:\n    __proto__: { budgets: { max-latency: 1 s } }\n';
    expect(() => loadConfig(text, 'roofline.yml')).toThrow(ConfigError);
    try {
      loadConfig(text, 'roofline.yml');
    } catch (error) {
      expect((error as ConfigError).issues).toMatchObject([{
        line: 7, column: 5, path: 'gate.models.__proto__',
        message: 'a model named `__proto__` cannot be given rules (JavaScript gives the name a meaning of its own, and it would be dropped silently): rename the model',
      }]);
    }
  });

  it('is refused as any other key', () => {
    const text = 'version: 1\nhardware: a100\nmodels:\n  - { name: m, precision: fp16, flops: 1 GFLOP, bytes: 1 MB, __proto__: { batch: 4 } }\n';
    expect(() => loadConfig(text, 'roofline.yml')).toThrow('roofline.yml:4:62: models[0].__proto__: `__proto__` is not accepted as a key');
  });
});
