/**
 * The wording of what file mode (ExcelJS) tells the user: input files it cannot use, files it cannot write,
 * steps it cannot carry out. One catalogue; each input message names the file and says what to do.
 */
export const FileMessages = {
  // Input files (UnusableInputError; its code is stable, the wording may change).
  notFound: (shown: string): string => `No se encontró el archivo ${shown}; revise la ruta y el nombre e intente de nuevo.`,
  isFolder: (shown: string): string => `${shown} es una carpeta; indique la ruta de un libro de Excel (.xlsx).`,
  notXlsx: (shown: string): string => `${shown} no es un libro de Excel .xlsx; ábralo en Excel y use «Guardar como» > «Libro de Excel (*.xlsx)».`,
  empty: (shown: string): string => `${shown} está vacío (0 bytes); use una copia en buen estado del libro.`,
  passwordProtected: (shown: string): string =>
    `${shown} está protegido con contraseña; ábralo en Excel, quite la contraseña (Archivo > Información > Proteger libro) y guárdelo de nuevo.`,
  oldXls: (shown: string): string => `${shown} es un libro de Excel antiguo (.xls); ábralo en Excel y guárdelo como «Libro de Excel (*.xlsx)».`,
  notAZip: (shown: string, extension: string): string =>
    `${shown} no es un libro de Excel válido aunque termine en ${extension}; ábralo en Excel y guárdelo de nuevo como .xlsx.`,
  damaged: (file: string): string => `«${file}» está dañado y no se puede leer; ábralo en Excel para repararlo o use una copia de respaldo.`,
  noSheets: (file: string): string => `«${file}» no tiene hojas legibles; revise que sea el cuadro de control de procesos.`,

  // Output files.
  folderNotCreated: (folder: string): string => `No se pudo crear la carpeta «${folder}»; elija otra ubicación para el archivo de salida.`,
  notWritten: (file: string): string =>
    `No se pudo escribir «${file}»; cierre el archivo si está abierto (en Excel o en un visor de PDF) y revise que tenga permiso de escritura en esa carpeta.`,

  // Plan steps file mode cannot carry out.
  chartNotDrawn: (chart: string): string =>
    `El archivo .xlsx no incluye el gráfico «${chart}» porque el modo archivo no puede dibujar gráficos; ábralo en Excel con el complemento para verlo.`,
  noSuchSheet: (sheet: string): string => `No existe la hoja «${sheet}» en el libro.`,
  tableExists: (table: string, sheet: string): string => `Ya existe una tabla llamada ${table} en la hoja ${sheet}.`,
  tablesOverlap: (table: string, other: string, sheet: string): string => `La tabla ${table} se superpondría a la tabla ${other} en la hoja ${sheet}.`,
  noSuchTable: (table: string, sheet: string): string => `No se encontró la tabla ${table} en la hoja ${sheet}.`,
  headerMoves: (table: string): string => `La tabla ${table} no puede cambiar de encabezado al redimensionarla.`,
  tableMoved: (table: string, sheet: string, now: string, read: string): string => `La tabla ${table} de la hoja ${sheet} ocupa ${now}, no ${read} como se leyó.`,
  /** For developers: the ExcelJS in node_modules is not the version the row-break patch was written for. */
  unexpectedExcelJs: "ExcelJS.Worksheet sin el modelo esperado: revise la versión de exceljs.",
} as const;
