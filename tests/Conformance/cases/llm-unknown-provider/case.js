try {
  await llm.complete("x", { provider: "nope" });
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code, message: err.message };
}
