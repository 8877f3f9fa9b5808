try {
  (() => { throw { code: "inner", message: "first" }; })();
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code, message: err.message };
}
