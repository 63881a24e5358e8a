import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  BOUND_WORDS,
  OUTERMOST,
  SI_PREFIXES,
  boundText,
  byteRate,
  commandSafe,
  efficiency,
  flopPerByte,
  flopRate,
  headlineLevel,
  intensity,
  isAboveRoof,
  levelText,
  opDelta,
  opFigure,
  perSecond,
  time,
  timeChange,
  unvendoredRoof,
  withVisibleStrings
} from "./chunk-HTFASCCZ.js";
import {
  ABOVE_ROOF_COLOR,
  BOUND_COLORS,
  CONFIG,
  DEVICE_COLORS,
  DEVICE_SHAPES,
  LABEL_FONT_SIZE,
  MEASURED_RADIUS,
  MUTED_COLOR,
  PLOT_HEIGHT,
  PLOT_WIDTH,
  POINT_RADIUS,
  POINT_SIZE,
  SMALL_FONT_SIZE,
  TEXT_COLOR
} from "./chunk-LPK2DI7R.js";
import {
  textWidth
} from "./chunk-ZC2P73PW.js";
import {
  __commonJS,
  __toESM
} from "./chunk-HANBNIMK.js";

// node_modules/lz-string/libs/lz-string.js
var require_lz_string = __commonJS({
  "node_modules/lz-string/libs/lz-string.js"(exports, module) {
    var LZString = (function() {
      var f = String.fromCharCode;
      var keyStrBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
      var keyStrUriSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
      var baseReverseDic = {};
      function getBaseValue(alphabet, character) {
        if (!baseReverseDic[alphabet]) {
          baseReverseDic[alphabet] = {};
          for (var i = 0; i < alphabet.length; i++) {
            baseReverseDic[alphabet][alphabet.charAt(i)] = i;
          }
        }
        return baseReverseDic[alphabet][character];
      }
      var LZString2 = {
        compressToBase64: function(input) {
          if (input == null) return "";
          var res = LZString2._compress(input, 6, function(a) {
            return keyStrBase64.charAt(a);
          });
          switch (res.length % 4) {
            // To produce valid Base64
            default:
            // When could this happen ?
            case 0:
              return res;
            case 1:
              return res + "===";
            case 2:
              return res + "==";
            case 3:
              return res + "=";
          }
        },
        decompressFromBase64: function(input) {
          if (input == null) return "";
          if (input == "") return null;
          return LZString2._decompress(input.length, 32, function(index) {
            return getBaseValue(keyStrBase64, input.charAt(index));
          });
        },
        compressToUTF16: function(input) {
          if (input == null) return "";
          return LZString2._compress(input, 15, function(a) {
            return f(a + 32);
          }) + " ";
        },
        decompressFromUTF16: function(compressed) {
          if (compressed == null) return "";
          if (compressed == "") return null;
          return LZString2._decompress(compressed.length, 16384, function(index) {
            return compressed.charCodeAt(index) - 32;
          });
        },
        //compress into uint8array (UCS-2 big endian format)
        compressToUint8Array: function(uncompressed) {
          var compressed = LZString2.compress(uncompressed);
          var buf = new Uint8Array(compressed.length * 2);
          for (var i = 0, TotalLen = compressed.length; i < TotalLen; i++) {
            var current_value = compressed.charCodeAt(i);
            buf[i * 2] = current_value >>> 8;
            buf[i * 2 + 1] = current_value % 256;
          }
          return buf;
        },
        //decompress from uint8array (UCS-2 big endian format)
        decompressFromUint8Array: function(compressed) {
          if (compressed === null || compressed === void 0) {
            return LZString2.decompress(compressed);
          } else {
            var buf = new Array(compressed.length / 2);
            for (var i = 0, TotalLen = buf.length; i < TotalLen; i++) {
              buf[i] = compressed[i * 2] * 256 + compressed[i * 2 + 1];
            }
            var result = [];
            buf.forEach(function(c) {
              result.push(f(c));
            });
            return LZString2.decompress(result.join(""));
          }
        },
        //compress into a string that is already URI encoded
        compressToEncodedURIComponent: function(input) {
          if (input == null) return "";
          return LZString2._compress(input, 6, function(a) {
            return keyStrUriSafe.charAt(a);
          });
        },
        //decompress from an output of compressToEncodedURIComponent
        decompressFromEncodedURIComponent: function(input) {
          if (input == null) return "";
          if (input == "") return null;
          input = input.replace(/ /g, "+");
          return LZString2._decompress(input.length, 32, function(index) {
            return getBaseValue(keyStrUriSafe, input.charAt(index));
          });
        },
        compress: function(uncompressed) {
          return LZString2._compress(uncompressed, 16, function(a) {
            return f(a);
          });
        },
        _compress: function(uncompressed, bitsPerChar, getCharFromInt) {
          if (uncompressed == null) return "";
          var i, value, context_dictionary = {}, context_dictionaryToCreate = {}, context_c = "", context_wc = "", context_w = "", context_enlargeIn = 2, context_dictSize = 3, context_numBits = 2, context_data = [], context_data_val = 0, context_data_position = 0, ii;
          for (ii = 0; ii < uncompressed.length; ii += 1) {
            context_c = uncompressed.charAt(ii);
            if (!Object.prototype.hasOwnProperty.call(context_dictionary, context_c)) {
              context_dictionary[context_c] = context_dictSize++;
              context_dictionaryToCreate[context_c] = true;
            }
            context_wc = context_w + context_c;
            if (Object.prototype.hasOwnProperty.call(context_dictionary, context_wc)) {
              context_w = context_wc;
            } else {
              if (Object.prototype.hasOwnProperty.call(context_dictionaryToCreate, context_w)) {
                if (context_w.charCodeAt(0) < 256) {
                  for (i = 0; i < context_numBits; i++) {
                    context_data_val = context_data_val << 1;
                    if (context_data_position == bitsPerChar - 1) {
                      context_data_position = 0;
                      context_data.push(getCharFromInt(context_data_val));
                      context_data_val = 0;
                    } else {
                      context_data_position++;
                    }
                  }
                  value = context_w.charCodeAt(0);
                  for (i = 0; i < 8; i++) {
                    context_data_val = context_data_val << 1 | value & 1;
                    if (context_data_position == bitsPerChar - 1) {
                      context_data_position = 0;
                      context_data.push(getCharFromInt(context_data_val));
                      context_data_val = 0;
                    } else {
                      context_data_position++;
                    }
                    value = value >> 1;
                  }
                } else {
                  value = 1;
                  for (i = 0; i < context_numBits; i++) {
                    context_data_val = context_data_val << 1 | value;
                    if (context_data_position == bitsPerChar - 1) {
                      context_data_position = 0;
                      context_data.push(getCharFromInt(context_data_val));
                      context_data_val = 0;
                    } else {
                      context_data_position++;
                    }
                    value = 0;
                  }
                  value = context_w.charCodeAt(0);
                  for (i = 0; i < 16; i++) {
                    context_data_val = context_data_val << 1 | value & 1;
                    if (context_data_position == bitsPerChar - 1) {
                      context_data_position = 0;
                      context_data.push(getCharFromInt(context_data_val));
                      context_data_val = 0;
                    } else {
                      context_data_position++;
                    }
                    value = value >> 1;
                  }
                }
                context_enlargeIn--;
                if (context_enlargeIn == 0) {
                  context_enlargeIn = Math.pow(2, context_numBits);
                  context_numBits++;
                }
                delete context_dictionaryToCreate[context_w];
              } else {
                value = context_dictionary[context_w];
                for (i = 0; i < context_numBits; i++) {
                  context_data_val = context_data_val << 1 | value & 1;
                  if (context_data_position == bitsPerChar - 1) {
                    context_data_position = 0;
                    context_data.push(getCharFromInt(context_data_val));
                    context_data_val = 0;
                  } else {
                    context_data_position++;
                  }
                  value = value >> 1;
                }
              }
              context_enlargeIn--;
              if (context_enlargeIn == 0) {
                context_enlargeIn = Math.pow(2, context_numBits);
                context_numBits++;
              }
              context_dictionary[context_wc] = context_dictSize++;
              context_w = String(context_c);
            }
          }
          if (context_w !== "") {
            if (Object.prototype.hasOwnProperty.call(context_dictionaryToCreate, context_w)) {
              if (context_w.charCodeAt(0) < 256) {
                for (i = 0; i < context_numBits; i++) {
                  context_data_val = context_data_val << 1;
                  if (context_data_position == bitsPerChar - 1) {
                    context_data_position = 0;
                    context_data.push(getCharFromInt(context_data_val));
                    context_data_val = 0;
                  } else {
                    context_data_position++;
                  }
                }
                value = context_w.charCodeAt(0);
                for (i = 0; i < 8; i++) {
                  context_data_val = context_data_val << 1 | value & 1;
                  if (context_data_position == bitsPerChar - 1) {
                    context_data_position = 0;
                    context_data.push(getCharFromInt(context_data_val));
                    context_data_val = 0;
                  } else {
                    context_data_position++;
                  }
                  value = value >> 1;
                }
              } else {
                value = 1;
                for (i = 0; i < context_numBits; i++) {
                  context_data_val = context_data_val << 1 | value;
                  if (context_data_position == bitsPerChar - 1) {
                    context_data_position = 0;
                    context_data.push(getCharFromInt(context_data_val));
                    context_data_val = 0;
                  } else {
                    context_data_position++;
                  }
                  value = 0;
                }
                value = context_w.charCodeAt(0);
                for (i = 0; i < 16; i++) {
                  context_data_val = context_data_val << 1 | value & 1;
                  if (context_data_position == bitsPerChar - 1) {
                    context_data_position = 0;
                    context_data.push(getCharFromInt(context_data_val));
                    context_data_val = 0;
                  } else {
                    context_data_position++;
                  }
                  value = value >> 1;
                }
              }
              context_enlargeIn--;
              if (context_enlargeIn == 0) {
                context_enlargeIn = Math.pow(2, context_numBits);
                context_numBits++;
              }
              delete context_dictionaryToCreate[context_w];
            } else {
              value = context_dictionary[context_w];
              for (i = 0; i < context_numBits; i++) {
                context_data_val = context_data_val << 1 | value & 1;
                if (context_data_position == bitsPerChar - 1) {
                  context_data_position = 0;
                  context_data.push(getCharFromInt(context_data_val));
                  context_data_val = 0;
                } else {
                  context_data_position++;
                }
                value = value >> 1;
              }
            }
            context_enlargeIn--;
            if (context_enlargeIn == 0) {
              context_enlargeIn = Math.pow(2, context_numBits);
              context_numBits++;
            }
          }
          value = 2;
          for (i = 0; i < context_numBits; i++) {
            context_data_val = context_data_val << 1 | value & 1;
            if (context_data_position == bitsPerChar - 1) {
              context_data_position = 0;
              context_data.push(getCharFromInt(context_data_val));
              context_data_val = 0;
            } else {
              context_data_position++;
            }
            value = value >> 1;
          }
          while (true) {
            context_data_val = context_data_val << 1;
            if (context_data_position == bitsPerChar - 1) {
              context_data.push(getCharFromInt(context_data_val));
              break;
            } else context_data_position++;
          }
          return context_data.join("");
        },
        decompress: function(compressed) {
          if (compressed == null) return "";
          if (compressed == "") return null;
          return LZString2._decompress(compressed.length, 32768, function(index) {
            return compressed.charCodeAt(index);
          });
        },
        _decompress: function(length, resetValue, getNextValue) {
          var dictionary = [], next, enlargeIn = 4, dictSize = 4, numBits = 3, entry = "", result = [], i, w, bits, resb, maxpower, power, c, data = { val: getNextValue(0), position: resetValue, index: 1 };
          for (i = 0; i < 3; i += 1) {
            dictionary[i] = i;
          }
          bits = 0;
          maxpower = Math.pow(2, 2);
          power = 1;
          while (power != maxpower) {
            resb = data.val & data.position;
            data.position >>= 1;
            if (data.position == 0) {
              data.position = resetValue;
              data.val = getNextValue(data.index++);
            }
            bits |= (resb > 0 ? 1 : 0) * power;
            power <<= 1;
          }
          switch (next = bits) {
            case 0:
              bits = 0;
              maxpower = Math.pow(2, 8);
              power = 1;
              while (power != maxpower) {
                resb = data.val & data.position;
                data.position >>= 1;
                if (data.position == 0) {
                  data.position = resetValue;
                  data.val = getNextValue(data.index++);
                }
                bits |= (resb > 0 ? 1 : 0) * power;
                power <<= 1;
              }
              c = f(bits);
              break;
            case 1:
              bits = 0;
              maxpower = Math.pow(2, 16);
              power = 1;
              while (power != maxpower) {
                resb = data.val & data.position;
                data.position >>= 1;
                if (data.position == 0) {
                  data.position = resetValue;
                  data.val = getNextValue(data.index++);
                }
                bits |= (resb > 0 ? 1 : 0) * power;
                power <<= 1;
              }
              c = f(bits);
              break;
            case 2:
              return "";
          }
          dictionary[3] = c;
          w = c;
          result.push(c);
          while (true) {
            if (data.index > length) {
              return "";
            }
            bits = 0;
            maxpower = Math.pow(2, numBits);
            power = 1;
            while (power != maxpower) {
              resb = data.val & data.position;
              data.position >>= 1;
              if (data.position == 0) {
                data.position = resetValue;
                data.val = getNextValue(data.index++);
              }
              bits |= (resb > 0 ? 1 : 0) * power;
              power <<= 1;
            }
            switch (c = bits) {
              case 0:
                bits = 0;
                maxpower = Math.pow(2, 8);
                power = 1;
                while (power != maxpower) {
                  resb = data.val & data.position;
                  data.position >>= 1;
                  if (data.position == 0) {
                    data.position = resetValue;
                    data.val = getNextValue(data.index++);
                  }
                  bits |= (resb > 0 ? 1 : 0) * power;
                  power <<= 1;
                }
                dictionary[dictSize++] = f(bits);
                c = dictSize - 1;
                enlargeIn--;
                break;
              case 1:
                bits = 0;
                maxpower = Math.pow(2, 16);
                power = 1;
                while (power != maxpower) {
                  resb = data.val & data.position;
                  data.position >>= 1;
                  if (data.position == 0) {
                    data.position = resetValue;
                    data.val = getNextValue(data.index++);
                  }
                  bits |= (resb > 0 ? 1 : 0) * power;
                  power <<= 1;
                }
                dictionary[dictSize++] = f(bits);
                c = dictSize - 1;
                enlargeIn--;
                break;
              case 2:
                return result.join("");
            }
            if (enlargeIn == 0) {
              enlargeIn = Math.pow(2, numBits);
              numBits++;
            }
            if (dictionary[c]) {
              entry = dictionary[c];
            } else {
              if (c === dictSize) {
                entry = w + w.charAt(0);
              } else {
                return null;
              }
            }
            result.push(entry);
            dictionary[dictSize++] = w + entry.charAt(0);
            enlargeIn--;
            w = entry;
            if (enlargeIn == 0) {
              enlargeIn = Math.pow(2, numBits);
              numBits++;
            }
          }
        }
      };
      return LZString2;
    })();
    if (typeof define === "function" && define.amd) {
      define(function() {
        return LZString;
      });
    } else if (typeof module !== "undefined" && module != null) {
      module.exports = LZString;
    } else if (typeof angular !== "undefined" && angular != null) {
      angular.module("LZString", []).factory("LZString", function() {
        return LZString;
      });
    }
  }
});

