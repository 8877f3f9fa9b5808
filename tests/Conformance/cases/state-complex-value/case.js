const value = { name: "doc", parts: [1, 2.5, "three", { four: true }], empty: [] };
await state.set("doc", value);
return await state.get("doc");
