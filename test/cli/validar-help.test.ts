import { RULES } from "../../src/domain/validation/rule-catalogue";
import { RULE_IDS } from "../../src/domain/validation/finding";
import { run } from "./run-cli";

describe("control-alianzas validar --help", () => {
  it("lists every validation rule once, with its severity and title", async () => {
    const { status, stdout } = await run("validar", "--help");
    expect(status).toBe(0);
    const listed = stdout.split("\n").filter((line) => /^ {2}[a-z]+(-[a-z]+)+ /.test(line));
    expect(listed.map((line) => line.trim().split(/\s+/)[0]).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      const line = listed.find((l) => l.trim().startsWith(`${id} `)) ?? "";
      expect(line).toContain(RULES[id].severity);
      expect(line).toContain(RULES[id].title);
    }
  });
});