// src/core/chart/geometry.ts
var MIN_DECADES = 3;
var PAD_LEFT = 2.5;
var PAD_RIGHT = 4;
var PAD_BELOW = 3;
var PAD_ABOVE = 2.2;
function geometry(report) {
  const devices = deviceLines(report.results);
  const placed = report.results.map((result, i) => {
    const level = headlineLevel(result) ?? OUTERMOST;
    const baseLevel = result.base && (level in result.base.intensity ? level : firstLevel(result.base.intensity));
    return {
      number: i + 1,
      result,
      level,
      intensity: result.intensity[level] ?? Infinity,
      flopsPerSecond: result.effectiveFlopsPerSecond,
      attainableFlopsPerSecond: result.attainableFlopsPerSecond,
      base: result.base && {
        intensity: baseLevel ? result.base.intensity[baseLevel] : Infinity,
        flopsPerSecond: result.base.effectiveFlopsPerSecond
      }
    };
  });
  const xs = [];
  const ys = [];
  for (const p of placed) {
    xs.push(p.intensity);
    ys.push(p.flopsPerSecond);
    if (p.base) {
      xs.push(p.base.intensity);
      ys.push(p.base.flopsPerSecond);
    }
    if (p.result.achievedFlopsPerSecond !== null) {
      ys.push(p.result.achievedFlopsPerSecond);
      xs.push(...levelIntensities(p.result).map(([, value]) => value));
    }
  }
  for (const ridge of devices.flatMap((d) => d.ridges)) {
    xs.push(ridge.intensity);
    ys.push(ridge.flopsPerSecond);
  }
  const x = domain(xs, PAD_LEFT, PAD_RIGHT, 0.5);
  const y = domain(ys, PAD_BELOW, PAD_ABOVE, 1);
  const points = placed.map((p) => {
    const at = clamped(p.intensity, p.flopsPerSecond, x, y);
    const base = p.base ? { ...clamped(p.base.intensity, p.base.flopsPerSecond, x, y), flopsPerSecond: p.base.flopsPerSecond } : null;
    return {
      number: p.number,
      result: p.result,
      level: p.level,
      ...at,
      flopsPerSecond: p.flopsPerSecond,
      attainableFlopsPerSecond: p.attainableFlopsPerSecond,
      base,
      measured: measured(p.result, x, y)
    };
  });
  return { devices, points, x, y };
}
function firstLevel(byLevel) {
  return Object.keys(byLevel)[0];
}
function deviceLines(results) {
  const byId = /* @__PURE__ */ new Map();
  for (const r of results) {
    const device = byId.get(r.hardware) ?? { peaks: /* @__PURE__ */ new Map(), bandwidths: /* @__PURE__ */ new Map() };
    byId.set(r.hardware, device);
    device.peaks.set(r.precision, r.peakFlopsPerSecond);
    for (const [level, bytesPerSecond] of Object.entries(r.bandwidth)) device.bandwidths.set(level, bytesPerSecond);
  }
  return [...byId].map(([id, { peaks, bandwidths }]) => {
    const fastest = Math.max(...bandwidths.values());
    const highest = Math.max(...peaks.values());
    const roofs = [...peaks].sort((a, b) => b[1] - a[1]).map(([precision, flopsPerSecond]) => ({ device: id, precision, flopsPerSecond, fromIntensity: flopsPerSecond / fastest }));
    const eaves = [...bandwidths].map(([level, bytesPerSecond]) => ({
      device: id,
      level,
      bytesPerSecond,
      toIntensity: highest / bytesPerSecond
    }));
    const ridges = roofs.flatMap(
      (roof) => eaves.map((eave) => ({
        device: id,
        precision: roof.precision,
        level: eave.level,
        intensity: roof.flopsPerSecond / eave.bytesPerSecond,
        flopsPerSecond: roof.flopsPerSecond
      }))
    );
    return { id, roofs, eaves, ridges };
  });
}
function domain(values, padLow, padHigh, lowShare) {
  const finite = values.filter((v) => v > 0 && Number.isFinite(v));
  let lo = finite.length ? Math.min(...finite) / padLow : 1;
  let hi = finite.length ? Math.max(...finite) * padHigh : 10 ** MIN_DECADES;
  const missing = MIN_DECADES - Math.log10(hi / lo);
  if (missing > 0) [lo, hi] = [lo / 10 ** (missing * lowShare), hi * 10 ** (missing * (1 - lowShare))];
  return [lo, hi];
}
function clamped(intensity2, flopsPerSecond, x, y) {
  const clamp = intensity2 === Infinity ? "infinite-intensity" : intensity2 <= 0 ? "zero-intensity" : null;
  return {
    intensity: intensity2,
    x: Math.min(x[1], Math.max(x[0], intensity2)),
    y: Math.min(y[1], Math.max(y[0], flopsPerSecond)),
    clamp
  };
}
function levelIntensities(result) {
  const levels = Object.entries(result.intensity);
  return levels.length < 2 ? [] : levels.filter(([, value]) => value > 0 && Number.isFinite(value));
}
function measured(result, x, y) {
  const { achievedFlopsPerSecond, efficiency: efficiency2 } = result;
  if (achievedFlopsPerSecond === null || efficiency2 === null) return null;
  return {
    flopsPerSecond: achievedFlopsPerSecond,
    // NaN (no FLOPs in no time) and 0 go to the bottom edge, infinity to the top.
    y: achievedFlopsPerSecond > 0 ? Math.min(y[1], Math.max(y[0], achievedFlopsPerSecond)) : y[0],
    clamped: !(achievedFlopsPerSecond > 0 && Number.isFinite(achievedFlopsPerSecond)),
    efficiency: efficiency2,
    levels: levelIntensities(result).map(([level, intensity2]) => ({ level, intensity: intensity2, x: Math.min(x[1], Math.max(x[0], intensity2)) }))
  };
}
function logScale([lo, hi], [from, to]) {
  const [a, b] = [Math.log10(lo), Math.log10(hi)];
  const scale = ((value) => from + (Math.log10(value) - a) / (b - a) * (to - from));
  scale.invert = (pixel2) => 10 ** (a + (pixel2 - from) / (to - from) * (b - a));
  return scale;
}
function decades([lo, hi]) {
  const out = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push(10 ** e);
  return out;
}
function decadeLabel(value, separator = "") {
  for (const [prefix, factor] of SI_PREFIXES) {
    if (value >= factor) return `${Number((value / factor).toPrecision(6))}${separator}${prefix}`;
  }
  return String(Number(value.toPrecision(6)));
}

