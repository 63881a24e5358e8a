#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import e from"node:module";e.enableCompileCache?.();await import("./chunks/cli-QXOWDLAH.js");
