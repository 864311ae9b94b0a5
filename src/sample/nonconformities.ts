import { ymdFromSerial } from "../domain/calendar";
import type { CellValue } from "../domain/workbook/snapshot";
import { SAMPLE_ALLIANCES } from "./alliances";
import type { OperationResults } from "./operation-results";
import type { SampleOperation } from "./operations";
import { SeededRandom } from "./random";

/** One row of tblNoConformidades: keys of NONCONFORMITY_HEADERS → values. */
export interface SampleNonconformity {
  number: string;
  date: CellValue;
  type: string;
  do: string;
  alliance: string;
  description: string;
  severity: string;
  correction: string;
  rootCause: string;
  correctiveAction: string;
  owner: string;
  dueDate: CellValue;
  closedDate: CellValue;
  effective: string;
  status: string;
}

interface Story {
  type: string;
  severity: string;
  description: string;
  correction: string;
  rootCause: string;
  correctiveAction: string;
  owner: string;
  status: string;
  effective: string;
}

const STORIES: readonly Story[] = [
  { type: "Incumplimiento ANS", severity: "Mayor", description: "Levante obtenido después de la meta acordada.", correction: "Seguimiento diario con el aliado hasta el levante.", rootCause: "Declaración presentada con un día de retraso por falta de personal.", correctiveAction: "El aliado asigna un segundo digitador en temporada alta.", owner: "Laura Gómez", status: "Cerrada", effective: "Sí" },
  { type: "Incumplimiento ANS", severity: "Menor", description: "Autorización de embarque fuera del tiempo acordado.", correction: "Se coordinó el embarque en la siguiente motonave.", rootCause: "Error en la descripción de la mercancía en la SAE.", correctiveAction: "Lista de chequeo de descripciones antes de presentar.", owner: "Julián Ospina", status: "Cerrada", effective: "Sí" },
  { type: "Reclamo cliente", severity: "Mayor", description: "El cliente reclama por demora en la entrega de la mercancía.", correction: "Entrega priorizada y comunicación al cliente.", rootCause: "Inspección física no informada a tiempo por el aliado.", correctiveAction: "Aviso de inspección al coordinador el mismo día.", owner: "Paola Cárdenas", status: "En ejecución", effective: "Pendiente" },
  { type: "Incumplimiento ANS", severity: "Mayor", description: "Levante tardío en operación de carga refrigerada.", correction: "Escalamiento a la gerencia del aliado.", rootCause: "", correctiveAction: "", owner: "Andrés Rivas", status: "En análisis", effective: "Pendiente" },
  { type: "No conformidad", severity: "Menor", description: "Subpartida arancelaria mal digitada en la declaración.", correction: "Declaración de corrección presentada.", rootCause: "No se verificó la subpartida contra la ficha técnica.", correctiveAction: "Verificación cruzada de subpartidas por un segundo revisor.", owner: "Laura Gómez", status: "Cerrada", effective: "Sí" },
  { type: "Queja", severity: "Menor", description: "El cliente no recibió el aviso de llegada de la mercancía.", correction: "Se envió el aviso y se confirmó recepción.", rootCause: "Correo del cliente desactualizado.", correctiveAction: "Actualizar contactos de clientes cada trimestre.", owner: "Natalia Mosquera", status: "Cerrada", effective: "No" },
  { type: "Hallazgo auditoría", severity: "Mayor", description: "Auditoría interna: carpeta del DO sin copia del levante.", correction: "Se solicitó el documento al aliado.", rootCause: "El aliado no cargó el soporte en la carpeta compartida.", correctiveAction: "Verificación de soportes antes de facturar.", owner: "Paola Cárdenas", status: "Abierta", effective: "Pendiente" },
  { type: "Incumplimiento ANS", severity: "Menor", description: "Levante un día después de la meta.", correction: "Seguimiento con el aliado.", rootCause: "Congestión en el puerto.", correctiveAction: "Programar citas de inspección con anticipación.", owner: "Andrés Rivas", status: "Cerrada", effective: "Pendiente" },
  { type: "Reclamo cliente", severity: "Crítica", description: "Mercancía retenida por documentos incompletos del aliado.", correction: "Documentos completados y levante obtenido.", rootCause: "Falta de revisión del registro sanitario INVIMA.", correctiveAction: "Lista de requisitos por subpartida compartida con el aliado.", owner: "Laura Gómez", status: "Cerrada", effective: "Sí" },
  { type: "No conformidad", severity: "Menor", description: "Registro duplicado en el cuadro de control.", correction: "Registro anulado.", rootCause: "", correctiveAction: "", owner: "Julián Ospina", status: "Anulada", effective: "Pendiente" },
  { type: "Incumplimiento ANS", severity: "Mayor", description: "Autorización de embarque tardía; el contenedor perdió el cierre.", correction: "Reprogramación del embarque.", rootCause: "Aliado sin funcionario disponible para la inspección.", correctiveAction: "Turnos de disponibilidad acordados por contrato.", owner: "Natalia Mosquera", status: "En ejecución", effective: "Pendiente" },
  { type: "Incumplimiento ANS", severity: "Menor", description: "Levante tardío por error en el valor en aduana.", correction: "Corrección del valor y nueva presentación.", rootCause: "Factura comercial con dos versiones.", correctiveAction: "Confirmar la versión final de la factura con el cliente.", owner: "Paola Cárdenas", status: "Cerrada", effective: "Sí" },
];

