import { ruleListLines } from "./rule-list";

export const GENERAL_HELP = `Control de Alianzas — cuadro de control de operaciones con alianzas estratégicas

Uso:
  control-alianzas preparar <entrada.xlsx> --salida <salida.xlsx>
  control-alianzas validar <archivo.xlsx> [--json]
  control-alianzas evaluar <archivo.xlsx> --anio AAAA --salida <salida.xlsx> [--pdf <archivo.pdf>] [--json]
  control-alianzas exportar <archivo.xlsx> --salida <copia.xlsx>
  control-alianzas seguimiento <archivo.xlsx> [--hoy AAAA-MM-DD] [--json]
  control-alianzas indicadores <archivo.xlsx> --anio AAAA [--salida <salida.xlsx>] [--json]

Comandos:
  preparar   Convierte el cuadro en tablas de Excel con encabezados, listas, formatos y fórmulas;
             guarda una copia de respaldo de cada hoja que reestructura. Nunca modifica la entrada.
  validar    Revisa las reglas del cuadro (DO duplicados, fechas, hitos, alianzas, contratos, NC…).
  evaluar    Genera o actualiza la hoja «Evaluación AAAA» de desempeño anual de las alianzas.
  exportar   Copia para compartir con quien no tiene el complemento: fórmulas ADUANA → valores.
  seguimiento  Lista los DO abiertos vencidos o en riesgo y las no conformidades que requieren acción.
  indicadores  Calcula los indicadores mensuales del año (cumplimiento ANS, etapas, no conformidades).

Use «control-alianzas <comando> --help» para ver las opciones de cada comando.

Estado de salida: 0 bien, 1 validar encontró errores, 2 no se pudo usar la entrada, la salida o la
línea de comandos. Un archivo de salida que ya existe no se reemplaza sin --sobrescribir.
`;

export const PREPARE_HELP = `Uso: control-alianzas preparar <entrada.xlsx> --salida <salida.xlsx>

Estructura el cuadro de control: crea o convierte las hojas Operaciones, Alianzas, No Conformidades
y Parámetros en tablas de Excel con los encabezados exactos, listas desplegables, formatos de fecha,
encabezado inmovilizado y las columnas calculadas (Meta ANS, Tiempo servicio, Estado ANS).
Reconoce encabezados escritos a mano (No. DO, Aduana, Alianza, F. levante…) y conserva todas las
celdas y columnas propias. Antes de reestructurar una hoja guarda una copia «Respaldo …».

El archivo de entrada nunca se modifica: el resultado se escribe en --salida.

Opciones:
  --salida <archivo.xlsx>   archivo que se escribe (obligatorio, distinto de la entrada; su carpeta
                            debe existir)
  --sobrescribir            reemplaza el archivo de salida si ya existe (sin ella, no se reemplaza)
  --help                    muestra esta ayuda

Estado de salida: 0 se escribió el archivo, 2 no se pudo usar la entrada, la salida o la línea de
comandos (no se escribe nada).
`;

export const VALIDATE_HELP = `Uso: control-alianzas validar <archivo.xlsx> [--json]

Revisa el cuadro de control con todas las reglas de validación e imprime los hallazgos por hoja y
regla. Cada hallazgo dice la hoja, la celda y qué corregir.

Reglas (identificador, gravedad y qué revisa):
${ruleListLines().join("\n")}

Opciones:
  --json    imprime {"findings":[{"rule","severity","sheet","cell","message"}],"summary":{…}}
  --help    muestra esta ayuda

Estado de salida: 0 sin errores (puede haber advertencias), 1 hay errores de validación, 2 no se
pudo usar el archivo o la línea de comandos. Con --json, si el archivo no se puede usar se imprime
{"error":{"code","message"}}.
`;

