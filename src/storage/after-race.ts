/**
 * Runs a write once more when it lost a race the database refereed (`lost` tells which errors say
 * so): in a new transaction it sees the winner's row, and answers as it would have alone.
 */
export async function onceMoreAfterRace<T>(write: () => Promise<T>, lost: (error: unknown) => boolean): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (lost(error)) return write();
    throw error;
  }
}
