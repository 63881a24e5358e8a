#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  BYTE_KINDS,
  CATALOG,
  ConfigError,
  IMPORT_FORMATS,
  OP_COLUMNS,
  PRECISIONS,
  UnknownFormat,
  UsageError,
  analyse,
  changedCount,
  changedTitle,
  columnsFor,
  configJsonSchema,
  findEntry,
  gitRef,
  importedCsv,
  loadConfig,
  nearestWord,
  notesLine,
  opRow,
  readImport,
  renderArtifacts,
  renderMarkdown,
  reportJson,
  roofFootnote,
  row,
  snapshotText,
  tokenLines,
  withChangedOps,
  workingTree,
  writeOutDir
} from "./chunks/chunk-FTBJRAB5.js";
import {
  commandSafe,
  si,
  withVisibleStrings
} from "./chunks/chunk-HTFASCCZ.js";
import "./chunks/chunk-HANBNIMK.js";

// src/cli.ts
import { parseArgs, styleText } from "node:util";

// src/core/catalog/listing.ts
var bytesText = (figure) => {
  const binary = [["TiB", 2 ** 40], ["GiB", 2 ** 30]].find(([, unit]) => figure.value >= unit && Number.isInteger(figure.value / unit));
  return binary ? `${figure.value / binary[1]} ${binary[0]}` : si(figure.value, "B");
};
var OVERVIEW = ["fp64", "fp32", "tf32", "fp16", "bf16", "fp8", "int8", "fp4"];
function catalogTable(entries) {
  const compact = (value) => si(value, "").trim();
  const head = ["ID", ...OVERVIEW.map((p) => p.toUpperCase()), "DRAM B/s", "L2 B/s", "NAME"];
  const rows = entries.map((entry) => [
    entry.id,
    ...OVERVIEW.map((p) => entry.compute[p] ? compact(entry.compute[p].value) : "-"),
    compact(entry.levels[0].bytesPerSecond.value),
    entry.levels.find((level) => level.name === "l2") ? compact(entry.levels.find((level) => level.name === "l2").bytesPerSecond.value) : "-",
    entry.name
  ]);
  const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row2) => row2[column].length)));
  const last = head.length - 1;
  const format = (row2) => row2.map((cell, column) => column === 0 || column === last ? cell.padEnd(widths[column]) : cell.padStart(widths[column])).join("  ").trimEnd();
  return [
    format(head),
    ...rows.map(format),
    "",
    "Dense peaks in FLOP/s (OP/s for INT8), never a sparsity figure. Every figure and its source: roofline-gate hardware ID"
  ].join("\n") + "\n";
}
function catalogDetail(entry) {
  const lines = [`${entry.name} (${entry.id})`, `aliases: ${entry.aliases.join(", ") || "-"}`, `vendor: ${entry.vendor}, ${entry.kind}, ${entry.year}`, ""];
  const cite = (figure) => `${figure.kind.padEnd(8)} [${figure.source}]${figure.note ? ` ${figure.note}` : ""}`;
  lines.push("Dense peak (never a sparsity figure):");
  for (const precision of PRECISIONS) {
    const figure = entry.compute[precision];
    const unit = precision.startsWith("int") ? "OP/s" : "FLOP/s";
    if (figure) lines.push(`  ${precision.padEnd(5)} ${si(figure.value, unit).padStart(14)}  ${cite(figure)}`);
  }
  lines.push("Memory:", `  capacity ${bytesText(entry.capacityBytes).padStart(11)}  ${cite(entry.capacityBytes)}`);
  for (const level of entry.levels) {
    lines.push(`  ${level.name.padEnd(8)} ${si(level.bytesPerSecond.value, "B/s").padStart(11)}  ${cite(level.bytesPerSecond)}`);
  }
  lines.push(
    "Kinds: vendor = the source states it; derived = computed from vendor figures (the note gives how);",
    "       measured = a published benchmark (the note names who, on what, where); estimate = none of these.",
    "Sources:"
  );
  for (const [key, source] of Object.entries(entry.sources)) lines.push(`  [${key}] ${source.title}: ${source.url}`);
  return `${lines.join("\n")}
`;
}

