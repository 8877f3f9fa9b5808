// Updating a key from inside its own update function can never succeed; it must fail at once
// (not wait for itself until the timeout), and the outer update then fails with it.
let inner;
let outer;
try {
  await state.update("k", async (old) => {
    try {
      await state.update("k", (o) => 1);
    } catch (err) {
      inner = err.code;
      throw err;
    }
  });
} catch (err) {
  outer = err.code;
}
const other = await state.update("other", async (o) => (await state.update("third", (t) => 3)) + 1);
return { ok: outer === undefined, inner, outer, other, unchanged: (await state.get("k")) === null };
