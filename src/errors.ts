// The few errors the web layer maps to status codes. Services throw these; routes never build responses for them.

export type FieldError = { field: string; message: string };

/** Bad input: 400 on the API, an error summary on a page, exit 2 on the CLI. */
export class ValidationError extends Error {
  readonly fields: FieldError[];
  constructor(fields: FieldError[]) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '));
    this.fields = fields;
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do that') {
    super(message);
  }
}

/** Someone else changed the record first (optimistic concurrency) or the change collides with stored data. */
export class ConflictError extends Error {}