// src/core/chart/tooltip.ts
var TOOLTIP = [
  { field: "pair", title: "model \xD7 hardware" },
  { field: "boundBy", title: "bound" },
  { field: "intensityText", title: "intensity" },
  { field: "attainable", title: "attainable" },
  { field: "timeText", title: "time per pass" },
  { field: "measuredText", title: "measured" },
  { field: "baseline", title: "baseline" },
  { field: "note", title: "note" }
];
function performanceText(p) {
  const attainable = flopRate(p.attainableFlopsPerSecond, p.result.precision);
  return bindsDifferently(p) ? `effective ${flopRate(p.flopsPerSecond, p.result.precision)} (ops bind differently), attainable ${attainable}` : attainable;
}
function bindsDifferently(p) {
  return flopRate(p.flopsPerSecond, p.result.precision) !== flopRate(p.attainableFlopsPerSecond, p.result.precision);
}
function tooltipFields(p, deviceName) {
  const r = p.result;
  const intensities = Object.entries(r.intensity).map(([level, value]) => `${levelText(level)} ${flopPerByte(value)}`);
  const base = r.base && p.base ? `${flopRate(p.base.flopsPerSecond, void 0)}, ${boundText(r.base.bindingLevel)}, ${time(r.base.seconds)}` : "none";
  const notes = [
    p.clamp === "infinite-intensity" ? "no bytes moved: infinite intensity, drawn at the right edge" : null,
    p.clamp === "zero-intensity" ? "no FLOPs: zero intensity, drawn at the left edge" : null,
    p.base?.clamp === "infinite-intensity" ? "baseline moved no bytes: drawn at the right edge" : null,
    p.base?.clamp === "zero-intensity" ? "baseline did no FLOPs: drawn at the left edge" : null,
    p.measured && isAboveRoof(p.result) ? "measured above its roof: the measured time or the FLOPs, bytes or device figures are off" : null,
    unvendoredRoof(r) ? `binding roof is a ${unvendoredRoof(r)} figure, not one a vendor states (roofline-gate hardware ${r.hardware} shows how it was obtained)` : null,
    p.measured?.clamped ? "achieved FLOP/s not drawable on a log scale: drawn at the plot's edge" : null
  ].filter((n) => n !== null);
  return {
    pair: `${p.number}. ${r.model} on ${deviceName(r.hardware)} (${r.precision}, batch ${r.batch})`,
    boundBy: `${boundText(r.bindingLevel)}${unvendoredRoof(r) ? `, on a ${unvendoredRoof(r)} roof` : ""}`,
    intensityText: intensities.join(", ") || "no bytes given",
    attainable: performanceText(p),
    timeText: `${time(r.seconds)} (${perSecond(r.throughput)})`,
    measuredText: p.measured && r.measuredSeconds !== null ? `${time(r.measuredSeconds)}, ${flopRate(p.measured.flopsPerSecond, r.precision)}: measured ${efficiency(p.measured.efficiency)} of attainable` : "not measured",
    baseline: base,
    note: notes.join("; ") || "-"
  };
}

// src/core/chart/ascii.ts
var LEGEND_OPS = 3;
var ROOF_CHARS = ["=", "-", "~", ":", "."];
var EAVE_CHAR = "/";
var BASE_CHAR = "o";
var CROWD_CHAR = "*";
var POINT_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var GUTTER = 8;
function asciiRoofline(given, width = 72, height = 20) {
  const g = geometry(withVisibleStrings(given));
  const columns = Math.max(8, width - GUTTER);
  const rows = Math.max(4, height);
  const grid = Array.from({ length: rows }, () => Array(columns).fill(" "));
  const column = (x) => Math.round(fraction(x, g.x) * (columns - 1));
  const row = (y) => rows - 1 - Math.round(fraction(y, g.y) * (rows - 1));
  const put = (c, r, ch) => {
    if (c >= 0 && c < columns && r >= 0 && r < rows) grid[r][c] = ch;
  };
  g.devices.forEach((device, i) => {
    const roofChar = ROOF_CHARS[i % ROOF_CHARS.length];
    for (const eave of device.eaves) {
      const from = Math.max(g.x[0], g.y[0] / eave.bytesPerSecond);
      const steps = 4 * columns;
      for (let s = 0; s <= steps; s++) {
        const x = from * (eave.toIntensity / from) ** (s / steps);
        put(column(x), row(x * eave.bytesPerSecond), EAVE_CHAR);
      }
    }
    for (const roof of device.roofs) {
      for (let c = column(roof.fromIntensity); c < columns; c++) put(c, row(roof.flopsPerSecond), roofChar);
    }
  });
  const cells = /* @__PURE__ */ new Map();
  const cellOf = (p) => `${column(p.x)},${row(p.y)}`;
  for (const p of g.points) cells.set(cellOf(p), (cells.get(cellOf(p)) ?? 0) + 1);
  for (const p of g.points) {
    if (p.base && !cells.has(cellOf(p.base))) put(column(p.base.x), row(p.base.y), BASE_CHAR);
  }
  for (const p of g.points) put(column(p.x), row(p.y), cells.get(cellOf(p)) > 1 ? CROWD_CHAR : pointChar(p));
  const yLabels = new Map(decades(g.y).map((v) => [row(v), decadeLabel(v, " ")]));
  const lines = grid.map((cells2, r) => `${(yLabels.get(r) ?? "").padStart(GUTTER - 2)} |${cells2.join("").trimEnd()}`);
  lines.push(`${" ".repeat(GUTTER - 1)}+${"-".repeat(columns)}`);
  lines.push(xTickLine(g.x, columns, column));
  lines.push(...wrap("x: arithmetic intensity (FLOP/byte), y: attainable FLOP/s, log-log", width).map((l) => centered(l, width)));
  lines.push("");
  const crowded = [...cells.values()].some((n) => n > 1) || g.points.length > POINT_CHARS.length;
  lines.push(...legend(g, width, crowded));
  return commandSafe(lines.join("\n"));
}
function fraction(value, [lo, hi]) {
  return (Math.log10(value) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
}
function pointChar(p) {
  return POINT_CHARS[p.number - 1] ?? CROWD_CHAR;
}
function xTickLine(domain2, columns, column) {
  const line = Array(GUTTER + columns).fill(" ");
  let free = 0;
  for (const value of decades(domain2)) {
    const label = decadeLabel(value);
    const start = Math.min(GUTTER + column(value) - Math.floor((label.length - 1) / 2), line.length - label.length);
    if (start < free) continue;
    for (let i = 0; i < label.length; i++) line[start + i] = label[i];
    free = start + label.length + 1;
  }
  return line.join("").trimEnd();
}
function centered(text, width) {
  return text.length >= width ? text : `${" ".repeat(Math.floor((width - text.length) / 2))}${text}`;
}
function legend(g, width, crowded) {
  const out = [];
  g.devices.forEach((device, i) => {
    const roofs = device.roofs.map((r) => `${r.precision} ${flopRate(r.flopsPerSecond, r.precision)}`).join(", ");
    const eaves = device.eaves.map((e) => `${levelText(e.level)} ${byteRate(e.bytesPerSecond)}`).join(", ");
    out.push(...wrap(`${ROOF_CHARS[i % ROOF_CHARS.length]} ${EAVE_CHAR} ${device.id}: roof ${roofs}; eave ${eaves}`, width));
  });
  for (const p of g.points) {
    const r = p.result;
    const edge = p.clamp === "infinite-intensity" ? ", at the right edge" : "";
    const intensity2 = `${flopPerByte(p.intensity)} (${levelText(p.level)}${edge})`;
    const moved = p.base && (p.base.flopsPerSecond !== p.flopsPerSecond || p.base.x !== p.x);
    const was = !p.base ? "" : moved ? `; was ${flopRate(p.base.flopsPerSecond, void 0)} (${BASE_CHAR})` : "; as in the baseline";
    out.push(...wrap(`${pointChar(p)} ${r.model} on ${r.hardware}: ${boundText(r.bindingLevel)}, ${intensity2}, ${performanceText(p)}${was}`, width));
    const changed = r.ops?.changed ?? [];
    if (changed.length > 0) {
      const left = changed.length + r.ops.moreChanged - Math.min(LEGEND_OPS, changed.length);
      const named = changed.slice(0, LEGEND_OPS).map((change2) => `${change2.name} ${timeChange(opDelta(change2))}`);
      out.push(...wrap(`changed ops: ${named.join(", ")}${left > 0 ? `, and ${left} more` : ""}`, width - 4).map((line) => `    ${line}`));
    }
  }
  if (crowded) out.push(`${CROWD_CHAR} several points in one cell`);
  return out;
}
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = `    ${word}`;
    }
  }
  lines.push(line);
  return lines.map((l) => l.length > width ? `${l.slice(0, width - 1)}\u2026` : l);
}

