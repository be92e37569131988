// A broken or inconsistent reference file: names the file, the row (1 = header) and the problem.
export class ReferenceDataError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly problem: string,
  ) {
    super(`${file}${row !== null ? `, row ${row}` : ''}: ${problem}`);
    this.name = 'ReferenceDataError';
  }
}
