// Serving needs a tool server (llmspell mcp serve --spell); a plain run has none and says so.
try {
  await tools.serve();
  return { ok: true };
} catch (e) {
  return { ok: false, code: e.code, hint: e.message.includes("mcp serve --spell") };
}
