try {
  await llm.complete("x", { tools: [{ name: "has space", handler: () => 1 }] });
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code, message: err.message };
}
