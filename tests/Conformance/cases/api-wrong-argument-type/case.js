try {
  await llm.complete(42);
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code, message: err.message };
}
