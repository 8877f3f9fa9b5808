const a = await state.update("a", async (old) => { await null; return (old ?? 0) + 1; });
const b = await state.update("b", async (old) => { await time.sleep(1); return (old ?? 10) + 1; });
const c = await state.update("a", async (old) => { await null; return old * 5; });
return { a, b, c };
