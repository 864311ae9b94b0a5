/** Raised before anything is written, with a Spanish message that says what to do. */
export class PlanNotApplicableError extends Error {}
