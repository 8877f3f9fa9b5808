// expect: runtime_error
Object.defineProperty(log, "info", { value: () => 1 });
