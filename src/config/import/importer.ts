// The guards file being imported, which every import error names. Its own
// module: the lexer, the source view and the passes all report through it.

import { UserError } from '../../errors.js';

/** The guards file being imported: every import error names it. */
export class Importer {
  readonly basename: string;

  constructor(readonly file: string) {
    this.basename = file.split(/[\\/]/).pop() ?? file;
  }

  fail(message: string, at?: { line: number; col: number }, hint?: string): never {
    throw new UserError('import', message, { file: this.file, line: at?.line, column: at?.col }, hint);
  }
}
