try {
  await time.sleep(-5);
  return { ok: true };
} catch (err) {
  return { ok: false, code: err.code };
}