/**
 * About a dozen non-conformities over the sample's DOs, mostly linked to late ones, numbered NC-AAAA-NNN,
 * and the DOs' NC cells filled. One closed without a verified effectiveness check, as happens in practice.
 */
export function generateNonconformities(
  operations: SampleOperation[],
  results: readonly OperationResults[],
  seed: number,
  today: number,
): SampleNonconformity[] {
  const random = new SeededRandom(seed ^ 0x5eed);
  const late = operations.map((op, i) => ({ op, result: results[i] })).filter(({ result }) => result?.ansStatus === "No cumple");
  const any = operations.filter((op) => typeof op.release === "number");
  const picked = new Set<SampleOperation>();
  const rows: { date: number; story: Story; op: SampleOperation | null }[] = [];
  for (const story of STORIES) {
    const pool = story.type === "Incumplimiento ANS" || story.type === "Reclamo cliente" ? late.map(({ op }) => op) : any;
    let op: SampleOperation | null = null;
    for (let tries = 0; tries < 20 && pool.length > 0; tries++) {
      const candidate = random.pick(pool);
      if (!picked.has(candidate)) {
        op = candidate;
        break;
      }
    }
    if (story.type === "Hallazgo auditoría" || !op) op = null;
    else picked.add(op);
    const base = op && typeof op.release === "number" ? Math.floor(op.release) + random.int(1, 4) : today - random.int(20, 300);
    rows.push({ date: Math.min(base, today - 1), story, op });
  }
  rows.sort((a, b) => a.date - b.date);
  const sequences = new Map<number, number>();
  return rows.map(({ date, story, op }) => {
    const year = ymdFromSerial(date).year;
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const number = `NC-${year}-${String(sequence).padStart(3, "0")}`;
    if (op) op.nc = number;
    const closed = story.status === "Cerrada";
    return {
      number,
      date,
      type: story.type,
      do: op?.do ?? "",
      // An audit finding names the partner audited, not a DO.
      alliance: op?.alliance ?? SAMPLE_ALLIANCES[2]?.name ?? "",
      description: story.description,
      severity: story.severity,
      correction: story.correction,
      rootCause: story.rootCause,
      correctiveAction: story.correctiveAction,
      owner: story.owner,
      dueDate: date + 30,
      closedDate: closed ? Math.min(date + random.int(10, 40), today - 1) : null,
      effective: story.effective,
      status: story.status,
    };
  });
}
