#!/usr/bin/env node
"use strict";
// The command is compiled TypeScript (npm run build:cli → build/cli); say how to build it when missing.
const path = require("node:path");
const fs = require("node:fs");

const main = path.join(__dirname, "..", "..", "build", "cli", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write(
    "control-alianzas no está compilado todavía: ejecute «npm install» (o «npm run build:cli») en la carpeta del proyecto.\n",
  );
  process.exit(2);
}
const { runCli } = require(main);
const { todayInBogota } = require(path.join(__dirname, "..", "..", "build", "cli", "cli", "today.js"));
runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  today: todayInBogota(),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    process.stderr.write(`Error inesperado: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
