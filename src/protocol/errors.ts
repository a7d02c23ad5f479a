// Bad input to the engine: the CLI prints it as one line and exits 2; the API answers 400.
export class EngineInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}
