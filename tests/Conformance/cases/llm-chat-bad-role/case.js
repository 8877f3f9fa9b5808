try {
  await llm.chat([{ role: "robot", content: "beep" }]);
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code, message: err.message };
}
