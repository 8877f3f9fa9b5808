await state.set("greeting", "hello");
await state.set("count", 3);
return { greeting: await state.get("greeting"), count: await state.get("count") };
