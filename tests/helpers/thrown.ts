/** The error `f` throws or rejects with (failing the test when there is none). */
export async function thrown(f: () => unknown): Promise<Error> {
  try {
    await f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}
