try {
  json.encode({ f: () => 1 });
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code };
}
