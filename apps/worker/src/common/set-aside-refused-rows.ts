/**
 * Writes rows with `write` in one go; when the database refuses the data of some row
 * (`isRefusal`), halves the rows until each refused row is found alone, writes the others, and
 * returns the refused ones with the database's message. One bad row among a thousand costs
 * about twenty statements instead of failing the batch — and, retried, failing it forever.
 * `write` must leave nothing behind when it throws (run it in a savepoint).
 */
export async function writeSettingAsideRefusals<T, R>(
  rows: readonly T[],
  write: (rows: readonly T[]) => Promise<readonly R[]>,
  isRefusal: (error: unknown) => boolean,
): Promise<{ written: R[]; refused: Array<{ row: T; reason: string }> }> {
  if (rows.length === 0) return { written: [], refused: [] };
  try {
    return { written: [...(await write(rows))], refused: [] };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    if (rows.length === 1) return { written: [], refused: [{ row: rows[0], reason: error instanceof Error ? error.message : String(error) }] };
    const middle = Math.ceil(rows.length / 2);
    const first = await writeSettingAsideRefusals(rows.slice(0, middle), write, isRefusal);
    const second = await writeSettingAsideRefusals(rows.slice(middle), write, isRefusal);
    return { written: [...first.written, ...second.written], refused: [...first.refused, ...second.refused] };
  }
}
