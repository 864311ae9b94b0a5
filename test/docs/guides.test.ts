import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { RULES } from "../../src/domain/validation/rule-catalogue";

const root = resolve(__dirname, "..", "..");
const read = (path: string): string => readFileSync(join(root, path), "utf8");
const guide = read("docs/guia-coordinador.md");

describe("docs/guia-coordinador.md", () => {
  it.each(Object.keys(RULES))("explains the rule %s", (id) => {
    expect(guide).toContain(`\`${id}\``);
  });

  const functionNames = [...read("src/functions/functions.ts").matchAll(/@customfunction\s+([A-Z_]+)/g)].map((match) => match[1]);
  it("finds the functions it checks", () => {
    expect(functionNames.length).toBeGreaterThanOrEqual(10);
  });
  it.each(functionNames)("explains ADUANA.%s", (name) => {
    expect(guide).toContain(`ADUANA.${name}(`);
  });
});

describe("the project stands on its own", () => {
  it("links the guides from the README", () => {
    const readme = read("README.md");
    expect(readme).toContain("docs/guia-coordinador.md");
    expect(readme).toContain("docs/guia-administrador.md");
  });

  // The folder a developer's reference material sits in beside the clone, which a user's clone does not have;
  // spelled in parts so that this file does not name it either, and no file is exempt.
  const outside = ["..", "shared"].join("/");

  it("no tracked file refers to the reference folder outside the repository", () => {
    const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
    const offenders = files.filter((file) => {
      try { return readFileSync(join(root, file), "utf8").includes(outside); } catch { return false; }
    });
    expect(offenders).toEqual([]);
  });
});
