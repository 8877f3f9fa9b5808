// expect: runtime_error nothing will ever settle
await new Promise(() => {});
