try {
  json.decode("1", "2");
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code, message: err.message };
}
