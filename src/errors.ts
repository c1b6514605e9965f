// User errors carry where they happened and how to fix them; the CLI prints them
// without a stack trace and exits 2. Anything else that escapes is a bug.

export type UserErrorKind = 'usage' | 'config' | 'environment' | 'import';

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly kind: UserErrorKind,
    message: string,
    /** Where: a file path (as the user would type it) and, when known, line/column. */
    readonly where?: { file: string; line?: number; column?: number },
    /** One sentence saying how to fix it. */
    readonly hint?: string,
  ) {
    super(message);
  }

  /** `file:line:col: message` - the form editors and terminals link; `show` escapes each piece for display. */
  describe(show: (text: string) => string = (text) => text): string {
    const w = this.where;
    const at = w ? `${show(w.file)}${w.line !== undefined ? `:${w.line}` : ''}${w.line !== undefined && w.column !== undefined ? `:${w.column}` : ''}: ` : '';
    return `${at}${show(this.message)}${this.hint ? `\n  hint: ${this.hint.split('\n').map(show).join('\n')}` : ''}`;
  }
}

export const usageError = (message: string, hint?: string): UserError =>
  new UserError('usage', message, undefined, hint);

export const configError = (file: string, message: string, line?: number, column?: number, hint?: string): UserError =>
  new UserError('config', message, { file, line, column }, hint);

export const environmentError = (message: string, hint?: string): UserError =>
  new UserError('environment', message, undefined, hint);
