import { ALLIANCES_SCHEMA } from "./alliances-schema";
import { NONCONFORMITIES_SCHEMA } from "./nonconformities-schema";
import { OPERATIONS_SCHEMA } from "./operations-schema";
import { PARAMETER_SCHEMAS } from "./parameters-schema";
import type { TableSchema } from "./schema-types";

export { ALLIANCES_SCHEMA } from "./alliances-schema";
export { NONCONFORMITIES_SCHEMA } from "./nonconformities-schema";
export { OPERATIONS_SCHEMA } from "./operations-schema";
export {
  CITIES_SCHEMA,
  DEFAULT_RATING_BAND_ROWS,
  DEFAULT_WEIGHT_ROWS,
  EXTRA_HOLIDAYS_SCHEMA,
  PARAMETER_SCHEMAS,
  RATING_BANDS_SCHEMA,
  SETTINGS_SCHEMA,
  WEIGHTS_SCHEMA,
} from "./parameters-schema";
export * from "./schema-types";

/** The three record tables a coordinator fills in, in sheet order; they may come as plain ranges. */
export const RECORD_SCHEMAS: readonly TableSchema[] = [OPERATIONS_SCHEMA, ALLIANCES_SCHEMA, NONCONFORMITIES_SCHEMA];

/** Every table of SPEC §1, in the order the add-in lays them out. */
export const ALL_SCHEMAS: readonly TableSchema[] = [...RECORD_SCHEMAS, ...PARAMETER_SCHEMAS];
