/**
 * Normalised form of a header, so that a coordinator's spelling finds its column: case, accents,
 * punctuation, word order, filler words and usual abbreviations do not matter.
 * @example headerKey("No. DO") === headerKey("DO") // "do"
 * @example headerKey("F. levante") === headerKey("Fecha levante") // "fecha levante"
 */
export function headerKey(header: string): string {
  const text = header
    .replace(/[º°#]/g, " no ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const tokens: string[] = [];
  let hadNumberMarker = false;
  for (const raw of text.split(/[^a-z0-9]+/)) {
    if (raw === "") continue;
    if (NUMBER_MARKERS.has(raw)) {
      hadNumberMarker = true;
      continue;
    }
    if (FILLER_WORDS.has(raw)) continue;
    tokens.push(ABBREVIATIONS.get(raw) ?? raw);
  }
  if (tokens.length === 0) return hadNumberMarker ? "#" : "";
  return tokens.sort().join(" ");
}

// "Nº", "No.", "Nro", "Número" only say "number of": "No. DO" is the DO.
const NUMBER_MARKERS = new Set(["n", "no", "nro", "nros", "num", "numero"]);
const FILLER_WORDS = new Set(["de", "del", "la", "el", "los", "las", "y", "e", "en", "por", "para", "a", "al", "o", "u"]);
const ABBREVIATIONS = new Map<string, string>([
  ["f", "fecha"],
  ["fe", "fecha"],
  ["fec", "fecha"],
  ["fch", "fecha"],
  ["doc", "documentos"],
  ["docs", "documentos"],
  ["documentacion", "documentos"],
  ["imp", "importacion"],
  ["impo", "importacion"],
  ["exp", "exportacion"],
  ["expo", "exportacion"],
  ["tel", "telefono"],
  ["cel", "celular"],
  ["obs", "observaciones"],
  ["observacion", "observaciones"],
  ["coord", "coordinador"],
  ["coordinadora", "coordinador"],
  ["merc", "mercancia"],
  ["mcia", "mercancia"],
  ["pres", "presentacion"],
  ["aut", "autorizacion"],
  ["autoriz", "autorizacion"],
  ["fact", "facturacion"],
  ["ult", "ultima"],
  ["verif", "verificacion"],
  ["desc", "descripcion"],
  ["resp", "responsable"],
  ["email", "correo"],
  ["mail", "correo"],
  ["hab", "habiles"],
  ["habil", "habiles"],
  ["dia", "dias"],
  ["cia", "compania"],
]);
