export { planSampleData, type SampleDataOptions } from "./plan-sample-data";
export { generateOperationRows, type SampleOperation, type OperationGeneratorOptions } from "./operations";
export { operationResults, type OperationResults } from "./operation-results";
export { SAMPLE_ALLIANCES, nitWithCheckDigit, type SampleAlliance } from "./alliances";
export { SeededRandom } from "./random";
export { planLegacyCuadro } from "./legacy-cuadro";