export const EVALUATE_HELP = `Uso: control-alianzas evaluar <archivo.xlsx> --anio AAAA --salida <salida.xlsx> [--pdf <archivo.pdf>] [--json]

Genera o actualiza la hoja «Evaluación AAAA»: una fila por alianza con DOs atendidos, % de
cumplimiento ANS, no conformidades, criterios C1–C5, puntaje, calificación y decisión. Al
regenerar un año conserva lo que escribió el evaluador (C4, C5, excluyente, observaciones, firmas).
El gráfico de cumplimiento solo se dibuja en Excel con el complemento.

Opciones:
  --anio AAAA               año evaluado (obligatorio)
  --salida <archivo.xlsx>   archivo que se escribe (obligatorio salvo con --pdf; distinto de la entrada)
  --pdf <archivo.pdf>       escribe también el PDF de la evaluación y de las fichas, listo para firmar;
                            usa LibreOffice (soffice): si no está instalado no se escribe nada y se
                            indica cómo instalarlo
  --json                    imprime las cifras de la evaluación en JSON
  --sobrescribir            reemplaza el archivo de salida si ya existe (sin ella, no se reemplaza)
  --help                    muestra esta ayuda

Estado de salida: 0 se escribió el archivo, 2 no se pudo usar la entrada, la salida o la línea de
comandos (no se escribe nada).
`;

export const EXPORT_HELP = `Uso: control-alianzas exportar <archivo.xlsx> --salida <copia.xlsx>

Escribe una copia del libro para compartir con quien no tiene el complemento (aliados, auditores):
cada fórmula ADUANA se reemplaza por su valor (el calculado en el archivo o, si no lo tiene, el que
calcula el complemento), de modo que nadie ve #¿NOMBRE?. Todo lo demás queda igual: fórmulas de
Excel, tablas, listas y formatos. Cada hoja lleva una nota a la derecha de sus datos que dice que es
una copia estática y de qué fecha. La entrada nunca se modifica.

Opciones:
  --salida <copia.xlsx>   archivo que se escribe (obligatorio, distinto de la entrada)
  --sobrescribir          reemplaza el archivo de salida si ya existe (sin ella, no se reemplaza)
  --help                  muestra esta ayuda

Estado de salida: 0 se escribió el archivo, 2 no se pudo usar la entrada, la salida o la línea de
comandos (no se escribe nada).
`;

export const FOLLOW_UP_HELP = `Uso: control-alianzas seguimiento <archivo.xlsx> [--hoy AAAA-MM-DD] [--json]

Muestra el trabajo del día: los DO abiertos (sin Fecha levante / autorización) cuyo Estado ANS es
Vencido o En riesgo, el más urgente primero, con la fecha en que vence la meta (días hábiles del
calendario del aliado, más los días imputables al cliente) y los días hábiles que quedan; y las no
conformidades que requieren acción (fecha compromiso vencida, Mayor/Crítica sin causa raíz o acción
correctiva, cerradas con eficacia pendiente). Cada elemento dice la hoja y la celda.

Opciones:
  --hoy AAAA-MM-DD   fecha de referencia (por omisión, hoy en Colombia)
  --json             imprime {"today","operations":[…],"nonconformities":[…]}
  --help             muestra esta ayuda

Estado de salida: 0 sin errores, 2 no se pudo usar el archivo o la línea de comandos.
`;

export const INDICATORS_HELP = `Uso: control-alianzas indicadores <archivo.xlsx> --anio AAAA [--salida <salida.xlsx>] [--json]

Calcula los indicadores del año para el sistema de gestión de calidad: por mes y aliado los DO
abiertos, medidos, a tiempo, % de cumplimiento ANS, días de servicio promedio y mediana; totales por
mes, por aliado y por ciudad; la mediana y el percentil 90 de cada etapa de la operación (llegada o
documentos → presentación → levante → entrega, levante → facturación); las no conformidades por mes
y tipo, las abiertas por antigüedad y el % cerradas eficaces.

Opciones:
  --anio AAAA               año de los indicadores (obligatorio)
  --salida <archivo.xlsx>   escribe además la hoja «Indicadores AAAA» en este archivo (distinto de la entrada)
  --json                    imprime las cifras en JSON
  --sobrescribir            reemplaza el archivo de salida si ya existe (sin ella, no se reemplaza)
  --help                    muestra esta ayuda

Estado de salida: 0 sin errores, 2 no se pudo usar el archivo o la línea de comandos.
`;
