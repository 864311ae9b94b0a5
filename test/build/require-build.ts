import { existsSync } from "node:fs";
import { join, resolve, sep } from "node:path";

const root = resolve(__dirname, "..", "..");
/** The suites under test/build/ read the production build instead of building it themselves (webpack takes minutes). */
const DIST_SUITES = join(root, "test", "build") + sep;
const DIST_FILES = ["manifest.xml", "taskpane.html", "functions.js", "functions.json"];

/** The part of Jest's global config this check reads. */
interface SelectedTests {
  readonly testPathPattern: string;
  readonly onlyChanged?: boolean;
  readonly findRelatedTests?: boolean;
}

/**
 * Jest global setup: when the selected tests include the ones that read dist/ and it is missing, stop
 * with one line that says what to run, instead of one stack trace per suite.
 */
export default function requireBuild(config: SelectedTests): void {
  // In these modes the selection is not a path pattern; the suites' own message still names the command.
  if (config.onlyChanged || config.findRelatedTests) return;
  const pattern = new RegExp(config.testPathPattern, "i");
  const selectsDistSuites = ["manifest.test.ts", "functions-bundle.test.ts"].some((name) => pattern.test(DIST_SUITES + name));
  if (!selectsDistSuites) return;
  const missing = DIST_FILES.filter((name) => !existsSync(join(root, "dist", name)));
  if (missing.length === 0) return;
  const what = missing.length === DIST_FILES.length ? "no existe dist/" : `falta ${missing.map((name) => `dist/${name}`).join(", ")}`;
  const error = new Error(`Ejecute primero \`npm run build\`: las pruebas de test/build/ leen la compilación y ${what} (\`npm test\` compila y prueba todo).`);
  error.stack = error.message; // Jest prints the stack of a failing global setup: keep it to this one line.
  throw error;
}