// src/core/report/text.ts
var HEADINGS = {
  model: "MODEL",
  hardware: "HARDWARE",
  precision: "PREC",
  intensity: "INTENSITY",
  ridge: "RIDGE",
  bound: "BOUND",
  attainable: "ATTAINABLE",
  time: "TIME/PASS",
  throughput: "THROUGHPUT",
  efficiency: "EFFICIENCY",
  change: "CHANGE"
};
var RIGHT_ALIGNED = /* @__PURE__ */ new Set(["ridge", "attainable", "time", "throughput", "efficiency", "change"]);
function aligned(columns, rows) {
  const widths = columns.map((column) => Math.max(...rows.map((r) => [...r[column]].length)));
  return rows.map(
    (r) => columns.map((column, index) => {
      const pad = " ".repeat(widths[index] - [...r[column]].length);
      return RIGHT_ALIGNED.has(column) ? pad + r[column] : r[column] + pad;
    })
  );
}
function renderText(given, options = {}) {
  const report = withVisibleStrings(given);
  const paint = options.paint ?? ((text) => text);
  const hasBaseline = report.baseline !== null;
  const columns = columnsFor(report);
  const rows = report.results.map((result) => row(result, hasBaseline));
  const [heading, ...body] = aligned(columns, [HEADINGS, ...rows]);
  const lines = [paint(heading.join("  ").trimEnd(), "bold")];
  report.results.forEach((result, at) => {
    const cells = body[at].map((text, index) => columns[index] === "bound" ? paint(text, result.bound) : text);
    lines.push(cells.join("  ").trimEnd());
  });
  const footnote = roofFootnote(report.results);
  if (footnote) lines.push(paint(footnote, "dim"));
  for (const pair of report.removed) lines.push(paint(`removed: ${pair.model} on ${pair.hardware} (was ${snapshotText(pair.base)})`, "dim"));
  const changed = withChangedOps(report.results);
  if (changed.length > 0) lines.push("", paint("Changed ops", "bold"));
  for (const result of changed) {
    const listed = result.ops.changed;
    lines.push(`  ${result.model} on ${result.hardware}: ${changedTitle(result)}${listed.length < changedCount(result) ? `, the ${listed.length} largest changes:` : ""}`);
    for (const cells of aligned(OP_COLUMNS, listed.map(opRow))) lines.push(`    ${cells.join("  ").trimEnd()}`);
  }
  const tokens = tokenLines(report.results);
  if (tokens.length > 0) {
    lines.push("", paint("Tokens", "bold"));
    for (const { result, text } of tokens) lines.push(`  ${result.model} on ${result.hardware}: ${text}`);
  }
  if (report.findings.length > 0) {
    lines.push("", paint("Findings", "bold"));
    for (const finding of report.findings) lines.push(`  ${paint(finding.severity.toUpperCase().padEnd(4), finding.severity)}  ${finding.rule}: ${finding.message}`);
  }
  const maxAdvice = options.maxAdvice ?? 8;
  const notes = notesLine(report.notes ?? []);
  if (report.advice.length > 0 || notes !== null) {
    lines.push("", paint("Advice", "bold"));
    for (const item of report.advice.slice(0, maxAdvice)) lines.push(`  - ${item.message}`);
    if (report.advice.length > maxAdvice) lines.push(paint(`  ... ${report.advice.length - maxAdvice} more in report.json`, "dim"));
    if (notes !== null) lines.push(paint(`  ${notes}`, "dim"));
  }
  lines.push("", verdictLine(report, paint));
  return commandSafe(`${lines.join("\n")}
`);
}
function verdictLine(report, paint) {
  const against = report.baseline === null ? "no baseline" : `against ${report.baseline}`;
  const counts = ["fail", "warn"].map((severity) => `${report.findings.filter((f) => f.severity === severity).length} ${severity}`).join(", ");
  return `${paint(report.status.toUpperCase(), report.status)}  ${report.results.length} results, ${counts}, ${against}`;
}