// src/core/chart/editor-url.ts
var import_lz_string = __toESM(require_lz_string(), 1);
var VEGA_EDITOR_URL = "https://vega.github.io/editor/#/url/vega-lite/";
function vegaEditorUrl(spec, maxLength = 8e3) {
  const url = VEGA_EDITOR_URL + import_lz_string.default.compressToEncodedURIComponent(JSON.stringify(spec));
  return url.length <= maxLength ? url : null;
}

// src/core/chart/devices.ts
function deviceStyle(g, names) {
  const shown = /* @__PURE__ */ new Map();
  for (const { id } of g.devices) {
    const name = names[id] ?? id;
    shown.set(id, [...shown.values()].includes(name) ? `${name} (${id})` : name);
  }
  const slot = slots(g.devices.map((d) => d.id));
  const color = (id) => DEVICE_COLORS[slot.get(id) ?? 0];
  return {
    names: g.devices.map((d) => shown.get(d.id)),
    colors: g.devices.map((d) => color(d.id)),
    shapes: g.devices.map((d) => DEVICE_SHAPES[slot.get(d.id)]),
    name: (id) => shown.get(id) ?? names[id] ?? id,
    color
  };
}
function slots(ids) {
  const size = DEVICE_COLORS.length;
  const taken = /* @__PURE__ */ new Set();
  const out = /* @__PURE__ */ new Map();
  for (const id of [...new Set(ids)].sort()) {
    const preferred = fnv1a(id) % size;
    let slot = preferred;
    for (let step = 0; step < size && taken.has(slot); step++) slot = (preferred + step + 1) % size;
    if (taken.has(slot)) slot = preferred;
    taken.add(slot);
    out.set(id, slot);
  }
  return out;
}
function fnv1a(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash;
}

// src/core/chart/drawn.ts
var MAX_DRAWN_POINTS = 200;
function drawnPairs(report) {
  const { results } = report;
  if (results.length <= MAX_DRAWN_POINTS) return { results: [...results], leftOut: 0, changedLeftOut: false };
  const severity = /* @__PURE__ */ new Map();
  for (const f of report.findings) {
    const key = pairKey(f);
    severity.set(key, Math.max(severity.get(key) ?? 0, f.severity === "fail" ? 2 : 1));
  }
  const weight = (r) => ({ severity: severity.get(pairKey(r)) ?? 0, change: change(r, report.baseline !== null) });
  const candidates = results.map((r, i) => ({ i, ...weight(r) })).filter((c) => c.severity > 0 || c.change > 0).sort((a, b) => b.severity - a.severity || b.change - a.change || a.i - b.i);
  const kept = new Set(candidates.slice(0, MAX_DRAWN_POINTS).map((c) => c.i));
  return {
    results: results.filter((_, i) => kept.has(i)),
    leftOut: results.length - kept.size,
    changedLeftOut: candidates.length > kept.size
  };
}
function change(r, hasBaseline) {
  if (r.base === null) return hasBaseline ? Infinity : 0;
  const level = headlineLevel(r) ?? OUTERMOST;
  return Math.max(logRatio(r.seconds, r.base.seconds), logRatio(r.intensity[level] ?? Infinity, r.base.intensity[level] ?? Infinity));
}
function logRatio(a, b) {
  if (a === b) return 0;
  return a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b) ? Math.abs(Math.log(a / b)) : Infinity;
}
function pairKey({ model, hardware }) {
  return JSON.stringify([model, hardware]);
}

// src/core/chart/frame.ts
var MIN_RULE = 4;
var MIN_ARROW_SHAFT = 10;
var NO_MOVE = 0.01;
function frame(g) {
  const decadeWidth = PLOT_WIDTH / Math.log10(g.x[1] / g.x[0]);
  const decadeHeight = PLOT_HEIGHT / Math.log10(g.y[1] / g.y[0]);
  return {
    x: logScale(g.x, [0, PLOT_WIDTH]),
    y: logScale(g.y, [PLOT_HEIGHT, 0]),
    domain: { x: g.x, y: g.y },
    eaveAngle: -Math.atan2(decadeHeight, decadeWidth) * 180 / Math.PI
  };
}
function pixel(f, p) {
  return [f.x(p.x), f.y(p.y)];
}
function eaveStart(f, bytesPerSecond) {
  return Math.max(f.domain.x[0], f.domain.y[0] / bytesPerSecond);
}
function eaveEnds(f, eave) {
  const from = eaveStart(f, eave.bytesPerSecond);
  return [pixel(f, { x: from, y: from * eave.bytesPerSecond }), pixel(f, { x: eave.toIntensity, y: eave.toIntensity * eave.bytesPerSecond })];
}
function measuredRule(f, p) {
  if (!p.measured) return null;
  const [x, from] = pixel(f, p);
  const to = f.y(p.measured.y);
  const direction = Math.sign(to - from);
  const start = from + direction * (POINT_RADIUS + 1);
  const end = to - direction * (MEASURED_RADIUS + 2);
  if ((end - start) * direction < MIN_RULE) return null;
  return { x: f.x.invert(x), y: f.y.invert(start), y2: f.y.invert(end) };
}
function arrow(f, p) {
  if (!p.base) return null;
  const [bx, by] = pixel(f, p.base);
  const [hx, hy] = pixel(f, p);
  const length = Math.hypot(hx - bx, hy - by);
  if (length < NO_MOVE) return null;
  const [ux, uy] = [(hx - bx) / length, (hy - by) / length];
  const tipBack = POINT_RADIUS + 4;
  const shaft = Math.max(MIN_ARROW_SHAFT, length - (POINT_RADIUS + 1) - tipBack);
  const tip = [hx - ux * tipBack, hy - uy * tipBack];
  return {
    start: [tip[0] - ux * shaft, tip[1] - uy * shaft],
    tip,
    // The head is a triangle pointing up, turned clockwise to point from base to head.
    angle: (Math.atan2(ux, -uy) * 180 / Math.PI + 360) % 360
  };
}

