// The first failure of async.all is its error; the other functions are cancelled at the call they
// wait in and make no more calls (no state write, no log), and the run goes on.
let err;
try {
  await async.all([
    async () => { await time.sleep(300); await state.set("late", "written"); return 1; },
    async () => { await time.sleep(20); throw { code: "nope", message: "the second gave up" }; },
  ]);
} catch (e) { err = e; }
await time.sleep(400);
let bad;
try { await async.all([() => 1, 42]); } catch (e) { bad = e; }
return { code: err.code, message: err.message, late: (await state.get("late")) ?? "never written", bad: bad.code + ": " + bad.message };
