try {
  await llm.complete("x", { max_token: 5 });
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code, message: err.message };
}