// src/core/chart/encodings.ts
function xEncoding(g) {
  return {
    field: "x",
    type: "quantitative",
    scale: { type: "log", domain: g.x, nice: false },
    axis: {
      title: "Arithmetic intensity (FLOP/byte)",
      values: decades(g.x),
      labelExpr: siLabelExpr(""),
      grid: true
    }
  };
}
function yEncoding(g) {
  return {
    field: "y",
    type: "quantitative",
    scale: { type: "log", domain: g.y, nice: false },
    axis: { title: g.points.some((p) => p.measured) ? "Attainable and achieved (\xD7) FLOP/s" : "Attainable FLOP/s", values: decades(g.y), labelExpr: siLabelExpr(" "), grid: true }
  };
}
function strokeEncoding(device, legend2) {
  return deviceEncoding(device.names, device.colors, legend2);
}
function shapeEncoding(device, legend2) {
  return deviceEncoding(device.names, device.shapes, legend2);
}
function deviceEncoding(names, range, legend2) {
  return {
    field: "device",
    type: "nominal",
    scale: { domain: names, range },
    legend: { title: "Hardware", orient: legend2 }
  };
}
function fillEncoding(legend2) {
  return {
    field: "bound",
    type: "nominal",
    scale: { domain: ["compute", "memory"], range: [BOUND_COLORS.compute, BOUND_COLORS.memory] },
    legend: { title: "Bound", orient: legend2, labelExpr: BOUND_LABEL_EXPR, symbolStrokeColor: MUTED_COLOR }
  };
}
function legendSize(deviceNames) {
  const legendWidth = (labels) => Math.max(...labels.map((l) => textWidth(l, LABEL_FONT_SIZE))) + 36;
  return {
    width: legendWidth([...deviceNames, "Hardware"]) + 8 + legendWidth(Object.values(BOUND_WORDS)),
    height: Math.max(deviceNames.length, 2) * 17 + 34
  };
}
var BOUND_LABEL_EXPR = `datum.label === 'compute' ? ${JSON.stringify(BOUND_WORDS.compute)} : ${JSON.stringify(BOUND_WORDS.memory)}`;
function siLabelExpr(separator) {
  return SI_PREFIXES.reduceRight(
    (otherwise, [prefix, factor]) => `datum.value >= ${factor} ? format(datum.value / ${factor}, '~g') + '${separator}${prefix}' : ${otherwise}`,
    "format(datum.value, '~g')"
  );
}

// src/core/chart/key-view.ts
var ROW_HEIGHT = 17;
function keyView({ g, device, legend: legend2 }) {
  const columns = g.points.length > 8 ? 2 : 1;
  const columnWidth = PLOT_WIDTH / columns;
  const rows = Math.ceil(g.points.length / columns);
  const values = g.points.map((p, i) => {
    const column = Math.floor(i / rows);
    const r = p.result;
    return {
      px: column * columnWidth + 8,
      py: i % rows * ROW_HEIGHT + ROW_HEIGHT / 2,
      number: String(p.number),
      text: `${r.model} \xB7 ${device.name(r.hardware)} \xB7 ${boundText(r.bindingLevel)}`,
      device: device.name(r.hardware),
      bound: r.bound,
      ...tooltipFields(p, device.name)
    };
  });
  const px = { field: "px", type: "quantitative", scale: null, axis: null };
  const py = { field: "py", type: "quantitative", scale: null, axis: null };
  return {
    width: PLOT_WIDTH,
    height: rows * ROW_HEIGHT,
    data: { values },
    view: { stroke: null },
    layer: [
      {
        mark: { type: "point", filled: true, size: 60, strokeWidth: 1.2, opacity: 1 },
        encoding: {
          x: px,
          y: py,
          // The plot's legends already say what shapes and colours mean.
          shape: { ...shapeEncoding(device, legend2), legend: null },
          stroke: { ...strokeEncoding(device, legend2), legend: null },
          fill: { ...fillEncoding(legend2), legend: null },
          tooltip: TOOLTIP
        }
      },
      {
        mark: { type: "text", align: "right", baseline: "middle", dx: 30, fontWeight: "bold", color: TEXT_COLOR },
        encoding: { x: px, y: py, text: { field: "number" } }
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 36, color: TEXT_COLOR, limit: columnWidth - 48 },
        encoding: { x: px, y: py, text: { field: "text" }, tooltip: TOOLTIP }
      }
    ]
  };
}

