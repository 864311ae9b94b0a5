/** Input the command cannot work with; `message` is one Spanish sentence that says what to do. */
export class UnusableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnusableInputError";
  }
}
