try {
  await llm.complete("x", { model: "mock/gpt-9" });
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code };
}
