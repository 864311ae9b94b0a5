/** Input the command cannot work with; `message` is one Spanish sentence that says what to do. */
export class UnusableInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "UnusableInputError";
  }
}
