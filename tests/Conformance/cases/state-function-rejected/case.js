try {
  await state.set("k", () => 1);
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code };
}