// src/core/llm/csv.ts
function opTableCsv(ops) {
  const levels = [...new Set(ops.flatMap((op) => Object.keys(op.bytes)))];
  const split = new Set(levels.filter((level) => ops.every((op) => op.kinds[level] !== void 0 || !(op.bytes[level] > 0))));
  const columns = levels.flatMap((level) => split.has(level) ? BYTE_KINDS.map((kind) => ({ level, kind })) : [{ level, kind: void 0 }]);
  const header = ["name", "flops", ...columns.map(({ level, kind }) => `bytes.${level}${kind ? `.${kind}` : ""}`)];
  const rows = ops.map((op) => [
    csvCell(op.name),
    String(op.flops),
    ...columns.map(({ level, kind }) => String(kind ? op.kinds[level]?.[kind] ?? 0 : op.bytes[level] ?? 0))
  ]);
  return [header, ...rows].map((cells) => `${cells.join(",")}
`).join("");
}
function csvCell(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// src/cli.ts
var VERSION = "0.1.0";
var FORMATS = ["text", "markdown", "json"];
var EXIT_STATUS = "Exit status: 0 pass or warnings only, 1 the gate failed, 2 bad input or usage.";
var HELP_OPTION = { type: "boolean", short: "h", help: "print this help and exit" };
var CONFIG_OPTION = { type: "string", default: "roofline.yml", value: "FILE", help: "the config file" };
var COMMANDS = {
  check: {
    summary: "analyse the config, compare with a baseline, print the report and write the out dir",
    detail: "Analyses the config, compares it with a baseline when one is given, prints the report and writes\nDIR/report.json, report.md, roofline.svg and roofline.vl.json.",
    options: {
      config: CONFIG_OPTION,
      base: { type: "string", value: "OLD.yml", help: "compare with this config file (or give --base-ref)" },
      "base-ref": { type: "string", value: "GIT_REF", help: "compare with the config as it was at that commit, branch or tag" },
      out: { type: "string", default: "roofline-report", value: "DIR", help: "where the report files are written" },
      format: { type: "string", default: "text", value: FORMATS.join("|"), help: "what is printed" },
      "no-color": { type: "boolean", default: false, help: "plain text (colour is used only at a terminal, and not with NO_COLOR)" },
      help: HELP_OPTION
    }
  },
  hardware: {
    summary: "list the built-in devices, or one with every figure and its source",
    detail: "Lists the built-in devices; with an ID (or an alias such as h100), shows that one with every\nfigure and its source.",
    positionals: "[ID]",
    options: {
      json: { type: "boolean", default: false, help: "print JSON instead of text" },
      help: HELP_OPTION
    }
  },
  import: {
    summary: "print a profiler's or FLOP counter's output as an op table (CSV)",
    detail: `Reads FILE as FORMAT, one of ${IMPORT_FORMATS.join(", ")} (read from the content when
left out), and prints it as an op table in CSV, the columns an \`ops: { file: ... }\` table takes.
What the source counted, and any figure left out and why, go to standard error.`,
    positionals: "[FORMAT] FILE",
    options: { help: HELP_OPTION }
  },
  generate: {
    summary: "print the ops an `llm:` model is generated as, an op table CSV",
    detail: "Prints the op table an `llm:` model of the config is generated as (name, flops, bytes.dram.weights,\nbytes.dram.activations, bytes.dram.kv), to see, diff or reuse as `ops: { file: ... }`.",
    options: {
      config: CONFIG_OPTION,
      model: { type: "string", value: "NAME", help: "the `llm:` model to print (needed when the config has several)" },
      help: HELP_OPTION
    }
  },
  schema: {
    summary: "print the JSON Schema of the config file",
    detail: "Prints the JSON Schema of the config file (the one shipped as roofline.schema.json).",
    options: { help: HELP_OPTION }
  }
};
var NAMES = Object.keys(COMMANDS);
function synopsis(name) {
  const command = COMMANDS[name];
  const words = [
    ...command.positionals ? [command.positionals] : [],
    ...Object.entries(command.options).filter(([key]) => key !== "help").map(([key, option]) => `[--${key}${option.value ? ` ${option.value}` : ""}]`)
  ];
  const head = `roofline-gate ${name}`;
  const lines = [head];
  for (const word of words) {
    if (lines.at(-1).length + word.length + 1 > 100) lines.push(" ".repeat(head.length));
    lines[lines.length - 1] += ` ${word}`;
  }
  return lines.join("\n");
}
function commandHelp(name) {
  const command = COMMANDS[name];
  const rows = Object.entries(command.options).map(([key, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ""}--${key}${option.value ? ` ${option.value}` : ""}`;
    return [flag, `${option.help}${option.default !== void 0 && option.type === "string" ? ` (default ${option.default})` : ""}`];
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    "Usage:",
    indent(synopsis(name)),
    "",
    command.detail,
    "",
    "Options:",
    ...rows.map(([flag, help2]) => `  ${flag.padEnd(width)}  ${help2}`),
    "",
    EXIT_STATUS,
    ""
  ].join("\n");
}
var indent = (text) => text.replace(/^/gm, "  ");
function help() {
  const width = Math.max(...NAMES.map((name) => name.length));
  return [
    `roofline-gate ${VERSION}: where your models sit on the roofline of the hardware they ship on`,
    "",
    "Usage:",
    ...NAMES.map((name) => indent(synopsis(name))),
    "",
    ...NAMES.map((name) => `${name.padEnd(width)}  ${COMMANDS[name].summary}`),
    "",
    "roofline-gate COMMAND --help lists the options of one command.",
    EXIT_STATUS,
    ""
  ].join("\n");
}
async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case "check":
      return check(rest);
    case "hardware":
      return hardware(rest);
    case "schema":
      return schema(rest);
    case "import":
      return importFile(rest);
    case "generate":
      return generate(rest);
    case void 0:
    case "--help":
    case "-h":
      process.stdout.write(help());
      return command === void 0 ? 2 : 0;
    case "help": {
      const [name] = rest;
      if (name === void 0) return process.stdout.write(help()), 0;
      return main([name, "--help"]);
    }
    case "--version":
    case "-v":
      process.stdout.write(`${VERSION}
`);
      return 0;
    default: {
      const nearest = nearestWord(command, [...NAMES, "help"]);
      throw new UsageError(`unknown command "${command}"${nearest ? `; did you mean "${nearest}"?` : ""}`);
    }
  }
}
async function check(args) {
  const { values } = parse(args, COMMANDS.check.options);
  if (values.help) return printHelp("check");
  const format = values.format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${format}: expected text, markdown or json`);
  if (values.base !== void 0 && values["base-ref"] !== void 0) throw new UsageError("give --base or --base-ref, not both");
  const file = values.config;
  let baseline = { kind: "none" };
  if (values.base !== void 0) baseline = { kind: "config", source: workingTree(values.base), file: values.base };
  if (values["base-ref"] !== void 0) baseline = { kind: "config", source: await gitRef(values["base-ref"]), file };
  if (values.base !== void 0 && await workingTree().readText(values.base) === null) {
    throw new UsageError(`--base ${values.base}: file not found`);
  }
  const { report } = await analyse({ source: workingTree(file), file }, baseline);
  const warn = (message) => process.stderr.write(`roofline-gate: warning: ${message}
`);
  const artifacts = await renderArtifacts(report, {}, warn);
  if (format === "json") process.stdout.write(reportJson(report));
  else if (format === "markdown") process.stdout.write(renderMarkdown(report, { limit: null }));
  else process.stdout.write(renderText(report, { paint: colours(values["no-color"]) }));
  try {
    await writeOutDir(values.out, artifacts);
  } catch (error) {
    throw new UsageError(`--out ${values.out}: cannot write the report there (${error.code ?? error.message})`);
  }
  return report.status === "fail" ? 1 : 0;
}
function hardware(args) {
  const { values, positionals } = parse(args, COMMANDS.hardware.options, COMMANDS.hardware.positionals !== void 0);
  if (values.help) return printHelp("hardware");
  if (positionals.length > 1) throw new UsageError("hardware takes at most one ID");
  const id = positionals[0];
  if (id === void 0) {
    process.stdout.write(values.json ? `${JSON.stringify(CATALOG, null, 2)}
` : catalogTable(CATALOG));
    return 0;
  }
  const entry = findEntry(id);
  if (!entry) {
    const nearest = nearestWord(id, CATALOG.flatMap((e) => [e.id, ...e.aliases]));
    throw new UsageError(`unknown hardware "${id}"${nearest ? `; did you mean "${nearest}"?` : ""} (roofline-gate hardware lists them)`);
  }
  process.stdout.write(values.json ? `${JSON.stringify(entry, null, 2)}
` : catalogDetail(entry));
  return 0;
}
function schema(args) {
  const { values } = parse(args, COMMANDS.schema.options);
  if (values.help) return printHelp("schema");
  process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}
`);
  return 0;
}
async function importFile(args) {
  const { values, positionals } = parse(args, COMMANDS.import.options, true);
  if (values.help) return printHelp("import");
  if (positionals.length === 0 || positionals.length > 2) throw new UsageError("import takes [FORMAT] FILE");
  const [format, file] = positionals.length === 2 ? positionals : [void 0, positionals[0]];
  if (format !== void 0 && !IMPORT_FORMATS.includes(format)) {
    const nearest = nearestWord(format, IMPORT_FORMATS);
    throw new UsageError(`unknown format "${format}"${nearest ? `; did you mean "${nearest}"?` : ""} (formats: ${IMPORT_FORMATS.join(", ")})`);
  }
  const chunks = await workingTree().readChunks(file);
  if (chunks === null) throw new UsageError(`${file}: file not found`);
  let read;
  try {
    read = await readImport(chunks, file, format);
  } catch (error) {
    if (error instanceof UnknownFormat) throw new UsageError(`${file}: ${error.message.replace("give `format:`", "give FORMAT")}`);
    throw error;
  }
  if ("table" in read) {
    process.stdout.write(importedCsv(read.table.ops.map((op) => ({ ...op, measuredSeconds: op.measuredSeconds ?? null, launches: 1, line: 0, missing: [] }))));
    return 0;
  }
  process.stdout.write(importedCsv(read.imported.ops));
  const note = (message) => process.stderr.write(`roofline-gate: ${message}
`);
  note(`${read.imported.format}: ${read.imported.convention}`);
  if (read.imported.noBytes !== void 0) note(read.imported.noBytes);
  for (const message of read.imported.notes) note(message);
  return 0;
}
async function generate(args) {
  const { values } = parse(args, COMMANDS.generate.options);
  if (values.help) return printHelp("generate");
  const config = await loadConfig(workingTree(values.config), values.config);
  if (config === null) throw new UsageError(`--config ${values.config}: file not found`);
  const generated = config.models.filter((model2) => model2.phases !== void 0);
  const names = generated.map((model2) => model2.name).join(", ");
  const wanted = values.model;
  const model = wanted === void 0 ? generated[0] : generated.find((candidate) => candidate.name === wanted);
  if (wanted === void 0 && generated.length !== 1) {
    throw new UsageError(generated.length === 0 ? `${values.config} has no \`llm:\` model` : `${values.config} has several \`llm:\` models (${names}): name one with --model`);
  }
  if (!model) {
    const nearest = nearestWord(wanted, generated.map((candidate) => candidate.name));
    throw new UsageError(`--model ${wanted}: no \`llm:\` model of that name${nearest ? `; did you mean "${nearest}"?` : ""} (${names || "there are none"})`);
  }
  process.stdout.write(opTableCsv(model.ops));
  return 0;
}
function printHelp(name) {
  process.stdout.write(commandHelp(name));
  return 0;
}
function parse(args, options, positionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw new UsageError(error.message.replace(/\. To specify a positional argument.*$/, ""));
  }
}
var STYLES = {
  compute: "green",
  memory: "yellow",
  fail: "red",
  warn: "yellow",
  pass: "green",
  dim: "gray",
  bold: "bold"
};
function colours(disabled) {
  if (disabled || !process.stdout.isTTY || process.env.NO_COLOR) return void 0;
  return (text, style) => styleText(STYLES[style], text);
}
main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}
`);
    } else if (error instanceof UsageError) {
      process.stderr.write(`roofline-gate: ${error.message}
Run roofline-gate --help for usage.
`);
    } else {
      const detail = process.env.ROOFLINE_GATE_DEBUG ? String(error.stack) : String(error?.message ?? error);
      process.stderr.write(`roofline-gate: unexpected error: ${detail}
Please report it with the config that caused it.
`);
    }
    process.exitCode = 2;
  }
);