// src/core/chart/shapes.ts
function rectangle(x0, y0, x1, y1) {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}
var TEXT_MARGIN = 2;
function textBox(text, fontSize, x, y, at, bold = false, margin = TEXT_MARGIN) {
  const width = textWidth(text, fontSize, bold);
  const height = fontSize + 1;
  const left = at.dx - (at.align === "left" ? 0 : at.align === "center" ? width / 2 : width);
  const top = at.dy - (at.baseline === "top" ? 0 : at.baseline === "middle" ? height / 2 : height);
  const radians = (at.angle ?? 0) * Math.PI / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const m = margin;
  return rectangle(left - m, top - m, left + width + m, top + height + m).map(([u, v]) => [x + u * cos - v * sin, y + u * sin + v * cos]);
}
function segment(x0, y0, x1, y1, halfWidth = 1.5) {
  const length = Math.hypot(x1 - x0, y1 - y0) || 1;
  const [nx, ny] = [-(y1 - y0) / length * halfWidth, (x1 - x0) / length * halfWidth];
  return [[x0 + nx, y0 + ny], [x1 + nx, y1 + ny], [x1 - nx, y1 - ny], [x0 - nx, y0 - ny]];
}
function overlaps(a, b) {
  for (const shape of [a, b]) {
    for (let i = 0; i < shape.length; i++) {
      const [x0, y0] = shape[i];
      const [x1, y1] = shape[(i + 1) % shape.length];
      const [ax, ay] = [y0 - y1, x1 - x0];
      const [aMin, aMax] = project(a, ax, ay);
      const [bMin, bMax] = project(b, ax, ay);
      if (aMax <= bMin + 1e-9 || bMax <= aMin + 1e-9) return false;
    }
  }
  return true;
}
function project(shape, ax, ay) {
  let [min, max] = [Infinity, -Infinity];
  for (const [x, y] of shape) {
    const d = x * ax + y * ay;
    [min, max] = [Math.min(min, d), Math.max(max, d)];
  }
  return [min, max];
}
var Occupancy = class _Occupancy {
  constructor(width, height) {
    this.width = width;
    this.height = height;
  }
  width;
  height;
  hard = [];
  soft = [];
  /** A copy to try placements on without committing them. */
  clone() {
    const copy = new _Occupancy(this.width, this.height);
    copy.hard.push(...this.hard);
    copy.soft.push(...this.soft);
    return copy;
  }
  block(shape, soft = false) {
    (soft ? this.soft : this.hard).push(bounded(shape));
  }
  /**
   * True when the shape lies inside the plot and covers no hard obstacle (nor a soft one, if `strict`,
   * other than `except`: the line a label belongs to).
   */
  free(shape, strict, except) {
    const inside = shape.every(([x, y]) => x >= -0.5 && x <= this.width + 0.5 && y >= -0.5 && y <= this.height + 0.5);
    if (!inside) return false;
    const candidate = bounded(shape);
    if (this.hard.some((other) => covers(candidate, other))) return false;
    return !strict || !this.soft.some((other) => other.shape !== except && covers(candidate, other));
  }
  /**
   * The first candidate that is free of everything (but `except`), else the first free of hard obstacles
   * (only the latter when `avoidLines` is false: nearness matters more than crossing a line); it is then
   * blocked.
   */
  place(candidates, shapeOf, { avoidLines = true, except } = {}) {
    for (const strict of avoidLines ? [true, false] : [false]) {
      for (const candidate of candidates) {
        const shape = shapeOf(candidate);
        if (this.free(shape, strict, except)) {
          this.block(shape);
          return candidate;
        }
      }
    }
    return null;
  }
};
function bounded(shape) {
  const xs = shape.map(([x]) => x);
  const ys = shape.map(([, y]) => y);
  return { shape, x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}
function covers(a, b) {
  if (a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0) return false;
  return overlaps(a.shape, b.shape);
}

// src/core/chart/label-layers.ts
function labelLayers(plot, layout) {
  const { g, device } = plot;
  const colored = [
    ...zip(layout.roofs, g.devices.flatMap((d) => d.roofs.map(() => device.color(d.id)))),
    ...layout.points.map((label) => [label, TEXT_COLOR]),
    ...zip(
      layout.measured,
      g.points.filter((p) => p.measured).map((p) => isAboveRoof(p.result) ? ABOVE_ROOF_COLOR : device.color(p.result.hardware))
    ),
    ...zip(layout.eaves, g.devices.flatMap((d) => d.eaves.map(() => device.color(d.id)))),
    ...zip(layout.ridges, g.devices.flatMap((d) => d.ridges.map(() => device.color(d.id))))
  ];
  const placed = colored.filter((entry) => entry[0] !== null);
  const labels = placed.map(([label, color]) => labelRow(plot, label, color));
  const backings = placed.filter(([label]) => !label.at.angle).map(([label]) => backingRow(plot, label));
  return {
    backings: {
      data: { values: backings },
      mark: { type: "rect", fill: "white", opacity: 0.9 },
      encoding: { x: xEncoding(g), y: yEncoding(g), x2: { field: "x2" }, y2: { field: "y2" } }
    },
    labels: {
      data: { values: labels },
      mark: {
        type: "text",
        align: { expr: "datum.align" },
        baseline: { expr: "datum.baseline" },
        dx: { expr: "datum.dx" },
        dy: { expr: "datum.dy" },
        angle: { expr: "datum.angle" },
        fontSize: { expr: "datum.fontSize" },
        fill: { expr: "datum.color" }
      },
      encoding: { x: xEncoding(g), y: yEncoding(g), text: { field: "text" } }
    }
  };
}
function labelRow({ f }, { text, x, y, at, fontSize }, color) {
  return {
    x: f.x.invert(x),
    y: f.y.invert(y),
    text,
    align: at.align,
    baseline: at.baseline,
    dx: at.dx,
    dy: at.dy,
    angle: at.angle ?? 0,
    color,
    fontSize
  };
}
function backingRow({ f }, { text, x, y, at, fontSize }) {
  const corners = textBox(text, fontSize, x, y, at, false, 0.5).map(([px, py]) => [f.x.invert(px), f.y.invert(py)]);
  const xs = corners.map(([cx]) => cx);
  const ys = corners.map(([, cy]) => cy);
  return { x: Math.min(...xs), x2: Math.max(...xs), y: Math.min(...ys), y2: Math.max(...ys) };
}
function zip(as, bs) {
  return as.map((a, i) => [a, bs[i]]);
}

// src/core/chart/label-scene.ts
var RIDGE_RADIUS = 3;
function labelScene(g, f, device) {
  const marks = [];
  const lines = [];
  for (const p of g.points) {
    marks.push(mark(pixel(f, p), POINT_RADIUS));
    if (p.base) marks.push(mark(pixel(f, p.base), POINT_RADIUS));
    if (p.measured) {
      const [x, y] = measuredPixel(f, p);
      marks.push(mark([x, y], MEASURED_RADIUS + 1));
      const rule = measuredRule(f, p);
      if (rule) lines.push([[x, f.y(rule.y)], [x, f.y(rule.y2)]]);
    }
    const moved = arrow(f, p);
    if (moved) lines.push([moved.start, moved.tip]);
  }
  for (const d of g.devices) {
    for (const ridge of d.ridges) marks.push(mark(pixel(f, { x: ridge.intensity, y: ridge.flopsPerSecond }), RIDGE_RADIUS));
  }
  return {
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    marks,
    lines,
    legend: legendSize(device.names),
    roofs: g.devices.flatMap(
      (d) => d.roofs.map((roof) => ({ y: f.y(roof.flopsPerSecond), start: f.x(roof.fromIntensity), texts: roofTexts(device.name(d.id), roof.precision, roof.flopsPerSecond) }))
    ),
    points: g.points.map((p) => {
      const [x, y] = pixel(f, p);
      return { x, y, name: pointText(p, p.result.model), number: String(p.number) };
    }),
    measured: g.points.flatMap((p) => {
      if (!p.measured) return [];
      const [x, y] = measuredPixel(f, p);
      const above = isAboveRoof(p.result);
      return [{ x, y, texts: measuredTexts(efficiency(p.measured.efficiency), above), required: above }];
    }),
    eaves: g.devices.flatMap(
      (d) => d.eaves.map((eave) => {
        const short = `${levelText(eave.level)} ${byteRate(eave.bytesPerSecond)}`;
        const [from, to] = eaveEnds(f, eave);
        return { from, to, texts: g.devices.length > 1 ? [`${device.name(d.id)} \xB7 ${short}`, short] : [short] };
      })
    ),
    eaveAngle: f.eaveAngle,
    ridges: g.devices.flatMap(
      (d) => d.ridges.map((ridge) => {
        const [x, y] = pixel(f, { x: ridge.intensity, y: ridge.flopsPerSecond });
        return { x, y, text: intensity(ridge.intensity) };
      })
    )
  };
}
function measuredPixel(f, p) {
  return pixel(f, { x: p.x, y: p.measured.y });
}
function mark([x, y], radius) {
  return { x, y, radius };
}
function roofTexts(deviceName, precision, flopsPerSecond) {
  const value = flopRate(flopsPerSecond, precision);
  return [`${deviceName} \xB7 ${precision} roof ${value}`, `${deviceName} \xB7 ${precision} ${value}`, `${precision} ${value}`];
}
function measuredTexts(share, above) {
  return above ? [`above roof: measured ${share} of attainable`, `above roof (${share})`, "above roof"] : [`measured ${share} of attainable`, `measured ${share}`, share];
}
function pointText(p, text) {
  if (p.clamp === "infinite-intensity") return `${text} (I = \u221E)`;
  if (p.clamp === "zero-intensity") return `${text} (I = 0)`;
  return text;
}

// src/core/chart/layout.ts
var MAX_NAMED_POINTS = 12;
var ABOVE_RIDGE_REACH = 40;
var ABOVE_LINE = { align: "right", baseline: "bottom", dx: 0, dy: -3 };
var BELOW_LINE = { align: "right", baseline: "top", dx: 0, dy: 3 };
var EAVE_FRACTIONS = [0.1, 0.3, 0.5, 0.7, 0.9, 0.2, 0.4, 0.6, 0.8, 0, 1];
var POINT_RINGS = [0, 6, 12].map((farther) => pointSpots(POINT_RADIUS + 2 + farther));
var MEASURED_SPOTS = measuredSpots(MEASURED_RADIUS + 2);
function pointSpots(r) {
  return [
    { align: "left", baseline: "middle", dx: r + 1, dy: 0 },
    { align: "right", baseline: "middle", dx: -r - 1, dy: 0 },
    { align: "center", baseline: "bottom", dx: 0, dy: -r },
    { align: "center", baseline: "top", dx: 0, dy: r },
    { align: "left", baseline: "bottom", dx: r / 2, dy: -r - 1 },
    { align: "left", baseline: "top", dx: r / 2, dy: r + 1 },
    { align: "right", baseline: "bottom", dx: -r / 2, dy: -r - 1 },
    { align: "right", baseline: "top", dx: -r / 2, dy: r + 1 }
  ];
}
function measuredSpots(r) {
  return [
    { align: "left", baseline: "middle", dx: r + 1, dy: 0 },
    { align: "right", baseline: "middle", dx: -r - 1, dy: 0 },
    { align: "left", baseline: "top", dx: r / 2, dy: r },
    { align: "right", baseline: "top", dx: -r / 2, dy: r },
    { align: "left", baseline: "bottom", dx: r / 2, dy: -r },
    { align: "right", baseline: "bottom", dx: -r / 2, dy: -r },
    { align: "center", baseline: "top", dx: 0, dy: r + 1 },
    { align: "center", baseline: "bottom", dx: 0, dy: -r - 1 }
  ];
}
var RIDGE_SPOTS = [
  { align: "center", baseline: "top", dx: 0, dy: 6 },
  { align: "left", baseline: "top", dx: 4, dy: 5 },
  { align: "right", baseline: "top", dx: -4, dy: 5 },
  { align: "left", baseline: "middle", dx: 7, dy: 0 },
  { align: "center", baseline: "bottom", dx: 0, dy: -6 }
];
function placeLabels(scene) {
  const occupancy = new Occupancy(scene.width, scene.height);
  for (const { x, y, radius } of scene.marks) occupancy.block(rectangle(x - radius, y - radius, x + radius, y + radius));
  const band = ([x0, y0], [x1, y1]) => {
    const shape = segment(x0, y0, x1, y1);
    occupancy.block(shape, true);
    return shape;
  };
  for (const [from, to] of scene.lines) band(from, to);
  const roofBands = scene.roofs.map(({ y, start }) => band([start, y], [scene.width, y]));
  const eaveBands = scene.eaves.map(({ from, to }) => band(from, to));
  const legend2 = placeLegend(occupancy, scene);
  const names = scene.points.map((p) => p.name);
  const numbered = scene.points.length > MAX_NAMED_POINTS || !labelPoints(occupancy.clone(), scene.points, names).every((l) => l.fits);
  const points = labelPoints(occupancy, scene.points, numbered ? scene.points.map((p) => p.number) : names).map((l) => l.label);
  const roofs = scene.roofs.map((roof, i) => placeRoofLabel(occupancy, roof, roofBands[i], scene.width));
  const measured2 = scene.measured.map((mark2) => placeMeasuredLabel(occupancy, mark2));
  const eaves = scene.eaves.map((eave, i) => placeEaveLabel(occupancy, eave, eaveBands[i], scene.eaveAngle));
  const ridges = scene.ridges.map(({ x, y, text }) => {
    const chosen = occupancy.place(RIDGE_SPOTS, (at) => textBox(text, SMALL_FONT_SIZE, x, y, at));
    return chosen ? { text, x, y, at: chosen, fontSize: SMALL_FONT_SIZE } : null;
  });
  return { legend: legend2, numbered, roofs, points, measured: measured2, eaves, ridges };
}
function placeLegend(occupancy, { width: plotWidth, height: plotHeight, legend: legend2 }) {
  const { width, height } = legend2;
  const corners = {
    "top-left": rectangle(0, 0, width + 8, height + 8),
    "bottom-right": rectangle(plotWidth - width - 8, plotHeight - height - 8, plotWidth, plotHeight)
  };
  const cost = (box) => occupancy.free(box, true) ? 0 : occupancy.free(box, false) ? 1 : 2;
  const corner = cost(corners["bottom-right"]) <= cost(corners["top-left"]) ? "bottom-right" : "top-left";
  if (cost(corners[corner]) === 2) return "bottom";
  occupancy.block(corners[corner]);
  return corner;
}
function placeRoofLabel(occupancy, roof, line, plotWidth) {
  const { y, start, texts } = roof;
  const box = (text2, spot2) => textBox(text2, LABEL_FONT_SIZE, spot2.x, y, spot2.at);
  const placed = firstPlaced(texts, (text2) => occupancy.place(onRoofSpots(text2, start, plotWidth), (spot2) => box(text2, spot2), { except: line })) ?? firstPlaced(texts, (text2) => occupancy.place(leftOfRoofSpots(text2, start), (spot2) => box(text2, spot2), { avoidLines: false }));
  const { text, spot } = placed ?? { text: texts[0], spot: { x: plotWidth - 4, at: ABOVE_LINE } };
  if (!placed) occupancy.block(box(text, spot));
  return { text, x: spot.x, y, at: spot.at, fontSize: LABEL_FONT_SIZE };
}
function onRoofSpots(text, start, plotWidth) {
  const width = textWidth(text, LABEL_FONT_SIZE);
  const spots = [];
  for (let x = plotWidth - 4; x - width >= start - ABOVE_RIDGE_REACH; x -= 16) {
    spots.push({ x, at: ABOVE_LINE });
    if (x - width >= start) spots.push({ x, at: BELOW_LINE });
  }
  return spots;
}
function leftOfRoofSpots(text, start) {
  const spots = [];
  for (let x = start - 8; x >= textWidth(text, LABEL_FONT_SIZE); x -= 16) {
    spots.push({ x, at: { align: "right", baseline: "middle", dx: 0, dy: 0 } });
    spots.push({ x, at: ABOVE_LINE });
    spots.push({ x, at: BELOW_LINE });
  }
  return spots;
}
function labelPoints(occupancy, points, texts) {
  return points.map(({ x, y }, i) => {
    const text = texts[i];
    let chosen = null;
    for (const ring of POINT_RINGS) {
      chosen = occupancy.place(ring, (at) => textBox(text, LABEL_FONT_SIZE, x, y, at));
      if (chosen) break;
    }
    return { label: { text, x, y, at: chosen ?? POINT_RINGS[0][0], fontSize: LABEL_FONT_SIZE }, fits: chosen !== null };
  });
}
function placeMeasuredLabel(occupancy, mark2) {
  const { x, y, texts, required } = mark2;
  const box = (text2, at) => textBox(text2, SMALL_FONT_SIZE, x, y, at);
  const placed = firstPlaced(texts, (text2) => occupancy.place(MEASURED_SPOTS, (at) => box(text2, at)));
  if (!placed && !required) return null;
  const { text, spot } = placed ?? { text: texts[0], spot: MEASURED_SPOTS[0] };
  if (!placed) occupancy.block(box(text, spot));
  return { text, x, y, at: spot, fontSize: SMALL_FONT_SIZE };
}
function placeEaveLabel(occupancy, eave, line, angle) {
  const at = { align: "left", baseline: "bottom", dx: 0, dy: -3, angle };
  const [[x0, y0], [x1, y1]] = [eave.from, eave.to];
  const length = Math.hypot(x1 - x0, y1 - y0);
  const placed = firstPlaced(eave.texts, (text) => {
    const room = length - textWidth(text, LABEL_FONT_SIZE) - 10;
    if (room < 0) return null;
    const anchors = EAVE_FRACTIONS.map((f) => [x0 + (x1 - x0) * f * room / length, y0 + (y1 - y0) * f * room / length]);
    return occupancy.place(anchors, ([x, y]) => textBox(text, LABEL_FONT_SIZE, x, y, at), { except: line });
  });
  return placed ? { text: placed.text, x: placed.spot[0], y: placed.spot[1], at, fontSize: LABEL_FONT_SIZE } : null;
}
function firstPlaced(texts, place) {
  for (const text of texts) {
    const spot = place(text);
    if (spot) return { text, spot };
  }
  return null;
}

// src/core/chart/marks.ts
var X_SHAPE = "M-1,-1L1,1M-1,1L1,-1";
function roofLinesLayer({ g, f, device, legend: legend2 }) {
  const values = [];
  for (const d of g.devices) {
    const name = device.name(d.id);
    for (const roof of d.roofs) {
      values.push({
        x: roof.fromIntensity,
        y: roof.flopsPerSecond,
        x2: g.x[1],
        y2: roof.flopsPerSecond,
        device: name,
        what: `${roof.precision} roof`,
        value: flopRate(roof.flopsPerSecond, roof.precision)
      });
    }
    for (const eave of d.eaves) {
      const from = eaveStart(f, eave.bytesPerSecond);
      values.push({
        x: from,
        y: from * eave.bytesPerSecond,
        x2: eave.toIntensity,
        y2: eave.toIntensity * eave.bytesPerSecond,
        device: name,
        what: `${levelText(eave.level)} bandwidth`,
        value: byteRate(eave.bytesPerSecond)
      });
    }
  }
  return {
    data: { values },
    mark: { type: "rule", strokeWidth: 2, strokeCap: "round" },
    encoding: {
      x: xEncoding(g),
      y: yEncoding(g),
      x2: { field: "x2" },
      y2: { field: "y2" },
      stroke: strokeEncoding(device, legend2),
      tooltip: [
        { field: "device", title: "hardware" },
        { field: "what", title: "line" },
        { field: "value", title: "value" }
      ]
    }
  };
}
function ridgeLayer({ g, device, legend: legend2 }) {
  const values = g.devices.flatMap(
    (d) => d.ridges.map((ridge) => ({
      x: ridge.intensity,
      y: ridge.flopsPerSecond,
      device: device.name(d.id),
      ridge: `${flopPerByte(ridge.intensity)} (${ridge.precision} roof, ${levelText(ridge.level)})`
    }))
  );
  return {
    data: { values },
    mark: { type: "point", shape: "diamond", size: 40, filled: true, fill: "white", strokeWidth: 1.5 },
    encoding: {
      x: xEncoding(g),
      y: yEncoding(g),
      stroke: strokeEncoding(device, legend2),
      tooltip: [
        { field: "device", title: "hardware" },
        { field: "ridge", title: "ridge point" }
      ]
    }
  };
}
function baselineLayers({ g, device, legend: legend2 }) {
  const marks = g.points.flatMap(
    (p) => p.base ? [{ x: p.base.x, y: p.base.y, device: device.name(p.result.hardware), ...tooltipFields(p, device.name) }] : []
  );
  if (marks.length === 0) return [];
  return [
    {
      data: { values: marks },
      mark: { type: "point", filled: false, size: POINT_SIZE, strokeWidth: 1.5, opacity: 0.9 },
      encoding: {
        x: xEncoding(g),
        y: yEncoding(g),
        shape: shapeEncoding(device, legend2),
        stroke: strokeEncoding(device, legend2),
        tooltip: TOOLTIP
      }
    }
  ];
}
function arrowLayers({ g, f }) {
  const arrows = g.points.flatMap((p) => {
    const a = arrow(f, p);
    return a ? [{ x: f.x.invert(a.start[0]), y: f.y.invert(a.start[1]), x2: f.x.invert(a.tip[0]), y2: f.y.invert(a.tip[1]), angle: a.angle }] : [];
  });
  if (arrows.length === 0) return [];
  return [
    {
      data: { values: arrows },
      mark: { type: "rule", color: MUTED_COLOR, strokeWidth: 1.3 },
      encoding: { x: xEncoding(g), y: yEncoding(g), x2: { field: "x2" }, y2: { field: "y2" } }
    },
    {
      data: { values: arrows },
      mark: { type: "point", shape: "triangle-up", filled: true, color: MUTED_COLOR, size: 36, opacity: 1 },
      encoding: {
        x: { field: "x2", type: "quantitative", scale: { type: "log", domain: g.x, nice: false } },
        y: { field: "y2", type: "quantitative", scale: { type: "log", domain: g.y, nice: false } },
        angle: { field: "angle", type: "quantitative", scale: null }
      }
    }
  ];
}
function measuredLayers({ g, f, device }) {
  const marks = [];
  const rules = [];
  const levelMarks = [];
  const levelRules = [];
  for (const p of g.points) {
    if (!p.measured) continue;
    const above = isAboveRoof(p.result);
    const color = above ? ABOVE_ROOF_COLOR : device.color(p.result.hardware);
    const fields = tooltipFields(p, device.name);
    marks.push({ x: p.x, y: p.measured.y, color, ...fields, above });
    const rule = measuredRule(f, p);
    if (rule) rules.push({ ...rule, color });
    const others = p.measured.levels.filter((level) => level.level !== p.level);
    for (const level of others) {
      const intensityText = `${levelText(level.level)} ${flopPerByte(level.intensity)}: this level's achieved point`;
      levelMarks.push({ x: level.x, y: p.measured.y, color, ...fields, intensityText, above });
    }
    if (others.length > 0) {
      const xs = [p.x, ...others.map((level) => level.x)];
      levelRules.push({ x: Math.min(...xs), x2: Math.max(...xs), y: p.measured.y, color });
    }
  }
  if (marks.length === 0) return [];
  const stroke = { expr: "datum.color" };
  const levelLayers = levelMarks.length === 0 ? [] : [
    {
      data: { values: levelRules },
      mark: { type: "rule", strokeWidth: 1, strokeDash: [1, 3], stroke, opacity: 0.7 },
      encoding: { x: xEncoding(g), y: yEncoding(g), x2: { field: "x2" } }
    },
    {
      data: { values: levelMarks },
      mark: { type: "point", shape: X_SHAPE, filled: false, size: MEASURED_RADIUS ** 2 * 2, strokeWidth: 1.5, opacity: 1, stroke },
      encoding: { x: xEncoding(g), y: yEncoding(g), tooltip: TOOLTIP }
    }
  ];
  return [
    {
      data: { values: rules },
      mark: { type: "rule", strokeWidth: 1, strokeDash: [3, 3], stroke },
      encoding: { x: xEncoding(g), y: yEncoding(g), y2: { field: "y2" } }
    },
    ...levelLayers,
    {
      data: { values: marks },
      mark: { type: "point", shape: X_SHAPE, filled: false, size: (2 * MEASURED_RADIUS) ** 2, strokeWidth: 2, opacity: 1, stroke },
      encoding: { x: xEncoding(g), y: yEncoding(g), tooltip: TOOLTIP }
    }
  ];
}
function pointLayer({ g, device, legend: legend2 }) {
  const values = g.points.map((p) => ({
    x: p.x,
    y: p.y,
    device: device.name(p.result.hardware),
    bound: p.result.bound,
    ...tooltipFields(p, device.name)
  }));
  return {
    data: { values },
    mark: { type: "point", filled: true, size: POINT_SIZE, strokeWidth: 1.5, opacity: 1 },
    encoding: {
      x: xEncoding(g),
      y: yEncoding(g),
      shape: shapeEncoding(device, legend2),
      stroke: strokeEncoding(device, legend2),
      fill: fillEncoding(legend2),
      tooltip: TOOLTIP
    }
  };
}

// src/core/chart/ops-view.ts
var MAX_OP_PANELS = 6;
var MAX_OPS_PER_PANEL = 10;
var NAME_WIDTH = 100;
var UNITS = [["s", 1], ["ms", 1e-3], ["us", 1e-6], ["ns", 1e-9]];
function opsViews(points, deviceName) {
  const withOps = points.filter((p) => p.result.ops && p.result.ops.slowest.length > 0);
  return withOps.slice(0, MAX_OP_PANELS).map((p, i) => {
    const subtitle2 = i > 0 ? [] : [
      "Compute time and memory time of each op; the longer one (solid) is its time.",
      ...withOps.length > MAX_OP_PANELS ? [`First ${MAX_OP_PANELS} of ${withOps.length} model x hardware pairs given as ops.`] : []
    ];
    return [panel(p, deviceName, subtitle2), ...p.result.ops.changed?.length ? [changedPanel(p, deviceName)] : []];
  }).flat();
}
function unitFor(longest) {
  return UNITS.find(([, f]) => longest >= f) ?? UNITS[UNITS.length - 1];
}
function labeller() {
  const seen = /* @__PURE__ */ new Map();
  return (name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  };
}
function changedPanel(p, deviceName) {
  const r = p.result;
  const changes = r.ops.changed.slice(0, MAX_OPS_PER_PANEL);
  const total = r.ops.changed.length + r.ops.moreChanged;
  const longest = Math.max(...changes.map((c) => Math.max(c.seconds ?? 0, c.baseSeconds ?? 0)));
  const [unit, factor] = unitFor(longest);
  const label = labeller();
  const values = changes.flatMap((change2) => {
    const common = { op: label(change2.name), moved: opFigure(change2), opChange: timeChange(opDelta(change2)) };
    const bar = (side, seconds, level, color) => ({
      ...common,
      side,
      value: (seconds ?? 0) / factor,
      partTime: seconds === null ? "none" : time(seconds),
      bound: level === null ? "-" : boundText(level),
      color
    });
    const headColor = BOUND_COLORS[change2.bindingLevel === "compute" ? "compute" : "memory"];
    return [bar("baseline", change2.baseSeconds, change2.baseBindingLevel, MUTED_COLOR), bar("head", change2.seconds, change2.bindingLevel, headColor)];
  });
  const shown = changes.length < total ? `the ${changes.length} largest of ${total} changed ops` : `${total} changed op${total === 1 ? "" : "s"}`;
  return bars({
    title: `${r.model} on ${deviceName(r.hardware)}: ${shown}, baseline and head`,
    subtitle: ["Time of each op in the baseline (grey) and in the head (coloured by its bound), largest change first."],
    values,
    unit,
    pairBy: { field: "side", domain: ["baseline", "head"] },
    encoding: {
      fill: { field: "color", type: "nominal", scale: null, legend: null },
      tooltip: [
        { field: "op", title: "op" },
        { field: "side", title: "side" },
        { field: "partTime", title: "time" },
        { field: "bound", title: "bound" },
        { field: "moved", title: "what moved" },
        { field: "opChange", title: "change" }
      ]
    }
  });
}
function bars(panel2) {
  return {
    title: { text: panel2.title, subtitle: panel2.subtitle, fontSize: 12.5 },
    width: PLOT_WIDTH - NAME_WIDTH,
    height: { step: 9 },
    data: { values: panel2.values },
    mark: { type: "bar", cornerRadiusEnd: 2 },
    encoding: {
      y: { field: "op", type: "nominal", sort: null, scale: { paddingInner: 0.25 }, axis: { title: null, labelLimit: NAME_WIDTH - 10, ticks: false } },
      yOffset: { field: panel2.pairBy.field, type: "nominal", scale: { domain: panel2.pairBy.domain } },
      x: { field: "value", type: "quantitative", axis: { title: `time per pass (${panel2.unit})`, format: "~r", tickCount: 6 } },
      ...panel2.encoding
    }
  };
}
function panel(p, deviceName, subtitle2) {
  const r = p.result;
  const ops = r.ops.slowest.slice(0, MAX_OPS_PER_PANEL);
  const longest = Math.max(...ops.map((op) => Math.max(op.computeSeconds, op.memorySeconds)));
  const [unit, factor] = unitFor(longest);
  const label = labeller();
  const values = ops.flatMap((op) => {
    const name = label(op.name);
    const bindsCompute = op.bindingLevel === "compute";
    const common = { op: name, opTime: time(op.seconds), bound: boundText(op.bindingLevel) };
    return [
      { ...common, part: "compute", value: op.computeSeconds / factor, binds: bindsCompute, partTime: time(op.computeSeconds) },
      { ...common, part: "memory", value: op.memorySeconds / factor, binds: !bindsCompute, partTime: time(op.memorySeconds) }
    ];
  });
  const shown = ops.length < r.ops.count ? `${ops.length} slowest of ${r.ops.count} ops` : `${r.ops.count} ops, slowest first`;
  return bars({
    title: `${r.model} on ${deviceName(r.hardware)}: ${shown} (${time(r.seconds)} per pass at ${flopRate(p.flopsPerSecond, r.precision)})`,
    subtitle: subtitle2,
    values,
    unit,
    pairBy: { field: "part", domain: ["compute", "memory"] },
    encoding: {
      fill: {
        field: "part",
        type: "nominal",
        scale: { domain: ["compute", "memory"], range: [BOUND_COLORS.compute, BOUND_COLORS.memory] },
        legend: null
      },
      opacity: { condition: { test: "datum.binds", value: 1 }, value: 0.35 },
      tooltip: [
        { field: "op", title: "op" },
        { field: "part", title: "part" },
        { field: "partTime", title: "time" },
        { field: "opTime", title: "op time" },
        { field: "bound", title: "bound" }
      ]
    }
  });
}

// src/core/chart/spec.ts
function rooflineSpec(report, options = {}) {
  const drawn = drawnPairs(report);
  const g = geometry(drawn.leftOut ? { ...report, results: drawn.results } : report);
  const f = frame(g);
  const device = deviceStyle(g, options.deviceNames ?? {});
  const layout = placeLabels(labelScene(g, f, device));
  const plot = { g, f, device, legend: layout.legend };
  const views = [rooflineView(plot, layout), ...layout.numbered ? [keyView(plot)] : [], ...opsViews(g.points, device.name)];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `Roofline of ${plural(g.points.length, "model \xD7 hardware pair")} on ${plural(g.devices.length, "device")}`,
    title: { text: "Roofline", subtitle: subtitle(report, g, drawn, layout.numbered) },
    config: CONFIG,
    vconcat: views,
    // Each view keeps its own legends: the roofline's sit inside its plot, the list and the bars need none.
    // The op panels pair their bars differently (compute and memory; baseline and head): offsets apart too.
    resolve: {
      scale: { fill: "independent", shape: "independent", stroke: "independent", yOffset: "independent" },
      legend: { fill: "independent", shape: "independent", stroke: "independent" }
    }
  };
}
function rooflineView(plot, layout) {
  const { backings, labels } = labelLayers(plot, layout);
  return {
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    layer: [roofLinesLayer(plot), backings, ridgeLayer(plot), ...baselineLayers(plot), ...arrowLayers(plot), ...measuredLayers(plot), pointLayer(plot), labels]
  };
}
function subtitle(report, g, drawn, numbered) {
  const lines = [
    `${plural(g.points.length, "model \xD7 hardware pair")} at their attainable FLOP/s, filled by what bounds each.`
  ];
  if (drawn.leftOut) {
    const total = report.results.length;
    lines.push(
      drawn.changedLeftOut ? `${drawn.leftOut} of ${total} pairs left out: only the ${MAX_DRAWN_POINTS} flagged or changed most are drawn.` : `${drawn.leftOut} unchanged pairs of ${total} left out: only the changed and flagged are drawn.`
    );
  }
  if (g.points.some(bindsDifferently)) lines.push("Models given as ops sit at their FLOPs over the summed op times: below the roof where ops bind differently.");
  const measured2 = g.points.filter((p) => p.measured);
  if (measured2.length) {
    const above = measured2.some((p) => isAboveRoof(p.result));
    lines.push(`\xD7: achieved FLOP/s from the measured time, dashed to its attainable point${above ? "; red \xD7: above its roof, so its inputs are off" : ""}.`);
  }
  if (g.points.some((p) => p.base)) lines.push(`Hollow marks: baseline${report.baseline ? ` (${report.baseline})` : ""}; arrows lead to this change, however small.`);
  if (g.points.some((p) => p.clamp === "infinite-intensity")) lines.push("At the right edge: no bytes moved (infinite intensity).");
  if (g.points.some((p) => p.clamp === "zero-intensity")) lines.push("At the left edge: no FLOPs (zero intensity).");
  if (numbered) lines.push("Numbers refer to the list below the plot.");
  return lines;
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export {
  geometry,
  asciiRoofline,
  VEGA_EDITOR_URL,
  vegaEditorUrl,
  rooflineSpec
};
