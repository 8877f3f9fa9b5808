// expect: bad_argument the limit for one value
// A state value past its limit is refused before any store holds it (update included).
await state.update("k", () => "x".repeat(5 * 1024 * 1024));
