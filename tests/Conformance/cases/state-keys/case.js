await state.set("b1", 1);
await state.set("a2", 2);
await state.set("a1", 3);
return { all: await state.keys(), a: await state.keys("a"), none: await state.keys("zzz") };
