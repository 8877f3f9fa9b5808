try {
  log.info(123);
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code, message: err.message };
}
