await state.set("k", "v");
await state.set("k", null);
return await state.keys();
