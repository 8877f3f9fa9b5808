try {
  await llm.structured("x", { type: 42 });
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code };
}
