await state.set("k", 1);
const first = await state.delete("k");
const second = await state.delete("k");
return { first, second, after: (await state.get("k")) === null };
