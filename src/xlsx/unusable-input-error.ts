export interface UnusableInputOptions extends ErrorOptions {
  /** A stable identifier scripts can test (`--json` prints it); the message may change, the code does not. */
  code?: string;
}

/** Input the command cannot work with; `message` is one Spanish sentence that says what to do. */
export class UnusableInputError extends Error {
  readonly code: string;

  constructor(message: string, options?: UnusableInputOptions) {
    super(message, options);
    this.name = "UnusableInputError";
    this.code = options?.code ?? "entrada-no-utilizable";
  }
}
