try {
  json.decode("{bad");
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code, mentions_position: err.message.includes("line 1, column 2") };
}
