import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { run } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());

/** A minimal OLE compound file header, as an encrypted .xlsx starts, with its EncryptionInfo stream name. */
function encryptedXlsxBytes(): Buffer {
  const header = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  Buffer.from("EncryptionInfo", "utf16le").copy(header, 1024);
  return header;
}

async function workbookWithoutOperations(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Presupuesto").addRows([["Rubro", "Valor"], ["Arriendo", 1200000]]);
  await wb.xlsx.writeFile(file);
}

describe("control-alianzas on input it cannot use", () => {
  beforeAll(async () => {
    writeFileSync(folder.file("notas.txt"), "no es un libro");
    writeFileSync(folder.file("falso.xlsx"), "esto es texto con extensión .xlsx");
    writeFileSync(folder.file("vacio.xlsx"), "");
    writeFileSync(folder.file("protegido.xlsx"), encryptedXlsxBytes());
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]);
    writeFileSync(folder.file("danado.xlsx"), zip);
    await workbookWithoutOperations(folder.file("presupuesto.xlsx"));
  });

  it.each([
    ["no-existe.xlsx", /No se encontró el archivo .*no-existe\.xlsx/],
    ["notas.txt", /no es un libro de Excel \.xlsx/],
    ["falso.xlsx", /no es un libro de Excel válido/],
    ["vacio.xlsx", /está vacío/],
    ["protegido.xlsx", /está protegido con contraseña/],
    ["danado.xlsx", /está dañado/],
    ["presupuesto.xlsx", /no tiene una hoja de operaciones reconocible/],
  ])("validar %s: one Spanish sentence on stderr, exit 2", async (name, message) => {
    const result = await run("validar", folder.file(name));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it("preparar refuses to write over its input", async () => {
    const result = await run("preparar", folder.file("presupuesto.xlsx"), "--salida", folder.file("presupuesto.xlsx"));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/mismo archivo de entrada/);
  });

  it("evaluar reports unusable input the same way", async () => {
    const result = await run("evaluar", folder.file("protegido.xlsx"), "--anio", "2025", "--salida", folder.file("e.xlsx"));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/protegido con contraseña/);
  });
});

describe("control-alianzas command line", () => {
  it.each([["--help"], ["preparar", "--help"], ["validar", "--help"], ["evaluar", "--help"], ["exportar", "--help"]])("%s prints help in Spanish", async (...argv) => {
    const result = await run(...argv);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Uso:|\nUso:/);
  });

  it.each([
    [["importar", "a.xlsx"], /Comando desconocido: «importar»/],
    [["exportar", "a.xlsx"], /Falta la opción --salida <copia.xlsx>/],
    [["validar", "a.xlsx", "--csv"], /Opción desconocida: --csv/],
    [["preparar", "a.xlsx"], /Falta la opción --salida/],
    [["evaluar", "a.xlsx", "--anio", "25", "--salida", "b.xlsx"], /El año «25» no es válido/],
    [[], /Uso:/],
  ])("%j → usage and exit 2", async (argv, message) => {
    const result = await run(...argv);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Uso:/);
  });

  const commands = ["preparar", "validar", "evaluar", "exportar", "seguimiento", "indicadores"];

  it("says the same when the input file is missing, whatever the command", async () => {
    const said = await Promise.all(commands.map(async (command) => (await run(command)).stderr.split("\n")[0]));
    expect(new Set(said)).toEqual(new Set(["Falta el archivo de entrada (el cuadro de control .xlsx)."]));
  });

  it("says the same about an extra argument, naming the command", async () => {
    for (const command of commands) {
      const result = await run(command, "a.xlsx", "b.xlsx");
      expect(result.status).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(`Sobra el argumento «b.xlsx»: ${command} recibe un solo archivo de entrada.`);
    }
  });
});
