const seen = [];
for (let i = 1; i <= 3; i++) {
  await state.update("counter", (old) => {
    seen.push(old === null ? "nil" : String(old));
    return (old ?? 0) + 1;
  });
}
return { counter: await state.get("counter"), seen };
