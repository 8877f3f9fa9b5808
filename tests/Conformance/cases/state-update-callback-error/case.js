try {
  await state.update("k", () => { throw new Error("no update today"); });
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code, message: err.message, unchanged: (await state.get("k")) === null };
}
