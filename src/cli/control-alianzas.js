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
require(main).runCliInProcess();
